"""Adversarial inputs: the ones that once took quadratic time, read at growing sizes, so that a
pattern or a loop that turns quadratic again shows as a ratio near 16 instead of 4.

    python benchmarks/adversarial.py [--n 25000]

For each input it prints the CPU seconds at n, 4n and 16n and the ratio of each step. It prints
figures and asserts nothing; `tests/test_faults.py` checks the same inputs, scaled down."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def text_objects_pdf(n: int, folder: Path) -> Path:
    """A page of ``n`` text objects, 50 to a line (a text object per word, as some converters write)."""
    from reportlab.pdfgen import canvas

    path = folder / f"objects-{n}.pdf"
    height = 20 + 5 * (n // 50 + 1)  # a page as tall as it takes: lines that overlap slow pdfium down
    c = canvas.Canvas(str(path), pagesize=(580, height))
    c.setFont("Helvetica", 3)
    for k in range(n):  # each drawString is a text object of its own, 50 to a line
        c.drawString(10 + (k % 50) * 11, height - 10 - (k // 50) * 5, f"w{k % 100}")
    c.save()
    return path


def cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=25_000, help="the smallest size (characters, or objects / 10)")
    args = parser.parse_args()

    from referat.ingest import read_document
    from referat.ingest.text import parse_spans

    with tempfile.TemporaryDirectory(prefix="referat-adversarial-") as scratch:
        cases: dict[str, Callable[[int], Callable[[], object]]] = {
            "Markdown: '[' * n": lambda n: lambda: parse_spans("[" * n),
            "Markdown: '[a](' * n": lambda n: lambda: parse_spans("[a](" * (n // 4)),
            "PDF: a page of n/10 text objects": lambda n: (
                lambda path: lambda: read_document(path))(text_objects_pdf(n // 10, Path(scratch))),
        }
        read_document(text_objects_pdf(100, Path(scratch)))  # imports and pdfium's start, outside the timing
        print(f"{'input':<36}{'n':>10}{'4n':>10}{'16n':>10}   ratios (4 is linear, 16 quadratic)")
        for name, case in cases.items():
            times = [cpu_seconds(case(size)) for size in (args.n, 4 * args.n, 16 * args.n)]
            ratios = [b / max(a, 1e-6) for a, b in zip(times, times[1:], strict=False)]
            print(f"{name:<36}" + "".join(f"{t:>9.3f}s" for t in times) + "   "
                  + " ".join(f"{r:.1f}" for r in ratios))


if __name__ == "__main__":
    main()
