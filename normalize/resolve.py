"""Answering 'who is this?' for a name, without changing the registry (the resolve contract)."""

from __future__ import annotations

from typing import Any

from referat.extract.roles import looks_like_org
from referat.normalize.registry import Registry

ACCEPTED = ("exact", "folded", "ocr", "fuzzy", "decision")


def resolve_name(name: str, registry: Registry) -> dict[str, Any]:
    """{'query', 'kind', 'id', 'name', 'score'}; id and name are None when nothing matches with confidence."""
    org = registry.lookup_org(name)
    person = registry.lookup_person(name)
    if org.id is not None and (looks_like_org(name) or person.level not in ACCEPTED or org.score >= person.score):
        return {"query": name, "kind": "organisation", "id": org.id, "name": registry.orgs[org.id].name,
                "score": round(org.score, 1), "level": org.level}
    if person.id is not None and person.level in ACCEPTED:
        return {"query": name, "kind": "person", "id": person.id, "name": registry.people[person.id],
                "score": round(person.score, 1), "level": person.level}
    kind = "organisation" if looks_like_org(name) else "person"
    return {"query": name, "kind": kind, "id": None, "name": None, "score": round(max(person.score, 0.0), 1),
            "level": "review" if person.level == "review" else "none"}
