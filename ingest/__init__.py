"""Ingest: a file in, a Document out. ``read_document`` is the entry point."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.errors import EmptyFileError, InputError, UnsupportedFileError

if TYPE_CHECKING:
    from referat.ingest.document import Document, Line, Page, Span

__all__ = ["Document", "Line", "Page", "Span", "read_document", "join_parts", "pdf_pages", "SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".pdf"}


def read_document(path: str | Path, *, ocr_jobs: int = 1, on_ocr_page: Callable[[int, int], None] | None = None,
                  pages: range | None = None) -> Document:
    """Read one file of minutes; raises an InputError naming the file and the reason.

    Scanned pages are OCR'd ``ocr_jobs`` at a time; ``on_ocr_page(done, total)`` follows them.
    ``pages`` (0-based) reads a part of a PDF, to be put together with ``join_parts``."""
    from referat.ingest.document import Document
    from referat.ingest.text import read_text

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(path), "the file does not exist (moved or deleted during the run?)") from exc
    except OSError as exc:
        raise InputError(str(path), f"the file cannot be read ({exc.strerror})") from exc
    suffix = path.suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise EmptyFileError(str(path), "the file is empty (0 bytes)")
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        from referat.ingest.pdf import read_pdf

        raw_text, read = read_pdf(path, ocr_jobs, on_ocr_page, pages)
        return Document(source=path.name, path=str(path), sha256=digest, size=len(data), media_type="pdf",
                        raw_text=raw_text, pages=read)
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFileError(str(path), f"'{suffix or 'no suffix'}' files are not read (use .pdf, .txt or .md)")
    raw_text, encoding, lines = read_text(data, str(path))
    return Document(source=path.name, path=str(path), sha256=digest, size=len(data), media_type="text",
                    encoding=encoding, raw_text=raw_text, pages=lines)


def __getattr__(name: str) -> Any:
    # The models are pydantic's, slow to build: finding files, and telling which are unchanged, needs none.
    if name in ("Document", "Line", "Page", "Span"):
        from referat.ingest import document

        return getattr(document, name)
    raise AttributeError(f"module 'referat.ingest' has no attribute {name!r}")


def pdf_pages(path: str | Path) -> int:
    """How many pages a PDF has, to split a long one into parts."""
    from referat.ingest.pdf import page_count

    return page_count(Path(path))


def join_parts(parts: list[Document]) -> Document:
    """One PDF read in page ranges, put back together as if read at once."""
    from referat.ingest.pdf import require_text

    first = parts[0]
    pages = [page for part in parts for page in part.pages]
    require_text(Path(first.path), pages)
    return first.model_copy(update={"pages": pages, "raw_text": "\f".join(p.raw_text for p in parts),
                                    "warnings": [w for p in parts for w in p.warnings]})
