"""What a public output may contain: the one place that decides, for every output (the site, the
decision register, the attendance report, trace, `export --public`, the source copies, and any
search index or data export to come).

Under Offentleglova a case marked "Unntatt offentlighet" is withheld, and so is everything that
says what it was about: its title, text, decisions, follow-ups and references, the guests who came
only for it, and the lines of the source that hold it. It is not a silent gap in the numbering:
it appears as eInnsyn shows it, "Sak 40-23 – unntatt offentlighet (offl. § 13)".

Each output calls these functions on the rows it is about to write; an internal output
(``--include-exempt``) gets everything and says on every page that it is internal."""

from __future__ import annotations

import hashlib
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the reports import this module: the reader only when a source copy is redacted
    from referat.ingest.document import Document


@dataclass(frozen=True)
class Policy:
    include_exempt: bool = False

    @property
    def internal(self) -> bool:
        return self.include_exempt


PUBLIC = Policy()
INTERNAL = Policy(include_exempt=True)

INTERNAL_NOTICE = "INTERNT – inneholder saker unntatt offentlighet. Skal ikke publiseres."

# What a withheld case still shows: where and when it was treated, and that it is withheld.
_WITHHELD_KEYS = ("id", "meeting_id", "document_id", "body", "date", "number", "exempt", "legal_basis", "page",
                  "line", "source", "path", "seq")


def withheld_title(legal_basis: str | None) -> str:
    return "unntatt offentlighet" + (f" ({legal_basis})" if legal_basis else "")


def withheld_line(number: str, legal_basis: str | None) -> str:
    """'Sak 40-23 – unntatt offentlighet (offl. § 13)', as eInnsyn shows a withheld case."""
    return f"Sak {number} – {withheld_title(legal_basis)}"


def publish_item(item: dict[str, Any], policy: Policy) -> dict[str, Any]:
    """The case as the output may show it: an exempt case keeps only its number, meeting and legal basis."""
    if not item.get("exempt") or policy.include_exempt:
        return item
    kept = {key: item[key] for key in _WITHHELD_KEYS if key in item}
    return {**kept, "title": withheld_title(item.get("legal_basis")), "withheld": True, "decisions": [],
            "follow_ups": [], "references": []}


def publish_items(items: list[dict[str, Any]], policy: Policy) -> list[dict[str, Any]]:
    return [publish_item(item, policy) for item in items]


def publish_votes(votes: list[dict[str, Any]], policy: Policy) -> list[dict[str, Any]]:
    """A vote in an exempt case says how the case went and who stood where: withheld with the case."""
    return [v for v in votes if policy.include_exempt or not v.get("exempt")]


def publish_hits(hits: list[dict[str, Any]], policy: Policy) -> list[dict[str, Any]]:
    """Search hits (the command's and the site index's rows): none in an exempt case, not even its
    number, since a hit there says what the case was about."""
    return [h for h in hits if policy.include_exempt or not h.get("exempt")]


def withheld_count(items: list[dict[str, Any]], policy: Policy) -> int:
    """How many cases the output withholds, for the line that says so."""
    return 0 if policy.include_exempt else sum(bool(i.get("exempt")) for i in items)


def publish_attendee(row: dict[str, Any], exempt: set[str], policy: Policy) -> dict[str, Any] | None:
    """A guest named for cases: left out when every case they came for is exempt, and the exempt
    ones taken off their list otherwise. Others are shown as they are."""
    cases = list(row.get("items") or [])
    if policy.include_exempt or not cases or not exempt & set(cases):
        return row
    public = [number for number in cases if number not in exempt]
    return {**row, "items": public} if public else None


def publish_attendance(rows: list[dict[str, Any]], policy: Policy) -> list[dict[str, Any]]:
    """Attendance rows as a public list may show them; each row names its meeting's exempt cases
    (``exempt_cases``), so the policy needs nothing else."""
    shown = (publish_attendee(row, set(row.get("exempt_cases") or []), policy) for row in rows)
    return [row for row in shown if row is not None]


def publish_people(people: list[dict[str, Any]], attendance: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only people some published attendance row names: a guest at an exempt case alone gets no page."""
    named = {row["person_id"] for row in attendance}
    return [p for p in people if p["id"] in named]


def publish_document(doc: dict[str, Any], bases: dict[tuple[Any, Any, str], str | None],
                     policy: Policy) -> dict[str, Any]:
    """One document of the export contract with exempt cases withheld, in the same shape: an exempt
    case keeps its number and flag, its title says it is withheld and why, and it has no decisions,
    follow-ups or references. ``bases`` is (body, 'yyyy-mm-dd', number) -> legal basis."""
    if policy.include_exempt or "items" not in doc:
        return doc
    meeting = doc.get("meeting") or {}
    exempt = {i["number"] for i in doc["items"] if i.get("exempt")}
    items = [{**i, "title": withheld_title(bases.get((meeting.get("body"), meeting.get("date"), i["number"]))),
              "decisions": [], "follow_ups": [], "references": []} if i.get("exempt") else i
             for i in doc["items"]]
    attendance = [a for a in (publish_attendee(row, exempt, policy) for row in doc.get("attendance", []))
                  if a is not None]
    return {**doc, "attendance": attendance, "items": items}


# OWASP, CSV injection: a cell a spreadsheet would read as a formula is made text with a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in row.items()}


# --- source copies ----------------------------------------------------------------------------------

@dataclass
class Source:
    """A document as the archive holds it: what a source copy is made from."""

    id: int
    source: str  # the file's name
    path: str  # where it was read
    sha256: str  # of its bytes when read
    media_type: str  # pdf | text
    raw_text: str
    scanned: bool  # some page was read by OCR
    exempt: dict[str, str | None]  # its meeting's exempt cases: number -> legal basis


@dataclass
class Published:
    """What became of a source: the name of its copy under sources/ (None: left out) and what the
    meeting page says about it."""

    name: str | None
    note: str | None = None
    data: bytes | None = None


def stored_bytes(source: Source) -> bytes | None:
    """The file's bytes when they are still the ones the archive read; never what now lies at the path."""
    try:
        data = Path(source.path).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == source.sha256 else None


_NOT_FOUND = "holdt tilbake: sakene unntatt offentlighet ble ikke funnet i den"


def publish_source(source: Source, policy: Policy) -> Published:
    """The copy of ``source`` an output may publish (its name is made unique by ``publish_sources``)."""
    withheld = {} if policy.include_exempt else source.exempt
    data = stored_bytes(source)
    suffix = Path(source.source).suffix.lower()
    text_name = source.source if source.media_type == "text" else Path(source.source).stem + ".txt"
    if not withheld:
        if data is not None:
            return Published(source.source, None, data)
        return Published(text_name, "filen er endret eller flyttet siden den ble lest: teksten slik arkivet har den",
                         source.raw_text.encode("utf-8"))
    from referat.reports import redaction

    notices = {number: withheld_line(number, basis) for number, basis in withheld.items()}
    if source.media_type == "text":
        regions = redaction.exempt_regions(redaction.text_document(source.source, source.raw_text), notices)
        if regions is None:
            return Published(None, _NOT_FOUND)
        text = redaction.redact_text(source.raw_text, regions)
        return Published(_redacted(text_name), "sladdet: hver sak unntatt offentlighet er byttet ut med én linje",
                         text.encode("utf-8"))
    if source.scanned:
        return Published(None, "holdt tilbake: en skannet kilde med saker unntatt offentlighet")
    if data is None or suffix != ".pdf":
        return Published(None, "holdt tilbake: filen er endret eller flyttet siden den ble lest, og den har "
                               "saker unntatt offentlighet")
    doc = _read_pdf(data)
    regions = redaction.exempt_regions(doc, notices)
    if regions is None:
        return Published(None, _NOT_FOUND)
    redacted = redaction.redact_pdf(data, doc, regions)
    if redacted is None:
        return Published(None, "holdt tilbake: sakene unntatt offentlighet kunne ikke fjernes med sikkerhet")
    return Published(_redacted(source.source), "sladdet: teksten i sakene unntatt offentlighet er fjernet og dekket",
                     redacted)


def _redacted(name: str) -> str:
    path = Path(name)
    return f"{path.stem}-sladdet{path.suffix}"


def _read_pdf(data: bytes) -> Document:
    from referat.ingest import read_document

    with tempfile.TemporaryDirectory(prefix="referat-redact-") as scratch:
        copy = Path(scratch) / "source.pdf"
        copy.write_bytes(data)  # read what was verified, not the path again
        return read_document(copy)


def publish_sources(sources: list[Source], policy: Policy) -> dict[int, Published]:
    """Every source's copy, by document id, under names that cannot collide: two files both called
    referat.txt become referat-<id>.txt each, so each meeting links to its own."""
    published = {s.id: publish_source(s, policy) for s in sources}
    unique_names(published)
    return published


def unique_names(published: dict[int, Published]) -> None:
    """Names two copies share get their document's id: referat.txt becomes referat-<id>.txt."""
    taken = Counter(p.name for p in published.values() if p.name)
    for doc_id, p in published.items():
        if p.name and taken[p.name] > 1:
            path = Path(p.name)
            p.name = f"{path.stem}-{doc_id}{path.suffix}"


# --- data exports (Parquet) -------------------------------------------------------------------------

_EXEMPT_ITEM = "(SELECT id FROM items WHERE exempt)"
_EXEMPT_DOCUMENT = ("(SELECT s.document_id FROM meeting_sources s JOIN items i ON i.meeting_id = s.meeting_id "
                    "WHERE i.exempt)")
_EXEMPT_NUMBERS = "(SELECT meeting_id, list(number) AS numbers FROM items WHERE exempt GROUP BY meeting_id)"
_PUBLIC_ATTENDANCE = f"""
    SELECT a.* REPLACE (CASE WHEN x.numbers IS NULL OR a.items IS NULL THEN a.items
                             ELSE [n FOR n IN a.items IF NOT list_contains(x.numbers, n)] END AS items)
    FROM attendance a LEFT JOIN {_EXEMPT_NUMBERS} x ON x.meeting_id = a.meeting_id
    WHERE x.numbers IS NULL OR len(coalesce(a.items, [])) = 0
       OR len([n FOR n IN a.items IF NOT list_contains(x.numbers, n)]) > 0"""
_NAMED_PUBLICLY = f"""(
    SELECT person_id FROM ({_PUBLIC_ATTENDANCE})
    UNION SELECT x.person_id FROM vote_voters x JOIN votes v ON v.id = x.vote_id
          WHERE v.item_id IS NULL OR v.item_id NOT IN {_EXEMPT_ITEM}
    UNION SELECT person_id FROM recusals WHERE item_id IS NULL OR item_id NOT IN {_EXEMPT_ITEM}
    UNION SELECT person_id FROM memberships)"""

# Each table as a public data export may hold it, as SQL over the archive: an exempt case keeps its
# number, meeting and legal basis (its title says it is withheld, as withheld_title does), and loses
# its text and everything read inside it; the full text of a source with exempt cases is withheld
# (the redacted copies are the site's); a guest at exempt cases only, and a person named nowhere
# else, is left out. Tables not named here (review work, and any table this policy does not know
# yet) are left out of a public export.
PUBLIC_TABLES: dict[str, str] = {
    "documents": f"SELECT * REPLACE (CASE WHEN id IN {_EXEMPT_DOCUMENT} THEN NULL ELSE raw_text END AS raw_text) "
                 "FROM documents",
    "document_paths": "SELECT * FROM document_paths",
    "pages": f"SELECT * REPLACE (CASE WHEN document_id IN {_EXEMPT_DOCUMENT} THEN NULL ELSE text END AS text) "
             "FROM pages",
    "bodies": "SELECT * FROM bodies",
    "body_names": "SELECT * FROM body_names",
    "organisations": "SELECT * FROM organisations",
    "people": f"SELECT * FROM people WHERE id IN {_NAMED_PUBLICLY}",
    "aliases": f"SELECT * FROM aliases WHERE entity_kind <> 'person' OR entity_id IN {_NAMED_PUBLICLY}",
    "meetings": "SELECT * FROM meetings",
    "meeting_sources": "SELECT * FROM meeting_sources",
    "items": "SELECT * REPLACE (CASE WHEN exempt THEN 'unntatt offentlighet' || coalesce(' (' || legal_basis || ')', "
             "'') ELSE title END AS title, CASE WHEN exempt THEN NULL ELSE text END AS text) FROM items",
    "decisions": f"SELECT * FROM decisions WHERE item_id NOT IN {_EXEMPT_ITEM}",
    "follow_ups": f"SELECT * FROM follow_ups WHERE item_id NOT IN {_EXEMPT_ITEM}",
    "proposals": f"SELECT * FROM proposals WHERE item_id NOT IN {_EXEMPT_ITEM}",
    "item_references": f"SELECT * FROM item_references WHERE item_id NOT IN {_EXEMPT_ITEM}",
    "attendance": _PUBLIC_ATTENDANCE,
    "memberships": "SELECT * FROM memberships",
    "warnings": f"SELECT * FROM warnings WHERE document_id NOT IN {_EXEMPT_DOCUMENT}",
    "votes": f"SELECT * FROM votes WHERE item_id IS NULL OR item_id NOT IN {_EXEMPT_ITEM}",
    "vote_voters": f"SELECT * FROM vote_voters WHERE vote_id IN (SELECT id FROM votes WHERE item_id IS NULL "
                   f"OR item_id NOT IN {_EXEMPT_ITEM})",
    "vote_parties": f"SELECT * FROM vote_parties WHERE vote_id IN (SELECT id FROM votes WHERE item_id IS NULL "
                    f"OR item_id NOT IN {_EXEMPT_ITEM})",
    "recusals": f"SELECT * FROM recusals WHERE item_id IS NULL OR item_id NOT IN {_EXEMPT_ITEM}",
    "search_units": "SELECT * FROM search_units WHERE NOT exempt",
    "search_postings": "SELECT * FROM search_postings WHERE NOT exempt",
}


def public_tables(tables: list[str], policy: Policy) -> dict[str, str]:
    """table -> the SQL of the rows a data export may hold of it; a table left out is not exported."""
    if policy.include_exempt:
        return {t: f'SELECT * FROM "{t}"' for t in tables}
    return {t: PUBLIC_TABLES[t] for t in tables if t in PUBLIC_TABLES}
