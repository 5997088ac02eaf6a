"""How each person and each party voted: for, against or abstaining on each vote of each case,
and the counts over the period.

A list for a rival proposal ('For forslag 2 stemte 10') counts against the proposal the vote is
named by; votes with no names (a unanimous decision) are listed but give nobody a position."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from referat.reports.pages import group, page_names, write_csv
from referat.reports.publication import PUBLIC, Policy, publish_votes
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
    # vote id -> side -> how many voted so (None: the minutes name the party's side, not its members)
    sides: dict[int, dict[str, int | None]] = field(default_factory=dict)

    def add(self, vote_id: int, side: str, n: int | None = 1) -> None:
        self.counts[side] += n or 0
        known = self.sides.setdefault(vote_id, {})
        known[side] = (known.get(side) or 0) + n if n else known.get(side)

    def row(self, *, person: bool) -> dict[str, Any]:
        """The counts, and ``positions``: vote id to 'for' (a person) or '3 for / 1 against' (a party)."""
        positions = {vid: " / ".join(side if person or n is None else f"{n} {side}" for side, n in sides.items())
                     for vid, sides in self.sides.items()}
        return {"name": self.name, "party": self.party, "body": self.body, **self.counts,
                "votes": sum(self.counts.values()), "positions": positions}


def _label(vote: dict[str, Any]) -> str:
    case = vote["number"] or "–"
    return f"{case} {vote['proposal'] or ''}".strip()


def tally_votes(votes: list[dict[str, Any]]) -> dict[str, Any]:
    """{'votes': one row per vote, 'people': per person and body, 'parties': per party and body}.

    Each person and party row has ``positions``: the vote's id to how they voted on it."""
    people: dict[tuple[int, str | None], Record] = {}
    parties: dict[tuple[str, str | None], Record] = {}

    def party(name: str | None, body: str | None) -> Record:
        key = (name or NO_PARTY, body)
        return parties.setdefault(key, Record(key[0], body, key[0]))

    rows = []
    for vote in votes:
        rows.append({"id": vote["id"], "date": vote["date"], "body": vote["body"], "number": vote["number"],
                     "title": vote["title"], "proposal": vote["proposal"], "outcome": vote["outcome"],
                     "for": vote["votes_for"], "against": vote["votes_against"], "abstain": vote["votes_abstain"],
                     "unanimous": vote["unanimous"], "casting_vote": vote["casting_vote"],
                     "named": len(vote["voters"]) + len(vote["parties"]), "label": _label(vote),
                     "source": vote["source"], "page": vote["page"], "line": vote["line"]})
        for voter in vote["voters"]:
            people.setdefault((voter["person_id"], vote["body"]),
                              Record(voter["name"], vote["body"], voter["party"])).add(vote["id"], voter["side"])
            party(voter["party"], vote["body"]).add(vote["id"], voter["side"])
        for said in vote["parties"]:  # 'mot 5 stemmer (FrP, H)': the party, not its members
            party(said["party"], vote["body"]).add(vote["id"], said["side"], said["count"])
    return {"votes": rows,
            "people": [r.row(person=True) for r in sorted(people.values(),
                                                          key=lambda r: (r.body or "", r.party or "", r.name))],
            "parties": [parties[k].row(person=False) for k in sorted(parties, key=lambda k: (k[1] or "", k[0]))]}


def write_votes(votes: list[dict[str, Any]], out: Path, *, title: str = "Voteringer", withheld: int = 0,
                policy: Policy = PUBLIC) -> Path:
    """votes.html, an index of the bodies with a link to each one's page under votes/ (its votes,
    and how its parties and members voted), and beside it votes.csv (one row per vote),
    vote-positions.csv (one row per voter and vote), votes-people.csv and votes-parties.csv
    (counts), every row. Votes in exempt cases are left out unless the policy is internal."""
    votes = publish_votes(votes, policy)
    stats = tally_votes(votes)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "votes.csv", stats["votes"], ["date", "body", "number", "title", "proposal", "outcome", "for",
                                                   "against", "abstain", "unanimous", "casting_vote", "named",
                                                   "source", "page", "line"])
    positions = [{"date": v["date"], "body": v["body"], "number": v["number"], "proposal": v["proposal"],
                  "outcome": v["outcome"], "name": p["name"], "party": p["party"], "side": p["side"],
                  "proposal_voted": p["proposal"]} for v in votes for p in v["voters"]]
    write_csv(out / "vote-positions.csv", positions, ["date", "body", "number", "proposal", "outcome", "name",
                                                        "party", "side", "proposal_voted"])
    counts = ["name", "party", "body", *SIDES, "votes"]
    write_csv(out / "votes-people.csv", stats["people"], counts)
    write_csv(out / "votes-parties.csv", stats["parties"], counts[:1] + counts[2:])
    # A page per body: its members vote on its cases, and an archive's votes are too many for one page.
    votes_of = group(stats["votes"], _body)
    names = page_names(votes_of, "votes")
    index = []
    for key, href in names.items():
        body = key[0]
        of_body = votes_of[key]
        named = [v for v in of_body if v["named"]]
        index.append({"body": body, "href": href, "votes": len(of_body), "named": len(named)})
        page = {"votes": of_body, "people": [r for r in stats["people"] if r["body"] == body],
                "parties": [r for r in stats["parties"] if r["body"] == body]}
        render("votes.html", out / href, title=f"{title} – {body or 'uten organ'}", stats=page,
               bodies={body or "": named} if named else {}, sides=SIDES, root="../", withheld=withheld,
               internal=policy.internal)
    return render("votes-index.html", out / "votes.html", title=title, pages=index, root="", withheld=withheld,
                  internal=policy.internal)


def _body(row: dict[str, Any]) -> tuple[str | None]:
    return (row["body"],)
