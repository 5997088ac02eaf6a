"""The legal basis of an exempt case, as minutes cite it."""

import pytest

from referat.extract.exempt import exemption, flag_line, legal_basis


@pytest.mark.parametrize(("raw", "text", "basis"), [
    ("Unntatt offentlighet jf. offl. § 13 jf. fvl. § 13", "", "offl. § 13 jf. fvl. § 13"),
    ("unntatt offentlighet, offl. §§ 23 og 18", "", "offl. §§ 23 og 18"),
    ("Unntatt offentlighet", "Saksnotat utsendt. Saken er unntatt etter offl. § 14.", "offl. § 14"),
    ("U.off. § 13", "", "offl. § 13"),
    ("Unntatt offentlighet, jf. offl. § 23 første ledd", "", "offl. § 23 første ledd"),
    ("UNNTATT OFFENTLIGHET, OFFL. § 13", "", "offl. § 13"),
    ("Unntatt offentlighet § 13", "", "offl. § 13"),
    ("Unntatt offentlegheit jf. offentleglova § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1", "",
     "offl. § 13 første ledd jf. fvl. § 13 første ledd nr. 1"),
    ("Unntatt offentlighet", "Styret drøftet saken.", None),
    # nynorsk flags, the legal basis joined to them by 'etter' as by 'jf.'
    ("Unnateke offentlegheit, jf. offl. § 25", "", "offl. § 25"),
    ("unnateken offentlegheit etter offentleglova § 13", "", "offl. § 13"),
    ("Unnateke frå offentlegheit § 13", "", "offl. § 13"),
    ("Unnt. off. § 13", "", "offl. § 13"),
])
def test_legal_basis(raw: str, text: str, basis: str | None) -> None:
    assert legal_basis(raw, text=text) == basis


def test_the_heading_says_more_than_the_flag() -> None:
    heading = "Sak 2/25 Varsel om innkjøp - Unntatt offentlighet jf. offl. § 13 jf. fvl. § 13"
    assert legal_basis("Unntatt offentlighet jf. offl. § 13", heading) == "offl. § 13 jf. fvl. § 13"


@pytest.mark.parametrize(("text", "exempt"), [
    ("Saken er unntatt etter offl. § 14, da den gjelder et organinternt notat.", True),
    ("Saka er unnateken offentlegheit.", True), ("Saka er unnateke offentlegheit etter offl. § 13.", True),
    ("Klage på avslag på innsyn etter offl. § 13. Utvalget tok klagen til følge.", False),
    ("Dokumentet ble unntatt offentlighet i 2023; saken er likevel offentlig.", False),
])
def test_a_case_that_says_it_is_exempt(text: str, exempt: bool) -> None:
    assert exemption(False, None, "Sak 4/25 Klage", text)[0] is exempt


def test_read_where_cases_are_built() -> None:
    from helpers import EXEMPT, MINUTES
    from referat.extract import extract_meeting
    from referat.ingest import read_document

    meeting = extract_meeting(read_document(MINUTES / "kommunestyre-2024-03-14.txt")).meeting
    assert meeting is not None
    assert [(i.number, i.legal_basis) for i in meeting.items if i.exempt] == [("07-24", "offl. § 25")]
    assert all(i.legal_basis is None for i in meeting.items if not i.exempt)
    meeting = extract_meeting(read_document(EXEMPT / "kontrollutvalget-2025-01-20.txt")).meeting
    assert meeting is not None
    assert [(i.number, i.legal_basis) for i in meeting.items if i.exempt] == [
        ("02-25", "offl. § 13 jf. fvl. § 13"), ("04-25", "offl. § 14")]


@pytest.mark.parametrize(("title", "left", "flag"), [
    ("Tilsetjing av klinikkdirektør – unnateken offentlegheit, offl. § 25", "Tilsetjing av klinikkdirektør –",
     "unnateken offentlegheit, offl. § 25"),
    ("Søknad om midlar (unnateke offentlegheit etter offentleglova § 13)", "Søknad om midlar ",
     "(unnateke offentlegheit etter offentleglova § 13)"),
    ("Personalsak (unntatt offentlighet etter offl. § 13)", "Personalsak ", "(unntatt offentlighet etter offl. § 13)"),
])
def test_the_whole_flag_leaves_the_title(title: str, left: str, flag: str) -> None:
    """A flag in nynorsk, or joined to its legal basis by 'etter', is taken from the title whole."""
    from referat.extract.cases import _without_flag

    assert _without_flag(title) == (left, flag)


@pytest.mark.parametrize(("name", "number", "basis"), [
    ("kommunestyret-nynorsk-2024-06-20.txt", "23-24", "offl. § 25"),
    ("styret-helse-nynorsk-2024-05-29.txt", "32-24", "offl. § 25"),
    ("ungdomsradet-nynorsk-2024-04-10.md", "07-24", "offl. § 13"),
])
def test_nynorsk_flags_in_the_fixtures(name: str, number: str, basis: str) -> None:
    from helpers import MINUTES
    from referat.extract import extract_meeting
    from referat.ingest import read_document

    meeting = extract_meeting(read_document(MINUTES / name)).meeting
    assert meeting is not None
    assert [(i.number, i.legal_basis) for i in meeting.items if i.exempt] == [(number, basis)]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Unntatt offentlighet, jf. offl. § 25 første ledd", True),
    # the kind of case first, as a health trust's or a foundation's minutes write it under the heading
    ("Beslutningssak. Unntatt offentlighet, jf. offl. § 13", True), ("Orienteringssak – U.off.", True),
    ("Beslutningssak", False), ("Orienteringssak om offentlighet i styrets arbeid", False),
])
def test_a_flag_alone_on_its_line(text: str, flagged: bool) -> None:
    assert (flag_line(text) is not None) is flagged
