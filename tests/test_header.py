"""The meeting body from a title, and roles and organisations next to a name."""

import pytest

from referat.extract.blocks import build_blocks
from referat.extract.header import read_header
from referat.extract.names import proper_noun
from referat.extract.roles import is_role
from referat.ingest import read_document


@pytest.mark.parametrize(("title", "body"), [
    ("Referat fra møte i Styringsgruppen", "Styringsgruppen"),
    ("Referat fra møte i Faggruppe for eldre", "Faggruppe for eldre"),
    # a board's meeting in a company is the board's: the company is its owner, not its name
    ("Protokoll fra styremøte i Vestlandsklyngen AS", "Styret"),
    ("Referat fra styringsgruppemøte 3. mai", "Styringsgruppen"),
    ("Protokoll fra representantskapsmøte i IKA Vest", "Representantskapet"),
    # unless the title names the body itself
    ("Referat fra rådsmøte i Eldrerådet", "Eldrerådet"),
    ("REFERAT\n\nBrukerrådet ved Haugesund sjukehus", "Brukerrådet"),
    ("Møtereferat\n\nEldrerådet i Os kommune", "Eldrerådet"),
    # the body's name over the title, with its field
    ("Rådet for eldre og personer med funksjonsnedsettelse\n\nMøtereferat",
     "Rådet for eldre og personer med funksjonsnedsettelse"),
    ("KONTROLLUTVALGET I ASKØY\n\nMøtereferat", "Kontrollutvalget"),
    # the meeting alone, or a summary of it
    ("Møte i Brukerutvalget 10.09.2024", "Brukerutvalget"), ("Styremøte i Helse Vest RHF", "Styret"),
    ("Sammendrag fra møte i Regionalt brukerutvalg", "Regionalt brukerutvalg"),
    ("Møte i dag ble avlyst", None), ("Notat om budsjettet", None),
])
def test_body_from_title(tmp_path, title: str, body: str | None):
    path = tmp_path / "m.txt"
    path.write_text(title + "\n\nDato: 1.2.2024\n", encoding="utf-8")
    assert read_header(build_blocks(read_document(path)))["body"] == body


@pytest.mark.parametrize(("text", "role"), [
    ("leder", True), ("klinikksjef", True), ("HR-konsulent", True), ("avdelingsoverlege", True),
    ("kommunalsjef helse", True), ("Helse Bergen", False), ("Universitetet i Bergen, leder", False),
    ("Bergen leder", False), ("kommunens rådgiver", True),
])
def test_is_role(text: str, role: bool):
    assert is_role(text) is role


@pytest.mark.parametrize(("text", "org"), [
    ("Deloitte", True), ("Statsforvaltaren i Vestland", True),
    ("klinikksjef", False), ("Kari Nordmann", False),
])
def test_proper_noun(text: str, org: bool):
    assert proper_noun(text) is org


def test_labels_over_their_values(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("# Referat\n\n| Utvalg | Møtedato | Tid | Sted |\n|---|---|---|---|\n"
                    "| Klima- og miljøutvalget | 14.03.2024 | 18:00–20:30 | Rådhuset |\n", encoding="utf-8")
    header = read_header(build_blocks(read_document(path)))
    assert (header["body"], header["date"], header["start_time"], header["end_time"], header["location"]) == (
        "Klima- og miljøutvalget", "2024-03-14", "18:00", "20:30", "Rådhuset")
