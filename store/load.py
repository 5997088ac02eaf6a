"""Loading one document's records into the archive, in one transaction, idempotently."""

from __future__ import annotations

import hashlib

from referat.normalize import resolve_names
from referat.normalize.registry import Registry
from referat.pipeline import Processed
from referat.store.db import Connection, insert_rows, write_changes

FACT_TABLES = ("warnings", "attendance", "item_references", "follow_ups", "decisions", "items", "meetings", "pages",
               "meeting_sources")


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


def load(conn: Connection, result: Processed, registry: Registry, *, transaction: bool = True) -> str:
    """Store one processed file: 'unchanged', 'loaded', 'replaced' or 'failed'.

    With ``transaction=False`` the caller holds the transaction (several documents in one)."""
    if result.sha256:
        same = conn.execute("SELECT id, status FROM documents WHERE sha256 = ? AND path = ?",
                            [result.sha256, result.path]).fetchone()
        if same is None:
            same = conn.execute("SELECT id, status FROM documents WHERE sha256 = ? AND status = 'loaded'",
                                [result.sha256]).fetchone()
        if same is not None and (same[1] == "loaded" or result.error):
            return "unchanged"
    earlier = conn.execute("SELECT id FROM documents WHERE path = ?", [result.path]).fetchall()
    if not transaction:
        for (old_id,) in earlier:
            _delete_document(conn, old_id)
        outcome = _insert(conn, result, registry)
        return "replaced" if earlier and outcome == "loaded" else outcome
    conn.execute("BEGIN TRANSACTION")
    try:
        for (old_id,) in earlier:
            _delete_document(conn, old_id)
        outcome = _insert(conn, result, registry)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return "replaced" if earlier and outcome == "loaded" else outcome


def _insert(conn: Connection, result: Processed, registry: Registry) -> str:
    doc_id = registry.new_id()
    doc, ex = result.document, result.extraction
    if doc is None or ex is None or result.error:
        conn.execute("INSERT INTO documents (id, source, path, sha256, kind, status, error) "
                     "VALUES (?, ?, ?, ?, 'failed', 'failed', ?)",
                     [doc_id, result.source, result.path, result.sha256 or "", result.error])
        return "failed"
    conn.execute("INSERT INTO documents (id, source, path, sha256, size, media_type, encoding, kind, status, raw_text, "
                 "text_sha256, n_pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?, ?)",
                 [doc_id, doc.source, result.path, doc.sha256, doc.size, doc.media_type, doc.encoding, ex.kind,
                  doc.raw_text, text_digest(doc.raw_text), len(doc.pages)])
    texts = doc.raw_text.split("\f") if doc.media_type == "pdf" else [None] * len(doc.pages)
    insert_rows(conn, "pages", [(doc_id, p.number, texts[i] if i < len(texts) and texts[i] is not None else
                                 "\n".join(line.text for line in p.lines), p.ocr_confidence, p.ocr)
                                for i, p in enumerate(doc.pages)],
                columns=("document_id", "page", "text", "ocr_confidence", "ocr"))
    insert_rows(conn, "warnings", [(doc_id, None, None, w) for w in doc.warnings] +
                [(doc_id, w.page, w.line, w.message) for w in ex.warnings])
    m = ex.meeting
    if m is None:
        write_changes(conn, registry)
        return "loaded"
    resolved = resolve_names(ex, registry, doc_id)
    twin = _same_meeting(conn, resolved.body_id, m.date, [i.number for i in m.items])
    if twin is not None:
        conn.execute("INSERT INTO meeting_sources VALUES (?, ?, 'copy')", [twin, doc_id])
        conn.execute("INSERT INTO warnings VALUES (?, NULL, NULL, ?)",
                     [doc_id, "the same meeting as an earlier document; kept as a second source"])
        write_changes(conn, registry)
        return "loaded"
    meeting_id = registry.new_id()
    conn.execute("INSERT INTO meeting_sources VALUES (?, ?, 'primary')", [meeting_id, doc_id])
    conn.execute("INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [meeting_id, doc_id, resolved.body_id, resolved.body, m.body, m.date, m.start_time, m.end_time,
                  m.location, m.page, m.line])
    # Rows are gathered per table and written in one statement each: a statement costs far more
    # than a row, and a document has hundreds of rows.
    items, decisions, follow_ups, references = [], [], [], []
    for seq, (item, refs) in enumerate(zip(m.items, resolved.references, strict=True), 1):
        item_id = registry.new_id()
        items.append((item_id, meeting_id, doc_id, seq, item.number, item.raw_number, item.title, item.exempt,
                      item.exempt_raw, item.text, item.page, item.line, item.line_end))
        decisions += [(item_id, doc_id, k, d.text, d.labeled, d.label, d.page, d.line)
                      for k, d in enumerate(item.decisions, 1)]
        follow_ups += [(item_id, doc_id, k, f.text, f.page, f.line) for k, f in enumerate(item.follow_ups, 1)]
        references += [(item_id, doc_id, ref.raw, target.body_id, target.body, ref.number, ref.page, ref.line)
                       for ref, target in zip(item.references, refs, strict=True)]
    insert_rows(conn, "items", items)
    insert_rows(conn, "decisions", decisions, with_id=True)
    insert_rows(conn, "follow_ups", follow_ups, with_id=True)
    insert_rows(conn, "item_references", references, with_id=True)
    insert_rows(conn, "attendance", [
        (meeting_id, doc_id, seq, r.person_id, a.name, r.organisation_id, a.organisation, a.role, a.category.value,
         a.status.value, r.substitute_for_id, a.substitute_for, a.items, a.code, a.raw_mark, a.mark_column, a.source,
         a.page, a.line)
        for seq, (a, r) in enumerate(zip(m.attendance, resolved.attendance, strict=True), 1)], with_id=True)
    write_changes(conn, registry)
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
