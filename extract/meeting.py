"""One document's minutes read whole: blocks, cases, header, attendance, decisions, votes and references."""

from __future__ import annotations

from referat import bodywords
from referat.extract.attendance import read_lists, read_tables
from referat.extract.blocks import Block, build_blocks
from referat.extract.casenumber import ARCHIVE_LINE
from referat.extract.cases import split_cases
from referat.extract.classify import is_minutes
from referat.extract.decisions import read_case
from referat.extract.exempt import exemption
from referat.extract.flattened import read_inline, read_stacked
from referat.extract.header import read_header
from referat.extract.marks import Category, Status
from referat.extract.model import Attendee, Extraction, Item, Meeting, Problem
from referat.extract.names import same_person
from referat.extract.participants import link_substitutes, read_officials, read_prose, stand_ins
from referat.extract.references import read_references
from referat.extract.roles import spelled_out
from referat.extract.stated import read_stated
from referat.extract.votes import attend_voters, read_votes
from referat.ingest.document import Document

__all__ = ["extract_meeting", "warm_up", "Extraction", "Meeting", "Item", "Attendee"]


def _merge(people: list[Attendee], extra: list[Attendee]) -> list[Attendee]:
    """Add people from lists and prose unless the table already has them; a later mention adds detail."""
    for person in extra:
        twin = next((p for p in people if same_person(p.name, person.name)), None)
        if twin is None:
            people.append(person)
        elif person.category == Category.substitute and twin.category == Category.member and person.substitute_for:
            twin.category, twin.substitute_for = Category.substitute, person.substitute_for
        elif person.category == Category.secretariat and twin.category == Category.guest:
            twin.category = Category.secretariat  # 'Referent: X' for one listed among the others
        elif twin.organisation is None and person.organisation:
            twin.organisation = person.organisation
    return people


def warm_up() -> None:
    """Import the extractors and compile the name tokenizer's rules now: worker processes forked
    afterwards share them instead of each doing it again."""
    from referat.extract.names import find_names

    find_names("Kari Nordmann")


def extract_meeting(doc: Document) -> Extraction:
    """Everything the minutes say: meeting, attendance, cases with decisions, follow-ups and references."""
    blocks = build_blocks(doc)
    preamble, cases = split_cases(blocks)
    header = read_header(preamble or blocks[:30], whole=blocks)
    people = read_tables(blocks)
    # lists may stand after the cases too: 'Tilstede:' at the end, over the signatures
    people = _merge(people, read_lists(preamble))
    people = _merge(people, read_stated(preamble))  # 'Til stades var A, B og C.', 'D hadde meldt forfall.'
    people = _merge(people, read_lists(blocks[len(preamble):], in_cases=True))
    people = _merge(people, read_stacked(blocks))
    people = _merge(people, read_inline(preamble))
    if not is_minutes(blocks, len(cases), header, len(people)):
        return Extraction(source=doc.source, kind="other")
    warnings: list[Problem] = []
    body = header.get("body")
    items: list[Item] = []
    for case in cases:
        reading = read_case(case.body, case.lead, body, title=case.title, heading=case.heading)
        text = " ".join([case.title, case.lead, *(b.text for b in case.body if not b.is_row)])
        # an archive number alone on its line ('Sak nr. 2024/88' under the heading) is the case's file, no other case
        referring = [b.text for b in case.body if not b.is_row and not ARCHIVE_LINE.match(b.text)]
        references = read_references(" ".join([case.heading.text, *referring]),
                                     case.number, case.heading.page, case.heading.line)
        end = case.body[-1] if case.body else case.heading
        exempt, exempt_raw, basis = exemption(case.exempt, case.exempt_raw, case.heading.text, text)
        items.append(Item(number=case.number, raw_number=case.raw_number, title=case.title, exempt=exempt,
                          exempt_raw=exempt_raw, legal_basis=basis, text=text, decisions=reading.decisions,
                          follow_ups=reading.follow_ups, proposals=reading.proposals, references=references,
                          page=case.heading.page, line=case.heading.line, line_end=end.line_end,
                          page_end=end.lines[-1].page))
    sections: list[tuple[str | None, list[Block]]] = [(None, preamble)]
    sections += [(c.number, [c.heading, *c.body]) for c in cases]
    people = _merge(people, read_officials(blocks, people))
    people = _merge(people, read_prose(sections, people, assembly=bodywords.assembly(body or "") is not None))
    link_substitutes(people, stand_ins(sections))
    votings = [(number, read_votes(section[1:] if number else section, number)) for number, section in sections]
    for (_, voting), item in zip(votings[1:], items, strict=True):
        item.votes, item.recusals = voting.votes, voting.recusals
    warnings += [p for _, voting in votings for p in voting.problems] + attend_voters(people, votings)
    written = " ".join(b.text for b in blocks if not b.is_row)
    for person in people:
        person.organisation = spelled_out(person.organisation, written) if person.organisation else None
    seen: set[str] = set()
    for number in (i.number for i in items):
        if number in seen:
            warnings.append(Problem(message=f"case {number} appears twice"))
        seen.add(number)
    if not header.get("date"):
        warnings.append(Problem(message="no meeting date found"))
    if not body:
        warnings.append(Problem(message="no meeting body (organ) found"))
    if not people:
        warnings.append(Problem(message="no attendance found"))
    first = blocks[0] if blocks else None
    meeting = Meeting(body=body, date=header.get("date"), start_time=header.get("start_time"),
                      end_time=header.get("end_time"), location=header.get("location"), attendance=people,
                      items=items, votes=votings[0][1].votes, recusals=votings[0][1].recusals,
                      page=first.page if first else 1, line=first.line if first else 1)
    for person in people:
        if person.category == Category.substitute and person.status == Status.unknown:
            person.status = Status.present
    return Extraction(source=doc.source, kind="minutes", meeting=meeting, warnings=warnings)
