"""Labels OCR damaged, put back; everything else left as it is."""

import pytest

from referat.extract.labels import repair_label
from referat.folding import lookalike_forms


@pytest.mark.parametrize(("text", "repaired"), [
    ("Ti1 stede: Hans Rød", "Til stede: Hans Rød"), ("Forfa11: Randi Hope", "Forfall: Randi Hope"),
    ("Vedtalc: Klagen tas til følge.", "Vedtak: Klagen tas til følge."), ("Vcdtak:", "Vedtak:"),
    ("MGTEDATO : 12.03.2024", "MØTEDATO : 12.03.2024"), ("M0tt: Kari", "Møtt: Kari"),
    # clean labels, and what is no label, stay as written
    ("Til stede: Hans Rød", "Til stede: Hans Rød"), ("Helse Bergen: Kari Lund", "Helse Bergen: Kari Lund"),
    ("Vedtatt: Planen", "Vedtatt: Planen"), ("Kl. 10: Lunsj", "Kl. 10: Lunsj"),
])
def test_repair_label(text: str, repaired: str):
    assert repair_label(text) == repaired


def test_lookalike_forms_undo_one_kind_of_damage_or_all():
    assert {"vedtak", "vedtalc"} <= lookalike_forms("Vedtalc")
    assert "tilstede" not in lookalike_forms("Ti1 stede") and "til stede" in lookalike_forms("Ti1 stede")


@pytest.mark.parametrize(("text", "repaired"), [
    ("Vedtalc", "Vedtak"), ("VEDTALC", "VEDTAK"), ("Innsti1ling", "Innstilling"),
    # a word alone that is no label stays as it is
    ("Godkjent", "Godkjent"), ("Styret", "Styret"), ("Vedtatt", "Vedtatt"),
])
def test_repair_a_label_alone_on_its_line(text: str, repaired: str):
    assert repair_label(text) == repaired
