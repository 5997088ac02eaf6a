"""A worker is given its next file before it has sent the one it reads (workers.py, ``QUEUED``), so
it reads on while the parent loads: the queued file must cost nothing when the worker ahead of it
dies, runs out of memory or out of time, and results still come in the order of the files."""

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from referat.workers import Limits, run_files


def _appear(path: Path, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return path.exists()


def test_a_worker_reads_the_next_file_while_the_parent_holds_the_last_result(tmp_path: Path):
    def work(path: Path, _progress: Callable[[int, int], None]) -> str:
        (tmp_path / f"began-{path.name}").touch()
        return path.name

    results = run_files([Path("a"), Path("b"), Path("c")], work, lambda p, r: r, workers=1,
                        limits=Limits(None, None))
    assert next(results) == "a"
    # The parent has not come back for more: with one file at a time the worker would wait for it.
    assert _appear(tmp_path / "began-b")
    assert list(results) == ["b", "c"]


def test_each_worker_is_given_a_file_before_any_is_given_a_second():
    """Two files on two workers are read at once: queueing the second behind the first on one
    worker would leave the other idle and take twice as long."""
    def work(path: Path, _progress: Callable[[int, int], None]) -> int:
        time.sleep(0.5)  # long enough that a lone worker could not take the second file first
        return os.getpid()

    pids = list(run_files([Path("a"), Path("b")], work, lambda p, r: r, workers=2, limits=Limits(None, None)))
    assert len(set(pids)) == 2, pids


def _attempts(log: Path, name: str) -> int:
    return log.read_text().split().count(name) if log.exists() else 0


def test_a_file_queued_behind_a_dying_one_is_read_once_and_in_order(tmp_path: Path):
    log = tmp_path / "attempts"

    def work(path: Path, _progress: Callable[[int, int], None]) -> str:
        with log.open("a") as f:
            f.write(f"{path.name}\n")
        if path.name == "dies":
            os.kill(os.getpid(), signal.SIGKILL)
        return f"read {path.name}"

    results = list(run_files([Path("a"), Path("dies"), Path("b"), Path("c")], work, lambda p, r: f"failed {p.name}",
                             workers=1, limits=Limits(None, None)))
    assert results == ["read a", "failed dies", "read b", "read c"]
    assert [_attempts(log, name) for name in ("a", "dies", "b", "c")] == [1, 2, 1, 1]


def test_a_file_queued_behind_one_out_of_memory_has_not_been_tried(tmp_path: Path):
    """The worker leaves after a MemoryError; the file it was given next is begun in a fresh worker
    as its first try, so a crash there is retried once more, not counted as the second."""
    log = tmp_path / "attempts"

    def work(path: Path, _progress: Callable[[int, int], None]) -> str:
        with log.open("a") as f:
            f.write(f"{path.name}\n")
        if path.name == "greedy":
            raise MemoryError
        if path.name == "crashes-once" and _attempts(log, "crashes-once") == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        return f"read {path.name}"

    results = list(run_files([Path("greedy"), Path("crashes-once")], work, lambda p, r: f"failed {p.name}: {r}",
                             workers=1, limits=Limits(None, 100)))
    assert results == ["failed greedy: reading it needs more than 100 MB of memory (--max-file-memory)",
                       "read crashes-once"]
    assert _attempts(log, "crashes-once") == 2


def test_a_file_queued_behind_a_stopped_one_is_read(tmp_path: Path):
    def work(path: Path, _progress: Callable[[int, int], None]) -> str:
        if path.name == "slow":
            time.sleep(120)
        return f"read {path.name}"

    started = time.monotonic()
    results = list(run_files([Path("slow"), Path("next")], work, lambda p, r: f"failed {p.name}: {r}", workers=1,
                             limits=Limits(1.0, None)))
    assert results == ["failed slow: reading it took longer than 1 s (--max-file-seconds); stopped", "read next"]
    assert time.monotonic() - started < 60


def _leave_a_connection_in_garbage(db: Path) -> None:
    """A DuckDB connection only a cycle holds, as a failed build leaves it with its traceback."""
    import duckdb

    holder: dict[str, object] = {"connection": duckdb.connect(str(db))}
    holder["itself"] = holder


def _collect(_path: Path, _progress: Callable[[int, int], None]) -> int:
    import gc

    return gc.collect()


def test_a_worker_never_finalises_the_parents_garbage(tmp_path: Path):
    """DuckDB's destructor crashes a forked child (SIGSEGV): the child must not collect what the
    parent left unreachable. Without the frozen heap both kinds of process die here."""
    import gc

    from referat.reports.pool import start_pool

    gc.disable()  # the cycle must still be there when the processes are forked
    try:
        _leave_a_connection_in_garbage(tmp_path / "ingest.duckdb")
        results = list(run_files([Path("a"), Path("b")], _collect, lambda p, r: r, workers=2,
                                 limits=Limits(None, None)))
        assert all(isinstance(r, int) for r in results), results  # not a failure for a dead worker
        _leave_a_connection_in_garbage(tmp_path / "site.duckdb")
        pool = start_pool(2)
        try:
            assert [f.result(timeout=60) >= 0 for f in [pool.submit(_collect, Path(), print) for _ in range(4)]] \
                == [True] * 4
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        gc.enable()
        gc.collect()
