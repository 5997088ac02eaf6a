"""Opening the archive and reading the registry out of it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from referat.errors import DatabaseError
from referat.normalize.authority import read_bodies, read_decisions, read_organisations
from referat.normalize.registry import Org, Registry

Connection = duckdb.DuckDBPyConnection


def connect(path: str | Path | Connection, *, read_only: bool = False) -> Connection:
    """Open (and create) the archive; accepts a path or an open connection."""
    if isinstance(path, duckdb.DuckDBPyConnection):
        return path
    path = Path(path)
    if read_only and not path.exists():
        raise DatabaseError(f"{path}: no such database; run `referat ingest PATH --db {path}` first")
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseError(
                f"{path}: the database is in use by another referat process; wait for it to finish") from exc
        raise DatabaseError(f"{path}: cannot open the database ({exc})") from exc
    except duckdb.Error as exc:
        raise DatabaseError(f"{path}: not a referat database or damaged ({exc})") from exc
    if not read_only:
        conn.execute(resources.files("referat.store").joinpath("schema.sql").read_text(encoding="utf-8"))
    return conn


def load_registry(conn: Connection, registry_dir: Path | None = None) -> Registry:
    """The registry as the database and the authority files describe it."""
    registry = Registry()
    registry.body_names = read_bodies(registry_dir)
    # Ids of every table the registry numbers: a run after a crash must never hand one out twice.
    top = conn.execute("SELECT coalesce(max(id), 0) FROM (SELECT id FROM people UNION ALL SELECT id FROM organisations "
                       "UNION ALL SELECT id FROM bodies UNION ALL SELECT id FROM meetings UNION ALL "
                       "SELECT id FROM documents UNION ALL SELECT id FROM items)").fetchone()
    registry.next_id = int(top[0] if top else 0) + 1
    aliases: dict[tuple[str, int], list[str]] = {}
    for kind, eid, alias in conn.execute("SELECT entity_kind, entity_id, alias FROM aliases ORDER BY rowid").fetchall():
        aliases.setdefault((kind, eid), []).append(alias)
    for oid, name, abbreviation, parent in conn.execute(
            "SELECT id, name, abbreviation, parent_id FROM organisations ORDER BY id").fetchall():
        registry.add_org(oid, Org(name, abbreviation, parent), aliases.get(("organisation", oid), []))
    for pid, name in conn.execute("SELECT id, name FROM people ORDER BY id").fetchall():
        registry.add_person(pid, name, aliases.get(("person", pid), []))
    for bid, name in conn.execute("SELECT id, name FROM bodies").fetchall():
        registry.bodies[name] = bid
    logged = conn.execute("SELECT action, mention, target FROM decisions_log ORDER BY decided_at").fetchall()
    decisions = read_decisions(registry_dir) + [tuple(r) for r in logged]
    for action, mention, target in decisions:
        if action in ("accept", "merge") and target:
            registry.accepted[mention] = target
        elif action in ("reject", "split") and target:
            match = registry.lookup_person(target)
            if match.id is not None:
                registry.rejected.add((mention, match.id))
                registry.accepted.pop(mention, None)
    registry.add_authority(read_organisations(registry_dir))
    return registry


def insert_rows(conn: Connection, table: str, rows: list[tuple[Any, ...]], *, with_id: bool = False,
                columns: tuple[str, ...] = ()) -> None:
    """Insert rows with one statement per few hundred rows; ``with_id`` numbers them from seq_id first."""
    if not rows:
        return
    row = "(" + ("nextval('seq_id'), " if with_id else "") + ", ".join("?" * len(rows[0])) + ")"
    into = f"{table} ({', '.join(columns)})" if columns else table
    for start in range(0, len(rows), 200):
        chunk = rows[start:start + 200]
        conn.execute(f"INSERT INTO {into} VALUES " + ", ".join([row] * len(chunk)), [v for r in chunk for v in r])


def write_changes(conn: Connection, registry: Registry) -> None:
    changes = registry.drain()
    insert_rows(conn, "people", list(changes.people))
    insert_rows(conn, "organisations", list(changes.orgs))
    insert_rows(conn, "bodies", list(changes.bodies))
    if changes.aliases:
        from referat.folding import fold

        insert_rows(conn, "aliases", [(k, i, a, fold(a), s, c, d) for k, i, a, s, c, d in changes.aliases])
    insert_rows(conn, "reviews", [(r.entity_kind, r.mention, r.mention_id, r.candidate_id, r.score, r.runner_up_id,
                                   r.runner_up_score, r.document_id, r.page, r.line, "pending")
                                  for r in changes.reviews], with_id=True)
