"""Documents without a page layout (Word, OpenDocument, HTML) as pages of lines.

Their readers walk the file in reading order and hand over paragraphs, table rows and explicit
page breaks; this module numbers the lines and styles them the way the text and PDF readers do,
so extraction cannot tell which format a paragraph came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.errors import EmptyFileError
from referat.ingest.bullets import split_bullet
from referat.ingest.document import Line, Page, Span

# A paragraph's visual lines (soft line breaks in it), each a run of styled spans.
StyledLines = list[list[Span]]

_SPACES = re.compile(r"[ \t\r\n\xa0\u2009\u202f]+")


def clean_spans(spans: list[Span]) -> list[Span]:
    """Whitespace folded across spans, ends trimmed, neighbours of one style joined."""
    out: list[Span] = []
    for span in spans:
        text = _SPACES.sub(" ", span.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(text=out[-1].text + text, bold=span.bold, italic=span.italic)
        else:
            out.append(Span(text=text, bold=span.bold, italic=span.italic))
    if out:
        out[0] = out[0].model_copy(update={"text": out[0].text.lstrip()})
        out[-1] = out[-1].model_copy(update={"text": out[-1].text.rstrip()})
    return [s for s in out if s.text]


def text_of(spans: list[Span]) -> str:
    return "".join(s.text for s in spans)


@dataclass
class Flow:
    """Collects a document in reading order; ``pages`` is the result."""

    pages: list[Page] = field(default_factory=lambda: [Page(number=1)])

    def _add(self, **fields: object) -> None:
        page = self.pages[-1]
        page.lines.append(Line(page=page.number, number=len(page.lines) + 1, **fields))  # type: ignore[arg-type]

    def paragraph(self, lines: StyledLines, heading: int = 0, bullet: bool = False) -> None:
        """One paragraph; its soft line breaks continue it, as lines without a blank between do in text."""
        first = True
        for raw in lines:
            if any("\t" in s.text for s in raw) and text_of(raw).strip("\t ").count("\t"):
                # Tab stops lay out columns, as in a text file: the cells of a table row
                self.row([[[Span(text=cell)]] for cell in text_of(raw).strip("\t ").split("\t")])
                first = True
                continue
            spans = clean_spans(raw)
            if not spans:
                continue
            if heading:
                spans = [s.model_copy(update={"bold": True}) for s in spans]
            marked = False
            if first and not heading and not bullet:
                # A list typed by hand ('- ', '1. ') is a list item, as the text reader takes it
                marked, rest = split_bullet(text_of(spans))
                if marked:
                    spans = clean_spans(_drop_prefix(spans, len(text_of(spans)) - len(rest)))
            self._add(spans=spans, heading=heading if first else 0, bullet=(bullet or marked) and first,
                      break_before=first)
            first = False

    def row(self, cells: list[StyledLines]) -> None:
        """A table row: each cell's text, and its lines with their styles for the readers that want them."""
        styled = [[line for line in (clean_spans(raw) for raw in cell) if line] for cell in cells]
        texts = [" ".join(text_of(line) for line in cell) for cell in styled]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            return
        self._add(cells=texts, cell_lines=styled[: len(texts)], break_before=True,
                  spans=[Span(text=" ".join(t for t in texts if t))])

    def text_lines(self, lines: list[Line]) -> None:
        """Lines the text reader made (preformatted text in a page), renumbered in their new place."""
        for line in lines:
            self._add(**line.model_dump(exclude={"page", "number"}))

    def page_break(self) -> None:
        if self.pages[-1].lines:
            self.pages.append(Page(number=len(self.pages) + 1))

    def result(self, path: str) -> tuple[str, list[Page]]:
        """The raw text (pages apart by form feeds, as a PDF's) and the pages; a document without
        a line of text is an error, as an empty text file is."""
        pages = [p for p in self.pages if p.lines] or []
        if not pages:
            raise EmptyFileError(path, "the document has no text")
        raw = "\f".join("\n".join(line.text for line in page.lines) for page in pages)
        return raw, pages


def _drop_prefix(spans: list[Span], count: int) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        cut = min(count, len(span.text))
        count -= cut
        if span.text[cut:]:
            out.append(span.model_copy(update={"text": span.text[cut:]}))
    return out
