"""What a replaced or deleted document leaves behind, said once for `verify` and for the clean-up
at the end of an ingest: people no row names any more, spellings learnt from documents that are
gone, organisations only those documents named."""

from __future__ import annotations

from referat.store.db import Connection

# A person is kept while an attendance row, a vote, or a pending review names them. (Lists of ids, not an
# OR in a join: DuckDB joins on an OR by comparing every pair.)
ORPHAN_PEOPLE = """SELECT p.id FROM people p WHERE p.id NOT IN (
    SELECT person_id FROM attendance
    UNION ALL SELECT substitute_for_id FROM attendance WHERE substitute_for_id IS NOT NULL
    UNION ALL SELECT person_id FROM vote_voters UNION ALL SELECT person_id FROM recusals
    UNION ALL SELECT id FROM (SELECT unnest([mention_id, candidate_id, runner_up_id]) AS id FROM reviews
                              WHERE status = 'pending') WHERE id IS NOT NULL
)"""
# A spelling learnt from a document (not curated, reviewed or learnt from an abbreviation) whose document is gone.
STALE_ALIAS = """a.document_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = a.document_id AND d.status = 'loaded')"""
# An organisation no row points to whose every spelling came from documents that are gone; one
# without such spellings (an authority entry) stays.
ORPHAN_ORGANISATIONS = """SELECT o.id FROM organisations o
    WHERE o.id NOT IN (SELECT organisation_id FROM attendance WHERE organisation_id IS NOT NULL
                       UNION ALL SELECT organisation_id FROM vote_voters WHERE organisation_id IS NOT NULL
                       UNION ALL SELECT organisation_id FROM vote_parties WHERE organisation_id IS NOT NULL
                       UNION ALL SELECT organisation_id FROM recusals WHERE organisation_id IS NOT NULL
                       UNION ALL SELECT parent_id FROM organisations WHERE parent_id IS NOT NULL)
    AND o.id IN (SELECT entity_id FROM aliases WHERE entity_kind = 'organisation')
    AND o.id NOT IN (SELECT k.entity_id FROM aliases k LEFT JOIN documents d ON d.id = k.document_id
                     AND d.status = 'loaded' WHERE k.entity_kind = 'organisation'
                     AND (k.document_id IS NULL OR d.id IS NOT NULL))"""

# Where a spelling is still written, per kind of entity: the attendance rows that carry it.
_STILL_WRITTEN = [
    ("person", "t.person_id = a.entity_id AND t.name_raw = a.alias"),
    ("person", "t.substitute_for_id = a.entity_id AND t.substitute_for_raw = a.alias"),
    # a unit's spelling may be one part of the cell ('IGS-UiB' in 'BCEPS/IGS-UiB')
    ("organisation", "t.organisation_id = a.entity_id AND contains(t.organisation_raw, a.alias)"),
]


def remove_orphans(conn: Connection) -> dict[str, int]:
    """Delete what no document holds up any more (in the caller's transaction); counts per table.

    A spelling from a deleted document that another document still writes is kept and points to
    that document instead."""
    # Mostly there are none: one statement that says so costs a fifth of the fourteen below (30 ms
    # on a small archive, most of the clean-up after a one-file ingest).
    if not any(conn.execute(f"SELECT EXISTS ({ORPHAN_PEOPLE}), EXISTS ({ORPHAN_ORGANISATIONS}), "
                            f"EXISTS (SELECT 1 FROM aliases a WHERE {STALE_ALIAS})").fetchone() or (True,)):
        return {"people": 0, "organisations": 0, "aliases": 0}
    # Both sets are taken before anything goes, in tables: a long list of ids as a parameter is
    # searched once per row.
    conn.execute(f"CREATE OR REPLACE TEMP TABLE orphan_people AS {ORPHAN_PEOPLE}")
    conn.execute(f"CREATE OR REPLACE TEMP TABLE orphan_organisations AS {ORPHAN_ORGANISATIONS}")
    counts = {}
    for kind, table in (("person", "people"), ("organisation", "organisations")):
        conn.execute(f"DELETE FROM aliases WHERE entity_kind = ? AND entity_id IN (SELECT id FROM orphan_{table})",
                     [kind])
        conn.execute(f"DELETE FROM {table} WHERE id IN (SELECT id FROM orphan_{table})")
        counts[table] = conn.execute(f"SELECT count(*) FROM orphan_{table}").fetchone()[0]
        conn.execute(f"DROP TABLE orphan_{table}")
    for kind, written in _STILL_WRITTEN:
        conn.execute(f"""UPDATE aliases a SET document_id = w.document_id, source = 'document:' || w.document_id
            FROM (SELECT a.rowid AS alias_row, min(t.document_id) AS document_id FROM aliases a
                  JOIN attendance t ON {written} WHERE {STALE_ALIAS} AND a.entity_kind = ? GROUP BY a.rowid) w
            WHERE a.rowid = w.alias_row""", [kind])
    stale = conn.execute(f"SELECT count(*) FROM aliases a WHERE {STALE_ALIAS}").fetchone()[0]
    conn.execute(f"DELETE FROM aliases a WHERE {STALE_ALIAS}")
    return {**counts, "aliases": int(stale)}
