"""Ruled tables from a PDF page's path objects: ruling lines -> a grid of cells.

Coordinates are from the top of the page, as in pdfplumber."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from referat.ingest.pdfobjects import bounds, page_objects

TOL = 2.0


@dataclass
class Grid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    verticals: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)
    _row_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[0] - 1 <= y <= self.ys[-1] + 1

    def row_top(self, row: int) -> float:
        return self.ys[row]

    @property
    def n_columns(self) -> int:
        return len(self.xs) - 1

    def _starts(self, row: int) -> list[int]:
        """Columns where a cell starts in this row: a boundary without a ruling line is a merged cell."""
        if row not in self._row_starts:
            self._row_starts[row] = self._find_starts(row)
        return self._row_starts[row]

    def _find_starts(self, row: int) -> list[int]:
        middle = (self.ys[row] + self.ys[row + 1]) / 2
        starts = [0]
        for j in range(1, len(self.xs) - 1):
            ruled = any(abs(x - self.xs[j]) <= TOL and top - TOL <= middle <= bottom + TOL
                        for x, top, bottom in self.verticals)
            if ruled:
                starts.append(j)
        return starts

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if not self.contains(x, y):
            return None
        row = next((r for r in range(self.n_rows) if self.ys[r] - 1 <= y <= self.ys[r + 1] + 1), None)
        if row is None:
            return None
        column = 0
        for start in self._starts(row):
            if self.xs[start] - 1 <= x:
                column = start
        return row, column


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _segments(page: Any, height: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    import pypdfium2.raw as c

    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = []  # (x, top, bottom)
    for obj in page_objects(page.raw, c.FPDF_PAGEOBJ_PATH):
        left, bottom, right, top = bounds(obj)
        top, bottom = height - top, height - bottom
        width, tall = right - left, bottom - top
        if tall <= 2.5 and width > 3:
            horizontal.append(((top + bottom) / 2, left, right))
        elif width <= 2.5 and tall > 3:
            vertical.append(((left + right) / 2, top, bottom))
        elif width > 3 and tall > 3 and (width < 3 * page.get_width() / 4 or tall < 40):
            # a cell drawn as a rectangle: its four edges are ruling lines
            horizontal += [(top, left, right), (bottom, left, right)]
            vertical += [(left, top, bottom), (right, top, bottom)]
    return horizontal, vertical


def find_grids(page: Any, height: float) -> tuple[list[Grid], bool]:
    """The ruled tables on a page, and whether the page has ruling lines at all."""
    horizontal, vertical = _segments(page, height)
    return grids_from_segments(horizontal, vertical), bool(horizontal or vertical)


def grids_from_segments(horizontal: list[tuple[float, float, float]],
                        vertical: list[tuple[float, float, float]]) -> list[Grid]:
    """Tables from ruling lines, horizontal as (y, x0, x1) and vertical as (x, top, bottom), in points."""
    if not horizontal or not vertical:
        return []
    # group ruling lines that touch into tables (union-find over crossings)
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, x0, x1) in enumerate(horizontal):
        for j, (x, top, bottom) in enumerate(vertical):
            if x0 - TOL <= x <= x1 + TOL and top - TOL <= y <= bottom + TOL:
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]] = {}
    for i, seg in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(seg)
    for j, seg in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(seg)
    grids = []
    for hs, vs in groups.values():
        xs, ys = _cluster([x for x, _, _ in vs]), _cluster([y for y, _, _ in hs])
        if len(xs) >= 3 and len(ys) >= 2:  # at least two columns and one row
            grids.append(Grid(xs, ys, vs))
    return sorted(grids, key=lambda g: g.ys[0])
