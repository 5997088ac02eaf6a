"""Splitting minutes into cases: numbers, titles and the exempt flag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.blocks import Block
from referat.extract.casetable import CaseTable, case_table, closed_mark, continuation, read_row, row_number
from referat.extract.decisions import DECISION_LABEL, FOLLOW_LABEL
from referat.extract.exempt import EXEMPT, LEGAL_BASIS, flag_line, without_star
from referat.extract.headings import SENTENCE_END, choose_headings


@dataclass
class CaseSection:
    heading: Block
    number: str
    raw_number: str
    title: str
    exempt: bool
    exempt_raw: str | None
    lead: str  # body text on the heading line after the title
    body: list[Block] = field(default_factory=list)
    agenda: bool = False  # an entry of the saksliste, the case itself follows
    starred: bool = False  # 'Sak 14/24*': exempt when the minutes give the legal basis


# A heading that runs on into a reference ('... brukervedvirkning Oppfølging av tidligere saker 06-23')
# ends where the reference starts.
_RUN_ON = re.compile(r"(?<=\w)[.,]?\s+(?:Oppfølging\s+av\s+(?:tidligere\s+)?sak|Jf\.?r?\.?\s|Jamfør\s|Se\s+sak\s)")


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = re.sub(r"\s*\{[#:][^}]*\}\s*$", "", title)  # a Markdown anchor: '1. Innkalling {#innkalling}'
    run_on = _RUN_ON.search(title)
    if run_on and len(title[: run_on.start()].split()) >= 2:
        title = title[: run_on.start()]
    title = re.sub(r"^[\s:.–—-]+", "", title)
    return title.strip().rstrip(".").strip(" :,–—-").strip()


def _split_title(block: Block, rest_start: int) -> tuple[str, str]:
    """The title is the bold part of the heading line; without bold, the first sentence."""
    text = block.text
    bold = block.bold_prefix()
    # '**Sak 5/24:** Budsjett': only the number is bold, and the title is read as without bold
    if bold and not block.bold and text.startswith(bold) and bold[rest_start:].strip(" :.–-"):
        return bold[rest_start:], text[len(bold):].strip()
    rest = text[rest_start:]
    if block.heading or block.bold:
        return rest, ""
    first = " ".join(block.lines[0].text.split())
    if len(block.lines) > 1 and rest_start < len(first) and text.startswith(first) and _ends_title(first, text):
        # a heading line in a larger type, joined with the paragraph under it: 'Godkjenning av
        # stemmesystem' over 'Blir lagt frem av leder.'
        return first[rest_start:], text[len(first):].strip()
    m = SENTENCE_END.search(rest)
    if m and len(rest) > 70:
        return rest[: m.start()], rest[m.end():]
    return rest, ""


# A title broken after one of these goes on on the next line, whatever its first letter
_GOES_ON = {"og", "i", "for", "av", "til", "med", "om", "fra", "på", "ved", "-", "–"}


def _ends_title(first: str, text: str) -> bool:
    """The heading's line ends where the next line starts a sentence in capitals."""
    after = text[len(first):].lstrip()
    return (not first.endswith((".", ":", ",", ";", "-", "–")) and after[:1].isupper() and len(first) < 90
            and first.split()[-1].lower() not in _GOES_ON)


def _without_flag(title: str) -> tuple[str, str | None]:
    """'Personalsak – unntatt offentlighet jf. offl. § 25' -> ('Personalsak – ', the flag as written)."""
    flag = EXEMPT.search(title)
    if flag is None:
        return title, None
    rest = title[: flag.start()] + title[flag.end():]
    if not rest.strip(" :.,–—-()"):  # 'Sak 53/16 Konfidensiell sak': the flag is all the title there is
        return flag.group(0).strip(" ()"), flag.group(0).strip()
    return rest, flag.group(0).strip()


def _title_below(section: CaseSection, block: Block) -> bool:
    text = block.text.strip()
    return (not section.title and not section.body and not section.lead and not block.is_row and len(text) < 150
            and not text.endswith(":") and not DECISION_LABEL.match(text) and not FOLLOW_LABEL.match(text)
            and not EXEMPT.fullmatch(text) and not (text.endswith(".") and len(text.split()) > 8))


def _title_goes_on(section: CaseSection, block: Block) -> bool:
    text = block.text.strip()
    return (bool(section.title) and not section.body and not section.lead and not block.is_row
            and block.line == section.heading.line_end + 1 and not section.heading.text.rstrip().endswith((".", ":"))
            and text[:1].islower() and len(text) < 100 and not text.endswith((".", ":")))


def split_cases(blocks: list[Block]) -> tuple[list[Block], list[CaseSection]]:
    """The preamble before the first case, and one section per case heading."""
    preamble: list[Block] = []
    cases: list[CaseSection] = []
    table: tuple[CaseTable, Block] | None = None  # the table of cases the rows belong to, and its header
    heads = choose_headings(blocks)
    for k, block in enumerate(blocks):
        if block.is_row:
            found = case_table(block)
            if found is not None:
                table = (found, block)
                continue
            if table is not None:
                numbered = row_number(table[0], block)
                if numbered:
                    title, body, heading = read_row(table[0], table[1], block)
                    title, exempt_raw = _without_flag(title)
                    exempt_raw = exempt_raw or closed_mark(table[0], block)
                    cases.append(CaseSection(heading, numbered[1], numbered[0], _clean_title(title),
                                             exempt_raw is not None, exempt_raw, "", body))
                    continue
                more = continuation(table[0], block) if cases else None
                if more is not None:
                    cases[-1].body += more
                    continue
        else:
            table = None
            head = heads.get(k)
            if head is not None:
                title, lead = _split_title(block, head.rest)
                title, starred = without_star(title)
                title, exempt_raw = _without_flag(title)
                if exempt_raw is None and lead and EXEMPT.match(lead.strip()):
                    m2 = EXEMPT.match(lead.strip())
                    exempt_raw = m2.group(0).strip() if m2 else None
                    lead = lead.strip()[m2.end():] if m2 else lead
                cases.append(CaseSection(block, head.number, head.raw_number, _clean_title(title),
                                         exempt_raw is not None, exempt_raw, lead.strip(), agenda=head.agenda,
                                         starred=starred))
                continue
        if cases:
            section = cases[-1]
            if _title_below(section, block):
                # 'Sak nr. 21/24' alone, the title on the line below
                title, exempt_raw = _without_flag(block.text)
                if exempt_raw is not None:
                    section.exempt, section.exempt_raw = True, exempt_raw
                section.title = _clean_title(title)
                continue
            if _title_goes_on(section, block):
                # 'PS 14/26 ... En bærekraftig' over 'kommunesektor - høringsuttalelse': a title wrapped in plain text
                title, exempt_raw = _without_flag(block.text)
                if exempt_raw is not None:
                    section.exempt, section.exempt_raw = True, exempt_raw
                section.title = _clean_title(f"{section.title} {title}")
                continue
            if not section.body and not section.lead and not section.exempt and len(block.text) < 80:
                flag = flag_line(block.text)
                if flag:
                    section.exempt, section.exempt_raw = True, flag.group(0).strip()
                    continue
            section.body.append(block)
        else:
            preamble.append(block)
    if any(c.starred for c in cases) and any(LEGAL_BASIS.search(b.text) for b in blocks):
        for section in cases:
            if section.starred and not section.exempt:
                section.exempt, section.exempt_raw = True, "*"
    return preamble, _without_agenda(cases)


def _without_agenda(cases: list[CaseSection]) -> list[CaseSection]:
    """A 'Saksliste' names the cases before the minutes take them up: its entries are not the cases.
    They are the headings found as such, a heading with next to nothing under it whose number comes
    again later, and what stands empty among them ('RS 4/26' listed, and taken up under 'PS 6/26')."""
    listed = []
    for k, section in enumerate(cases):
        later = next((c for c in cases[k + 1:] if c.number == section.number), None)
        entry = section.agenda or (later is not None and _empty(section))
        if entry and later is not None and section.exempt and not later.exempt:
            later.exempt, later.exempt_raw = True, section.exempt_raw
        listed.append(entry)
    entries = [k for k, entry in enumerate(listed) if entry]
    first, last = (entries[0], entries[-1]) if entries else (0, -1)
    return [c for k, c in enumerate(cases) if not listed[k] and not (first < k < last and _empty(c))]


def _empty(section: CaseSection) -> bool:
    return not section.lead and _small(section)


def _small(section: CaseSection) -> bool:
    return sum(len(b.text) for b in section.body) < 120
