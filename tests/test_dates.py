import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referat.extract.dates import find_date, find_time_range


@pytest.mark.parametrize("text, expected", [
    ("Dato: 11.12.2023", dt.date(2023, 12, 11)), ("Mandag 23.10.2023", dt.date(2023, 10, 23)),
    ("6. mai 2024", dt.date(2024, 5, 6)), ("2024-09-02", dt.date(2024, 9, 2)), ("23.03.26", dt.date(2026, 3, 23)),
    ("2. september 2024 kl 14", dt.date(2024, 9, 2)), ("31.02.2024", None), ("ingen dato", None),
    ("mandag 3.juni 2024", dt.date(2024, 6, 3)),
    # a meeting over two days met first on the first
    ("5.–6. juni 2024", dt.date(2024, 6, 5)), ("12. og 13. mars 2024", dt.date(2024, 3, 12)),
    ("5.-6.6.2024", dt.date(2024, 6, 5)),
    # spaces where a typist put them; a year of four digits after a space, never a time
    ("6. 12. 2018", dt.date(2018, 12, 6)), ("05.09 2013", dt.date(2013, 9, 5)), ("05.09 20:13", None),
    ("1. April 2016", dt.date(2016, 4, 1)), ("17.02.22", dt.date(2022, 2, 17)),
    # a month's name as OCR reads it
    ("12. rnars 2024", dt.date(2024, 3, 12)), ("3. apri1 2023", dt.date(2023, 4, 3)),
])
def test_find_date(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("14.00 – 16.00", ("14:00", "16:00")), ("14:00-16:00", ("14:00", "16:00")), ("kl. 9-11", ("09:00", "11:00")),
    ("kl. 09.00 - 11.30", ("09:00", "11:30")), ("12.00-14.00", ("12:00", "14:00")), ("14:00", ("14:00", None)),
    ("25.00-26.00", (None, None)),
    ("fra kl. 10.00 til kl. 12.30", ("10:00", "12:30")), ("13.00 – ca. 15.00", ("13:00", "15:00")),
    ("10–12", ("10:00", "12:00")), ("rom 3-4", (None, None)),
    ("Kl. 1000 - 1230", ("10:00", "12:30")), ("kl 0900–1130", ("09:00", "11:30")),
    ("planperiode 2023-2024", (None, None)), ("18.00.", ("18:00", None)),
])
def test_find_time_range(text, expected):
    assert find_time_range(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_exception_on_arbitrary_text(text):
    find_date(text)
    find_time_range(text)


@pytest.mark.parametrize("line, bullet", [
    ("3. mars 2024, kl. 16:15 på Biblioteket", False), ("1. April 2016", False), ("12. juni", False),
    ("3. Mars-prosjektet", True), ("2. Godkjenning av innkalling", True),
])
def test_a_day_and_its_month_is_no_list_number(line: str, bullet: bool):
    from referat.ingest.bullets import split_bullet

    assert split_bullet(line)[0] is bullet
