"""pdfplumber's table finder, for a page whose ruling lines do not form a grid ``tables.py`` can read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PlumberTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]
    tops: list[float]

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1

    def row_top(self, row: int) -> float:
        return self.tops[row] if row < len(self.tops) else self.bbox[1]


def plumber_tables(pdf: Any, number: int) -> list[PlumberTable]:
    page = pdf.pages[number - 1]
    try:
        out = []
        for table in page.find_tables():
            if not table.rows or len(table.rows[0].cells) < 2:
                continue
            rows = [[" ".join((c or "").split()) for c in row] for row in table.extract()]
            out.append(PlumberTable(table.bbox, rows, [r.bbox[1] for r in table.rows]))
        return out
    finally:
        page.close()
