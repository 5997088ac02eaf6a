"""A run with nothing to read skips the clean-up and the DDL when the archive is as they left it,
and does them when anything they depend on changed."""

import shutil
from pathlib import Path

import pytest

import referat.store.db as store_db
import referat.store.ingest as store_ingest
from helpers import MINUTES
from referat.store import connect
from referat.store.tidied import is_tidy
from referat.store.verify import verify


def _never(*_args: object) -> None:
    raise AssertionError("called on an archive as it was left")


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, Path]:
    minutes = tmp_path / "styret.md"
    shutil.copy(MINUTES / "styret-2024-09-02.md", minutes)
    conn = connect(tmp_path / "a.duckdb")
    store_ingest.ingest(conn, [minutes])
    conn.close()
    return tmp_path / "a.duckdb", minutes


def test_an_unchanged_run_on_a_tidy_archive_neither_cleans_up_nor_gives_the_ddl_again(
        archive: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch):
    db, minutes = archive
    monkeypatch.setattr(store_db, "_apply_views", _never)
    monkeypatch.setattr(store_ingest, "remove_orphans", _never)
    monkeypatch.setattr(store_ingest, "rebuild_memberships", _never)
    conn = connect(db)
    assert is_tidy(conn)
    summary = store_ingest.ingest(conn, [minutes])
    assert summary.results == {"unchanged": 1}


def test_a_person_a_merge_left_without_rows_is_removed_by_the_next_unchanged_run(archive: tuple[Path, Path]):
    db, minutes = archive
    conn = connect(db)
    # what `referat review` does on a merge: the rows of one person point to another
    gone, kept = conn.execute("SELECT DISTINCT person_id FROM attendance ORDER BY 1 LIMIT 2").fetchall()
    conn.execute("UPDATE attendance SET person_id = ? WHERE person_id = ?", [kept[0], gone[0]])
    assert not is_tidy(conn)
    assert not verify(conn).ok
    summary = store_ingest.ingest(conn, [minutes])
    assert summary.removed["people"] == 1
    assert verify(conn).ok and is_tidy(conn)
    assert conn.execute("SELECT count(*) FROM people WHERE id = ?", gone).fetchone()[0] == 0


def test_changed_views_are_given_to_an_archive_made_before(archive: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch):
    db, _ = archive
    sql = store_db._sql
    monkeypatch.setattr(store_db, "_sql", lambda name: sql(name) + (
        "\nCREATE OR REPLACE VIEW newer AS SELECT 1 AS one;" if name == "views.sql" else ""))
    conn = connect(db)
    assert conn.execute("SELECT one FROM newer").fetchall() == [(1,)]
