"""A case's blocks as the paragraphs and list points a reader of decisions counts.

Text from `pdftotext -layout` and some PDFs keeps every visual line as a block of its own, so a
sentence comes in pieces; a list point that ends in a colon ('... forutsatt at:') has its sub-points as
points of their own. Decisions are counted per paragraph or point, so both are joined here first.
`blocks.py` joins what the layout shows; this joins what the sentences show."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.blocks import LABEL, Block
from referat.extract.labels import (
    CLOSING,
    DECISION_LABEL,
    FOLLOW_LABEL,
    PROPOSAL_LABEL,
    PROPOSED_BY,
    SECTION_LABEL,
    VOTE_RECORD,
)

_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*[\"»”']?\s*$")
# A line that goes on with the sentence above: lower case, a bracket, a number that is no list number ('2.Søknad')
_GOES_ON = re.compile(r"^\s*(?:[a-zæøå(§]|\d(?!\d?[.)]\S))")
# A line this much of the widest in the case reached the right margin: the sentence wraps to the next line
_WIDE = 0.8


@dataclass
class Paragraph:
    text: str
    page: int
    line: int
    line_end: int
    bullet: bool = False
    styled: bool = False  # a heading or all bold: maybe a label, maybe a verdict ('**Godkjennes enstemmig**')
    last_width: int = 0  # characters on its last line


def _is_label(text: str) -> bool:
    return any(p.match(text) for p in (DECISION_LABEL, FOLLOW_LABEL, PROPOSAL_LABEL, PROPOSED_BY, SECTION_LABEL,
                                        VOTE_RECORD, CLOSING)) or bool(LABEL.match(text))


def _continues(previous: Paragraph, block: Block, wide: int) -> bool:
    """The block is the rest of the sentence the paragraph above broke off."""
    text = block.text
    if (block.heading or block.bullet or block.page != previous.page or previous.styled or block.bold
            or _ENDS_SENTENCE.search(previous.text) or _is_label(previous.text) or _is_label(text)):
        return False
    gap = block.line - previous.line_end
    if gap == 1 and previous.text.count("(") > previous.text.count(")"):
        return True  # '... utredningen (NOU' / '2).'
    if gap == 1 and previous.last_width >= _WIDE * wide:
        return True  # '... de faste møtene med' / 'KS.'
    # one blank line may stand between the lines of a paragraph in a layout dump, never two
    return gap <= 2 and bool(_GOES_ON.match(text))


def paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """The paragraphs and points of a case's text (table rows left out), in order."""
    out: list[Paragraph] = []
    # the widest line of the case, when it is as wide as a page's text; short lines never wrap
    wide = max([60, *(len(line.text.strip()) for b in blocks if not b.is_row for line in b.lines)])
    subpoints = False  # the point above ended in a colon: the points below are its parts
    for block in blocks:
        if block.is_row:
            continue
        text = block.text
        last_width = len(block.lines[-1].text.strip())
        if out and (_continues(out[-1], block, wide) or (subpoints and block.bullet and not _is_label(text))):
            out[-1].text = f"{out[-1].text} {text}"
            out[-1].line_end, out[-1].last_width = block.line_end, last_width
            continue
        out.append(Paragraph(text, block.page, block.line, block.line_end, block.bullet,
                             bool(block.heading or block.bold), last_width))
        subpoints = block.bullet and text.rstrip().endswith(":")
    return out
