"""`referat verify`: is the archive whole? Every fact has a document, page and line; every reference
between tables points to a row; nothing is left that no document holds up; every document's stored
text still matches its hash."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from referat.store.db import Connection
from referat.store.load import text_digest
from referat.store.orphans import ORPHAN_ORGANISATIONS, ORPHAN_PEOPLE, STALE_ALIAS

FACTS = ("meetings", "items", "decisions", "proposals", "follow_ups", "item_references", "attendance", "votes",
         "vote_voters", "vote_parties", "recusals", "warnings", "pages", "meeting_sources", "document_paths",
         "search_units", "search_postings")
PROVENANCE = ("items", "decisions", "proposals", "follow_ups", "item_references", "attendance", "votes", "vote_voters",
              "vote_parties", "recusals")
# Every reference between tables the schema makes, as (table, column, the table it points into, which
# rows): a decided review keeps the names it was about, so only pending reviews must point somewhere.
REFERENCES = [
    ("meetings", "body_id", "bodies", ""),
    ("meeting_sources", "meeting_id", "meetings", ""),
    ("items", "meeting_id", "meetings", ""),
    ("decisions", "item_id", "items", ""),
    ("proposals", "item_id", "items", ""),
    ("follow_ups", "item_id", "items", ""),
    ("item_references", "item_id", "items", ""),
    ("item_references", "target_body_id", "bodies", ""),
    ("attendance", "meeting_id", "meetings", ""),
    ("attendance", "person_id", "people", ""),
    ("attendance", "substitute_for_id", "people", ""),
    ("attendance", "organisation_id", "organisations", ""),
    ("aliases", "entity_id", "people", "entity_kind = 'person'"),
    ("aliases", "entity_id", "organisations", "entity_kind = 'organisation'"),
    ("aliases", "document_id", "documents", ""),
    ("reviews", "mention_id", "people", "status = 'pending'"),
    ("reviews", "candidate_id", "people", "status = 'pending'"),
    ("reviews", "runner_up_id", "people", "status = 'pending'"),
    ("reviews", "document_id", "documents", "status = 'pending'"),
    ("memberships", "person_id", "people", ""),
    ("memberships", "body_id", "bodies", ""),
    ("memberships", "organisation_id", "organisations", ""),
    ("votes", "meeting_id", "meetings", ""),
    ("votes", "item_id", "items", ""),
    ("vote_voters", "vote_id", "votes", ""),
    ("vote_voters", "person_id", "people", ""),
    ("vote_voters", "organisation_id", "organisations", ""),
    ("vote_parties", "vote_id", "votes", ""),
    ("vote_parties", "organisation_id", "organisations", ""),
    ("recusals", "meeting_id", "meetings", ""),
    ("recusals", "item_id", "items", ""),
    ("recusals", "person_id", "people", ""),
    ("organisations", "parent_id", "organisations", ""),
    ("body_names", "body_id", "bodies", ""),
    ("search_units", "item_id", "items", ""),
    ("search_postings", "unit_id", "search_units", ""),
]
# Tables whose ids only the loader's counter keeps unique (no PRIMARY KEY: see schema.sql), checked here instead.
COUNTED_IDS = ("documents", "meetings", "items", "decisions", "follow_ups", "proposals", "item_references",
               "attendance", "votes", "search_units")
ORPHANS = [
    ("meetings without a primary source", "SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM "
                                          "meeting_sources s WHERE s.meeting_id = m.id AND s.role = 'primary')"),
    ("minutes without a meeting", "SELECT count(*) FROM documents d WHERE d.kind = 'minutes' AND NOT EXISTS "
                                  "(SELECT 1 FROM meeting_sources s WHERE s.document_id = d.id)"),
    ("failed documents with facts", "SELECT count(*) FROM documents d JOIN meeting_sources s ON s.document_id = d.id "
                                    "WHERE d.status = 'failed'"),
    # Left by documents replaced in a run that was stopped before its end, which cleans them up: the
    # next ingest (of any file) does.
    *[(f"{label} (run `referat ingest` again to clean them up)", sql) for label, sql in (
        ("aliases learnt from documents no longer loaded", f"SELECT count(*) FROM aliases a WHERE {STALE_ALIAS}"),
        ("people no attendance row or pending review names", f"SELECT count(*) FROM ({ORPHAN_PEOPLE})"),
        ("organisations named only by documents no longer loaded", f"SELECT count(*) FROM ({ORPHAN_ORGANISATIONS})"),
    )],
]


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(conn: Connection) -> Report:
    report = Report()
    # An archive from before a table was added lacks it until its next ingest; it has nothing to check there.
    present = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                          ).fetchall()}
    facts = [t for t in FACTS if t in present]
    for table in ("documents", *facts, "people", "organisations", "reviews"):
        report.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    for table in facts:
        n = conn.execute(f"SELECT count(*) FROM {table} t LEFT JOIN documents d ON d.id = t.document_id "
                         "WHERE d.id IS NULL OR d.status <> 'loaded'").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows without a loaded document")
    for table in COUNTED_IDS:
        if table not in present:
            continue
        n = conn.execute(f"SELECT count(*) - count(DISTINCT id) FROM {table}").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows whose id another row has too")
    for table in PROVENANCE:
        n = conn.execute(f"SELECT count(*) FROM {table} WHERE page IS NULL OR line IS NULL").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows without page and line")
    for table, column, parent, which in REFERENCES:
        if table not in present or parent not in present:
            continue
        n = conn.execute(f"SELECT count(*) FROM {table} c WHERE c.{column} IS NOT NULL "
                         + (f"AND c.{which} " if which else "")
                         + f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{column})").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows whose {column} is in no {parent}")
    for label, sql in ORPHANS:
        try:
            n = conn.execute(sql).fetchone()[0]
        except duckdb.CatalogException:  # a table added since the archive was made: nothing there to orphan
            continue
        if n:
            report.problems.append(f"{n} {label}")
    for source, raw, digest in conn.execute(
            "SELECT source, raw_text, text_sha256 FROM documents WHERE status = 'loaded'").fetchall():
        if digest is None or text_digest(raw or "") != digest:
            report.problems.append(f"{source}: stored text does not match its hash")
    return report
