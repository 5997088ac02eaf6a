"""Loading one document's records into the archive, in one transaction, idempotently."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from referat.extract.model import Meeting, Recusal, Vote
from referat.normalize import ResolvedMeeting, resolve_names
from referat.normalize.registry import Registry
from referat.normalize.voters import resolve_voters
from referat.pipeline import Processed
from referat.store.db import Connection, add_changes
from referat.store.rows import Rows
from referat.store.search import index_item
from referat.store.unchanged import Stamp, document_path

FACT_TABLES = ("warnings", "attendance", "item_references", "proposals", "follow_ups", "decisions", "items", "meetings",
               "pages", "meeting_sources", "vote_voters", "vote_parties", "votes", "recusals", "document_paths",
               "search_postings", "search_units")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Stored:
    """What became of one file, and how the archive changed where that is worth showing.

    loaded | replaced (a new version of a file read before) | unchanged | copy (the same bytes as
    a document already read, recorded as another source of it) | kept (the file fails now; the
    version read well before stays, the failure is recorded beside it) | failed"""

    outcome: str
    note: str = ""


def _delete_document(conn: Connection, document_id: int, rows: Rows) -> None:
    # Copies of a meeting whose primary source goes are forgotten too, so the next ingest reads them anew.
    copies = conn.execute("""SELECT c.document_id FROM meeting_sources p JOIN meeting_sources c
        ON c.meeting_id = p.meeting_id AND c.role = 'copy' WHERE p.document_id = ? AND p.role = 'primary'""",
                          [document_id]).fetchall()
    for (copy_id,) in copies:
        _delete_document(conn, copy_id, rows)
    for meeting_id, body_id, date in conn.execute("SELECT id, body_id, strftime(date, '%Y-%m-%d') FROM meetings "
                                                  "WHERE document_id = ?", [document_id]).fetchall():
        rows.meetings.remove((body_id, date), meeting_id)
    for table in FACT_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    conn.execute("DELETE FROM reviews WHERE document_id = ? AND status = 'pending'", [document_id])
    conn.execute("DELETE FROM documents WHERE id = ?", [document_id])


def _version(sha256: str, read_at: object) -> str:
    when = read_at.strftime("%Y-%m-%d %H:%M") if hasattr(read_at, "strftime") else str(read_at)
    return f"the version read {when} (sha256 {sha256[:12]})"


def load(conn: Connection, result: Processed, registry: Registry, rows: Rows | None = None,
         stamp: Stamp | None = None) -> Stored:
    """Store one processed file.

    A file is known by its resolved path; bytes already loaded from another path make it a copy of
    that document. A file that fails where a good version was read before never replaces it.

    Without ``rows`` the document is written in a transaction of its own. With ``rows`` its rows
    join the caller's batch, which the caller writes with ``rows.flush`` inside its transaction.
    ``stamp``, the file's size and mtime taken before it was read, is stored with it for the next run."""
    if rows is None:
        rows = Rows(conn)
        conn.execute("BEGIN TRANSACTION")
        try:
            stored = load(conn, result, registry, rows, stamp)
            rows.flush(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return stored
    path = document_path(result.path)
    sha = result.sha256 or ""
    known_path = path in rows.paths
    if path in rows.pending_paths:
        # The same file twice in one batch (find_files names a file once, so only a caller's list
        # does this): let the database see the first before the second is compared with it.
        rows.flush(conn)
    # fetchall, not fetchone: an unfinished result would block the Arrow scan of the next flush
    here = conn.execute("SELECT id, sha256, status, ingested_at FROM documents WHERE path = ? ORDER BY id",
                        [path]).fetchall() if known_path else []
    copy_of = conn.execute("SELECT d.sha256 FROM document_paths p JOIN documents d ON d.id = p.document_id "
                           "WHERE p.path = ?", [path]).fetchall() if known_path else []
    good = next((v for v in here if v[2] == "loaded"), None)
    failures = [v[0] for v in here if v[2] == "failed"]
    if result.error:
        if any(v[1] == sha for v in here if v[2] == "failed"):
            return Stored("unchanged")  # this very failure is recorded already
        _delete_documents(conn, failures, rows)
        _insert_failed(registry, result, path, rows)
        if good is None and not copy_of:
            return Stored("failed")
        kept = _version(good[1], good[3]) if good else "the document it was a copy of"
        return Stored("kept", f"{kept} is kept")
    if (good and good[1] == sha) or any(s == sha for (s,) in copy_of):
        _delete_documents(conn, failures, rows)  # the file reads well again: its failure is history
        return Stored("unchanged")
    twin = _twin(conn, rows, sha, path) if sha in rows.sha256s else None
    _delete_documents(conn, [doc_id for doc_id, *_ in here], rows)
    if copy_of:  # the path held a copy of another document; now it holds bytes of its own
        conn.execute("DELETE FROM document_paths WHERE path = ?", [path])
    replaced = f"replaces {_version(good[1], good[3])} by sha256 {sha[:12]}" if good else ""
    rows.paths.add(path)
    rows.pending_paths.add(path)
    if twin:
        size, mtime_ns = (stamp.size, stamp.mtime_ns) if stamp else (None, None)
        rows.add("document_paths", [(twin[0], path, size, mtime_ns)], ("document_id", "path", "size", "mtime_ns"))
        return Stored("copy", "; ".join(n for n in (replaced, f"the same file as {twin[1]}") if n))
    rows.sha256s.add(sha)
    outcome = _insert(conn, result, path, registry, rows, stamp)
    return Stored("replaced", replaced) if good and outcome == "loaded" else Stored(outcome)


def _delete_documents(conn: Connection, document_ids: list[int], rows: Rows) -> None:
    """Delete documents the database holds, with what this batch added that refers to them (a copy
    of one of them, read earlier in the batch): the batch is written first, so the deletes see it.
    Only a changed or failing file gets here, never a new one."""
    if not document_ids:
        return
    rows.flush(conn)
    for doc_id in document_ids:
        _delete_document(conn, doc_id, rows)


def _twin(conn: Connection, rows: Rows, sha: str, path: str) -> tuple[int, str] | None:
    """The first loaded document, at another path, with these bytes: in the database, or else in this batch."""
    found = conn.execute("SELECT id, path FROM documents WHERE sha256 = ? AND status = 'loaded' AND path <> ? "
                         "ORDER BY id LIMIT 1", [sha, path]).fetchall()
    if found:  # the database's ids are all older than the batch's
        return int(found[0][0]), str(found[0][1])
    return rows.pending_documents.get(sha)


def _insert_failed(registry: Registry, result: Processed, path: str, rows: Rows) -> None:
    rows.paths.add(path)
    rows.pending_paths.add(path)
    rows.sha256s.add(result.sha256 or "")
    rows.add("documents", [(registry.new_id(), result.source, path, result.sha256 or "", "failed", "failed",
                            result.error)], ("id", "source", "path", "sha256", "kind", "status", "error"))


def _insert(conn: Connection, result: Processed, path: str, registry: Registry, rows: Rows,
            stamp: Stamp | None) -> str:
    doc, ex = result.document, result.extraction
    if doc is None or ex is None:
        _insert_failed(registry, result, path, rows)
        return "failed"
    doc_id = registry.new_id()
    rows.pending_documents.setdefault(doc.sha256, (doc_id, path))
    # The stamp only with the size it was taken with: bytes read after a change are hashed next time.
    mtime_ns = stamp.mtime_ns if stamp and stamp.size == doc.size else None
    rows.add("documents", [(doc_id, doc.source, path, doc.sha256, doc.size, doc.media_type, doc.encoding,
                            ex.kind, "loaded", doc.raw_text, text_digest(doc.raw_text), len(doc.pages), mtime_ns)],
             ("id", "source", "path", "sha256", "size", "media_type", "encoding", "kind", "status", "raw_text",
              "text_sha256", "n_pages", "mtime_ns"))
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
    key = (resolved.body_id, m.date)
    numbers = {i.number for i in m.items}
    twin = rows.meetings.twin(key, numbers)
    if twin is not None:
        rows.add("meeting_sources", [(twin, doc_id, "copy")])
        rows.add("warnings", [(doc_id, None, None, "the same meeting as an earlier document; kept as a second source")])
        add_changes(rows, registry)
        return "loaded"
    meeting_id = registry.new_id()
    rows.meetings.add(key, meeting_id, numbers)
    rows.add("meeting_sources", [(meeting_id, doc_id, "primary")])
    rows.add("meetings", [(meeting_id, doc_id, resolved.body_id, resolved.body, m.body, m.date, m.start_time,
                           m.end_time, m.location, m.page, m.line)])
    for seq, (item, refs) in enumerate(zip(m.items, resolved.references, strict=True), 1):
        item_id = registry.new_id()
        rows.add("items", [(item_id, meeting_id, doc_id, seq, item.number, item.raw_number, item.title, item.exempt,
                            item.exempt_raw, item.text, item.page, item.line, item.line_end, item.legal_basis)])
        rows.add("decisions", [(registry.new_id(), item_id, doc_id, k, d.text, d.labeled, d.label, d.page, d.line)
                               for k, d in enumerate(item.decisions, 1)])
        rows.add("follow_ups", [(registry.new_id(), item_id, doc_id, k, f.text, f.page, f.line)
                                for k, f in enumerate(item.follow_ups, 1)])
        rows.add("proposals", [(registry.new_id(), item_id, doc_id, k, p.text, p.label, p.proposer, p.page, p.line,
                                p.line_end) for k, p in enumerate(item.proposals, 1)])
        rows.add("item_references", [(registry.new_id(), item_id, doc_id, ref.raw, target.body_id, target.body,
                                      ref.number, ref.page, ref.line)
                                     for ref, target in zip(item.references, refs, strict=True)])
        _add_votes(rows, registry, (meeting_id, item_id, doc_id), item.votes, item.recusals, m, resolved)
        index_item(rows, registry.new_id, (meeting_id, item_id, doc_id), item)
    _add_votes(rows, registry, (meeting_id, None, doc_id), m.votes, m.recusals, m, resolved)
    rows.add("attendance", [
        (registry.new_id(), meeting_id, doc_id, seq, r.person_id, a.name, r.organisation_id, a.organisation, a.role,
         a.category.value, a.status.value, r.substitute_for_id, a.substitute_for, a.items, a.code, a.raw_mark,
         a.mark_column, a.source, a.page, a.line)
        for seq, (a, r) in enumerate(zip(m.attendance, resolved.attendance, strict=True), 1)])
    add_changes(rows, registry)
    return "loaded"


def _add_votes(rows: Rows, registry: Registry, where: tuple[int, int | None, int], votes: list[Vote],
               recusals: list[Recusal], m: Meeting, resolved: ResolvedMeeting) -> None:
    """A case's votes with their voters, and its disqualified members; ``where`` is (meeting, item, document)."""
    meeting_id, item_id, doc_id = where
    for seq, vote in enumerate(votes, 1):
        vote_id = registry.new_id()
        rows.add("votes", [(vote_id, meeting_id, item_id, doc_id, seq, vote.proposal, vote.outcome, vote.votes_for,
                            vote.votes_against, vote.votes_abstain, vote.unanimous, vote.casting_vote, vote.text,
                            vote.page, vote.line, vote.line_end)])
        ids = resolve_voters(vote.voters, m, resolved, registry, doc_id)
        rows.add("vote_voters", [(vote_id, doc_id, k, pid, v.name, oid, v.party, v.side, v.proposal, v.page, v.line)
                                 for k, (v, (pid, oid)) in enumerate(zip(vote.voters, ids, strict=True), 1)])
        rows.add("vote_parties", [(vote_id, doc_id, registry.organisation(p.party, document_id=doc_id), p.party, p.side,
                                   p.count, p.page, p.line) for p in vote.parties])
    ids = resolve_voters(recusals, m, resolved, registry, doc_id)
    rows.add("recusals", [(meeting_id, item_id, doc_id, pid, r.name, oid, r.party, r.text, r.page, r.line)
                          for r, (pid, oid) in zip(recusals, ids, strict=True)])
