"""Attendance statistics per person and per organisation, for each body and year.

The rate counts remote as attended and substituted apart; observers, secretariat and
guests are listed apart so they do not dilute member rates. The report's figures are the
archive's views (`attendance_rates`, `attendance_organisation_rates`, `attendance_others`), so an
analyst gets the same numbers in SQL; ``tally`` computes them from rows where there is no
archive to ask."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from referat.reports.labels import label, word
from referat.reports.pages import group, page_names, write_csv
from referat.reports.publication import PUBLIC, Policy, publish_attendance
from referat.reports.render import render

STATUSES = ("present", "remote", "substituted", "absent", "unknown")


@dataclass
class Tally:
    key: tuple[str, str, int]  # (person or organisation, body, year)
    organisation: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    substitutes: set[str] = field(default_factory=set)

    @property
    def expected(self) -> int:
        return sum(self.counts.values())

    @property
    def attended(self) -> int:
        return self.counts["present"] + self.counts["remote"]

    @property
    def rate(self) -> float | None:
        known = self.expected - self.counts["unknown"]
        return self.attended / known if known else None

    def row(self) -> dict[str, Any]:
        name, body, year = self.key
        rate = self.rate
        return {"name": name, "organisation": self.organisation, "body": body, "year": year,
                "expected": self.expected, **self.counts,
                "substituted_by": ", ".join(sorted(self.substitutes)),
                "rate": None if rate is None else round(rate, 3)}


def tally(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """{'people': member rows, 'organisations': member rows by organisation, 'others': the rest}."""
    people: dict[tuple[str, str, int], Tally] = {}
    orgs: dict[tuple[str, str, int], Tally] = {}
    others: dict[tuple[str, str, int], dict[str, Any]] = defaultdict(dict)
    for r in rows:
        key = (r["name"], r["body"], r["year"])
        if r["category"] != "member":
            entry = others[(*key[:2], key[2])]
            entry.update(name=r["name"], body=r["body"], year=r["year"], category=r["category"],
                         organisation=r["organisation"], meetings=entry.get("meetings", 0) + 1)
            continue
        person = people.setdefault(key, Tally(key, r["organisation"]))
        person.counts[r["status"]] += 1
        person.substitutes.update(r["substitutes"] or [])
        org_key = (r["organisation"] or "(uten organisasjon)", r["body"], r["year"])
        org = orgs.setdefault(org_key, Tally(org_key, r["organisation"]))
        org.counts[r["status"]] += 1
        org.substitutes.update(r["substitutes"] or [])
    # keys are (name, body, year): sorted by name, then body and year
    return {"people": [people[k].row() for k in sorted(people)],
            "organisations": [orgs[k].row() for k in sorted(orgs)],
            "others": [others[k] for k in sorted(others)]}


CSV_COLUMNS = ("name", "organisation", "body", "year", "expected", *STATUSES, "substituted_by", "rate")


def _stats(rows: list[dict[str, Any]], policy: Policy,
           rates: dict[str, list[dict[str, Any]]] | None) -> dict[str, list[dict[str, Any]]]:
    return rates if rates is not None else tally(publish_attendance(rows, policy))


def _write_csv(stats: dict[str, list[dict[str, Any]]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, key in (("attendance.csv", "people"), ("attendance-organisations.csv", "organisations")):
        write_csv(out / name, stats[key], CSV_COLUMNS)


# A member's row on a page of the report, in the order the template unpacks it.
_member = itemgetter("name", "organisation", "expected", *STATUSES, "substituted_by", "rate")


def _body_year(row: dict[str, Any]) -> tuple[str | None, int | None]:
    return (row["body"], row["year"])


def _totals(people: list[dict[str, Any]]) -> dict[str, Any]:
    """A body's year in figures: its members, their meetings by status, and the rate over all of them."""
    sums = {s: sum(r[s] for r in people) for s in STATUSES}
    expected = sum(sums.values())
    known = expected - sums["unknown"]
    return {"members": len(people), "expected": expected, **sums,
            "rate": (sums["present"] + sums["remote"]) / known if known else None}


def write_attendance_pages(rows: list[dict[str, Any]], out: Path, *, title: str = "Oppmøte",
                           policy: Policy = PUBLIC, rates: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    """The report as `referat report attendance` writes it: attendance.html, an index with each
    body's year in figures and a link to its page under attendance/ (its members' bars, the
    members, organisations and others), and attendance.csv / attendance-organisations.csv, every row."""
    stats = _stats(rows, policy, rates)
    _write_csv(stats, out)
    parts = {key: group(stats[key], _body_year) for key in ("people", "organisations", "others")}
    keys = set(parts["people"]) | set(parts["organisations"]) | set(parts["others"])
    names = page_names(keys, "attendance")
    labels = {s: label(s, "status") for s in STATUSES}
    one, many = word(1, "møte"), word(2, "møte")
    index = []
    for key, href in names.items():
        body, year = key
        people = parts["people"].get(key, [])
        index.append({"body": body, "year": year, "href": href, **_totals(people)})
        render("attendance-page.html", out / href, title=f"{title} – {body or 'uten organ'} {year or ''}".strip(),
               people=list(map(_member, people)), organisations=parts["organisations"].get(key, []),
               others=parts["others"].get(key, []),
               top=max((r["expected"] for r in people), default=0) or 1, statuses=STATUSES, status_labels=labels,
               one=one, many=many, root="../", internal=policy.internal)
    return render("attendance-index.html", out / "attendance.html", title=title, pages=index, statuses=STATUSES,
                  root="", internal=policy.internal)
