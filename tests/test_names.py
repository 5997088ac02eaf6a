"""Names in running text (the spaCy rule matcher in extract/names.py), and who stood in for whom."""

import pytest

from referat.extract.names import find_names, uninvert


@pytest.mark.parametrize("text, names", [
    ("Terje Lund – Haugesund kommune", ["Terje Lund"]),  # a spaced dash separates
    ("Hanne Vik - Helse Fonna", ["Hanne Vik"]),
    ("Elisabeth Flo-Groeneboom ledet møtet", ["Elisabeth Flo-Groeneboom"]),  # a hyphen joins
    ("Elisabeth Flo- Groeneboom ledet møtet", ["Elisabeth Flo-Groeneboom"]),  # as OCR breaks it
    ("Fra NAV deltok Bjarte Hysing-Olsen (ass. direktør)", ["Bjarte Hysing-Olsen"]),
    ("Møtet ble ledet av styreleder.", []),
    ("Fra administrasjonen: Kommunalsjef Bodil Tangen", ["Bodil Tangen"]),  # a title is no name
    ("Ole Jacob van der Berg og Anna de Vries", ["Ole Jacob van der Berg", "Anna de Vries"]),
    ("Kari Hansen av Bergen kommune", ["Kari Hansen"]),  # 'av' is the preposition
    ("Revisor Odd Berge og Statsråd Anne Lie", ["Odd Berge", "Anne Lie"]),  # titles of the audit and state
    ("Jens Chr. Brun, Kari Hansen Adm.", ["Jens Chr. Brun", "Kari Hansen"]),  # a given name cut short
    ("Andre Kramer Moe og Andre Lise Lunde", ["Andre Kramer Moe", "Andre Lise Lunde"]),  # a given name too
    ("Andre til stede: Lise Lunde", ["Lise Lunde"]),
    # nynorsk: a weekday, a list's first word or a title before the name is no part of it
    ("Laurdag Kari Holm kom ikkje", ["Kari Holm"]), ("Desse Kari Holm og Per Lie", ["Kari Holm", "Per Lie"]),
    ("Gjestar Kari Holm", ["Kari Holm"]), ("Ordførar Anne Grete Vik (SP)", ["Anne Grete Vik"]),
    ("Administrerande direktør Tore Brekkhus", ["Tore Brekkhus"]),
    # a company's name before its form is no person's
    ("Revisor Liv Brekkhaug, Revisjon Fjordane IKS", ["Liv Brekkhaug"]), ("Nordvik Energi AS", []),
    ("Kari Holm (Fjordane Revisjon IKS)", ["Kari Holm"]),
])
def test_find_names(text, names):
    assert [name for name, _, _ in find_names(text)] == names


def test_stand_ins_named_in_prose():
    from referat.extract.blocks import Block
    from referat.extract.participants import stand_ins
    from referat.ingest.document import Line, Span

    def block(text: str) -> Block:
        return Block([Line(page=1, number=1, spans=[Span(text=text)])])

    sections = [(None, [block("Berit Hauge møtte som vara for Solveig Nesse. Kari Vik og Per Lie deltok."),
                        block("Jon Eikeland (HVL) var stedfortreder for Anne Fosse, og Ola Dahl møtte for Liv Berg.")])]
    assert stand_ins(sections) == [("Berit Hauge", "Solveig Nesse"), ("Jon Eikeland", "Anne Fosse"),
                                   ("Ola Dahl", "Liv Berg")]


@pytest.mark.parametrize("entry, expected", [
    ("Brekke, Svein (leiar)", "Svein Brekke (leiar)"),
    ("Sæbø, Lillian", "Lillian Sæbø"),
    ("Flo-Groeneboom, Elisabeth Marie", "Elisabeth Marie Flo-Groeneboom"),
    # a name and its organisation, not a surname first
    ("Kari Hansen, Helse Bergen", "Kari Hansen, Helse Bergen"),
    ("Bergen kommune, Kari Hansen", "Bergen kommune, Kari Hansen"),
    ("Helse Bergen, Haukeland", "Helse Bergen, Haukeland"),
])
def test_surname_first(entry: str, expected: str):
    assert uninvert(entry) == expected
