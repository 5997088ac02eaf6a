"""Attendance stated in sentences in the opening, bokmål and nynorsk: read as the lists the sentences state."""

from pathlib import Path

import pytest

from referat.extract.blocks import build_blocks
from referat.extract.stated import read_stated
from referat.ingest import read_document


def _stated(tmp_path: Path, text: str) -> dict[str, tuple]:
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    return {a.name: (a.category.value, a.status.value, a.substitute_for, a.role)
            for a in read_stated(build_blocks(read_document(path)))}


def test_present_absent_and_who_came_instead(tmp_path: Path):
    people = _stated(tmp_path, "Til stades var Gunnhild Teigen (leiar), Asbjørn Myrset og Randi Bakke. Magnhild "
                               "Nordal hadde meldt forfall, og vara Bjørg Sandvik møtte for henne. Elin Rotevatn "
                               "hadde forfall utan vara.\n")
    assert people == {"Gunnhild Teigen": ("member", "present", None, "leiar"),
                      "Asbjørn Myrset": ("member", "present", None, None),
                      "Randi Bakke": ("member", "present", None, None),
                      "Magnhild Nordal": ("member", "substituted", None, None),
                      "Bjørg Sandvik": ("substitute", "present", "Magnhild Nordal", None),
                      "Elin Rotevatn": ("member", "absent", None, None)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Til stede var Kari Holm, Per Lie og Eva Dahl.", {"Kari Holm": "present", "Per Lie": "present",
                                                       "Eva Dahl": "present"}),
    ("Desse møtte Kari Holm og Per Lie.", {"Kari Holm": "present", "Per Lie": "present"}),
    ("Forfall hadde Kari Holm og Per Lie.", {"Kari Holm": "absent", "Per Lie": "absent"}),
    ("Fråverande var Kari Holm.", {"Kari Holm": "absent"}),
    ("Kari Holm og Per Lie var fråverande.", {"Kari Holm": "absent", "Per Lie": "absent"}),
    ("Kari Holm møtte ikkje.", {"Kari Holm": "absent"}),
    ("Per Lie hadde forfall, og Eva Dahl møtte som vara.", {"Per Lie": "substituted", "Eva Dahl": "present"}),
])
def test_the_ways_a_sentence_states_attendance(tmp_path: Path, text: str, expected: dict[str, str]):
    assert {n: p[1] for n, p in _stated(tmp_path, text + "\n").items()} == expected


def test_the_host_and_another_organisation(tmp_path: Path):
    people = _stated(tmp_path, "Frå kommunen møtte einingsleiar Torunn Aase, som var sekretær for rådet.\n\n"
                               "Fra Helse Førde deltok Marte Gjesdal.\n")
    assert people == {"Torunn Aase": ("secretariat", "present", None, "einingsleiar"),
                      "Marte Gjesdal": ("member", "present", None, None)}


@pytest.mark.parametrize("text", [
    "Rådet hadde meldt forfall til møtet i Bergen.",  # nobody named
    "Fra NORCE deltok Eva Dahle som vara.",  # a substitute said in prose: the prose reader's
    "Til stades: Kari Holm, Per Lie",  # a labelled list: the list reader's
    "Saka vart sett opp att fordi Kari Holm hadde forfall i mars og ikkje kunne leggje fram rapporten.",
])
def test_what_states_no_list(tmp_path: Path, text: str):
    assert _stated(tmp_path, text + "\n") == {}
