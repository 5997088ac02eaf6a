"""`referat ingest --engine ray` on a local Ray: the same database as the local process pool."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import MINUTES, SAMPLES, long_minutes_pdf
from referat.pipeline import find_files
from referat.store import connect
from referat.store.ingest import ingest, load_results

ray = pytest.importorskip("ray")

# Columns that record when, not what.
CLOCK = {"ingested_at", "decided_at"}


def _contents(db: Path) -> dict[str, list[tuple]]:
    conn = connect(db, read_only=True)
    tables = [t for (t,) in conn.execute("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
    out = {}
    for table in tables:
        columns = [c for (c,) in conn.execute("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                   if c not in CLOCK]
        listed = ", ".join(f'"{c}"' for c in columns)
        out[table] = conn.execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall()
    conn.close()
    return out


@pytest.fixture(scope="module")
def shelf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shelf")
    for path in [*SAMPLES.iterdir(), *MINUTES.iterdir()]:
        if path.suffix in (".txt", ".md", ".pdf"):
            shutil.copy(path, folder / path.name)
    long_minutes_pdf(folder / "long.pdf", pages=7)
    (folder / "empty.txt").write_bytes(b"")  # a failure must come out the same too
    return folder


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_gives_the_same_database_as_the_local_pool(shelf: Path, tmp_path: Path, local_ray):
    from referat.ray_engine import run_on_ray
    from referat.shards import read_shards
    from referat.store.unchanged import stamps_of

    files, _ = find_files([shelf])
    stamps = stamps_of(files)
    ingest(connect(tmp_path / "local.duckdb"), files, workers=2)
    # small batches and 3-page parts, so shards, a split PDF and the joining of its parts are all exercised
    shards = run_on_ray(files, tmp_path / "shards", batch_files=3, chunk_pages=3)
    assert len(shards) >= 5
    summary = load_results(connect(tmp_path / "ray.duckdb"), read_shards(shards), stamps=stamps)
    assert summary.failed == [(str(shelf / "empty.txt"), "the file is empty (0 bytes)")]
    local, on_ray = _contents(tmp_path / "local.duckdb"), _contents(tmp_path / "ray.duckdb")
    assert local.keys() == on_ray.keys()
    for table in local:
        assert on_ray[table] == local[table], table
    assert len(local["documents"]) == len(files) and len(local["items"]) > 30


def test_the_cli_runs_on_ray(shelf: Path, tmp_path: Path, local_ray):
    from click.testing import CliRunner

    from referat.cli import main

    result = CliRunner().invoke(main, ["ingest", str(shelf / "long.pdf"), str(shelf / "styret-2024-09-02.md"),
                                       "--db", str(tmp_path / "cli.duckdb"), "--engine", "ray",
                                       "--shards", str(tmp_path / "kept")])
    assert result.exit_code == 0, result.output
    assert "2 files read" in result.output
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["shard-00000000.parquet"]


def test_ray_skips_unchanged_files_before_it_starts(shelf: Path, tmp_path: Path, local_ray,
                                                   monkeypatch: pytest.MonkeyPatch):
    """A top-up on Ray reads only what is new or changed, as the local pool does (store.unchanged)."""
    import os

    from click.testing import CliRunner

    import referat.ray_engine
    from referat.cli import main

    folder = tmp_path / "shelf"
    folder.mkdir()
    for name in ("styret-2024-09-02.md", "long.pdf"):
        shutil.copy(shelf / name, folder / name)
    db = tmp_path / "topup.duckdb"
    args = ["ingest", str(folder), "--db", str(db), "--engine", "ray"]
    asked: list[list[str]] = []
    real = referat.ray_engine.shards_on_ray

    def shards_on_ray(files: list[Path], *a: object, **k: object) -> Iterator[Path]:
        asked.append(sorted(p.name for p in files))
        return real(files, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(referat.ray_engine, "shards_on_ray", shards_on_ray)
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[-1] == f"2 files read into {db}: 0 loaded, 0 replaced, 2 unchanged, 0 failed"
    changed = folder / "styret-2024-09-02.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nEventuelt: ingen saker.\n", encoding="utf-8")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    third = CliRunner().invoke(main, args)
    assert third.exit_code == 0, third.output
    assert "1 replaced, 1 unchanged" in third.output.splitlines()[-1]
    assert asked == [["long.pdf", "styret-2024-09-02.md"], ["styret-2024-09-02.md"]]  # Ray never saw the others


def test_ray_tasks_read_each_file_within_the_limits(shelf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """--max-file-seconds on Ray: a task reads each file in a worker process of its own, as the local
    pool does, so a file that hangs is stopped and fails alone with the same reason. (The task
    functions are called here without Ray; the workers they fork inherit the slow reader.)"""
    import time

    import referat.pipeline
    from referat.ray_engine import _batch, _part
    from referat.shards import read_shards
    from referat.workers import Limits

    real = referat.pipeline.read_document

    def read(path: Path, **kwargs: object) -> object:
        if Path(path).name in ("slow.txt", "long.pdf"):
            time.sleep(60)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(referat.pipeline, "read_document", read)
    slow = tmp_path / "slow.txt"
    shutil.copy(shelf / "styret-2024-09-02.md", slow)
    started = time.monotonic()
    shard = _batch([(0, str(shelf / "styret-2024-09-02.md")), (1, str(slow))], str(tmp_path), Limits(2.0, None))
    part = _part(str(shelf / "long.pdf"), 0, 3, Limits(2.0, None))
    assert time.monotonic() - started < 30
    good, stopped = read_shards([Path(shard)])
    assert good.error is None and good.extraction is not None
    assert stopped.error == "reading it took longer than 2 s (--max-file-seconds); stopped"
    assert part == "reading it took longer than 2 s (--max-file-seconds); stopped"


def test_the_driver_holds_a_window_of_tasks(shelf: Path, tmp_path: Path, local_ray):
    """At 100k files the driver must not submit every task at once: with a window of 2, when the
    first shard is handed over at most 2 tasks have been submitted, so at most 2 shards exist; the
    rest are submitted as the shards before them are taken, and all come in file order."""
    from referat.ray_engine import shards_on_ray

    files, _ = find_files([shelf])
    folder = tmp_path / "shards"
    taken: list[Path] = []
    written_at_first: list[str] = []
    for shard in shards_on_ray(files, folder, batch_files=1, chunk_pages=3, window=2):
        if not taken:
            written_at_first = sorted(p.name for p in folder.glob("*.parquet"))
        taken.append(shard)
    assert len(files) > 10 and len(taken) == len(files)
    assert len(written_at_first) <= 2
    assert taken == sorted(taken) == sorted(folder.glob("*.parquet"))


def test_ray_that_does_not_start_is_an_error_not_a_traceback(shelf: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    """On a machine too busy for Ray's processes to come up in time (seen at load 35), ray.init
    raises a bare Exception; the user gets a message and exit code 5, and nothing is stored."""
    from click.testing import CliRunner

    from referat.cli import main

    def init(**_: object) -> None:
        raise Exception("The current node timed out during startup.")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", init)
    result = CliRunner().invoke(main, ["ingest", str(shelf / "styret-2024-09-02.md"), "--db",
                                       str(tmp_path / "busy.duckdb"), "--engine", "ray"])
    assert result.exit_code == 5, result.output
    assert result.output.splitlines()[-1] == (
        "Error: Ray did not start (The current node timed out during startup.); on a busy machine run the same "
        "ingest again, or join a running cluster with --ray-address")
