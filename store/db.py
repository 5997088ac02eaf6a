"""Opening the archive and reading the registry out of it."""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from referat.errors import DatabaseError
from referat.store import template, writer

if TYPE_CHECKING:
    from referat.normalize.registry import Registry
    from referat.store.rows import Rows

Connection = duckdb.DuckDBPyConnection
WAIT_STEP = 0.2  # seconds between tries while another process holds the archive
# A new archive is written in the storage format of DuckDB 1.1, so analysts' older duckdb (>= 1.1.0, the
# minimum in pyproject.toml) can open it; duckdb 2's default is a format only 2.x reads. An archive made
# before keeps its format: ingest it anew to open it with duckdb 1.x.
STORAGE_VERSION = "v1.1.0"
# A writer's checkpoints never merge the archive's row groups. DuckDB merges (vacuums) small row groups
# of tables without an index at a checkpoint, into groups of up to 122,880 rows that it holds whole
# in memory before compressing them: the loader's automatic checkpoints each write a small row group,
# so merges came again and again, ever larger (a group of documents holds 120,000 raw texts), and
# lifted the loader's memory by up to 1-3 GB for a second (issue #20; benchmarks/ckpt_probe.py shows
# it). Without merges a checkpoint writes only the rows committed since the last one. Row groups of
# fully deleted rows are still dropped; partly deleted ones keep their deleted rows' space.
# A writer's DuckDB keeps at most 256 MB of blocks: by default it keeps every block it has read, up to
# 80% of the machine's memory, and the loader's start (the next free id, the keys of the duplicate
# checks) reads the id and key columns of the whole archive, whose blocks at 100,000 documents
# came to 540 MB, so the loader's peak grew with the archive (423 -> 847 MB over ten top-ups of
# 10,000; workers forked after it share those pages). With the limit a 2,000-file top-up of that
# archive peaks at 429 MB instead of 813, the rows the same; what needs more spills to disk.
WRITER_SETTINGS = {"max_vacuum_tasks": 0, "memory_limit": "'256MB'"}
# The site reads every text of the archive a page at a time, and DuckDB kept each block it read: at
# 100,000 documents the build's memory came to 5 GB, 1.4 GB of it blocks after 60,000 texts. Other
# readers are left unlimited: one query of theirs may sort more than a limit lets DuckDB hold
# (a sort of 87 MB of texts fails under 64 MB), and a query that fails for memory is worse to an
# analyst than one that holds it.
SITE_MEMORY = "'1GB'"
# The views and comments are written only when they changed: rewriting them costs every writer a
# second. Their fingerprint is kept in the comment of the macro the attendance figures come from.
VIEWS_MARK = "attendance_rates_between"
# What a writer would otherwise find out on every run, each a "key value" in the comment of the id
# sequence, which no analyst reads: "schema", the fingerprint of the DDL the archive was last given
# (so an archive up to date is not given schema.sql, views and comments again, 30 ms), and "tidy"
# (store/tidied.py). Reading a sequence's comment costs half a millisecond, the macro's above 17.
MARKS = "seq_id"


def connect(path: str | Path | Connection, *, read_only: bool = False,
            on_wait: Callable[[str], None] | None = None) -> Connection:
    """Open (and create) the archive; accepts a path or an open connection. A new archive is a copy
    of an empty one made once (store/template.py), or made from the DDL where none can be kept.

    A file that is not a referat archive (another kind of file, a damaged one, another program's
    database) is refused untouched. While another process writes, a reader is refused with who
    writes and since when; with ``on_wait`` it is told so once and waits until it can read."""
    if isinstance(path, duckdb.DuckDBPyConnection):
        return path
    path = Path(path)
    if read_only and not path.exists():
        raise DatabaseError(f"{path}: no such database; run `referat ingest PATH --db {path}` first")
    _check_file(path)
    if not read_only and not path.exists() and not path.with_name(path.name + ".wal").exists():
        template.place(path, _template_key(), _build_empty)
    conn = _open(path, read_only, on_wait)
    try:
        tables = _check_archive(conn, path)
        if not read_only:
            _apply_schema(conn, tables)
    except duckdb.Error as exc:
        conn.close()
        raise DatabaseError(f"{path}: cannot use the database ({exc})") from exc
    except DatabaseError:
        conn.close()
        raise
    return conn


def _sql(name: str) -> str:
    return resources.files("referat.store").joinpath(name).read_text(encoding="utf-8")


def _ddl() -> tuple[str, str, str]:
    return _sql("schema.sql"), _sql("views.sql"), _sql("comments.sql")


def _template_key() -> str:
    """What an empty archive's bytes follow from: the DDL, the duckdb that ran it, the storage format."""
    made_by = "\0".join((*_ddl(), duckdb.__version__, STORAGE_VERSION))
    return hashlib.sha256(made_by.encode()).hexdigest()[:16]


def _build_empty(path: Path) -> None:
    """An empty archive at ``path``, made as `connect` makes a new one without a template."""
    conn = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    try:
        _apply_schema(conn, set())
    finally:
        conn.close()


def _apply_schema(conn: Connection, tables: set[str]) -> None:
    """The tables (schema.sql, with its migrations), views and comments, unless the archive was given
    these ones and still has every table."""
    ddl = _ddl()
    mark = hashlib.sha256("\0".join(ddl).encode()).hexdigest()[:16]
    ours = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", ddl[0]))
    if read_marks(conn).get("schema") == mark and ours <= tables:
        return
    conn.execute(ddl[0])
    _apply_views(conn, known=bool(tables))  # a new archive has none to look for (17 ms)
    write_mark(conn, "schema", mark)


def read_marks(conn: Connection) -> dict[str, str]:
    """The archive's marks (MARKS), by key; none on an archive made before them or a new one."""
    found = conn.execute("SELECT comment FROM duckdb_sequences() WHERE sequence_name = ? AND schema_name = 'main'",
                         [MARKS]).fetchone()
    pairs = (part.partition(" ") for part in str(found[0] or "").split("; ")) if found else ()
    return {key: value for key, _, value in pairs if key and value}


def write_mark(conn: Connection, key: str, value: str) -> None:
    """Set one mark, keeping the others (in the caller's transaction, if any)."""
    marks = read_marks(conn) | {key: value}
    text = "; ".join(f"{k} {v}" for k, v in sorted(marks.items()))
    conn.execute(f"COMMENT ON SEQUENCE {MARKS} IS '{text}'")  # the keys and values are ours: no quote in them


def _apply_views(conn: Connection, known: bool = True) -> None:
    """The analysts' views and every COMMENT ON, in one transaction, when the archive lacks these ones
    (looked for when ``known``)."""
    views, comments = _sql("views.sql"), _sql("comments.sql")
    mark = "referat views " + hashlib.sha256((views + comments).encode()).hexdigest()[:16]
    found = conn.execute("SELECT comment FROM duckdb_functions() WHERE function_name = ? AND schema_name = 'main'",
                         [VIEWS_MARK]).fetchone() if known else None
    if found and found[0] and str(found[0]).endswith(mark):
        return
    conn.execute("BEGIN")
    try:
        conn.execute(views)
        conn.execute(comments)  # after the views: replacing a view drops its comments
        conn.execute(f"COMMENT ON MACRO TABLE {VIEWS_MARK} IS 'Attendance figures of members for a body and "
                     f"period (NULL: all); {mark}'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


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
                    if read_only:
                        return duckdb.connect(str(path), read_only=True)
                    return writer_settings(duckdb.connect(str(path), config={
                        "storage_compatibility_version": STORAGE_VERSION}))
                except duckdb.IOException as exc:
                    if "lock" not in str(exc).lower():
                        raise DatabaseError(f"{path}: the database is damaged or truncated ({exc}); restore it "
                                            "from a backup, or choose another --db") from exc
                    holder = writer.holder(path, str(exc))
                except duckdb.Error as exc:
                    raise DatabaseError(f"{path}: not a referat database or damaged ({exc})") from exc
            if on_wait is None:
                raise DatabaseError(f"{path}: the database is in use by {holder}; "
                                    "try again when it ends, or add --wait to wait for it")
            if not told:
                on_wait(f"{path}: waiting for {holder}")
                queued = writer.wait_in_line(path) if read_only else None
                told = True
            time.sleep(WAIT_STEP)
    finally:
        if queued is not None:
            queued.unlink(missing_ok=True)


def site_settings(conn: Connection) -> Connection:
    """``conn``, read-only, with the site's memory limit (SITE_MEMORY)."""
    conn.execute(f"SET memory_limit = {SITE_MEMORY}")
    return conn


def writer_settings(conn: Connection) -> Connection:
    """``conn`` with WRITER_SETTINGS, those its duckdb knows (an older one may lack a setting)."""
    for name, value in WRITER_SETTINGS.items():
        with contextlib.suppress(duckdb.CatalogException):
            conn.execute(f"SET {name} = {value}")  # our names and values, quoted where they need it
    return conn


def _check_archive(conn: Connection, path: Path) -> set[str]:
    """A DuckDB database of another program is never given our tables; the tables it has."""
    tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
                                         ).fetchall()}
    if not tables:
        return tables
    columns = {c for (c,) in conn.execute("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                                          "AND table_name = 'documents'").fetchall()}
    if not {"documents", "meetings", "items", "people"} <= tables or not {"path", "sha256", "status"} <= columns:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(f"{path}: not a referat archive (it holds the tables {shown}); referat leaves it as "
                            "it is, choose another --db")
    return tables


def load_registry(conn: Connection, registry_dir: Path | None = None) -> Registry:
    """The registry as the database and the authority files describe it."""
    # Here, not at the top: opening the archive must not cost the matcher's imports.
    from referat.normalize.authority import read_bodies, read_decisions, read_organisations
    from referat.normalize.registry import Org, Registry

    registry = Registry()
    registry.body_names = read_bodies(registry_dir)
    registry.next_id = next_free_id(conn)
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


# Tables whose ids come from one counter: a run after a crash must never hand one out twice.
NUMBERED = ("people", "organisations", "bodies", "meetings", "documents", "items", "decisions", "follow_ups",
            "item_references", "attendance", "reviews", "votes", "proposals", "search_units")


def next_free_id(conn: Connection) -> int:
    """The first id no numbered table holds."""
    top = conn.execute("SELECT coalesce(max(id), 0) FROM ("
                       + " UNION ALL ".join(f"SELECT id FROM {t}" for t in NUMBERED) + ")").fetchone()
    return int(top[0] if top else 0) + 1
