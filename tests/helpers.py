"""Paths to the test material (seeds, own fixtures, gold), and the shared scorer."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
MINUTES = Path(__file__).parent / "data" / "minutes"
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
