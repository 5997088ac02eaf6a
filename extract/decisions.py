"""Decisions ('Vedtak:', 'Konklusjon:', or a paragraph in which the body resolves), follow-ups and proposals.

A case's text is read paragraph by paragraph (`paragraphs.py`), and a label sets what the paragraphs under it
are: a decision, a follow-up, a proposal ('Innstilling', 'Forslag til vedtak'), or the record of the
treatment ('Behandling', votes). Outside a decision's label, a paragraph is a decision when a sentence in it
resolves: an approval, an election, a noting ('Innkalling godkjent', 'X ble valgt', 'Tatt til orientering.').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.bodywords import ASSEMBLIES, DEFINITE
from referat.extract.blocks import Block
from referat.extract.labels import (
    CLOSING,
    DECIDED_AS,
    DECISION_LABEL,
    FOLLOW_LABEL,
    OFFICE_LINE,
    PROPOSAL_LABEL,
    PROPOSED_BY,
    SECTION_LABEL,
    VOTE_RECORD,
)
from referat.extract.model import Decision, FollowUp, Proposal
from referat.extract.names import find_names
from referat.extract.paragraphs import Paragraph, paragraphs, subpoints
from referat.folding import fold

__all__ = ["DECISION_LABEL", "FOLLOW_LABEL", "NOT_A_LABEL", "CaseReading", "read_case", "read_decisions",
           "resolution", "resolves"]


class _AnyOf:
    """Patterns tried in turn, matched as one."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.patterns = patterns

    def match(self, text: str) -> re.Match[str] | None:
        return next((m for m in (p.match(text) for p in self.patterns) if m), None)


# What ends a decision's label without being one: a proposal, the treatment, a vote, the close.
NOT_A_LABEL = _AnyOf(PROPOSAL_LABEL, PROPOSED_BY, SECTION_LABEL, VOTE_RECORD, CLOSING)
OTHER_LABEL = re.compile(r"^\s*[A-ZÆØÅ][\wæøå/ ]{1,30}:\s*$")
# A sub-point's heading inside a case: '13.2.3 Godkjenning ved akklamasjon', '5.1 – Foreningsfesten'
SUBHEADING = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.?\s+[^.]{1,80}$")

# nynorsk in the forms a participle takes after its noun: 'godkjend', 'godkjende' (plural), 'vedtekne', 'valde';
# 'X ble gjenvalgt som leder', 'X ble utpekt som styrets representant'
_DONE = (r"godkjent|godkjend|godkjende|vedtatt|vedteke|vedteken|vedtekne|besluttet|valgt|vald|valt|valde|"
         r"innvilget|innvilga|avslått|avslege|avslegen|underkjent|underkjend|oppnevnt|oppnemnd|oppnemnde|"
         r"gjenvalgt|gjenvald|gjenvalt|attvald|attvalt|attvalde|utpekt|utpeikt")
# Taking a report as read: 'tatt til orientering', nynorsk 'teke/teken/tekne til vitande'
_NOTED = r"(?:tatt|teke|teken|tekne)\s+til\s+(?:orientering|etterretning|vitande)"
# A body resolving in the passive voice, whoever writes it; the meeting's own verdict in a word or two
# ('Godkjent.', 'Innvilget.', 'Innkalling - Godkjent', 'Godkjennes enstemmig', 'Valgt ved akklamasjon.').
PASSIVE = re.compile(
    # 'ble ikke innvilget' is a verdict, 'er ikke tatt til etterretning' a complaint
    rf"(?i)\b(?:(?:ble|blei|vart)\s+(?:(?:videre|også|deretter|derfor|så|da|ikke|ikkje)\s+)?|"
    rf"(?:blir|er|vert)\s+(?:(?:videre|vidare|også|òg|deretter|derfor|difor|så|da)\s+)?)"
    rf"(?:enstemmig\s+|samrøystes\s+)?(?:{_DONE}|{_NOTED}"
    r"|enige?\s+om|samde?\s+om)\b|^[^.]{0,80}\s(?:godkjen[td]|underkjen[td])\b|"
    r"\b(?:godkjennes|godkjenn?ast|vedtas|vedtakast|innvilges|velges|veljast|avslås|tiltres)\b|"
    r"\bdet\s+(?:ble|vart|er|var)\s+(?:enstemmig\s+|samrøystes\s+)?(?:besluttet|vedtatt|vedteke|valgt|vald|enighet|"
    r"einigheit|semje)|"
    # an election with the subject after the verb: 'Til å signere protokollen ble Kari Lie og Per Dahl oppnevnt.'
    r"\b(?:ble|vart)\s+[^.]{1,80}?\s(?:valgt|vald|valt|oppnevnt|oppnemnd)\b|"
    r"\b(?:tas|takast|vert\s+teken|vert\s+teke)\s+til\s+(?:orientering|etterretning|vitande)|"
    r"\bsak(?:en|a)\s+(?:ble|vart)\s+(?:tatt|teken|vedtatt|vedteken)|"
    # a majority is the verdict when the sentence ends on it ('X vinner ved flertall.'), not in a rule
    # ('Tittelen deles ut ved kvalifisert flertall i styret')
    r"\bved\s+(?:akklamasjon|aklamasjon)\b|"
    r"\bved\s+(?:klart\s+|kvalifisert\s+|simpelt\s+|tydelig\s+|alminnelig\s+|stort\s+)?(?:fleirtal|flertall)\W*$|"
    # the verdict in a word ('Godkjent.', 'Vedtatt mot to stemmer', 'Innvilget søknadsbeløp'), not a report of
    # what someone did ('Valgt ny leder', 'Godkjent budsjett for arrangementet')
    rf"^\s*(?:enstemmig\s+|einstemmig\s+|samrøystes\s+)?(?:(?:{_DONE})(?=\s*$|\s*[-–.,:;!]|\s+(?:ved|med|uten|utan|"
    rf"enstemmig|samrøystes|einstemmig|mot|av|som|i|og)\b)|innvilget|innvilga|innvilges|{_NOTED})\b")
# A modal verb before the verdict makes it a wish or a plan ('kan vedtas', 'skal godkjennes ved neste møte').
MODAL = re.compile(r"(?i)\b(?:kan|skal|må|bør|vil|kunne|skulle|burde|ville|ønsker|ønskjer|ynskjer)\b")
# A verdict in a clause that hangs on something else is no verdict ('punktene som blir vedtatt').
SUBORDINATE = re.compile(r"(?i)\b(?:som|når|dersom|hvis|viss|om|før|inntil)\s+$|\bat\s+(?:det|den|de|dei|dette)\s+$|"
                         r"\b(?:ikke|ikkje)\s+$")  # 'at dette ikke er tatt til etterretning': a complaint
# A body resolving in the active voice: only counts when the subject is the meeting's own body.
ACTIVE = re.compile(
    # 'Et samlet styre vedtok', nynorsk 'Eit samla utval vedtek'
    r"(?i)^\s*(?:(?:et\s+|eit\s+)?(?:samlet|samla|hele|heile|enstemmig|einstemmig|samrøystes)\s+)?"
    r"(?P<subject>[\wæøåÆØÅ-]+)\s+(?:\w+\s+){0,2}?(?:sluttet|slutter|slutta|sluttar|stilte|stiller|"
    r"vedtok|vedtar|vedtek|besluttet|beslutter|godkjente|godkjende|godkjenner|ga\s+sin\s+tilslutning|"
    r"gir\s+sin\s+tilslutning|gav\s+si\s+tilslutning|gjev\s+si\s+tilslutning|tok|tar|tek|ble\s+enige|var\s+enige|"
    r"vart\s+einige|var\s+einige|vart\s+samde|var\s+samde|anbefaler|anbefalte|tilrår|tilrådde|rår\s+til|"
    # a board's authorisations and appointments: 'Styret gir daglig leder fullmakt til ...', 'Årsmøtet gir
    # styret fullmakt', 'Styret delegerer ...', 'Styret konstituerte seg med ...', 'var enig i' (not a
    # request, 'ber om', which a proposal's text makes too)
    r"(?:gir|ga|gav|gjev)\s+(?:[\wæøå.]+\s+){0,3}fullmakt|delegerer|delegerte|konstituerte\s+seg|"
    r"konstituerer\s+seg|utpeker|utpekte|var\s+enig|"
    r"oppnevnte|oppnevner|oppnemnde|oppnemner|valgte|velger|valde|innvilger|innvilget|innvilga|innvilgar|avslår|"
    r"avslo|godtar|godtok|godtek)"
    r"\b(?P<rest>.*)")
COLLECTIVE = {"motet", "styret", "styre", "utvalget", "utvalet", "utval", "utvalg", "gruppen", "gruppa", "radet",
              "forumet", "panelet", "komiteen", "vi", "moteleder", "motesleiar", "moteleiar", "generalforsamlingen",
              "arsmotet", "representantskapet", "nemnda", "laget", "allmotet"}
# In the minutes of an assembly (Årsmøtet, Generalforsamlingen) the board is another organ: 'Styret anbefaler
# forslaget' is what the board put before the meeting, not what the meeting resolved.
_ASSEMBLY_NAMES = {fold(w) for w in ASSEMBLIES.values()}
_ASSEMBLY_COLLECTIVE = {"motet", "vi", "moteleder", "motesleiar", "moteleiar", *_ASSEMBLY_NAMES}
_SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9)]{2})[.!?]\s+(?=[A-ZÆØÅ])")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0]


# What another body did, or the meeting did before: 'ble vedtatt i kommunestyret', 'ble godkjent av styret i
# fjor', 'ble vedtatt i 2023'. The meeting itself ('i møtet') and its own body are no other.
ELSEWHERE = re.compile(
    rf"(?i)^\s*(?:(?:av|i|på)\s+(?:det\s+|den\s+)?(?P<other>[\wæøå-]*(?:{DEFINITE}))\b|"
    r"(?:i|på)\s+(?:fjor|forrige|førre|tidligere|tidlegare|\d{4}\b|januar|februar|mars|april|mai|juni|juli|august|september|"
    r"oktober|november|desember))")


def _elsewhere(after: str, body: str | None) -> bool:
    m = ELSEWHERE.match(after)
    if m is None:
        return False
    other = m.group("other")
    # without the body's name, 'av styret' is as likely the meeting's own board as another
    own = {"motet", fold(body)} if body else {"motet", *COLLECTIVE}
    return other is None or fold(other) not in own


def _quoted(before: str) -> bool:
    """The verdict stands inside a quotation (a rule's wording: 'Endre fra: «Styret velges av ...»')."""
    return before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Every alternative of PASSIVE holds one of these stems, and a search for a few words is far cheaper than
# trying PASSIVE (with its lazy scans after every 'ble') at each position of every sentence.
_PASSIVE_STEMS = (
    "godkjen", "underkjen", "vedtek", "vedtas", "vedtakast", "beslutt", "valgt", "vald", "valt", "innvilg", "avslå",
    "avsleg", "oppnevn", "oppnemn", "orientering", "etterretning", "enig", "einig", "samd", "semje", "velges",
    "veljast", "tiltres", "tatt", "teken", "klamasjon", "fleirtal", "flertal", "vitande", "teke", "gjenval", "attval",
    "utpe",
)


def _may_be_passive(sentence: str) -> bool:
    """False only when PASSIVE cannot match: the sentence holds none of its stems."""
    low = sentence.lower()
    return any(stem in low for stem in _PASSIVE_STEMS)


def _passive(sentence: str, body: str | None = None) -> bool:
    if not _may_be_passive(sentence):
        return False
    m = PASSIVE.search(sentence)
    if m is None:
        return False
    before = sentence[: m.start()]
    return not (MODAL.search(before) or SUBORDINATE.search(before) or _quoted(before)
                or _elsewhere(sentence[m.end():], body))


def _active(sentence: str, body: str | None, named: bool = False) -> bool:
    """The body as the subject of a resolving verb; with ``named``, only by its own name, as a word such as
    'gruppen' later in a paragraph is as likely to be another group it speaks of."""
    m = ACTIVE.match(sentence)
    if not m:
        return False
    subject = fold(m.group("subject"))
    own = {fold(body)} if body else set()
    if body:
        own |= {fold(body).rstrip("tn"), fold(body) + "t", fold(body) + "n"}
    collective = _ASSEMBLY_COLLECTIVE if body and fold(body) in _ASSEMBLY_NAMES else COLLECTIVE
    return subject in own or (not named and subject in collective)


def resolution(text: str, body: str | None) -> str | None:
    """The part of a paragraph in which the meeting's body resolves something: the paragraph when its
    first sentence does, else from the sentence that does on (what comes before it is the discussion)."""
    for k, sentence in enumerate(_SENTENCE_END.split(text)):
        # 'Innstillingen ble enstemmig vedtatt. X ble gjenvalgt som leder.': the vote's, then the verdict.
        # (The vote is asked last: few sentences resolve, and VOTE_RECORD is the costlier test.)
        if (_passive(sentence, body) or _active(sentence, body, named=k > 0)) and not VOTE_RECORD.match(sentence):
            if k == 0:
                return text
            starts = [m.end() for m in _SENTENCE_END.finditer(text)]  # found only for the few that resolve
            return text[starts[k - 1]:]
    return None


def resolves(text: str, body: str | None) -> bool:
    """True when the paragraph's first sentence is the meeting's body resolving something."""
    sentence = _first_sentence(text)
    return _passive(sentence, body) or _active(sentence, body)


@dataclass
class CaseReading:
    decisions: list[Decision] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)


@dataclass
class _Under:
    """The label the paragraphs being read stand under."""

    kind: str | None = None  # 'decision', 'follow', 'proposal', 'closed', or None (free text)
    label: str | None = None
    proposer: str | None = None


_TITLES = {"og", "v", "leder", "møteleder", "referent", "sekretær", "styreleder", "nestleder", "sign", "sign.",
           "leiar", "møteleiar", "styreleiar", "nestleiar"}


def _names_only(text: str) -> bool:
    """'Kari Lunde', 'Per Olsen og Kari Lunde', 'Daglig leder': who, with no action."""
    words = re.sub(r"[,/()]", " ", text).split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in _TITLES for w in words)


def _subheading(text: str, body: str | None) -> bool:
    """A few words without a full stop over the points of a long decision ('Generelt', 'Del 2: Andre forhold');
    not a verdict ('Godkjent') nor a reference to what was proposed ('Som innstillingen')."""
    words = text.split()
    return (len(words) <= 5 and not re.search(r"[.!?;,]$", text) and not resolves(text, body)
            and not re.match(r"(?i)som\b", text))


def _is_label_line(text: str) -> bool:
    return bool(DECISION_LABEL.match(text) or FOLLOW_LABEL.match(text) or NOT_A_LABEL.match(text)
                or OTHER_LABEL.match(text))


def _clean_label(text: str) -> str:
    return " ".join(text.split()).strip(" :.–-")


def _read_label(p: Paragraph, out: CaseReading, under: _Under) -> bool:
    """Read the paragraph as a label when it is one: record what it carries on its own line and set what
    the paragraphs below it are. False when it is no label."""
    text = p.text
    if VOTE_RECORD.match(text):
        under.kind = None
        # 'Innstillingen ble enstemmig vedtatt. X ble gjenvalgt som leder.': a verdict after the vote is read as text
        return len(_SENTENCE_END.split(text)) == 1
    proposal = PROPOSED_BY.match(text) or PROPOSAL_LABEL.match(text)
    if proposal:
        rest = (proposal.group("rest") or "").strip()
        label = _clean_label(text[: proposal.start("rest")] if proposal.group("rest") is not None else text)
        who = proposal.group("who")
        # 'Endringsforslag:' within what a member put forward is still theirs
        who = " ".join(who.split()) if who else (under.proposer if under.kind == "proposal" else None)
        if rest:
            out.proposals.append(Proposal(text=rest, label=label, proposer=who, page=p.page, line=p.line,
                                          line_end=p.line_end))
        under.kind, under.label, under.proposer = "proposal", label, who
        return True
    if SECTION_LABEL.match(text) and not DECISION_LABEL.match(text):
        under.kind = None
        return True
    if CLOSING.match(text):
        under.kind = "closed"
        return True
    dm = DECISION_LABEL.match(text) or DECIDED_AS.match(text)
    if dm:
        found = dm.groupdict()
        rest = (found.get("rest") or found.get("after_stop") or found.get("after") or "").strip()
        under.label = found["label"].capitalize() if found.get("label") else "Vedtak"
        if rest:
            out.decisions.append(Decision(text=rest, labeled=True, label=under.label, page=p.page, line=p.line,
                                          line_end=p.line_end))
            under.kind = None
        else:
            under.kind = "decision"
        return True
    fm = FOLLOW_LABEL.match(text)
    if fm and _names_only(fm.group("rest") or ""):
        under.kind = None  # 'Ansvar: Kari Lunde' says who, the action is above it
        return True
    if fm:
        rest = (fm.group("rest") or "").strip()
        if rest:
            out.follow_ups.append(FollowUp(text=rest, page=p.page, line=p.line, line_end=p.line_end))
            under.kind = None
        else:
            under.kind = "follow"
        return True
    return False


# The proposal read above taken up, in a paragraph of its own: 'Forslaget ble vedtatt ved akklamasjon.',
# 'Enstemmig vedtatt.'
_ADOPTS = re.compile(r"(?i)^\s*(?:(?:forslaget|forslagene|framlegget|framlegga|innstillingen|innstillinga)\s+"
                     r"(?:ble|blei|vart|er)\s|(?:enstemmig\s+|samrøystes\s+)?(?:vedtatt|vedteke|vedteken|godkjent|"
                     r"godkjend)\b)")


def _elected(text: str) -> bool:
    """An office and who fills it ('Leder: Kari Lunde (2 år)'), or a person alone ('Jon Nordby')."""
    if OFFICE_LINE.match(text):
        return not (DECISION_LABEL.match(text) or FOLLOW_LABEL.match(text) or NOT_A_LABEL.match(text))
    names = find_names(text)
    return len(names) == 1 and names[0][1] == 0 and bool(re.fullmatch(r"\s*(?:\([^)]*\))?[.,]?\s*", text[names[0][2]:]))


def _offices(found: list[Paragraph], k: int) -> int:
    """How many paragraphs from ``k`` on are the offices an election filled, or the people it chose, one a line."""
    n = 0
    while k + n < len(found) and _elected(found[k + n].text):
        n += 1
    return n


def read_case(blocks: list[Block], lead: str, body: str | None, title: str = "",
              heading: Block | None = None) -> CaseReading:
    """Decisions, follow-ups and proposals of one case. ``title`` and ``heading`` let a numbered point
    without a heading ('2. Innkallingen ble godkjent uten merknader.') be its own decision."""
    out = CaseReading()
    under = _Under()
    found = paragraphs(blocks)
    first = blocks[0] if blocks else heading
    page, line = (first.page, first.line) if first else (1, 1)
    if heading is not None and not (heading.heading or heading.bold) and title and resolves(title, body):
        # the point's first sentence went to the title: it and the rest of the line are one paragraph
        text = f"{title}. {lead}" if lead else title
        found.insert(0, Paragraph(text, heading.page, heading.line, heading.line_end))
    elif lead:
        found.insert(0, Paragraph(lead, page, line, line))
    adopted: list[Paragraph] = []  # 'Valgkomiteens innstilling ble enstemmig vedtatt.': a vote that adopted
    k = 0
    while k < len(found):
        p = found[k]
        k += 1
        if under.kind == "closed":
            break
        if VOTE_RECORD.match(p.text) and _passive(p.text, body) and not re.search(r"(?i)\b(?:ikke|ikkje)\b", p.text):
            adopted.append(p)
        if _read_label(p, out, under):
            continue
        text = p.text
        # 'Følgende ble valgt:' over the offices it filled reads as a label, and is the verdict
        label = OTHER_LABEL.match(text) and not (under.kind is None and resolves(text, body)
                                                 and (subpoints(found, k) or _offices(found, k)))
        if (p.styled and len(text) < 80) or label or SUBHEADING.match(text):
            # a heading within the case, or a label nobody here reads; but a verdict in bold is a verdict
            if p.styled and not OTHER_LABEL.match(text) and resolves(text, body) and under.kind != "proposal":
                out.decisions.append(Decision(text=text, labeled=False, page=p.page, line=p.line, line_end=p.line_end))
            under.kind = None
            continue
        if under.kind == "decision" and len(text.split()) >= 2 and _names_only(text) and not resolves(text, body):
            under.kind = "closed"  # the signatures under the last decision
            continue
        more = k < len(found) and not _is_label_line(found[k].text)
        if under.kind in ("decision", "proposal") and more and _subheading(text, body):
            continue  # 'Generelt' over the points of a long decision
        if under.kind == "decision":
            out.decisions.append(Decision(text=text, labeled=True, label=under.label, page=p.page, line=p.line,
                                          line_end=p.line_end))
        elif under.kind == "follow":
            out.follow_ups.append(FollowUp(text=text, page=p.page, line=p.line, line_end=p.line_end))
        elif under.kind == "proposal" and not p.bullet and _ADOPTS.match(text) and _passive(text, body):
            # 'Forslaget ble vedtatt ved akklamasjon.' under 'Valgkomiteens forslag:' and its points
            out.decisions.append(Decision(text=text, labeled=False, page=p.page, line=p.line, line_end=p.line_end))
            under.kind = None
        elif under.kind == "proposal":
            out.proposals.append(Proposal(text=text, label=under.label or "", proposer=under.proposer, page=p.page,
                                          line=p.line, line_end=p.line_end))
        else:
            found_text = resolution(text, body)
            if not found_text:
                continue
            line_end = p.line_end
            # 'Søknaden blir godkjent med følgende merknader:' and its points are one decision
            if found_text.rstrip().endswith(":"):
                # 'Følgende ble valgt:' and the offices it filled, one a line: 'Leder: Kari Lunde (2 år)'
                n = subpoints(found, k) or _offices(found, k)
                for part in found[k:k + n]:
                    found_text, line_end = f"{found_text} {part.text}", part.line_end
                k += n
            out.decisions.append(Decision(text=found_text, labeled=False, page=p.page, line=p.line, line_end=line_end))
    if not out.decisions:
        # without a decision of its own, the vote that adopted a proposal is what the case resolved, as an
        # association's minutes write it; under a 'Vedtak' it only records how the decision was taken
        out.decisions = [Decision(text=p.text, labeled=False, page=p.page, line=p.line, line_end=p.line_end)
                         for p in adopted]
    return out


def read_decisions(blocks: list[Block], lead: str, body: str | None) -> tuple[list[Decision], list[FollowUp]]:
    """Decisions and follow-ups of one case (``read_case`` also gives its proposals)."""
    reading = read_case(blocks, lead, body)
    return reading.decisions, reading.follow_ups
