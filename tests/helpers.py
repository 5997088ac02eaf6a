"""Paths to the test material (seeds, own fixtures, gold)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
MINUTES = Path(__file__).parent / "data" / "minutes"
GOLD = Path(__file__).parent / "data" / "gold"
SEED_TEXTS = sorted(SAMPLES.glob("*.txt"))
SEED_PDF = SAMPLES / "styringsgruppen-2023-12-11.pdf"
