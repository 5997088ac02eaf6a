"""The case-number grammar, in one place: 'Sak 36-23', 'sak 6/23', 'Sak 2023/6', 'PS 5/24' -> 'NN-YY';
'Sak 3:' in minutes that number cases within the meeting -> '3'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# A number as written: 36-23, 6/23, 2023/6, 06/2023, 5 / 24, and OCR's en dash.
NUMBER = r"\d{1,4}\s?[-/–]\s?\d{1,4}"
NUMBER_IN_TEXT = re.compile(rf"(?<![\d/.,-])({NUMBER})(?![\d/]|[-.,]\d)")
# What may stand before a number for it to be a case: Sak, saker, sakene, saksnr., PS (politisk sak),
# and compounds that name the kind of case: Styresak, Orienteringssak, Vedtakssak, O-sak; the
# lists of case systems: PS (politisk sak), RS (referatsak), DS (delegert sak), OS (orientering).
# The letters before '-sak' name the body or the kind: 'O-sak', a council's 'RS-sak', an executive committee's
# 'AU-sak', a control committee's 'KU-sak', a student parliament's 'SP-sak'.
KEYWORD = r"(?:(?:[a-zæøå]{2,}s?|[a-zæøå]{1,3}-)?sak(?:ene|en|er)?|saksnr\.?|sak\s+nr\.?|ps|rs|os|ds|fo)"
# OCR reads a 1 as l or I and a 0 as O: 'Sak l/24', 'Sak 1O/24'. Only after the keyword at the start of a
# heading, where nothing but a number can stand.
# 'Sak nr. 20.2009': a full stop before a four-digit year. A date after the number ('Sak 1 – 23.01.19')
# is no year: a number followed by a full stop or comma and more digits is not taken.
_OCR_NUMBER = r"[\dlIO]{1,4}\s?[-/–]\s?[\dlIO]{1,4}(?![.,]\d)|\d{1,4}\.(?:19|20)\d\d"
# A health trust's board marks the kind of case by a capital after the number: 'Styresak 045/24 B' (beslutning),
# 'O' (orientering), 'D' (drøfting); it is no part of the title.
_KIND_LETTER = r"(?:(?-i:[BOD])\s+(?=[A-ZÆØÅ«\"]))?"
# A body's own letters for its cases, at the head of a line only: a control committee's 'KU 05/23', a
# council's 'KS 12/23', 'FS 3/23' (in capitals, before a number with its year; in prose such letters are
# other things, so mentions keep to KEYWORD)
_BODY_CODE = r"(?!(?:KL|TID|NR)\s)(?-i:[A-ZÆØÅ]{2,3})(?=\s\d{1,4}\s?[-/–]\s?\d)"  # not a time: 'TID 10–12'
HEADING = re.compile(
    rf"^\s*(?:[-•*]\s*)?(?P<kw>{KEYWORD}|{_BODY_CODE})\s*(?:nr\.?\s*)?(?P<num>{_OCR_NUMBER})\b\s*{_KIND_LETTER}"
    r"[:.–—-]?\s*",
    re.IGNORECASE,
)
# Minutes that number cases within the meeting only: 'Sak 3: Budsjett', 'Punkt 4 - Valg'. Only after 'Sak' and before a
# separator (or in a heading), so that 'Sak 3 ble utsatt' stays prose; the number is kept as written.
# A date after the number is part of the heading, not its title: 'Sak 1 – 23.01.19 – Budsjett'.
_DATE_AFTER = r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*[:.–—-]?\s*)?"
YEARLESS_HEADING = re.compile(r"^\s*(?:[-•*]\s*)?(?:sak|punkt|pkt\.)\s*(?:nr\.?\s*)?(?P<num>\d{1,3})"
                              rf"(?P<sep>\s*[:.–—-]\s+{_DATE_AFTER}|\s+{_DATE_AFTER}|\s*$)", re.IGNORECASE)
BARE_HEADING = re.compile(rf"^\s*(?P<num>{NUMBER})\s*[:.–—-]?\s+(?=[A-ZÆØÅ])")
# 'sak 35-23', 'saker 06-23, 15-23 og 30-23', 'sakene 09-23 og 10-12'
MENTION = re.compile(
    rf"\b(?P<kw>{KEYWORD})\s*(?:nr\.?\s*)?(?P<list>{NUMBER}(?:\s*(?:,|og|and|&|samt|eller)\s*{NUMBER})*)",
    re.IGNORECASE,
)

_A_NUMBER = re.compile(NUMBER)
# How far before its number a mention may start: the keyword, a compound's first part and 'nr.'
_MENTION_REACH = 200


def find_mentions(text: str) -> Iterator[re.Match[str]]:
    """MENTION's matches in a long text, as ``MENTION.finditer`` gives them. Only the stretch before each
    number is searched: MENTION, case-insensitive and tried at every word, costs as much on a case's
    prose without any number as the rest of the case's reading."""
    pos = 0
    while (number := _A_NUMBER.search(text, pos)) is not None:
        # a mention ends its keyword right before the first number after its start, so the first one
        # from here starts within reach before this number and is found in the text up to it
        near = MENTION.search(text, max(pos, number.start() - _MENTION_REACH), number.end())
        if near is None:
            pos = number.end()
            continue
        found = MENTION.match(text, near.start()) or near  # the list may go on past this number
        yield found
        pos = found.end()


# The years a number written year first ('2023/6') may have: minutes are not older
_YEARS = (1950, 2100)


def _ocr_digits(raw: str) -> str:
    if not re.search(r"\d", raw):
        return raw  # 'Sak I/O' is no number
    return raw.translate(str.maketrans("lIO", "110"))


@lru_cache(maxsize=8192)  # asked again for every mention, heading candidate and label of the same numbers
def normalize_number(raw: str) -> str | None:
    """'6/23' -> '06-23'; '2023/6' -> '06-23'; '5/2024' -> '05-24'; '1002/24' -> '1002-24'; 'Sak 20.2009' ->
    '20-09'. None when it is not a case number (an archive number '2018/3556', a zero)."""
    m = re.fullmatch(r"\s*(\d{1,4})\s?(?:[-/–]\s?(\d{1,4})|\.((?:19|20)\d\d))\s*", _ocr_digits(raw or ""))
    if not m:
        return None
    a, b = m.group(1), m.group(2) or m.group(3)
    # A year comes first in '2023/6'; a case number of four digits ('1900/24') is no year of the minutes
    if len(a) == 4 and len(b) <= 3 and _YEARS[0] <= int(a) <= _YEARS[1]:
        a, b = b, a
    if len(b) == 4:
        if not 1900 <= int(b) <= 2100:
            return None
        b = b[2:]
    if len(b) == 3 or int(a) == 0:
        return None
    return f"{int(a):02d}-{int(b):02d}"


def numbers_in(text: str) -> list[str]:
    """Every case number in a list such as '06-23, 15-23 og 30-23'."""
    out = []
    for m in NUMBER_IN_TEXT.finditer(text):
        number = normalize_number(m.group(1))
        if number:
            out.append(number)
    return out


# An archive number on its own line under a case's heading, year first: 'Saksnr. 2023/981', 'Sak nr.: 2024/77'
# (a university board's V-SAK 2 with its file in the archive). A case is numbered within its year, the
# archive's files run to thousands; one with a short serial is no case of the meeting either.
ARCHIVE_LINE = re.compile(r"^\s*(?:saksnr|sak\s+nr|arkivsak\w*|arkivnr)\.?\s*:?\s*"
                          r"(?:19|20)\d\d\s?/\s?\d{1,6}(?:-\d+)?\s*$", re.IGNORECASE)


def is_archive_mention(m: re.Match[str]) -> bool:
    """A MENTION of an archive file, not a case: 'Saksnr. 2023/981' under a university board's heading."""
    return m.group("kw").lower().rstrip(".") == "saksnr" and re.match(r"(?:19|20)\d\d\s?/", m.group("list")) is not None


def match_heading(text: str, *, emphasised: bool) -> re.Match[str] | None:
    """A case heading starts with 'Sak <number>'; a bare number counts only when bold or a heading."""
    m = HEADING.match(text)
    if m and normalize_number(m.group("num")):
        kw = m.group("kw").lower()
        if kw.endswith(("saker", "sakene", "saken")) or ARCHIVE_LINE.match(text):
            return None
        return m
    if emphasised:
        m = BARE_HEADING.match(text)
        if m and normalize_number(m.group("num")):
            return m
    m = YEARLESS_HEADING.match(text)
    if m and (emphasised or m.group("sep").strip()) and (text[m.end():][:1].isupper() or not text[m.end():].strip()):
        return m
    return None


def heading_number(m: re.Match[str]) -> str | None:
    """The case number of a heading :func:`match_heading` found: 'NN-YY', or a number within the meeting ('3')."""
    if m.re is YEARLESS_HEADING:
        return str(int(m.group("num"))) if int(m.group("num")) else None
    return normalize_number(m.group("num"))

# A point of the same meeting named in the text: 'sak 3', 'punkt 8 i den opprinnelige sakslisten'. A 'punkt'
# is one of the agenda only when the agenda is named: 'punkt 2 i avtalen' is the agreement's.
POINT_MENTION = re.compile(
    r"\b(?P<kw>sak|punkt|pkt\.)\s*(?:nr\.?\s*)?(?P<num>\d{1,3})\b(?!\s?[-/–.,]\s?\d)"
    r"(?P<agenda>\s+(?:i|på)\s+(?:den\s+)?(?:\w+\s+)?(?:saksliste|sakliste|dagsorden|agenda)\w*)?", re.IGNORECASE)


# Points numbered within the meeting without the word 'Sak': '1. Dugnad', '216 Godkjenning', '111 - Status',
# '2) Budsjett'. The title starts with a capital, so a sub-point ('4.1'), a date ('23.04.2019') or an
# amount ('1 000 kr') is none.
POINT = re.compile(r"^\s*(?P<num>\d{1,3})(?:[.)]\s*|\s*[:–—-]\s+|\s+)(?=[«\"“(]?[A-ZÆØÅ])")
# Roman numerals need their full stop or a dash: 'I dag' is Norwegian for 'today'.
ROMAN = re.compile(r"^\s*(?P<num>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))(?:[.)]\s*|\s*[:–—-]\s+)(?=[A-ZÆØÅ])")
# Series that restart in every meeting keep their letter: 'V-SAK 1' -> 'V-1', 'O-sak 2:' -> 'O-2'.
SERIES = re.compile(r"^\s*(?P<series>[A-ZÆØÅ])\s?-\s?sak\s*(?:nr\.?\s*)?(?P<num>\d{1,3})(?!\d|\s?[-/–.]\s?\d)"
                    r"\s*[:.–—-]?\s*", re.IGNORECASE)
# A case's treatment named by its body: 'Kommunestyrets behandling av sak 15/2025 i møte den 09.12.2025:',
# nynorsk 'Kommunestyret si handsaming av sak 15/2025'
TREATMENT = re.compile(rf"^\s*[A-ZÆØÅ][^:]{{0,80}}?\s+(?:behandling|handsaming)\s+av\s+(?:sak|ps)\s+(?P<num>{NUMBER})",
                       re.IGNORECASE)

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int:
    """'IV' -> 4, 'XII' -> 12."""
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
