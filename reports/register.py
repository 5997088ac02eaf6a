"""The decision register: every vedtak with date, body, case, title, labelled or not, and its source.
A withheld case has a row of its own that says so, instead of a gap in the numbering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from referat.reports.pages import page_names, part_name
from referat.reports.publication import PUBLIC, Policy, publish_items, withheld_count, withheld_title
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


def _page_rows(decisions: list[tuple[Any, ...]], policy: Policy) -> dict[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The register's rows by body and year, in its order: (date, number, title, decision text,
    labelled, withheld, source, page), a tuple each, as register-page.html unpacks them, from the
    rows of queries.register_decisions asked with the policy's include_exempt."""
    pages: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for body, date, number, title, text, labeled, page, source, exempt, basis in decisions:
        key = (body, date.year if date else None)
        rows = pages.get(key)
        if rows is None:
            rows = pages[key] = []
        if exempt and not policy.include_exempt:
            rows.append((date, number, withheld_title(basis), "", False, True, source, page))
        else:
            rows.append((date, number, title, text, bool(labeled), False, source, page))
    return pages


# A page of the register holds at most this many decisions, or about this many characters: a
# body's year of a national archive is thousands of decisions (1.8 MB on one page at 100,000
# documents), so a year longer than that is split into pages with links between them.
PAGE_ROWS = 500
PAGE_CHARS = 200_000
ROW_MARKUP = 160  # the tags of a row around its texts


def split_rows(rows: list[tuple[Any, ...]], *, most: int = PAGE_ROWS,
               chars: int = PAGE_CHARS) -> list[list[tuple[Any, ...]]]:
    """A page's rows (as _page_rows makes them) in parts of at most ``most`` rows and, but for a
    single row longer than that, about ``chars`` characters of HTML, in their order."""
    parts: list[list[tuple[Any, ...]]] = [[]]
    size = 0
    for row in rows:
        cost = ROW_MARKUP + len(row[2] or "") + len(row[3] or "") + len(row[6] or "")
        if parts[-1] and (len(parts[-1]) >= most or size + cost > chars):
            parts.append([])
            size = 0
        parts[-1].append(row)
        size += cost
    return parts


def withheld_in(decisions: list[tuple[Any, ...]], policy: Policy) -> int:
    """How many cases the register withholds: an exempt case has one row of queries.register_decisions."""
    return 0 if policy.include_exempt else sum(1 for row in decisions if row[8])


def write_register_pages(decisions: list[tuple[Any, ...]], out: Path, *, policy: Policy = PUBLIC) -> Path:
    """The register as `referat report decisions` writes it: register.html, an index of each body's
    years with their decisions counted and a link to each year's page under register/, where its
    decisions are, in the register's order; a year of more than a page (``split_rows``) goes on in
    pages '-side-2' and on, each linking to the others. ``decisions`` are
    queries.register_decisions's rows."""
    pages = _page_rows(decisions, policy)
    names = page_names(pages, "register")
    index = []
    for key, href in names.items():
        held = sum(1 for row in pages[key] if row[5])
        index.append({"body": key[0], "year": key[1], "href": href, "decisions": len(pages[key]) - held,
                      "withheld": held})
    withheld = withheld_in(decisions, policy)
    for key, href in names.items():
        body, year = key
        title = f"Vedtaksregister – {body or 'uten organ'} {year or ''}".strip()
        parts = split_rows(pages[key])
        hrefs = [part_name(href, k) for k in range(1, len(parts) + 1)]
        for k, (rows, path) in enumerate(zip(parts, hrefs, strict=True), start=1):
            render("register-page.html", out / path, title=title + (f" – side {k} av {len(parts)}" if k > 1 else ""),
                   rows=rows, root="../", internal=policy.internal, withheld=withheld,
                   part=k, parts=[name.rsplit("/", 1)[-1] for name in hrefs], total=len(pages[key]))
    return render("register-index.html", out / "register.html", title="Vedtaksregister", pages=index, root="",
                  internal=policy.internal, withheld=withheld)
