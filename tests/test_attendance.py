"""Attendance tables whose columns say more than marks: who came for whom, and a roster's personal vara."""

from referat.extract.attendance import read_tables
from referat.extract.blocks import Block
from referat.ingest.document import Line


def _table(*rows: list[str]) -> list[Block]:
    return [Block([Line(page=1, number=i + 1, cells=list(row))]) for i, row in enumerate(rows)]


def _people(blocks: list[Block]) -> dict[str, tuple]:
    return {a.name: (a.category.value, a.status.value, a.substitute_for) for a in read_tables(blocks)}


def test_vara_column_names_who_came_for_an_absent_member():
    people = _people(_table(["Navn", "Møtt", "Forfall", "Vara"],
                            ["Steinar Moi", "", "X", "Liv Kydland"],
                            ["Karin Aune", "X", "", ""]))
    assert people == {"Steinar Moi": ("member", "substituted", None),
                      "Liv Kydland": ("substitute", "present", "Steinar Moi"),
                      "Karin Aune": ("member", "present", None)}


def test_personal_vara_of_a_member_who_came_stays_home():
    people = _people(_table(["Medlem", "Vara", "Møtt"],
                            ["Karin Aune", "Liv Kydland", "x"]))
    assert people == {"Karin Aune": ("member", "present", None)}


def test_motte_for_column():
    people = _people(_table(["Navn", "Møtte for", "Representerer"],
                            ["Anne Rossland", "Per Myklebust", "SP"]))
    # one who came for someone came
    assert people == {"Anne Rossland": ("substitute", "present", "Per Myklebust")}


def test_surname_first_in_the_name_column():
    people = _people(_table(["Navn", "Møtt"], ["Brekke, Svein", "x"]))
    assert people == {"Svein Brekke": ("member", "present", None)}


def test_remark_column_names_a_substitute_and_a_remote_member():
    people = _people(_table(["Medlem", "Parti", "Til stede", "Forfall", "Merknad"],
                            ["Arild Nesheim", "H", "", "X", "Vara: Tonje Rabben"],
                            ["Camilla Urdal", "Sp", "X", "", "Deltok på Teams"],
                            ["Siri Hope", "KrF", "X", "", "Gikk etter sak 33/24"]))
    assert people == {"Arild Nesheim": ("member", "substituted", None),
                      "Tonje Rabben": ("substitute", "present", "Arild Nesheim"),
                      "Camilla Urdal": ("member", "remote", None),
                      "Siri Hope": ("member", "present", None)}
