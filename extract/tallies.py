"""Reading one paragraph of a case for what it says about a vote: named tallies ('For forslaget
stemte 4: Kari Nordmann (H), ...'), counts under a label ('For: 22'), verdicts ('Dermed ble
forslag 1 vedtatt', 'Vedtatt mot to stemmer') and disqualified members ('X ble erklært inhabil').
votes.py gathers what these find into votes; the words are in votewords.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.blocks import Block
from referat.extract.model import PartyVote, Recusal, Voter
from referat.extract.names import clean_name, find_names, looks_like_person
from referat.extract.votewords import (
    ABSTAIN,
    ADOPTED,
    AGAINST,
    CASTING,
    COUNT,
    DISQUALIFIED,
    FOR,
    LEFT,
    LEFT_FOR_CASE,
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
TALLY = re.compile(rf"(?i)(?<![\wæøå])(?P<side>{FOR}|{AGAINST})\s+(?P<proposal>[^:.;()]{{0,60}}?)\s*"
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
NAMED = re.compile(r"(?P<name>[A-ZÆØÅ][^(),;:]*?)\s*\((?P<party>[^()]{1,40})\)")
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
class Tally:
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


def read_parties(text: str, side: str, page: int, line: int) -> list[PartyVote]:
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
    for m in NAMED.finditer(names):
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


def read_tallies(block: Block) -> tuple[list[Tally], str]:
    """The named tallies in a paragraph, and the paragraph's other text (where outcomes are said)."""
    text = block.text
    matches = [*TALLY.finditer(text)]
    found: list[Tally] = []
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
        parties = [] if voters else read_parties(text[m.end():m.end() + cut], side, block.page, line)
        if not (voters or parties or count or m.group(0).rstrip().endswith(":")):
            rest += " " + text[m.start():stop]  # 'For øvrig stemte Kari ...': no list after all
            continue
        found.append(Tally(side, proposal, number(count) if count else None, voters, m.group(0).rstrip(" :"),
                            block.page, line, parties))
        rest += " " + text[m.end() + cut:stop].lstrip(". ")
    if not found:
        for m in [*_LABELLED.finditer(text), *_TALLY_AFTER.finditer(text), *_GOT.finditer(text)]:
            found.append(Tally(_side(m.groupdict().get("side")), _proposal(m.groupdict().get("proposal")),
                                number(m.group("count")), [], m.group(0), block.page, _line_at(block, m.start())))
    return found, rest.strip()


@dataclass
class Outcome:
    proposal: str | None
    outcome: str | None
    votes_for: int | None
    votes_against: int | None
    unanimous: bool
    casting: bool
    text: str
    against: str | None = None  # the parties in brackets after 'mot 5 stemmer (FrP, H)'


def read_outcome(sentence: str) -> Outcome | None:
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
    return Outcome(_proposal(named), outcome, votes_for, votes_against, unanimous, bool(_CASTING.search(sentence)),
                    sentence, against.group("parties") if against else None)


def read_recusal(sentence: str, block: Block) -> Recusal | None:
    """'Kari Nordmann (H) ble erklært inhabil', 'Per Hansen fratrådte under behandlingen av saken': the
    person named before the word, as the subject of the sentence."""
    word = DISQUALIFIED.search(sentence)
    if word is None and not re.search(r"(?i)habilitet", sentence) and LEFT_FOR_CASE.search(sentence):
        word = LEFT.search(sentence)
    if word is None:
        return None
    line = _line_at(block, max(block.text.find(sentence), 0))
    for m in NAMED.finditer(sentence[:word.start()]):
        if _is_voter(clean_name(m.group("name"))):
            return Recusal(name=clean_name(m.group("name")), party=m.group("party").strip(), text=sentence,
                           page=block.page, line=line)
    names = [n for n, _, end in find_names(sentence) if end <= word.start()]
    return Recusal(name=names[0], text=sentence, page=block.page, line=line) if names else None
