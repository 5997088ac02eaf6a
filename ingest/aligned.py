"""Tables without ruling lines: consecutive lines whose parts, set apart by wide gaps, stand under
the parts of the first. Word templates lay attendance out this way ('Navn  Organisasjon  Møtt  Forfall'),
and without the columns a row reads as one run of words in which 'x' no longer says which column
it stood in. The text reader does the same for tables typed with spaces (text.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class _Run(Protocol):
    text: str
    x0: float
    x1: float
    size: float


# Wider than any word space, also in justified text
_GAP = 1.5  # times the font size
_ALIGN = 4.0  # points in a PDF: how far two column starts may differ and still be one column


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


def aligned_rows(lines: Sequence[Any], align: float = _ALIGN, centred: bool = True) -> dict[int, list[list[_Run]]]:
    """For each line that is a row of such a table, its runs cell by cell (an empty list for an
    empty cell). A line whose first part ends in ':' is a label and its value ('Dato:  14.03.2024'),
    which the readers take as text, so it is left as it is.

    ``centred``: a row's part may stand centred under the header's, as set type does; typed text
    is held to parts that start where the line above has one, since a double space after a full
    stop makes gaps in prose too."""
    parts = [_parts(line.runs) for line in lines]
    candidate = [len(p) >= 2 and not "".join(r.text for r in p[0]).rstrip().endswith(":") for p in parts]
    groups: list[list[int]] = []
    for k in range(len(lines)):
        if not candidate[k]:
            continue
        joined = False
        if groups and groups[-1][-1] == k - 1:
            if centred:  # a part of this line under a part of the header line, left-aligned or centred
                joined = any(p[0].x0 < h[-1].x1 + align and p[-1].x1 > h[0].x0 - align
                             for p in parts[k][1:] for h in parts[groups[-1][0]][1:])
            else:  # a part starting where a part of the line above starts
                joined = any(abs(p[0].x0 - h[0].x0) <= align for p in parts[k][1:] for h in parts[k - 1][1:])
        if joined:
            groups[-1].append(k)
        else:
            groups.append([k])
    rows: dict[int, list[list[_Run]]] = {}
    for group in groups:
        if len(group) < 2:
            continue
        # The first line is the header: its parts are the columns
        columns = [(p[0].x0, p[-1].x1) for p in parts[group[0]]]
        for k in group:
            cells: list[list[_Run]] = [[] for _ in columns]
            for part in parts[k]:
                cells[_column_of(part, columns, align)].extend(part)
            rows[k] = cells
    return rows


def _column_of(part: list[_Run], columns: list[tuple[float, float]], align: float) -> int:
    """The column whose header starts where the part starts (left-aligned), the nearest if two do;
    else the one whose header it is centred under, as marks are ('x' and 'Teams' under 'Møtt')."""
    x0, x1 = part[0].x0, part[-1].x1
    starts = [c for c, (start, _) in enumerate(columns) if abs(x0 - start) <= align]
    if starts:
        return min(starts, key=lambda c: abs(x0 - columns[c][0]))
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - centre))
