"""The JSON export contract (see the eval README): one object per document."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from referat.store.db import Connection
from referat.store.queries import CHILDREN, with_children

# Documents read per round of queries: a query per table and round, not per document and item,
# which at 5,000 documents took minutes (the attendance view alone is a join over every row).
BATCH = 5_000


def export_documents(conn: Connection) -> list[dict[str, Any]]:
    return list(iter_documents(conn))


def iter_documents(conn: Connection, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every loaded document in id order, as the export contract has it, ``batch`` at a time."""
    docs = conn.execute("SELECT id, source, kind FROM documents WHERE status = 'loaded' ORDER BY id").fetchall()
    for start in range(0, len(docs), batch):
        chunk = docs[start: start + batch]
        yield from _documents(conn, chunk, chunk[0][0], chunk[-1][0])


def _documents(conn: Connection, docs: list[tuple[int, str, str]], low: int, high: int) -> Iterator[dict[str, Any]]:
    # Every query below reads the meetings of the documents with ids from low to high; ids of other
    # documents in that range (not loaded) only cost a few rows that no document asks for.
    meetings_of = """(SELECT meeting_id FROM meeting_sources WHERE document_id BETWEEN $low AND $high)"""
    span = {"low": low, "high": high}
    meeting: dict[int, tuple[Any, ...]] = {}
    for doc_id, *row in conn.execute(
            "SELECT s.document_id, m.id, m.body, m.date, m.start_time, m.end_time, m.location FROM meetings m "
            "JOIN meeting_sources s ON s.meeting_id = m.id WHERE s.document_id BETWEEN $low AND $high "
            "ORDER BY s.document_id, m.id", span).fetchall():
        meeting.setdefault(doc_id, tuple(row))
    attendance: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for mid, name, org, role, category, status, sub, items in conn.execute(f"""
            SELECT a.meeting_id, p.name, coalesce(top.name, o.name), a.role, a.category, a.status, s.name, a.items
            FROM attendance a JOIN people p ON p.id = a.person_id
            JOIN attendance_organisations ao ON ao.attendance_id = a.id
            LEFT JOIN organisations o ON o.id = ao.organisation_id
            LEFT JOIN organisations top ON top.id = o.parent_id
            LEFT JOIN people s ON s.id = a.substitute_for_id
            WHERE a.meeting_id IN {meetings_of} ORDER BY a.meeting_id, a.seq""", span).fetchall():
        attendance[mid].append({"name": name, "organisation": org, "role": role, "category": category,
                                "status": status, "substitute_for": sub, "items": list(items or [])})
    cases = conn.execute(f"SELECT id, meeting_id, number, title, exempt FROM items WHERE meeting_id IN {meetings_of} "
                         "ORDER BY meeting_id, seq", span).fetchall()
    children = with_children(conn, [{"id": item_id} for item_id, *_ in cases], CHILDREN, chosen=True)
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for (_, mid, number, title, exempt), case in zip(cases, children, strict=True):
        items[mid].append({
            "number": number, "title": title, "exempt": exempt,
            "decisions": [{"text": d["text"], "labeled": d["labeled"]} for d in case["decisions"]],
            "follow_ups": [f["text"] for f in case["follow_ups"]],
            "references": [{"body": r["target_body"], "number": r["target_number"]} for r in case["references"]],
        })
    for doc_id, source, kind in docs:
        entry: dict[str, Any] = {"source": source, "kind": kind}
        if doc_id in meeting:
            mid, body, date, start, end, location = meeting[doc_id]
            entry["meeting"] = {"body": body, "date": date.isoformat() if date else None, "start_time": start,
                                "end_time": end, "location": location}
            entry["attendance"] = attendance.get(mid, [])
            entry["items"] = items.get(mid, [])
        yield entry


def write_json(documents: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ``documents`` to ``out`` as ``json.dumps(list(documents), ensure_ascii=False, indent=1)``
    would, one document at a time, so that an archive of 100,000 documents is never one string in
    memory; the number written is returned."""
    count = 0
    out.write("[")
    for doc in documents:
        out.write(",\n " if count else "\n ")
        # A newline inside a string is escaped in JSON, so every newline here starts a line to indent.
        out.write(json.dumps(doc, ensure_ascii=False, indent=1).replace("\n", "\n "))
        count += 1
    out.write("\n]" if count else "]")
    return count
