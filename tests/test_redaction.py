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
