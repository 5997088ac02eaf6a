"""A case's blocks as the paragraphs and list points a reader of decisions counts.

Text from `pdftotext -layout` and some PDFs keeps every visual line as a block of its own, so a
sentence comes in pieces; a list point that ends in a colon ('... forutsatt at:') has its sub-points as
points of their own. Decisions are counted per paragraph or point, so both are joined here first.
`blocks.py` joins what the layout shows; this joins what the sentences show."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.blocks import LABEL, Block, heads_subpoint
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


def _spaced(blocks: list[Block]) -> bool:
    """The text sets its paragraphs apart with blank lines, as a layout dump does: then lines that follow
    each other without one are one paragraph, as in Markdown."""
    # measured where a paragraph surely ends: after a full stop
    gaps = [b.line - a.line_end for a, b in zip(blocks, blocks[1:], strict=False)
            if a.page == b.page and _ENDS_SENTENCE.search(a.text)]
    return len(gaps) >= 3 and sum(g >= 2 for g in gaps) >= 0.8 * len(gaps)


def _continues(previous: Paragraph, block: Block, wide: int, spaced: bool) -> bool:
    """The block is the rest of the sentence the paragraph above broke off."""
    text = block.text
    # a label alone on its line is followed by its text, not by more of it ('Endres til: Kari mener at ... og'
    # goes on below; 'Innstilling' does not)
    label_alone = len(previous.text) < 60 and _is_label(previous.text)
    if (block.heading or block.bullet or block.page != previous.page or previous.styled or block.bold
            or _ENDS_SENTENCE.search(previous.text) or label_alone or _is_label(text)):
        return False
    gap = block.line - previous.line_end
    if heads_subpoint(previous.text, text):
        return False  # the sub-point's text starts below its heading, however wide the heading ran
    if gap == 1 and previous.text.count("(") > previous.text.count(")"):
        return True  # '... utredningen (NOU' / '2).'
    if gap == 1 and (spaced or previous.last_width >= _WIDE * wide):
        return True  # '... de faste møtene med' / 'KS.'
    # one blank line may stand between the lines of a paragraph in a layout dump, never two
    return gap <= 2 and bool(_GOES_ON.match(text))


def paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """The paragraphs and points of a case's text (table rows left out), in order; a point that ends in a
    colon with its sub-points."""
    out: list[Paragraph] = []
    # how wide the case's lines run, when that is as wide as a page's text (short lines never wrap); a
    # high quantile rather than the widest, which may be one line run on past the margin
    widths = sorted(len(line.text.rstrip()) for b in blocks if not b.is_row for line in b.lines)
    wide = max(60, widths[int(0.75 * (len(widths) - 1))] if widths else 0)
    spaced = _spaced([b for b in blocks if not b.is_row])
    for block in blocks:
        if block.is_row:
            continue
        text = block.text
        last_width = len(block.lines[-1].text.rstrip())
        if out and _continues(out[-1], block, wide, spaced):
            out[-1].text = f"{out[-1].text} {text}"
            out[-1].line_end, out[-1].last_width = block.line_end, last_width
            continue
        out.append(Paragraph(text, block.page, block.line, block.line_end, block.bullet,
                             bool(block.heading or block.bold), last_width))
    joined: list[Paragraph] = []
    k = 0
    while k < len(out):
        point = out[k]
        k += 1
        if point.bullet and point.text.rstrip().endswith(":"):
            n = subpoints(out, k)
            for part in out[k:k + n]:
                point.text, point.line_end = f"{point.text} {part.text}", part.line_end
            k += n
        joined.append(point)
    return joined


def subpoints(found: list[Paragraph], k: int) -> int:
    """How many of the points from ``k`` on are the parts of the point or sentence before them, which ended
    in a colon ('... forutsatt at:', 'a) ...', 'b) ...'). The list markers are gone by now, so the parts are
    told from the next point of higher rank by their form: parts look alike (all end in a full stop, or none
    does), and one point of the other form among them is theirs when the form comes back after it."""
    def points(i: int) -> bool:
        return i < len(found) and found[i].bullet and not _is_label(found[i].text)

    def stop(i: int) -> bool:
        return found[i].text.rstrip().endswith(".")

    if not points(k):
        return 0
    form, n = stop(k), 0
    while points(k + n) and (stop(k + n) == form or (points(k + n + 1) and stop(k + n + 1) == form)):
        n += 1
    return n
