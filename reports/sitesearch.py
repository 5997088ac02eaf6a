"""The site's search: an index written when the site is built, searched in the page by a small
script, offline (``<script>`` files, which a page opened from disk may load where it may not fetch
JSON).

The index holds only the units the publication policy lets the site show, numbered in the order of
the meetings' dates. ``search-index.js`` is what a query is matched and ranked with:

- ``postings``: every term with the units that hold it, as the archive's ``search_postings`` has
  them (the loader's terms, so the page finds what ``referat search`` finds), encoded as
  store.search.SITE_POSTINGS says ("3,1a.2" is unit 3 once and unit 29 twice);
- ``lengths``: how many words each unit has (its terms' tf summed), which a score is divided by;
- ``meetings``: [id, body, date, how many units] of each meeting, in the units' order;
- ``forms``: every folded word of the units' texts with its term: the page needs no stemmer of its
  own, and a query word the texts never use is matched by its prefixes, as the stemmer would cut
  it; and the OCR lookalikes of folding.py, as data.

What the page shows of a hit (its case, kind, page and line, and the text's first TEXT characters)
is in ``search/N.js``, SHARD units a file, loaded only for the hits shown: most of the index's
bytes, and no query needs them to rank."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from referat.folding import OCR_LOOKALIKES, fold
from referat.reports.labels import label
from referat.reports.publication import Policy, publish_hits
from referat.reports.render import render
from referat.searchterms import MIN_PART, stem

TEXT = 600  # characters of a unit's text the page shows around its hits
SHARD = 200  # units a file of what the page shows of them: 100 hits load at most 100 such files


def _js(value: Any) -> str:
    # '</' never occurs in the script, whatever the minutes say
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def decode_postings(text: str) -> list[tuple[int, int]]:
    """(unit, tf) of one term's postings (store.search.SITE_POSTINGS), as the page's script reads them."""
    out, doc = [], 0
    for part in text.split(",") if text else []:
        gap, _, tf = part.partition(".")
        doc += int(gap, 16)
        out.append((doc, int(tf, 16) if tf else 1))
    return out


def forms(written: Iterable[str]) -> dict[str, str]:
    """Each folded word of ``written`` (words as the texts have them) with its term, as
    searchterms.term makes it; by folded word."""
    out = {}
    for word in sorted({fold(w) for w in written}):
        if word:
            out[word] = stem(word)
    return out


def _shard(out: Path, k: int, rows: list[list[Any]]) -> None:
    (out / f"{k}.js").write_text(f"REFERAT_SEARCH_SHARD({k},{_js(rows)});\n", encoding="utf-8")


@dataclass(frozen=True)
class SearchSource:
    """What the index is written from, each read once a build (from the archive a page at a time):
    store.search's SITE_UNITS (texts cut to TEXT characters), SITE_POSTINGS and SITE_WORDS, all
    asked with the policy's include_exempt."""

    units: Iterable[dict[str, Any]] = ()
    postings: Iterable[tuple[str, str]] = ()
    words: Iterable[str] = ()


def write_search(source: SearchSource, out: Path, *, policy: Policy, shard: int = SHARD) -> Path:
    """search-index.js, search/*.js (``shard`` units a file) and search.html into ``out``."""
    folder = out / "search"
    folder.mkdir(parents=True, exist_ok=True)
    meetings: list[list[Any]] = []
    lengths: list[int] = []
    rows: list[list[Any]] = []
    for u in source.units:
        if u["doc"] != len(lengths) or not publish_hits([u], policy):
            raise ValueError(f"search unit {u['doc']} is not the next one the policy shows")  # the query's fault
        if meetings and meetings[-1][0] == u["meeting_id"]:
            meetings[-1][3] += 1
        else:
            meetings.append([u["meeting_id"], u["body"], u["date"], 1])
        lengths.append(u["length"])
        rows.append([u["number"], u["title"], label(u["kind"], "kind"), u["page"], u["line"], u["text"]])
        if len(rows) == shard:
            _shard(folder, len(lengths) // shard - 1, rows)
            rows = []
    if rows:
        _shard(folder, len(lengths) // shard, rows)
    lookalikes = sorted({(damaged, fold(letter)) for damaged, letter in OCR_LOOKALIKES})
    with (out / "search-index.js").open("w", encoding="utf-8") as f:
        f.write('window.REFERAT_SEARCH = {"postings":{')
        for n, (term, encoded) in enumerate(source.postings):
            f.write(("," if n else "") + _js(term) + ":" + _js(encoded))
        rest = {"lengths": lengths, "meetings": meetings, "forms": forms(source.words), "lookalikes": lookalikes,
                "minPart": MIN_PART, "text": TEXT, "shard": shard}
        f.write("}," + _js(rest)[1:] + ";\n")
    return render("search.html", out / "search.html", title="Søk", root="", internal=policy.internal,
                  n=len(lengths))


def read_search(out: Path) -> tuple[dict[str, Any], list[list[Any]]]:
    """The index written into ``out`` as the page reads it: search-index.js, and every unit's row
    of search/*.js in the units' order."""
    script = (out / "search-index.js").read_text(encoding="utf-8")
    head = "window.REFERAT_SEARCH = "
    index = json.loads(script.removeprefix(head).removesuffix(";\n"))
    rows: list[list[Any]] = []
    for k in range(-(-len(index["lengths"]) // index["shard"])):
        shard = (out / "search" / f"{k}.js").read_text(encoding="utf-8")
        rows += json.loads(shard.removeprefix(f"REFERAT_SEARCH_SHARD({k},").removesuffix(");\n"))
    return index, rows
