"""A small batch goes to DuckDB as lists, a large one through Arrow: the archive holds the same rows either way."""

import shutil
from pathlib import Path

import pytest

import referat.store.rows as store_rows
from helpers import MINUTES, SEED_TEXTS
from referat.store import connect
from referat.store.ingest import ingest


def _dump(db: Path) -> dict[str, list[str]]:
    conn = connect(db, read_only=True)
    tables = conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
    dump = {}
    for (table,) in tables:
        columns = [c for (c,) in conn.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                              "AND data_type != 'TIMESTAMP' ORDER BY column_index", [table]).fetchall()]
        dump[table] = sorted(map(repr, conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()))
    conn.close()
    return dump


def test_lists_and_arrow_store_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = []
    for source in [*SEED_TEXTS[:6], MINUTES / "styret-2024-09-02.md", MINUTES / "bystyret-layout-2025-06-12.txt"]:
        files.append(tmp_path / source.name)
        shutil.copy(source, files[-1])
    monkeypatch.setattr(store_rows, "SMALL", 0)
    ingest(connect(tmp_path / "arrow.duckdb"), files)
    monkeypatch.setattr(store_rows, "SMALL", 10**9)
    ingest(connect(tmp_path / "other.duckdb"), files)
    arrow, other = _dump(tmp_path / "arrow.duckdb"), _dump(tmp_path / "other.duckdb")
    assert sum(map(len, arrow.values())) > 3000
    assert other == arrow
