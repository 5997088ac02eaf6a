"""Query results as a plain text table: every value whole unless a width is asked for.

A value that is cut says so with '…', and a value over several lines keeps its lines, so what
the table shows is what the archive holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from referat.plural import count


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int | None = None) -> str:
    """Columns, a rule, the rows and '(n rows)'; cells cut to ``max_width`` characters only when given."""
    header = [[_cut(c, max_width)] for c in columns]
    cells = [[_lines(v, max_width) for v in row] for row in rows]
    widths = [max(len(line) for cell in [header[i], *(r[i] for r in cells)] for line in cell)
              for i in range(len(columns))]
    out = [_line(header, widths), "  ".join("-" * w for w in widths).rstrip()]
    out += [_line(r, widths) for r in cells]
    out.append(f"({count(len(rows), 'row')})")
    return "\n".join(out)


def _lines(value: Any, max_width: int | None) -> list[str]:
    text = "" if value is None else str(value)
    return [_cut(line, max_width) for line in text.split("\n")] or [""]


def _cut(text: str, max_width: int | None) -> str:
    if max_width is None or len(text) <= max_width:
        return text
    return text[:max(0, max_width - 1)] + "…"


def _line(row: list[list[str]], widths: list[int]) -> str:
    """One table row; a cell of several lines makes the row as many lines high."""
    height = max((len(cell) for cell in row), default=1)
    lines = []
    for k in range(height):
        parts = [(cell[k] if k < len(cell) else "").ljust(w) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
