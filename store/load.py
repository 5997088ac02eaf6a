"""Loading one document's records into the archive, in one transaction, idempotently."""

from __future__ import annotations

import hashlib

from referat.normalize import resolve_names
from referat.normalize.registry import Registry
from referat.pipeline import Processed
from referat.store.db import Connection, add_changes
from referat.store.rows import Rows

FACT_TABLES = ("warnings", "attendance", "item_references", "proposals", "follow_ups", "decisions", "items", "meetings",
               "pages", "meeting_sources")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _delete_document(conn: Connection, document_id: int) -> None:
    # Copies of a meeting whose primary source goes are forgotten too, so the next ingest reads them anew.
    copies = conn.execute("""SELECT c.document_id FROM meeting_sources p JOIN meeting_sources c
        ON c.meeting_id = p.meeting_id AND c.role = 'copy' WHERE p.document_id = ? AND p.role = 'primary'""",
                          [document_id]).fetchall()
    for (copy_id,) in copies:
        _delete_document(conn, copy_id)
    for table in FACT_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    conn.execute("DELETE FROM reviews WHERE document_id = ? AND status = 'pending'", [document_id])
    conn.execute("DELETE FROM documents WHERE id = ?", [document_id])


def load(conn: Connection, result: Processed, registry: Registry, rows: Rows | None = None) -> str:
    """Store one processed file: 'unchanged', 'loaded', 'replaced' or 'failed'.

    Without ``rows`` the document is written in a transaction of its own. With ``rows`` its rows
    join the caller's batch, which the caller writes with ``rows.flush`` inside its transaction."""
    if rows is None:
        rows = Rows(conn)
        conn.execute("BEGIN TRANSACTION")
        try:
            outcome = load(conn, result, registry, rows)
            rows.flush(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return outcome
    known_sha = bool(result.sha256) and result.sha256 in rows.sha256s
    known_path = result.path in rows.paths
    if known_sha or known_path:
        rows.flush(conn)  # it may be earlier in this batch: let the database see the batch
    if known_sha:
        # fetchall, not fetchone: an unfinished result would block the Arrow scan of the next flush
        found = conn.execute("SELECT id, status FROM documents WHERE sha256 = ? AND path = ? LIMIT 1",
                             [result.sha256, result.path]).fetchall() or conn.execute(
            "SELECT id, status FROM documents WHERE sha256 = ? AND status = 'loaded' LIMIT 1",
            [result.sha256]).fetchall()
        if found and (found[0][1] == "loaded" or result.error):
            return "unchanged"
    earlier = conn.execute("SELECT id FROM documents WHERE path = ?", [result.path]).fetchall() if known_path else []
    for (old_id,) in earlier:
        _delete_document(conn, old_id)
    rows.paths.add(result.path)
    if result.sha256:
        rows.sha256s.add(result.sha256)
    outcome = _insert(conn, result, registry, rows)
    return "replaced" if earlier and outcome == "loaded" else outcome


def _insert(conn: Connection, result: Processed, registry: Registry, rows: Rows) -> str:
    doc_id = registry.new_id()
    doc, ex = result.document, result.extraction
    if doc is None or ex is None or result.error:
        rows.add("documents", [(doc_id, result.source, result.path, result.sha256 or "", "failed", "failed",
                                result.error)], ("id", "source", "path", "sha256", "kind", "status", "error"))
        return "failed"
    rows.add("documents", [(doc_id, doc.source, result.path, doc.sha256, doc.size, doc.media_type, doc.encoding,
                            ex.kind, "loaded", doc.raw_text, text_digest(doc.raw_text), len(doc.pages))],
             ("id", "source", "path", "sha256", "size", "media_type", "encoding", "kind", "status", "raw_text",
              "text_sha256", "n_pages"))
    slim = doc.slim() if any(p.text is None for p in doc.pages) else doc
    rows.add("pages", [(doc_id, p.number, p.text, p.ocr_confidence, p.ocr) for p in slim.pages],
             ("document_id", "page", "text", "ocr_confidence", "ocr"))
    rows.add("warnings", [(doc_id, None, None, w) for w in doc.warnings] +
             [(doc_id, w.page, w.line, w.message) for w in ex.warnings])
    m = ex.meeting
    if m is None:
        add_changes(rows, registry)
        return "loaded"
    resolved = resolve_names(ex, registry, doc_id)
    twin = None
    if (resolved.body_id, m.date) in rows.meeting_keys:
        rows.flush(conn)  # its twin may be earlier in this batch
        twin = _same_meeting(conn, resolved.body_id, m.date, [i.number for i in m.items])
    if twin is not None:
        rows.add("meeting_sources", [(twin, doc_id, "copy")])
        rows.add("warnings", [(doc_id, None, None, "the same meeting as an earlier document; kept as a second source")])
        add_changes(rows, registry)
        return "loaded"
    meeting_id = registry.new_id()
    rows.meeting_keys.add((resolved.body_id, m.date))
    rows.add("meeting_sources", [(meeting_id, doc_id, "primary")])
    rows.add("meetings", [(meeting_id, doc_id, resolved.body_id, resolved.body, m.body, m.date, m.start_time,
                           m.end_time, m.location, m.page, m.line)])
    for seq, (item, refs) in enumerate(zip(m.items, resolved.references, strict=True), 1):
        item_id = registry.new_id()
        rows.add("items", [(item_id, meeting_id, doc_id, seq, item.number, item.raw_number, item.title, item.exempt,
                            item.exempt_raw, item.text, item.page, item.line, item.line_end)])
        rows.add("decisions", [(registry.new_id(), item_id, doc_id, k, d.text, d.labeled, d.label, d.page, d.line)
                               for k, d in enumerate(item.decisions, 1)])
        rows.add("follow_ups", [(registry.new_id(), item_id, doc_id, k, f.text, f.page, f.line)
                                for k, f in enumerate(item.follow_ups, 1)])
        rows.add("proposals", [(registry.new_id(), item_id, doc_id, k, p.text, p.label, p.proposer, p.page, p.line,
                                p.line_end) for k, p in enumerate(item.proposals, 1)])
        rows.add("item_references", [(registry.new_id(), item_id, doc_id, ref.raw, target.body_id, target.body,
                                      ref.number, ref.page, ref.line)
                                     for ref, target in zip(item.references, refs, strict=True)])
    rows.add("attendance", [
        (registry.new_id(), meeting_id, doc_id, seq, r.person_id, a.name, r.organisation_id, a.organisation, a.role,
         a.category.value, a.status.value, r.substitute_for_id, a.substitute_for, a.items, a.code, a.raw_mark,
         a.mark_column, a.source, a.page, a.line)
        for seq, (a, r) in enumerate(zip(m.attendance, resolved.attendance, strict=True), 1)])
    add_changes(rows, registry)
    return "loaded"


def _same_meeting(conn: Connection, body_id: int | None, date: str | None, numbers: list[str]) -> int | None:
    """A meeting already loaded with the same body, date and (mostly) the same cases."""
    if body_id is None or date is None:
        return None
    same_day = conn.execute("SELECT id FROM meetings WHERE body_id = ? AND date = ?", [body_id, date]).fetchall()
    for (meeting_id,) in same_day:
        known = {n for (n,) in conn.execute("SELECT number FROM items WHERE meeting_id = ?", [meeting_id]).fetchall()}
        new = set(numbers)
        if known == new or (known | new and len(known & new) / len(known | new) >= 0.5):
            return int(meeting_id)
    return None


def rebuild_memberships(conn: Connection) -> None:
    """Who sat in which body for which organisation, from the first to the last meeting they were listed at."""
    conn.execute("BEGIN TRANSACTION")
    conn.execute("DELETE FROM memberships")
    conn.execute("""
        INSERT INTO memberships
        SELECT a.person_id, m.body_id, a.organisation_id, any_value(a.role), min(m.date), max(m.date)
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.category IN ('member', 'observer', 'secretariat') AND m.body_id IS NOT NULL
        GROUP BY a.person_id, m.body_id, a.organisation_id
    """)
    conn.execute("COMMIT")
