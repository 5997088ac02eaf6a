"""Tables without ruling lines in a PDF, from the positions of their parts."""

from dataclasses import dataclass, field

from referat.ingest.aligned import aligned_rows


@dataclass
class Run:
    text: str
    x0: float
    x1: float
    size: float = 10.0


@dataclass
class Line:
    runs: list[Run] = field(default_factory=list)


def _line(*parts: tuple[str, float]) -> Line:
    return Line([Run(text, x, x + 6 * len(text)) for text, x in parts])


def _cells(lines: list[Line]) -> dict[int, list[str]]:
    return {k: [" ".join(r.text for r in cell) for cell in cells] for k, cells in aligned_rows(lines).items()}


def test_marks_centred_under_their_headers_keep_their_column():
    lines = [_line(("Navn", 80), ("Møtt", 373), ("Forfall", 418)),
             _line(("Kari Lund", 80), ("x", 380)),
             _line(("Per Dale", 80), ("x", 430)),
             _line(("Ola Vik", 80), ("Teams", 368))]
    assert _cells(lines) == {0: ["Navn", "Møtt", "Forfall"], 1: ["Kari Lund", "x", ""],
                             2: ["Per Dale", "", "x"], 3: ["Ola Vik", "Teams", ""]}


def test_prose_and_label_lines_are_no_table():
    lines = [_line(("Dato:", 80), ("14.03.2024", 200)), _line(("Sted:", 80), ("Teams", 200)),
             _line(("Møtet ble holdt på Teams.", 80)), _line(("Sak 8/24", 80), ("Budsjett", 200))]
    assert _cells(lines) == {}
