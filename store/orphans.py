"""What a replaced or deleted document leaves behind, said once for `verify` and for the clean-up
at the end of an ingest: people no row names any more, spellings learnt from documents that are
gone, organisations only those documents named."""

from __future__ import annotations

from referat.store.db import Connection

# A person is kept while an attendance row, or a pending review, names them.
ORPHAN_PEOPLE = """SELECT p.id FROM people p
    WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = p.id OR a.substitute_for_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.status = 'pending'
                    AND p.id IN (r.mention_id, r.candidate_id, r.runner_up_id))"""
# A spelling learnt from a document (not curated, reviewed or learnt from an abbreviation) whose document is gone.
STALE_ALIAS = """a.document_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = a.document_id AND d.status = 'loaded')"""
# An organisation no row points to whose every spelling came from documents that are gone; one
# without such spellings (an authority entry) stays.
ORPHAN_ORGANISATIONS = """SELECT o.id FROM organisations o
    WHERE NOT EXISTS (SELECT 1 FROM attendance t WHERE t.organisation_id = o.id)
    AND NOT EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id)
    AND EXISTS (SELECT 1 FROM aliases k WHERE k.entity_kind = 'organisation' AND k.entity_id = o.id)
    AND NOT EXISTS (SELECT 1 FROM aliases k WHERE k.entity_kind = 'organisation' AND k.entity_id = o.id
                    AND (k.document_id IS NULL OR EXISTS (SELECT 1 FROM documents d
                                                           WHERE d.id = k.document_id AND d.status = 'loaded')))"""

# Where a spelling is still written, per kind of entity: the attendance rows that carry it.
_STILL_WRITTEN = {
    "person": "(t.person_id = a.entity_id AND t.name_raw = a.alias) "
              "OR (t.substitute_for_id = a.entity_id AND t.substitute_for_raw = a.alias)",
    # a unit's spelling may be one part of the cell ('IGS-UiB' in 'BCEPS/IGS-UiB')
    "organisation": "t.organisation_id = a.entity_id AND contains(t.organisation_raw, a.alias)",
}


def remove_orphans(conn: Connection) -> dict[str, int]:
    """Delete what no document holds up any more (in the caller's transaction); counts per table.

    A spelling from a deleted document that another document still writes is kept and points to
    that document instead."""
    people = [pid for (pid,) in conn.execute(ORPHAN_PEOPLE).fetchall()]
    orgs = [oid for (oid,) in conn.execute(ORPHAN_ORGANISATIONS).fetchall()]
    for kind, ids in (("person", people), ("organisation", orgs)):
        if ids:
            conn.execute("DELETE FROM aliases WHERE entity_kind = ? AND list_contains(?, entity_id)", [kind, ids])
    if people:
        conn.execute("DELETE FROM people WHERE list_contains(?, id)", [people])
    if orgs:
        conn.execute("DELETE FROM organisations WHERE list_contains(?, id)", [orgs])
    for kind, written in _STILL_WRITTEN.items():
        conn.execute(f"""UPDATE aliases a SET document_id = w.document_id, source = 'document:' || w.document_id
            FROM (SELECT a.rowid AS alias_row, min(t.document_id) AS document_id FROM aliases a
                  JOIN attendance t ON {written} WHERE {STALE_ALIAS} AND a.entity_kind = ? GROUP BY a.rowid) w
            WHERE a.rowid = w.alias_row""", [kind])
    stale = conn.execute(f"SELECT count(*) FROM aliases a WHERE {STALE_ALIAS}").fetchone()[0]
    conn.execute(f"DELETE FROM aliases a WHERE {STALE_ALIAS}")
    return {"people": len(people), "organisations": len(orgs), "aliases": int(stale)}
