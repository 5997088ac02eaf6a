"""Reports as an index and one page per body (and year): an archive of every municipality's
minutes has tens of thousands of person-years and decisions, and one page of all of them is
megabytes no browser shows well. The index holds the totals and a link to each page; the CSV
files beside it keep every row, for analysts."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from referat.reports.publication import csv_cell
from referat.reports.render import slug

Key = tuple[Any, ...]
NO_BODY = "uten-organ"
NO_YEAR = "udatert"


def page_name(key: Key) -> str:
    """'styringsgruppen-2023' for (body, year), 'styringsgruppen' for (body,)."""
    body, *rest = key
    parts = [slug(body) if body else NO_BODY, *(NO_YEAR if part is None else str(part) for part in rest)]
    return "-".join(parts)


def page_names(keys: Iterable[Key], folder: str) -> dict[Key, str]:
    """Each key's page, ``folder/name.html``: two bodies whose names fold alike ('Styret' and
    'STYRET') get '-2' and on, in the order of the keys, so two builds name them alike."""
    names: dict[Key, str] = {}
    taken: set[str] = set()
    for key in sorted(keys, key=lambda k: tuple((v is None, v) for v in k)):
        name, n = page_name(key), 1
        while (f"{name}-{n}" if n > 1 else name) in taken:
            n += 1
        name = f"{name}-{n}" if n > 1 else name
        taken.add(name)
        names[key] = f"{folder}/{name}.html"
    return names


def part_name(href: str, k: int) -> str:
    """The name of a page's ``k``th part: 'register/styret-2024.html' itself for the first, then
    'register/styret-2024-side-2.html' and on (a page name ends in a year of four digits or
    'udatert', so no other key's page is named so)."""
    return href if k == 1 else f"{href.removesuffix('.html')}-side-{k}.html"


def group(rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], Key]) -> dict[Key, list[dict[str, Any]]]:
    """The rows by key, each group in the rows' order."""
    out: dict[Key, list[dict[str, Any]]] = {}
    for row in rows:
        k = key(row)
        found = out.get(k)
        if found is None:
            out[k] = [row]
        else:
            found.append(row)
    return out


def write_csv(path: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """The bytes csv.DictWriter writes with publication.csv_row on each row, at a fraction of
    its cost: a row is the list of its columns, no dict made for it."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows([csv_cell(row.get(c)) for c in columns] for row in rows)
