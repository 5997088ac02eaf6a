"""The decision register: every vedtak with date, body, case, title, labelled or not, and its source.
A withheld case has a row of its own that says so, instead of a gap in the numbering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from referat.reports.publication import PUBLIC, Policy, publish_items, withheld_count
from referat.reports.render import render


def _row(i: dict[str, Any], d: dict[str, Any] | None, sources: dict[int, str | None] | None) -> dict[str, Any]:
    return {"date": i["date"], "year": i["date"].year if i["date"] else None, "body": i["body"],
            "number": i["number"], "title": i["title"], "meeting_id": i["meeting_id"],
            "text": d["text"] if d else "", "labeled": bool(d and d["labeled"]), "withheld": bool(i.get("withheld")),
            "source": i["source"], "page": d["page"] if d else i["page"],
            "href": sources.get(i.get("document_id")) if sources is not None else None}


def register_rows(items: list[dict[str, Any]], *, policy: Policy = PUBLIC,
                  sources: dict[int, str | None] | None = None) -> list[dict[str, Any]]:
    """A row per decision; a withheld case gets one row that says it is withheld. ``sources`` maps a
    document id to the name of its published copy, for the link (None: no copy)."""
    rows = []
    for i in publish_items(items, policy):
        if i.get("withheld"):
            rows.append(_row(i, None, sources))
        rows += [_row(i, d, sources) for d in i["decisions"]]
    return rows


def write_register(items: list[dict[str, Any]], out: Path, *, policy: Policy = PUBLIC,
                   sources: dict[int, str | None] | None = None) -> Path:
    rows = register_rows(items, policy=policy, sources=sources)
    return render("register.html", out / "register.html", title="Vedtaksregister", rows=rows, root="",
                  bodies=sorted({r["body"] for r in rows if r["body"]}), internal=policy.internal,
                  years=sorted({r["year"] for r in rows if r["year"]}), withheld=withheld_count(items, policy))
