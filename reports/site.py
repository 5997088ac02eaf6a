"""A static site of the archive: bodies and meetings, a page per meeting, person and case, the
decision register and the attendance report. Self-contained: no CDN, works offline."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from referat.reports.attendance import write_attendance
from referat.reports.register import write_register
from referat.reports.render import render, slug
from referat.reports.trace import trace


@dataclass
class SiteData:
    meetings: list[dict[str, Any]]
    items: list[dict[str, Any]]  # already without exempt cases unless they are to be shown
    attendance: list[dict[str, Any]]
    people: list[dict[str, Any]]
    sources: dict[str, tuple[str | None, str]]  # source name -> (path on disk, stored raw text)
    withheld: int = 0
    exempt_cases: frozenset[tuple[str, str]] = frozenset()


def build_site(data: SiteData, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    common = {"withheld": data.withheld}
    bodies = [(body, list(rows)) for body, rows in groupby(sorted(data.meetings, key=lambda m: (m["body"] or "",
                                                                                                m["date"])),
                                                             key=lambda m: m["body"] or "(ukjent organ)")]
    render("index.html", out / "index.html", title="Møter", bodies=bodies, root="", **common)
    items_by_meeting: dict[int, list[dict[str, Any]]] = {}
    for item in data.items:
        items_by_meeting.setdefault(item["meeting_id"], []).append(item)
    attendance_by_meeting: dict[int, list[dict[str, Any]]] = {}
    for row in data.attendance:
        attendance_by_meeting.setdefault(row["meeting_id"], []).append(row)
    for m in data.meetings:
        render("meeting.html", out / "meetings" / f"{m['id']}.html", title=f"{m['body']} {m['date']}", m=m,
               items=items_by_meeting.get(m["id"], []), attendance=attendance_by_meeting.get(m["id"], []),
               root="../", withheld=m["n_exempt"] if data.withheld else 0)
    meetings_of: dict[int, list[dict[str, Any]]] = {}
    for row in data.attendance:
        meetings_of.setdefault(row["person_id"], []).append(row)
    for p in data.people:
        p["meetings"] = len({r["meeting_id"] for r in meetings_of.get(p["id"], [])})
        render("person.html", out / "people" / f"{p['id']}.html", title=p["name"], p=p,
               rows=meetings_of.get(p["id"], []), root="../")
    render("people.html", out / "people" / "index.html", title="Personer", people=data.people, root="../")
    cases = {(i["body"], i["number"]) for i in data.items}
    cases |= {(r["target_body"], r["target_number"]) for i in data.items for r in i["references"]}
    for case in cases:
        t = trace(case, data.items, exempt_numbers=set(data.exempt_cases))
        render("case.html", out / "cases" / f"{slug(case[0] + '-' + case[1])}.html", title=f"Sak {case[0]} {case[1]}",
               t=t.as_dict(), root="../")
    write_register(data.items, out, withheld=data.withheld)
    write_attendance(data.attendance, out, title="Oppmøte")
    sources = out / "sources"
    sources.mkdir(exist_ok=True)
    for name, (path, raw) in data.sources.items():
        if path and Path(path).is_file():
            shutil.copyfile(path, sources / name)
        else:  # the file has moved since it was read: the archive still has its text
            (sources / name).write_text(raw, encoding="utf-8")
    return {"meetings": len(data.meetings), "people": len(data.people), "cases": len(cases),
            "decisions": sum(len(i["decisions"]) for i in data.items), "withheld": data.withheld}
