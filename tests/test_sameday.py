"""The loader's twin check in memory (store/sameday.py) answers as the database queries it replaced did."""

from __future__ import annotations

from referat.store.sameday import SameDay


def test_a_twin_has_the_same_body_and_day_and_half_the_cases_of_both() -> None:
    days = SameDay()
    days.add((1, "2024-09-02"), 10, {"1/24", "2/24", "3/24", "4/24"})
    assert days.twin((1, "2024-09-02"), {"1/24", "2/24", "3/24", "4/24"}) == 10
    assert days.twin((1, "2024-09-02"), {"3/24", "4/24", "5/24", "6/24"}) is None  # 2 of 6: a third
    assert days.twin((1, "2024-09-02"), {"2/24", "3/24", "4/24", "5/24"}) == 10  # 3 of 5
    assert days.twin((2, "2024-09-02"), {"1/24", "2/24", "3/24", "4/24"}) is None  # another body
    assert days.twin((1, "2024-09-03"), {"1/24", "2/24", "3/24", "4/24"}) is None  # another day
    assert days.twin((None, "2024-09-02"), {"1/24"}) is None and days.twin((1, None), {"1/24"}) is None


def test_the_first_loaded_of_several_wins_and_a_removed_one_is_forgotten() -> None:
    days = SameDay()
    days.add((1, "2024-09-02"), 10, {"1/24", "2/24"})
    days.add((1, "2024-09-02"), 11, {"1/24", "2/24", "3/24"})
    days.add((1, "2024-09-02"), 12, set())
    assert days.twin((1, "2024-09-02"), {"2/24", "3/24"}) == 11  # 1 of 3 with 10 is not half; 2 of 3 with 11 is
    assert days.twin((1, "2024-09-02"), {"1/24", "2/24", "3/24"}) == 10
    assert days.twin((1, "2024-09-02"), set()) == 12  # minutes without cases: the same only as another without
    days.remove((1, "2024-09-02"), 10)
    assert days.twin((1, "2024-09-02"), {"1/24", "2/24", "3/24"}) == 11
    days.remove((5, "2024-09-02"), 99)  # nothing there: no harm
    assert days.twin((5, "2024-09-02"), set()) is None
