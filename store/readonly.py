"""`referat query`: any SQL that reads the archive, and nothing else.

The connection is read-only, cannot touch a file other than the archive (no COPY ... TO, EXPORT
DATABASE, ATTACH, read_text, INSTALL) and cannot change its settings back; only statements that
read (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) are run at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from referat.errors import DatabaseError, QueryRefusedError
from referat.store.db import Connection, connect

READING = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)


def seal(conn: Connection) -> None:
    """No file but the archive, and no way to say otherwise later on this connection."""
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def run_sql(db: str | Path, sql: str, on_wait: Callable[[str], None] | None = None
            ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns and rows of a reading query, on a connection of its own that is closed after it.

    Closed, because the settings sealed here hold for every connection this process has to the file."""
    conn = connect(db, read_only=True, on_wait=on_wait)
    try:
        return _run(conn, sql)
    finally:
        conn.close()


def _run(conn: Connection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        statements = conn.extract_statements(sql)
    except duckdb.Error as exc:
        raise DatabaseError(f"query failed: {exc}") from exc
    for statement in statements:
        if statement.type not in READING:
            kind = statement.type.name.replace("_", " ")
            raise QueryRefusedError(f"referat query only reads the archive, so {kind} is refused; use SELECT, "
                                    "WITH, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN")
    seal(conn)
    try:
        cursor = conn.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.PermissionException as exc:
        raise QueryRefusedError(f"referat query only reads the archive, no other file ({exc})") from exc
    except duckdb.Error as exc:
        raise DatabaseError(f"query failed: {exc}") from exc
