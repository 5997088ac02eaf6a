"""Redaction places a source's cases by the extractor's own steps for placing and flagging them,
without reading their decisions, votes and people: it must find every case where extract_meeting
finds it, and call the same ones exempt."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import chained_minutes, write_text
from helpers import EXEMPT, MINUTES, SAMPLES
from referat.extract import extract_meeting
from referat.ingest import read_document
from referat.reports.redaction import Heading, case_headings

OTHER = Path(__file__).parent / "data" / "other"
SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".odt", ".html", ".htm"}
FILES = sorted(p for folder in (MINUTES, EXEMPT, OTHER, SAMPLES) for p in folder.iterdir() if p.suffix in SUFFIXES)


def _headings(path: Path) -> list[Heading]:
    meeting = extract_meeting(read_document(path)).meeting
    return [Heading(i.number, i.title, i.exempt, i.legal_basis, i.page, i.line, i.page_end, i.line_end)
            for i in (meeting.items if meeting else [])]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_cases_are_placed_as_extract_meeting_places_them(path: Path):
    assert case_headings(read_document(path)) == _headings(path)


def test_exempt_fixtures_have_exempt_cases_and_others_are_not_minutes():
    assert len(FILES) > 40
    assert all(any(h.exempt for h in case_headings(read_document(p))) for p in EXEMPT.iterdir())
    assert any(not case_headings(read_document(p)) for p in OTHER.iterdir())  # a report, not minutes: no cases


def test_generated_chained_minutes_with_exempt_cases(tmp_path: Path):
    files = [write_text(m, tmp_path / f"m{k}.txt") for k, m in enumerate(chained_minutes(12, seed=3))]
    found = [case_headings(read_document(p)) for p in files]
    assert any(h.exempt for headings in found for h in headings)
    assert found == [_headings(p) for p in files]


def test_a_redacted_pdf_has_the_same_bytes_whenever_it_is_made():
    import time

    from referat.reports.publication import withheld_line
    from referat.reports.redaction import exempt_regions, pdf_text, redact_pdf

    path = EXEMPT / "teknisk-utvalg-2025-02-11.pdf"
    doc = read_document(path)
    number = next(h.number for h in case_headings(doc) if h.exempt)
    made = []
    for _ in range(2):
        regions = exempt_regions(doc, {number: withheld_line(number, None)})
        assert regions
        made.append(redact_pdf(path.read_bytes(), doc, regions))
        time.sleep(1.1)  # pdfium dates the file it saves to the second, and derives its ID from the clock
    assert made[0] is not None and made[0] == made[1]
    assert "Fjellmaskin" not in pdf_text(made[0]) and "Sak 10/25 Vedlikeholdsplan" in pdf_text(made[0])


def _boilerplate_pdf(path: Path) -> Path:
    """Minutes whose exempt case says what its public cases say, word for word, besides a line of its own."""
    from benchmarks.corpus import Case, Minutes, write_pdf

    said = "Saken ble drøftet, og styret ba sekretariatet følge den opp til neste møte."
    cases = [Case("4/24", "Budsjett for samarbeidet", [said]),
             Case("5/24", "Ansettelse av ny daglig leder",
                  [said, "Kandidaten Kari Nordmann ble innstilt som nummer én."], exempt=True),
             Case("6/24", "Handlingsplan for fagrådet", [said])]
    return write_pdf(Minutes("Styringsgruppen", "12.03.2024", "10.00", "12.00", "Rådhuset", [], cases), path)


def test_an_exempt_case_that_repeats_a_public_cases_words_is_redacted_and_its_own_words_are_gone(tmp_path: Path):
    from referat.reports.publication import withheld_line
    from referat.reports.redaction import _squeeze, exempt_regions, pdf_text, redact_pdf

    path = _boilerplate_pdf(tmp_path / "styringsgruppen.pdf")
    doc = read_document(path)
    regions = exempt_regions(doc, {"05-24": withheld_line("05-24", None)})
    redacted = redact_pdf(path.read_bytes(), doc, regions or [])
    assert redacted is not None
    before, after = _squeeze(pdf_text(path.read_bytes())), _squeeze(pdf_text(redacted))
    assert "ansettelse" in before and "karinordmann" in before
    assert "ansettelse" not in after and "karinordmann" not in after and "sak05-24–unntattoffentlighet" in after
    said = _squeeze("Saken ble drøftet, og styret ba sekretariatet følge den opp til neste møte.")
    assert (before.count(said), after.count(said)) == (3, 2)  # the public cases keep theirs


def test_a_redaction_that_removes_nothing_is_caught_and_the_copy_withheld(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch):
    from referat.reports import redaction
    from referat.reports.publication import withheld_line

    path = _boilerplate_pdf(tmp_path / "styringsgruppen.pdf")
    doc = read_document(path)
    regions = redaction.exempt_regions(doc, {"05-24": withheld_line("05-24", None)})
    assert regions and redaction.redact_pdf(path.read_bytes(), doc, regions) is not None
    monkeypatch.setattr(redaction, "_remove_and_cover", lambda *args: None)  # covers nothing, removes nothing
    assert redaction.redact_pdf(path.read_bytes(), doc, regions) is None


def test_a_line_is_still_readable_when_it_is_found_more_often_than_before_less_the_times_it_was_removed():
    from referat.reports.redaction import still_readable

    line = "Styret ba sekretariatet følge saken opp."
    assert not still_readable(_pdf_of([line, line]), [line], before=f"{line}\n{line}\n{line}")
    assert still_readable(_pdf_of([line, line, line]), [line], before=f"{line}\n{line}\n{line}")
    assert still_readable(_pdf_of([line]), [line], before=line)
    assert not still_readable(_pdf_of(["Annet"]), [line, "kort linje"], before="Annet")  # short lines are not asked


def _pdf_of(lines: list[str]) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for k, line in enumerate(lines):
        page.drawString(72, 760 - 16 * k, line)
    page.save()
    return out.getvalue()
