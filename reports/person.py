"""What a person's page shows beside their meetings: their attendance rate, their cases and their
votes, from queries.person_activity, as the publication policy lets them through."""

from __future__ import annotations

from typing import Any

from referat.reports.publication import Policy, publish_votes


def activity_by_person(activity: dict[str, list[dict[str, Any]]], policy: Policy
                       ) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """{'rates' | 'votes' | 'cases': {person id: rows}}. A vote or case of an exempt case tells what
    the case was about, so it is withheld with the case."""
    out: dict[str, dict[int, list[dict[str, Any]]]] = {"rates": {}, "votes": {}, "cases": {}}
    for key, by_person in out.items():
        for row in publish_votes(activity.get(key, []), policy):
            by_person.setdefault(row["person_id"], []).append(row)
    return out


def overall_rate(rates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The rate of attendance_rates over all of a person's bodies and years: attended (present or
    remote) over the meetings whose status is known. None when no status is known."""
    attended = sum(r["attended"] for r in rates)
    known = sum(r["expected"] - r["unknown"] for r in rates)
    return {"attended": attended, "known": known, "rate": round(attended / known, 3)} if known else None
