"""The site's search: an index written when the site is built, searched in the page by a small
script, offline (a ``<script>`` file, which a page opened from disk may load where it may not fetch
JSON).

The index holds only the units the publication policy lets the site show, each with its stemmed
terms, and a map from every folded word of those texts to its stem: the page needs no stemmer of
its own, and a query word the texts never use is matched by its prefixes, as the stemmer would cut
it. The OCR lookalikes are folding.py's, shipped as data."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from referat.folding import OCR_LOOKALIKES, fold
from referat.reports.labels import label
from referat.reports.publication import Policy, publish_hits
from referat.reports.render import render
from referat.searchterms import MIN_PART, tokens

TEXT = 600  # characters of a unit's text the page shows around its hits


_folded = lru_cache(maxsize=1 << 17)(fold)  # the same few thousand words recur in every text


def _doc(u: dict[str, Any], forms: dict[str, str]) -> dict[str, Any]:
    """A unit as the page searches it; its words' stems go into ``forms``."""
    found = []
    text = u["text"]
    for start, end, term in tokens(text):
        forms[_folded(text[start:end])] = term
        found.append(term)
    return {"m": u["meeting_id"], "b": u["body"], "d": u["date"], "n": u["number"], "t": u["title"],
            "k": label(u["kind"], "kind"), "p": u["page"], "l": u["line"], "x": text[:TEXT], "s": found}


def _rest(forms: dict[str, str]) -> dict[str, Any]:
    lookalikes = sorted({(damaged, fold(letter)) for damaged, letter in OCR_LOOKALIKES})
    return {"forms": forms, "lookalikes": lookalikes, "minPart": MIN_PART, "text": TEXT}


def search_index(units: Iterable[dict[str, Any]], policy: Policy) -> dict[str, Any]:
    """What the page searches: the published units with their terms, and every word's stem."""
    forms: dict[str, str] = {}
    docs = [_doc(u, forms) for u in publish_hits(list(units), policy)]
    return {"docs": docs, **_rest(forms)}


def _js(value: Any) -> str:
    # '</' never occurs in the script, whatever the minutes say
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def write_search(units: Iterable[dict[str, Any]], out: Path, *, policy: Policy) -> Path:
    """search-index.js written a unit at a time as ``units`` come (from the archive a page at a
    time), the same bytes as the whole ``search_index`` dumped at once."""
    forms: dict[str, str] = {}
    n = 0
    with (out / "search-index.js").open("w", encoding="utf-8") as f:
        f.write('window.REFERAT_SEARCH = {"docs":[')
        for u in units:
            for shown in publish_hits([u], policy):
                f.write(("," if n else "") + _js(_doc(shown, forms)))
                n += 1
        f.write("]," + _js(_rest(forms))[1:] + ";\n")
    return render("search.html", out / "search.html", title="Søk", root="", internal=policy.internal, n=n)
