"""Dates and times as Norwegian minutes write them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
# '11.12.2023', '6. 12. 2018', and '05.09 2013' with a space before a year of four digits
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s?[./]\s?(\d{1,2})(?:\s?[./]\s?(\d{4}|\d{2})(?!\d)|\s(\d{4})(?![\d:.]))")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _ocr_month(name: str) -> str:
    """A month's name as OCR may read it: 'rnars' for 'mars', 'apri1' for 'april', 'okt0ber' for 'oktober'."""
    return name.replace("m", "(?:m|rn)").replace("l", "[l1]").replace("o", "[o0]")


def _month(word: str) -> int:
    return MONTHS[word.lower().replace("rn", "m").replace("1", "l").replace("0", "o")]


_WORDS = re.compile(r"(?<!\d)(\d{1,2})(?:\.\s*|\s+)("
                    + "|".join(map(_ocr_month, sorted(MONTHS, key=len, reverse=True)))
                    + r")\.?\s+(\d{4})(?!\d)", re.IGNORECASE)
# A meeting over two days, '5.–6. juni 2024', '12. og 13. mars 2024', '5.-6.6.2024': it met first on the first day
_FIRST_OF_TWO = re.compile(r"(?<![\d.])(\d{1,2})\.\s*(?:[-–]|og)\s*\d{1,2}\.(?=\s*(?:\d{1,2}\.|[a-zæøå]))",
                           re.IGNORECASE)
_TIME = r"(\d{1,2})(?:\s?[.:]\s?(\d{2}))?"
# 'fra kl. 10.00 til kl. 12.30', '13.00 – ca. 15.00'
_RANGE = re.compile(rf"(?<![\d.,/]){_TIME}\s*(?:-|–|—|til)\s*(?:(?:kl|ca)\.?\s*)?{_TIME}(?![\d/])", re.IGNORECASE)
# 'kl. 1000-1230': hours and minutes run together, as a clock is written in a schedule
_RANGE_RUN_TOGETHER = re.compile(r"(?<![\d.,/])([01]\d|2[0-3])([0-5]\d)\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?"
                                 r"([01]\d|2[0-3])([0-5]\d)(?![\d/])", re.IGNORECASE)
# 'kl. 10' read after the 'kl.': an hour alone
_HOUR = re.compile(r"^\s*\.?\s*(\d{1,2})(?![\d.,:/])")
# 'kl. 18.00.' ends a sentence and 'kl. 18.00, Lesesalen' a field; '18.00,50' is no time
_SINGLE = re.compile(r"(?<![\d.,/])(\d{1,2})\s?[.:]\s?(\d{2})(?![\d/]|[.,]\d)")


def _date(y: int, m: int, d: int) -> dt.date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first date in the text: 11.12.2023, 23.10.23, 2023-10-23, 23. oktober 2023."""
    found: list[tuple[int, dt.date]] = []
    text = _FIRST_OF_TWO.sub(r"\1.", text)
    for m in _NUMERIC.finditer(text):
        d = _date(int(m.group(3) or m.group(4)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _ISO.finditer(text):
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    for m in _WORDS.finditer(text):
        d = _date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


def _hhmm(h: str, m: str | None) -> str | None:
    hour, minute = int(h), int(m or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _said_as_time(before: str) -> bool:
    """Bare numbers are a time after 'kl', or as the whole value of a 'Tid:' field."""
    return bool(re.search(r"kl", before, re.I)) or not before.strip()


def find_time_range(text: str) -> tuple[str | None, str | None]:
    """'14.00 – 16.00', 'kl. 9-11', '14:00-16:00' -> ('14:00', '16:00'); one time gives (start, None)."""
    for m in _RANGE.finditer(text):
        start, end = _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
        # hours alone need 'kl' before them, or to be the whole value of a 'Tid:' field
        if start and end and (m.group(2) or m.group(4) or _said_as_time(text[:m.start()])):
            return start, end
    m = _RANGE_RUN_TOGETHER.search(text)
    if m and _said_as_time(text[:m.start()]):  # so that '2023-2024' is no time
        return _hhmm(m.group(1), m.group(2)), _hhmm(m.group(3), m.group(4))
    m = _SINGLE.search(text)
    if m:
        return _hhmm(m.group(1), m.group(2)), None
    m = _HOUR.match(text)
    if m:
        return _hhmm(m.group(1), None), None
    return None, None
