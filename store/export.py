"""The JSON export contract (see the eval README): one object per document."""

from __future__ import annotations

from typing import Any

from referat.store.db import Connection


def export_documents(conn: Connection) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    docs = conn.execute("SELECT id, source, kind FROM documents WHERE status = 'loaded' ORDER BY id").fetchall()
    for doc_id, source, kind in docs:
        entry: dict[str, Any] = {"source": source, "kind": kind}
        meeting = conn.execute("SELECT m.id, m.body, m.date, m.start_time, m.end_time, m.location FROM meetings m "
                               "JOIN meeting_sources s ON s.meeting_id = m.id WHERE s.document_id = ?",
                               [doc_id]).fetchone()
        if meeting is None:
            out.append(entry)
            continue
        mid, body, date, start, end, location = meeting
        entry["meeting"] = {"body": body, "date": date.isoformat() if date else None, "start_time": start,
                            "end_time": end, "location": location}
        entry["attendance"] = [
            {"name": name, "organisation": org, "role": role, "category": category, "status": status,
             "substitute_for": sub, "items": list(items or [])}
            for name, org, role, category, status, sub, items in conn.execute("""
                SELECT p.name, coalesce(top.name, o.name), a.role, a.category, a.status, s.name, a.items
                FROM attendance a JOIN people p ON p.id = a.person_id
                JOIN attendance_organisations ao ON ao.attendance_id = a.id
                LEFT JOIN organisations o ON o.id = ao.organisation_id
                LEFT JOIN organisations top ON top.id = o.parent_id
                LEFT JOIN people s ON s.id = a.substitute_for_id
                WHERE a.meeting_id = ? ORDER BY a.seq""", [mid]).fetchall()
        ]
        items = []
        for item_id, number, title, exempt in conn.execute(
                "SELECT id, number, title, exempt FROM items WHERE meeting_id = ? ORDER BY seq", [mid]).fetchall():
            items.append({
                "number": number, "title": title, "exempt": exempt,
                "decisions": [{"text": t, "labeled": lab} for t, lab in conn.execute(
                    "SELECT text, labeled FROM decisions WHERE item_id = ? ORDER BY seq", [item_id]).fetchall()],
                "follow_ups": [t for (t,) in conn.execute(
                    "SELECT text FROM follow_ups WHERE item_id = ? ORDER BY seq", [item_id]).fetchall()],
                "references": [{"body": b, "number": n} for b, n in conn.execute(
                    "SELECT target_body, target_number FROM item_references WHERE item_id = ? ORDER BY id",
                    [item_id]).fetchall()],
            })
        entry["items"] = items
        out.append(entry)
    return out
