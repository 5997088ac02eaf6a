"""The registry of canonical people, organisations and bodies, as normalization sees it.

It is plain data: ``store`` fills it from the database and writes back what it
collected (new entities, aliases, reviews); normalization itself does no I/O."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from referat.folding import fold
from referat.normalize.authority import BodyName, OrgEntry
from referat.normalize.bodies import body_for, canonical_body_name
from referat.normalize.matching import Match, OrgIndex, PersonIndex, match_org, match_person


@dataclass
class Org:
    name: str
    abbreviation: str | None = None
    parent_id: int | None = None


@dataclass
class Review:
    entity_kind: str
    mention: str
    mention_id: int
    candidate_id: int
    score: float
    runner_up_id: int | None
    runner_up_score: float | None
    document_id: int | None
    page: int | None
    line: int | None


@dataclass
class Changes:
    people: list[tuple[int, str]] = field(default_factory=list)
    orgs: list[tuple[int, str, str | None, int | None]] = field(default_factory=list)
    bodies: list[tuple[int, str]] = field(default_factory=list)
    aliases: list[tuple[str, int, str, str, float, int | None]] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


@dataclass
class Registry:
    next_id: int = 1
    people: dict[int, str] = field(default_factory=dict)
    orgs: dict[int, Org] = field(default_factory=dict)
    bodies: dict[str, int] = field(default_factory=dict)
    body_names: list[BodyName] = field(default_factory=list)
    person_index: PersonIndex = field(default_factory=PersonIndex)
    org_index: OrgIndex = field(default_factory=OrgIndex)
    rejected: set[tuple[str, int]] = field(default_factory=set)
    accepted: dict[str, str] = field(default_factory=dict)  # folded mention -> canonical name
    changes: Changes = field(default_factory=Changes)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    # -- building ------------------------------------------------------------------------------

    def add_person(self, pid: int, name: str, aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        self.people[pid] = name
        self.person_index.add(pid, name)
        for alias in aliases:
            self.person_index.add(pid, alias)
        self.next_id = max(self.next_id, pid + 1)

    def add_org(self, oid: int, org: Org, aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        self.orgs[oid] = org
        self.org_index.add(oid, org.name, primary=True)
        for alias in [*(a for a in [org.abbreviation] if a), *aliases]:
            self.org_index.add(oid, alias)
        self.next_id = max(self.next_id, oid + 1)

    def add_authority(self, entries: list[OrgEntry]) -> None:
        """Curated organisations: created when missing, their spellings always known."""
        for entry in entries:
            match = match_org(entry.name, self.org_index)
            oid = match.id if match.level in ("folded",) else None
            if oid is None:
                oid = self.new_id()
                parent = self.organisation(entry.parent) if entry.parent else None
                org = Org(entry.name, entry.abbreviations[0] if entry.abbreviations else None, parent)
                self.add_org(oid, org)
                self.changes.orgs.append((oid, org.name, org.abbreviation, org.parent_id))
            for alias in (*entry.abbreviations, *entry.aliases):
                if fold(alias) not in self.org_index.folded:
                    self.org_index.add(oid, alias)
                    self.changes.aliases.append(("organisation", oid, alias, "authority", 1.0, None))

    # -- resolving -----------------------------------------------------------------------------

    def lookup_person(self, name: str) -> Match:
        """What a name matches, without changing the registry."""
        forced = self.accepted.get(fold(name))
        if forced:
            target = match_person(forced, self.person_index)
            if target.id is not None:
                return Match(target.id, 100.0, "decision")
        return match_person(name, self.person_index, self.rejected)

    def person(self, name: str, *, document_id: int | None = None, page: int | None = None,
               line: int | None = None) -> tuple[int, str]:
        """The canonical person for a mention; an uncertain match gets a provisional person and a review."""
        match = self.lookup_person(name)
        if match.id is not None and match.level in ("exact", "folded", "ocr", "fuzzy", "decision"):
            if name.strip() not in self.person_index.exact:
                self.person_index.add(match.id, name)
                self.changes.aliases.append(("person", match.id, name, f"document:{document_id}",
                                             match.score / 100, document_id))
            return match.id, self.people[match.id]
        pid = self.new_id()
        self.add_person(pid, name)
        self.changes.people.append((pid, name))
        self.changes.aliases.append(("person", pid, name, f"document:{document_id}", 1.0, document_id))
        if match.level == "review" and match.id is not None:
            self.changes.reviews.append(Review("person", name, pid, match.id, match.score, match.runner_up,
                                               match.runner_up_score, document_id, page, line))
        return pid, name

    def lookup_org(self, name: str, *, fuzzy: bool = True) -> Match:
        return match_org(name, self.org_index, fuzzy=fuzzy)

    def organisation(self, name: str | None, *, document_id: int | None = None) -> int | None:
        """The organisation (or unit of one) a cell names; 'Universitetet i Bergen – MED' is a unit of UiB."""
        if not name or not fold(name):
            return None
        match = self.lookup_org(name, fuzzy=False)
        if match.id is not None:
            return match.id
        parts = [p.strip() for p in re.split(r"\s*/\s*", name) if p.strip()]
        if len(parts) > 1:
            for part in reversed(parts):
                found = self.lookup_org(part)
                if found.id is not None:
                    return found.id
                unit = self._unit_before_parent(part, document_id)
                if unit is not None:
                    return unit
        unit = self._unit_before_parent(name, document_id)
        if unit is not None:
            return unit
        m = re.match(r"^(.+?)\s*(?:[,–—]|\s-\s|-(?=[A-ZÆØÅ]))\s*(.+)$", name)
        if m:
            parent = self.lookup_org(m.group(1))
            if parent.id is not None:
                return self._unit(parent.id, m.group(2), name, document_id)
        match = self.lookup_org(name)
        if match.id is not None:
            return match.id
        return self._new_org(Org(" ".join(name.split())), name, document_id)

    def _unit(self, parent_id: int, unit_name: str, mention: str, document_id: int | None) -> int:
        unit = f"{self.orgs[parent_id].name} – {unit_name.strip()}"
        found = self.lookup_org(unit, fuzzy=False)
        if found.id is not None:
            return found.id
        return self._new_org(Org(unit, None, parent_id), mention, document_id)

    def _unit_before_parent(self, name: str, document_id: int | None) -> int | None:
        """'IGS-UiB': a unit's abbreviation before its parent's, which must be known exactly."""
        m = re.fullmatch(r"([A-ZÆØÅ][\wæøåÆØÅ]{1,9})-([A-ZÆØÅ][\wæøåÆØÅ]{1,9})", name.strip())
        if not m:
            return None
        parent = self.lookup_org(m.group(2), fuzzy=False)
        if parent.id is None or self.lookup_org(m.group(1), fuzzy=False).id is not None:
            return None  # 'UiB-MED' names the parent first
        return self._unit(parent.id, m.group(1), name, document_id)

    def _new_org(self, org: Org, mention: str, document_id: int | None) -> int:
        oid = self.new_id()
        self.add_org(oid, org, [mention])
        self.changes.orgs.append((oid, org.name, org.abbreviation, org.parent_id))
        self.changes.aliases.append(("organisation", oid, mention, f"document:{document_id}", 1.0, document_id))
        return oid

    def top_org(self, oid: int | None) -> str | None:
        seen = set()
        while oid is not None and oid in self.orgs and self.orgs[oid].parent_id is not None and oid not in seen:
            seen.add(oid)
            oid = self.orgs[oid].parent_id
        return self.orgs[oid].name if oid in self.orgs else None

    def body(self, raw: str | None, date: dt.date | None) -> tuple[int | None, str | None]:
        """The body's id (by identity across renames) and the name it had at the date."""
        name = canonical_body_name(raw, self.body_names)
        if not name:
            return None, None
        current = body_for(name, date, self.body_names)
        if current not in self.bodies:
            bid = self.new_id()
            self.bodies[current] = bid
            self.changes.bodies.append((bid, current))
        return self.bodies[current], name

    def learn_abbreviations(self, text: str) -> None:
        """'Høgskulen på Vestlandet (HVL)' teaches the registry that HVL is that organisation."""
        for m in re.finditer(r"\(([A-ZÆØÅ][A-Za-zÆØÅæøå]{1,6})\)", text):
            abbr = m.group(1)
            if fold(abbr) in self.org_index.folded or not any(c.isupper() for c in abbr[1:]):
                continue
            words = text[max(0, m.start() - 80):m.start()].split()[-6:]
            for n in range(len(words), 0, -1):
                found = self.lookup_org(" ".join(words[-n:]), fuzzy=False)
                if found.id is not None:
                    self.org_index.add(found.id, abbr)
                    self.changes.aliases.append(("organisation", found.id, abbr, "learned", 0.9, None))
                    break

    def drain(self) -> Changes:
        changes, self.changes = self.changes, Changes()
        return changes
