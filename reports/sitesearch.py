"""The site's search: an index written when the site is built, searched in the page by a small
script, offline (a ``<script>`` file, which a page opened from disk may load where it may not fetch
JSON).

The index holds only the units the publication policy lets the site show, each with its stemmed
terms, and a map from every folded word of those texts to its stem: the page needs no stemmer of
its own, and a query word the texts never use is matched by its prefixes, as the stemmer would cut
it. The OCR lookalikes are folding.py's, shipped as data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from referat.folding import OCR_LOOKALIKES, fold
from referat.reports.labels import label
from referat.reports.publication import Policy, publish_hits
from referat.reports.render import render
from referat.searchterms import MIN_PART, tokens

TEXT = 600  # characters of a unit's text the page shows around its hits


def search_index(units: list[dict[str, Any]], policy: Policy) -> dict[str, Any]:
    """What the page searches: the published units with their terms, and every word's stem."""
    forms: dict[str, str] = {}
    docs = []
    for u in publish_hits(units, policy):
        found = []
        for start, end, term in tokens(u["text"]):
            forms[fold(u["text"][start:end])] = term
            found.append(term)
        docs.append({"m": u["meeting_id"], "b": u["body"], "d": u["date"], "n": u["number"], "t": u["title"],
                     "k": label(u["kind"], "kind"), "p": u["page"], "l": u["line"],
                     "x": u["text"][:TEXT], "s": found})
    lookalikes = sorted({(damaged, fold(letter)) for damaged, letter in OCR_LOOKALIKES})
    return {"docs": docs, "forms": forms, "lookalikes": lookalikes, "minPart": MIN_PART, "text": TEXT}


def write_search(units: list[dict[str, Any]], out: Path, *, policy: Policy) -> Path:
    index = search_index(units, policy)
    # '</' never occurs in the script, whatever the minutes say
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    (out / "search-index.js").write_text(f"window.REFERAT_SEARCH = {data};\n", encoding="utf-8")
    return render("search.html", out / "search.html", title="Søk", root="", internal=policy.internal,
                  n=len(index["docs"]))
