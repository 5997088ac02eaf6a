"""Rows waiting to be written, a batch of documents at a time, through Arrow.

DuckDB spends about half a millisecond per row on an INSERT ... VALUES statement, but a few
microseconds on a row it scans from an Arrow table; a document has hundreds of rows. Rows are
kept here per table, in the order they were added, and written in that order at ``flush``."""

from __future__ import annotations

from typing import Any

from referat.store.db import Connection


class Rows:
    def __init__(self, conn: Connection | None = None) -> None:
        self._tables: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        # Every path, file hash and (body, date) of a meeting the archive holds or this run added:
        # the loader only asks the database about a document when one of them is already known,
        # which on a fresh shelf is never.
        self.paths: set[str] = set()
        self.sha256s: set[str] = set()
        self.meeting_keys: set[tuple[Any, Any]] = set()  # (body id, 'yyyy-mm-dd')
        if conn is not None:
            self.paths = {p for (p,) in conn.execute("SELECT DISTINCT path FROM documents").fetchall()}
            self.sha256s = {s for (s,) in conn.execute("SELECT DISTINCT sha256 FROM documents").fetchall()}
            self.meeting_keys = set(conn.execute(
                "SELECT DISTINCT body_id, strftime(date, '%Y-%m-%d') FROM meetings").fetchall())

    def add(self, table: str, rows: list[tuple[Any, ...]], columns: tuple[str, ...] = ()) -> None:
        if rows:
            self._tables.setdefault((table, columns), []).extend(rows)

    def __bool__(self) -> bool:
        return bool(self._tables)

    def flush(self, conn: Connection) -> None:
        """Write every waiting row (in the caller's transaction) and forget them."""
        import pyarrow as pa

        for (table, columns), rows in self._tables.items():
            data = pa.table({f"c{k}": list(column) for k, column in enumerate(zip(*rows, strict=True))})
            into = f"{table} ({', '.join(columns)})" if columns else table
            conn.register("referat_rows", data)
            try:
                conn.execute(f"INSERT INTO {into} SELECT * FROM referat_rows")
            finally:
                conn.unregister("referat_rows")
        self._tables.clear()
