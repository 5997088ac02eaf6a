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
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.reports.attendance import write_attendance_pages
from referat.reports.copies import SourceCopies
from referat.reports.person import overall_rate
from referat.reports.pool import Pages, PoolError, start_pool
from referat.reports.publication import (
    PUBLIC,
    Policy,
    Published,
    Source,
    publish_attendance,
    publish_items,
    publish_votes,
)
from referat.reports.register import register_rows
from referat.reports.render import render, render_stream, slug
from referat.reports.sitesearch import SearchSource, write_search
from referat.reports.trace import CaseIndex, case_order, case_page, cycles_by_case

if TYPE_CHECKING:
    from referat.store.sitequeries import Case, SiteQueries

MANIFEST = ".referat-site"


@dataclass
class SiteData:
    archive: SiteQueries  # each page kind is read from it a batch at a time, exempt cases included
    sources: Iterable[Source]  # read once a build, a page at a time from the archive (queries.paged_sources)
    policy: Policy = PUBLIC
    search: SearchSource = field(default_factory=SearchSource)  # read once a build, as sources are
    workers: int = 1  # processes that render pages and redact source copies (reports/pool.py); 1: this one alone


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


# Meetings and cases are read this many at a time: a batch's rows are all the site holds of them.
MEETING_BATCH = 200
CASE_BATCH = 300
CASE_ITEMS = 20_000  # items a batch of case pages reads, its own and its linked cases'
NO_BODY = "(ukjent organ)"


class Counted:
    """Rows a template goes through once and asks the number of, read as it goes."""

    def __init__(self, length: int, rows: Iterable[Any]) -> None:
        self.length, self.rows = length, rows

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)


class ByKey:
    """Rows ordered by ``key``, taken a key at a time in rising order; rows of a key never asked
    for are passed over."""

    def __init__(self, rows: Iterable[dict[str, Any]], key: str) -> None:
        self.rows, self.key = iter(rows), key
        self.next = next(self.rows, None)

    def take(self, value: Any) -> list[dict[str, Any]]:
        while self.next is not None and (self.next[self.key] is None or self.next[self.key] < value):
            self.next = next(self.rows, None)
        out = []
        while self.next is not None and self.next[self.key] == value:
            out.append(self.next)
            self.next = next(self.rows, None)
        return out


def batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _write_site(data: SiteData, out: Path, site: Path) -> dict[str, int]:
    """The whole site into ``out``; ``site`` is the folder of the last build, whose source copies
    are reused where they were made from the same bytes under the same policy. Each page kind is
    read a batch at a time and each page written as it is made."""
    policy, archive = data.policy, data.archive
    withheld = 0 if policy.include_exempt else archive.exempt_cases()
    pool = start_pool(data.workers) if data.workers > 1 else None
    try:
        pages = Pages(pool, data.workers)
        copies = SourceCopies(data.sources, policy, out, site, pool, data.workers)
        if pool is not None:
            copies.start()  # while the pages that do not link to a copy are written
        try:
            people = _write_people(archive, policy, out, pages)
            cases = _write_cases(archive, policy, out, pages)
            rates = archive.attendance_rates(policy.include_exempt)
            write_attendance_pages([] if rates is not None else archive.attendance_rows(), out, title="Oppmøte",
                                   policy=policy, rates=rates)
            write_search(data.search, out, policy=policy)
        except BaseException as exc:
            cause = copies.stop(finish=isinstance(exc, PoolError))
            if isinstance(exc, PoolError) and isinstance(cause, PoolError):
                raise cause from None  # the same death, told with the files the copies had in hand
            raise
        published = copies.result()
        names = {doc_id: p.name for doc_id, p in published.items()}
        meetings = _write_meetings(archive, policy, published, out, withheld, pages)
        _write_register(archive, policy, names, withheld, out)
        pages.close()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return {"meetings": meetings, "people": people, "cases": cases,
            "decisions": archive.decisions(policy.include_exempt), "withheld": withheld}


def _bodies(meetings: Iterable[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The meetings, in the index's order, a body at a time."""
    for body, rows in groupby(meetings, key=lambda m: m["body"] or NO_BODY):
        yield body, list(rows)


def _write_meetings(archive: SiteQueries, policy: Policy, published: dict[int, Published], out: Path,
                    withheld: int, pages: Pages) -> int:
    """The index of meetings by body, and a page per meeting with its cases and attendance."""
    render_stream("index.html", out / "index.html", title="Møter", bodies=_bodies(archive.meetings()), root="",
                  withheld=withheld, internal=policy.internal)
    count = 0
    for batch in batches(archive.meetings(), MEETING_BATCH):
        ids = [m["id"] for m in batch]
        items_of: dict[int, list[dict[str, Any]]] = {}
        for item in publish_items(archive.meeting_items(ids), policy):
            doc = published.get(item.get("document_id"))  # type: ignore[arg-type]
            item["href"] = doc.name if doc else None  # the published copy of its source, if any
            items_of.setdefault(item["meeting_id"], []).append(item)
        attendance_of: dict[int, list[dict[str, Any]]] = {}
        for row in publish_attendance(archive.meeting_attendance(ids), policy):
            attendance_of.setdefault(row["meeting_id"], []).append(row)
        for m in batch:
            files = [(name, published[doc_id].name, published[doc_id].note)
                     for name, doc_id in zip(m["sources"] or [], m["source_ids"] or [], strict=True)
                     if doc_id in published]
            pages.render("meeting.html", out / "meetings" / f"{m['id']}.html", title=f"{m['body']} {m['date']}", m=m,
                   files=files, items=items_of.get(m["id"], []), attendance=attendance_of.get(m["id"], []),
                   root="../", withheld=0 if policy.include_exempt else m["n_exempt"], internal=policy.internal)
        count += len(batch)
    return count


def _write_people(archive: SiteQueries, policy: Policy, out: Path, pages: Pages) -> int:
    """A page per person some published attendance row names (``publish_people``), from rows read
    a person at a time, and the index of them."""
    people = archive.people()
    rows_of = ByKey(archive.attendance_by_person(), "person_id")
    activity = {key: ByKey(rows, "person_id") for key, rows in archive.activity_by_person().items()}
    shown = set()
    for p in sorted(people, key=lambda p: p["id"]):
        rows = publish_attendance(rows_of.take(p["id"]), policy)
        mine = {key: publish_votes(found.take(p["id"]), policy) for key, found in activity.items()}
        if not rows:
            continue
        shown.add(p["id"])
        p["meetings"] = len({r["meeting_id"] for r in rows})
        pages.render("person.html", out / "people" / f"{p['id']}.html", title=p["name"], p=p, rows=rows, root="../",
               internal=policy.internal, **mine, overall=overall_rate(mine["rates"]))
    listed = [p for p in people if p["id"] in shown]
    render("people.html", out / "people" / "index.html", title="Personer", people=listed, root="../",
           internal=policy.internal)
    return len(listed)


def _write_cases(archive: SiteQueries, policy: Policy, out: Path, pages: Pages) -> int:
    """A page per case, from an index of the archive's links alone: each batch of cases reads its
    own items whole and its linked cases' items without their decisions and follow-ups."""
    links = CaseIndex()
    for source, target in archive.case_links(policy.include_exempt):
        links.outgoing.setdefault(source, []).append(target)
        links.incoming.setdefault(target, []).append(source)
    cycles = cycles_by_case(links)
    counts = archive.case_keys()
    cases = sorted(counts.keys() | links.incoming.keys(), key=case_order)
    for batch in _case_batches(cases, counts, links):
        own = set(batch)
        linked = sorted({n for case in batch for n in links.neighbours(case)} - own, key=case_order)
        page = CaseIndex(outgoing=links.outgoing, incoming=links.incoming)
        for item in publish_items(archive.case_items(linked, children=()) + archive.case_items(batch), policy):
            page.by_case.setdefault((item["body"], item["number"]), []).append(item)
        for case in batch:
            pages.render("case.html", out / "cases" / f"{slug(f'{case[0]}-{case[1]}')}.html",
                   title=f"Sak {case[0]} {case[1]}", t=case_page(case, page, cycles).as_dict(), root="../",
                   internal=policy.internal)
    return len(cases)


def _case_batches(cases: list[Case], counts: dict[Case, int], links: CaseIndex) -> Iterator[list[Case]]:
    """The cases in order, CASE_BATCH at a time, or fewer where their items and their linked cases'
    would pass CASE_ITEMS: a case number that recurs in every meeting of a year holds hundreds."""
    batch: list[Case] = []
    items = 0
    for case in cases:
        n = counts.get(case, 0) + sum(counts.get(other, 0) for other in links.neighbours(case))
        if batch and (len(batch) >= CASE_BATCH or items + n > CASE_ITEMS):
            yield batch
            batch, items = [], 0
        batch.append(case)
        items += n
    if batch:
        yield batch


def _register_rows(rows: Iterable[dict[str, Any]], policy: Policy,
                   names: dict[int, str | None]) -> Iterator[dict[str, Any]]:
    """register_rows of each case as it comes, from rows of a case and one of its decisions each."""
    for _, group in groupby(rows, key=itemgetter("id")):
        first, *rest = group
        item = {key: value for key, value in first.items() if key != "has_decision" and not key.startswith("d_")}
        item["decisions"] = [{"text": r["d_text"], "labeled": r["d_labeled"], "page": r["d_page"],
                              "line": r["d_line"]} for r in (first, *rest) if r["has_decision"]]
        yield from register_rows([item], policy=policy, sources=names)


def _write_register(archive: SiteQueries, policy: Policy, names: dict[int, str | None], withheld: int,
                    out: Path) -> None:
    """The site's one-page decision register, written a case at a time."""
    count, bodies, years = archive.register_summary(policy.include_exempt)
    render_stream("register.html", out / "register.html", title="Vedtaksregister", root="",
                  rows=Counted(count, _register_rows(archive.register_items(), policy, names)), bodies=bodies,
                  years=years, internal=policy.internal, withheld=withheld)
