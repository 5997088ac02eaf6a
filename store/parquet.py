"""`referat export --format parquet`: one Parquet file per table and view, for other tools.

Each table goes through the publication policy's SQL (reports/publication.py) into an in-memory
database that attaches the archive read-only; the views are made again there from those rows, so
they hold only what the policy lets through, and every table and view is written from it with
DuckDB's COPY. The archive itself is only read."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from referat.reports.publication import Policy, public_tables
from referat.store.catalog import relations
from referat.store.db import Connection


def export_parquet(conn: Connection, out: Path, policy: Policy) -> tuple[list[Path], list[str]]:
    """The files written, and the tables the policy left out."""
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    found = relations(conn)
    tables = [r["name"] for r in found if r["kind"] == "table"]
    allowed = public_tables(tables, policy)
    path = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    # A read-only connection cannot hold the filtered rows: a scratch database in memory reads the archive.
    scratch = duckdb.connect(":memory:")
    try:
        scratch.execute("ATTACH ? AS archive (READ_ONLY)", [path])
        scratch.execute("USE archive")
        for table, sql in allowed.items():
            scratch.execute(f'CREATE TABLE memory.main."{table}" AS {sql}')
        scratch.execute("USE memory")
        scratch.execute("DETACH archive")
        scratch.execute(resources.files("referat.store").joinpath("views.sql").read_text(encoding="utf-8"))
        views = [r["name"] for r in relations(scratch) if r["kind"] == "view"]
        written = []
        for name in [*allowed, *views]:
            target = out / f"{name}.parquet"
            # COPY takes no parameter for its file: the path is quoted as a string literal
            scratch.execute(f"""COPY "{name}" TO '{str(target).replace("'", "''")}' (FORMAT parquet)""")
            written.append(target)
    finally:
        scratch.close()
    return written, [t for t in tables if t not in allowed]
