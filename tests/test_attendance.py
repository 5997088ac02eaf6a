"""Attendance tables whose columns say more than marks (who came for whom, a roster's personal vara), and lists."""

from pathlib import Path

from referat.extract.attendance import read_lists, read_tables
from referat.extract.blocks import Block, build_blocks
from referat.ingest import read_document
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


def _listed(tmp_path: Path, text: str) -> dict[str, tuple]:
    path = tmp_path / "m.txt"
    # a line of prose as long as a page is wide, so that the list's lines do not read as wrapped
    path.write_text("Møtet ble holdt i styrerommet, og referatet fra forrige møte var sendt ut på forhånd til alle.\n\n"
                    + text, encoding="utf-8")
    return {a.name: (a.category.value, a.status.value, a.substitute_for)
            for a in read_lists(build_blocks(read_document(path)))}


def test_an_absent_members_note_names_who_came_instead(tmp_path: Path):
    people = _listed(tmp_path, "Forfall:\nSigrun Hjelmeland (vara Kjell Espeland møtte)\n"
                               "Ole Bakke (Hilde Rong møtte som vara)\nAnne Vik (vara: Tor Sæle)\nLiv Dahl\n")
    assert people == {"Sigrun Hjelmeland": ("member", "substituted", None),
                      "Kjell Espeland": ("substitute", "present", "Sigrun Hjelmeland"),
                      "Ole Bakke": ("member", "substituted", None),
                      "Hilde Rong": ("substitute", "present", "Ole Bakke"),
                      "Anne Vik": ("member", "substituted", None),
                      "Tor Sæle": ("substitute", "present", "Anne Vik"),
                      "Liv Dahl": ("member", "absent", None)}


def test_members_by_any_name_and_substitutes_apart(tmp_path: Path):
    people = _listed(tmp_path, "Møtende styremedlemmer:\nStyreleder Anne Lise Fimreite\nNestleder Per Bakke (Zoom)\n\n"
                               "Varamedlemmer til stede:\nKari Holm\n\nMøtande medlemar: Tor Hauge\n")
    assert people == {"Anne Lise Fimreite": ("member", "present", None),
                      "Per Bakke": ("member", "remote", None),
                      "Kari Holm": ("substitute", "present", None),
                      "Tor Hauge": ("member", "present", None)}


def test_the_chair_is_a_member_and_one_capital_a_party(tmp_path: Path):
    people = _listed(tmp_path, "Møteleder: Hilde Kvam (AP)\nTil stede : Trond Eide (H), Siri Vik (F)\n"
                               "Møtesekretær : Nina Lie\n")
    assert people == {"Hilde Kvam": ("member", "present", None), "Trond Eide": ("member", "present", None),
                      "Siri Vik": ("member", "absent", None), "Nina Lie": ("secretariat", "present", None)}


def test_a_substitute_after_a_comma_and_a_full_stop_between_people(tmp_path: Path):
    people = _listed(tmp_path, "Forfall: Nina Holm (LHL), vara Per Dale møtte. Tor Aas (LHL)\n"
                               "Til stede: Adm. dir. Eva Berg, vara Ola Hansen\n")
    assert people == {"Nina Holm": ("member", "substituted", None), "Per Dale": ("substitute", "present", "Nina Holm"),
                      "Tor Aas": ("member", "absent", None), "Eva Berg": ("member", "present", None),
                      "Ola Hansen": ("substitute", "present", None)}


def test_section_rows_without_a_colon():
    people = _people(_table(["Navn", "Til stede"], ["Faste medlemmer", ""], ["Marit Hovland", "Ja"],
                            ["Observatører", ""], ["Lars Nes", "Ja"]))
    assert people == {"Marit Hovland": ("member", "present", None), "Lars Nes": ("observer", "present", None)}
