"""Attendance in a page flattened to one paragraph: labels stacked before all the names, or lists
inside the paragraph, as PDF pages come out of web transcripts and two-column layouts."""

from __future__ import annotations

import re

from referat.extract.attendance import from_label, list_label, parse_entry, split_entries, with_notes
from referat.extract.blocks import Block
from referat.extract.marks import Category, Status
from referat.extract.model import Attendee
from referat.extract.names import looks_like_person
from referat.extract.roles import is_role

# Labels one after another with nothing between them, as a PDF's two columns come out flattened:
# 'Fra departementet møtte: Fra styret møtte: Også til stede: Statsråd Eva Berg Styreleder Per Dahl ...'
_STACKED = re.compile(r"(?:(?:[Ff]r[aå]\s+[^:.]{2,60}?\s+møtte|(?:[Oo]gså\s+)?(?:[Tt]il\s*stede|[Tt]ilstede)|"
                      r"[Dd]eltok|[Mm]øtt|[Ff]orfall)\s*:\s*){2,}")


def _stacked(text: str) -> list[re.Match[str]]:
    """Runs of stacked labels. Two labels hold two colons: without them, _STACKED (a lazy scan after every
    'Fra') need not be tried at each position of the text."""
    return list(_STACKED.finditer(text)) if text.count(":") >= 2 else []


_TOKEN_NAME = re.compile(r"[A-ZÆØÅ][a-zæøåéèüöä'’]+(?:-[A-ZÆØÅ][a-zæøåéèüöä'’]+)*")
_TOKEN_INITIAL = re.compile(r"[A-ZÆØÅ]\.")


def _flattened_people(text: str) -> list[tuple[str, str | None]]:
    """'Statsråd Eva Berg Styreleder Per Dahl Kari B. Lie Tor Vik': people in a run without
    separators, each an optional title, a given name, initials and a surname; the run ends where
    the prose starts again. A name of three words reads as two people's: nothing tells it apart."""
    tokens = text.split()
    people: list[tuple[str, str | None]] = []
    i = 0
    while i < len(tokens):
        role = None
        for k in (1, 2, 3, 4):  # the shortest title: is_role reads a title followed by anything as one
            if i + k < len(tokens) and is_role(" ".join(tokens[i:i + k])) and _TOKEN_NAME.fullmatch(tokens[i + k]):
                role, i = " ".join(tokens[i:i + k]), i + k
                break
        if i + 1 >= len(tokens) or not _TOKEN_NAME.fullmatch(tokens[i]):
            break
        j = i + 1
        while j < len(tokens) and _TOKEN_INITIAL.fullmatch(tokens[j]):
            j += 1
        if j >= len(tokens) or not _TOKEN_NAME.fullmatch(tokens[j]) or not looks_like_person(" ".join(tokens[i:j + 1])):
            break
        people.append((" ".join(tokens[i:j + 1]), role))
        i = j + 1
    return people


# Where a flattened list ends: the agenda, a case, the time, a figure or a word in capitals
_LIST_END = re.compile(r"\s(?:Saksliste|Sakliste|Dagsorden|Agenda|Sak|SAK|Kl|Tid|Sted|Møtet|Dato|Side)\b|\s\d|"
                       r"\s[A-ZÆØÅ]{3,}\b|(?<=[a-zæøå])\.\s")
_COLON = re.compile(r"(?<=\S)\s*:\s")


def _inline_labels_at(text: str) -> list[tuple[int, int, tuple[re.Match[str], Category, Status]]]:
    """Labels standing inside a paragraph: for each colon, the longest run of up to five words
    before it that is a list label ('Tid: Innkalte Fra styret: A, B Forfall: C')."""
    found: list[tuple[int, int, tuple[re.Match[str], Category, Status]]] = []
    for colon in _COLON.finditer(text):
        words = list(re.finditer(r"\S+", text[:colon.start()]))[-5:]
        for w in words:
            label = list_label(text[w.start():colon.start()] + ":")
            if label and label[0].end() == colon.start() - w.start() + 1:
                found.append((w.start(), colon.end(), label))
                break
    return found


def read_inline(blocks: list[Block]) -> list[Attendee]:
    """Lists inside one long paragraph, as a page flattened to text has them: 'Fra styret: A, B og C
    Forfall: D Fra administrasjonen: E Saksliste ...'. Each list runs to the next label or to where
    the list ends (the agenda, a case, a figure, the end of a sentence)."""
    people: list[Attendee] = []
    for block in blocks:
        if block.is_row or len(block.text) < 200:
            continue
        labels = _inline_labels_at(block.text)
        stacked = [(s.start(), s.end()) for s in _stacked(block.text)]
        listed = False
        for k, (start, end, (m, category, status)) in enumerate(labels):
            if start == 0 or end == len(block.text) or any(a <= start < b for a, b in stacked):
                continue  # a list at the start of its paragraph is read_lists', after stacked labels read_stacked'
            stop = labels[k + 1][0] if k + 1 < len(labels) else len(block.text)
            segment = block.text[end:stop]
            cut = _LIST_END.search(segment)
            segment = segment[:cut.start()] if cut else segment
            category, origin, items = from_label(m, category, listed)
            for entry in with_notes(split_entries(segment), absent=status == Status.absent):
                parsed = parse_entry(entry)
                if not parsed or parsed.name not in entry[:len(parsed.name) + 40]:
                    continue
                own = Category.substitute if parsed.substitute_for else category
                people.append(Attendee(
                    name=parsed.name, organisation=parsed.organisation or origin, role=parsed.role, category=own,
                    status=parsed.status or status, substitute_for=parsed.substitute_for, items=items,
                    page=block.page, line=block.line, line_end=block.line_end, source="list",
                    raw_mark=m.group(0).strip()))
                listed = listed or own == Category.member
    return people


def read_stacked(blocks: list[Block]) -> list[Attendee]:
    """People after labels stacked with nothing between them. Which label each belongs to is lost,
    so they are all present and members, the category a meeting's list starts with."""
    people: list[Attendee] = []
    for block in blocks:
        if block.is_row:
            continue
        for m in _stacked(block.text):
            for name, role in _flattened_people(block.text[m.end():]):
                people.append(Attendee(name=name, role=role, category=Category.member, status=Status.present,
                                       page=block.page, line=block.line, line_end=block.line_end, source="list",
                                       raw_mark=m.group(0).strip()))
    return people
