"""References from one case to others: 'jfr. sak 35-23', 'Oppfølging av sak 24-23 fra Styringsgruppen',
'Styringsgruppens møte 9. februar 2026 (sak 04-26)'."""

from __future__ import annotations

import re

from referat import bodywords
from referat.extract.casenumber import POINT_MENTION, find_mentions, is_archive_mention, numbers_in
from referat.extract.model import Reference

# A compound ending in a body's noun; "Plan- og miljøutvalget": a shared last part after a hyphen and "og"
_COMPOUND = r"[A-ZÆØÅ][\wæøå-]*(?:(?<=-)\s+og\s+[a-zæøå][\wæøå]*)?"
_BODY_WORD = rf"{_COMPOUND}(?:{bodywords.INDEFINITE})"
# A body named by its field: "Faggruppe for eldre", "Råd for helse og omsorg". Only after the
# indefinite form: in "Styringsgruppen for videre arbeid" the "for" is the sentence's, not the name's.
_FOR = r"\s+for\s+[a-zæøå][\wæøå-]*(?:\s+og\s+[a-zæøå][\wæøå-]*)?"
# A body named by an adjective and a bare noun: "Faglig forum", "Regionalt utvalg" (not "Neste møte").
_QUALIFIED = (r"[A-ZÆØÅ][a-zæøå]+(?:lig|ig|isk|al|alt)\s+(?:"
              + bodywords.alternation(w for w in (*bodywords.NOUNS, *bodywords.NOUNS.values()) if "møte" not in w)
              + ")")
# Bare, "Styret" or "i styret" is most likely the minutes' own board, so a body is a compound; a
# municipality's councils are the exception, named bare and, in running text, often in lower case
# ("jf. PS 45/24 i kommunestyret").
_COUNCILS = "Formannskapet|Representantskapet"
_BODY = rf"{_COMPOUND}(?:{bodywords.DEFINITE}|{bodywords.INDEFINITE})|{_QUALIFIED}|{_COUNCILS}"
_LOWER_BODY = (r"[a-zæøå]{2,}(?:" + bodywords.alternation(
    bodywords.NOUNS[n] for n in ("styre", "utvalg", "utval", "ting", "råd", "komite")) + ")"
               r"|formannskapet|representantskapet")
AFTER = re.compile(rf"^\s*\)?\s*(?:fra|frå|i|til|behandlet\s+i|handsama\s+i|handsamt\s+i|i\s+møte\s+i)\s+"
                   rf"(?:(?:møtet|møte)\s+i\s+)?"
                   rf"(?P<body>{_BODY_WORD}{_FOR}(?!\w)|{_BODY}|{_LOWER_BODY})\b")
# "Styringsgruppens møte 11. desember, sak 41-23", or the genitive right before it: "Partnermøtets sak 10/25";
# nynorsk "Formannskapet sitt møte 4. juni, sak 33/24", "Kontrollutvalet si sak 14/23".
BEFORE = re.compile(rf"(?P<body>{_BODY})(?:s|\s+(?:si|sitt|sine))\s+"
                    rf"(?:(?:møte|sak|behandling|handsaming|vedtak)\b[^;]{{0,40}})?$")
# The body named before the number, with at most a date between: 'behandlet i Kommunestyret 14.03.2024,
# sak 22/24', 'i Arbeidsutvalget 12. mars (sak 08/24)', 'fra Formannskapet i sak 45/24', '... som sak 3/24'.
_DATE = r"\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}|[a-zæøå]+(?:\s+\d{4})?)"
PRECEDING = re.compile(rf"\b(?i:i|fra|frå|av)\s+(?P<body>{_BODY}|{_LOWER_BODY})"
                       rf"(?:\s+(?:{_DATE}|den|møte|som|i|under))*\s*[,(]?\s*(?:i\s+|som\s+)?$")
# The case's own treatment names its body and number, and points nowhere else
_TREATMENT = re.compile(r"(?i)(?:behandling|handsaming)\s+av\s*$")


def read_references(text: str, own_number: str, page: int, line: int) -> list[Reference]:
    """Every case the text points to, with the body that owns it when the text names one."""
    refs: list[Reference] = []
    seen: set[tuple[str | None, str]] = set()
    for m in find_mentions(text):
        if is_archive_mention(m):
            continue
        numbers = numbers_in(m.group("list"))
        after = AFTER.match(text[m.end():m.end() + 80])
        clause = re.split(r"(?<=[a-zæøå]{2})[.!?]\s+", text[max(0, m.start() - 80):m.start()])[-1]
        named = after or BEFORE.search(clause) or PRECEDING.search(clause)
        body = named.group("body") if named else None
        if body:
            body = body[0].upper() + body[1:]
        for number in numbers:
            if number == own_number and (body is None or _TREATMENT.search(text[:m.start()])):
                continue  # 'Kommunestyrets behandling av sak 7/2026': the case itself, not another
            key = (body, number)
            if key in seen:
                continue
            seen.add(key)
            refs.append(Reference(number=number, body=body, raw=text[max(0, m.start() - 20):m.end() + 40].strip(),
                                  page=page, line=line))
    if "-" not in own_number:
        refs += _points(text, own_number, page, line)
    return refs


def _points(text: str, own_number: str, page: int, line: int) -> list[Reference]:
    """In minutes that number their points within the meeting, 'sak 3' and 'punkt 8 i sakslisten' are
    points of the same meeting."""
    refs: list[Reference] = []
    for m in POINT_MENTION.finditer(text):
        number = str(int(m.group("num")))
        if number in (own_number, "0") or (m.group("kw").lower() != "sak" and not m.group("agenda")):
            continue
        if all(r.number != number for r in refs):
            refs.append(Reference(number=number, body=None, raw=m.group(0), page=page, line=line))
    return refs
