"""Minutes of associations, housing co-operatives and student bodies: annual meetings that are their own
organ, elections whose people did not thereby attend, counts of members that are no names, and the
officials the meeting gives itself."""

from pathlib import Path

import pytest

from referat.extract import extract_meeting
from referat.extract.casenumber import heading_number, match_heading
from referat.extract.decisions import resolution
from referat.extract.marks import Category
from referat.ingest import read_document


def _read(tmp_path: Path, text: str, name: str = "m.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_meeting(read_document(path))


def _people(extraction) -> dict[str, tuple[str, str]]:
    return {a.name: (a.category.value, a.status.value) for a in extraction.meeting.attendance}


@pytest.mark.parametrize(("title", "body"), [
    ("PROTOKOLL\nfra årsmøte i Sameiet Strandveien 12", "Årsmøtet"),
    ("Referat fra allmøte i Fagutvalget for informatikk", "Allmøtet"),
    ("Protokoll fra ordinær generalforsamling i Lindeberg Borettslag", "Generalforsamlingen"),
    ("Referat fra møte i Studentparlamentet", "Studentparlamentet"),
])
def test_the_assembly_is_the_body(tmp_path, title: str, body: str):
    found = _read(tmp_path, f"{title}\n\nDato: 12.03.2024\n\nTil stede: Kari Nordmann, Ola Hansen\n\n"
                            "Sak 1: Godkjenning av innkalling\nGodkjent.\n\nSak 2: Valg\nIngen på valg.\n\n"
                            "Sak 3: Eventuelt\nIngen saker.\n")
    assert found.meeting.body == body


def test_a_time_before_a_comma_and_the_place(tmp_path):
    found = _read(tmp_path, "Referat fra allmøte i Fagutvalget\n15. januar 2025, kl. 18.00, Lesesalen\n\n"
                            "Ordstyrer: Henrik Aasen\n\nSak 1 – Godkjenning av innkalling\nVedtatt.\n\n"
                            "Sak 2 – Eventuelt\nIngen saker.\n\nSak 3 – Avslutning\nMøtet ble hevet kl. 19.05.\n")
    assert (found.meeting.start_time, found.meeting.end_time, found.meeting.location) == ("18:00", "19:05", "Lesesalen")


@pytest.mark.parametrize(("heading", "number"), [("SP-sak 31/24 Godkjenning av innkalling", "31-24"),
                                                 ("AU-sak 3/2025: Budsjett", "03-25")])
def test_a_case_named_by_its_body_letters(heading: str, number: str):
    m = match_heading(heading, emphasised=True)
    assert m is not None and heading_number(m) == number


@pytest.mark.parametrize(("text", "body", "resolved"), [
    # the board puts a proposal before the annual meeting; only the meeting resolves
    ("Styret anbefaler forslaget.", "Årsmøtet", False), ("Styret anbefaler forslaget.", "Styret", True),
    ("Allmøtet vedtok semesterplanen med tre sosiale arrangementer.", "Allmøtet", True),
    ("Generalforsamlingen gir styret fullmakt til å inngå avtale.", "Generalforsamlingen", True),
    ("Kari Lunde ble gjenvalgt som leder.", "Årsmøtet", True), ("Sittende styre ble gjenvalgt.", "Årsmøtet", True),
    ("Følgjande vart valde:", "Årsmøtet", True),
    ("Styret vart samrøystes attvald.", "Årsmøtet", True),
    ("Innkalling og saksliste vart godkjende.", "Årsmøtet", True),
])
def test_what_an_assembly_resolves(text: str, body: str, resolved: bool):
    assert bool(resolution(text, body)) is resolved


ELECTION = """Protokoll fra årsmøte i Solbakken Idrettslag

Dato: 27.02.2025

Tilstede: 23 stemmeberettigede medlemmer
Til stede fra styret: Kari Rosvoll (leder), Petter Grinde (kasserer)

Sak 1: Konstituering

1.1 Valg av møteleder, referent og to til å underskrive protokollen
Arne Brekke ble valgt som møteleder og Mona Sund som referent. Hilde Rø og Jon Tveit ble valgt til å
underskrive protokollen.

Sak 2: Valg
Følgende ble valgt:
Leder: Kari Rosvoll (gjenvalg, 2 år)
Varamedlem: Ali Hassan (ny, 1 år)
Revisor: Bjørn Strand
Alle ble valgt ved akklamasjon.

Sak 3: Eventuelt
Ingen saker.
"""


def test_the_elected_are_no_attendees_and_the_count_is_no_name(tmp_path):
    found = _read(tmp_path, ELECTION)
    people = _people(found)
    assert "Ali Hassan" not in people and "Bjørn Strand" not in people
    assert not any("stemmeberettigede" in name for name in people)
    assert people["Kari Rosvoll"] == ("member", "present")


def test_the_offices_an_election_filled_are_its_decision(tmp_path):
    found = _read(tmp_path, ELECTION)
    assert [d.text for d in found.meeting.items[1].decisions] == [
        "Følgende ble valgt: Leder: Kari Rosvoll (gjenvalg, 2 år) Varamedlem: Ali Hassan (ny, 1 år) "
        "Revisor: Bjørn Strand", "Alle ble valgt ved akklamasjon."]


def test_each_official_gets_the_office_beside_the_name(tmp_path):
    found = _read(tmp_path, ELECTION)
    roles = {a.name: (a.role, a.category) for a in found.meeting.attendance}
    assert roles["Arne Brekke"] == ("møteleder", Category.member)
    assert roles["Mona Sund"] == ("referent", Category.secretariat)
    assert roles["Hilde Rø"][0] == roles["Jon Tveit"][0] == "underskrive protokollen"
    # the sub-point's heading is not part of the decision under it
    assert found.meeting.items[0].decisions[0].text.startswith("Arne Brekke ble valgt")


def test_the_board_in_the_people_elected_one_a_line(tmp_path):
    found = _read(tmp_path, "Generalforsamling i Verkstedet 30.04.2014\n\nTilstede: Kari Nordmann, Ola Hansen\n\n"
                            "1. Godkjenning av innkalling\nInnkalling godkjent\n\n2. Valg av nytt styre\n"
                            "Styret består etter dagens avstemning (ved akklamasjon) av:\nKari Nordmann\nJon Nordby\n\n"
                            "3. Eventuelt\nIngen saker.\n")
    assert [d.text for d in found.meeting.items[1].decisions] == [
        "Styret består etter dagens avstemning (ved akklamasjon) av: Kari Nordmann Jon Nordby"]
    assert "Jon Nordby" not in _people(found)


def test_a_housing_cooperatives_manager_serves_the_meeting(tmp_path):
    found = _read(tmp_path, "PROTOKOLL\nfra årsmøte i Sameiet Strandveien 12\n\nDato: 12.03.2024\n\n"
                            "Til stede: 14 seksjonseiere, herav 3 ved fullmakt. I tillegg møtte styreleder Hans Ek og "
                            "forretningsfører Lene Bakke fra Norsk Eiendomsforvaltning.\n\n"
                            "Fra forretningsfører: Heidi Sand, Boligbyggelaget Vest\n\n"
                            "1. Konstituering\nInnkallingen ble godkjent.\n\n"
                            "2. Regnskap\nVedtak: Regnskapet godkjennes.\n\n"
                            "3. Eventuelt\nIngen saker.\n")
    people = {a.name: (a.category.value, a.role, a.organisation) for a in found.meeting.attendance}
    assert people == {"Hans Ek": ("member", "styreleder", None),
                      "Lene Bakke": ("secretariat", "forretningsfører", "Norsk Eiendomsforvaltning"),
                      "Heidi Sand": ("secretariat", None, "Boligbyggelaget Vest")}


def test_a_candidate_who_answers_from_the_floor_is_there(tmp_path):
    found = _read(tmp_path, "Generalforsamling i Linjeforeningen 01.04.2014\n\nTilstede: Kari Nordmann, Ola Hansen\n\n"
                            "1. Godkjenning av innkalling\nGodkjent ved akklamasjon.\n\n2. Valg av leder\n"
                            "Kari Nordmann stiller. Caroline Odden benkes og takker ja til å stille. "
                            "Nils Herde benkes, men takker nei.\n\nCaroline Odden vinner ved flertall.\n\n"
                            "3. Eventuelt\nIngen saker.\n")
    people = _people(found)
    assert people["Caroline Odden"] == people["Nils Herde"] == ("member", "present")


def test_the_officials_under_labels_of_their_own(tmp_path):
    found = _read(tmp_path, "Protokoll fra generalforsamling i Linjeforeningen Delta\n\nDato: 10.04.2024\n\n"
                            "Ordstyrer: Even Lyngstad\nReferent: Hedda Kvalheim\n"
                            "Tellekorps: Kasper Nygård og Ida Solberg\n"
                            "Protokollunderskrivere: Martin Hovde og Oda Sletten\n\nAntall stemmeberettigede: 57\n\n"
                            "1. Godkjenning av innkalling\nGodkjent ved akklamasjon.\n\n2. Årsberetning\n"
                            "Leder Vilde Aarseth presenterte årsberetningen. Tatt til orientering.\n\n"
                            "3. Eventuelt\nIngen saker.\n")
    roles = {a.name: (a.category.value, a.role) for a in found.meeting.attendance}
    assert roles == {"Even Lyngstad": ("member", "ordstyrer"), "Hedda Kvalheim": ("secretariat", None),
                     "Kasper Nygård": ("member", "tellekorps"), "Ida Solberg": ("member", "tellekorps"),
                     "Martin Hovde": ("member", "protokollunderskrivere"),
                     "Oda Sletten": ("member", "protokollunderskrivere"),
                     # who presents a case to an assembly is one of its members
                     "Vilde Aarseth": ("member", "Leder")}


def test_nynorsk_minute_taker_and_noting(tmp_path):
    found = _read(tmp_path, "Protokoll frå årsmøtet i Fjellsida idrettslag\n\nDato: 01.03.2025\n\n"
                            "Til stades: 17 røysteføre medlemer\nMøteleiar: Ragnvald Tveito\n"
                            "Skrivar: Solveig Haugland\n\nSak 1 Årsmelding\nÅrsmeldinga vart teken til orientering.\n\n"
                            "Sak 2 Val\nDesse vart valde:\n"
                            "Leiar: Gunnhild Åsen (attval, 2 år)\n\nSak 3 Eventuelt\nIngen saker.\n")
    assert _people(found) == {"Ragnvald Tveito": ("member", "present"), "Solveig Haugland": ("secretariat", "present")}
    assert [[d.text for d in i.decisions] for i in found.meeting.items] == [
        ["Årsmeldinga vart teken til orientering."], ["Desse vart valde: Leiar: Gunnhild Åsen (attval, 2 år)"], []]


def test_an_adopted_proposal_is_the_decision_of_a_case_without_one(tmp_path):
    found = _read(tmp_path, "Protokoll – årsmøte i Lillevik skolekorps\n\nDato: 20.02.2025\n\n"
                            "Fra styret møtte: Trine Halvorsen (leder), Eirik Bakken (kasserer)\n\n"
                            "Sak 1 – Valg\nStyret for 2025 består av:\n\n- Leder (2 år): Hilde Kaupang\n"
                            "- Varamedlem: Preben Solvang\n\nValgkomiteens innstilling ble enstemmig vedtatt.\n\n"
                            "Sak 2 – Budsjett\nInnstillingen ble enstemmig vedtatt.\n\n"
                            "Vedtak: Budsjettet godkjennes.\n\n"
                            "Sak 3 – Eventuelt\nIngen saker.\n")
    assert [[d.text for d in i.decisions] for i in found.meeting.items] == [
        ["Valgkomiteens innstilling ble enstemmig vedtatt."], ["Budsjettet godkjennes."], []]
    assert set(_people(found)) == {"Trine Halvorsen", "Eirik Bakken"}


def test_a_note_between_the_label_and_its_colon_and_a_count_before_the_names(tmp_path):
    found = _read(tmp_path, "Protokoll fra generalforsamling i Verkstedet\n\nDato: 30.04.2024\n\n"
                            "Tilstede (stemmeberettigede): Kari Nordmann, Ola Hansen\nTilstede (digitalt): Per Olsen\n"
                            "Fraværende (meldt forfall): Lise Berg\n\n"
                            "Til stede fra styret: 2 av 3 styremedlemmer: Anne Lie, Tor Dahl\n\n"
                            "1. Godkjenning av innkalling\nGodkjent.\n\n2. Eventuelt\nIngen saker.\n")
    assert _people(found) == {"Kari Nordmann": ("member", "present"), "Ola Hansen": ("member", "present"),
                              "Per Olsen": ("member", "remote"), "Lise Berg": ("member", "absent"),
                              "Anne Lie": ("member", "present"), "Tor Dahl": ("member", "present")}


@pytest.mark.parametrize("opening", ["Møtet ble åpnet kl. 19.00 av leder Bente Karlsen.",
                                     "Leder Bente Karlsen ønsket velkommen.", "Bente Karlsen åpnet møtet kl. 19."])
def test_who_opened_the_meeting_was_there(tmp_path, opening: str):
    found = _read(tmp_path, f"Referat fra medlemsmøte i Nordstrand Hagelag\n\nOnsdag 5. juni 2024. {opening}\n\n"
                            "Oppmøte: 11 medlemmer\n\n1. Plantebytte\nDet ble avtalt plantebytte.\n\n"
                            "2. Eventuelt\nIngen saker.\n")
    assert _people(found) == {"Bente Karlsen": ("member", "present")}
    assert found.meeting.location is None


def test_offices_filled_one_a_line_and_the_proposal_taken_up(tmp_path):
    found = _read(tmp_path, "# Referat fra årsmøte i Solåsen Vel\n\n**Dato:** 10. mars 2025\n\n"
                            "## Sak 1 Konstituering\n\n- Valg av møteleder: Arvid Lothe\n"
                            "- Valg av referent: Marianne Skjold\n"
                            "- Valg av to til å signere protokollen: Ove Reitan og Tone Vassbotn\n\n"
                            "## Sak 2 Valg\n\nValgkomiteens forslag:\n\n- Leder: Arvid Lothe (gjenvalg)\n"
                            "- Kasserer: Frank Vestre (ny)\n\nForslaget ble vedtatt ved akklamasjon.\n", "m.md")
    roles = {a.name: (a.category.value, a.role) for a in found.meeting.attendance}
    assert roles == {"Arvid Lothe": ("member", "møteleder"), "Marianne Skjold": ("secretariat", "referent"),
                     "Ove Reitan": ("member", "signere protokollen"),
                     "Tone Vassbotn": ("member", "signere protokollen")}
    assert [d.text for d in found.meeting.items[1].decisions] == ["Forslaget ble vedtatt ved akklamasjon."]
