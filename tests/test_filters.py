"""Report options as the archivist types them: dates, ranges, body names."""

import datetime as dt

import pytest

from referat.errors import BadArgumentError, ExitCode
from referat.reports.filters import check_range, match_body, parse_date

BODIES = ["Partnermøtet", "Styret", "Styringsgruppen", "Årsmøtet"]


@pytest.mark.parametrize(("text", "day"), [
    ("2023-12-11", dt.date(2023, 12, 11)), ("11.12.2023", dt.date(2023, 12, 11)), ("1.2.2024", dt.date(2024, 2, 1)),
    (" 2024-02-29 ", dt.date(2024, 2, 29))])
def test_dates_iso_and_norwegian(text: str, day: dt.date):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2023-13-45", "29.02.2023", "yesterday", "11.12.23", "12/11/2023", ""])
def test_anything_else_is_refused_with_exit_2(text: str):
    with pytest.raises(BadArgumentError) as err:
        parse_date(text)
    assert err.value.exit_code == ExitCode.bad_args


def test_a_range_may_be_one_day_but_not_backwards():
    check_range(dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    check_range(None, dt.date(2024, 1, 1))
    with pytest.raises(BadArgumentError, match="swap the two dates"):
        check_range(dt.date(2024, 1, 2), dt.date(2024, 1, 1))


@pytest.mark.parametrize(("name", "body"), [
    ("Styret", "Styret"), ("styret", "Styret"), ("STYRINGSGRUPPEN", "Styringsgruppen"), ("Styri", "Styringsgruppen"),
    ("partnermotet", "Partnermøtet"), ("aarsm", "Årsmøtet")])
def test_a_body_by_any_case_spelling_or_unique_start(name: str, body: str):
    assert match_body(name, BODIES) == body


def test_a_start_that_is_also_a_whole_name_is_that_body():
    # 'Styret' starts 'Styret' only; 'Styre' starts both and is ambiguous
    assert match_body("styret", BODIES) == "Styret"
    with pytest.raises(BadArgumentError) as err:
        match_body("Styr", BODIES)
    assert str(err.value) == "'Styr' could be 'Styret' or 'Styringsgruppen'; write more of the name"


def test_an_unknown_body_lists_the_known_ones():
    with pytest.raises(BadArgumentError) as err:
        match_body("Styringsgrupen", BODIES)
    assert str(err.value) == ("no body is called 'Styringsgrupen'; did you mean 'Styringsgruppen'? The archive "
                              "knows 'Partnermøtet', 'Styret', 'Styringsgruppen' and 'Årsmøtet'")
    with pytest.raises(BadArgumentError, match="the archive has no meetings yet"):
        match_body("Styret", [])
