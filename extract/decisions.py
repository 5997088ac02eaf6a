"""Decisions ('Vedtak:', 'Konklusjon:', or a paragraph in which the body resolves) and follow-ups."""

from __future__ import annotations

import re

from referat.extract.blocks import Block
from referat.extract.model import Decision, FollowUp
from referat.folding import fold

# An advisory council resolves in an "uttalelse" (Nynorsk "fråsegn"); "Enstemmig vedtatt:" labels its decision too
# The label may be a sentence of its own: 'Rådet fattet følgende vedtak:', 'Følgende vedtak ble fattet:'.
DECISION_LABEL = re.compile(
    r"(?i)^\s*(?:(?:[\wæøå]+s|enstemmig|endelig)\s+"
    r"|(?:[\wæøå]+\s+){1,3}(?:fattet|fatta|gjorde|traff)\s+(?:(?:enstemmig|samrøystes)\s+)?(?:følgende|slikt|fylgjande)\s+"
    r"|(?:følgende|slikt|fylgjande)\s+"
    r"|[\wæøå]+\s*/\s*)?"  # 'Oppsummering/konklusjon:'
    r"(?P<label>vedtak|vedtatt|konklusjon(?:er|ar)?|beslutning(?:er|ar)?|uttalelse|uttale|fråsegn)"
    r"(?:\s+(?:ble|vart)\s+(?:enstemmig\s+|samrøystes\s+)?(?:fattet|fatta|gjort)"
    r"|\s*/\s*[\wæøå]+|\s+og\s+oppfølging|\s+i\s+saken)?"  # 'Konklusjon/vedtak:', 'Vedtak i saken:'
    r"(?:\s+\d{1,2}\.\d{1,2}\.\d{2,4})?"  # 'Formannskapets vedtak 05.09.2024:'
    r"(?:\s*\((?:enstemmig|samrøystes|\d+\s+mot\s+\d+|[^()]{1,30}stemmer)\))?"  # 'Vedtak (enstemmig):'
    r"\s*(?:[:–-]\s*(?P<rest>.*)|$)", re.S)
FOLLOW_LABEL = re.compile(
    r"(?i)^\s*(?:videre\s+)?(?P<label>oppfølging(?:spunkt(?:er)?)?|aksjon(?:spunkt(?:er)?)?|ansvar/oppfølging)"
    r"(?:\s*/\s*[\wæøå]+)?\s*(?:[:–]\s*(?P<rest>.*)|$)", re.S)
# Labels of what is not the body's resolution: a proposal, the case's background, a member's own
# statement put on record ('Protokolltilførsel fra X:'), a dissent, the count of votes; and the
# unnumbered close of the minutes ('Eventuelt', 'Neste møte: ...'), which ends the last case's decision.
NOT_A_LABEL = re.compile(r"(?i)^\s*(forslag\s+til\s+vedtak|innstilling|saksopplysninger|bakgrunn|protokolltilførsel|"
                         r"protokollmerknad|særmerknad|dissens|votering|endringsforslag|alternativt\s+forslag|"
                         r"eventuelt\s*:?\s*$|neste\s+møte\b|møtet\s+(?:ble\s+|vart\s+)?hevet)")
OTHER_LABEL = re.compile(r"^\s*[A-ZÆØÅ][\wæøå/ ]{1,30}:\s*$")

# A body resolving in the passive voice, whoever writes it.
PASSIVE = re.compile(
    r"(?i)\b(?:ble|blei|vart|blir|er)\s+(?:enstemmig\s+|samrøystes\s+)?(?:godkjent|godkjend|vedtatt|vedteke|"
    r"besluttet|tatt\s+til\s+(?:orientering|etterretning)|teke\s+til\s+(?:orientering|etterretning)"
    r"|enige?\s+om|samde?\s+om)\b|^[^.]{0,80}\bgodkjen[td]\b|\bgodkjennes\b|\bgodkjenn?ast\b|"
    r"\bdet\s+(?:ble|vart)\s+(?:besluttet|vedtatt|vedteke|enighet|semje)|"
    r"\btas\s+til\s+(?:orientering|etterretning)|\bsaken\s+(?:ble|vart)\s+(?:tatt|teken|vedtatt|vedteken)|"
    r"^\s*(?:enstemmig|einstemmig|samrøystes)\s+(?:vedtatt|vedteke|vedteken|godkjent|godkjend)\b")
# A body resolving in the active voice: only counts when the subject is the meeting's own body.
ACTIVE = re.compile(
    r"(?i)^\s*(?P<subject>[\wæøåÆØÅ-]+)\s+(?:\w+\s+){0,2}?(?:sluttet|slutter|stilte|stiller|vedtok|vedtar|besluttet|"
    r"beslutter|godkjente|godkjende|godkjenner|ga\s+sin\s+tilslutning|gir\s+sin\s+tilslutning|tok|tar|ble\s+enige|var\s+enige|"
    r"anbefaler|anbefalte|oppnevnte|oppnevner|valgte|velger)\b(?P<rest>.*)")
ACTIVE_OBJECT = re.compile(r"(?i)seg\s+til|seg\s+bak|til\s+orientering|til\s+etterretning|^\s*\w+|enige")
COLLECTIVE = {"motet", "styret", "utvalget", "utvalet", "gruppen", "gruppa", "radet", "forumet", "panelet",
              "komiteen", "vi", "moteleder", "motesleiar"}


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[a-zæøå0-9)]{2})[.!?]\s+(?=[A-ZÆØÅ])", text, maxsplit=1)[0]


def resolves(text: str, body: str | None) -> bool:
    """True when the paragraph's first sentence is the meeting's body resolving something."""
    sentence = _first_sentence(text)
    if PASSIVE.search(sentence):
        return True
    m = ACTIVE.match(sentence)
    if not m:
        return False
    subject = fold(m.group("subject"))
    own = {fold(body)} if body else set()
    if body:
        own |= {fold(body).rstrip("tn"), fold(body) + "t", fold(body) + "n"}
    return subject in own or subject in COLLECTIVE


def read_decisions(blocks: list[Block], lead: str, body: str | None) -> tuple[list[Decision], list[FollowUp]]:
    decisions: list[Decision] = []
    follow_ups: list[FollowUp] = []
    mode: str | None = None  # the label whose paragraphs follow, when a label stood alone
    label: str | None = None
    items: list[tuple[str, Block | None]] = ([(lead, blocks[0] if blocks else None)] if lead else [])
    items += [(b.text, b) for b in blocks if not b.is_row]
    for text, block in items:
        page, line = (block.page, block.line) if block else (1, 1)
        if NOT_A_LABEL.match(text):
            mode = None
            continue
        dm, fm = DECISION_LABEL.match(text), FOLLOW_LABEL.match(text)
        if dm:
            rest = (dm.group("rest") or "").strip()
            label = dm.group("label").capitalize()
            if rest:
                decisions.append(Decision(text=rest, labeled=True, label=label, page=page, line=line))
                mode = None
            else:
                mode = "decision"
            continue
        if fm:
            rest = (fm.group("rest") or "").strip()
            if rest:
                follow_ups.append(FollowUp(text=rest, page=page, line=line))
                mode = None
            else:
                mode = "follow"
            continue
        if OTHER_LABEL.match(text) or (block is not None and (block.heading or block.bold) and len(text) < 80):
            mode = None
            continue
        if mode == "decision":
            decisions.append(Decision(text=text, labeled=True, label=label, page=page, line=line))
        elif mode == "follow":
            follow_ups.append(FollowUp(text=text, page=page, line=line))
        elif resolves(text, body):
            decisions.append(Decision(text=text, labeled=False, page=page, line=line))
    return decisions, follow_ups
