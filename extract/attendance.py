"""Attendance: tables whose columns vary, and 'Til stede: / Forfall: / Referent:' lists."""

from __future__ import annotations

import re
from typing import NamedTuple

from referat.bodywords import DEFINITE
from referat.extract.blocks import Block
from referat.extract.casenumber import MENTION, match_heading, numbers_in
from referat.extract.marks import (
    SUBSTITUTE,
    Category,
    Column,
    Status,
    column_kind,
    read_mark,
    status_from_marks,
    status_from_phrase,
)
from referat.extract.model import Attendee
from referat.extract.names import (
    clean_name,
    find_names,
    list_names,
    looks_like_person,
    proper_noun,
    surname_first,
    uninvert,
    uninvert_list,
)
from referat.extract.roles import is_role, looks_like_org, split_org_role
from referat.folding import fold

SECRETARIAT = re.compile(r"(?i)sekretær|sekretariat|referent")
# Who runs a housing co-operative's or a condominium's business for it, and so serves its meeting
_MANAGER = re.compile(r"(?i)forretningsfør|forvalter")
# Among the others present, those who serve the body: its coordinator, its adviser
_STAFF = re.compile(r"(?i)koordinator|rådgiver|rådgjevar|saksbehandler|sakshandsamar")
NAME_HEADERS = ("navn", "namn", "deltaker", "deltakere", "deltakar", "medlem", "medlemmer", "representant", "person",
                "etternavn", "etternamn", "fornavn", "forenamn")
# The name written in two columns, or surname first as the header says ('Etternavn, fornavn')
_SURNAME_HEADER = re.compile(r"(?:etternavn|etternamn|slektsnavn)\b")
_GIVEN_HEADER = re.compile(r"(?:fornavn|forenamn|fornamn)\b")
# nynorsk 'Verksemd', 'Eining'; a youth council's members come from their school ('Skule'); an
# inter-municipal company's owners: 'Eier | Representant | Møtt'
ORG_HEADERS = ("parti", "liste", "organisasjon", "virksomhet", "verksemd", "institusjon", "partner", "representerer",
               "enhet", "eining", "skole", "skule", "org", "eier", "eigar", "eierkommune", "medlemskommune",
               "deltakerkommune")
ROLE_HEADERS = ("rolle", "funksjon", "verv", "tittel", "stilling")
CODE_HEADERS = ("kode", "initialer", "init", "forkortelse", "kortnavn", "kortnamn")
STANDS_IN_HEADERS = ("motte for", "vara for", "stedfortreder for", "i stedet for", "i staden for")
# A column of remarks: 'Vara: Tonje Rabben', 'Deltok på Teams'
NOTE_HEADERS = ("merknad", "kommentar", "anmerkning", "notat")
# A column naming the substitute who came in the row's member's place
SUBSTITUTE_HEADERS = ("vara", "varamedlem", "vararepresentant", "vara som motte", "motende vara", "mott vara",
                      "stedfortreder", "motande vara", "motande varamedlem")


def section_category(text: str) -> Category | None:
    """A section row such as 'Observatører:' or 'Sekretariat:' sets the category of the rows below it."""
    folded = fold(text)
    if not folded or len(folded) > 40:
        return None
    if "observat" in folded:
        return Category.observer
    if any(w in folded for w in ("sekretar", "referent", "administrasjon")):
        return Category.secretariat
    if "vara" in folded:
        return Category.substitute
    if any(w in folded for w in ("gjest", "invitert", "andre")):
        return Category.guest
    if "medlem" in folded or "representant" in folded or "stemmeberett" in folded:
        return Category.member
    return None


class _Columns:
    def __init__(self, cells: list[str]) -> None:
        self.name = self.org = self.role = self.code = self.stands_in = self.substitute = self.note = None
        # The name in two columns ('Etternavn | Fornavn'), or surname first as the header says ('Etternavn, fornavn')
        self.surname: int | None = None
        self.given: int | None = None
        self.surname_first = False
        self.marks: list[tuple[int, Column, str]] = []
        self.header = [fold(c) for c in cells]
        for i, cell in enumerate(cells):
            folded = fold(cell)
            kind = column_kind(cell)
            if self.surname is None and _SURNAME_HEADER.fullmatch(folded):
                self.surname = i
                self.name = self.name if self.name is not None else i
                continue
            if self.given is None and _GIVEN_HEADER.fullmatch(folded):
                self.given = i
                self.name = self.name if self.name is not None else i
                continue
            if self.stands_in is None and folded in STANDS_IN_HEADERS:
                self.stands_in = i
            elif self.substitute is None and folded in SUBSTITUTE_HEADERS:
                self.substitute = i
            elif self.note is None and folded.startswith(NOTE_HEADERS):
                self.note = i
            elif kind is not None:
                self.marks.append((i, kind, cell))
            elif self.name is None and folded.startswith(NAME_HEADERS):
                self.name = i
                self.surname_first = bool(_SURNAME_HEADER.match(folded)) and bool(_GIVEN_HEADER.search(folded))
            elif self.org is None and folded.startswith(ORG_HEADERS):
                self.org = i
            elif self.role is None and folded.startswith(ROLE_HEADERS):
                self.role = i
            elif self.code is None and folded.startswith(CODE_HEADERS):
                self.code = i

    def usable(self, labelled: bool = False) -> bool:
        """A name column, and marks or organisations; or, under a label such as 'Følgende
        varamedlemmer møtte:' that says who the rows are, a name column alone."""
        return self.name is not None and (bool(self.marks) or self.org is not None or self.stands_in is not None
                                          or labelled)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _split_people(cell: str) -> list[str]:
    parts = re.split(r"\s+(?:og|&|and)\s+|\s*;\s*|\s*/\s*", cell)
    return [uninvert(p.strip()) for p in parts if p.strip()]


def _name_and_note(text: str) -> tuple[str, str | None]:
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", text)
    if m:
        return (m.group(1) + " " + m.group(3)).strip(), m.group(2).strip()
    return text.strip(), None


def _table_rows(blocks: list[Block], start: int, columns: _Columns, category: Category = Category.member,
                status: Status | None = None) -> tuple[list[Attendee], int]:
    people: list[Attendee] = []
    i = start
    while i < len(blocks):
        block = blocks[i]
        if not block.is_row:
            # 'Varamedlemmer:', 'Forfall:' between rows: whose rows follow, and how they attended
            heading = _heading_row(block.text) if len(block.text) <= 60 else None
            if heading is not None:
                category, status = heading[0], heading[1] or status
            elif not _furniture(blocks, i, columns):
                break
            i += 1
            continue
        cells = block.cells or []
        filled = [c for c in cells if c.strip()]
        # a section row: 'Observatører:', or '**Observatører**' or 'Varamedlemmer' alone in a row of empty cells
        if len(filled) == 1 and not looks_like_person(filled[0]) and not _continues(blocks, i, columns):
            heading = _heading_row(filled[0])
            if heading is not None:
                category, status = heading[0], heading[1] or status
            i += 1
            continue
        # A second header row starts a new table, also one that names only whose rows they are
        if _Columns(cells).usable(labelled=True) and not any(looks_like_person(c) for c in cells):
            break
        # a cell that goes on in the row below: 'Helse Bergen HF,' over 'klinikk for psykisk helse'
        j = i + 1
        while j < len(blocks) and _continues(blocks, j, columns):
            cells = _joined_cells(cells, blocks[j].cells or [])
            j += 1
        people.extend(_row_people(block, cells, columns, category, status))
        i = j
    return people, i


def _heading_row(text: str) -> tuple[Category, Status | None] | None:
    """A heading inside a table, with or without its colon: whose rows follow it ('Varamedlemmer',
    'Administrasjonen', 'Observatører:') and, where it says so, how they attended ('Forfall:',
    'Ikke møtt')."""
    text = text.strip()
    if not text or len(text) > 60:
        return None
    found = list_label(text if text.endswith(":") else text + ":")
    if found is not None and found[0].end() >= len(text.rstrip(":")):
        category, _, _ = from_label(found[0], found[1], True)
        return category, found[2]
    section = section_category(text.rstrip(":"))
    return (section, None) if section is not None else None


def _furniture(blocks: list[Block], i: int, columns: _Columns) -> bool:
    """A line between two rows of one table that names nobody: a running title ('Kommunestyret
    12.03.2024') that a text without page breaks carries onto the next page, before the rows go on."""
    block, following = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
    if following is None or not following.is_row or len(block.text) > 80 or find_names(block.text):
        return False
    cells = following.cells or []
    return len(cells) <= len(columns.header) and looks_like_person(_name_cell(cells, columns))


def _continues(blocks: list[Block], j: int, columns: _Columns) -> bool:
    """The row at ``j`` goes on with the row above's cells: it is the next line, has no mark of its own,
    and either leaves the name empty or holds the rest of a name or an organisation the row above
    broke off ('Eva Marie' over 'Dahl-Berg', 'Høgskulen på' over 'Vestlandet')."""
    block, above = blocks[j], blocks[j - 1] if j else None
    if above is None or not block.is_row or not above.is_row or block.page != above.page \
            or block.line != above.line_end + 1:
        return False
    cells, over = block.cells or [], above.cells or []
    if any(_cell(cells, k) for k, _, _ in columns.marks) or not any(c.strip() for c in cells):
        return False
    name = _cell(cells, columns.name)
    if name and (" " in name or not name[:1].isupper() or looks_like_person(name) or _heading_row(name) is not None
                 # 'Pia' under 'Kari' in a table of first names is a person of her own
                 or " " not in _cell(over, columns.name).strip()):
        return False
    # 'Dahl-Berg' alone, or the rest of a cell broken off after 'på', 'og', a comma or a hyphen, or in lower case
    # ('klinikk for psykisk helse'); a section heading ('Observatører') in another column is none
    return all(_cell(cells, k)[:1].islower() or re.search(r"(?:[,\-–]|\b(?:på|og|i|for|ved|av))$", _cell(over, k))
               for k, c in enumerate(cells) if c.strip() and k != columns.name)


def _joined_cells(cells: list[str], below: list[str]) -> list[str]:
    """Each cell with its continuation from the line below; a word broken at a hyphen is joined."""
    out = list(cells) + [""] * max(0, len(below) - len(cells))
    for k, more in enumerate(below):
        more = more.strip()
        if not more:
            continue
        if out[k].rstrip().endswith("-") and more[:1].islower():
            out[k] = out[k].rstrip()[:-1] + more
        else:
            out[k] = f"{out[k].strip()} {more}".strip()
    return out


def _name_cell(cells: list[str], columns: _Columns) -> str:
    """The name as the row writes it: from two columns ('Hansen | Kari'), or surname first where the
    header says so ('Etternavn, fornavn': 'Hansen Kari' is Kari Hansen)."""
    if columns.surname is not None and columns.given is not None:
        return f"{_cell(cells, columns.given)} {_cell(cells, columns.surname)}".strip()
    name = _cell(cells, columns.name)
    if columns.surname_first and "," not in name and len(name.split()) >= 2:
        surname, given = name.split(None, 1)
        return f"{given} {surname}"
    return name


# 'Per Olsen (H)', 'Geir Ness (Uavh.)': a party's letters after a name in the name column
_PARTY_CODE = re.compile(r"[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4}\.?")
# A remark or mark that says whom the row's person came for: 'Vara for Eva Dahl', 'Møtte for Per Olsen'
_STOOD_IN = re.compile(r"(?i)\b(?:vara|møtte|møtt|møtte\s+som\s+vara|stedfortreder|stilte)"
                       r"\s+(?:for|i\s+stedet\s+for)\s+(.+)$")


def _row_people(block: Block, cells: list[str], columns: _Columns, category: Category,
                said: Status | None = None) -> list[Attendee]:
    name_cell = _name_cell(cells, columns)
    # 'Ordfører Solfrid Heggø': the title before the name in the name cell, as a representative's is written
    titles: dict[str, str] = {}  # a name's title, written before it in the name cell
    names = []
    for entry in _split_people(name_cell):
        found = find_names(entry) if not looks_like_person(_name_and_note(entry)[0]) else []
        if len(found) == 1 and found[0][1] > 0 and is_role(entry[:found[0][1]].strip()):
            titles[found[0][0]] = entry[:found[0][1]].strip()
            entry = entry[found[0][1]:]
        if looks_like_person(_name_and_note(entry)[0]):
            names.append(entry)
    if not names:
        return []
    org, roles = split_org_role(_cell(cells, columns.org))
    role_cell = _cell(cells, columns.role)
    if role_cell:
        roles = [role_cell]
    codes = _cell(cells, columns.code).split()
    mark_cells = [(kind, _cell(cells, i)) for i, kind, _ in columns.marks]
    people = []
    for n, raw_name in enumerate(names):
        name, note = _name_and_note(raw_name)
        person_org, role = org, (roles[n] if len(roles) == len(names) else (roles[0] if roles else None))
        role = titles.get(name, role)
        # 'Styremedlem (på Teams)': how the member took part, written beside the title
        role_note = _name_and_note(role)[1] if role else None
        said_beside = status_from_phrase(role_note) if role_note else None
        if said_beside:
            role = _name_and_note(role)[0] or None
        if note:
            if is_role(note):
                role = note
            elif looks_like_org(note):
                person_org = note
            elif person_org is None and _PARTY_CODE.fullmatch(note) and status_from_phrase(note) is None:
                person_org = note  # 'Per Olsen (H)': a party's letters
        marks = []
        for kind, mark in mark_cells:
            parts = mark.split()
            if len(names) > 1 and len(parts) == len(names):
                mark = parts[n]
            marks.append((kind, mark))
        status, substitute = status_from_marks(marks)
        if not marks and said is not None:
            status = said
        named = find_names(uninvert(_cell(cells, columns.substitute))) if columns.substitute is not None else []
        remark = _cell(cells, columns.note)
        # whom the row's person came for: a 'Møtte for' column, or a remark or mark that says so ('Vara for Eva Dahl')
        stood_in_for = find_names(uninvert(_cell(cells, columns.stands_in)))
        for said_for in ([] if stood_in_for else [_STOOD_IN.search(t) for t in (remark, *(m for _, m in marks))]):
            stood_in_for = stood_in_for or (find_names(uninvert(said_for.group(1))) if said_for else [])
        if remark and re.search(r"(?i)\bvara\b", remark) and not stood_in_for:
            named = named or find_names(remark)
        if remark and status == Status.present and status_from_phrase(remark) == Status.remote:
            status = Status.remote
        if said_beside == Status.remote and status in (Status.present, Status.unknown):
            status = Status.remote
        # A roster's 'Vara' column may name a personal substitute who stayed home: only one who came
        # in place of an absent member attended.
        if named and len(names) == 1 and not substitute and status in (Status.absent, Status.unknown):
            status, substitute = Status.substituted, named[0][0]
        own_category = category
        if stood_in_for:
            own_category = Category.substitute
            status = Status.present if status == Status.unknown else status
        if role and SECRETARIAT.search(role):
            own_category = Category.secretariat
        elif role and fold(role) in SUBSTITUTE and own_category == Category.member:
            own_category = Category.substitute  # 'Varamedlem' in the role column: 'Elin Lunnan | Varamedlem | X'
        raw_mark = " | ".join(m for _, m in marks if m) or None
        people.append(Attendee(
            name=clean_name(name), organisation=person_org, role=role, category=own_category, status=status,
            code=codes[n] if len(codes) == len(names) else None, raw_mark=raw_mark,
            mark_column=" | ".join(h for _, _, h in columns.marks) or None,
            substitute_for=stood_in_for[0][0] if stood_in_for else None,
            page=block.page, line=block.line, line_end=block.line_end, source="table",
        ))
        if substitute:
            people.append(Attendee(name=substitute, organisation=person_org, category=Category.substitute,
                                   status=Status.present, substitute_for=name, page=block.page, line=block.line,
                                   source="table"))
    return people


def read_tables(blocks: list[Block]) -> list[Attendee]:
    """Every attendance table in the document: a header row naming a name column, then its rows. A
    header repeated on the next page goes on with the table above: under the same label, if it had one."""
    people: list[Attendee] = []
    i = 0
    last: tuple[list[str], Category, Status | None, int] | None = None  # the table before: header, label, end
    while i < len(blocks):
        block = blocks[i]
        if block.is_row:
            columns = _Columns(block.cells or [])
            label = _label_above(blocks, i)
            if columns.usable(labelled=label is not None or last is not None and last[0] == columns.header):
                if label is not None:
                    category, status = label
                elif last is not None and last[0] == columns.header and last[3] == i:
                    category, status = last[1], last[2]
                else:
                    category, status = Category.member, None
                found, i = _table_rows(blocks, i + 1, columns, category, status)
                people.extend(found)
                last = (columns.header, category, status, i)
                continue
        i += 1
    return _twins_merged(people)


def _label_above(blocks: list[Block], i: int) -> tuple[Category, Status | None] | None:
    """The label over a table: 'Følgende varamedlemmer møtte:', also as a row of one cell or without its colon."""
    if not i:
        return None
    above = blocks[i - 1]
    if not above.is_row:
        found = list_label(above.text) or _bare_label(above)
    else:
        filled = [c for c in above.cells or [] if c.strip()]
        found = list_label(filled[0].strip().rstrip(":") + ":") if len(filled) == 1 else None
    return (found[1], found[2]) if found else None


def _twins_merged(people: list[Attendee]) -> list[Attendee]:
    """One person once: a substitute named in a member's row ('Vara: Ola Bu') who has a row of their own
    is one attendee, with what both rows say."""
    out: list[Attendee] = []
    for person in people:
        twin = next((p for p in out if fold(p.name) == fold(person.name)), None)
        if twin is None:
            out.append(person)
            continue
        for field in ("organisation", "role", "substitute_for", "code", "raw_mark", "mark_column"):
            if getattr(twin, field) is None and getattr(person, field) is not None:
                setattr(twin, field, getattr(person, field))
        if person.category == Category.substitute:
            twin.category = Category.substitute
        if twin.status == Status.unknown:
            twin.status = person.status
    return out


# -- lists ---------------------------------------------------------------------------------------

# The chair of the meeting, named by a label of its own: 'Møteleder: Hilde Kvam'
_CHAIR = re.compile(r"møteleder|møteleiar", re.IGNORECASE)
# The other offices a meeting fills from its members, each its own label: 'Ordstyrer:', 'Tellekorps:',
# 'Protokollunderskrivere:'
_OFFICES = (r"ordstyrer|ordstyrar|dirigent|tellekorps|teljekorps|stemmetellere?|stemmeteljarar|"
            r"protokollunderskrivere?|protokollunderskrivarar|protokollvitner?|justeringsm[ae]nn|"
            r"paraferere?|(?:til\s+å\s+)?(?:underskrive|signere|undertegne)\s+protokollen")
_OFFICE_LABEL = re.compile(_OFFICES, re.IGNORECASE)
# Members by any name: 'medlemmer', 'styremedlemmer', 'representanter', Nynorsk 'medlemar'; substitutes apart
_MEMBERS = r"(?!vara)[a-zæøå]*(?:medlem(?:m?er|ar)?|representant(?:er|ar)?)"

LIST_LABELS: list[tuple[re.Pattern[str], Category, Status]] = [
    (re.compile(r"(?i)^(?:følg(?:e|ja)nde\s+)?(?:vara(?:medlem(?:m?er|ar)?|representant(?:er|ar)?)?|"
                r"møt[ea]nde\s+vara(?:medlem(?:m?er|ar)?|representant(?:er|ar)?)?)"
                r"(?:\s+(?:som\s+)?møtte|\s+til\s+stede|\s+til\s+stades)?\s*:"), Category.substitute, Status.present),
    # The protocols of municipal case systems: 'Følgende faste medlemmer møtte:', '... hadde forfall:'
    (re.compile(r"(?i)^(?:følg(?:e|ja)nde\s+)?(?:faste\s+)?(?:medlem(?:m?er|ar)|representant(?:er|ar))\s+(?:som\s+)?(?:(?:hadde|meldte)\s+"
                r"(?:forfall|fravær|fråvær)|ikk(?:e|je)\s+(?:møtte|møtt|var\s+til\s+stede))\s*:"),
     Category.member, Status.absent),
    (re.compile(r"(?i)^(?:følg(?:e|ja)nde\s+)?(?:faste\s+)?(?:medlem(?:m?er|ar)|representant(?:er|ar))\s+(?:som\s+)?møtte\s*:"),
     Category.member, Status.present),
    (re.compile(r"(?i)^(?:til\s*stede|til\s*stades|møtt|møtte|møt[ea]nde(?:\s+medlem(?:m?er|ar)?)?|deltakere|"
                r"deltakarar|deltok)\s+(?:digitalt|på\s+teams|via\s+teams|på\s+video|på\s+nett)\s*:"),
     Category.member, Status.remote),
    (re.compile(r"(?i)^(?:digitalt|på\s+teams)\s*:"), Category.member, Status.remote),
    # 'Til stede fra administrasjonen:': the staff, not the members
    (re.compile(r"(?i)^(?:til\s*stede|til\s*stades|møtt|møtte)\s+fr[aå]\s+(?:administrasjonen|sekretariatet)\s*:"),
     Category.secretariat, Status.present),
    # 'Deltok fra ViG:', 'Til stede fra Helse Vest:', 'Deltok fra Prosjekt X under sak 16/17:': whose
    # people they are depends on where they come from (see from_label)
    (re.compile(r"(?i)^(?:til\s*stede|til\s*stades|møtt|møtte|deltok|deltakere)\s+fr[aå]\s+(?P<origin>[^:]{2,80}?)"
                r"(?P<case>\s+(?:under|i|til)\s+(?:sak|punkt|sakene)\s+[^:]+)?\s*:"), Category.member, Status.present),
    # 'Møtende styremedlemmer:', 'Møtande medlemar:', 'Styremedlemmer til stede:'
    (re.compile(r"(?i)^(?:til\s*stede|til\s*stades|møtt|møtte|møt[ea]nde(?:\s+(?:faste\s+)?" + _MEMBERS + r")?|"
                r"deltakere|deltok|" + _MEMBERS + r"\s+til\s+stede|fr[ae]mmøtte?|oppmøtte|d[ei]sse\s+møtte|"
                r"deltak[ae]rar)\s*:"),
     Category.member, Status.present),
    # 'Møtte ikke:' under a board's members, as 'Ikke møtt:' is
    (re.compile(r"(?i)^(?:forfall|meldt\s+forfall|fravær|fråvær|fraværende|fråverande|ikke\s+møtt|ikkje\s+møtt|"
                r"ikke\s+til\s*stede|ikkje\s+til\s*stades|frafall|mangler|manglet|mangla|møtte\s+ikke|møtte\s+ikkje|"
                r"(?:meldt\s+)?fråfall|forfall\s+meldt|meldt\s+fråvær)\s*:"),
     Category.member, Status.absent),
    # The chair of the meeting is one of its members, and so are those who count its votes and sign its minutes
    (re.compile(rf"(?i)^(?:{_CHAIR.pattern})\s*:"), Category.member, Status.present),
    (re.compile(rf"(?i)^(?:{_OFFICES})\s*:"), Category.member, Status.present),
    (re.compile(r"(?i)^(?:referent|ved\s+protokollen|(?:møte)?sekretær|protokollfører|protokollførar|skrivar|sekretariat(?:et)?|fr[aå]\s+sekretariatet|"
                r"fr[aå]\s+administrasjonen(?:\s+møtte)?|fr[aå]\s+adm\.?|"
                # a housing co-operative's manager: 'Fra forretningsfører:', 'Forretningsfører: Name, OBOS'
                r"(?:fr[aå]\s+)?forretningsfør(?:er|ar)(?:en|ane|ene)?(?:\s+møtte)?|"
                r"administrasjonen)\s*:"), Category.secretariat, Status.present),
    # Staff of the host, named by a noun in the definite form: 'Fra sykehuset:', 'Frå kommunen:'
    # ('Fra styret:' is the body's own members: see from_label)
    (re.compile(r"^(?i:fr[aå])\s+(?P<host>[a-zæøå][a-zæøå-]{2,}(?:et|en|a|ne))(?:\s+møtte)?\s*:"),
     Category.secretariat, Status.present),
    # Where they come from, named: 'Fra Helse Vest RHF:', 'Fra KPMG:' (whose people, as for 'Deltok fra X:')
    (re.compile(r"^(?i:fr[aå])\s+(?P<origin>[A-ZÆØÅ][^:]{1,60}?)(?P<case>\s+(?:under|i|til)\s+(?:sak|punkt|sakene)"
                r"\s+[^:]+)?(?:\s+møtte)?\s*:"), Category.member, Status.present),
    (re.compile(r"(?i)^(?:observatør(?:er)?|observatørar)\s*:"), Category.observer, Status.present),
    # nynorsk 'Gjestar:', 'Andre til stades:', 'Òg til stades:', 'Elles møtte:'
    (re.compile(r"(?i)^(?:gjest(?:er|ar)?|andre(?:\s+til\s*stede|\s+til\s*stades|\s+møtende|\s+møtande|"
                r"\s+deltakere|\s+deltakarar)?|inviterte?|(?:også|òg)\s+til\s*(?:stede|stades)|"
                r"i\s+tillegg\s+(?:møtte|deltok)|dessuten\s+møtte|elles\s+møtte)\s*:"),
     Category.guest, Status.present),
]


_AUDIT = re.compile(r"(?i)revisjon(?:en)?$")
_BODY = re.compile(r"(?i)^(?:" + DEFINITE + r"|[a-zæøå-]+(?:" + DEFINITE + r"))$")


def from_label(m: re.Match[str], category: Category, listed: bool) -> tuple[Category, str | None, list[str]]:
    """'Deltok fra styret:' are members; 'Deltok fra ViG:' after the members are the host's staff
    and the organisation; 'Deltok fra Firma AS under sak 12/17:' are guests for that case."""
    host = m.groupdict().get("host")
    if host:
        if _AUDIT.match(host):  # 'Fra revisjonen:' at a board or a control committee: the auditor, not the staff
            return Category.observer, None, []
        return (Category.member if _BODY.match(host) else category), None, []
    origin = (m.groupdict().get("origin") or "").strip()
    if not origin:
        return category, None, []
    if m.group("case"):
        items = sorted({n for c in MENTION.finditer(m.group("case")) for n in numbers_in(c.group("list"))})
        return Category.guest, origin, items
    if _BODY.match(origin):
        return Category.member, None, []
    if re.match(r"(?i)(?:administrasjon|sekretariat|ledelse)", origin):
        return Category.secretariat, None, []
    if _MANAGER.match(origin):  # 'Til stede fra forretningsfører OBOS:': the manager's people, and the manager
        return Category.secretariat, re.sub(r"(?i)^\w+\s*", "", origin) or None, []
    return (Category.secretariat if listed else Category.member), origin, []


# 'Tilstede (stemmeberettigede):', 'Til stede (digitalt):': a note in brackets between a label and its colon
_NOTED_LABEL = re.compile(r"^(?P<label>[^:()]{2,40}?)\s*\((?P<note>[^)]{1,40})\)\s*:")
# 'Til stede: 9 av 11 styremedlemmer: Kari, Ola': how many there were, before who
_COUNT_FIRST = re.compile(r"^\d+\s+(?:av\s+\d+\s+)?[\wæøå ]{0,40}:\s*")


def list_label(text: str) -> tuple[re.Match[str], Category, Status] | None:
    if ":" not in text:  # every label ends in a colon: most lines are tried against none of them
        return None
    text = text.strip()
    for pattern, category, status in LIST_LABELS:
        m = pattern.match(text)
        if m:
            return m, category, status
    noted = _NOTED_LABEL.match(text)
    if noted:
        found = list_label(noted.group("label") + ":")
        if found and found[0].end() == len(noted.group("label")) + 1:
            remote = re.search(r"(?i)digital|teams|video|zoom|telefon", noted.group("note"))
            return noted, found[1], Status.remote if remote else found[2]
    return None


def split_entries(text: str) -> list[str]:
    """'A (Org), B og C' -> ['A (Org)', 'B', 'C']; parentheses keep their commas."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in ",;":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out: list[str] = []
    for part in parts:
        for piece in _sentences(part):
            for p in re.split(r"(?<!-)\s+(?:og|samt)\s+(?![^(]*\))", piece):
                out.extend(_dashed(p) if p.strip() else [])
    # '- fui, Anders Rokkones,-': a dash or quotes around an entry are no part of it
    return [p.strip(" .\"'-") for p in out if p.strip(" .\"'-")]


def _dashed(piece: str) -> list[str]:
    """'Kari Holm – Per Lie – Eva Dahl': a spaced dash between two people parts them; one before a
    place ('Kari Holm – Askøy kommune') is a note."""
    parts = re.split(r"(\s+[–—-]\s+)(?![^(]*\))", piece)
    out = [parts[0]]
    for dash, part in zip(parts[1::2], parts[2::2], strict=True):
        if find_names(out[-1]) and find_names(part) and not looks_like_org(part):
            out.append(part)
        else:
            out[-1] += dash + part
    return out


def _sentences(part: str) -> list[str]:
    """'vara Per Dale møtte. Tor Aas (LHL)': a full stop between two named people ends an entry; one
    after an abbreviation ('Adm. dir. Eva Berg') or an initial ('Kari O. Hansen') does not."""
    pieces = re.split(r"(?<=[a-zæøå)]{2})\.\s+(?=[A-ZÆØÅ])(?![^(]*\))", part)
    out = [pieces[0]]
    for piece in pieces[1:]:
        if find_names(out[-1]) and find_names(piece):
            out.append(piece)
        else:
            out[-1] += ". " + piece
    return out


def _org_first(text: str) -> tuple[str | None, str]:
    """'Helse Førde: Marte Gjesdal, Olav Hovland': the organisation of everyone on the line, first."""
    m = re.match(r"\s*([^:]{2,60}):\s+(.+)$", text, re.S)
    if m and looks_like_org(m.group(1)) and not find_names(m.group(1)):
        return _group_org(m.group(1)), m.group(2)  # 'For Askøy kommune:' is Askøy kommune's people
    return None, text


_STANDS_IN = re.compile(r"(?i)(?:vara|møtte|stilte|stedfortreder|stadfortredar)?\s*"
                        r"(?:for|i stedet for|i staden for)\s+(.+)$")


def with_notes(entries: list[str], absent: bool = False, paired: bool = False) -> list[str]:
    """'Kari Nordmann, styreleder (Helse Bergen)', 'Jon Berg, vara for Anne Dahl': a part that names
    nobody, or only whom the person stands in for, is a note on the person before. In a list of
    those away, 'Nina Holm (LHL), vara Per Dale møtte' names who came in the person's place.
    A word alone after a full name ('Kari Hagen, Navet'), or after anyone in a list of
    ``paired`` lines ('Marius, Ping'), is where the person comes from."""
    out: list[str] = []
    for entry in entries:
        # 'Askøy kommune (for Mari Kolstad)': the only name is whom the person before stood in for
        own = re.sub(r"(?i)\((?:vara\s+|møtte\s+)?(?:for|i stedet for|i staden for)\s[^)]*\)", "", entry)
        replaced = absent and re.match(r"(?i)(?:vara(?:medlem)?|stedfortreder|stadfortredar)\b", entry)
        named = find_names(own) or (list_names(own) if not out or not (paired or find_names(out[-1])) else [])
        if out and (not named or _STANDS_IN.match(entry) or replaced):
            out[-1] += ", " + entry
        else:
            out.append(entry)
    return out


# An absent member's note naming who came instead: 'vara Kjell Espeland møtte', 'vara: Kjell Espeland',
# 'Kjell Espeland møtte som vara'
_REPLACED_BY = re.compile(r"(?i)^(?:(?:vara(?:medlem)?|stedfortreder|stadfortredar)\s*:?\s+(?P<a>.+?)"
                          r"(?:\s+møtte(?:\s+for\s+(?:henne|han|ham|ho))?)?"
                          r"|(?P<b>.+?)\s+møtte(?:\s+som\s+vara(?:medlem)?|\s+for\s+(?:henne|han|ham|ho))?)$")


_HAS_SUBSTITUTE = re.compile(r"(?i)^(?:har|hadde|med|sendte)\s+(?:vikar|vara|stedfortreder)$")


# 'Trond Eide (H)': in parentheses after a name, one capital is a party (Høyre, Venstre, Rødt).
# Marks come first: 'F' is forfall, 'D' digital.
_PARTY_LETTER = re.compile(r"[A-ZÆØÅ]")


class Entry(NamedTuple):
    """One person of a list, with what the notes beside the name say."""

    name: str
    organisation: str | None
    role: str | None
    substitute_for: str | None  # whom this person stood in for
    status: Status | None
    substituted_by: str | None  # who stood in for this person


# A note on when a member came or left ('(forlot møtet etter sak 14/24)', '(gikk kl. 12.00)', '(inhabil i sak 3)'):
# 'møtet' in it is no organisation
_WHILE_THERE = re.compile(r"(?i)\b(?:forlot|fratrådte|fråtrådde|gikk|kom|ankom|inhabil|ugild)\b|"
                          r"\b(?:fra|frå|til|etter|før|under|fom|tom)\s+(?:og\s+med\s+)?(?:sak|kl)\b")


def parse_entry(entry: str, paired: bool = False) -> Entry | None:
    """'Ola Hansen (Helse Bergen, vara for Kari Nordmann)' -> name, org, role, substitute_for, status."""
    names = list_names(entry)
    if not names:
        return None
    name, start, end = names[0]
    # 'Daglig leder i Grenlandssamarbeidet Kari Lie': the word after the title's preposition is a place
    if re.search(r"(?i)\b(?:i|ved|fra|frå|for|hos)\s+$", entry[:start]) and len(name.split()) >= 3:
        first = name.split()[0]
        name, start = name[len(first):].strip(), start + len(first) + 1
    # 'Andreas Lind - Johansen': PDF text may set a double surname's hyphen apart
    joined = re.fullmatch(r"\s*-\s+([A-ZÆØÅ][a-zæøå]+)\s*", entry[end:])
    if joined and entry[end:end + 1] == " " and not looks_like_org(joined.group(1)):
        name, end = f"{name}-{joined.group(1)}", len(entry)
    rest = (entry[:start] + " " + entry[end:]).strip(" ,–-")
    org = role = substitute_for = substituted_by = titled = None
    # 'I tillegg møtte styreleder Hans Ek': a title right before the name, after words that are no note;
    # a role in the notes ('rådgiver Geir Sæle (referent)') says what the person does at the meeting
    before = entry[:start].strip(" ,–-")
    title = re.search(r"(?<![\wæøåÆØÅ])([\wæøåÆØÅ-]+)\s*$", entry[:start])
    if before and is_role(before) and not re.search(r"[(),;]", before):  # 'Samferdsels- og miljøminister Tor Vik'
        titled, rest = before, entry[end:].strip(" ,–-")
    elif title and is_role(title.group(1)):
        titled = title.group(1)
        rest = (entry[:title.start()] + " " + entry[end:]).strip(" ,–-")
        if not re.search(r"[(),;]|\sv/", entry[:title.start()]):  # the words before it are the sentence's
            rest = entry[end:].strip(" ,–-")
    # 'Bergen kommune v/ ordfører Kari Lie': the organisation, then the title of whom it came by
    rest = re.sub(r"\s+v/\s*", ", ", rest).strip(" ,–-")
    status = None
    notes = re.findall(r"\(([^)]*)\)", rest)
    for k, note in enumerate([*notes, re.sub(r"\([^)]*\)", "", rest)]):
        for piece in [p.strip(" ,–-") for p in re.split(r"[,;]|\s[–—-]\s", note) if p.strip(" ,–-")]:
            m = _STANDS_IN.match(piece)
            replaced = _REPLACED_BY.match(piece)
            if m and list_names(m.group(1)):
                substitute_for = list_names(m.group(1))[0][0]
            elif _HAS_SUBSTITUTE.match(piece):  # 'Pia (har vikar)': away, someone came in her place
                status = Status.substituted
            elif replaced and find_names(replaced.group("a") or replaced.group("b")):
                substituted_by = find_names(replaced.group("a") or replaced.group("b"))[0][0]
            elif status_from_phrase(piece):
                status = status_from_phrase(piece)
            elif _WHILE_THERE.search(piece):
                continue  # 'forlot møtet etter sak 14/24': when, not who or from where
            elif is_role(piece):
                role = role or piece
            elif org is None and (origin := re.fullmatch(r"(?i:fra|frå)\s+([A-ZÆØÅ].*)", piece)):
                org = origin.group(1)  # 'Lene Bakke fra Norsk Eiendomsforvaltning'
            elif org is None and (looks_like_org(piece) or proper_noun(piece)
                                  or _PARTY_LETTER.fullmatch(piece) and k < len(notes)
                                  or paired and k == len(notes)):  # 'Axel Rosen, PI:SK', 'Ola Dahl, dagen@ifi'
                org = piece
    return Entry(name, org, role or titled, substitute_for, status, substituted_by)


def _label_row(block: Block) -> tuple[tuple[re.Match[str], Category, Status] | None, str]:
    """A layout table with the label in one cell and the list in the next: '| Til stede: | A, B |'."""
    cells = [c.strip() for c in block.cells or [] if c.strip()]
    found = list_label(cells[0]) if cells else None
    if not found or found[0].end() < len(cells[0]):
        return None, ""
    return found, ", ".join(cells[1:])


def _bare_label(block: Block) -> tuple[re.Match[str], Category, Status] | None:
    """'Til stede', 'Forfall' alone on a line, without a colon, over the list it names."""
    text = block.text.strip()
    if block.is_row or len(text) > 30 or text.endswith(":"):
        return None
    # an office alone on a line is signed under a name ('Kari Holm' / 'Referent'), it heads no list
    if re.search(r"(?i)referent|møtele|sekretær|protokoll|ordstyr", text):
        return None
    found = list_label(text + ":")
    return found if found and found[0].end() == len(text) + 1 else None


def _lone_names(text: str) -> list[str]:
    """'Live, Filip, Ailin': a line of first names alone, each entry one name; the last may say
    where they all come from ('Torgeir, Aksel, Fadderstyret')."""
    entries = split_entries(text)
    # 'Torstein, Filmklubben': one first name is enough when the place it comes from follows
    if len(entries) >= 2 and looks_like_org(entries[-1]) and not list_names(entries[-1]):
        entries = entries[:-1]
    names = [list_names(re.sub(r"\([^)]*\)", "", e))[0][0] if list_names(re.sub(r"\([^)]*\)", "", e)) else ""
             for e in entries]
    return names if names and all(n and " " not in n for n in names) else []


def _list_line(block: Block, first: bool, after_lone: bool) -> bool:
    """A line that goes on a list of people: full names, or first names alone (two or more, or one
    that the label or a first name alone just before announces)."""
    if block.is_row or list_label(block.text) or _bare_label(block):
        return False
    if len(_entry_lines(block)) > 1:
        return True
    if find_names(block.text) or any(find_names(e) for e in split_entries(block.text)):  # 'Eva Ås,-'
        return block.bullet or len(block.text) < 90 or _names_only(block.text)
    lone = _lone_names(block.text)
    entries = split_entries(block.text)
    placed = len(entries) == 2 and looks_like_org(entries[1])  # 'Torstein, Filmklubben'
    return len(lone) >= 2 or (len(lone) == 1 and (first or after_lone or block.bullet or placed))


def _names_only(text: str) -> bool:
    """A long line that is nothing but people: 'A, B, C, D, E og F.' under 'Til stede fra universitetsstyret:'."""
    entries = split_entries(text)
    return len(entries) >= 3 and all(len(e) < 60 and find_names(e) for e in entries)


def _group_heading(blocks: list[Block], j: int) -> bool:
    """'CYB', 'For Skien kommune:', 'Stemmeberettigede' over people set apart by bullets or one a line:
    a short line without commas before a line that lists people."""
    block, following = blocks[j], blocks[j + 1] if j + 1 < len(blocks) else None
    text = block.text.strip()
    if block.is_row or block.bullet or not text or len(text) > 40 or any(c in text for c in ",()") or following is None:
        return False
    if find_names(text):
        return False
    if match_heading(text, emphasised=block.bold) or list_label(text) or _bare_label(block):
        return False
    if not _list_line(following, True, False) or fold(text) in _NOT_GROUPS:
        return False
    # the line below starts with a person ('Kari Holm, Org'), not with a subject ('Budsjett v/ Kari Holm')
    first = split_entries(following.text)[:1]
    if not first or not list_names(first[0]) or list_names(first[0])[0][1] > 0 and not is_role(
            first[0][:list_names(first[0])[0][1]]):
        return False
    # a line that is itself a name with its people one a line below reads as part of the list
    return section_category(text.rstrip(":")) is not None or following.bullet or text.endswith(":")


# Headings that start what follows a list, never a group within it
_NOT_GROUPS = {"saker", "saksliste", "sakliste", "agenda", "dagsorden", "orienteringssaker", "vedtakssaker",
               "referatsaker", "eventuelt", "innhold", "program", "merknader", "vedlegg"}


def _group_org(text: str) -> str:
    return re.sub(r"(?i)^(?:for|fra|frå)\s+", "", text.strip().rstrip(":")).strip()


# A second list inside the first one's paragraph: '... og Janne Dahl. Forfall Amund Berg.'
_INLINE_ABSENT = re.compile(r"(?i)(?:^|(?<=[.;])\s+)(?:meldt\s+)?(?:forfall|fravær|fråvær|fråverande|"
                            r"ikke\s+til\s*stede|ikkje\s+til\s*stades)\s*:?\s+"
                            r"(?=[A-ZÆØÅ])")


# Where a clause of a list's paragraph starts: a label there starts a list of its own
_CLAUSE = re.compile(r"(?:^|(?<=[.;])\s+)(?=\S)")


def _inline_labels(text: str, group: str | None, category: Category, status: Status,
                   listed: bool) -> list[tuple[str, str | None, Category, Status]]:
    """The text of a list, split where it goes on with a list of its own: 'Til stede: Fra styret: A, B.
    Fra administrasjonen: C (referent).', 'Forfall: D. Møtende varamedlem: E.', '... og Janne Dahl. Forfall
    Amund Berg.' Each part with the group, category and status its own label gives it."""
    found = [(c.start(), label) for c in _CLAUSE.finditer(text) if (label := list_label(text[c.end():]))]
    if not found:
        m = _INLINE_ABSENT.search(text)
        if m is None or status == Status.absent:
            return [(text, group, category, status)]
        pieces = ((text[:m.start()], group, category, status), (text[m.end():], group, category, Status.absent))
        return [piece for piece in pieces if piece[0].strip()]
    parts = [(text[:found[0][0]], group, category, status)]
    for k, (start, (m, own, said)) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(text)
        own, origin, _ = from_label(m, own, listed)
        parts.append((text[start:stop].lstrip()[m.end():], origin, own, said))
    return [part for part in parts if part[0].strip(" .;")]


def _name_and_place(text: str) -> bool:
    """'Kari Strand, Sjakkforeningen': a full name, a comma and a part that names nobody."""
    entries = split_entries(text)
    return len(entries) == 2 and bool(find_names(entries[0])) and not find_names(entries[1])


def _entry_lines(block: Block) -> list[str]:
    """The entries of a list one person a line that the text reader took for a wrapped paragraph, its
    lines as long as the document's ('Administrerende direktør Ingvald Bjerkreim' over 'Økonomidirektør
    Tora Skjelbred'): each line that names a person on its own and does not break off ('Ola Nes og') is one."""
    texts = [line.text.strip() for line in block.lines]
    if len(texts) > 1 and all(find_names(t) and not re.search(r"(?i)(?:[,(/&-]|\bog|\bsamt|\bv/)$", t) for t in texts):
        return texts
    return [block.text]


# Inside a case a label such as 'Deltakere:' or 'Fra kommunen:' may name a project's people; only
# these say who attended the meeting wherever they stand ('Tilstede:' after the last case).
_ANYWHERE = re.compile(r"(?i)stede|stades|forfall|fravær|fråvær|møtt|referent|protokoll|møtele|sekretær|mangler|"
                       r"ordstyr|skrivar|tellekorps|teljekorps")


def _serves(entry: str, role: str | None) -> bool:
    """The entry's title, or another title beside it, is the minute-taker's: 'Ingvild Nygård – rektor, sekretær'."""
    if role and SECRETARIAT.search(role):
        return True
    return any(SECRETARIAT.search(part) and is_role(part) for part in re.split(r"[,;()]|\s[–-]\s", entry)[1:])


_CAME_FROM = re.compile(r"(?i)^\s*(?:deltok|møtte|til\s*stede|til\s*stades)\s+fr[aå]\s")


def read_lists(blocks: list[Block], in_cases: bool = False) -> list[Attendee]:
    """'Til stede: A, B (Org)' lists, the names inline or on the lines below the label. ``in_cases``:
    the blocks are the cases', where only labels that say who attended count."""
    people: list[Attendee] = []
    # minutes that write one list 'Brekke, Svein; Hovland, Anita' write all their names so
    surnames_first = any(";" in b.text and sum(map(surname_first, b.text.split(";"))) >= 2
                         for b in blocks if not b.is_row and len(b.text) < 400)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.is_row:
            found, inline = _label_row(block)
        else:
            found = list_label(block.text) or _bare_label(block)
            inline = _COUNT_FIRST.sub("", block.text[found[0].end():].strip()) if found else ""
        if not found or in_cases and not _ANYWHERE.search(found[0].group(0)):
            i += 1
            continue
        m, category, status = found
        category, origin, label_items = from_label(m, category, any(p.category == Category.member for p in people))
        sources: list[tuple[Block, str, str | None, Category]] = [(block, inline, origin, category)] if inline else []
        lines = _entry_lines(block) if inline and not block.is_row else []
        if len(lines) > 1 and block.text.startswith(lines[0][:m.end()]):
            # 'Andre: Revisor Liv Brekkhaug, Revisjon IKS' over 'Kommunedirektør Trond Eikrem (sak 5/24)', the
            # values aligned under the first: one entry a line, as below a label alone
            sources = [(block, text, origin, category) for text in [lines[0][m.end():], *lines[1:]] if text.strip()]
        j = i + 1
        if block.is_row:
            # the list goes on in rows with an empty label cell
            while j < len(blocks) and blocks[j].is_row and not (blocks[j].cells or [""])[0].strip():
                sources.append((blocks[j], ", ".join(c for c in blocks[j].cells or [] if c.strip()), None, category))
                j += 1
        elif inline:
            # 'Tilstede: A, B, C' broken before 'og D. Forfall E.': the list goes on in lower case
            while j < len(blocks) and not blocks[j].is_row and re.match(r"(?:og|samt|,)\s", blocks[j].text):
                sources.append((blocks[j], re.sub(r"^,\s*", "", blocks[j].text), origin, category))
                j += 1
        else:
            group: str | None = origin
            own = category
            while j < len(blocks):
                if _group_heading(blocks, j):
                    heading = blocks[j].text.strip().rstrip(":")
                    section = section_category(heading)
                    if section is not None:
                        own, group = (category if section == Category.member else section), None
                    else:
                        # 'Fra ViG:' after the members, who had no heading: the host's staff
                        if re.match(r"(?i)fr[aå]\s", heading) and sources and all(g is None for _, _, g, _ in sources):
                            own = Category.secretariat
                        group = _group_org(heading)
                    j += 1
                    continue
                after_lone = bool(sources) and bool(_lone_names(sources[-1][1]))
                if not _list_line(blocks[j], not sources, after_lone):
                    # a bullet that names nobody ('- okonomians,') between bullets that do
                    if (blocks[j].bullet and sources and sources[-1][0].bullet and j + 1 < len(blocks)
                            and blocks[j + 1].bullet and _list_line(blocks[j + 1], False, after_lone)):
                        j += 1
                        continue
                    break
                # A line without a bullet after bulleted ones is the text going on, as in 'Under sak 3 deltok ...';
                # one that says where others came from starts a list of its own, also without its colon
                # ('Deltok fra MagSil AS Gunnar Bråthen under sak 12/17' after 'Deltok fra ViG:')
                if sources and sources[-1][0].bullet and not blocks[j].bullet and (
                        group is None or _CAME_FROM.match(blocks[j].text)):
                    break
                sources += [(blocks[j], text, group, own) for text in _entry_lines(blocks[j])]
                j += 1
        # 'Kristin Hagen, Navet' one a line: the word after the comma is where the person comes from,
        # also after a first name alone ('Marius, Ping')
        paired = sum(_name_and_place(t) for _, t, _, _ in sources) * 2 > len(sources) >= 2
        listed = any(p.category == Category.member for p in people)
        parts = [(src, piece, in_group, in_list, said) for src, text, group, own_list in sources
                 for piece, in_group, in_list, said in _inline_labels(text, group, own_list, status, listed)]
        # 'Brekke, Svein' is surname first where the list says so: entries parted by semicolons, a
        # note after the given name, or line after line alike; 'Forfall: Tor, Lise' is two people
        inverted = sum(bool(surname_first(t)) for _, t, _, _, _ in parts) >= 2
        for src, text, group, own_list, status in parts:
            # in such a list 'Torstein, Filmklubben' is a name and a place, not a surname first
            turn = not paired and (inverted or surnames_first or ";" in text or text.rstrip().endswith(")"))
            line_org, text = _org_first(uninvert_list(text) if turn else text)
            entries = split_entries(text)
            line_role = None
            # 'Torgeir, Aksel, Celina, Fadderstyret': where they all come from, last
            if len(entries) >= 3 and looks_like_org(entries[-1]) and _lone_names(", ".join(entries[:-1])):
                line_org, entries = line_org or entries[-1], entries[:-1]
            # 'cyb, Jan Furulund', 'koordinator, Bendik Kvamstad': where from, or the title, first
            if len(entries) == 2 and not list_names(entries[0]) and find_names(entries[1]) and " " not in entries[0]:
                if is_role(entries[0]):
                    line_role = entries[0]
                else:
                    line_org = line_org or entries[0]
                entries = entries[1:]
            for entry in with_notes(entries, absent=status == Status.absent, paired=paired and len(entries) == 2):
                parsed = parse_entry(entry, paired=paired)
                if not parsed:
                    continue
                name, org, role, substitute_for, said, substituted_by = parsed
                org, role = org or line_org or group, role or line_role
                chair = _CHAIR.match(m.group(0))
                office = _OFFICE_LABEL.match(m.group(0))
                role = role or (chair.group(0).capitalize() if chair else office.group(0).lower() if office else None)
                own_category = own_list
                if substitute_for or (role and read_mark(role)[0] == "substitute"):  # 'vara Ola Hansen'
                    own_category = Category.substitute
                elif _serves(entry, role) and own_list in (Category.member, Category.guest):
                    own_category = Category.secretariat  # the minute-taker listed with the others
                elif role and _MANAGER.search(role) and own_list in (Category.member, Category.guest):
                    own_category = Category.secretariat  # a housing co-op's manager serves its meeting
                elif role and _STAFF.search(role) and own_list == Category.guest:
                    own_category = Category.secretariat  # 'Andre: Kari Hansen, koordinator
                # 'Gjester: Heidi Fosse (sak 22/24)': a guest there for some cases; one of the staff or the
                # others there 'under sak 12/17' only is a guest too
                items = sorted({n for c in MENTION.finditer(entry) for n in numbers_in(c.group("list"))})
                if items and own_category in (Category.secretariat, Category.observer):
                    own_category = Category.guest
                items = (items or label_items) if own_category == Category.guest else []
                people.append(Attendee(
                    name=name, organisation=org, role=role, category=own_category, items=items,
                    status=Status.substituted if substituted_by else said or status, substitute_for=substitute_for,
                    page=src.page, line=src.line, line_end=src.line_end, source="list", raw_mark=m.group(0).strip(),
                ))
                if substituted_by:  # a substitute comes for the member's seat, so for the member's organisation
                    people.append(Attendee(
                        name=substituted_by, organisation=org, category=Category.substitute, status=Status.present,
                        substitute_for=name, page=src.page, line=src.line, line_end=src.line_end, source="list",
                        raw_mark=m.group(0).strip(),
                    ))
        i = max(j, i + 1)
    return people
