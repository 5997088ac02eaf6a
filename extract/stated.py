"""Attendance stated in sentences in the opening, as minutes without a list write it: 'Til stades var A, B og C.',
'D hadde meldt forfall, og vara E møtte for henne.', 'Frå kommunen møtte einingsleiar F.' Each such sentence is
read as the labelled list it states ('Til stades: A, B og C', 'Forfall: D, vara E møtte'), by the list reader."""

from __future__ import annotations

import re

from referat.extract.attendance import list_label, read_lists
from referat.extract.blocks import Block
from referat.extract.model import Attendee
from referat.extract.names import find_names
from referat.extract.participants import SUBSTITUTE_WORD, sentences
from referat.extract.roles import is_role

# Those present, the list after the verb: 'Til stades var ...', 'Til stede er ...', 'Desse møtte ...',
# 'Følgjande medlemar møtte ...'
_PRESENT = re.compile(r"(?i)^(?:til\s*stede|til\s*stades)\s+(?:var|er)\s+(?:(?:desse|disse|følg(?:e|ja)nde)\s*:?\s*)?"
                      r"|^(?:d[ie]sse|følg(?:e|ja)nde)(?:\s+(?:faste\s+)?(?:medlem(?:m?er|ar)|representant(?:er|ar)))?"
                      r"\s+møtte\s+(?=[A-ZÆØÅ])")
# Those away, the list after the label's words: 'Forfall hadde ...', 'Meldt forfall frå ...', 'Fråverande var ...'
_ABSENT_FIRST = re.compile(r"(?i)^(?:(?:meldt\s+)?(?:forfall|fråfall)\s+(?:hadde|har|fra|frå)|"
                           r"(?:fraværende|fråverande|ikke\s+til\s*stede|ikkje\s+til\s*stades)\s+(?:var|er))\s+")
# ... or before them: 'D hadde meldt forfall', 'D og E var fråverande', 'D møtte ikkje'. What follows may name
# who came instead ('og vara E møtte for henne') or that nobody did ('utan vara').
_ABSENT_AFTER = re.compile(r"(?i)^(?P<list>.+?)\s+(?:(?:hadde|har)\s+(?:meldt\s+)?(?:forfall|fråfall|fravær|fråvær)|"
                           r"(?:var|er)\s+(?:fraværende|fråverande|ikke\s+til\s*stede|ikkje\s+til\s*stades)|"
                           r"møtte\s+(?:ikke|ikkje))\b(?P<after>.*)$")
# In what follows, the substitute: 'og vara E møtte for henne', 'og E møtte som vara', 'vara: E'
_CAME_INSTEAD = re.compile(r"(?:^|[,;]|\b[Oo]g\b)\s*(?:(?i:vara(?:medlem)?|stedfortreder|stadfortredar)\s*:?\s+"
                           r"(?P<a>[A-ZÆØÅ][^,;]*?)\s+møtte|(?P<b>[A-ZÆØÅ][^,;]*?)\s+møtte\s+"
                           r"(?:som\s+vara(?:medlem)?|for\s+(?:henne|han|ham|ho)))")
# From an organisation or the host: 'Frå kommunen møtte einingsleiar F', 'Fra Helse Førde deltok G og H'
_FROM = re.compile(r"(?i)^(?P<from>fr[aå])\s+(?P<origin>[^,.:]{2,60}?)\s+(?P<verb>møtte|deltok|var\s+til\s*stede|"
                   r"var\s+til\s*stades)\s+(?=\S)")
# A relative clause after a name says what the person did, not who they are: ', som var sekretær for rådet'
_RELATIVE = re.compile(r",\s*(?:som|der|og\s+som)\s+[^,;]*")


class _Said(Block):
    """A sentence of a paragraph, as the labelled line it states; its lines (its page and line) the paragraph's."""

    def __init__(self, block: Block, text: str) -> None:
        super().__init__(lines=block.lines)
        self.__dict__["text"] = text  # Block.text is a cached property: this is its value


def _labelled(label: str, names: str) -> str | None:
    """'Til stades' and 'A, B og C' as one labelled line, when the list reader reads the label and a name follows."""
    names = _RELATIVE.sub("", names).strip(" .")
    text = f"{label}: {names}"
    found = list_label(text)
    return text if found and found[0].end() == len(label) + 1 and find_names(names) else None


def _stated(sentence: str) -> str | None:
    """The labelled line a sentence states, or None when it states no attendance."""
    m = _PRESENT.match(sentence)
    if m:
        return _labelled("Til stades", sentence[m.end():])
    m = _ABSENT_FIRST.match(sentence)
    if m:
        return _labelled("Forfall", sentence[m.end():])
    m = _FROM.match(sentence)
    if m and not SUBSTITUTE_WORD.search(sentence):  # 'Fra NORCE deltok Eva Dahle som vara': the prose reader's
        rest, origin = sentence[m.end():], m.group("origin")
        # the host ('Frå kommunen:') or another organisation ('Møtte frå Helse Førde:'), as the list reader knows them
        return _labelled(f"{m.group('from')} {origin}", rest) or _labelled(f"Møtte {m.group('from').lower()} {origin}",
                                                                             rest)
    m = _ABSENT_AFTER.match(sentence)
    if m and _only_names(m.group("list")):
        came = _CAME_INSTEAD.search(m.group("after"))
        # as a list of those away writes it: 'Forfall: D, vara E møtte'
        note = f", vara {came.group('a') or came.group('b')} møtte" if came else ""
        return _labelled("Forfall", m.group("list") + note)
    return None


def _only_names(text: str) -> bool:
    """Every part of the list is a person, a title and notes in parentheses allowed: 'Ordførar Kari Holm (SP) og
    Per Lie'. 'Rådet' lists nobody, and 'Saka vart utsett fordi Kari Holm' is a sentence about her."""
    parts = [re.sub(r"\([^)]*\)", "", p).strip() for p in re.split(r",\s*|\s+og\s+", text)]
    for part in parts:
        names = find_names(part)
        if not names or names[-1][2] != len(part) or (names[0][1] and not is_role(part[:names[0][1]])):
            return False
    return len(text) < 200


def read_stated(blocks: list[Block]) -> list[Attendee]:
    """People the opening's sentences say attended or were away, read as the lists those sentences state."""
    said: list[Block] = []
    for block in blocks:
        if block.is_row or list_label(block.text):
            continue  # a labelled list is the list reader's
        for sentence in sentences(block.text):
            text = _stated(sentence)
            if text:
                said.append(_Said(block, text))
    return read_lists(said) if said else []
