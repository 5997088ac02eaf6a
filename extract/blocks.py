"""Lines to blocks: a paragraph of wrapped lines, or one table row."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from referat.extract.casenumber import POINT, match_heading
from referat.extract.labels import repair_label
from referat.ingest.document import Document, Line, Span, all_styled, bold_prefix

# 'Sted:', 'Til stede:', and with a note before the colon: 'Tilstede (digitalt):'
LABEL = re.compile(r"^\s*[A-ZÆØÅ][\wæøå/]*(?:\s[\wæøå/]+){0,3}(?:\s*\([^)]{1,40}\))?\s*:(?:\s|$)")
# OCR reads a label's colon as a semicolon: 'Til stede; ...', 'Vedtak ; ...'. A label is short: a
# capitalised word and at most two more in lower case, so a list 'Kari Hansen; Per Olsen' stays a list.
_OCR_LABEL = re.compile(r"^([A-ZÆØÅ][a-zæøå]+(?: [a-zæøå]+){0,2}) ?; ")

# A word broken at the end of a line: 'PLEIE-' before 'OG OMSORG...', 'omsorgs-' before 'tjenesten'
_BROKEN_WORD = re.compile(r"[A-Za-zÆØÅæøå]-$")
_SHARED_PART = re.compile(r"(?i)^(?:og|eller|samt|til)\b")  # 'pleie- og omsorg': the hyphen stays


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def cells(self) -> list[str] | None:
        return self.lines[0].cells if self.lines else None

    @property
    def is_row(self) -> bool:  # asked hundreds of thousands of times a shelf: one property call, not two
        return bool(self.lines) and self.lines[0].cells is not None

    @property
    def spans(self) -> list[Span]:
        out: list[Span] = []
        for i, line in enumerate(self.lines):
            if i:
                out.append(Span(text=" ", bold=out[-1].bold if out else False))
            out.extend(line.spans)
        return out

    @cached_property  # read many times by every extractor; build_blocks clears it as lines join
    def text(self) -> str:
        if self.is_row:
            return " ".join(c for c in (self.cells or []) if c)
        text = ""
        for line in self.lines:
            part = " ".join(line.text.split())
            # 'omsorgs-' + 'tjenesten' is one word; 'pleie-' + 'og omsorg' keeps its hyphen
            # only the text's end can hold the broken word: searched whole, a long paragraph costs its length per line
            if part[:1].islower() and _BROKEN_WORD.search(text[-2:]) and not _SHARED_PART.match(part):
                text = text[:-1] + part
            else:
                text = f"{text} {part}" if text else part
        return repair_label(_OCR_LABEL.sub(r"\1: ", text.strip(), 1))

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def line_end(self) -> int:
        return self.lines[-1].number

    @property
    def heading(self) -> int:
        return self.lines[0].heading

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet

    @property
    def list_number(self) -> str | None:
        return self.lines[0].list_number

    # The lines' own spans: the spaces that ``spans`` puts between lines show nothing, so they
    # cannot change the answer, and making them was most of the cost.
    @property
    def bold(self) -> bool:
        return all_styled([s for line in self.lines for s in line.spans], "bold")

    @property
    def italic(self) -> bool:
        return all_styled([s for line in self.lines for s in line.spans], "italic")

    def bold_prefix(self) -> str:
        return bold_prefix(self.spans)


# A sub-point's heading on its own line: '1.3 Valg av møteleder og referent', 'b) Valg av protokollfører'
_SUBPOINT_HEADING = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|[a-hA-H]\))\s+[^.!?:]{1,80}$")
# A line that ends on a word that needs more: '1.2 Styret inngår avtale med' / 'Bergen kommune.'
_OPEN_END = re.compile(r"(?i)\b(?:og|eller|med|i|til|for|av|på|om|at|som|fra|frå|ved|den|det|de|en|et|ei)\s*$")


def heads_subpoint(previous: str, text: str) -> bool:
    """``previous`` is a sub-point's heading and ``text`` starts what is said under it, however far the
    heading ran toward the margin: '1.3 Valg av møteleder' / 'Arne Brekke ble valgt ...'."""
    return bool(_SUBPOINT_HEADING.match(previous)) and text.lstrip()[:1].isupper() and not _OPEN_END.search(previous)


def _starts_new(line: Line) -> bool:
    """A case heading or a 'Label:' never continues the paragraph above it."""
    text = line.text.lstrip()
    return bool(_heading(line) or LABEL.match(text) or _OCR_LABEL.match(text))


def _heading(line: Line) -> bool:
    """A case heading: 'Sak 5/24 ...', or a numbered point in bold ('**3 Budsjett**')."""
    text = line.text.strip()
    return bool(match_heading(text, emphasised=line.bold) or (line.bold and POINT.match(text)))


def _finishes_sentence(line: Line) -> bool:
    return line.text.rstrip().endswith((".", ":", "!", "?"))


def _broken(previous: Line, line: Line) -> bool:
    """The line goes on with the word or phrase the line before broke off."""
    text = line.text.lstrip()
    return bool(_BROKEN_WORD.search(previous.text.rstrip())) and (text[:1].islower() or bool(_SHARED_PART.match(text)))


def _ends(line: Line, following: Line | None = None) -> bool:
    """A case heading, or a line ending a sentence in text, ends its paragraph."""
    if line.wraps_hard or (following is not None and _broken(line, following)):
        return False
    return _heading(line) or _finishes_sentence(line)


def _bold_after_sentence(previous: Line, line: Line) -> bool:
    """A bold line after a finished sentence in plain type is a heading ('Vedtak'), even where the
    sentence reached the right edge of a short page and so seemed to run on."""
    return line.bold and not previous.bold and _finishes_sentence(previous)


_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:side\s+\d+(?:\s*(?:av|/)\s*\d+)?|[-–]?\s*\d{1,3}\s*[-–]?|\d+\s*/\s*\d+)\s*$")
# 'Side 2 av 5' beside a running title on one line: 'Kommunestyret 12.03.2024        Side 2 av 5'
_PAGE_OF = re.compile(r"(?i)\bside\s+\d+\s*(?:av|/)\s*\d+\s*$|^\s*side\s+\d+\s*(?:av|/)\s*\d+\b")
_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")


def _page_of(text: str) -> bool:
    """'Side 2 av 5' on a short line, beside a running title or alone (asked first for its letters: most
    lines hold none)."""
    return len(text) < 100 and ("ide" in text or "IDE" in text) and bool(_PAGE_OF.search(text.strip()))


def page_furniture(doc: Document) -> set[tuple[int, int]]:
    """Page numbers ('Side 2 av 4', '- 3 -') and running headers or footers: a first or last line that
    comes back, numbers aside, on most pages, or that repeats the meeting's date at the top of a page
    or beside a page number ('Formannskapet 12.03.2024'). They interrupt the text, they are not part of it."""
    pages = [p for p in doc.pages if p.lines]
    found = {(p.number, line.number) for p in pages for line in p.lines
             if line.cells is None and (_PAGE_NUMBER.match(line.text) or _page_of(line.text))}
    found |= _dated_titles(pages, found)
    if len(pages) < 2:
        return found
    edges: dict[str, list[tuple[int, int]]] = {}
    for p in pages:
        lines = [line for line in p.lines if (p.number, line.number) not in found and line.cells is None]
        for line in {id(x): x for x in (lines[:1] + lines[-1:])}.values():
            if _starts_new(line):  # a case or a label on every page is content, however alike
                continue
            key = re.sub(r"\d+", "#", " ".join(line.text.split()).lower())
            edges.setdefault(key, []).append((p.number, line.number))
    # the first page often has a title instead, so count the pages after it
    for places in edges.values():
        if len({page for page, _ in places}) >= max(2, len(pages) // 2):
            found.update(places)
    return found


def _dated_titles(pages: list[Any], numbers: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """A short line with the meeting's date (as the first page gives it) and no sentence, first on a page
    after the first or next to a page number: the running title of minutes printed from a case system,
    which a page break may set inside a decision or a table."""
    if not pages:
        return set()
    dates = {_day(m) for line in pages[0].lines[:25] for m in _DATE.finditer(line.text)}
    if not dates:
        return set()
    found: set[tuple[int, int]] = set()
    for p in pages:
        lines = [line for line in p.lines if line.cells is None]
        near = {k + d for k, line in enumerate(lines) if (p.number, line.number) in numbers for d in (-1, 1)}
        if p is not pages[0]:
            near.add(next((k for k, line in enumerate(lines) if (p.number, line.number) not in numbers), -1))
        for k in near:
            if not 0 <= k < len(lines) or (p.number, lines[k].number) in numbers:
                continue
            line, text = lines[k], lines[k].text.strip()
            rest = _DATE.sub("", text).strip(" -–,|")
            if (len(text) < 80 and not text.endswith((".", ":", ",", ";")) and len(rest.split()) <= 6
                    and not _starts_new(line) and {_day(m) for m in _DATE.finditer(text)} & dates):
                found.add((p.number, line.number))
    return found


def _day(m: re.Match[str]) -> tuple[int, int, int]:
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def build_blocks(doc: Document) -> list[Block]:
    """Join wrapped lines into paragraphs, also across a page break; every table row is a block of its own."""
    furniture = page_furniture(doc)
    kept: list[Line] = []
    resumed: set[tuple[int, int]] = set()  # lines after a page number or running title that was dropped
    dropped = False
    for line in doc.lines():
        if (line.page, line.number) in furniture:
            dropped = True
            continue
        if dropped:
            resumed.add((line.page, line.number))
        dropped = False
        kept.append(line)
    return join_lines(kept, resumed)


def join_lines(lines: Iterable[Line], resumed: set[tuple[int, int]] | None = None) -> list[Block]:
    """Paragraphs of lines in reading order: a line joins the one before when that one wraps and
    neither ends a sentence nor is followed by a heading, a label or a case. A sentence goes on in
    lower case after a page break, also one that a text without form feeds shows only by its page
    number and running title (``resumed``)."""
    resumed = resumed or set()
    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        if line.cells is not None and not any(c.strip() for c in line.cells):
            previous = None
            continue
        # a sentence broken by a page break goes on in lower case at the top of the next page
        across_page = (previous is not None and (previous.page != line.page or (line.page, line.number) in resumed)
                       and line.text[:1].islower() and not _finishes_sentence(previous))
        joins = (previous is not None and line.cells is None and previous.cells is None
                 and (previous.wraps or across_page or _broken(previous, line))
                 and (not line.break_before or across_page)
                 and not line.heading and not line.bullet
                 and not _starts_new(line) and not _ends(previous, line) and not _bold_after_sentence(previous, line)
                 and (previous.bold or not heads_subpoint(previous.text, line.text)))
        if joins and blocks:
            blocks[-1].lines.append(line)
            blocks[-1].__dict__.pop("text", None)
        else:
            blocks.append(Block([line]))
        previous = line
    return blocks
