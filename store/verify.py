"""`referat verify`: is the archive whole? Every fact has a document, page and line; no orphans;
counts agree; every document's stored text still matches its hash."""

from __future__ import annotations

from dataclasses import dataclass, field

from referat.store.db import Connection
from referat.store.load import text_digest

FACTS = ("meetings", "items", "decisions", "follow_ups", "item_references", "attendance", "votes", "vote_voters",
         "vote_parties", "recusals", "warnings")
PROVENANCE = ("items", "decisions", "follow_ups", "item_references", "attendance", "votes", "vote_voters",
              "vote_parties", "recusals")
ORPHANS = [
    ("items without their meeting", "SELECT count(*) FROM items i LEFT JOIN meetings m ON m.id = i.meeting_id "
                                     "WHERE m.id IS NULL"),
    ("decisions without their case", "SELECT count(*) FROM decisions d LEFT JOIN items i ON i.id = d.item_id "
                                     "WHERE i.id IS NULL"),
    ("follow-ups without their case", "SELECT count(*) FROM follow_ups f LEFT JOIN items i ON i.id = f.item_id "
                                      "WHERE i.id IS NULL"),
    ("references without their case", "SELECT count(*) FROM item_references r LEFT JOIN items i ON i.id = r.item_id "
                                      "WHERE i.id IS NULL"),
    ("attendance without its meeting", "SELECT count(*) FROM attendance a LEFT JOIN meetings m ON m.id = a.meeting_id "
                                       "WHERE m.id IS NULL"),
    ("votes without their meeting", "SELECT count(*) FROM votes v LEFT JOIN meetings m ON m.id = v.meeting_id "
                                    "WHERE m.id IS NULL"),
    ("voters without their vote", "SELECT count(*) FROM vote_voters x LEFT JOIN votes v ON v.id = x.vote_id "
                                  "WHERE v.id IS NULL"),
    ("attendance without a person", "SELECT count(*) FROM attendance a LEFT JOIN people p ON p.id = a.person_id "
                                    "WHERE p.id IS NULL"),
    ("meetings without a primary source", "SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM "
                                          "meeting_sources s WHERE s.meeting_id = m.id AND s.role = 'primary')"),
    ("sources of no meeting", "SELECT count(*) FROM meeting_sources s LEFT JOIN meetings m ON m.id = s.meeting_id "
                              "WHERE m.id IS NULL"),
    ("minutes without a meeting", "SELECT count(*) FROM documents d WHERE d.kind = 'minutes' AND NOT EXISTS "
                                  "(SELECT 1 FROM meeting_sources s WHERE s.document_id = d.id)"),
    ("failed documents with facts", "SELECT count(*) FROM documents d JOIN meeting_sources s ON s.document_id = d.id "
                                    "WHERE d.status = 'failed'"),
    ("aliases of no entity", "SELECT count(*) FROM aliases a WHERE (a.entity_kind = 'person' AND a.entity_id NOT IN "
                             "(SELECT id FROM people)) OR (a.entity_kind = 'organisation' AND a.entity_id NOT IN "
                             "(SELECT id FROM organisations))"),
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
    for table in ("documents", *FACTS, "people", "organisations", "reviews"):
        report.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    for table in FACTS:
        n = conn.execute(f"SELECT count(*) FROM {table} t LEFT JOIN documents d ON d.id = t.document_id "
                         "WHERE d.id IS NULL OR d.status <> 'loaded'").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows without a loaded document")
    for table in PROVENANCE:
        n = conn.execute(f"SELECT count(*) FROM {table} WHERE page IS NULL OR line IS NULL").fetchone()[0]
        if n:
            report.problems.append(f"{n} {table} rows without page and line")
    for label, sql in ORPHANS:
        n = conn.execute(sql).fetchone()[0]
        if n:
            report.problems.append(f"{n} {label}")
    for source, raw, digest in conn.execute(
            "SELECT source, raw_text, text_sha256 FROM documents WHERE status = 'loaded'").fetchall():
        if digest is None or text_digest(raw or "") != digest:
            report.problems.append(f"{source}: stored text does not match its hash")
    return report
