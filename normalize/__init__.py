"""Normalize: every person, organisation and body resolved to one canonical identity."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from referat.extract.model import Extraction
from referat.models import CONTRACT
from referat.normalize.registry import Registry

__all__ = ["Registry", "ResolvedMeeting", "resolve_names"]


class ResolvedAttendee(BaseModel):
    model_config = CONTRACT

    person_id: int
    name: str
    organisation_id: int | None = None
    organisation: str | None = None  # the top-level organisation's canonical name
    substitute_for_id: int | None = None
    substitute_for: str | None = None


class ResolvedReference(BaseModel):
    model_config = CONTRACT

    body_id: int | None
    body: str


class ResolvedMeeting(BaseModel):
    model_config = CONTRACT

    body_id: int | None = None
    body: str | None = None
    attendance: list[ResolvedAttendee] = Field(default_factory=list)
    references: list[list[ResolvedReference]] = Field(default_factory=list)


def resolve_names(extraction: Extraction, registry: Registry, document_id: int | None = None) -> ResolvedMeeting:
    """Canonical ids for the meeting's body, its attendees and the bodies its references name."""
    meeting = extraction.meeting
    if meeting is None:
        return ResolvedMeeting()
    date = dt.date.fromisoformat(meeting.date) if meeting.date else None
    registry.learn_abbreviations(" ".join(i.text for i in meeting.items))
    body_id, body = registry.body(meeting.body, date)
    people: list[ResolvedAttendee] = []
    by_name: dict[str, tuple[int, str]] = {}
    for a in meeting.attendance:
        pid, name = registry.person(a.name, document_id=document_id, page=a.page, line=a.line)
        by_name[a.name] = (pid, name)
        oid = registry.organisation(a.organisation, document_id=document_id)
        people.append(ResolvedAttendee(person_id=pid, name=name, organisation_id=oid,
                                       organisation=registry.top_org(oid)))
    for a, r in zip(meeting.attendance, people, strict=True):
        if a.substitute_for:
            pid, name = by_name.get(a.substitute_for) or registry.person(a.substitute_for, document_id=document_id)
            r.substitute_for_id, r.substitute_for = pid, name
    references = []
    for item in meeting.items:
        refs = []
        for ref in item.references:
            if ref.body:
                rid, rname = registry.body(ref.body, date)
            else:
                rid, rname = body_id, body
            refs.append(ResolvedReference(body_id=rid, body=rname or ""))
        references.append(refs)
    return ResolvedMeeting(body_id=body_id, body=body, attendance=people, references=references)
