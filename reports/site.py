"""A static site of the archive: bodies and meetings, a page per meeting, person and case, the
decision register and the attendance report. Self-contained: no CDN, works offline.

The site is built from the archive as it is, exempt cases included, and every page and file goes
through the publication policy (``publication.py``) on the way out.

A build writes into a folder of its own inside the output and then moves into place only the files
whose bytes changed: a rebuild after a few new documents leaves every other file (and its mtime)
alone, and a file the last build made that this one does not (a removed document's meeting page)
is deleted. The list of the files a build made is kept beside them (``MANIFEST``); nothing else in
the folder is touched. A failed build leaves the site as it was."""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from referat.reports.attendance import write_attendance
from referat.reports.person import activity_by_person, overall_rate
from referat.reports.publication import (
    PUBLIC,
    Policy,
    Published,
    Source,
    publish_attendance,
    publish_items,
    publish_people,
    publish_source,
    stored_bytes,
    unique_names,
    withheld_count,
)
from referat.reports.register import write_register
from referat.reports.render import render, slug
from referat.reports.sitesearch import SearchSource, write_search
from referat.reports.trace import case_page, cycles_by_case, index_cases

MANIFEST = ".referat-site"
COPIES = ".referat-copies.json"  # how each source copy was made, so the next build can reuse it


@dataclass
class SiteData:
    meetings: list[dict[str, Any]]
    items: list[dict[str, Any]]  # every case, exempt ones included: the policy withholds them
    attendance: list[dict[str, Any]]
    people: list[dict[str, Any]]
    sources: Iterable[Source]  # read once a build, a page at a time from the archive (queries.paged_sources)
    policy: Policy = PUBLIC
    rates: dict[str, list[dict[str, Any]]] | None = None  # the attendance views' member figures
    search: SearchSource = field(default_factory=SearchSource)  # read once a build, as sources are
    activity: dict[str, list[dict[str, Any]]] | None = None  # queries.person_activity, exempt ones too


def build_site(data: SiteData, out: Path) -> dict[str, int]:
    """The site in ``out``; the counts of what it shows, and of the files this build ``written``
    (new or changed) and ``removed``."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=out))  # the same file system: a move is a rename
    try:
        counts = _write_site(data, staging, out)
        return {**counts, **_move_into_place(staging, out)}
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging: Path, out: Path) -> dict[str, int]:
    """Each file of ``staging`` replaces its namesake in ``out`` only when their bytes differ; the
    files of the last build that this one did not make are removed."""
    made = []
    for path in sorted(staging.rglob("*")):
        if path.is_dir():
            (out / path.relative_to(staging)).mkdir(parents=True, exist_ok=True)  # sources/ even when empty
        else:
            made.append(path.relative_to(staging).as_posix())
    manifest = out / MANIFEST
    before = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    written = 0
    for name in made:
        target = out / name
        if target.is_file() and filecmp.cmp(staging / name, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target)
        written += 1
    gone = sorted(before - set(made))
    for name in gone:
        (out / name).unlink(missing_ok=True)
    listing = "".join(f"{name}\n" for name in made)
    if not manifest.is_file() or manifest.read_text(encoding="utf-8") != listing:
        manifest.write_text(listing, encoding="utf-8")
    return {"written": written, "removed": len(gone)}


def _copy_key(source: Source, policy: Policy) -> str:
    """What a source's copy depends on: its bytes and text, its exempt cases, the policy, and
    whether the file it was read from is still there unchanged (publish_source decides by that)."""
    parts = [policy.include_exempt, source.source, source.media_type, source.sha256, source.scanned,
             sorted(source.exempt.items()), hashlib.sha256(source.raw_text.encode("utf-8")).hexdigest(),
             stored_bytes(source) is not None]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _copy_sources(sources: Iterable[Source], policy: Policy, out: Path, site: Path) -> dict[int, Published]:
    """Every source's copy under sources/, written as soon as it is made instead of all held at
    once. Redacting a copy reads its source again (for minutes with exempt cases, most of a
    build's time): a copy the last build made from the same ``_copy_key`` is taken from ``site``."""
    folder = out / "sources"
    folder.mkdir()
    old = site / COPIES
    before: dict[str, dict[str, Any]] = json.loads(old.read_text(encoding="utf-8")) if old.is_file() else {}
    published: dict[int, Published] = {}
    made: dict[int, Path] = {}
    keys: dict[int, str] = {}
    for source in sources:
        key = keys[source.id] = _copy_key(source, policy)
        hit = before.get(key)
        if hit and (hit["file"] is None or (site / "sources" / hit["file"]).is_file()):
            published[source.id] = Published(hit["name"], hit["note"])
            if hit["file"]:
                made[source.id] = site / "sources" / hit["file"]
            continue
        p = publish_source(source, policy)
        if p.name and p.data is not None:
            made[source.id] = folder / f".{source.id}"
            made[source.id].write_bytes(p.data)
        published[source.id] = Published(p.name, p.note)
    names = {doc_id: p.name for doc_id, p in published.items()}  # before they are made unique
    unique_names(published)
    copies = {}
    for doc_id, p in published.items():
        if p.name and doc_id in made:
            if made[doc_id].parent == folder:
                made[doc_id].rename(folder / p.name)
            else:
                shutil.copyfile(made[doc_id], folder / p.name)
        copies[keys[doc_id]] = {"name": names[doc_id], "note": p.note, "file": p.name if doc_id in made else None}
    (out / COPIES).write_text(json.dumps(copies, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    return published


def _write_site(data: SiteData, out: Path, site: Path) -> dict[str, int]:
    """The whole site into ``out``; ``site`` is the folder of the last build, whose source copies
    are reused where they were made from the same bytes under the same policy."""
    policy = data.policy
    items = publish_items(data.items, policy)
    attendance = publish_attendance(data.attendance, policy)
    people = publish_people(data.people, attendance)
    withheld = withheld_count(data.items, policy)
    published = _copy_sources(data.sources, policy, out, site)
    names = {doc_id: p.name for doc_id, p in published.items()}
    common = {"withheld": withheld, "internal": policy.internal}
    bodies = [(body, list(rows)) for body, rows in groupby(sorted(data.meetings, key=lambda m: (m["body"] or "",
                                                                                                m["date"])),
                                                             key=lambda m: m["body"] or "(ukjent organ)")]
    render("index.html", out / "index.html", title="Møter", bodies=bodies, root="", **common)
    items_by_meeting: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        item["href"] = names.get(item.get("document_id"))  # the published copy of its source, if any
        items_by_meeting.setdefault(item["meeting_id"], []).append(item)
    attendance_by_meeting: dict[int, list[dict[str, Any]]] = {}
    for row in attendance:
        attendance_by_meeting.setdefault(row["meeting_id"], []).append(row)
    for m in data.meetings:
        files = [(name, published[doc_id].name, published[doc_id].note)
                 for name, doc_id in zip(m["sources"] or [], m["source_ids"] or [], strict=True) if doc_id in published]
        render("meeting.html", out / "meetings" / f"{m['id']}.html", title=f"{m['body']} {m['date']}", m=m,
               files=files, items=items_by_meeting.get(m["id"], []), attendance=attendance_by_meeting.get(m["id"], []),
               root="../", withheld=0 if policy.include_exempt else m["n_exempt"], internal=policy.internal)
    meetings_of: dict[int, list[dict[str, Any]]] = {}
    for row in attendance:
        meetings_of.setdefault(row["person_id"], []).append(row)
    activity = activity_by_person(data.activity or {}, policy)
    for p in people:
        p["meetings"] = len({r["meeting_id"] for r in meetings_of.get(p["id"], [])})
        render("person.html", out / "people" / f"{p['id']}.html", title=p["name"], p=p,
               rows=meetings_of.get(p["id"], []), root="../", internal=policy.internal,
               **{key: rows.get(p["id"], []) for key, rows in activity.items()},
               overall=overall_rate(activity["rates"].get(p["id"], [])))
    render("people.html", out / "people" / "index.html", title="Personer", people=people, root="../",
           internal=policy.internal)
    index = index_cases(items)
    cycles = cycles_by_case(index)
    cases = index.cases()
    for case in cases:
        render("case.html", out / "cases" / f"{slug(f'{case[0]}-{case[1]}')}.html", title=f"Sak {case[0]} {case[1]}",
               t=case_page(case, index, cycles).as_dict(), root="../", internal=policy.internal)
    write_register(data.items, out, policy=policy, sources=names)
    write_attendance(data.attendance, out, title="Oppmøte", policy=policy, rates=data.rates)
    write_search(data.search, out, policy=policy)
    return {"meetings": len(data.meetings), "people": len(people), "cases": len(cases),
            "decisions": sum(len(i["decisions"]) for i in items), "withheld": withheld}
