"""What a file really is, from its first bytes: a ZIP, a Word file or an image named '.pdf' should
be called that, not a damaged PDF."""

from __future__ import annotations

import zipfile
from pathlib import Path

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)

# Inside a ZIP, the first entries name the Office format (their paths are stored uncompressed).
_ZIPPED: tuple[tuple[bytes, str], ...] = (
    (b"word/", "a Word document (.docx)"),
    (b"xl/", "an Excel workbook (.xlsx)"),
    (b"ppt/", "a PowerPoint file (.pptx)"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file (.odt, .ods)"),
)


def file_type(head: bytes, path: Path | None = None) -> str | None:
    """A phrase naming the file's type ('a ZIP archive'), when its first bytes (or, for a ZIP, the
    names of its entries) say it is not a PDF or text; None when they do not tell."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"PK\x03\x04"):
        names = head
        if path is not None:
            try:
                with zipfile.ZipFile(path) as archive:
                    names += "\n".join(archive.namelist()[:200]).encode("utf-8", errors="replace")
            except (OSError, zipfile.BadZipFile):
                pass
        return next((name for marker, name in _ZIPPED if marker in names), "a ZIP archive")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "an HTML page (saved from a web browser?)"
    if start.startswith(b"<?xml"):
        return "an XML file"
    return None
