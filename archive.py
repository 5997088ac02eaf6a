"""The archive from Python, for analysts in Jupyter: ``referat.open(path)`` opens it read-only.

Every method returns a ``Result``: an Arrow table (``.arrow()``, or any Arrow reader through the
Arrow C stream interface), and ``.df()`` / ``.pl()`` where pandas or polars is installed. The
archive is never written: the connection is read-only, and the views it reads are those the
last writer left."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.errors import MissingDependencyError

if TYPE_CHECKING:
    import pyarrow as pa

    from referat.store.db import Connection


class Result:
    """A query's rows as Arrow, with the conversions a notebook wants."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table

    def arrow(self) -> pa.Table:
        return self._table

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self._table.__arrow_c_stream__(requested_schema)

    def df(self) -> Any:
        """A pandas DataFrame (pip install 'referat[pandas]')."""
        _require("pandas")
        return self._table.to_pandas()

    def pl(self) -> Any:
        """A polars DataFrame (pip install 'referat[polars]')."""
        _require("polars")
        import polars

        return polars.from_arrow(self._table)

    def rows(self) -> list[dict[str, Any]]:
        return self._table.to_pylist()

    @property
    def columns(self) -> list[str]:
        return list(self._table.column_names)

    def __len__(self) -> int:
        return self._table.num_rows

    def __repr__(self) -> str:
        return f"<referat.Result {self._table.num_rows} rows: {', '.join(self.columns)}>"


def _require(module: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingDependencyError(f"{module} is not installed; pip install 'referat[{module}]', or use .arrow()")


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows)


class Archive:
    """A referat archive opened read-only."""

    def __init__(self, path: str | Path) -> None:
        from referat.store.db import connect

        self.path = Path(path)
        self.conn: Connection = connect(self.path, read_only=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sql(self, query: str, params: list[Any] | None = None) -> Result:
        """Any SQL on the archive's tables and views (see `referat schema`), with ``?`` parameters."""
        import duckdb

        from referat.errors import DatabaseError

        try:
            relation = self.conn.sql(query, params=params or None)
        except duckdb.Error as exc:
            raise DatabaseError(f"query failed: {exc}") from exc
        if relation is None:  # a statement that returns no rows
            return Result(_table([]))
        # duckdb 2 names it to_arrow_table; 1.x, which the pin allows, arrow
        fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
        try:
            return Result(fetch())
        except duckdb.Error as exc:
            raise DatabaseError(f"query failed: {exc}") from exc

    def attendance(self, *, body: str | None = None, start: str | dt.date | None = None,
                   end: str | dt.date | None = None, organisations: bool = False) -> Result:
        """The attendance report's member figures per person (or per organisation), body and year."""
        macro = "attendance_organisation_rates_between" if organisations else "attendance_rates_between"
        return self.sql(f"FROM {macro}(?::VARCHAR, ?::DATE, ?::DATE) ORDER BY name, body, year",
                        [body, _date(start), _date(end)])

    def trace(self, case: str, *, include_exempt: bool = False) -> Result:
        """A case's history ('Styringsgruppen 41-23'): one row per case and meeting it was treated in,
        in date order, as `referat trace` shows it; exempt cases withheld unless ``include_exempt``."""
        from referat.reports.publication import INTERNAL, PUBLIC, publish_items
        from referat.reports.trace import parse_case, trace
        from referat.store import queries as q

        start = parse_case(case, q.body_names(self.conn))
        t = trace(start, publish_items(q.case_history(self.conn, start), INTERNAL if include_exempt else PUBLIC))
        rows = []
        for c in t.cases:
            base = {"case": c["case"], "body": c["body"], "number": c["number"], "in_archive": c["in_archive"],
                    "withheld": c["withheld"]}
            links = [link["to"] for link in t.links if link["from"] == c["case"]]
            for m in c["meetings"] or [{}]:
                rows.append({**base, "date": _date(m.get("date")), "title": m.get("title"), "source": m.get("source"),
                             "page": m.get("page"), "decisions": m.get("decisions", []),
                             "follow_ups": m.get("follow_ups", []), "refers_to": links})
        return Result(_table(rows))

    def search(self, query: str, *, body: str | None = None, start: str | dt.date | None = None,
               end: str | dt.date | None = None, kind: str | None = None, include_exempt: bool = False,
               limit: int = 20) -> Result:
        """Ranked full-text search (`referat search`): the hits as rows."""
        try:
            from referat.store.search import search
        except ImportError as exc:
            raise MissingDependencyError("search is not in this version of referat (referat.store.search is "
                                         "missing)") from exc
        hits = search(self.conn, query, body=body, start=_date(start), end=_date(end), kind=kind,
                      include_exempt=include_exempt, limit=limit)
        return Result(_table([_plain(h) for h in hits]))


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _plain(hit: Any) -> dict[str, Any]:
    """A hit as a row, whatever the search returns it as: a dict, a dataclass or a pydantic model."""
    if isinstance(hit, dict):
        return hit
    if is_dataclass(hit) and not isinstance(hit, type):
        return asdict(hit)
    if hasattr(hit, "model_dump"):
        return hit.model_dump()
    return dict(hit)
