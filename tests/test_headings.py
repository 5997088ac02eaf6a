"""Which lines head the cases: every numbering scheme, and the sequence chosen over the whole document."""

from pathlib import Path

from referat.extract import extract_meeting
from referat.extract.blocks import build_blocks
from referat.extract.cases import CaseSection, split_cases
from referat.ingest import read_document

HEADER = "Protokoll fra styremøte i Velforeningen 12. mars 2024\n\nTil stede: Kari Lund, Per Berg\n\n"


def _cases(tmp_path: Path, text: str, name: str = "m.txt") -> list[CaseSection]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_cases(build_blocks(read_document(path)))[1]


def _numbered(tmp_path: Path, text: str, name: str = "m.txt") -> list[tuple[str, str]]:
    return [(c.number, c.title) for c in _cases(tmp_path, text, name)]


def test_points_numbered_within_the_meeting_as_a_markdown_list(tmp_path: Path):
    text = HEADER + ("1. Vårdugnad\nDugnaden blir 4. mai, styret skaffer containere.\n\n"
                     "2. Brøyting\nAvtalen med entreprenøren forlenges ett år.\n\n"
                     "3. Lekeplassen\nNye husker bestilles før sommeren.\n")
    assert _numbered(tmp_path, text, "m.md") == [("1", "Vårdugnad"), ("2", "Brøyting"), ("3", "Lekeplassen")]


def test_running_numbers_in_markdown_headings(tmp_path: Path):
    text = HEADER + ("### 310 Godkjenning av innkalling.\n\nGodkjent\n\n### 311 Økonomi\n\n- Regnskapet er ført.\n\n"
                     "## 312 - Eventuelt\n\nIngen saker.\n")
    assert _numbered(tmp_path, text, "m.md") == [("310", "Godkjenning av innkalling"), ("311", "Økonomi"),
                                                 ("312", "Eventuelt")]


def test_a_list_of_earlier_cases_inside_a_case_is_no_case(tmp_path: Path):
    text = HEADER + ("Sak 21/24 Protokoll fra forrige møte\n\nDet ble gitt mer informasjon i disse sakene:\n\n"
                     "Sak 4/24 Vedtakssak – budsjett for 2024\nLeder sa at budsjettet behandles av årsmøtet.\n\n"
                     "Sak 9/24 Orienteringssak – nye lekeapparater\nLeverandøren har bekreftet levering i mai.\n\n"
                     "Styret godkjente protokollen.\n\nSak 22/24 Vedtakssak – ny avtale om brøyting\n"
                     "Styret fattet følgende vedtak: Avtalen forlenges.\n")
    cases = _cases(tmp_path, text)
    assert [(c.number, c.title) for c in cases] == [("21-24", "Protokoll fra forrige møte"),
                                                    ("22-24", "Vedtakssak – ny avtale om brøyting")]
    path = tmp_path / "m.txt"
    items = extract_meeting(read_document(path)).meeting.items
    assert [(r.body, r.number) for r in items[0].references] == [(None, "04-24"), (None, "09-24")]


def test_sub_points_stay_in_their_case_and_the_agenda_is_no_case(tmp_path: Path):
    text = HEADER + ("Agenda\n1. Godkjenning av innkalling\n2. Søknader\n3. Eventuelt\n\n"
                     "**1 Godkjenning av innkalling**\nGodkjent.\n\n**2 Søknader**\n\n"
                     "**2.1 Søknad fra sjakklubben**\nInnvilget.\n\n**2.2 Søknad fra korpset**\n"
                     "Innvilget med 5 000 kr.\n\n**3 Eventuelt**\nIngen saker.\n")
    cases = _cases(tmp_path, text, "m.md")
    assert [(c.number, c.title) for c in cases] == [("1", "Godkjenning av innkalling"), ("2", "Søknader"),
                                                    ("3", "Eventuelt")]
    assert [b.text for b in cases[1].body] == ["2.1 Søknad fra sjakklubben Innvilget.",
                                               "2.2 Søknad fra korpset Innvilget med 5 000 kr."]


def test_numbered_decision_points_and_lists_of_people_are_no_cases(tmp_path: Path):
    text = HEADER + ("Sak 5/24 Budsjett 2025\nVedtak:\n1. Budsjettet vedtas.\n2. Leder gis fullmakt til innkjøp.\n"
                     "3. Saken legges fram for årsmøtet.\n\nSak 6/24 Eventuelt\nIngen saker.\n")
    assert _numbered(tmp_path, text) == [("05-24", "Budsjett 2025"), ("06-24", "Eventuelt")]
    people = "Referat fra dugnadsgruppen 3. mai 2024\n\nTil stede:\n1. Kari Lund\n2. Per Berg\n3. Ola Dahl\n"
    assert _numbered(tmp_path, people, "p.md") == []


def test_series_roman_numerals_and_a_date_after_the_number(tmp_path: Path):
    text = HEADER + ("V-SAK 1 Budsjett\nVedtatt.\n\nV-SAK 2: Årsplan\nVedtatt.\n\n"
                     "O-SAK 1 Status for prosjektet\nTatt til orientering.\n")
    assert _numbered(tmp_path, text) == [("V-1", "Budsjett"), ("V-2", "Årsplan"), ("O-1", "Status for prosjektet")]
    roman = HEADER + "I. Åpning\nLeder åpnet møtet.\n\nII. Regnskap\nGodkjent.\n\nIII. Valg\nKari Lund ble valgt.\n"
    assert _numbered(tmp_path, roman) == [("I", "Åpning"), ("II", "Regnskap"), ("III", "Valg")]
    dated = HEADER + "Sak 1 – 23.01.19 – Budsjett\nVedtatt.\n\nSak 2 – 23.01.19 – Eventuelt\nIngen saker.\n"
    assert _numbered(tmp_path, dated) == [("1", "Budsjett"), ("2", "Eventuelt")]


def test_a_cases_treatment_is_its_heading_when_it_has_no_other(tmp_path: Path):
    text = ("Hovedutvalg for kultur sin behandling av sak 12/2025 i møte den 04.11.2025:\n\nBehandling\n\n"
            "Vedtak\nTilskuddet innvilges.\n")
    assert _numbered(tmp_path, text) == [("12-25", "Hovedutvalg for kultur sin behandling av sak 12/2025 i møte "
                                                   "den 04.11.2025")]


def test_a_saksliste_then_each_case_with_its_treatment(tmp_path: Path):
    text = HEADER + ("Saksliste\nPS 3/26 Referatsaker\nPS 4/26 Budsjett\nFO 1/26 Spørsmål om veilys\n\n\n"
                     "PS 3/26 Referatsaker\nBystyrets behandling av sak 3/2026 i møte den 12.03.2026:\n"
                     "Referatsakene tas til orientering.\n\n"
                     "PS 4/26 Budsjett for neste år med\nendringer fra formannskapet\n"
                     "Bystyrets behandling av sak 4/2026 i møte den 12.03.2026:\nBudsjettet vedtas.\n\n"
                     "FO 1/26 Spørsmål om veilys\nBystyrets behandling av sak 1/2026 i møte den 12.03.2026:\n"
                     "Ordføreren svarte.\n")
    assert _numbered(tmp_path, text) == [("03-26", "Referatsaker"),
                                         ("04-26", "Budsjett for neste år med endringer fra formannskapet"),
                                         ("01-26", "Spørsmål om veilys")]


def test_case_numbers_of_a_thousand_and_more(tmp_path: Path):
    text = HEADER + "".join(f"Sak {n}/24 Søknad nummer {n}\nVedtak: Søknad {n} innvilges.\n\n"
                            for n in range(998, 1003))
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    items = extract_meeting(read_document(path)).meeting.items
    assert [(i.number, [d.text for d in i.decisions]) for i in items] == [
        (f"{n}-24", [f"Søknad {n} innvilges."]) for n in range(998, 1003)]


def test_points_named_as_cases_win_over_a_long_numbered_list(tmp_path: Path):
    points = "".join(f"{n}. Tiltak nummer {n} i planen gjennomføres i år.\n" for n in range(1, 9))
    text = HEADER + f"Sak 1: Handlingsplan\nStyret vedtok planen med disse tiltakene.\n{points}\n" + \
        "Sak 2: Budsjett\nGodkjent.\n\nSak 3: Eventuelt\nIngen saker.\n"
    assert _numbered(tmp_path, text) == [("1", "Handlingsplan"), ("2", "Budsjett"), ("3", "Eventuelt")]


def test_plain_sak_numbers_and_punkt_make_a_sequence(tmp_path: Path):
    text = HEADER + ("Sak 1 Godkjenning av innkalling\nGodkjent.\n\nSak 2 Regnskap for 2023\nGodkjent.\n\n"
                     "Sak 3 ble behandlet før sak 2.\n\nPunkt 4 - Valg av styre\nKari Lund ble valgt.\n")
    assert _numbered(tmp_path, text) == [("1", "Godkjenning av innkalling"), ("2", "Regnskap for 2023"),
                                         ("4", "Valg av styre")]
    # one such line alone is prose
    assert _numbered(tmp_path, HEADER + "Sak 1 Godkjenning av innkalling\nGodkjent.\n") == []


def test_a_sentence_that_starts_with_a_case_number_does_not_decide_the_scheme(tmp_path: Path):
    text = HEADER + ("1. Godkjenning av innkalling\nGodkjent.\n\n2. Økonomi\n"
                     "Sak 12/23 ble nevnt, men er avsluttet.\n\n3. Eventuelt\nIngen saker.\n")
    assert _numbered(tmp_path, text, "m.md") == [("1", "Godkjenning av innkalling"), ("2", "Økonomi"),
                                                 ("3", "Eventuelt")]


def test_a_saksliste_with_a_decision_on_each_line_is_the_cases(tmp_path: Path):
    text = HEADER + "Saksliste:\nSak 7/24 Godkjenning av innkalling – godkjent.\n"
    assert _numbered(tmp_path, text) == [("07-24", "Godkjenning av innkalling – godkjent")]
    # the same line under a sentence that lists earlier cases is no case
    listed = HEADER + "Styret ble orientert om disse sakene:\nSak 7/24 Godkjenning av innkalling\n"
    assert _numbered(tmp_path, listed) == []


def test_one_numbered_point_under_saker_is_a_case(tmp_path: Path):
    text = HEADER + ("Saker:\n\n1.Innspill fra et medlem om parkering. Styret drøftet innspillet og svarer skriftlig "
                     "innen neste møte, etter at leder har snakket med kommunen.\n")
    assert _numbered(tmp_path, text) == [("1", "Innspill fra et medlem om parkering")]


def test_a_stray_line_of_another_series_is_no_case(tmp_path: Path):
    text = HEADER + ("PS 5/24 Budsjett\nBudsjettet vedtas.\n\nRS 2/24 ble lagt fram som referatsak.\n\n"
                     "PS 6/24 Eventuelt\nIngen saker.\n")
    assert _numbered(tmp_path, text) == [("05-24", "Budsjett"), ("06-24", "Eventuelt")]


def test_a_treatment_named_in_prose_is_no_heading(tmp_path: Path):
    text = HEADER + ("Sak 12/24 Budsjett\nVedtak: Budsjettet vedtas.\n\nSak 13/24 Eventuelt\n"
                     "Bystyrets behandling av sak 45/24 i forrige møte ble nevnt.\n")
    assert _numbered(tmp_path, text) == [("12-24", "Budsjett"), ("13-24", "Eventuelt")]
