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
