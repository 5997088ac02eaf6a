import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referat.extract.marks import Column, Status, column_kind, read_mark, status_from_marks

M, F, E, D = Column.attended, Column.excused, Column.expected, Column.remote


@pytest.mark.parametrize("header, kind", [
    ("Møtt", M), ("Til stede", M), ("Forfall", F), ("Fravær", F), ("Innkalt", E), ("Digitalt", D), ("Navn", None),
    # nynorsk
    ("Til stades", M), ("Deltaking", M), ("Fråverande", F), ("Fråvær", F), ("Ikkje møtt", F), ("Namn", None),
])
def test_column_kind(header, kind):
    assert column_kind(header) == kind


@pytest.mark.parametrize("marks, status", [
    ([(M, "x")], Status.present), ([(M, "X")], Status.present), ([(M, "")], Status.absent),
    ([(M, "vara")], Status.substituted), ([(M, "Teams")], Status.remote), ([(M, "digitalt")], Status.remote),
    ([(M, "forfall")], Status.absent),
    # a blank under Forfall is present; a mark under Forfall is absent
    ([(E, "x"), (F, "")], Status.present), ([(E, "x"), (F, "x")], Status.absent),
    ([(E, "x"), (F, "forfall")], Status.absent), ([(E, "x"), (F, "vara")], Status.substituted),
    ([(E, "x"), (F, "teams")], Status.remote),
    # not summoned and no mark: the minutes do not say
    ([(E, ""), (F, "")], Status.unknown), ([(E, ""), (M, "")], Status.unknown),
    ([(E, ""), (M, "vara")], Status.substituted),
    ([(E, "x"), (M, "x")], Status.present), ([(E, "x"), (M, "")], Status.absent),
])
def test_status_depends_on_the_column(marks, status):
    assert status_from_marks(marks)[0] == status


def test_named_substitute_in_a_mark():
    assert read_mark("vara: Ola Nordmann") == ("substitute", "Ola Nordmann")
    assert status_from_marks([(M, "vara: Ola Nordmann")]) == (Status.substituted, "Ola Nordmann")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Column)), st.text(max_size=20)), max_size=4))
def test_no_exception_on_arbitrary_marks(marks):
    status, _ = status_from_marks(marks)
    assert status in set(Status)
