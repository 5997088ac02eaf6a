"""The decision register: every vedtak with date, body, case, title, labelled or not, and its source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from referat.reports.render import render


def register_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"date": i["date"], "year": i["date"].year if i["date"] else None, "body": i["body"],
             "number": i["number"], "title": i["title"], "meeting_id": i["meeting_id"], "text": d["text"],
             "labeled": d["labeled"], "source": i["source"], "page": d["page"]}
            for i in items for d in i["decisions"]]


def write_register(items: list[dict[str, Any]], out: Path, *, withheld: int = 0) -> Path:
    rows = register_rows(items)
    return render("register.html", out / "register.html", title="Vedtaksregister", rows=rows, root="",
                  bodies=sorted({r["body"] for r in rows if r["body"]}),
                  years=sorted({r["year"] for r in rows if r["year"]}), withheld=withheld)
