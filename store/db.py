"""Opening the archive and reading the registry out of it."""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from referat.errors import DatabaseError
from referat.store import writer

if TYPE_CHECKING:
    from referat.normalize.registry import Registry
    from referat.store.rows import Rows

Connection = duckdb.DuckDBPyConnection
WAIT_STEP = 0.2  # seconds between tries while another process holds the archive


def connect(path: str | Path | Connection, *, read_only: bool = False,
            on_wait: Callable[[str], None] | None = None) -> Connection:
    """Open (and create) the archive; accepts a path or an open connection.

    A file that is not a referat archive (another kind of file, a damaged one, another program's
    database) is refused untouched. While another process writes, a reader is refused with who
    writes and since when; with ``on_wait`` it is told so once and waits until it can read."""
    if isinstance(path, duckdb.DuckDBPyConnection):
        return path
    path = Path(path)
    if read_only and not path.exists():
        raise DatabaseError(f"{path}: no such database; run `referat ingest PATH --db {path}` first")
    _check_file(path)
    conn = _open(path, read_only, on_wait)
    try:
        _check_archive(conn, path)
        if not read_only:
            conn.execute(resources.files("referat.store").joinpath("schema.sql").read_text(encoding="utf-8"))
    except duckdb.Error as exc:
        conn.close()
        raise DatabaseError(f"{path}: cannot use the database ({exc})") from exc
    except DatabaseError:
        conn.close()
        raise
    return conn


def _check_file(path: Path) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB opens (and might write) it."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read the database ({exc.strerror})") from exc
    if not head:
        raise DatabaseError(f"{path}: the file is empty, not a referat archive; delete it or choose another --db")
    if head[8:12] != b"DUCK":
        kind = "a SQLite database" if head.startswith(b"SQLite format 3") else "another kind of file"
        raise DatabaseError(f"{path}: not a DuckDB database but {kind}; referat leaves it as it is, "
                            "choose another --db")


def _open(path: Path, read_only: bool, on_wait: Callable[[str], None] | None) -> Connection:
    told = False
    queued: Path | None = None  # this reader's place in the writer's queue
    try:
        while True:
            # A writer that lets its readers in between batches has not finished: no other writer may
            # take the archive from it then.
            holder = None if read_only else writer.other_writer(path)
            if holder is None:
                try:
                    return duckdb.connect(str(path), read_only=read_only)
                except duckdb.IOException as exc:
                    if "lock" not in str(exc).lower():
                        raise DatabaseError(f"{path}: the database is damaged or truncated ({exc}); restore it "
                                            "from a backup, or choose another --db") from exc
                    holder = writer.holder(path, str(exc))
                except duckdb.Error as exc:
                    raise DatabaseError(f"{path}: not a referat database or damaged ({exc})") from exc
            if on_wait is None:
                raise DatabaseError(f"{path}: the database is in use by another referat process ({holder}); "
                                    "try again when it ends, or add --wait to wait for it")
            if not told:
                on_wait(f"{path}: waiting for another referat process ({holder})")
                queued = writer.wait_in_line(path) if read_only else None
                told = True
            time.sleep(WAIT_STEP)
    finally:
        if queued is not None:
            queued.unlink(missing_ok=True)


def _check_archive(conn: Connection, path: Path) -> None:
    """A DuckDB database of another program is never given our tables."""
    tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                         ).fetchall()}
    if not tables:
        return
    columns = {c for (c,) in conn.execute("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                                          "AND table_name = 'documents'").fetchall()}
    if not {"documents", "meetings", "items", "people"} <= tables or not {"path", "sha256", "status"} <= columns:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(f"{path}: not a referat archive (it holds the tables {shown}); referat leaves it as "
                            "it is, choose another --db")


def load_registry(conn: Connection, registry_dir: Path | None = None) -> Registry:
    """The registry as the database and the authority files describe it."""
    # Here, not at the top: opening the archive must not cost the matcher's imports.
    from referat.normalize.authority import read_bodies, read_decisions, read_organisations
    from referat.normalize.registry import Org, Registry

    registry = Registry()
    registry.body_names = read_bodies(registry_dir)
    # Ids of every table the registry numbers: a run after a crash must never hand one out twice.
    numbered = ("people", "organisations", "bodies", "meetings", "documents", "items", "decisions", "follow_ups",
                "item_references", "attendance", "reviews", "votes", "proposals")
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
