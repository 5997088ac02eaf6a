from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referat.extract.casenumber import (
    MENTION,
    find_mentions,
    heading_number,
    match_heading,
    normalize_number,
    numbers_in,
)


@pytest.mark.parametrize("raw, expected", [
    ("36-23", "36-23"), ("6/23", "06-23"), ("2023/6", "06-23"), ("5/24", "05-24"), ("06/2024", "06-24"),
    ("10 / 25", "10-25"), ("04-26", "04-26"), ("0/23", None), ("12/3456", None), ("abc", None),
    ("l/24", "01-24"), ("1O/24", "10-24"), ("I/O", None),
    # case numbers of three and four digits; an archive number is none
    ("143/17", "143-17"), ("998/24", "998-24"), ("1002/24", "1002-24"), ("1900/24", "1900-24"),
    ("2018/3556", None), ("2026/1477", None), ("20.2009", "20-09"),
])
def test_normalize_number(raw, expected):
    assert normalize_number(raw) == expected


def test_numbers_in_a_list():
    assert numbers_in("tidligere saker 06-23, 15-23 og 30-23.") == ["06-23", "15-23", "30-23"]


def test_dates_are_not_case_numbers():
    assert numbers_in("møtet 11.12.2023 kl. 14.00-16.00") == []


@pytest.mark.parametrize("text, number", [
    ("Sak 36-23 Godkjenning av innkalling", "36-23"), ("sak 6/23: Budsjett", "6/23"),
    ("Sak 2023/6 – Strategi", "2023/6"),
    ("PS 5/24 Budsjett", "5/24"), ("O-sak 4/24 Orientering", "4/24"), ("DS 2/24 Delegert vedtak", "2/24"),
    ("Sak l/24 Godkjenning", "l/24"),
    ("Sak nr. 12/24 Eventuelt", "12/24"),
    ("Styresak 12/2024 Godkjenning av innkalling", "12/2024"), ("Orienteringssak 3/24: Status", "3/24"),
])
def test_heading(text, number):
    m = match_heading(text, emphasised=False)
    assert m is not None and m.group("num") == number


def test_bare_number_heading_needs_emphasis():
    assert match_heading("12/24 Budsjett", emphasised=False) is None
    assert match_heading("12/24 Budsjett", emphasised=True) is not None


@pytest.mark.parametrize("text, emphasised, number", [
    ("Sak 3: Budsjett", False, "3"), ("Sak 03 – Budsjett", False, "3"), ("Sak nr. 4. Eventuelt", False, "4"),
    ("Sak 3 Budsjett", True, "3"), ("Sak 5/24: Budsjett", False, "05-24"),
    # prose that starts with a case: no heading
    ("Sak 3 ble utsatt til neste møte.", False, None), ("Sak 3 Budsjett", False, None),
    ("Sak 0: Innledning", False, None),
])
def test_cases_numbered_within_the_meeting(text: str, emphasised: bool, number: str | None):
    m = match_heading(text, emphasised=emphasised)
    assert (heading_number(m) if m else None) == number


def test_saker_is_a_reference_not_a_heading():
    assert match_heading("Saker 06-23 og 07-23 ble behandlet samlet", emphasised=False) is None
    assert match_heading("Styresakene 06-23 og 07-23 ble behandlet samlet", emphasised=False) is None


def test_compound_case_words_in_references():
    from referat.extract.casenumber import MENTION

    found = [m.group("list") for m in MENTION.finditer("jf. sak 45/23 i Formannskapet og jfr. styresak 9/2024")]
    assert found == ["45/23", "9/2024"]
    assert MENTION.search("Saksliste 2024 og årsmelding") is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_exception_on_arbitrary_text(text):
    normalize_number(text)
    numbers_in(text)
    match_heading(text, emphasised=True)


@pytest.mark.parametrize("text, number", [
    ("Sak 1002/24 Søknad om tilskudd", "1002-24"), ("Sak nr. 20.2009 Budsjett", "20-09"),
    ("FO 2/26 Interpellasjon om veilys", "02-26"), ("RS 4/26 Protokoll fra kontrollutvalget", "04-26"),
    # a date after a number within the meeting is no year
    ("Sak 1 – 23.01.19 – Budsjett", "1"),
    # archive numbers are no cases
    ("Arkivsak 2026/1477-1 Budsjett", None), ("Saksnr. 2018/3556 Budsjett", None),
])
def test_heading_numbers_of_every_kind(text: str, number: str | None):
    m = match_heading(text, emphasised=False)
    assert (heading_number(m) if m else None) == number


@pytest.mark.parametrize("text, number", [
    ("1. Dugnad", "1"), ("216 Godkjenning av innkalling", "216"), ("111 - Statusrunde", "111"),
    ("2) Budsjett", "2"),
    ("4.1 Søknad fra korpset", None), ("23.04.2019 Styremøte", None), ("1 000 kr til korpset", None),
    ("3 stemte for", None),
])
def test_points_numbered_within_the_meeting(text: str, number: str | None):
    from referat.extract.casenumber import POINT

    m = POINT.match(text)
    assert (m.group("num") if m else None) == number


def test_roman_numerals_series_and_treatments():
    from referat.extract.casenumber import ROMAN, SERIES, TREATMENT, roman_value

    assert [roman_value(r) for r in ("I", "IV", "IX", "XII", "XL")] == [1, 4, 9, 12, 40]
    assert ROMAN.match("II. Regnskap") and ROMAN.match("IV – Valg")
    assert not ROMAN.match("I dag ble det vedtatt") and not ROMAN.match("Vedtak")
    m = SERIES.match("V-SAK 12: Budsjett")
    assert m and (m.group("series"), m.group("num")) == ("V", "12")
    assert SERIES.match("V-sak 45/24 Budsjett") is None  # a number with a year, read as such
    m = TREATMENT.match("Formannskapets behandling av sak 15/2025 i møte den 09.12.2025:")
    assert m and m.group("num") == "15/2025"


_PIECES = ["sak", "Sak", "saker", "sakene", "Styresak", "O-sak", "saksnr.", "sak nr.", "nr.", "PS", "rs", "fo", "for",
           "jf.", "og", "eller", ",", " ", "  ", "\n", "5/23", "12-24", "2023/6", "06 / 2024", "3", "15.06.2023", "ble",
           "Orienteringssaker", "x" * 30]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("list")) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_mentions_found_near_numbers_are_all_mentions(text: str):
    assert _spans(find_mentions(text)) == _spans(MENTION.finditer(text))


def test_mentions_in_the_fixtures_are_all_mentions():
    texts = [p.read_bytes().decode("utf-8", "replace")
             for p in sorted((Path(__file__).parent / "data" / "minutes").glob("*.*")) if p.suffix in (".txt", ".md")]
    found = [_spans(find_mentions(t)) for t in texts]
    assert sum(map(len, found)) > 20
    assert found == [_spans(MENTION.finditer(t)) for t in texts]


@pytest.mark.parametrize("text", ["Saksnr. 2023/981", "Sak nr.: 2024/77", "Arkivsak: 2024/512-3", "Saksnr 2020/2649"])
def test_an_archive_number_alone_under_a_heading_heads_no_case(text: str):
    # a university board's 'V-SAK 2 Budsjett' with its file in the archive on the line below
    assert match_heading(text, emphasised=False) is None


def test_a_case_number_written_year_first_still_heads_its_case():
    assert heading_number(match_heading("Sak 2024/12 Budsjett", emphasised=False)) == "12-24"
    assert heading_number(match_heading("Saksnr. 12/24 Budsjett", emphasised=False)) == "12-24"


@pytest.mark.parametrize("text, title", [
    ("Styresak 045/24 B Godkjenning av innkalling", "Godkjenning av innkalling"),
    ("Styresak 047/24 O Orientering om ventetider", "Orientering om ventetider"),
    # a title that starts with one of the letters is kept whole
    ("Sak 12/24 Budsjett 2025", "Budsjett 2025"), ("Sak 12/24 Om Budsjett", "Om Budsjett"),
])
def test_a_health_trusts_kind_letter_after_the_number_is_no_part_of_the_title(text: str, title: str):
    m = match_heading(text, emphasised=False)
    assert heading_number(m) is not None and text[m.end():] == title


@pytest.mark.parametrize("text, number", [
    ("RS-sak 14/24 Godkjenning av innkalling", "14-24"), ("AU-sak 3/2024 Budsjett", "03-24"),
    ("KU-sak 12/24 Årsrapport", "12-24"), ("V-sak 45/24 Budsjett", "45-24"),
])
def test_letters_before_sak_name_the_body_or_the_kind(text: str, number: str):
    assert heading_number(match_heading(text, emphasised=False)) == number


@pytest.mark.parametrize(("text", "number"), [
    ("KU 05/23 Godkjenning av innkalling", "05-23"),  # a control committee's own letters
    ("KS 12/2023 Budsjett", "12-23"),
    ("TID 10–12 i møterommet", None),  # a time, in a heading of capitals
    ("Kari 5/23 kom for sent", None),  # a name is no body's letters
    ("ku 05/23 Godkjenning", None),  # only in capitals
])
def test_a_bodys_own_letters_head_a_case(text: str, number: str | None):
    m = match_heading(text, emphasised=False)
    assert (heading_number(m) if m else None) == number
