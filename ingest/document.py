"""The contract between ingest and extract: a document as pages of styled lines."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pydantic import BaseModel, Field

from referat.models import CONTRACT


class Span(BaseModel):
    """A run of text in one style."""

    model_config = CONTRACT

    text: str
    bold: bool = False
    italic: bool = False


class Line(BaseModel):
    """One visual line, or one table row when ``cells`` is set."""

    model_config = CONTRACT

    page: int
    number: int
    spans: list[Span] = Field(default_factory=list)
    cells: list[str] | None = None
    # A PDF table row: each cell's visual lines with their styles (a bold title over paragraphs)
    cell_lines: list[list[list[Span]]] | None = None
    heading: int = 0
    bullet: bool = False
    # The number of a numbered list item ('1.' -> '1'), which the bullet took off the text
    list_number: str | None = None
    # A paragraph starts here: a blank line or a vertical gap came before it.
    break_before: bool = False
    # The line runs to the right margin, so the paragraph most likely wraps onto the next line.
    wraps: bool = False
    # Measured in a PDF: the line reaches the right margin, so a full stop there is no paragraph end.
    wraps_hard: bool = False

    # Kept once asked: the extractors ask a line for its text and boldness a thousand times a
    # document, and a line is not changed once it is made (model_copy forgets them; see below).
    @cached_property
    def text(self) -> str:
        if self.cells is not None:
            return "\t".join(self.cells)
        return "".join(s.text for s in self.spans)

    @cached_property
    def bold(self) -> bool:
        """True when every visible character of the line is bold."""
        return all_styled(self.spans, "bold")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Line:
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("text", None)
        copy.__dict__.pop("bold", None)
        return copy

    @property
    def italic(self) -> bool:
        return all_styled(self.spans, "italic")

    def bold_prefix(self) -> str:
        """The bold text the line starts with (a heading followed by body text on one line)."""
        return bold_prefix(self.spans)


def all_styled(spans: list[Span], style: str) -> bool:
    visible = [s for s in spans if s.text.strip()]
    return bool(visible) and all(getattr(s, style) for s in visible)


def bold_prefix(spans: list[Span]) -> str:
    """The bold text a run of spans starts with, whitespace folded."""
    out: list[str] = []
    for span in spans:
        if span.text.strip() and not span.bold:
            break
        out.append(span.text)
    return " ".join("".join(out).split()) if any(s.bold and s.text.strip() for s in spans[: len(out)]) else ""


class Page(BaseModel):
    model_config = CONTRACT

    number: int
    lines: list[Line] = Field(default_factory=list)
    # The page's text, kept when the lines are let go after extraction (see ``Document.slim``).
    text: str | None = None
    ocr: bool = False  # read by OCR from a scanned image
    ocr_confidence: float | None = None  # mean Tesseract word confidence, 0-100


class Document(BaseModel):
    """What ingest hands to extract: the text of a file, with its provenance."""

    model_config = CONTRACT

    source: str  # the file's base name, as the export contract wants it
    path: str
    sha256: str
    size: int
    media_type: str  # "pdf", "text", "docx", "odt" or "html"
    encoding: str | None = None
    raw_text: str
    pages: list[Page] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    def slim(self) -> Document:
        """The document without its styled lines, which only extraction reads: what the loader
        needs (text per page, provenance) at a fraction of the size to send between processes."""
        texts = self.raw_text.split("\f") if self.media_type == "pdf" else []
        pages = [page.model_copy(update={
            "lines": [], "text": texts[k] if k < len(texts) else "\n".join(line.text for line in page.lines)})
            for k, page in enumerate(self.pages)]
        return self.model_copy(update={"pages": pages})
