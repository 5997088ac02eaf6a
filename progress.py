"""What an ingest shows while it runs, on stderr.

On a terminal: one rich display (files, pages and the pages being OCR'd), shown once a run has
taken about a second, with its time left reckoned by pages, since a scan of 40 pages takes as
long as 40 one-page minutes. Elsewhere (a log, a pipe, a test): one plain line per file as it is
stored. Quiet: nothing while it runs."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Literal, TextIO

from referat.plural import count

Mode = Literal["display", "lines", "quiet"]
SHOW_AFTER = 1.0  # seconds: a run shorter than this never flashes a display


def choose_mode(quiet: bool, stream: TextIO) -> Mode:
    if quiet:
        return "quiet"
    return "display" if stream.isatty() else "lines"


def file_word(error: str | None, outcome: str) -> str:
    """A file's word in the summary: a file that does not read now is failed, whatever is kept."""
    return "failed" if error else outcome


def count_pages(path: Path) -> int:
    """A PDF's pages (without reading them); any other file counts as one page."""
    if path.suffix.lower() != ".pdf":
        return 1
    try:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return max(1, len(pdf))
        finally:
            pdf.close()
    except Exception:  # a damaged PDF fails in its turn, with its reason; here it is one page
        return 1


class IngestProgress:
    """The ``on_result`` and ``on_ocr_page`` callbacks of an ingest, and what they show."""

    def __init__(self, files: list[Path], mode: Mode, *, verbose: bool = False, stream: TextIO | None = None,
                 show_after: float = SHOW_AFTER) -> None:
        self.mode = mode
        self.verbose = verbose
        self.stream = stream or sys.stderr
        self.files = files
        self.pages_done = 0
        self._counted: list[int] = []  # pages per file, as the counting thread finds them
        self._lock = threading.Lock()
        self._display: Any = None
        self._started = False
        self._heard_processed = False
        self._timer: threading.Timer | None = None
        if mode == "display":
            self._open_display(show_after)

    def _open_display(self, show_after: float) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._display = Progress(TextColumn("{task.description:<9}"), BarColumn(),
                                 TextColumn("{task.completed}/{task.total} pages"), TimeRemainingColumn(),
                                 TextColumn("{task.fields[note]}"), console=Console(file=self.stream),
                                 transient=True)
        self._files_done = 0
        self._pages_task = self._display.add_task("Ingesting", total=len(self.files), note=self._note(""))
        self._ocr_tasks: dict[str, Any] = {}  # a bar per scan being OCR'd: with --workers N, up to N at once
        self._ocr_counted: dict[str, int] = {}  # pages of an unfinished scan already counted as done
        # Counting a PDF's pages takes about a millisecond: in a thread, so that 5,000 files start at once
        threading.Thread(target=self._count_pages, daemon=True).start()
        self._timer = threading.Timer(show_after, self._show)
        self._timer.daemon = True
        self._timer.start()

    def _count_pages(self) -> None:
        for k, path in enumerate(self.files, 1):
            self._counted.append(count_pages(path))
            if k % 100 == 0 or k == len(self.files):
                self._recount()

    def _recount(self) -> None:
        """The pages' total as far as they are counted (rich's display takes updates from any thread)."""
        display = self._display
        if display is not None:
            display.update(self._pages_task, total=max(self._pages_total(), self.pages_done))

    def _show(self) -> None:
        with self._lock:
            if self._display is not None and not self._started:
                self._started = True
                self._display.start()

    def _pages_total(self) -> int:
        counted = list(self._counted)
        return sum(counted) + len(self.files) - len(counted)

    def result(self, result: Any, outcome: str) -> None:
        """A file is stored (its transaction committed): count it, and say so unless on a display."""
        word = file_word(getattr(result, "error", None), outcome)
        document = getattr(result, "document", None)
        pages = len(document.pages) if document is not None else 1
        path = getattr(result, "path", "")
        line = f"{word}: {path}" + (f": {result.error}" if word == "failed" else "")
        if self.verbose and document is not None:
            line += f" ({count(pages, 'page')})"
        if self.mode == "lines":
            print(line, file=self.stream, flush=True)
        elif self._display is not None:
            if not self._heard_processed:
                self._advance(path, pages)
            if self.verbose:
                self._display.console.print(line, highlight=False, markup=False)

    def processed(self, result: Any) -> None:
        """A file is read, not yet stored: the display moves on now, not when its batch is committed."""
        self._heard_processed = True
        if self._display is not None:
            document = getattr(result, "document", None)
            self._advance(getattr(result, "path", ""), len(document.pages) if document is not None else 1)

    def _advance(self, path: str, pages: int) -> None:
        self.pages_done += max(0, pages - self._ocr_counted.pop(path, 0))
        task = self._ocr_tasks.pop(path, None)
        if task is not None:
            self._display.remove_task(task)
        self._files_done += 1
        self._display.update(self._pages_task, completed=self.pages_done,
                             total=max(self._pages_total(), self.pages_done), note=self._note(path))

    def _note(self, path: str) -> str:
        return f"{self._files_done} of {len(self.files)} files" + (f"  {Path(path).name}" if path else "")

    def ocr_page(self, path: str, done: int, total: int) -> None:
        """A scanned page is read, in this process or in a worker (whose pipe brings it here): the
        pages done move now, so that the time left follows the pages of a long scan."""
        if self._display is None:
            return
        self.pages_done += max(0, done - self._ocr_counted.get(path, 0))
        self._ocr_counted[path] = max(done, self._ocr_counted.get(path, 0))
        self._display.update(self._pages_task, completed=self.pages_done,
                             total=max(self._pages_total(), self.pages_done))
        task = self._ocr_tasks.get(path)
        if task is None:
            task = self._ocr_tasks[path] = self._display.add_task("OCR", total=total, note=Path(path).name)
        self._display.update(task, completed=done, total=total, visible=done < total)

    def close(self) -> None:
        """Take the display away, so that the summary stands alone."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._display is not None and self._started:
                self._display.stop()
            self._display = None

    @property
    def reports_failures(self) -> bool:
        """Lines name each failure with its reason as it comes; the summary need not again."""
        return self.mode == "lines"

