"""Rows waiting to be written, a batch of documents at a time, through Arrow.

DuckDB spends about half a millisecond per row on an INSERT ... VALUES statement, but a few
microseconds on a row it scans from an Arrow table; a document has hundreds of rows. Rows are
kept here per table, in the order they were added, and written in that order at ``flush``.

Each column goes to Arrow with the type its table declares: inferring types from the Python
values took a quarter of the loader's time.

A small batch (one or a few documents: an archivist's top-up) goes as one list per column instead,
unnested by DuckDB: about 10 microseconds a row against Arrow's 5, but without importing pyarrow
(and numpy), which costs 0.11 s of CPU, more than the rows of a hundred documents."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from referat.store.db import Connection
from referat.store.keyfilter import KeyFilter
from referat.store.sameday import SameDay

if TYPE_CHECKING:
    import pyarrow as pa


@cache
def _arrow_type(duckdb_type: str) -> pa.DataType | None:
    """The Arrow type a column's values are sent as; None: let pyarrow infer it (dates, timestamps)."""
    import pyarrow as pa

    return {"BIGINT": pa.int64(), "INTEGER": pa.int64(), "BOOLEAN": pa.bool_(), "DOUBLE": pa.float64(),
            "VARCHAR": pa.string(), "VARCHAR[]": pa.list_(pa.string())}.get(duckdb_type)


def _streamed(conn: Connection, sql: str, size: int = 10_000) -> Iterator[tuple[Any, ...]]:
    """The rows of a query a few thousand at a time, never the whole archive's at once; read to
    the end before the connection runs anything else."""
    result = conn.execute(sql)
    while chunk := result.fetchmany(size):
        yield from chunk


# Meetings with a body and a date, in the order they were loaded, with their case numbers: all a twin can be.
_MEETINGS = """SELECT m.body_id, strftime(m.date, '%Y-%m-%d'), m.id, list(i.number) FILTER (WHERE i.number IS NOT NULL)
    FROM meetings m LEFT JOIN items i ON i.meeting_id = m.id WHERE m.body_id IS NOT NULL AND m.date IS NOT NULL
    GROUP BY m.id, m.body_id, m.date ORDER BY m.id"""

# Rows per flush up to which lists are cheaper than importing pyarrow (0.11 s / ~5 us a row, halved)
SMALL = 10_000


class Rows:
    def __init__(self, conn: Connection | None = None) -> None:
        self._tables: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        self._declared: dict[str, dict[str, str]] = {}  # table -> column -> DuckDB type, read once
        # Every path and file hash the archive holds or this run added: the loader only asks the
        # database about a document when one of them may be known already, which on a fresh shelf
        # is almost never. In filters of fixed size: sets grew with the archive. Meetings are kept
        # by body and day with their case numbers (SameDay), which the twin check needs whole.
        self.paths = KeyFilter()
        self.sha256s = KeyFilter()
        self.meetings = SameDay()  # every meeting, this batch's too, by (body id, 'yyyy-mm-dd')
        # The same keys for what this batch added and the database has not seen: the loader looks a
        # document's twin up here instead of writing the batch to ask the database (a flush per
        # document made the cost per document grow with the archive). Cleared at ``flush``.
        self.pending_paths: set[str] = set()
        self.pending_documents: dict[str, tuple[int, str]] = {}  # sha256 -> (id, path): the first loaded
        if conn is not None:
            for keys, sql in ((self.paths, "SELECT path FROM documents UNION ALL SELECT path FROM document_paths"),
                              (self.sha256s, "SELECT sha256 FROM documents")):
                for (key,) in _streamed(conn, sql):
                    keys.add(key)
            for body_id, date, meeting_id, numbers in _streamed(conn, _MEETINGS):
                self.meetings.add((body_id, date), meeting_id, numbers)

    def add(self, table: str, rows: list[tuple[Any, ...]], columns: tuple[str, ...] = ()) -> None:
        if rows:
            self._tables.setdefault((table, columns), []).extend(rows)

    def __bool__(self) -> bool:
        return bool(self._tables)

    def flush(self, conn: Connection) -> None:
        """Write every waiting row (in the caller's transaction) and forget them."""
        if sum(map(len, self._tables.values())) <= SMALL:
            self._flush_lists(conn)
        else:
            self._flush_arrow(conn)
        self.pending_paths.clear()
        self.pending_documents.clear()

    def _declared_types(self, conn: Connection) -> dict[str, dict[str, str]]:
        """Each table's columns, in order, with the types the schema declares (asked once per Rows)."""
        if not self._declared:
            for table, column, kind in conn.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() "
                                                    "WHERE schema_name = current_schema() "
                                                    "ORDER BY table_name, column_index").fetchall():
                self._declared.setdefault(table, {})[column] = kind
        return self._declared

    def _flush_arrow(self, conn: Connection) -> None:
        import pyarrow as pa

        declared = self._declared_types(conn)
        for (table, columns), rows in self._tables.items():
            types = declared[table]
            names = columns or tuple(types)
            data = pa.table({f"c{k}": pa.array(column, type=_arrow_type(types[names[k]]))
                             for k, column in enumerate(zip(*rows, strict=True))})
            into = f"{table} ({', '.join(columns)})" if columns else table
            conn.register("referat_rows", data)
            try:
                conn.execute(f"INSERT INTO {into} SELECT * FROM referat_rows")
            finally:
                conn.unregister("referat_rows")
        self._tables.clear()

    def _flush_lists(self, conn: Connection) -> None:
        """``flush`` for a small batch: each column one list parameter, cast to the type its table declares."""
        if not self._tables:
            return
        declared = self._declared_types(conn)
        for (table, columns), rows in self._tables.items():
            types = declared[table]
            names = columns or tuple(types)
            # unnests side by side in one SELECT run in step: row k takes element k of every list
            scan = ", ".join(f"unnest(?::{types[name]}[])" for name in names)
            into = f"{table} ({', '.join(columns)})" if columns else table
            conn.execute(f"INSERT INTO {into} SELECT {scan}", [list(column) for column in zip(*rows, strict=True)])
        self._tables.clear()
