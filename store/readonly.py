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
    try:
        conn.execute("SET enable_external_access = false")
    except duckdb.InvalidInputException:
        # The settings hold for every connection this process has to the file: one still open
        # elsewhere (a notebook's referat.open) keeps a configuration an earlier query sealed.
        sealed = conn.execute("SELECT current_setting('enable_external_access') = false AND "
                              "current_setting('lock_configuration')").fetchone()
        if not (sealed and sealed[0]):
            raise
        return
    conn.execute("SET lock_configuration = true")


def run_sql(db: str | Path, sql: str, on_wait: Callable[[str], None] | None = None
            ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns and rows of a reading query (of its last statement, when there are several)."""
    return run_statements(db, sql, on_wait)[-1]


def run_statements(db: str | Path, sql: str, on_wait: Callable[[str], None] | None = None
                   ) -> list[tuple[list[str], list[tuple[Any, ...]]]]:
    """Columns and rows of each statement of a reading query, in order, on a connection of its own
    that is closed after it.

    Closed, because the settings sealed here hold for every connection this process has to the file."""
    conn = connect(db, read_only=True, on_wait=on_wait)
    try:
        return _run(conn, sql)
    finally:
        conn.close()


# The duckdb shell's dot commands that read, as the SQL they stand for
DOT_COMMANDS = {".tables": "SHOW TABLES"}


def _run(conn: Connection, sql: str) -> list[tuple[list[str], list[tuple[Any, ...]]]]:
    sql = DOT_COMMANDS.get(sql.strip().rstrip(";").strip(), sql)
    try:
        statements = conn.extract_statements(sql)
    except duckdb.Error as exc:
        raise DatabaseError(f"query failed: {exc}") from exc
    if not statements:
        raise QueryRefusedError("the query holds no statement; try referat query .tables or \"SHOW TABLES\"")
    for statement in statements:
        if statement.type not in READING:
            kind = statement.type.name.replace("_", " ")
            raise QueryRefusedError(f"referat query only reads the archive, so {kind} is refused; use SELECT, "
                                    "WITH, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN")
    seal(conn)
    results = []
    try:
        for statement in statements:
            cursor = conn.execute(statement)
            results.append(([d[0] for d in cursor.description or []], cursor.fetchall()))
    except duckdb.PermissionException as exc:
        raise QueryRefusedError(f"referat query only reads the archive, no other file ({exc})") from exc
    except duckdb.Error as exc:
        raise DatabaseError(f"query failed: {exc}") from exc
    return results
