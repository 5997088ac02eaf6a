"""The per-document stage, a pure function from a file to records, so it can run in a process pool
(or on a cluster) while only the parent process writes to the database."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from referat.errors import InputError
from referat.ingest import SUFFIXES, join_parts, read_document

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


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
        return Processed(str(path), path.name, _sha256(path), error=exc.reason)
    return Processed(str(path), path.name, document.sha256, document.slim(), extraction)


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
        return Processed(str(path), path.name, _sha256(path), error=exc.reason)
    return Processed(str(path), path.name, document.sha256, document.slim(), extraction)


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest (folders searched recursively, in name order), and paths skipped with the reason."""
    found: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            skipped.append((str(path), "no such file or folder"))
    return found, skipped


def process_all(files: list[Path], workers: int = 1, on_ocr_page: OcrProgress | None = None) -> Iterator[Processed]:
    """Results in the order of ``files``, computed in a process pool when workers > 1.

    Cores go to files first; with fewer files than workers, each file OCRs several pages at a
    time, so one long scan still uses the whole machine. Page progress is only reported for
    files read in this process."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield process_file(path, max(1, workers), on_ocr_page)
        return
    from referat.extract import warm_up

    per_file = partial(process_file, ocr_jobs=max(1, workers // len(files)))
    warm_up()
    # Small chunks: the last chunks of a run decide when it ends, and a chunk of slow files on one
    # worker while the other idles costs more than the messages small chunks take.
    with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
        yield from pool.map(per_file, files, chunksize=max(1, min(4, len(files) // (workers * 16))))
