"""Minutes kept as a table of cases, one row a case: 'Sak | Tema og konklusjon | Ansvar'.

Project groups and Word templates often write minutes this way. A row becomes the same kind of
section as a 'Sak 5/24' heading with paragraphs under it, so that titles, decisions and references
are read by the same rules whichever way the minutes are laid out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.blocks import Block, join_lines
from referat.extract.casenumber import HEADING, NUMBER, normalize_number
from referat.folding import fold
from referat.ingest.document import Line, Span

# What a column holds, from its header (folded). The number column is the case's key.
NUMBER_HEADERS = ("sak", "saksnr", "sak nr", "saknr", "nr", "saksnummer", "sak nummer")
DECISION_HEADERS = ("vedtak", "konklusjon", "beslutning", "konklusjon vedtak", "vedtak konklusjon", "konklusjoner")
FOLLOW_HEADERS = ("oppfolging", "aksjon", "aksjoner", "tiltak", "videre oppfolging")
PEOPLE_HEADERS = ("navn", "deltaker", "deltakere", "medlem", "medlemmer", "representant", "person", "organisasjon",
                  "virksomhet", "parti")
# Who and when, and the archive's own number: not the case's text
ASIDE_HEADERS = ("ansvar", "ansvarlig", "frist", "dato", "status", "merknad", "vedlegg", "arkivsaksnr", "arkivsak",
                 "arkivsaksnummer", "arkivnr", "arkiv")
# A column that marks a case closed to the public ('Lukket', 'U.off.'): a mark in it is the exempt flag
CLOSED_HEADERS = ("lukket", "u off", "uoff", "unntatt offentlighet", "unntatt off", "offl")
_NUMBER_CELL = re.compile(rf"^\s*(?:(?:sak|saksnr\.?|sak\s+nr\.?|ps)\s*)?(?P<num>{NUMBER})\s*[.:]?\s*$", re.I)


@dataclass
class CaseTable:
    """The columns of a case table, from its header row."""

    number: int
    text: int  # the case's title and account
    decision: int | None
    follow_up: int | None
    closed: int | None = None


def case_table(block: Block) -> CaseTable | None:
    """The header row of a table of cases: a number column, and a column of text beside it."""
    headers = [fold(c) for c in block.cells or []]
    number = next((k for k, h in enumerate(headers) if h in NUMBER_HEADERS), None)
    if number is None:
        return None
    roles = DECISION_HEADERS + FOLLOW_HEADERS + ASIDE_HEADERS + CLOSED_HEADERS
    text = next((k for k, h in enumerate(headers) if k != number and h and h not in roles), None)
    if text is None or headers[text].split()[0] in PEOPLE_HEADERS:  # 'Nr | Navn | Møtt' lists people
        return None
    decision = next((k for k, h in enumerate(headers) if h in DECISION_HEADERS), None)
    follow_up = next((k for k, h in enumerate(headers) if h in FOLLOW_HEADERS), None)
    closed = next((k for k, h in enumerate(headers) if h in CLOSED_HEADERS), None)
    return CaseTable(number, text, decision, follow_up, closed)


def closed_mark(table: CaseTable, block: Block) -> str | None:
    """The mark in a row's 'Lukket' or 'U.off.' column ('X', 'offl. § 13'), None when it is empty."""
    cells = block.cells or []
    if table.closed is None or table.closed >= len(cells) or not cells[table.closed].strip():
        return None
    return cells[table.closed].strip()


def row_number(table: CaseTable, block: Block) -> tuple[str, str] | None:
    """The case number of a row ('08/24', 'Sak 8/24') as written and normalised."""
    cells = block.cells or []
    if table.number >= len(cells):
        return None
    m = _NUMBER_CELL.match(cells[table.number]) or HEADING.fullmatch(cells[table.number].strip())
    number = normalize_number(m.group("num")) if m else None
    return (m.group("num"), number) if m and number else None


def _cell_lines(block: Block, column: int) -> list[list[Span]]:
    """A cell's visual lines with their styles; a cell read without them (text, Markdown) is one line."""
    row = block.lines[0]
    if row.cell_lines is not None and column < len(row.cell_lines):
        return [spans for spans in row.cell_lines[column] if spans]
    cells = row.cells or []
    return [[Span(text=cells[column])]] if column < len(cells) and cells[column].strip() else []


def _as_lines(block: Block, parts: list[list[Span]], label: str | None = None) -> list[Line]:
    """Lines of text that keep the row's place in the document. A cell is narrow, so its lines run on
    unless a sentence ends; a column's header is the label of what it holds ('Konklusjon: ...')."""
    row = block.lines[0]
    lines = []
    for k, spans in enumerate(parts):
        if label and k == 0:
            spans = [Span(text=f"{label}: ", bold=True), *spans]
        lines.append(Line(page=row.page, number=row.number, spans=spans, wraps=True, break_before=k == 0))
    return lines


def read_row(table: CaseTable, header: Block, block: Block) -> tuple[str, list[Block], Block]:
    """A case row as its title, the paragraphs of its account and decisions, and a heading block.

    The title is the bold start of the text cell ('**Felles rutine** Marte la fram ...'); without
    styles, the cell's first line when it has more, else the whole cell."""
    parts = _cell_lines(block, table.text)
    bold = 0
    while bold < len(parts) and all(s.bold for s in parts[bold] if s.text.strip()):
        bold += 1
    split = bold or min(len(parts), 1)
    title = " ".join(" ".join(s.text for s in spans).strip() for spans in parts[:split])
    lines = _as_lines(block, parts[split:])
    headers = header.cells or []
    if table.decision is not None and table.decision < len(headers):
        lines += _as_lines(block, _cell_lines(block, table.decision), label=headers[table.decision].strip().rstrip(":"))
    if table.follow_up is not None:  # 'Tiltak', 'Aksjoner': said as the label the follow-up reader knows
        lines += _as_lines(block, _cell_lines(block, table.follow_up), label="Oppfølging")
    row = block.lines[0]
    heading = Block([Line(page=row.page, number=row.number, spans=[Span(text=title)], break_before=True)])
    return title, join_lines(lines), heading


def continuation(table: CaseTable, block: Block) -> list[Block] | None:
    """A row with an empty number cell goes on with the case above: a row broken over a page."""
    cells = block.cells or []
    if table.number < len(cells) and cells[table.number].strip():
        return None
    return join_lines(_as_lines(block, _cell_lines(block, table.text)))
