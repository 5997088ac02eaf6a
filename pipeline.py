"""The per-document stage, a pure function from a file to records, so it can run in a process pool
(or on a cluster) while only the parent process writes to the database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from referat.errors import InputError
from referat.ingest import SUFFIXES, TEXT_SUFFIXES, join_parts, read_document
from referat.ingest.files import not_regular, printable, sha256
from referat.workers import Limits, run_files

if TYPE_CHECKING:
    from referat.extract.model import Extraction
    from referat.ingest.document import Document


@dataclass
class Processed:
    """What the per-file stage hands to the loader: records, or the reason there are none."""

    path: str
    source: str
    sha256: str | None
    document: Document | None = None
    extraction: Extraction | None = None
    error: str | None = None


OcrProgress = Callable[[str, int, int], None]


def process_file(path: str | Path, ocr_jobs: int = 1, on_ocr_page: OcrProgress | None = None) -> Processed:
    """Read and extract one file; bad input becomes an error message, never an exception.

    ``ocr_jobs`` scanned pages are OCR'd at a time; ``on_ocr_page(path, done, total)`` follows them."""
    from referat.extract import extract_meeting  # imported on first use: a run with nothing to read needs none

    path = Path(path)
    progress = None if on_ocr_page is None else partial(on_ocr_page, str(path))
    try:
        document = read_document(path, ocr_jobs=ocr_jobs, on_ocr_page=progress)
        extraction = extract_meeting(document)
    except InputError as exc:
        return failed(path, exc.reason)
    return _processed(path, document, extraction)


def failed(path: Path, reason: str) -> Processed:
    """The record of a file that could not be read, kept by its hash when it has one."""
    return Processed(printable(path), printable(path.name), sha256(path), error=reason)


def _processed(path: Path, document: Document, extraction: Extraction) -> Processed:
    """What reading found wrong in the file is said with the extraction's warnings, so the user
    sees it (and --strict fails on it), and stored once."""
    if document.warnings:
        from referat.extract.model import Problem

        extraction = extraction.model_copy(update={
            "warnings": [Problem(message=w) for w in document.warnings] + extraction.warnings})
        document = document.model_copy(update={"warnings": []})
    return Processed(printable(path), printable(path.name), document.sha256, document.slim(), extraction)


def read_part(path: str | Path, start: int, stop: int) -> Document | str:
    """Pages ``start`` to ``stop`` (0-based) of a long PDF, or why they cannot be read."""
    try:
        return read_document(path, pages=range(start, stop))
    except InputError as exc:
        return exc.reason


def process_parts(path: str | Path, parts: list[Document | str]) -> Processed:
    """Join the parts of a long PDF and extract it, as ``process_file`` would have done at once."""
    from referat.extract import extract_meeting
    from referat.ingest.document import Document

    path = Path(path)
    failed = next((p for p in parts if isinstance(p, str)), None)
    try:
        if failed is not None:
            raise InputError(str(path), failed)
        document = join_parts([p for p in parts if isinstance(p, Document)])
        extraction = extract_meeting(document)
    except InputError as exc:
        return failed(path, exc.reason)
    return _processed(path, document, extraction)


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest (folders searched recursively, in name order, symlinked folders followed
    once each), and paths that could not be read, with the reason."""
    found: list[Path] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[tuple[int, int], Path] = {}  # folders by device and inode: a symlink loop is read once
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(path, found, skipped, seen)
        elif path.exists() or path.is_symlink():
            reason = not_regular(path)
            if reason:
                skipped.append((printable(path), reason))
            else:
                found.append(path)
        else:
            skipped.append((printable(path), "no such file or folder"))
    return found, skipped


def _walk(folder: Path, found: list[Path], skipped: list[tuple[str, str]], seen: dict[tuple[int, int], Path]) -> None:
    try:
        info = folder.stat()
        seen_as = seen.get((info.st_dev, info.st_ino))
        if seen_as is not None:
            if folder.is_symlink():  # a folder named twice on the command line is no news
                skipped.append((printable(folder), f"a link to a folder already read ({printable(seen_as)}); "
                                                   "not read again"))
            return
        seen[(info.st_dev, info.st_ino)] = folder
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        skipped.append((printable(folder), f"the folder cannot be read ({exc.strerror})"))
        return
    folders: list[Path] = []
    for entry in entries:  # the folder's files in name order, then its subfolders, as os.walk gave them
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            folders.append(path)
        elif path.suffix.lower() in SUFFIXES:
            reason = not_regular(path) if entry.is_symlink() or not entry.is_file() else None
            if reason:
                skipped.append((printable(path), reason))
            else:
                found.append(path)
    # Real folders before links, so that a file is named by the path where it lies, and a link to
    # a folder already read is the one reported.
    for sub in sorted(folders, key=lambda f: f.is_symlink()):
        _walk(sub, found, skipped, seen)


# A run's only file is read in the parent when it is text this small (with ``here``): 1 MB of minutes
# reads in a few seconds and under 100 MB, so crashing a library or a memory limit of HERE_MEMORY_MB
# or more is not what a worker would guard against; a worker would only add its start (0.05 s).
HERE_BYTES = 1 << 20
HERE_MEMORY_MB = 256


def process_all(files: list[Path], workers: int = 1, on_ocr_page: OcrProgress | None = None,
                limits: Limits | None = None, here: bool = False) -> Iterator[Processed]:
    """Results in the order of ``files``, each file read in a worker process within ``limits``.

    Even one worker is a process of its own, so that a file that crashes it or runs out of time
    or memory costs only that file. Cores go to files first; with fewer files than workers, each
    file OCRs several pages at a time, so one long scan still uses the whole machine. With ``here``,
    a run of one small text file reads it in this process, within the same time limit."""
    if not files:
        return
    ocr_jobs = max(1, workers // len(files))

    def work(path: Path, progress: Callable[[int, int], None]) -> Processed:
        return process_file(path, ocr_jobs, lambda _path, done, total: progress(done, total))

    limits = limits or Limits()
    here = here and _small_text(files, limits)  # by the limit asked for, before the OCR threads' share
    if limits.memory_mb is not None and ocr_jobs > 1:
        # Each OCR thread reserves address space it may never touch (its stack, a malloc arena),
        # and the limit counts address space: without this a many-core machine fails every scan.
        limits = replace(limits, memory_mb=limits.memory_mb + 80 * (ocr_jobs - 1))
    from referat.extract import warm_up  # here, not at import: a run with nothing to read needs no extractor

    warm_up()
    yield from run_files(files, work, failed, workers=workers, limits=limits, on_page=on_ocr_page, here=here)


def _small_text(files: list[Path], limits: Limits) -> bool:
    """One text file of at most HERE_BYTES, under no memory limit below HERE_MEMORY_MB; a PDF named
    .txt is read as the PDF it is (read_document), so in a worker."""
    if len(files) != 1 or files[0].suffix.lower() not in TEXT_SUFFIXES:
        return False
    if limits.memory_mb is not None and limits.memory_mb < HERE_MEMORY_MB:
        return False
    try:
        with files[0].open("rb") as f:
            return f.read(5) != b"%PDF-" and os.fstat(f.fileno()).st_size <= HERE_BYTES
    except OSError:
        return False
