"""A new archive is a copy of an empty one made once (store/template.py): it must be exactly what the
DDL makes, and making it must be safe when the cache cannot be written, is damaged, or two
processes make archives at once."""

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import referat.store.db as store_db
from helpers import MINUTES
from referat.store import connect, template
from referat.store.ingest import ingest

# Everything DuckDB says about a database's schema, comments included, each in a total order.
CATALOG = {
    "tables": "SELECT table_name, comment, sql, has_primary_key, column_count, index_count, check_constraint_count "
              "FROM duckdb_tables() WHERE schema_name = 'main'",
    "views": "SELECT view_name, comment, sql, column_count FROM duckdb_views() WHERE schema_name = 'main' "
             "AND NOT internal",
    "columns": "SELECT table_name, column_index, column_name, comment, data_type, column_default, is_nullable "
               "FROM duckdb_columns() WHERE schema_name = 'main'",
    "macros": "SELECT function_name, function_type, comment, parameters::VARCHAR, macro_definition "
              "FROM duckdb_functions() WHERE schema_name = 'main' AND NOT internal",
    "sequences": "SELECT sequence_name, comment, start_value, min_value, max_value, increment_by, cycle, last_value "
                 "FROM duckdb_sequences() WHERE schema_name = 'main'",
    "indexes": "SELECT index_name, table_name, comment, is_unique, is_primary, sql FROM duckdb_indexes() "
               "WHERE schema_name = 'main'",
    "constraints": "SELECT table_name, constraint_index, constraint_type, constraint_text, "
                   "constraint_column_names::VARCHAR FROM duckdb_constraints() WHERE schema_name = 'main'",
}


def _catalog(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {name: conn.execute(f"SELECT * FROM ({sql}) ORDER BY ALL").fetchall() for name, sql in CATALOG.items()}
    finally:
        conn.close()


def _templates(cache: Path) -> list[Path]:
    return sorted((cache / "referat").glob("archive-*.duckdb"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _never(*_args: object) -> None:
    raise AssertionError("the DDL was given to an archive made from the template")


def test_a_new_archive_is_the_template_and_the_template_is_what_the_ddl_makes(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch):
    connect(tmp_path / "first.duckdb").close()  # makes the template
    assert len(_templates(cache)) == 1
    with monkeypatch.context() as patched:
        patched.setattr(store_db, "_apply_views", _never)
        connect(tmp_path / "copied.duckdb").close()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "no-cache"))
    monkeypatch.setattr(template, "cache_dir", lambda: None)
    connect(tmp_path / "ddl.duckdb").close()
    made = _catalog(tmp_path / "ddl.duckdb")
    assert made["tables"] and made["views"] and made["macros"] and made["sequences"]
    assert any(comment for _, comment, *_ in made["views"])  # comments are compared, and there are some
    assert _catalog(tmp_path / "copied.duckdb") == made
    assert _catalog(tmp_path / "first.duckdb") == made
    assert _catalog(_templates(cache)[0]) == made


def test_an_archive_from_the_template_stores_what_one_from_the_ddl_stores(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch):
    minutes = tmp_path / "styret.md"
    shutil.copy(MINUTES / "styret-2024-09-02.md", minutes)
    connect(tmp_path / "first.duckdb").close()
    dumps = []
    for name, use_cache in (("copied.duckdb", True), ("ddl.duckdb", False)):
        if not use_cache:
            monkeypatch.setattr(template, "cache_dir", lambda: None)
        conn = connect(tmp_path / name)
        ingest(conn, [minutes])
        conn.close()
        out = subprocess.run([sys.executable, "-m", "benchmarks.same_archive", str(tmp_path / "copied.duckdb"),
                              str(tmp_path / name)], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
        dumps.append(out.stdout)
    assert dumps[1] == dumps[0]
    assert "0 differ" in dumps[1] and " 1  " in dumps[1]  # the document's rows are in both


def test_without_a_writable_cache_the_archive_is_made_from_the_ddl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # root may write anywhere, but not into a file
    conn = connect(tmp_path / "a.duckdb")
    tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"documents", "meetings"} <= tables
    conn.close()
    assert blocked.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a.duckdb"]  # no copy left behind


def test_a_damaged_template_is_made_anew(tmp_path: Path, cache: Path):
    connect(tmp_path / "first.duckdb").close()
    (kept,) = _templates(cache)
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0xFF
    kept.write_bytes(bytes(data))
    connect(tmp_path / "second.duckdb").close()
    assert _templates(cache) == [kept] and kept.read_bytes() != bytes(data)
    assert _catalog(tmp_path / "second.duckdb") == _catalog(tmp_path / "first.duckdb")


def test_a_template_is_never_copied_over_a_file(tmp_path: Path, cache: Path):
    connect(tmp_path / "first.duckdb").close()
    taken = tmp_path / "taken.duckdb"
    taken.write_bytes(b"another process made this first")
    assert not template.place(taken, store_db._template_key(), store_db._build_empty)
    assert taken.read_bytes() == b"another process made this first"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_processes_making_archives_at_once_each_get_a_whole_one(tmp_path: Path, cache: Path):
    """Four processes at once, with no template yet: each builds one or takes the one another built."""
    code = "import sys\nfrom referat.store import connect\nconnect(sys.argv[1]).close()"
    runs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / f"{k}.duckdb")]) for k in range(4)]
    assert [run.wait() for run in runs] == [0, 0, 0, 0]
    assert len(_templates(cache)) == 1
    assert not [p for p in (cache / "referat").iterdir() if p.name.startswith(".")]  # no build folder left
    first = _catalog(tmp_path / "0.duckdb")
    assert all(_catalog(tmp_path / f"{k}.duckdb") == first for k in range(1, 4))
