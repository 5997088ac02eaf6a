"""What an ingest shows while it runs: a display on a terminal, lines elsewhere, nothing when quiet."""

import io
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from helpers import MINUTES, long_minutes_pdf
from referat.progress import IngestProgress, choose_mode, count_pages, file_word


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _result(path: Path, pages: int, error: str | None = None) -> SimpleNamespace:
    document = None if error else SimpleNamespace(pages=[object()] * pages)
    return SimpleNamespace(path=str(path), error=error, document=document)


def test_the_mode_follows_the_stream():
    assert choose_mode(False, Terminal()) == "display"
    assert choose_mode(False, io.StringIO()) == "lines"
    assert choose_mode(True, Terminal()) == "quiet"


def test_a_file_that_does_not_read_is_failed_whatever_is_kept():
    assert [file_word("empty", "kept"), file_word("empty", "unchanged"), file_word(None, "copy")] == [
        "failed", "failed", "copy"]


def test_pages_are_counted_without_reading_them(tmp_path: Path):
    assert count_pages(long_minutes_pdf(tmp_path / "long.pdf", pages=12)) == 12
    assert count_pages(MINUTES / "styret-2024-09-02.md") == 1
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert count_pages(tmp_path / "broken.pdf") == 1


def test_the_display_reckons_by_pages(tmp_path: Path):
    scan, text = long_minutes_pdf(tmp_path / "long.pdf", pages=12), MINUTES / "styret-2024-09-02.md"
    stream = Terminal()
    progress = IngestProgress([text, scan], "display", stream=stream, show_after=0)
    task = progress._display.tasks[0]
    deadline = time.monotonic() + 10
    while task.total != 13 and time.monotonic() < deadline:  # counted before any file is read
        time.sleep(0.01)
    assert task.total == 13
    progress.result(_result(text, 1), "loaded")
    assert (task.completed, task.total, task.fields["note"]) == (1, 13, "1 of 2 files  styret-2024-09-02.md")
    progress.ocr_page(str(scan), 3, 12)  # the pages OCR'd count at once, not when the scan is done
    assert [(t.description, t.completed, t.total) for t in progress._display.tasks] == [
        ("Ingesting", 4, 13), ("OCR", 3, 12)]
    progress.result(_result(scan, 12), "loaded")
    assert (task.completed, task.total) == (13, 13)
    assert [t.description for t in progress._display.tasks] == ["Ingesting"]
    progress.close()
    assert "Ingesting" in stream.getvalue() and "loaded:" not in stream.getvalue()


def test_a_short_run_shows_no_display():
    stream = Terminal()
    progress = IngestProgress([MINUTES / "styret-2024-09-02.md"], "display", stream=stream)
    progress.result(_result(MINUTES / "styret-2024-09-02.md", 1), "unchanged")
    progress.close()
    assert stream.getvalue() == ""


def test_lines_and_quiet(tmp_path: Path):
    lines, quiet = io.StringIO(), Terminal()
    for stream, mode in ((lines, "lines"), (quiet, "quiet")):
        progress = IngestProgress([tmp_path / "a.txt", tmp_path / "b.txt"], mode, stream=stream)
        progress.result(_result(tmp_path / "a.txt", 2), "replaced")
        progress.result(_result(tmp_path / "b.txt", 0, error="the file is empty (0 bytes)"), "kept")
        progress.close()
    assert lines.getvalue() == f"replaced: {tmp_path / 'a.txt'}\nfailed: {tmp_path / 'b.txt'}: the file is empty " \
                               "(0 bytes)\n"
    assert quiet.getvalue() == ""


def test_the_display_moves_when_a_file_is_read_not_when_its_batch_is_stored(tmp_path: Path):
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    progress = IngestProgress(files, "display", stream=Terminal(), show_after=0)
    progress.processed(_result(files[0], 3))
    task = progress._display.tasks[0]
    assert (task.completed, task.fields["note"]) == (3, "1 of 2 files  a.txt")
    progress.result(_result(files[0], 3), "loaded")  # committed later: not counted twice
    assert task.completed == 3
    progress.close()


def test_scans_read_in_the_pool_show_their_pages_as_they_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """With --workers 2, two scans are OCR'd in two worker processes at once: their pages reach the
    parent's display through the workers' pipes, each scan with a bar of its own, and the pages done
    (which the time left is reckoned from) move with every page, before either scan is stored."""
    import referat.pipeline
    from referat.store import connect
    from referat.store.ingest import ingest

    scans = [long_minutes_pdf(tmp_path / f"scan-{k}.pdf", pages=3) for k in (1, 2)]
    real = referat.pipeline.read_document

    def read(path: Path, **kwargs: Any) -> Any:  # OCR without Tesseract: three pages, each reported
        for page in (1, 2, 3):
            kwargs["on_ocr_page"](page, 3)
        return real(path, **kwargs)

    monkeypatch.setattr(referat.pipeline, "read_document", read)  # the forked workers inherit it
    progress = IngestProgress(scans, "display", stream=Terminal(), show_after=0)
    seen: list[tuple[str, int, int, set[str]]] = []  # (scan, page, pages done on the display, OCR bars)

    def ocr_page(path: str, done: int, total: int) -> None:
        progress.ocr_page(path, done, total)
        bars = {t.fields["note"] for t in progress._display.tasks if t.description == "OCR"}
        seen.append((Path(path).name, done, progress._display.tasks[0].completed, bars))

    summary = ingest(connect(tmp_path / "a.duckdb"), scans, workers=2, on_result=progress.result,
                     on_ocr_page=ocr_page, on_processed=progress.processed)
    assert summary.results == {"loaded": 2}
    pages = [(f"scan-{k}.pdf", page) for k in (1, 2) for page in (1, 2, 3)]
    assert sorted((name, page) for name, page, _, _ in seen) == pages
    assert [done for _, _, done, _ in seen] == [1, 2, 3, 4, 5, 6]  # every page counted once, as it came
    assert all(name in bars for name, _, _, bars in seen)  # each scan on a bar of its own
    assert progress._display.tasks[0].completed == 6 and [t.description for t in progress._display.tasks] == [
        "Ingesting"]
    progress.close()
