"""Which lines head the cases: candidates from every numbering scheme, scored by their features, and
the most consistent increasing sequence of them chosen over the whole document.

Minutes number their cases in many ways ('Sak 12/24', 'PS 5/24', '1. Dugnad', '### 216', 'V-SAK 1',
'II.'), and the same patterns stand where they head nothing: a list of earlier cases inside a case
('Sak 2/17 ...' under 'Sak 11/17'), the points of a decision, the saksliste at the top. A line is
described by features (its pattern, its style, its length, whether a list starts before it) and the
choice is taken over the sequence: one numbering scheme per document, numbers that rise, steps of one
preferred. The saksliste is found first, as a run of headings with next to nothing under them whose
numbers come again later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.blocks import Block
from referat.extract.casenumber import (
    BARE_HEADING,
    HEADING,
    POINT,
    ROMAN,
    SERIES,
    TREATMENT,
    YEARLESS_HEADING,
    heading_number,
    match_heading,
    normalize_number,
    roman_value,
)

# Below this a scheme's best sequence is chance: one plain '1. ...' line is a list, not a case.
_ACCEPT = 3.5
# What lies between two entries of a saksliste, at most
_AGENDA_GAP = 120
# The series of a municipality's case systems, numbered each on its own: PS, RS, FO
_SERIES_KEYWORDS = ("ps", "rs", "fo", "ds", "os")
# 'Saksliste:', 'Saker:': the list under it names the cases themselves
_AGENDA_LABEL = re.compile(r"(?i)^(?:saksliste|sakliste|sakskart|dagsorden|agenda|saker|behandlede saker)\s*:$")
# Where the first sentence of a point without a heading ends: its title
SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9)\]]{2})\.\s+(?=[A-ZÆØÅ])")
# What every scheme's heading starts with, tried before the block's style is read
_STARTS = (HEADING, BARE_HEADING, YEARLESS_HEADING, POINT, ROMAN, SERIES, TREATMENT)


@dataclass
class Heading:
    """A line that may head a case, with what the choice needs to know of it."""

    index: int  # of the block
    number: str  # as exported: 'NN-YY', '3', 'II', 'V-1'
    raw_number: str
    rest: int  # where the title starts in the block's text
    scheme: str  # 'year', 'point', 'roman', 'series'
    series: str  # numbers rise within a series: 'sak', 'ps', 'fo', 'V'
    value: tuple[int, int]  # the order within the series
    score: float
    agenda: bool = False
    named: bool = False  # 'Sak 3:': the word says it is a case


def _emphasis(block: Block) -> float:
    if block.heading or block.bold:
        return 2.0
    return 1.0 if block.bold_prefix() else 0.0


def _title_features(title: str) -> float:
    """A title is short and names a subject; a long sentence or a person's name is something else."""
    sentence = SENTENCE_END.search(title)
    if sentence and len(title) > 70:  # a point without a heading: its first sentence is the title
        title = title[: sentence.start()]
    words = title.split()
    score = 0.0
    if len(title) > 100:
        score -= 0.5
    if title.rstrip().endswith(".") and len(words) > 8:
        score -= 0.5
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):  # 'Kari Nordmann', a list of people
        score -= 1.5
    return score


def _year(block: Block, k: int, emphasis: float) -> Heading | None:
    text = block.text
    m = match_heading(text, emphasised=emphasis > 0)
    if m is not None and m.re is YEARLESS_HEADING:
        return None
    score = 0.0
    if m is not None and m.re is HEADING:
        kw = m.group("kw").lower()
        # 'V-sak', 'O-sak', 'AU-sak': each letter its own series
        series = kw if kw in _SERIES_KEYWORDS else kw.split("-")[0] if re.match(r"\w{1,3}-sak", kw) else "sak"
        score = 5.0 + min(emphasis, 1.0)
        if re.match(r"[a-zæøå]{2,}\b", text[m.end():]) and not emphasis:
            score -= 3.0  # 'Sak 12/23 ble utsatt til i dag': a sentence about the case, not its heading
    elif m is not None:
        series, score = "sak", 3.0
    else:
        m = BARE_HEADING.match(text) if len(text) < 120 else None
        series, score = "sak", 1.5
        if m is None and len(text) < 150 and text.rstrip().endswith(":"):
            # 'Bystyrets behandling av sak 6/2026 i møte den 12.03.2026:' over what was said; in prose
            # ('Bystyrets behandling av sak 45/23 ble utsatt.') it names another case
            m = TREATMENT.match(text)
            series, score = "sak", 4.0
    number = normalize_number(m.group("num")) if m else None
    if m is None or number is None:
        return None
    rest = 0 if m.re is TREATMENT else m.end()  # the line names the case
    n, year = number.rsplit("-", 1)
    return Heading(k, number, m.group("num"), rest, "year", series, (int(year), int(n)), score)


def _point(block: Block, k: int, emphasis: float) -> Heading | None:
    """A point numbered within the meeting: 'Sak 3:', '1. Dugnad', a numbered list item, '### 216'."""
    text = block.text
    m = match_heading(text, emphasised=emphasis > 0)
    score = 4.0 + min(emphasis, 1.0)
    if m is None and YEARLESS_HEADING.match(text):
        # 'Sak 3 Budsjett' in plain type: a heading when others like it make a sequence, not alone
        m = match_heading(text, emphasised=True)
        score = 2.0
    if m is not None and m.re is YEARLESS_HEADING:
        number = heading_number(m)
        if number is None:
            return None
        return Heading(k, number, m.group("num"), m.end(), "point", "", (0, int(number)), score, named=True)
    if block.list_number and not block.heading:
        raw, rest, score = block.list_number, 0, 1.0 + emphasis
    else:
        m = POINT.match(text)
        if m is None or int(m.group("num")) == 0:
            return None
        raw, rest, score = m.group("num"), m.end(), 1.0 + emphasis
    if block.is_row or not text[rest:].strip():
        return None
    score += _title_features(text[rest:])
    return Heading(k, str(int(raw)), raw, rest, "point", "", (0, int(raw)), score)


def _other(block: Block, k: int, emphasis: float) -> Heading | None:
    """'V-SAK 1' and Roman numerals."""
    text = block.text
    m = SERIES.match(text)
    if m is not None:
        series = m.group("series").upper()
        n = int(m.group("num"))
        return Heading(k, f"{series}-{n}", m.group(0).strip(), m.end(), "series", series, (0, n), 4.0)
    m = ROMAN.match(text)
    if m is not None and m.group("num"):
        score = 1.0 + emphasis + _title_features(text[m.end():])
        return Heading(k, m.group("num"), m.group("num"), m.end(), "roman", "", (0, roman_value(m.group("num"))),
                       score)
    return None


def candidates(blocks: list[Block]) -> list[Heading]:
    """Every block that may head a case, in the document's order, each once under its likeliest scheme."""
    found: list[Heading] = []
    for k, block in enumerate(blocks):
        if block.is_row or not (block.list_number or any(p.match(block.text) for p in _STARTS)):
            continue
        emphasis = _emphasis(block)  # read from the spans: only for the few lines that may head a case
        for h in (_year(block, k, emphasis), _point(block, k, emphasis), _other(block, k, emphasis)):
            if h is None:
                continue
            twin = next((g for g in reversed(found) if g.scheme == h.scheme), None)
            if twin is not None and twin.number == h.number and h.index - twin.index <= 2:
                # 'PS 6/26 Referatsaker' over 'Kommunestyrets behandling av sak 6/2026': one case, one heading
                if h.score > twin.score:
                    found[found.index(twin)] = h
                continue
            found.append(h)
    _after_a_colon(blocks, found)
    return found


def _after_a_colon(blocks: list[Block], found: list[Heading]) -> None:
    """'Det ble gitt informasjon i følgende saker:' and the lines under it are a list, not headings,
    unless bold or a heading shows them as such. Under a label that names the agenda ('Saker:') a
    numbered line is a case, even alone."""
    starts = {h.index for h in found}
    for h in found:
        k = h.index - 1
        listed = blocks[h.index].bullet  # a list item goes on a list of bullets; a line after one ends it
        while k >= 0 and (k in starts or (listed and blocks[k].bullet)) and not blocks[k].text.rstrip().endswith(":"):
            k -= 1
        before = blocks[k].text.rstrip() if k >= 0 else ""
        if _AGENDA_LABEL.match(before):
            h.score += 3.0
        elif before.endswith(":") and not _emphasis(blocks[h.index]) and not blocks[k].heading:
            h.score -= 4.0


def _mark_agenda(blocks: list[Block], found: list[Heading]) -> None:
    """A saksliste: a run of headings of one scheme with next to nothing between them, most of whose
    numbers come again after the run. The run starts with the first entry that comes again and ends
    with the last."""
    def gap(a: Heading, b: Heading) -> int:
        return sum(len(blocks[j].text) for j in range(a.index + 1, b.index))

    def goes_on(run: list[Heading], h: Heading) -> bool:
        """Close to the entry before, and rising: the cases themselves start again from the top."""
        same = [g for g in run if g.series == h.series]
        return gap(run[-1], h) < _AGENDA_GAP and (not same or same[-1].value < h.value)

    for scheme in dict.fromkeys(h.scheme for h in found):
        mine = [h for h in found if h.scheme == scheme]
        runs: list[list[Heading]] = []
        for h in mine:
            if runs and goes_on(runs[-1], h):
                runs[-1].append(h)
            else:
                runs.append([h])
        for run in runs:
            after = {g.number for g in mine if g.index > run[-1].index}
            again = [k for k, h in enumerate(run) if h.number in after]
            if not again:
                continue
            run = run[again[0]: again[-1] + 1]
            if len(run) >= 2 and len(again) * 2 >= len(run):
                for h in run:
                    h.agenda = True


def _step(a: Heading, b: Heading) -> float:
    """Cases follow each other by one; a small gap happens, a large one is a different list."""
    if a.value[0] != b.value[0]:
        return -2.0
    d = b.value[1] - a.value[1]
    return 1.0 if d == 1 else 0.0 if d <= 3 else -2.0


def _best_sequence(found: list[Heading]) -> tuple[float, list[Heading]]:
    """The rising sequence with the highest score: weighted longest increasing subsequence."""
    best: list[float] = []
    back: list[int | None] = []
    for j, h in enumerate(found):
        best.append(h.score)
        back.append(None)
        for i in range(j):
            g = found[i]
            if g.index < h.index and g.value < h.value and best[i] + h.score + _step(g, h) > best[j]:
                best[j], back[j] = best[i] + h.score + _step(g, h), i
    if not found:
        return 0.0, []
    j: int | None = max(range(len(found)), key=lambda x: best[x])
    total, chain = best[j], []
    while j is not None:
        chain.append(found[j])
        j = back[j]
    return total, chain[::-1]


def choose_headings(blocks: list[Block]) -> dict[int, Heading]:
    """The case headings, by block index: the best sequence of the best scheme, with its saksliste."""
    found = candidates(blocks)
    _mark_agenda(blocks, found)
    best: tuple[float, list[Heading]] = (0.0, [])
    for scheme in ("year", "point", "series", "roman"):
        if best[0] >= _ACCEPT and best[1][0].scheme == "year":
            break  # numbers with a year are case numbers; points numbered under them are a decision's
        mine = [h for h in found if h.scheme == scheme]
        named = [h for h in mine if h.named]
        if named and _best_sequence([h for h in named if not h.agenda])[0] >= _ACCEPT:
            mine = named  # 'Sak 1:', 'Sak 2:' head the cases; '1.', '2.' under them are a decision's points
        total, chosen = 0.0, []
        for series in dict.fromkeys(h.series for h in mine):
            score, chain = _best_sequence([h for h in mine if h.series == series and not h.agenda])
            if score >= _ACCEPT:  # each series on its own merits: a stray 'RS 4/26 ble ...' joins no 'PS' cases
                total, chosen = total + score, chosen + chain
        if total > best[0]:
            best = (total, chosen + [h for h in mine if h.agenda])
    if best[0] < _ACCEPT:
        return {}
    return {h.index: h for h in sorted(best[1], key=lambda h: h.index)}
