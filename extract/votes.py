"""Votes: which proposal was voted on, who voted for and against it, and the outcome; and who
was disqualified from a case.

A case's paragraphs are read in order. Named tallies ('For forslaget stemte 4: Kari Nordmann (H),
...', 'Imot forslaget stemte 3: ...') gather into one vote until an outcome closes it ('Dermed ble
forslaget vedtatt', 'Vedtatt mot to stemmer', 'Enstemmig vedtatt'); an outcome alone is a vote too.
Any other paragraph ends the vote being gathered. The words are in votewords.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from referat.extract.blocks import Block
from referat.extract.marks import Category, Status
from referat.extract.model import Attendee, PartyVote, Problem, Recusal, Vote, Voter
from referat.extract.names import clean_name, find_names, looks_like_person, same_person
from referat.extract.participants import sentences
from referat.extract.votewords import (
    ABSTAIN,
    ADOPTED,
    AGAINST,
    CASTING,
    COUNT,
    DISQUALIFIED,
    FOR,
    GENERIC,
    LEFT,
    LEFT_FOR_CASE,
    MENTIONS,
    NOT,
    PROPOSAL_NOUNS,
    REJECTED,
    UNANIMOUS,
    VOTED,
    VOTED_IN,
    VOTES,
    number,
)
from referat.folding import fold

# A proposal named inside a sentence, with an owner in the genitive: 'formannskapets innstilling', 'Hs forslag'
_PROPOSAL_NAME = rf"\b(?:[\wæøå'’]+s\s+)?(?:{PROPOSAL_NOUNS})\b(?:\s+(?:nr\.?\s*)?\d+\b|\s+[A-Z]\b)?"
_PROPOSAL = re.compile(rf"(?i){_PROPOSAL_NAME}")
# 'For forslaget stemte 35:', 'Imot forslag 2 stemte 3:', 'For stemte:', 'Følgende stemte mot forslaget:',
# 'Mot stemte FrP (4) og H (1)', 'Avsto 2:'; the list of names or parties follows.
_TALLY = re.compile(rf"(?i)(?<![\wæøå])(?P<side>{FOR}|{AGAINST})\s+(?P<proposal>[^:.;()]{{0,60}}?)\s*"
                    rf"\b(?:{VOTED})(?:\s+(?P<count>{COUNT})\b(?:\s+(?:{VOTES}|representanter|medlemmer))?\s*:?"
                    r"|\s*:|(?=\s+(?-i:[A-ZÆØÅ])))"
                    rf"|(?<![\wæøå])(?:(?P<count2>{COUNT})\s+(?:representanter\s+|medlemmer\s+)?|følgende\s+)"
                    rf"(?:{VOTED})\s+(?P<side2>{FOR}|{AGAINST})\b(?P<proposal2>\s+{_PROPOSAL_NAME})?\s*:"
                    rf"|(?<![\wæøå])(?P<abstain>{ABSTAIN})(?:\s+(?:{VOTES}))?\s*(?:\(?(?P<acount>\d{{1,3}})\)?)?\s*:"
                    r"(?:\s*(?P<after>\d{1,4})\b(?![/.,:]\d))?")
# '12 stemte for (forslaget)', '3 røysta mot'
_TALLY_AFTER = re.compile(rf"(?i)(?<![\wæøå])(?P<count>{COUNT})\s+(?:representanter\s+|medlemmer\s+)?(?:{VOTED})\s+"
                          rf"(?P<side>{FOR}|{AGAINST})\b(?P<proposal>\s+(?:{PROPOSAL_NOUNS})(?:\s+\d+)?)?")
# 'For: 22', 'Mot: 44', 'Blankt: 3', as a list under 'Avstemning:' or on one line
_LABELLED = re.compile(rf"(?i)(?<![\wæøå])(?P<side>{FOR}|{AGAINST}|{ABSTAIN})\s*:\s*(?P<count>\d{{1,4}})\b"
                       r"(?!\s*[/.,:]\d)")
# One voter: 'Kari Nordmann (H)'; the party in brackets is optional in lists without parties.
_NAMED = re.compile(r"(?P<name>[A-ZÆØÅ][^(),;:]*?)\s*\((?P<party>[^()]{1,40})\)")
# A name in a vote list, where the brackets after it say it is a person with a party: two to six
# capitalised words, which may be initials; 'Andre' and 'Ole' are given names here, not vocabulary.
_VOTER = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ'’.-]*(?:\s+(?:(?:van|von|de|der|den|af|av|la|le|di|da)\s+)*"
                    r"[A-ZÆØÅ][\wæøåÆØÅ'’.-]*){1,5}")
_NOT_VOTERS = {"for", "imot", "mot", "dermed", "forslag", "forslaget", "innstillingen", "stemte", "vedtak",
               "kommune", "kommunestyret", "formannskapet", "styret", "utvalget"}
# A list of names ends where a sentence starts: a capitalised word followed by one in lower case.
_LIST_END = re.compile(r"\.\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])|\.\s*$")

# 'Forslaget fikk 3 stemmer', 'Framlegget frå Sp fekk 3 røyster'
_GOT = re.compile(rf"(?i)(?P<proposal>{_PROPOSAL_NAME})(?:\s+[\wæøå]+){{0,4}}?\s+(?:fikk|fekk)\s+"
                  rf"(?P<count>{COUNT})\s+(?:{VOTES})")
_OUTCOME = re.compile(rf"(?i)\b(?:(?P<not>{NOT})\s+)?(?P<verb>{ADOPTED}|{REJECTED})\b")
_FOR_AGAINST = re.compile(rf"(?i)\bmed\s+(?P<for>{COUNT})\s+(?:(?:{VOTES})\s+)?mot\s+(?P<against>{COUNT})\b")
_ONLY_AGAINST = re.compile(rf"(?i)\bmot\s+(?P<against>{COUNT})\s+(?:{VOTES})\b")
_AGAINST_PARTIES = re.compile(rf"(?i)\bmot\s+{COUNT}\s+(?:{VOTES})\s*\((?P<parties>[^()]+)\)")
_WITH_VOTES = re.compile(rf"(?i)\bmed\s+(?P<for>{COUNT})\s+(?:{VOTES})\b(?!\s+mot)")
_UNANIMOUS = re.compile(rf"(?i)\b(?:{UNANIMOUS})\b")
_CASTING = re.compile(rf"(?i)(?:{CASTING})")
# 'Styret fattet følgende enstemmige vedtak:', 'Samrøystes vedtak:'
_UNANIMOUS_DECISION = re.compile(rf"(?i)\b(?:{UNANIMOUS})\s+(?:vedtak|vedtaket)\b")
# An outcome is said of a proposal, or opens with its verdict: not every 'godkjent' is a vote.
_VERDICT_FIRST = re.compile(rf"(?i)^\s*(?:dermed\s+)?(?:{UNANIMOUS}|{VOTED_IN}|{REJECTED}|{NOT}\s+(?:{VOTED_IN}))\b")
_PROPOSAL_FIRST = re.compile(rf"(?i)^\s*(?:dermed\s+)?(?:(?:ble|vart|blei|er|var)\s+)?(?P<proposal>{_PROPOSAL_NAME})")


@dataclass
class Voting:
    """What one case (or the text outside cases) says about votes."""

    votes: list[Vote] = field(default_factory=list)
    recusals: list[Recusal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Tally:
    side: str
    proposal: str | None
    count: int | None
    voters: list[Voter]
    text: str
    page: int
    line: int
    parties: list[PartyVote] = field(default_factory=list)


def _line_at(block: Block, offset: int) -> int:
    """The line of ``block`` that character ``offset`` of its text falls on, as near as joined lines allow."""
    seen = 0
    for line in block.lines:
        seen += len(" ".join(line.text.split())) + 1
        if offset < seen:
            return line.number
    return block.line_end


def _is_voter(name: str) -> bool:
    return bool(_VOTER.fullmatch(name)) and not _NOT_VOTERS & set(fold(name).split())


# A party in a list of parties: 'FrP', '4 H', 'KrF (2)', 'SV/MDG'; a short capitalised word, not a name.
_PARTY_WORD = r"[A-ZÆØÅ][A-Za-zæøåÆØÅ]{0,11}"
_PARTY = re.compile(rf"(?:(?P<n>\d{{1,3}})\s+)?(?P<party>{_PARTY_WORD}(?:\s*/\s*{_PARTY_WORD})*)"
                    r"(?:\s*\((?P<n2>\d{1,3})\))?")


def _parties(text: str, side: str, page: int, line: int) -> list[PartyVote]:
    """'FrP (4) og H (1)', '4 FrP, 1 H', 'FrP, H': every entry a party, or none is taken."""
    found = []
    for part in re.split(r",|;|\s+og\s+", text.strip(" .:")):
        m = _PARTY.fullmatch(part.strip())
        if not m or fold(m.group("party")) in _NOT_VOTERS:
            return []
        count = m.group("n") or m.group("n2")
        found.append(PartyVote(party=m.group("party"), side=side, count=int(count) if count else None, page=page,
                               line=line))
    return found


def _voters(text: str, side: str, proposal: str | None, page: int, line: int) -> tuple[list[Voter], int]:
    """The people a tally names, and where its list ends in ``text``."""
    end = _LIST_END.search(text)
    cut = end.start() if end else len(text)
    names = text[:cut]
    found: list[Voter] = []
    at = 0
    for m in _NAMED.finditer(names):
        gap = names[at:m.start()]
        if found and not re.fullmatch(r"[\s,;]*(?:og\s+)?", gap) or not found and gap.strip(" ,:"):
            break
        name = clean_name(m.group("name"))
        if _is_voter(name):
            found.append(Voter(name=name, party=m.group("party").strip(), side=side, proposal=proposal, page=page,
                               line=line))
        at = m.end()
    if not found:  # a list without parties: 'Kari Nordmann, Per Hansen og Ola Dahl'
        for part in re.split(r",|;|\s+og\s+", names):
            name = clean_name(part.strip(" .:"))
            if name and looks_like_person(name):
                found.append(Voter(name=name, side=side, proposal=proposal, page=page, line=line))
            elif name:
                break
    return found, cut


def _proposal(text: str | None) -> str | None:
    """A proposal's name as written, the noun in lower case ('Forslag 1' -> 'forslag 1', 'Hs forslag' stays)."""
    text = " ".join((text or "").split()).strip(" ,")
    if re.match(rf"(?i)(?:{PROPOSAL_NOUNS})\b", text):
        text = text[0].lower() + text[1:]
    return text or None


def _side(word: str | None) -> str:
    """'For' -> for, 'Imot' -> against, 'Blankt' -> abstain; no word ('Forslaget fikk 3 stemmer') is for."""
    if word is None or fold(word) == "for":
        return "for"
    return "abstain" if re.fullmatch(rf"(?i){ABSTAIN}", word) else "against"


def _tallies(block: Block) -> tuple[list[_Tally], str]:
    """The named tallies in a paragraph, and the paragraph's other text (where outcomes are said)."""
    text = block.text
    matches = [*_TALLY.finditer(text)]
    found: list[_Tally] = []
    rest = text[:matches[0].start()] if matches else text
    for k, m in enumerate(matches):
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        if m.group("abstain"):
            side, proposal, count = "abstain", None, m.group("acount") or m.group("after")
        else:
            side = _side(m.group("side") or m.group("side2"))
            proposal = _proposal(m.group("proposal") or m.group("proposal2"))
            count = m.group("count") or m.group("count2")
        line = _line_at(block, m.start())
        voters, cut = _voters(text[m.end():stop], side, proposal, block.page, line)
        parties = [] if voters else _parties(text[m.end():m.end() + cut], side, block.page, line)
        if not (voters or parties or count or m.group(0).rstrip().endswith(":")):
            rest += " " + text[m.start():stop]  # 'For øvrig stemte Kari ...': no list after all
            continue
        found.append(_Tally(side, proposal, number(count) if count else None, voters, m.group(0).rstrip(" :"),
                            block.page, line, parties))
        rest += " " + text[m.end() + cut:stop].lstrip(". ")
    if not found:
        for m in [*_LABELLED.finditer(text), *_TALLY_AFTER.finditer(text), *_GOT.finditer(text)]:
            found.append(_Tally(_side(m.groupdict().get("side")), _proposal(m.groupdict().get("proposal")),
                                number(m.group("count")), [], m.group(0), block.page, _line_at(block, m.start())))
    return found, rest.strip()


@dataclass
class _Outcome:
    proposal: str | None
    outcome: str | None
    votes_for: int | None
    votes_against: int | None
    unanimous: bool
    casting: bool
    text: str
    against: str | None = None  # the parties in brackets after 'mot 5 stemmer (FrP, H)'


def _outcome(sentence: str) -> _Outcome | None:
    """The verdict a sentence records, if it records one: 'Dermed ble forslag 1 vedtatt', 'Vedtatt mot 2 stemmer'."""
    verdict = _OUTCOME.search(sentence)
    unanimous = bool(_UNANIMOUS.search(sentence))
    counts = _FOR_AGAINST.search(sentence) or _ONLY_AGAINST.search(sentence) or _WITH_VOTES.search(sentence)
    about = _PROPOSAL_FIRST.match(sentence)
    short = len(sentence.split()) <= 3
    if not (verdict and (about or _VERDICT_FIRST.match(sentence) or unanimous or counts)
            or unanimous and (short or _UNANIMOUS_DECISION.search(sentence))):
        return None
    outcome = None
    if verdict:
        rejected = bool(verdict.group("not")) or re.fullmatch(rf"(?i){REJECTED}", verdict.group("verb")) is not None
        outcome = "rejected" if rejected else "adopted"
    elif unanimous:
        outcome = "adopted"
    groups = counts.groupdict() if counts else {}
    votes_for = number(groups["for"]) if groups.get("for") else None
    votes_against = number(groups["against"]) if groups.get("against") else (0 if unanimous else None)
    named = about.group("proposal") if about else (m.group(0) if (m := _PROPOSAL.search(sentence)) else None)
    against = _AGAINST_PARTIES.search(sentence)
    return _Outcome(_proposal(named), outcome, votes_for, votes_against, unanimous, bool(_CASTING.search(sentence)),
                    sentence, against.group("parties") if against else None)


def _recusal(sentence: str, block: Block) -> Recusal | None:
    """'Kari Nordmann (H) ble erklært inhabil', 'Per Hansen fratrådte under behandlingen av saken': the
    person named before the word, as the subject of the sentence."""
    word = DISQUALIFIED.search(sentence)
    if word is None and not re.search(r"(?i)habilitet", sentence) and LEFT_FOR_CASE.search(sentence):
        word = LEFT.search(sentence)
    if word is None:
        return None
    line = _line_at(block, max(block.text.find(sentence), 0))
    for m in _NAMED.finditer(sentence[:word.start()]):
        if _is_voter(clean_name(m.group("name"))):
            return Recusal(name=clean_name(m.group("name")), party=m.group("party").strip(), text=sentence,
                           page=block.page, line=line)
    names = [n for n, _, end in find_names(sentence) if end <= word.start()]
    return Recusal(name=names[0], text=sentence, page=block.page, line=line) if names else None


def _where(case: str | None) -> str:
    return f"case {case}" if case else "the text outside the cases"


def _same_proposal(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a in GENERIC or b in GENERIC or fold(a) == fold(b)


class _Gatherer:
    """Tallies and outcomes, in the order the minutes give them, made into votes."""

    def __init__(self) -> None:
        self.votes: list[Vote] = []
        self.tallies: dict[int, list[_Tally]] = {}  # index of the vote -> its tallies
        self.open: int | None = None  # the vote still taking tallies or an outcome
        self.closed_by_outcome: set[int] = set()

    def _new(self, page: int, line: int) -> int:
        self.votes.append(Vote(page=page, line=line))
        self.tallies[len(self.votes) - 1] = []
        return len(self.votes) - 1

    def tally(self, t: _Tally, line_end: int) -> None:
        if self.open is not None:
            known = self.tallies[self.open]
            again = any(k.side == t.side and _same_proposal(k.proposal, t.proposal) for k in known)
            if again or (self.open in self.closed_by_outcome and known):
                self.open = None
        if self.open is None:
            self.open = self._new(t.page, t.line)
        self.tallies[self.open].append(t)
        self.votes[self.open].line_end = line_end

    def outcome(self, o: _Outcome, page: int, line: int) -> None:
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
            vote.parties += _parties(o.against, "against", page, line)
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


def _settle(vote: Vote, tallies: list[_Tally]) -> None:
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
    vote.text = " ".join(filter(None, [" / ".join(t.text for t in tallies), vote.text]))
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
                and _TALLY.search(last.text) and not _TALLY.match(block.text)
                and (block.text.startswith("(") or (_NAMED.match(block.text) and "," in block.text[:80]))):
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
        if block.is_row:
            gather.pause()
            continue
        if mention is None and MENTIONS.search(block.text):
            mention = block
        tallies, rest = _tallies(block)
        for t in tallies:
            gather.tally(t, block.line_end)
        said = bool(tallies)
        for sentence in sentences(rest):
            o = _outcome(sentence)
            if o is not None:
                gather.outcome(o, block.page, block.line)
                said = True
            r = _recusal(sentence, block)
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
