"""Paths to the test material (seeds, own fixtures, gold), and the shared scorer."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
MINUTES = Path(__file__).parent / "data" / "minutes"
EXEMPT = Path(__file__).parent / "data" / "exempt"  # minutes with exempt cases, for the publication tests
GOLD = Path(__file__).parent / "data" / "gold"
SEED_TEXTS = sorted(SAMPLES.glob("*.txt"))
SEED_PDF = SAMPLES / "styringsgruppen-2023-12-11.pdf"
SCANNED_SEED = ROOT / "data" / "scans" / "styringsgruppen-2023-12-11-scan.pdf"


SCORER = GOLD / "score.py"


def score(gold: Path, export: Path, *extra: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(export), *extra],
                         capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in out.splitlines():
        if line.startswith("overall F1:"):
            figures["overall"] = float(line.split(":")[1])
            continue
        m = re.match(r"^(.*?)\s+(?:F1|acc)\s+(\S+)", line)
        if m and m.group(2) != "n/a":
            figures[m.group(1).strip()] = float(m.group(2))
    return figures


def long_minutes_pdf(path: Path, pages: int = 500) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 800, "Referat fra møte i Faglig forum")
    c.setFont("Helvetica", 10)
    c.drawString(72, 780, "Dato: 05.02.2024")
    for p in range(pages):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(72, 740, f"Sak {p + 1}/24 Tema nummer {p + 1}")
        c.setFont("Helvetica", 10)
        for k in range(20):
            c.drawString(72, 720 - 14 * k, "Saken ble drøftet, og det kom innspill fra partnerne om veien videre.")
        c.drawString(72, 420, "Vedtak: Faglig forum tar saken til orientering.")
        c.showPage()
    c.save()
    return path
