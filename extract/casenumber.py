"""The case-number grammar, in one place: 'Sak 36-23', 'sak 6/23', 'Sak 2023/6', 'PS 5/24' -> 'NN-YY';
'Sak 3:' in minutes that number cases within the meeting -> '3'."""

from __future__ import annotations

import re

# A number as written: 36-23, 6/23, 2023/6, 06/2023, 5 / 24, and OCR's en dash.
NUMBER = r"\d{1,4}\s?[-/–]\s?\d{1,4}"
NUMBER_IN_TEXT = re.compile(rf"(?<![\d/.,-])({NUMBER})(?![\d/]|[-.,]\d)")
# What may stand before a number for it to be a case: Sak, saker, sakene, saksnr., PS (politisk sak),
# and compounds that name the kind of case: Styresak, Orienteringssak, Vedtakssak, O-sak; the
# lists of case systems: PS (politisk sak), RS (referatsak), DS (delegert sak), OS (orientering).
KEYWORD = r"(?:(?:[a-zæøå]{2,}s?|[a-zæøå]-)?sak(?:ene|en|er)?|saksnr\.?|sak\s+nr\.?|ps|rs|os|ds)"
# OCR reads a 1 as l or I and a 0 as O: 'Sak l/24', 'Sak 1O/24'. Only after the keyword at the start of a
# heading, where nothing but a number can stand.
_OCR_NUMBER = r"[\dlIO]{1,4}\s?[-/–]\s?[\dlIO]{1,4}"
HEADING = re.compile(
    rf"^\s*(?:[-•*]\s*)?(?P<kw>{KEYWORD})\s*(?:nr\.?\s*)?(?P<num>{_OCR_NUMBER})\b\s*[:.–—-]?\s*",
    re.IGNORECASE,
)
# Minutes that number cases within the meeting only: 'Sak 3: Budsjett'. Only after 'Sak' and before a
# separator (or in a heading), so that 'Sak 3 ble utsatt' stays prose; the number is kept as written.
YEARLESS_HEADING = re.compile(r"^\s*(?:[-•*]\s*)?sak\s*(?:nr\.?\s*)?(?P<num>\d{1,3})(?P<sep>\s*[:.–—-]\s+|\s+|\s*$)",
                              re.IGNORECASE)
BARE_HEADING = re.compile(rf"^\s*(?P<num>{NUMBER})\s*[:.–—-]?\s+(?=[A-ZÆØÅ])")
# 'sak 35-23', 'saker 06-23, 15-23 og 30-23', 'sakene 09-23 og 10-12'
MENTION = re.compile(
    rf"\b(?P<kw>{KEYWORD})\s*(?:nr\.?\s*)?(?P<list>{NUMBER}(?:\s*(?:,|og|and|&|samt|eller)\s*{NUMBER})*)",
    re.IGNORECASE,
)


def _ocr_digits(raw: str) -> str:
    if not re.search(r"\d", raw):
        return raw  # 'Sak I/O' is no number
    return raw.translate(str.maketrans("lIO", "110"))


def normalize_number(raw: str) -> str | None:
    """'6/23' -> '06-23'; '2023/6' -> '06-23'; '5/2024' -> '05-24'. None when it is not a case number."""
    m = re.fullmatch(r"\s*(\d{1,4})\s?[-/–]\s?(\d{1,4})\s*", _ocr_digits(raw or ""))
    if not m:
        return None
    a, b = m.groups()
    if len(a) == 4 and len(b) <= 3:  # 2023/6
        a, b = b, a
    if len(b) == 4:
        if not 1900 <= int(b) <= 2100:
            return None
        b = b[2:]
    if len(b) == 3 or len(a) > 3:
        return None
    if int(a) == 0:
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


def match_heading(text: str, *, emphasised: bool) -> re.Match[str] | None:
    """A case heading starts with 'Sak <number>'; a bare number counts only when bold or a heading."""
    m = HEADING.match(text)
    if m and normalize_number(m.group("num")):
        kw = m.group("kw").lower()
        if kw.endswith(("saker", "sakene", "saken")):
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
