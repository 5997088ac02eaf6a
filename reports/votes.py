"""How each person and each party voted: for, against or abstaining on each vote of each case,
and the counts over the period.

A list for a rival proposal ('For forslag 2 stemte 10') counts against the proposal the vote is
named by; votes with no names (a unanimous decision) are listed but give nobody a position."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from referat.reports.render import render

SIDES = ("for", "against", "abstain")
NO_PARTY = "(uten parti)"


@dataclass
class Record:
    """One person's or one party's votes in one body."""

    name: str
    body: str | None
    party: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIDES, 0))
    positions: dict[int, str] = field(default_factory=dict)  # vote id -> side, or 'for 3 / against 1' for a party

    def row(self) -> dict[str, Any]:
        return {"name": self.name, "party": self.party, "body": self.body, **self.counts,
                "votes": sum(self.counts.values())}


def _label(vote: dict[str, Any]) -> str:
    case = vote["number"] or "–"
    return f"{case} {vote['proposal'] or ''}".strip()


def tally_votes(votes: list[dict[str, Any]]) -> dict[str, Any]:
    """{'votes': one row per vote, 'people': per person and body, 'parties': per party and body}.

    Each person and party row has ``positions``: the vote's id to how they voted on it."""
    people: dict[tuple[int, str | None], Record] = {}
    parties: dict[tuple[str, str | None], Record] = {}
    split: dict[tuple[str, str | None], dict[int, dict[str, int]]] = {}
    rows = []
    for vote in votes:
        rows.append({"id": vote["id"], "date": vote["date"], "body": vote["body"], "number": vote["number"],
                     "title": vote["title"], "proposal": vote["proposal"], "outcome": vote["outcome"],
                     "for": vote["votes_for"], "against": vote["votes_against"], "abstain": vote["votes_abstain"],
                     "unanimous": vote["unanimous"], "casting_vote": vote["casting_vote"],
                     "named": len(vote["voters"]), "label": _label(vote), "source": vote["source"],
                     "page": vote["page"], "line": vote["line"]})
        for voter in vote["voters"]:
            person = people.setdefault((voter["person_id"], vote["body"]),
                                       Record(voter["name"], vote["body"], voter["party"]))
            person.counts[voter["side"]] += 1
            person.positions[vote["id"]] = voter["side"]
            key = (voter["party"] or NO_PARTY, vote["body"])
            party = parties.setdefault(key, Record(key[0], vote["body"], key[0]))
            party.counts[voter["side"]] += 1
            split.setdefault(key, {}).setdefault(vote["id"], dict.fromkeys(SIDES, 0))[voter["side"]] += 1
    for key, by_vote in split.items():
        parties[key].positions = {vid: " / ".join(f"{n} {side}" for side, n in sides.items() if n)
                                  for vid, sides in by_vote.items()}
    order = sorted(people.values(), key=lambda r: (r.body or "", r.party or "", r.name))
    return {"votes": rows,
            "people": [{**r.row(), "positions": r.positions} for r in order],
            "parties": [{**parties[k].row(), "positions": parties[k].positions}
                        for k in sorted(parties, key=lambda k: (k[1] or "", k[0]))]}


def _write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_votes(votes: list[dict[str, Any]], out: Path, *, title: str = "Voteringer", withheld: int = 0) -> Path:
    """votes.html, and beside it votes.csv (one row per vote), vote-positions.csv (one row per
    voter and vote), votes-people.csv and votes-parties.csv (counts)."""
    stats = tally_votes(votes)
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(out / "votes.csv", stats["votes"], ["date", "body", "number", "title", "proposal", "outcome", "for",
                                                   "against", "abstain", "unanimous", "casting_vote", "named",
                                                   "source", "page", "line"])
    positions = [{"date": v["date"], "body": v["body"], "number": v["number"], "proposal": v["proposal"],
                  "outcome": v["outcome"], "name": p["name"], "party": p["party"], "side": p["side"],
                  "proposal_voted": p["proposal"]} for v in votes for p in v["voters"]]
    _write_csv(out / "vote-positions.csv", positions, ["date", "body", "number", "proposal", "outcome", "name",
                                                        "party", "side", "proposal_voted"])
    counts = ["name", "party", "body", *SIDES, "votes"]
    _write_csv(out / "votes-people.csv", stats["people"], counts)
    _write_csv(out / "votes-parties.csv", stats["parties"], counts[:1] + counts[2:])
    named = [v for v in stats["votes"] if v["named"]]
    return render("votes.html", out / "votes.html", title=title, stats=stats, named=named, sides=SIDES, root="",
                  withheld=withheld)
