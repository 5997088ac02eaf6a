"""The meeting itself: body, date, start and end time, location."""

from __future__ import annotations

import re

from referat import bodywords
from referat.extract.blocks import Block
from referat.extract.dates import find_date, find_time_range
from referat.folding import fold

LABELS = {
    "location": ("sted", "motested", "lokale", "moterom", "lokasjon", "stad", "motestad"),
    "date": ("dato", "motedato", "dag"),
    "time": ("kl", "tid", "klokkeslett", "tidspunkt", "motetid"),
    "body": ("organ", "utvalg", "motets navn", "mote i", "styre", "gruppe", "forum"),
}
_INLINE = re.compile(r"(?i)\b(sted|møtested|stad|møtestad|lokale|dato|møtedato|kl|tid|klokkeslett|tidspunkt|møtetid|"
                     r"organ|utvalg)\s*[:.]\s*")
_MOTE = r"m[øo0g@]te[t]?"  # OCR reads 'møte' as 'mgte', 'm@te'
# 'Referat fra møte i X', 'Protokoll – X', 'Sammendrag fra møte i X', or the meeting alone: 'Møte i X 10.09.2024',
# 'Styremøte i Helse Vest RHF'
_TITLE = re.compile(
    rf"(?i)^\s*(?:(?:{_MOTE})?(?:referat|protokoll|møtebok)\s*(?:fra|frå|for)?\s*"
    rf"|(?:sammendrag|minnesnotat|notat)\s+fr[aå]\s+|(?=[\wæøå]*{_MOTE}\s+i\s+(?-i:[A-ZÆØÅ])))"
    rf"(?:(?P<kind>[\wæøå]*){_MOTE}\s+(?:i|for)\s+|{_MOTE}\s+)?"
    # 'Helse- og omsorgsutvalget': a hyphen before 'og' is part of the name, not the end of it
    r"(?:[-–:]\s*)?(?P<body>[A-ZÆØÅa-zæøå](?:[\wæøåÆØÅ ]|-\s(?=og\s)){2,60}?)"
    r"\s*(?:$|-(?!\s+og\s)|[–,:(]|\s\d|\s+(?:den|i|på|ved)\s)"
)


def _label(cell: str) -> str | None:
    folded = fold(cell)
    for field, words in LABELS.items():
        if folded in words:
            return field
    return None


def read_header(blocks: list[Block]) -> dict[str, str | None]:
    """Header fields from label/value cells ('Sted', 'Dato:', 'Kl:') or 'Sted: ...' lines, and the title."""
    fields: dict[str, str | None] = {}
    for k, block in enumerate(blocks):
        if block.is_row:
            cells = block.cells or []
            below = blocks[k + 1].cells if k + 1 < len(blocks) and blocks[k + 1].is_row else None
            if below and len(cells) >= 2 and all(_label(c) for c in cells if c.strip()):
                # labels over their values: '| Utvalg | Møtedato | Sted |' above the meeting's row
                for cell, value in zip(cells, below, strict=False):
                    field = _label(cell)
                    if field and field not in fields and value.strip() and not _label(value):
                        fields[field] = value.strip()
                continue
            for i, cell in enumerate(cells):
                field = _label(cell)
                if field and field not in fields:
                    value = next((c for c in cells[i + 1:] if c.strip()), "")
                    if value and not _label(value):
                        fields[field] = value.strip()
        else:
            text = block.text
            matches = list(_INLINE.finditer(text))
            for k, m in enumerate(matches):
                if m.start() and not re.match(r"[\s\t]", text[m.start() - 1]):
                    continue
                field = _label(m.group(1))
                end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
                value = text[m.end():end].strip(" ,;")
                if field and field not in fields and value and len(value) < 150:
                    fields[field] = value
    out: dict[str, str | None] = {"body": fields.get("body"), "location": fields.get("location")}
    date = find_date(fields.get("date") or "")
    if date is None:
        for block in blocks[:25]:
            date = find_date(block.text)
            if date:
                break
    out["date"] = date.isoformat() if date else None
    start = end = None
    if fields.get("time"):
        start, end = find_time_range(fields["time"] or "")
    if end is None:  # 'Frå kl. 09.00 til kl. 12.00': the field ends at the second 'kl.', the line goes on
        for block in blocks[:25]:
            if re.search(r"(?i)\bkl\.?\s*\d|\btid\s*:", block.text):
                found = find_time_range(re.split(r"(?i)\bkl\.?|\btid\s*:", block.text, maxsplit=1)[1])
                if found[0] and (start is None or (found[0] == start and found[1])):
                    start, end = found
                    break
    out["start_time"], out["end_time"] = start, end
    if not out["body"]:
        out["body"] = _title_body(blocks)
    if out["location"]:
        out["location"] = " ".join(out["location"].split())
    return out


# The owner after the body is not part of its name: "Brukerrådet ved Haugesund sjukehus", "Eldrerådet i Os".
_BODY_LINE = re.compile(rf"(?i)^(?P<body>[A-ZÆØÅ][\wæøå -]{{2,60}}?(?:{bodywords.ANY_FORM}))"
                        r"(?:$|\s*[–,]|\s+(?:ved|i|på|for\s+\S+\s+(?:kommune|fylke|sjukehus|sykehus))\s)")


# A body's name on a line of its own above the title: 'Eldrerådet', 'Rådet for eldre og personer med
# funksjonsnedsettelse'. The field after 'for' is part of the name, the owner after 'i'/'ved' is not.
_NAME_LINE = re.compile(rf"(?i)^(?P<body>[\wæøå-]*?(?:{bodywords.DEFINITE})"
                        r"(?:\s+for\s+[a-zæøå][\wæøå ,-]{2,70}?)?)(?:\s+(?:i|ved|på)\s+[^.:]{2,60})?$")


def _title_body(blocks: list[Block]) -> str | None:
    for k, block in enumerate(blocks[:8]):
        text = block.text.strip()
        if re.fullmatch(r"(?i)(?:møte)?(?:referat|protokoll|møtebok)", text) and k + 1 < len(blocks):
            following = blocks[k + 1].text.strip()
            line = _BODY_LINE.match(following)
            if line:
                body = line.group("body").strip()
                return body[0].upper() + body[1:]
        m = _TITLE.match(text)
        if m and len(text) < 120:
            body = m.group("body").strip()
            # 'Protokoll fra styremøte i Vestlandsklyngen AS': the company owns the board that met
            # ('rådsmøte i Eldrerådet' names the body itself)
            kind = m.group("kind")
            if kind is None:
                board = bodywords.meeting_of(body)
            else:
                board = None if _BODY_LINE.match(body) else bodywords.meeting_of(kind + "møte")
            if board:
                return board
            if body.isupper():
                body = body.capitalize()
            if fold(body) not in ("", "fra", "mote"):
                return body[0].upper() + body[1:]
    for block in blocks[:3]:
        m = _NAME_LINE.match(block.text.strip())
        if m and not block.is_row:
            body = m.group("body")
            body = body.capitalize() if body.isupper() else body
            return body[0].upper() + body[1:]
    return None
