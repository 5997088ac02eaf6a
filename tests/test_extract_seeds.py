"""The seeds against the shared gold (copied to tests/data/gold), with the shared scorer."""

import json
import sys
from pathlib import Path

import pytest

from helpers import GOLD, SAMPLES, SEED_PDF, score
from referat.extract import extract_meeting
from referat.extract.marks import Category, Status
from referat.ingest import read_document


def test_text_seedsscore(seeded_db: Path, tmp_path: Path):
    from referat.store import connect, export_documents

    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_documents(connect(seeded_db, read_only=True))), encoding="utf-8")
    figures = score(GOLD / "text", export)
    assert figures["overall"] >= 0.95
    for headline in ("document kind", "meeting fields", "cases (number+title)", "exempt flags", "decisions",
                     "follow-ups", "references", "attendance (name+status)", "substitute links",
                     "attendance orgs"):
        assert figures[headline] >= 0.90, headline


def test_resolution_scores(seeded_db: Path, tmp_path: Path):
    from referat.store import connect, export_documents

    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_documents(connect(seeded_db, read_only=True))), encoding="utf-8")
    command = f"{sys.executable} -m referat.cli resolve --db {seeded_db} --json"
    figures = score(GOLD / "text", export, "--resolve", command)
    assert figures["name resolution"] >= 0.95


def test_pdf_seed_scores(tmp_path: Path):
    from referat.pipeline import find_files
    from referat.store import connect, export_documents
    from referat.store.ingest import ingest

    conn = connect(tmp_path / "pdf.duckdb")
    ingest(conn, find_files([SEED_PDF])[0])
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_documents(conn)), encoding="utf-8")
    assert score(GOLD / "pdf", export)["overall"] >= 0.90


def test_annual_report_and_plan_are_not_minutes():
    for name in ("002_ea662edd9b1a6dc1.txt", "004_5613a46bcd5cf02e.txt"):
        assert extract_meeting(read_document(SAMPLES / name)).kind == "other"


@pytest.fixture(scope="module")
def styringsgruppen():
    return extract_meeting(read_document(SAMPLES / "000_b0133e4c38a4f008.txt")).meeting


def test_prose_substitutes_are_linked(styringsgruppen):
    people = {a.name: a for a in styringsgruppen.attendance}
    assert people["Anita Lyssand"].substitute_for == "Elisabeth Jeppesen"
    assert people["Anita Lyssand"].category == Category.substitute
    assert people["Jesper Blinkenberg"].status == Status.remote
    assert people["Tonje Fyhn"].status == Status.substituted
    assert people["Marit Bakke"].category == Category.observer


def test_guests_for_one_case(styringsgruppen):
    guests = {a.name: a.items for a in styringsgruppen.attendance if a.category == Category.guest}
    assert guests == {"Anne Kverneland Bogsnes": ["37-23"], "Bjarte Hysing-Olsen": ["37-23"],
                      "Thorleif Øivind Madsen Nesse": ["37-23"], "Susan Savides": ["37-23"],
                      "Lill Susann Ynnesdal Haugen": ["41-23"]}


def test_guest_organisation_written_after_the_name():
    meeting = extract_meeting(read_document(SAMPLES / "001_9eefbcf0bd4b22fc.txt")).meeting
    guest = next(a for a in meeting.attendance if a.name == "Ingrid Miljeteig")
    assert (guest.category, guest.organisation) == (Category.guest, "BCEPS/IGS-UiB")


def test_two_people_in_one_row(styringsgruppen):
    people = {a.name: a for a in styringsgruppen.attendance}
    assert (people["Eli Sjø"].role, people["Jette Lunemann Hansen"].role) == ("leder", "nestleder")
    assert people["Jette Lunemann Hansen"].organisation == "Brukerpanelet"


def test_facts_point_to_their_line(styringsgruppen):
    item = next(i for i in styringsgruppen.items if i.number == "40-23")
    assert item.exempt and item.exempt_raw == "Unntatt offentlighet"
    source = (SAMPLES / "000_b0133e4c38a4f008.txt").read_text(encoding="utf-8")
    assert "Sak 40-23" in source.splitlines()[item.line - 1]
    decision = item.decisions[0]
    assert source.splitlines()[decision.line - 1].startswith("Styringsgruppen vedtar fordeling")
