"""The meeting itself: body, date, start and end time, location."""

from __future__ import annotations

import re

from referat import bodywords
from referat.extract.blocks import Block
from referat.extract.casenumber import match_heading
from referat.extract.dates import MONTHS, find_date, find_time_range
from referat.folding import fold

LABELS = {
    "location": ("sted", "motested", "lokale", "moterom", "lokasjon", "stad", "motestad"),
    "date": ("dato", "motedato", "dag"),
    # 'Åpningstid' is when a polling station's board sat
    "time": ("kl", "tid", "klokkeslett", "tidspunkt", "motetid", "motetidspunkt", "apningstid", "motestart"),
    "end": ("moteslutt", "slutt", "motet slutt", "avsluttet", "motet avsluttet", "motet hevet", "avslutta",
            "motet avslutta", "motet heva"),
    "body": ("organ", "utvalg", "utval", "motets navn", "motets namn", "mote i", "styre", "gruppe", "forum"),
}
_INLINE = re.compile(r"(?i)\b(sted|møtested|stad|møtestad|lokale|dato|møtedato|kl|tid|klokkeslett|tidspunkt|"
                     r"møtetidspunkt|møtetid|åpningstid|møtestart|møteslutt|(?:møtet\s+)?(?:slutt|avsluttet|hevet|avslutta|"
                     r"heva)|"
                     r"organ|utvalg?|møte\s+i|møtets\s+nav?mn)\s*[:.]\s*")
_MOTE = r"m[øo0g@]te[t]?"  # OCR reads 'møte' as 'mgte', 'm@te'
# 'Referat fra møte i X', 'Protokoll – X', 'Sammendrag fra møte i X', or the meeting alone: 'Møte i X 10.09.2024',
# 'Styremøte i Helse Vest RHF'
# An extract of the minutes: 'Utskrift av møtebok for Formannskapet', 'Særutskrift frå møtebok'
EXTRACT_OF = r"(?:(?:sær)?utskrift\s+(?:av|fra|frå)\s+)?"
_TITLE = re.compile(
    # 'Referat – møte i X', 'Referat: møte i styret': a dash or a colon before the meeting
    rf"(?i)^\s*(?:{EXTRACT_OF}(?:{_MOTE}|valg?)?(?:referat|protokoll|møtebok)\s*(?:[-–:]\s*(?={_MOTE}\s+i\s))?"
    r"(?:fra|frå|for)?\s*"
    rf"|(?:sammendrag|minnesnotat|notat)\s+fr[aå]\s+|(?=[\wæøå]*{_MOTE}\s+i\s+(?-i:[A-ZÆØÅ])))"
    # 'Protokoll fra møte nr. 4/2024 i universitetsstyret': the meeting's number in the year before its body
    rf"(?:(?P<kind>[\wæøå]*){_MOTE}(?:\s+(?:nr\.?\s*)?\d{{1,3}}(?:\s?/\s?\d{{2,4}})?)?\s+(?:i|for)\s+|{_MOTE}\s+)?"
    # 'Helse- og omsorgsutvalget': a hyphen before 'og' is part of the name, not the end of it
    r"(?:[-–:,]\s*)?(?P<body>[A-ZÆØÅa-zæøå](?:[\wæøåÆØÅ ]|-\s(?=og\s)){2,60}?)"
    r"\s*(?:$|-(?!\s+og\s)|[–,:(]|\s\d|\s+(?:den|i|på|ved)\s|\s+nr\b|\s+for\s+(?-i:[A-ZÆØÅ][a-zæøå]))"
)


# A sentence dating something other than the meeting: a deadline, the next or the last meeting; nynorsk
# 'førre', 'innan', 'tidlegare', 'utsett til', 'vert halde', 'protokollen frå førre møte'
_OTHER_DATE = re.compile(r"(?i)\b(?:neste|forrige|førre|frist\w*|innen|innan|tidligere|tidlegare|utsatt\s+til|"
                         r"utsett\s+til|holdes|avholdes|haldast|vert\s+halde(?:n|t)?|blir\s+halde(?:n|t)?)\b"
                         r"|\b(?:referat|protokoll)(?:et|en)?\s+fr[aå]\s+(?:[\wæøå]*møtet|forrige|førre)")


def _label(cell: str) -> str | None:
    folded = fold(cell)
    for field, words in LABELS.items():
        if folded in words:
            return field
    return None


def read_header(blocks: list[Block], whole: list[Block] | None = None) -> dict[str, str | None]:
    """Header fields from label/value cells ('Sted', 'Dato:', 'Kl:') or 'Sted: ...' lines, and the title,
    read in the opening (``blocks``). What minutes say as they close ('Møtet hevet kl. 13.37', 'Neste
    styremøte ...') is sought in the ``whole`` document, past the last case."""
    whole = whole or blocks
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
                if _ENDED_BEFORE.search(text[:m.start()]):  # 'Møtet hevet kl. 13.37' is the end, not a field
                    continue
                if _OTHER_DATE.search(text[max(0, m.start() - 80):m.start()]):  # '... holdes 19. februar kl. 16'
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
            if _OTHER_DATE.search(block.text) or match_heading(block.text, emphasised=False):
                continue  # a case's heading dates the case ('Sak 4/24 Budsjettendring 01.09.2024')
            date = find_date(block.text)
            if date:
                break
    out["date"] = date.isoformat() if date else None
    start = end = None
    if fields.get("time"):
        start, end = find_time_range(fields["time"] or "")
        if not out["location"]:  # 'Møtetidspunkt: 14:15 rom 054': the place after the time
            out["location"] = _place_after_time(fields["time"] or "")
    if end is None:  # 'Frå kl. 09.00 til kl. 12.00': the field ends at the second 'kl.', the line goes on
        for block in blocks[:25]:
            if _OTHER_DATE.search(block.text):
                continue
            # a row of the attendance saying when someone came or left ('Permisjon fra kl. 12') is no meeting time
            if block.is_row and not _label((block.cells or [""])[0]):
                continue
            text = _ENDED.sub(" ", block.text)
            if re.search(rf"(?i)\b{_CLOCK}\s*\d|\btid\s*:", text):
                found = find_time_range(re.split(rf"(?i)\b{_CLOCK}|\btid\s*:", text, maxsplit=1)[1])
                if found[0] and (start is None or (found[0] == start and found[1])):
                    start, end = found
                    break
    if start is None:  # 'Styremøte 12.03.2024, 18.00–20.00': the time after the title's date
        start, end = _time_after_date(blocks)
    closing = re.match(rf"(?i)\s*(?:ca\.?\s*)?(?:{_CLOCK}\s*)?({_HHMM})", fields.get("end") or "")
    if end is None and closing:  # 'Møteslutt: 20.15', and not 'Møtet avsluttet. Neste møte 14.05'
        end = find_time_range(closing.group(1))[0]
    if end is None:
        end = _ended(whole)
    out["start_time"], out["end_time"] = start, end
    if not out["body"]:
        out["body"] = _title_body(blocks) or _next_meeting_body(whole)
    if not out["location"]:
        out["location"] = _place_in_prose(blocks)
    if out["location"]:
        out["location"] = " ".join(out["location"].split())
    return out


_CLOCK = r"(?:klokka|klokken|kl)\.?"
_HHMM = r"\d{1,2}(?:\s?[.:]\s?\d{2})?(?![\d.:]\d)"
# The end of the meeting in prose: 'Møtet hevet kl. 13.37', 'Generalforsamlingen heves klokken 01:02',
# 'Møtet ble avsluttet kl 15', 'Møtet slutt 15.30'
_END_VERB = r"(?:hevet|heves|heva|hevast|avsluttet|avsluttes|avslutta|avslutt|slutt)"
_ENDED = re.compile(rf"(?i)\b{_END_VERB}\s*(?:ca\.?\s*)?{_CLOCK}\s*(?P<clock>{_HHMM})"
                    rf"|\bmøtet\s+(?:ble\s+|vart\s+|er\s+)?{_END_VERB}\s*:?\s*(?P<bare>\d{{1,2}}[.:]\d{{2}})")
_ENDED_BEFORE = re.compile(rf"(?i)\b{_END_VERB}\s*(?:ca\.?\s*)?$")


def _time_after_date(blocks: list[Block]) -> tuple[str | None, str | None]:
    """A time written after the date in the opening without 'kl': 'Styremøte 12.03.2024, 18.00–20.00'.
    Hours and minutes both, so that a year or a case number is no time."""
    for block in blocks[:4]:
        if block.is_row or _OTHER_DATE.search(block.text):
            continue
        dates = list(_WHEN.finditer(block.text))
        if dates and find_date(block.text):
            m = re.match(r"[\s,–-]*(?:fra\s+)?(\d{1,2}[.:]\d{2}(?:\s*(?:-|–|—|til)\s*\d{1,2}[.:]\d{2})?)(?![\d.])",
                         block.text[dates[-1].end():])
            if m:
                return find_time_range(m.group(1))
    return None, None


def _ended(blocks: list[Block]) -> str | None:
    """The end time the minutes give in prose, as they close: the last such sentence."""
    for block in reversed(blocks):
        found = list(_ENDED.finditer(block.text))
        if found:
            m = found[-1]
            return find_time_range(m.group("clock") or m.group("bare"))[0]
    return None


def _place_after_time(value: str) -> str | None:
    """'14:15 rom 054 it-vest' -> 'rom 054 it-vest': a place written after the time in a time field."""
    m = re.match(rf"(?i)\s*(?:fra\s+)?(?:{_CLOCK}\s*)?{_HHMM}(?:\s*(?:-|–|til)\s*(?:{_CLOCK}\s*)?{_HHMM})?"
                 r"[\s,]+\(?(?:i\s+|på\s+)?(?P<place>[A-Za-zÆØÅæøå][^()]{1,58})\)?$", value)
    if not m or re.match(r"(?i)(?:til|og|ca|eller|med|om|for|av|ved|som|da|der)\b", m.group("place")):
        return None
    return m.group("place").strip(" .,")


# A sentence ends after a word, not after the number of a day ('13. april'): 'Oslo. Saksliste: ...'
_SENTENCE_END = re.compile(r"(?<=[a-zæøåA-ZÆØÅ)][.!?])\s+(?=[A-ZÆØÅ])|(?<=[a-zæøå)][.!?])$")
_WHEN = re.compile(rf"(?i)\b{_CLOCK}\s*{_HHMM}|\b\d{{1,2}}\s?[./]\s?\d{{1,2}}(?:\s?[./]\s?|\s)\d{{2,4}}\b"
                   rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}\.?\s+(?:{'|'.join(MONTHS)})\.?(?:\s+\d{{4}})?\b")
# 'Møtet ble holdt i ...', nynorsk 'Møtet vart halde i ...'
_HELD = re.compile(r"(?i)\b(?:(?:av)?holdt(?:es)?|halde(?:n|t)?|haldast)\s+(?=(?:i|på|hos)\s)")
# 'i forbindelse med', 'på dagtid', nynorsk 'i samband med', 'i staden': phrases that are no place
_NO_PLACE = re.compile(r"(?i)^(?:forbindelse|samband|tillegg|regi|etterkant|forkant|dag|morgen|kveld|år|uke|veke|tide|"
                       r"forhold|høve|henhold|samsvar|sammenheng|samanheng|stedet|staden)\b|^\d")
_MEETING_WORD = re.compile(r"(?i)møte|protokoll|referat|generalforsamling|holdt")


def _place_in_prose(blocks: list[Block]) -> str | None:
    """The place the opening gives in prose: '9. mars 2015 klokka 13 på Klosterøya eller per telefon',
    '13. april 2018 i Porsgrunn', 'Møtet ble holdt i klubbens lokaler'. The last 'i'/'på' after the
    date or time of the sentence that states the meeting: what comes before it is the body and its owner."""
    for k, block in enumerate(blocks[:8]):
        if block.is_row or match_heading(block.text, emphasised=block.bold or bool(block.heading)):
            continue  # 'Sak 1/24 Protokoll fra 12.03.2024 i styret' dates and places another meeting
        for sentence in _SENTENCE_END.split(block.text)[:3]:
            if k > 3 and not _MEETING_WORD.search(sentence):
                continue
            held = _HELD.search(sentence)
            whens = list(_WHEN.finditer(sentence))
            if held:  # 'Møtet ble holdt på Teams fra kl. 10.00': the place up to the time
                later = [w.start() for w in whens if w.start() >= held.end()]
                tail = sentence[held.end():min(later, default=None)]
                # 'holdt i Kollegiesalen, og varte fra kl. 10.00': the sentence goes on after the place
                tail = re.sub(r"(?i)(?:[\s,]+og\s+[a-zæøå]+)?[\s,]*(?:fra|frå|den|mellom)?\s*$", "", tail)
            elif whens:
                tail = sentence[whens[-1].end():]
            else:
                continue
            places = list(re.finditer(r"(?:^|\s)(?:i|på|(?P<at>hos))\s+", tail))
            if not places:
                # 'Møtet ble satt kl. 10.00 og hevet kl. 15.10, møterom 921, Sentralbygget': the place
                # after a comma, closing the sentence that says when the meeting sat
                after = re.fullmatch(r"\s*,\s*(?P<place>[A-Za-zÆØÅæøå][^()]{2,90}?)[\s.]*", tail)
                if not held and after and _MEETING_WORD.search(sentence) and not _WHEN.search(after["place"]):
                    return after["place"]
                continue
            # 'hos Kari': at someone's, as a 'Sted: Hos Kari' field writes it
            place = tail[places[-1].start("at") if places[-1].group("at") else places[-1].end():]
            place = re.split(r"\s+(?:eller|og\s+(?:per|via|på)|samt)\s+|\s*\(|\s+\d{1,2}\.", place)[0].strip(" .,;:")
            if (place and len(place) <= 90 and not _NO_PLACE.match(place) and not _WHEN.search(place)
                    and not re.fullmatch(rf"(?i){bodywords.ANY_FORM}", place)):  # 'i styret' is no place
                return place
    return None


# The owner after the body is not part of its name: "Brukerrådet ved Haugesund sjukehus", "Eldrerådet i Os".
_BODY_LINE = re.compile(rf"(?i)^(?P<body>[A-ZÆØÅ][\wæøå -]{{2,60}}?(?:{bodywords.ANY_FORM}))"
                        r"(?:$|\s*[–,]|\s+(?:ved|i|på|for\s+\S+\s+(?:kommune|fylke|sjukehus|sykehus))\s)")


# A body's name on a line of its own above the title: 'Eldrerådet', 'Rådet for eldre og personer med
# funksjonsnedsettelse'. The field after 'for' is part of the name, the owner after 'i'/'ved' is not.
_NAME_LINE = re.compile(rf"(?i)^(?P<body>[\wæøå-]*?(?:{bodywords.DEFINITE})"
                        r"(?:\s+for\s+[a-zæøå][\wæøå ,-]{2,70}?)?)(?:\s+(?:i|ved|på)\s+[^.:]{2,60})?$")


# '<body>s behandling av sak 15/2025' as case systems print an extract of a case, or the body's meeting
# named for its purpose: 'Hovedstyrets årbokmøte', 'Styrets møte'
# nynorsk 'Formannskapet si handsaming av sak 12/2024', 'Styret sitt møte'
_GENITIVE = re.compile(rf"(?i)^(?P<body>[A-ZÆØÅ][\wæøå -]{{2,60}}?)(?:s|\s+si|\s+sitt)\s+"
                       rf"(?:(?:behandling|handsaming)\s+av\s+sak\b|[\wæøå-]*{_MOTE}\b)")
_BODY_NOUN = re.compile(rf"(?i)(?:{bodywords.alternation(w for w in bodywords.ANY_FORM.split('|') if 'møte' not in w)})"
                        r"(?=\s|$)")
_MINUTES_WORD = re.compile(rf"(?i)^\s*(?:{EXTRACT_OF}(?:{_MOTE}|valg?)?(?:referat|protokoll|møtebok)"
                           r"\s*(?:fra|frå|for|[:–-])?\s*|(?:sammendrag|notat)\s+fr[aå]\s+)")


def _assembly_body(text: str) -> str | None:
    """An assembly that is its own organ in a title: 'Generalforsamling i Bitraf 30.04.2014',
    'Protokoll fra ekstraordinært årsmøte torsdag', 'Årsmøteprotokoll'."""
    first = re.match(r"[\wæøåÆØÅ]+", _MINUTES_WORD.sub("", text, count=1))
    if not first:
        return None
    word = re.sub(r"(?i)(?:protokoll|referat)$", "", first.group())
    return bodywords.assembly(word)


def _genitive_body(text: str) -> str | None:
    m = _GENITIVE.match(_MINUTES_WORD.sub("", text, count=1))  # 'Protokoll fra Universitetsstyrets møte 20. juni'
    if m is None:
        m = _GENITIVE.match(text)
    if m and _BODY_NOUN.search(m.group("body") + " "):
        body = m.group("body").strip()
        return body[0].upper() + body[1:]
    return None


# A kind of meeting in lower case ('stormøte', 'dialogmøte med kommunen'); a capital makes it a name
# ('Partnermøtet', 'PARTNERMØTE')
_KIND_OF_MEETING = re.compile(r"(?i)[\wæøå]*m[øo0g@]te(?:\s|$)")


def _meeting_word_body(text: str) -> str | None:
    """A title that starts with the body's meeting: 'Styremøte 2/2022 – Nordre Vel', 'Rådsmøte 12. mars'."""
    m = re.match(rf"\W{{0,3}}(?P<word>(?=[A-ZÆØÅ])(?i:[\wæøå]*{_MOTE}))(?=$|[\s,.:–-])", text)
    return bodywords.meeting_of(m.group("word")) if m else None


_MINUTES_ALONE = r"(?i)(?:møte)?(?:referat|protokoll|møtebok)"


def _title_body(blocks: list[Block]) -> str | None:
    for k, block in enumerate(blocks[:8]):
        # 'Ekstraordinært styremøte' is the board's meeting, called out of turn; 'Partnermgte' is OCR's
        text = bodywords.MEETING_MANNER.sub("", bodywords.repair_ocr(block.text.strip()))
        following = blocks[k + 1].text.strip() if k + 1 < len(blocks) and not blocks[k + 1].is_row else ""
        if re.fullmatch(_MINUTES_ALONE, text) and re.match(r"(?:fra|frå|for)\s", following):
            # 'PROTOKOLL' over 'fra årsmøte i Sameiet Strandveien 12': one title on two lines
            text = bodywords.MEETING_MANNER.sub("", bodywords.repair_ocr(f"{text} {following}"))
        found = (_assembly_body(text) or _genitive_body(text) or _meeting_word_body(text)
                 if len(text) < 200 and not block.is_row else None)
        if found:
            return found
        if re.fullmatch(_MINUTES_ALONE, text) and k + 1 < len(blocks):
            following = bodywords.repair_ocr(blocks[k + 1].text.strip())
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
            if kind and not _BODY_LINE.match(body):
                continue  # 'dialogmøte i Bergen kommune': a kind of meeting held by an organisation, no organ
            if kind is None and _KIND_OF_MEETING.match(body) and body[0].islower():
                continue  # 'Referat fra stormøte': the kind of meeting, where 'Referat fra Partnermøtet' names one
            # 'Møteprotokoll styret Havnevik Energi AS': the company after the body is its owner
            owner = re.match(r"(?P<body>[\wæøå-]+)\s+[A-ZÆØÅ][\wæøåÆØÅ ]*\s(?:AS|ASA|IKS|HF|RHF|KF|SA|BA)$", body)
            if owner and _BODY_NOUN.search(owner["body"] + " "):
                body = owner["body"]
            if body.isupper():
                body = body.capitalize()
            if fold(body) not in ("", "fra", "mote"):
                return body[0].upper() + body[1:]
    for block in blocks[:3]:
        m = _NAME_LINE.match(bodywords.repair_ocr(block.text.strip()))
        if m and not block.is_row:
            body = m.group("body")
            body = body.capitalize() if body.isupper() else body
            return body[0].upper() + body[1:]
    return None


_NEXT_MEETING = re.compile(rf"(?i)\bneste\s+(?P<kind>[\wæøå]+{_MOTE})\b")


def _next_meeting_body(blocks: list[Block]) -> str | None:
    """Minutes without a title that set the date of their body's next meeting ('Neste styremøte blir
    27.05.2019') and speak of the body as it acts ('Styret har behandlet ...'): that body met."""
    text = " ".join(b.text for b in blocks if not b.is_row)
    for m in _NEXT_MEETING.finditer(text):
        body = bodywords.meeting_of(m.group("kind"))
        if body and len(re.findall(rf"(?i)\b{re.escape(body)}\b", text)) >= 2:
            return body
    return None
