"""Opening the archive and reading the registry out of it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from referat.errors import DatabaseError
from referat.normalize.authority import read_bodies, read_decisions, read_organisations
from referat.normalize.registry import Org, Registry

if TYPE_CHECKING:
    from referat.store.rows import Rows

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
    numbered = ("people", "organisations", "bodies", "meetings", "documents", "items", "decisions", "follow_ups",
                "item_references", "attendance", "reviews", "proposals")
    top = conn.execute("SELECT coalesce(max(id), 0) FROM ("
                       + " UNION ALL ".join(f"SELECT id FROM {t}" for t in numbered) + ")").fetchone()
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


def write_changes(conn: Connection, registry: Registry) -> None:
    """Write what the registry learnt (people, organisations, aliases, reviews) now."""
    from referat.store.rows import Rows

    rows = Rows()
    add_changes(rows, registry)
    rows.flush(conn)


def add_changes(rows: Rows, registry: Registry) -> None:
    """Add what the registry learnt to a batch of rows."""
    changes = registry.drain()
    rows.add("people", list(changes.people))
    rows.add("organisations", list(changes.orgs))
    rows.add("bodies", list(changes.bodies))
    if changes.aliases:
        from referat.folding import fold

        rows.add("aliases", [(k, i, a, fold(a), s, c, d) for k, i, a, s, c, d in changes.aliases])
    rows.add("reviews", [(registry.new_id(), r.entity_kind, r.mention, r.mention_id, r.candidate_id, r.score,
                          r.runner_up_id, r.runner_up_score, r.document_id, r.page, r.line, "pending")
                         for r in changes.reviews])
