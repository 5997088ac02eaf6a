"""What is minutes and what is kept as another document."""

from pathlib import Path

import pytest

from referat.extract import extract_meeting
from referat.ingest import read_document

DATA = Path(__file__).parent / "data"


def test_a_notice_of_a_meeting_is_not_minutes():
    # cases with proposals, a date and a place, but nothing decided and nobody attending
    assert extract_meeting(read_document(DATA / "other" / "innkalling-eldreradet-2024-03-12.txt")).kind == "other"


@pytest.mark.parametrize("name", ["radet-for-eldre-2024-06-12.txt", "brukerradet-2024-03-12.txt"])
def test_minutes_that_approve_the_notice_are_minutes(name: str):
    assert extract_meeting(read_document(DATA / "minutes" / name)).kind == "minutes"


def test_untitled_minutes_that_start_with_the_notice_approved(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text("Innkalling og saksliste ble godkjent.\n\nDato: 12.03.2024\n\nSak 5/24 Budsjett\n"
                    "Vedtak: Budsjettet vedtas.\n", encoding="utf-8")
    assert extract_meeting(read_document(path)).kind == "minutes"


def _classify(tmp_path: Path, text: str) -> str:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_meeting(read_document(path)).kind


def test_a_case_paper_with_a_proposal_is_not_minutes(tmp_path: Path):
    text = ("Saksframlegg\n\nArkivsak: 2026/88-1\nMøtedato 14.02.2026\n\nKommunedirektørens forslag til vedtak:\n"
            "Formannskapet slutter seg til planen.\n\nSak 4/26 Ny plan\nVedtak: Planen vedtas.\n")
    assert _classify(tmp_path, text) == "other"


def test_a_meeting_title_without_the_word_minutes_is_minutes(tmp_path: Path):
    # no 'Referat' or 'Protokoll', no numbered case: a meeting named in the title, with a date
    text = ("Møte i Husstyret\n\n3. mars 2025 kl. 18:00\n\nTil stede: Kari Holm, Per Berg\n\n"
            "Styret godkjente budsjettet.\n")
    assert _classify(tmp_path, text) == "minutes"


def test_an_extract_of_one_cases_treatment_is_minutes(tmp_path: Path):
    text = ("Driftsutvalgets behandling av sak 12/2025 i møte den 04.03.2025\n\nBehandling\n"
            "Innstillingen ble enstemmig vedtatt.\n\nVedtak\nUtvalget tar saken til orientering.\n")
    assert _classify(tmp_path, text) == "minutes"


def test_an_annual_report_is_not_minutes(tmp_path: Path):
    text = "Årsmelding 2024\n\nStyret har hatt 6 møter i 2024, og behandlet 40 saker.\n\nDato: 12.02.2025\n"
    assert _classify(tmp_path, text) == "other"


def test_a_case_paper_under_another_heading_is_not_minutes(tmp_path: Path):
    # a board's case paper: numbered and dated like a case in minutes, but only proposed
    text = ("Styresak 45-2023 Budsjett 2024\n\nSaksbehandler: Kari Vik\nDato: 12.10.2023\n\n"
            "Forslag til vedtak:\nStyret vedtar budsjettet for 2024.\n\nBakgrunn\nAdministrasjonen la det fram.\n")
    assert _classify(tmp_path, text) == "other"


def test_an_extract_of_a_treatment_with_the_proposal_and_the_decision_is_minutes(tmp_path: Path):
    text = ("Hovedutvalg kultur og idretts behandling av sak 12/2024 i møte den 04.03.2024:\n\nBehandling\n\n"
            "Innstilling:\nUtvalget gir tilskudd til hallen.\n\nEnstemmig vedtatt.\n")
    assert _classify(tmp_path, text) == "minutes"


def test_a_list_of_cases_for_a_coming_meeting_is_a_notice(tmp_path: Path):
    text = ("Sakskart til møte i Eldrerådet 12.03.2024\n\nSak 1/24 Referatsaker\nSak 2/24 Budsjett\n"
            "Forslag til vedtak: Eldrerådet tar budsjettet til orientering.\n")
    assert _classify(tmp_path, text) == "other"


def test_a_meeting_named_in_a_hyphenated_compound_is_minutes(tmp_path: Path):
    text = "Hovedstyrets siste-møte-før-jul\n\nDato: 12.12.2016\n\nTilstede: Kari, Per\n\nBudsjettet ble godkjent.\n"
    assert _classify(tmp_path, text) == "minutes"


def test_a_nynorsk_case_paper_is_not_minutes(tmp_path: Path):
    # proposed by the administration in nynorsk, nothing decided
    text = ("Styresak 45/2023 Budsjett 2024\n\nSakshandsamar: Kari Vik\nDato: 12.10.2023\n\n"
            "Administrerande direktør si tilråding:\nStyret vedtek budsjettet for 2024.\n\nBakgrunn\n"
            "Administrasjonen la det fram.\n")
    assert _classify(tmp_path, text) == "other"


def test_a_nynorsk_extract_of_a_treatment_is_minutes(tmp_path: Path):
    text = ("Formannskapet si handsaming av sak 12/2024 i møte den 04.03.2024:\n\nHandsaming\n\n"
            "Tilråding:\nFormannskapet gjev tilskot til hallen.\n\nFormannskapet sitt vedtak:\n"
            "Formannskapet gjev tilskot til hallen.\n")
    assert _classify(tmp_path, text) == "minutes"
