"""Human decisions on identities: review accept/reject, merge and split. They are logged in the
database and written to data/registry/decisions.csv, so they survive re-ingest and a rebuilt archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from referat.errors import NotFoundError
from referat.folding import fold
from referat.normalize.authority import read_decisions, write_decisions
from referat.store.db import Connection

ID_COLUMNS = (("attendance", "person_id"), ("attendance", "substitute_for_id"), ("memberships", "person_id"),
              ("reviews", "candidate_id"))


def pending(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute("""
        SELECT r.id, r.mention, p.name, r.score, d.source, r.page, r.line
        FROM reviews r JOIN people p ON p.id = r.candidate_id LEFT JOIN documents d ON d.id = r.document_id
        WHERE r.status = 'pending' ORDER BY r.id""").fetchall()
    keys = ("id", "mention", "candidate", "score", "source", "page", "line")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _person(conn: Connection, ref: str) -> tuple[int, str]:
    row = (conn.execute("SELECT id, name FROM people WHERE id = ?", [int(ref)]).fetchone() if ref.isdigit() else
           conn.execute("SELECT p.id, p.name FROM people p JOIN aliases a ON a.entity_id = p.id "
                        "WHERE a.entity_kind = 'person' AND a.folded = ? LIMIT 1", [fold(ref)]).fetchone())
    if row is None:
        raise NotFoundError(f"no person {ref!r} in the archive; see `referat people`")
    return int(row[0]), str(row[1])


def _log(conn: Connection, action: str, mention: str, target: str | None, folder: Path) -> None:
    conn.execute("INSERT INTO decisions_log (action, mention, target) VALUES (?, ?, ?)",
                 [action, fold(mention), target])
    rows = read_decisions(folder)
    rows.append((action, fold(mention), target))
    write_decisions(rows, folder)


def _merge(conn: Connection, keep: int, other: int) -> None:
    for table, column in ID_COLUMNS:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [keep, other])
    conn.execute("UPDATE aliases SET entity_id = ? WHERE entity_kind = 'person' AND entity_id = ?", [keep, other])
    conn.execute("DELETE FROM people WHERE id = ?", [other])


def decide(conn: Connection, review_id: int, *, accept: bool, folder: Path | None = None) -> str:
    row = conn.execute("SELECT mention, mention_id, candidate_id, status FROM reviews WHERE id = ?",
                       [review_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no review #{review_id}; see `referat review`")
    mention, mention_id, candidate_id, _ = row
    candidate = conn.execute("SELECT name FROM people WHERE id = ?", [candidate_id]).fetchone()
    name = candidate[0] if candidate else None
    conn.execute("BEGIN TRANSACTION")
    if accept:
        _merge(conn, candidate_id, mention_id)
    conn.execute("UPDATE reviews SET status = ? WHERE id = ?", ["accepted" if accept else "rejected", review_id])
    _log(conn, "accept" if accept else "reject", mention, name, folder)
    conn.execute("COMMIT")
    return f"{mention!r} {'is' if accept else 'is not'} {name!r}"


def merge_people(conn: Connection, keep_ref: str, other_ref: str, folder: Path | None = None) -> str:
    keep, keep_name = _person(conn, keep_ref)
    other, other_name = _person(conn, other_ref)
    if keep == other:
        return f"{keep_name!r} and {other_name!r} are already one person"
    conn.execute("BEGIN TRANSACTION")
    _merge(conn, keep, other)
    for (alias,) in conn.execute("SELECT alias FROM aliases WHERE entity_kind = 'person' AND entity_id = ?",
                                 [keep]).fetchall():
        if fold(alias) != fold(keep_name):
            _log(conn, "merge", alias, keep_name, folder)
    conn.execute("COMMIT")
    return f"{other_name!r} merged into {keep_name!r}"


def split_person(conn: Connection, person_ref: str, alias: str, folder: Path | None = None) -> str:
    pid, name = _person(conn, person_ref)
    conn.execute("BEGIN TRANSACTION")
    new_id = conn.execute("SELECT coalesce(max(id), 0) + 1000000 FROM people").fetchone()[0]
    conn.execute("INSERT INTO people VALUES (?, ?)", [new_id, alias])
    conn.execute("UPDATE aliases SET entity_id = ? WHERE entity_kind = 'person' AND entity_id = ? AND folded = ?",
                 [new_id, pid, fold(alias)])
    conn.execute("UPDATE attendance SET person_id = ? WHERE person_id = ? AND lower(name_raw) = lower(?)",
                 [new_id, pid, alias])
    _log(conn, "split", alias, name, folder)
    conn.execute("COMMIT")
    return f"{alias!r} is now a person of its own, apart from {name!r}"


def list_people(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute("""
        SELECT p.id, p.name,
               (SELECT list(DISTINCT a.alias) FROM aliases a WHERE a.entity_kind = 'person' AND a.entity_id = p.id),
               (SELECT count(DISTINCT meeting_id) FROM attendance t WHERE t.person_id = p.id)
        FROM people p ORDER BY p.name""").fetchall()
    return [{"id": r[0], "name": r[1], "aliases": sorted(r[2] or []), "meetings": r[3]} for r in rows]
