"""Votes: which proposal was voted on, who voted for and against it, and the outcome; and who
was disqualified from a case; checked against the stated counts and the attendance list.

A case's paragraphs are read in order. Named tallies ('For forslaget stemte 4: Kari Nordmann (H),
...', 'Imot forslaget stemte 3: ...') gather into one vote until an outcome closes it ('Dermed ble
forslaget vedtatt', 'Vedtatt mot to stemmer', 'Enstemmig vedtatt'); an outcome alone is a vote too.
Any other paragraph ends the vote being gathered. What one paragraph says is read in
tallies.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from referat.extract.blocks import Block
from referat.extract.marks import Category, Status
from referat.extract.model import Attendee, Problem, Recusal, Vote, Voter
from referat.extract.names import same_person
from referat.extract.participants import sentences
from referat.extract.tallies import NAMED, TALLY, Outcome, Tally, read_outcome, read_parties, read_recusal, read_tallies
from referat.extract.votewords import GENERIC, MENTIONS, speaks_of_votes
from referat.folding import fold


@dataclass
class Voting:
    """What one case (or the text outside cases) says about votes."""

    votes: list[Vote] = field(default_factory=list)
    recusals: list[Recusal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _where(case: str | None) -> str:
    return f"case {case}" if case else "the text outside the cases"


def _same_proposal(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a in GENERIC or b in GENERIC or fold(a) == fold(b)


class _Gatherer:
    """Tallies and outcomes, in the order the minutes give them, made into votes."""

    def __init__(self) -> None:
        self.votes: list[Vote] = []
        self.tallies: dict[int, list[Tally]] = {}  # index of the vote -> its tallies
        self.open: int | None = None  # the vote still taking tallies or an outcome
        self.closed_by_outcome: set[int] = set()

    def _new(self, page: int, line: int) -> int:
        self.votes.append(Vote(page=page, line=line))
        self.tallies[len(self.votes) - 1] = []
        return len(self.votes) - 1

    def tally(self, t: Tally, line_end: int) -> None:
        if self.open is not None:
            known = self.tallies[self.open]
            again = any(k.side == t.side and _same_proposal(k.proposal, t.proposal) for k in known)
            if again or (self.open in self.closed_by_outcome and known):
                self.open = None
        if self.open is None:
            self.open = self._new(t.page, t.line)
        self.tallies[self.open].append(t)
        self.votes[self.open].line_end = line_end

    def outcome(self, o: Outcome, page: int, line: int) -> None:
        if self.open is None or self.open in self.closed_by_outcome:
            self.open = self._new(page, line)
        vote = self.votes[self.open]
        if o.proposal and (vote.proposal is None or vote.proposal in GENERIC):
            vote.proposal = o.proposal
        vote.outcome = vote.outcome or o.outcome
        vote.unanimous = vote.unanimous or o.unanimous
        vote.casting_vote = vote.casting_vote or o.casting
        vote.votes_for = vote.votes_for if vote.votes_for is not None else o.votes_for
        vote.votes_against = vote.votes_against if vote.votes_against is not None else o.votes_against
        vote.text = " ".join(filter(None, [vote.text, o.text]))
        if o.against and not any(p.side == "against" for p in vote.parties):
            vote.parties += read_parties(o.against, "against", page, line)
        vote.line_end = max(vote.line_end or line, line)
        self.closed_by_outcome.add(self.open)

    def pause(self) -> None:
        """A paragraph that is neither tally nor outcome: the vote gathered so far is complete."""
        self.open = None

    def finish(self, case: str | None) -> tuple[list[Vote], list[Problem]]:
        problems: list[Problem] = []
        where = _where(case)
        for k, vote in enumerate(self.votes):
            tallies = self.tallies[k]
            if tallies:
                _settle(vote, tallies)
            for t in tallies:
                if t.count is not None and t.voters and len(t.voters) != t.count:
                    problems.append(Problem(page=t.page, line=t.line, message=(
                        f"vote in {where}: '{t.text}' names {len(t.voters)} voters, not {t.count}")))
                members = [p.count for p in t.parties]
                if t.count is not None and members and None not in members and sum(members) != t.count:
                    problems.append(Problem(page=t.page, line=t.line, message=(
                        f"vote in {where}: '{t.text}' gives its parties {sum(members)} votes, not {t.count}")))
        return self.votes, problems


def _settle(vote: Vote, tallies: list[Tally]) -> None:
    """Counts and voters from the tallies, each on the vote's own proposal: a list for another
    proposal put against it ('For forslag 2 stemte 10') counts against it."""
    if vote.proposal is None or vote.proposal in GENERIC:
        vote.proposal = next((t.proposal for t in tallies if t.side == "for" and t.proposal), vote.proposal)
    totals = {"for": 0, "against": 0, "abstain": 0}
    stated = set()
    for t in tallies:
        side = t.side
        if side == "for" and not _same_proposal(t.proposal, vote.proposal):
            side = "against"
        totals[side] += t.count if t.count is not None else len(t.voters)
        stated.add(side)
        for v in t.voters:
            v.side = side
            vote.voters.append(v)
        for p in t.parties:
            p.side = side
            vote.parties.append(p)
    counted = " / ".join(t.text for t in tallies)
    # a count and its outcome in one sentence ('Framlegget fekk 3 røyster og fall.'): the sentence once
    if not (vote.text and counted and counted in vote.text):
        vote.text = " ".join(filter(None, [counted, vote.text]))
    vote.votes_for = totals["for"] if "for" in stated else vote.votes_for
    vote.votes_against = totals["against"] if "against" in stated else vote.votes_against
    vote.votes_abstain = totals["abstain"] if "abstain" in stated else vote.votes_abstain
    if vote.outcome is None and "for" in stated and "against" in stated and totals["for"] != totals["against"]:
        vote.outcome = "adopted" if totals["for"] > totals["against"] else "rejected"


def _joined(blocks: Sequence[Block]) -> list[Block]:
    """Paragraphs with a vote list that a page layout broke in two put back together: a tally's
    list that stops without a full stop goes on in a paragraph that opens with a party or a name
    in a list ('(R), Kari Nordmann (SP), ...')."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (last is not None and not last.is_row and not block.is_row and not last.text.endswith(".")
                and TALLY.search(last.text) and not TALLY.match(block.text)
                and (block.text.startswith("(") or (NAMED.match(block.text) and "," in block.text[:80]))):
            out[-1] = Block(lines=[*last.lines, *block.lines])
        else:
            out.append(block)
    return out


def read_votes(blocks: Sequence[Block], case: str | None = None) -> Voting:
    """The votes and disqualifications in a case's paragraphs (or in the text outside cases)."""
    gather = _Gatherer()
    recusals: list[Recusal] = []
    mention: Block | None = None
    for block in _joined(blocks):
        if block.is_row or not speaks_of_votes(block.text):
            gather.pause()
            continue
        if mention is None and MENTIONS.search(block.text):
            mention = block
        tallies, rest = read_tallies(block)
        for t in tallies:
            gather.tally(t, block.line_end)
        said = bool(tallies)
        for sentence in sentences(rest):
            o = read_outcome(sentence)
            if o is not None:
                gather.outcome(o, block.page, block.line)
                said = True
            r = read_recusal(sentence, block)
            if r is not None and not any(same_person(r.name, x.name) for x in recusals):
                recusals.append(r)
        if not said:
            gather.pause()
    votes, problems = gather.finish(case)
    where = _where(case)
    if mention is not None and not votes:
        word = MENTIONS.search(mention.text)
        problems.append(Problem(page=mention.page, line=mention.line, message=(
            f"{where} mentions a vote ('{word.group(0) if word else ''}') but no vote was read from it")))
    for r in recusals:
        for vote in votes:
            if any(same_person(r.name, v.name) for v in vote.voters):
                problems.append(Problem(page=vote.page, line=vote.line, message=(
                    f"vote in {where}: {r.name} is named among the voters but was disqualified from the case")))
                break
    return Voting(votes=votes, recusals=recusals, problems=problems)


def _initialled(a: str, b: str) -> bool:
    """'K. Nordmann' and 'Kari Nordmann': the same surname, and a given name shortened to its initial."""
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    short, full = (a, b) if len(ta[0]) <= len(tb[0]) else (b, a)
    return bool(re.match(r"[A-ZÆØÅ]\.", short)) and fold(full)[:1] == fold(short)[:1]


def _listed(people: list[Attendee], person: Voter | Recusal) -> Attendee | None:
    """The attendee a voter is: one spelling of the name or another, the party deciding between two."""
    found = [p for p in people if same_person(p.name, person.name) or _initialled(p.name, person.name)]
    same_party = [p for p in found if person.party and p.organisation and fold(p.organisation) == fold(person.party)]
    return (same_party or found or [None])[0]


def attend_voters(people: list[Attendee], votings: Iterable[tuple[str | None, Voting]]) -> list[Problem]:
    """Link every voter to the attendance list; a person named only in a vote list (or only as
    disqualified) is added as a present member with their party, as extracts of one case give
    attendance only so. Where the minutes have an attendance list, such a voter is also a warning."""
    listed = bool(people)
    problems: list[Problem] = []
    absent: set[tuple[str | None, str]] = set()  # said once per case
    for case, voting in votings:
        where = _where(case)
        named: list[Voter | Recusal] = [*voting.recusals, *(v for vote in voting.votes for v in vote.voters)]
        for person in named:
            twin = _listed(people, person)
            if twin is None:
                if listed:
                    problems.append(Problem(page=person.page, line=person.line, message=(
                        f"vote in {where}: {person.name} is not on the attendance list")))
                twin = Attendee(name=person.name, organisation=person.party, category=Category.member,
                                status=Status.present, source="vote", page=person.page, line=person.line)
                people.append(twin)
            elif isinstance(person, Voter) and twin.status == Status.absent and (case, twin.name) not in absent:
                absent.add((case, twin.name))
                problems.append(Problem(page=person.page, line=person.line, message=(
                    f"vote in {where}: {person.name} voted but is listed as absent")))
            person.attendee = twin.name
    return problems
