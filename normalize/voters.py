"""Voters and disqualified members as canonical people and parties: a voter is the person of the
attendance row the vote reader linked them to, so that 'Per Aunan' in a vote list and 'Per Espen
Aunan' in the attendance table are one person, and a party is an organisation as in attendance."""

from __future__ import annotations

from collections.abc import Sequence

from referat.extract.model import Meeting, Recusal, Voter
from referat.normalize import ResolvedMeeting
from referat.normalize.registry import Registry


def resolve_voters(people: Sequence[Voter | Recusal], meeting: Meeting, resolved: ResolvedMeeting,
                   registry: Registry, document_id: int | None = None) -> list[tuple[int, int | None]]:
    """(person_id, party organisation_id) for each of ``people``, in order."""
    listed: dict[str, int] = {}
    for a, r in zip(meeting.attendance, resolved.attendance, strict=True):
        listed.setdefault(a.name, r.person_id)
    out = []
    for p in people:
        pid = listed.get(p.attendee or p.name)
        if pid is None:
            pid, _ = registry.person(p.name, document_id=document_id, page=p.page, line=p.line)
        out.append((pid, registry.organisation(p.party, document_id=document_id)))
    return out
