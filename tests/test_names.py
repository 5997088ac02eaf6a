"""Names in running text: the spaCy rule matcher in extract/names.py."""

import pytest

from referat.extract.names import find_names


@pytest.mark.parametrize("text, names", [
    ("Terje Lund – Haugesund kommune", ["Terje Lund"]),  # a spaced dash separates
    ("Hanne Vik - Helse Fonna", ["Hanne Vik"]),
    ("Elisabeth Flo-Groeneboom ledet møtet", ["Elisabeth Flo-Groeneboom"]),  # a hyphen joins
    ("Elisabeth Flo- Groeneboom ledet møtet", ["Elisabeth Flo-Groeneboom"]),  # as OCR breaks it
    ("Fra NAV deltok Bjarte Hysing-Olsen (ass. direktør)", ["Bjarte Hysing-Olsen"]),
    ("Møtet ble ledet av styreleder.", []),
])
def test_find_names(text, names):
    assert [name for name, _, _ in find_names(text)] == names
