"""A run of one small text file reads it in the ingesting process instead of a worker (workers.py,
``here``): the same result, the same time limit and the same messages, and a worker still for
whatever a worker guards against (a PDF, even one named .txt; a tight memory limit; several files)."""

import os
import pickle
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import referat.pipeline
from helpers import MINUTES, SEED_PDF
from referat.cli import main
from referat.errors import ExitCode
from referat.ingest.document import Document
from referat.pipeline import Processed, process_all
from referat.workers import Limits

GOOD = MINUTES / "kommunestyre-2024-03-14.txt"


def _ingest(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["ingest", *map(str, args)])


def _readers(monkeypatch: pytest.MonkeyPatch, log: Path, slow: str | None = None) -> None:
    """Note the pid of the process that reads each file; ``slow`` takes two minutes to read."""
    real = referat.pipeline.read_document

    def read(path: Path, **kwargs: object) -> Document:
        with log.open("a") as f:
            f.write(f"{Path(path).name} {os.getpid()}\n")
        if Path(path).name == slow:
            time.sleep(120)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(referat.pipeline, "read_document", read)


def _read_by(log: Path) -> dict[str, int]:
    return {name: int(pid) for name, pid in (line.split() for line in log.read_text().splitlines())}


def test_one_small_text_file_is_read_here_and_gives_what_a_worker_gives(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    log = tmp_path / "read-by"
    _readers(monkeypatch, log)
    [here] = process_all([GOOD], here=True)
    assert _read_by(log) == {GOOD.name: os.getpid()}
    [worker] = process_all([GOOD])
    assert _read_by(log)[GOOD.name] != os.getpid()
    assert isinstance(here, Processed) and here.error is None and here.extraction is not None
    assert here == worker
    # every field's value and type too; sent through a pipe, strings read twice are two objects
    assert pickle.dumps(pickle.loads(pickle.dumps(here))) == pickle.dumps(worker)


def test_the_cli_reads_a_lone_text_file_here_and_a_pdf_or_several_files_in_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    log = tmp_path / "read-by"
    _readers(monkeypatch, log)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "lone.txt").write_bytes(GOOD.read_bytes())
    assert _ingest(tmp_path / "one", "--db", tmp_path / "a.duckdb").exit_code == 0
    (tmp_path / "pdf.txt").write_bytes(SEED_PDF.read_bytes())  # a PDF is a PDF whatever its name
    assert _ingest(tmp_path / "pdf.txt", "--db", tmp_path / "b.duckdb").exit_code == 0
    (tmp_path / "two").mkdir()
    for name in ("first.txt", "second.txt"):
        (tmp_path / "two" / name).write_bytes(GOOD.read_bytes().replace(b"14. mars", name.encode()))
    assert _ingest(tmp_path / "two", "--db", tmp_path / "c.duckdb").exit_code == 0
    (tmp_path / "tight").mkdir()
    (tmp_path / "tight" / "tight.txt").write_bytes(GOOD.read_bytes())
    assert _ingest(tmp_path / "tight", "--db", tmp_path / "d.duckdb", "--max-file-memory", "200").exit_code == 0
    read_by = _read_by(log)
    assert read_by.pop("lone.txt") == os.getpid()
    assert set(read_by) == {"pdf.txt", "first.txt", "second.txt", "tight.txt"}
    assert os.getpid() not in read_by.values()


def test_a_lone_file_read_here_is_stopped_after_its_time_as_in_a_worker(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    log = tmp_path / "read-by"
    _readers(monkeypatch, log, slow="slow.txt")
    (tmp_path / "slow.txt").write_bytes(GOOD.read_bytes())
    handler = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    result = _ingest(tmp_path / "slow.txt", "--db", tmp_path / "a.duckdb", "--max-file-seconds", "2")
    assert time.monotonic() - start < 60
    assert _read_by(log) == {"slow.txt": os.getpid()}
    assert result.exit_code == ExitCode.input_failed
    assert [line for line in result.output.splitlines() if line.startswith("failed: ")] == [
        f"failed: {tmp_path / 'slow.txt'}: reading it took longer than 2 s (--max-file-seconds); stopped"]
    assert "1 failed" in result.output
    assert signal.getsignal(signal.SIGALRM) is handler and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_bug_met_here_is_reported_as_a_worker_reports_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def read(path: Path, **kwargs: object) -> Document:
        raise ValueError("a bug")

    monkeypatch.setattr(referat.pipeline, "read_document", read)
    lone = tmp_path / "lone.txt"
    lone.write_bytes(GOOD.read_bytes())
    [here] = process_all([lone], here=True, limits=Limits(None, None))
    [worker] = process_all([lone], limits=Limits(None, None))
    assert here.error == worker.error == "referat failed on this file (ValueError: a bug); please report it"


def test_a_caller_s_own_timer_sends_the_file_to_a_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    log = tmp_path / "read-by"
    _readers(monkeypatch, log)
    before = signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, 300)
    try:
        [result] = process_all([GOOD], here=True)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    assert result.error is None and 200 < left <= 300
    assert _read_by(log)[GOOD.name] != os.getpid()
