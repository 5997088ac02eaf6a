"""Full-text search over the archive's cases, decisions, proposals and follow-ups: BM25 over stemmed
terms, in DuckDB tables (the FTS extension cannot be installed everywhere the archive is used).

The loader indexes each case as it writes it (``index_item``), in the same transaction, so a
replaced document's postings go with it. A query word finds its own term, the terms OCR may have
damaged it from, and compounds ending in it ('midler' finds 'samarbeidsmidler'); a word the index
has no term for is matched fuzzily against the vocabulary, as OCR damage no rule foresaw."""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from referat.folding import fold
from referat.searchterms import MIN_PART, WORD_SQL, query_terms, terms, tokens
from referat.store.db import Connection
from referat.store.rows import Rows

if TYPE_CHECKING:  # a run with nothing new to read imports no extractor
    from referat.extract.model import Item

KINDS = ("case", "decision", "proposal", "follow_up")

# Benchmarks switch the index off to measure what it adds to ingest (REFERAT_SEARCH_INDEX=0).
INDEXING = os.environ.get("REFERAT_SEARCH_INDEX", "1") != "0"

# BM25's usual constants; a compound found by its last part weighs less than the word itself, and a
# fuzzy match less again.
K1, B = 1.2, 0.75
COMPOUND_WEIGHT, FUZZY_WEIGHT, FUZZY_CUTOFF = 0.6, 0.5, 85.0
SNIPPET = 160  # characters of context around the first hit


@dataclass(frozen=True)
class Hit:
    kind: str
    score: float
    body: str | None
    date: str | None
    number: str
    title: str
    source: str
    page: int | None
    line: int | None
    snippet: str  # the text around the hits, each hit between ** and **
    exempt: bool
    meeting_id: int
    item_id: int
    document_id: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _case_text(title: str | None, text: str | None) -> str:
    # a case's text often opens with its title: once is enough for the term counts and the snippet
    if title and text and text.startswith(title):
        return text
    return "\n".join(t for t in (title, text) if t)


def _queue(rows: Rows, new_id: Callable[[], int], where: tuple[int, int, int], exempt: bool,
           units: list[tuple[str, str, int | None, int | None]]) -> None:
    meeting_id, item_id, doc_id = where
    for kind, text, page, line in units:
        found = terms(text)
        if not found:
            continue
        unit_id = new_id()
        rows.add("search_units", [(unit_id, doc_id, meeting_id, item_id, kind, exempt, text, len(found), page, line)])
        rows.add("search_postings", [(unit_id, doc_id, t, n, exempt) for t, n in Counter(found).items()])


def index_item(rows: Rows, new_id: Callable[[], int], where: tuple[int, int, int], item: Item) -> None:
    """Queue the search rows of one case; ``where`` is (meeting, item, document)."""
    if not INDEXING:
        return
    units = [("case", _case_text(item.title, item.text), item.page, item.line)]
    units += [("decision", d.text, d.page, d.line) for d in item.decisions]
    units += [("proposal", p.text, p.page, p.line) for p in item.proposals]
    units += [("follow_up", f.text, f.page, f.line) for f in item.follow_ups]
    _queue(rows, new_id, where, item.exempt, units)


def index_missing(conn: Connection, new_id: Callable[[], int]) -> int:
    """Index the cases an archive holds without search rows: those loaded before the index existed,
    whose unchanged files the loader skips. Returns how many; writes in the caller's transaction."""
    if not INDEXING:
        return 0
    # The ids alone first: with the cases' texts in the anti-join, DuckDB built its hash table of the
    # whole items table, texts and all (400 MB at 100,000 documents), on every run to find none.
    missing = [i for (i,) in conn.execute(
        "SELECT id FROM items EXCEPT SELECT item_id FROM search_units WHERE item_id IS NOT NULL").fetchall()]
    if not missing:  # as on every run of an archive indexed already: nothing to write, nothing to load
        return 0
    found = conn.execute("""
        WITH missing AS (SELECT * FROM items i WHERE i.id IN (SELECT unnest(?)))
        SELECT i.id, i.meeting_id, i.document_id, i.exempt, i.title, i.text, i.page, i.line,
               (SELECT list((d.text, d.page, d.line) ORDER BY d.seq) FROM decisions d WHERE d.item_id = i.id),
               (SELECT list((p.text, p.page, p.line) ORDER BY p.seq) FROM proposals p WHERE p.item_id = i.id),
               (SELECT list((f.text, f.page, f.line) ORDER BY f.seq) FROM follow_ups f WHERE f.item_id = i.id)
        FROM missing i ORDER BY i.id""", [missing]).fetchall()
    rows = Rows()
    for item_id, meeting_id, doc_id, exempt, title, text, page, line, decisions, proposals, follow_ups in found:
        units = [("case", _case_text(title, text), page, line)]
        for kind, children in (("decision", decisions), ("proposal", proposals), ("follow_up", follow_ups)):
            units += [(kind, *child) for child in children or []]
        _queue(rows, new_id, (meeting_id, item_id, doc_id), exempt, units)
    rows.flush(conn)
    return len(found)


def _frequencies(conn: Connection, include_exempt: bool, terms: list[str],
                 suffixes: list[str] = ()) -> dict[str, int]:  # type: ignore[assignment]
    """How many units hold each of ``terms``, and each term that ends in one of ``suffixes`` (a compound's
    last part, after at least three letters)."""
    ends = "".join(" OR (ends_with(term, ?) AND length(term) >= ?)" for _ in suffixes)
    return dict(conn.execute(
        f"SELECT term, count(*) FROM search_postings WHERE (? OR NOT exempt) AND (list_contains(?, term){ends}) "
        "GROUP BY term", [include_exempt, terms, *(v for t in suffixes for v in (t, len(t) + 3))]).fetchall())


def _weights(found: set[str], own: set[str]) -> dict[str, float]:
    """How much each found term counts for a query word with terms ``own``."""
    weights = {t: 1.0 for t in found & own}
    weights |= {t: COMPOUND_WEIGHT for t in found - own
                if any(len(o) >= MIN_PART and len(t) >= len(o) + 3 and t.endswith(o) for o in own)}
    return weights


def _fuzzy(conn: Connection, own: set[str], include_exempt: bool) -> dict[str, int]:
    """The index's terms closest to a word no rule found (OCR damage nobody foresaw), with how many
    units hold each: the one scan of the postings that gives the vocabulary counts them as well."""
    from rapidfuzz import fuzz, process

    vocabulary = dict(conn.execute("SELECT term, count(*) FROM search_postings WHERE ? OR NOT exempt GROUP BY term",
                                   [include_exempt]).fetchall())
    close = sorted({t for o in own if len(o) >= MIN_PART
                    for t, _, _ in process.extract(o, list(vocabulary), scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=5)})
    return {t: vocabulary[t] for t in close}


def _snippet(text: str, matched: set[str]) -> str:
    spans: list[tuple[int, int]] = []
    for s, e, t in tokens(text):
        if spans and e > spans[0][0] + SNIPPET:
            break  # past what the snippet shows
        if t in matched:
            spans.append((s, e))
    if not spans:
        return " ".join(text[:SNIPPET].split())
    start = max(0, spans[0][0] - SNIPPET // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET)
    out, at = [], start
    for s, e in spans:
        if s >= at and e <= end:
            out += [text[at:s], "**", text[s:e], "**"]
            at = e
    out.append(text[at:end])
    return ("… " if start else "") + " ".join("".join(out).split()) + (" …" if end < len(text) else "")


def search(conn: Connection, query: str, *, body: str | None = None, start: dt.date | str | None = None,
           end: dt.date | str | None = None, kind: str | None = None, include_exempt: bool = False,
           limit: int = 20) -> list[Hit]:
    """The units that hold every word of ``query``, best first by BM25, at most ``limit``.

    ``body`` is compared folded ('partnermotet' is Partnermøtet); ``start`` and ``end`` bound the
    meeting's date, both included; ``kind`` is one of KINDS. Exempt cases are searched only with
    ``include_exempt``: they are neither found nor counted in the term statistics, and the hits go
    through the publication policy either way."""
    # a unit holding every word is told by a bit per word in a BIGINT: 62 words are more than any query
    words = [w for w in query.split() if any(c.isalnum() for c in w)][:62]
    if not words:
        return []
    # the loader imports this module: the reports only when a search runs
    from referat.reports.publication import INTERNAL, PUBLIC, publish_hits

    policy = INTERNAL if include_exempt else PUBLIC
    wanted = [query_terms(w) for w in words]
    df = _frequencies(conn, policy.include_exempt, sorted(set().union(*wanted)),
                      sorted({t for own in wanted for t in own if len(t) >= MIN_PART}))
    weights = []
    for own in wanted:
        mine = _weights(set(df), own)
        if not mine:
            close = _fuzzy(conn, own, policy.include_exempt)
            if not close:
                return []
            df |= close
            mine = dict.fromkeys(close, FUZZY_WEIGHT)
        weights.append(mine)
    n, avgdl = conn.execute("SELECT count(*), avg(length) FROM search_units WHERE ? OR NOT exempt",
                            [policy.include_exempt]).fetchone()
    # each (term, query word) with its weight and the term's inverse document frequency
    w = [(t, k, weight * math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)))
         for k, mine in enumerate(weights) for t, weight in mine.items()]
    bodies = None
    if body is not None:
        bodies = [b for (b,) in conn.execute("SELECT DISTINCT body FROM meetings WHERE body IS NOT NULL").fetchall()
                  if fold(b) == fold(body)]
    # Scored first, and only the units shown are joined to their case and file. A unit must hold
    # every word: the bits of the words it holds are all set.
    rows = conn.execute(f"""
        WITH w AS (SELECT unnest(?::VARCHAR[]) AS term, unnest(?::INTEGER[]) AS word, unnest(?::DOUBLE[]) AS weight),
        scored AS (
            SELECT p.unit_id, sum(w.weight * p.tf * ({K1} + 1) / (p.tf + {K1} * (1 - {B} + {B} * u.length / ?)))
                   AS score, list(p.term) AS matched, bit_or(1::BIGINT << w.word) AS words
            FROM search_postings p JOIN w ON w.term = p.term JOIN search_units u ON u.id = p.unit_id
            WHERE ? OR NOT p.exempt
            GROUP BY p.unit_id),
        top AS (
            SELECT sc.unit_id, sc.score, sc.matched, m.body, m.date FROM scored sc
            JOIN search_units u ON u.id = sc.unit_id JOIN meetings m ON m.id = u.meeting_id
            WHERE sc.words = ? AND (? IS NULL OR list_contains(?, m.body)) AND (? IS NULL OR m.date >= ?::DATE)
              AND (? IS NULL OR m.date <= ?::DATE) AND (? IS NULL OR u.kind = ?)
            ORDER BY sc.score DESC, m.date DESC, sc.unit_id LIMIT ?)
        SELECT u.kind, top.score, top.body, strftime(top.date, '%Y-%m-%d'), i.number, i.title, d.source, u.page,
               u.line, u.exempt, u.meeting_id, u.item_id, u.document_id, u.text, top.matched
        FROM top JOIN search_units u ON u.id = top.unit_id JOIN items i ON i.id = u.item_id
        JOIN documents d ON d.id = u.document_id
        ORDER BY top.score DESC, top.date DESC, u.id""",
        [[t for t, _, _ in w], [k for _, k, _ in w], [x for _, _, x in w], avgdl, policy.include_exempt,
         (1 << len(words)) - 1, bodies, bodies, start, start, end, end, kind, kind, limit]).fetchall()
    cols = ("kind", "score", "body", "date", "number", "title", "source", "page", "line", "exempt", "meeting_id",
            "item_id", "document_id", "text", "matched")
    shown = publish_hits([dict(zip(cols, r, strict=True)) for r in rows], policy)
    return [Hit(**{k: v for k, v in h.items() if k not in ("text", "matched", "score", "title")},
                score=round(h["score"], 4), title=h["title"] or "", snippet=_snippet(h["text"], set(h["matched"])))
            for h in shown]


# The units the site's search index shows, numbered in its order (``doc``): by date, meeting and
# unit. Exempt ones only for an internal site (``?`` is the policy's include_exempt), so the numbers
# of SITE_UNITS and SITE_POSTINGS are the same units'.
_SITE_SHOWN = """SELECT u.id, row_number() OVER (ORDER BY m.date, u.meeting_id, u.id) - 1 AS doc
    FROM search_units u JOIN items i ON i.id = u.item_id JOIN meetings m ON m.id = u.meeting_id
    WHERE ? OR NOT u.exempt"""

# Every shown unit with its meeting and case, in the index's order, its text cut to the first ``?``
# characters: whole here, a page at a time in queries.paged_search_units.
SITE_UNITS = f"""WITH shown AS ({_SITE_SHOWN})
    SELECT s.doc, u.kind, left(u.text, ?) AS text, u.exempt, u.length, u.meeting_id, u.page, u.line, m.body,
    strftime(m.date, '%Y-%m-%d') AS date, i.number, i.title FROM shown s JOIN search_units u ON u.id = s.id
    JOIN items i ON i.id = u.item_id JOIN meetings m ON m.id = u.meeting_id ORDER BY s.doc"""

# Every term of the shown units with the units that hold it, as the page reads them: the archive's
# own postings, which the loader made with searchterms.tokens, so the site's terms are the
# command's. Each unit as its distance from the one before (the first from 0), in hexadecimal, and
# '.tf' after it when the unit holds the term more than once, comma-separated: "3,1a.2" is unit 3
# once and unit 29 twice (reports.sitesearch.decode_postings reads it back). By term.
SITE_POSTINGS = f"""WITH shown AS ({_SITE_SHOWN}),
    held AS (SELECT p.term, s.doc, p.tf, s.doc - lag(s.doc, 1, 0) OVER (PARTITION BY p.term ORDER BY s.doc) AS gap
             FROM search_postings p JOIN shown s ON s.id = p.unit_id)
    SELECT term, string_agg(CASE WHEN tf = 1 THEN lower(to_hex(gap))
                                 ELSE lower(to_hex(gap)) || '.' || lower(to_hex(tf)) END, ',' ORDER BY doc) AS postings
    FROM held GROUP BY term ORDER BY term"""

# The words of the shown units' whole texts as written, each once (searchterms.words, in SQL). Cut
# at spaces first, which no word holds: the pattern then reads each distinct piece once instead of
# every text whole (0.6 s CPU against 3.2 s at 5,000 documents).
SITE_WORDS = f"""WITH shown AS ({_SITE_SHOWN}),
    pieces AS (SELECT DISTINCT unnest(string_split(u.text, ' ')) AS piece
               FROM shown s JOIN search_units u ON u.id = s.id)
    SELECT DISTINCT unnest(regexp_extract_all(piece, '{WORD_SQL}')) AS word FROM pieces ORDER BY word"""


def site_units(conn: Connection, include_exempt: bool, text: int) -> list[dict[str, Any]]:
    """What the site's search index shows (SITE_UNITS), each text cut to ``text`` characters; a dict a unit."""
    result = conn.execute(SITE_UNITS, [include_exempt, text])
    cols = [d[0] for d in result.description]
    return [dict(zip(cols, r, strict=True)) for r in result.fetchall()]


def site_postings(conn: Connection, include_exempt: bool) -> list[tuple[str, str]]:
    """The terms of what the site's search index shows, with their units (SITE_POSTINGS)."""
    return conn.execute(SITE_POSTINGS, [include_exempt]).fetchall()


def site_words(conn: Connection, include_exempt: bool) -> list[str]:
    """The words of what the site's search index shows (SITE_WORDS)."""
    return [w for (w,) in conn.execute(SITE_WORDS, [include_exempt]).fetchall()]
