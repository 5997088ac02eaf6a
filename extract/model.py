"""The contract between extract and normalize: what one document of minutes says."""

from __future__ import annotations

from pydantic import BaseModel, Field

from referat.extract.marks import Category, Status
from referat.models import CONTRACT


class Located(BaseModel):
    """Where a fact was read: page and line span in the source document."""

    model_config = CONTRACT

    page: int = 1
    line: int = 1
    line_end: int | None = None


class Attendee(Located):
    name: str
    organisation: str | None = None
    role: str | None = None
    category: Category = Category.member
    status: Status = Status.unknown
    substitute_for: str | None = None
    items: list[str] = Field(default_factory=list)
    code: str | None = None
    raw_mark: str | None = None
    mark_column: str | None = None
    source: str = "table"  # table, list, prose or vote


class Decision(Located):
    text: str
    labeled: bool
    label: str | None = None


class FollowUp(Located):
    text: str


class Proposal(Located):
    """What was put to the meeting ('Innstilling:', 'Forslag fra X:'): kept, never a decision."""

    text: str
    label: str  # the label as written, e.g. 'Kommunedirektørens forslag til vedtak'
    proposer: str | None = None  # who put it forward, when the minutes say


class Reference(Located):
    number: str
    body: str | None = None  # as written; None means the meeting's own body
    raw: str


class Voter(Located):
    name: str  # as the vote list writes it
    party: str | None = None
    side: str = "for"  # for, against or abstain: on the vote's own proposal
    proposal: str | None = None  # the proposal the list was for, as written ('forslag 2')
    attendee: str | None = None  # the name as the attendance list has it


class PartyVote(Located):
    """A party's votes where the minutes name the party and not its members ('mot 5 stemmer (FrP, H)')."""

    party: str
    side: str = "for"  # for, against or abstain: on the vote's own proposal
    count: int | None = None


class Vote(Located):
    proposal: str | None = None  # 'innstillingen', 'forslag 1', 'tilleggsforslag'
    outcome: str | None = None  # adopted or rejected; None when the minutes do not say
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    unanimous: bool = False
    casting_vote: bool = False  # carried by the chair's second vote in a tie
    text: str = ""
    voters: list[Voter] = Field(default_factory=list)
    parties: list[PartyVote] = Field(default_factory=list)


class Recusal(Located):
    """A member disqualified from a case (inhabil) or who left the meeting for it."""

    name: str
    party: str | None = None
    text: str = ""
    attendee: str | None = None  # the name as the attendance list has it


class Item(Located):
    number: str
    raw_number: str
    title: str
    exempt: bool = False
    exempt_raw: str | None = None
    legal_basis: str | None = None  # 'offl. § 13', read by extract/exempt.py
    page_end: int | None = None  # the page of line_end: where a redaction of the case ends
    text: str = ""
    decisions: list[Decision] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    recusals: list[Recusal] = Field(default_factory=list)


class Meeting(Located):
    body: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    attendance: list[Attendee] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)  # those outside any case
    recusals: list[Recusal] = Field(default_factory=list)


class Problem(Located):
    """Something odd found while reading: shown to the user, fatal with --strict."""

    message: str


class Extraction(BaseModel):
    model_config = CONTRACT

    source: str
    kind: str  # "minutes" or "other"
    meeting: Meeting | None = None
    warnings: list[Problem] = Field(default_factory=list)
