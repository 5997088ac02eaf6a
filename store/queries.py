"""Read-only queries that reports are built from: plain dicts, so reports never touch the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from referat.store.db import Connection


def _rows(conn: Connection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params or [])
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def meetings(conn: Connection) -> list[dict[str, Any]]:
    return _rows(conn, """
        SELECT m.id, m.body, m.date, m.start_time, m.end_time, m.location, d.source, d.path, m.page,
               (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS n_items,
               (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.exempt) AS n_exempt,
               (SELECT list(d2.source ORDER BY s.role DESC) FROM meeting_sources s
                JOIN documents d2 ON d2.id = s.document_id WHERE s.meeting_id = m.id) AS sources
        FROM meetings m JOIN documents d ON d.id = m.document_id ORDER BY m.date, m.body""")


def items(conn: Connection, *, include_exempt: bool = False,
          cases: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """Items with their decisions, follow-ups and references; only those of ``cases`` when given."""
    if cases is not None and not cases:
        return []
    among, params = ("", []) if cases is None else _among(cases)
    out = _rows(conn, f"""
        {among}
        SELECT i.id, i.meeting_id, m.body, m.date, i.number, i.title, i.exempt, i.page, i.line, d.source, d.path
        FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = i.document_id
        {"JOIN wanted w ON w.body = m.body AND w.number = i.number" if cases is not None else ""}
        WHERE ? OR NOT i.exempt ORDER BY m.date, m.body, i.seq""", [*params, include_exempt])
    by_id = {i["id"]: i for i in out}
    for i in out:
        i.update(decisions=[], follow_ups=[], references=[])
    if not by_id:
        return out
    only = "" if cases is None else f"WHERE item_id IN ({', '.join('?' * len(by_id))})"
    ids = [] if cases is None else list(by_id)
    for row in _rows(conn, f"SELECT item_id, text, labeled, page, line FROM decisions {only} ORDER BY item_id, seq",
                     ids):
        if row["item_id"] in by_id:
            by_id[row["item_id"]]["decisions"].append(row)
    for row in _rows(conn, f"SELECT item_id, text, page, line FROM follow_ups {only} ORDER BY item_id, seq", ids):
        if row["item_id"] in by_id:
            by_id[row["item_id"]]["follow_ups"].append(row)
    for row in _rows(conn, f"SELECT item_id, target_body, target_number, raw FROM item_references {only} "
                           "ORDER BY id", ids):
        if row["item_id"] in by_id:
            by_id[row["item_id"]]["references"].append(row)
    return out


def _among(cases: set[tuple[str, str]]) -> tuple[str, list[str]]:
    """A CTE ``wanted(body, number)`` holding ``cases``, and its parameters."""
    values = ", ".join(["(?, ?)"] * len(cases))
    return f"WITH wanted(body, number) AS (VALUES {values})", [v for case in sorted(cases) for v in case]


def linked_cases(conn: Connection, start: tuple[str, str]) -> set[tuple[str, str]]:
    """Every case reachable from ``start`` through references, both ways: what a trace needs,
    found in the database a round at a time instead of reading every item of the archive."""
    seen, frontier = {start}, {start}
    while frontier:
        among, params = _among(frontier)
        rows = conn.execute(f"""{among}
            SELECT r.target_body, r.target_number FROM item_references r JOIN items i ON i.id = r.item_id
            JOIN meetings m ON m.id = i.meeting_id JOIN wanted w ON w.body = m.body AND w.number = i.number
            UNION
            SELECT m.body, i.number FROM item_references r JOIN items i ON i.id = r.item_id
            JOIN meetings m ON m.id = i.meeting_id JOIN wanted w ON w.body = r.target_body
                AND w.number = r.target_number""", params).fetchall()
        frontier = {(b, n) for b, n in rows if b is not None and n is not None} - seen
        seen |= frontier
    return seen


def body_names(conn: Connection) -> list[str]:
    """The bodies a case can be named by: those that met and those referred to."""
    return sorted({b for (b,) in conn.execute(
        "SELECT body FROM meetings WHERE body IS NOT NULL UNION "
        "SELECT target_body FROM item_references WHERE target_body IS NOT NULL").fetchall()})


def withheld(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM items WHERE exempt").fetchone()[0])


def attendance(conn: Connection, *, body: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per person per meeting, with who substituted for them."""
    return _rows(conn, """
        SELECT a.meeting_id, m.body, m.date, year(m.date) AS year, a.person_id, p.name,
               coalesce(top.name, o.name) AS organisation, a.role, a.category, a.status,
               s.name AS substitute_for,
               (SELECT list(p2.name) FROM attendance b JOIN people p2 ON p2.id = b.person_id
                WHERE b.meeting_id = a.meeting_id AND b.substitute_for_id = a.person_id) AS substitutes,
               a.items, d.source, a.page, a.line
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id
        JOIN documents d ON d.id = a.document_id
        LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN organisations top ON top.id = o.parent_id
        LEFT JOIN people s ON s.id = a.substitute_for_id
        WHERE (? IS NULL OR m.body = ?) AND (? IS NULL OR m.date >= ?) AND (? IS NULL OR m.date <= ?)
        ORDER BY m.date, a.seq""", [body, body, start, start, end, end])


def people(conn: Connection) -> list[dict[str, Any]]:
    out = _rows(conn, """
        SELECT p.id, p.name,
               (SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a
                WHERE a.entity_kind = 'person' AND a.entity_id = p.id) AS aliases
        FROM people p WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = p.id) ORDER BY p.name""")
    roles = _rows(conn, """
        SELECT ms.person_id, b.name AS body, o.name AS organisation, ms.role, ms.first_date, ms.last_date
        FROM memberships ms JOIN bodies b ON b.id = ms.body_id LEFT JOIN organisations o ON o.id = ms.organisation_id
        ORDER BY ms.first_date""")
    by_id = {p["id"]: p for p in out}
    for p in out:
        p["memberships"] = []
    for r in roles:
        if r["person_id"] in by_id:
            by_id[r["person_id"]]["memberships"].append(r)
    return out
