"""Tables without ruling lines: consecutive lines whose parts, set apart by wide gaps, stand under
the parts of the first. Word templates lay attendance out this way ('Navn  Organisasjon  Møtt  Forfall'),
and without the columns a row reads as one run of words in which 'x' no longer says which column
it stood in. The text reader does the same for tables typed with spaces (text.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class _Run(Protocol):
    text: str
    x0: float
    x1: float
    size: float


# Wider than any word space, also in justified text
_GAP = 1.5  # times the font size
_ALIGN = 4.0  # points in a PDF: how far two column starts may differ and still be one column
# Typed text: how many lines that are no row (a section heading, a page number) a table may hold before its rows go on
_INTERRUPTION = 3
# A page number or a running title with a date, which a text without page breaks carries into a table
_FURNITURE = re.compile(r"\d")
# A bulleted list set out with spaces ('   •   Nasjonaljubileet ...') is no table
_BULLET = re.compile(r"^[•·▪◦‣►○●■□*–—-]$")
_PAGE_NUMBER = re.compile(r"(?i)^(?:side|page|s\.)?\s*[-–]?\s*\d+\s*[-–]?(?:\s*(?:av|/|of)\s*\d+)?$")


def _parts(runs: Sequence[_Run]) -> list[list[_Run]]:
    parts: list[list[_Run]] = []
    for run in runs:
        if not run.text.strip():
            continue
        if parts and run.x0 - parts[-1][-1].x1 < _GAP * max(run.size, 1.0):
            parts[-1].append(run)
        else:
            parts.append([run])
    return parts


def _text(part: list[_Run]) -> str:
    return " ".join(r.text for r in part).strip()


def aligned_rows(lines: Sequence[Any], align: float = _ALIGN, centred: bool = True) -> dict[int, list[list[_Run]]]:
    """For each line that is a row of such a table, its runs cell by cell (an empty list for an
    empty cell). A line whose first part ends in ':' is a label and its value ('Dato:  14.03.2024'),
    which the readers take as text, so it is left as it is.

    ``centred``: a row's part may stand centred under the header's, as set type does. Typed text
    (``centred=False``) is read as a typist or a layout dump leaves it: a row's parts start where
    the header's or the line above's do, or at least each within a column of the header, a few
    characters off; a line that is only a continued cell, a section heading ('Varamedlemmer') or
    a page number between rows does not end the table, and rows under a label ('Varamedlemmer:')
    that have no header of their own keep the columns of the table above. A double space after a
    full stop makes gaps in prose too, so a line that reads as sentences is never a row."""
    parts = [_parts(line.runs) for line in lines]
    label = [bool(p) and _text(p[0]).endswith(":") for p in parts]
    candidate = [len(p) >= 2 and not label[k] and not (not centred and (_prose(p) or _BULLET.match(_text(p[0]))))
                 for k, p in enumerate(parts)]
    groups: list[_Group] = []
    last = -2  # the last line that belongs to the open group, or that it let pass
    under_label: int | None = None  # the header of a table that ended at a label on the line before
    for k in range(len(lines)):
        if k <= last:
            continue
        if not candidate[k]:
            if centred or not groups or last != k - 1:
                continue
            if label[k]:
                under_label = groups[-1].header if len(parts[k]) == 1 and len(groups[-1].rows) >= 2 else None
                continue
            taken = _interruption(parts, groups[-1], k, align)
            if taken:
                groups[-1].rows.extend(j for j, is_row in taken if is_row)
                last = taken[-1][0]
            continue
        joined = False
        if groups and last == k - 1:
            header = parts[groups[-1].header]
            if centred:  # a part of this line under a part of the header line, left-aligned or centred
                joined = any(p[0].x0 < h[-1].x1 + align and p[-1].x1 > h[0].x0 - align
                             for p in parts[k][1:] for h in header[1:])
            else:
                joined = _typed_row(parts[k], parts[groups[-1].rows[-1]], header, align)
        if joined:
            groups[-1].rows.append(k)
        elif (under_label is not None and k and label[k - 1] and _typed_row(parts[k], [], parts[under_label], align)
              and _distinct_columns(parts[k], parts[under_label])):
            groups.append(_Group(under_label, [k]))
        else:
            groups.append(_Group(k, [k]))
        under_label = None
        last = k
    rows: dict[int, list[list[_Run]]] = {}
    for group in groups:
        if len(group.rows) < 2 and group.header == group.rows[0]:
            continue
        # The header's parts are the columns
        columns = _columns(parts[group.header])
        for k in group.rows:
            cells: list[list[_Run]] = [[] for _ in columns]
            for part in parts[k]:
                cells[_column_of(part, columns, align, centred)].extend(part)
            rows[k] = cells
    return rows


@dataclass
class _Group:
    """Lines of one table: the line whose parts are its columns, and its rows (the header's own first)."""

    header: int
    rows: list[int]


def _distinct_columns(line: list[list[_Run]], header: list[list[_Run]]) -> bool:
    """Each part of the line in a column of its own: a table with more columns than the header is another table."""
    columns = _columns(header)
    found = [_column_of(p, columns, 1.0, centred=False) for p in line]
    return len(set(found)) == len(found)


def _starts_under(line: list[list[_Run]], other: list[list[_Run]], align: float) -> bool:
    """A part of the line after its first starts where a part of the other line after its first does."""
    return any(abs(p[0].x0 - h[0].x0) <= align for p in line[1:] for h in other[1:])


def _columns(header: list[list[_Run]]) -> list[tuple[float, float]]:
    """Each column's extent: where its part of the header starts and ends."""
    return [(p[0].x0, p[-1].x1) for p in header]


def _bounds(columns: list[tuple[float, float]]) -> list[float]:
    """Where each column after the first begins: halfway across the gap before its header."""
    return [(columns[i - 1][1] + columns[i][0]) / 2 for i in range(1, len(columns))]


def _typed_row(line: list[list[_Run]], above: list[list[_Run]], header: list[list[_Run]], align: float) -> bool:
    """A typed row of the table: a part starts where one of the header or of the row above does; or,
    set a few characters off ('Berit Solheim      Nestleiar' under 'Namn     Funksjon'), its first part
    stands in the header's first column and every other part in a later one."""
    if _starts_under(line, above, align) or _starts_under(line, header, align):
        return True
    if len(header) < 2:
        return False
    bounds = _bounds(_columns(header))
    return line[0][0].x0 < bounds[0] and all(p[0].x0 >= bounds[0] for p in line[1:])


def _prose(line: list[list[_Run]]) -> bool:
    """Sentences parted by double spaces: a part before the last that is a sentence, or a first part
    longer than any cell."""
    texts = [_text(p) for p in line]
    if len(texts[0]) > 60 or len(texts[0].split()) > 8:
        return True
    return any(len(t.split()) >= 3 and t.endswith((".", "!", "?")) for t in texts[:-1])


def _interruption(parts: list[list[list[_Run]]], group: _Group, k: int,
                  align: float) -> list[tuple[int, bool]] | None:
    """Lines from ``k`` that are no row of their own and yet inside the table of ``group``: a cell that goes
    on below its row (a line that starts in a later column), or up to three short lines before the rows
    go on: a section heading or a wrapped name in the first column becomes a row of one cell, a page
    number or a running title with a date is passed over. None when the table ends at ``k``."""
    header = parts[group.header]
    above = parts[group.rows[-1]]
    line = parts[k]
    if not line:
        return None
    if (len(line) == 1 and not _PAGE_NUMBER.match(_text(line[0]))
            and any(abs(line[0][0].x0 - h[0].x0) <= align for h in header[1:] + above[1:])):
        return [(k, True)]
    bounds = _bounds(_columns(header))
    if not bounds:
        return None
    taken: list[tuple[int, bool]] = []
    j = k
    while j < len(parts) and len(taken) < _INTERRUPTION:
        line = parts[j]
        if (len(line) >= 2 and not _text(line[0]).endswith(":") and not _prose(line)
                and _typed_row(line, above, header, align)):
            return taken
        if len(line) != 1 or line[0][0].x0 >= bounds[0] or len(_text(line[0]).split()) > 6:
            return None
        text = _text(line[0])
        if text.endswith(":"):  # a label between rows: the table ends, and what is under it is read anew
            return None
        taken.append((j, not _FURNITURE.search(text) and not text.endswith(".")))
        j += 1
    return None


def _column_of(part: list[_Run], columns: list[tuple[float, float]], align: float, centred: bool = True) -> int:
    """The column whose header starts where the part starts (left-aligned), the nearest if two do;
    else the one whose header it is centred under, as marks are ('x' and 'Teams' under 'Møtt').
    Typed text is set from the left: a part off its header's start belongs to the column it starts in."""
    x0, x1 = part[0].x0, part[-1].x1
    starts = [c for c, (start, _) in enumerate(columns) if abs(x0 - start) <= align]
    if starts:
        return min(starts, key=lambda c: abs(x0 - columns[c][0]))
    if not centred:
        return bisect_right(_bounds(columns), x0)
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - centre))
