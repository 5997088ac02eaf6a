"""Ingest: a file in, a Document out. ``read_document`` is the entry point."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.errors import CorruptFileError, EmptyFileError, UnsupportedFileError
from referat.ingest.files import MAX_OFFICE_BYTES, MAX_TEXT_BYTES, head_and_hash, printable, read_bytes
from referat.ingest.sniff import file_type

if TYPE_CHECKING:
    from referat.ingest.document import Document, Line, Page, Span

__all__ = ["Document", "Line", "Page", "Span", "read_document", "join_parts", "pdf_pages", "SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".text"}
# Formats without a page layout: each reader hands its file's text and pages to the same Document
LAYOUTLESS_SUFFIXES = {".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html"}
SUFFIXES = TEXT_SUFFIXES | {".pdf"} | set(LAYOUTLESS_SUFFIXES)


def read_document(path: str | Path, *, ocr_jobs: int = 1, on_ocr_page: Callable[[int, int], None] | None = None,
                  pages: range | None = None) -> Document:
    """Read one file of minutes; raises an InputError naming the file and the reason.

    Scanned pages are OCR'd ``ocr_jobs`` at a time; ``on_ocr_page(done, total)`` follows them.
    ``pages`` (0-based) reads a part of a PDF, to be put together with ``join_parts``."""
    from referat.ingest.document import Document
    from referat.ingest.text import read_text

    path = Path(path)
    name = printable(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in LAYOUTLESS_SUFFIXES:
        # a Word file or web page is read whole too; its pictures may make it larger than text
        data = read_bytes(path, MAX_TEXT_BYTES if suffix in TEXT_SUFFIXES else MAX_OFFICE_BYTES)
        head, digest, size = data[:4096], hashlib.sha256(data).hexdigest(), len(data)
    else:  # a PDF is hashed in pieces and read by pdfium from the file
        head, digest, size = head_and_hash(path)
    if not size:
        raise EmptyFileError(name, "the file is empty (0 bytes)")
    if suffix == ".pdf" or head[:5] == b"%PDF-":
        if b"%PDF-" not in head[:1024]:  # pdfium, like other readers, finds the header a little way in
            found = file_type(head, path)
            if found:
                raise CorruptFileError(name, f"the file is {found}, not a PDF (is it named right?)")
        from referat.ingest.pdf import read_pdf

        raw_text, read, warnings = read_pdf(path, ocr_jobs, on_ocr_page, pages)
        return Document(source=printable(path.name), path=name, sha256=digest, size=size, media_type="pdf",
                        raw_text=raw_text, pages=read, warnings=warnings)
    if suffix in LAYOUTLESS_SUFFIXES:
        return _read_layoutless(path, data, digest, LAYOUTLESS_SUFFIXES[suffix])
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFileError(name, f"'{suffix or 'no suffix'}' files are not read "
                                         "(use .pdf, .txt, .md, .docx, .odt, .html or .htm)")
    raw_text, encoding, lines, warnings = read_text(data, name)
    return Document(source=printable(path.name), path=name, sha256=digest, size=size, media_type="text",
                    encoding=encoding, raw_text=raw_text, pages=lines, warnings=warnings)


def _read_layoutless(path: Path, data: bytes, digest: str, media_type: str) -> Document:
    from referat.ingest.document import Document

    encoding, name = None, printable(path)
    if media_type == "docx":
        from referat.ingest.docx import read_docx

        raw_text, pages = read_docx(data, name)
    elif media_type == "odt":
        from referat.ingest.odt import read_odt

        raw_text, pages = read_odt(data, name)
    else:
        from referat.ingest.html import read_html

        raw_text, encoding, pages = read_html(data, name)
    return Document(source=printable(path.name), path=name, sha256=digest, size=len(data), media_type=media_type,
                    encoding=encoding, raw_text=raw_text, pages=pages)


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
