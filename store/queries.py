"""Read-only queries that reports are built from: plain dicts, so reports never touch the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from referat.store.db import Connection


def _rows(conn: Connection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params or [])
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


class Paged:
    """The rows of one query, read a page at a time on a cursor of their own each time they are
    iterated: the site streams a large archive's texts instead of holding them all, and other
    queries may run on the connection meanwhile. ``convert`` makes each row's dict into what the
    caller wants."""

    def __init__(self, conn: Connection, sql: str, params: list[Any] | None = None, *, size: int = 500,
                 convert: Callable[[dict[str, Any]], Any] | None = None) -> None:
        self.conn, self.sql, self.params, self.size, self.convert = conn, sql, params or [], size, convert

    def __iter__(self) -> Iterator[Any]:
        cursor = self.conn.cursor()
        try:
            cursor.execute(self.sql, self.params)
            columns = [d[0] for d in cursor.description or []]
            while rows := cursor.fetchmany(self.size):
                for row in rows:
                    found = dict(zip(columns, row, strict=True))
                    yield self.convert(found) if self.convert else found
        finally:
            cursor.close()


def _legal_basis(conn: Connection) -> str:
    """The items' legal basis column; an archive made before it was read, opened read-only, has none."""
    found = conn.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'items' "
                         "AND column_name = 'legal_basis' AND schema_name = current_schema()").fetchone()
    return "i.legal_basis" if found and found[0] else "NULL::VARCHAR"


# A meeting with its counts and sources, as the site's index and meeting pages show it.
MEETING_ROWS = """
        SELECT m.id, m.body, m.date, m.start_time, m.end_time, m.location, d.source, d.path, m.page,
               (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS n_items,
               (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.exempt) AS n_exempt,
               (SELECT list(d2.source ORDER BY s.role DESC, d2.id) FROM meeting_sources s
                JOIN documents d2 ON d2.id = s.document_id WHERE s.meeting_id = m.id) AS sources,
               (SELECT list(d2.id ORDER BY s.role DESC, d2.id) FROM meeting_sources s
                JOIN documents d2 ON d2.id = s.document_id WHERE s.meeting_id = m.id) AS source_ids
        FROM meetings m JOIN documents d ON d.id = m.document_id"""


def meetings(conn: Connection) -> list[dict[str, Any]]:
    return _rows(conn, MEETING_ROWS + " ORDER BY m.date, m.body, m.id")


CHILDREN = ("decisions", "follow_ups", "references")
# Each kind of an item's children, in its order; {only} is where a query narrows them to chosen items.
CHILD_ROWS = {
    "decisions": "SELECT c.item_id, c.text, c.labeled, c.page, c.line FROM decisions c {only} "
                 "ORDER BY c.item_id, c.seq",
    "follow_ups": "SELECT c.item_id, c.text, c.page, c.line FROM follow_ups c {only} ORDER BY c.item_id, c.seq",
    "references": "SELECT c.item_id, c.target_body, c.target_number, c.raw FROM item_references c {only} "
                  "ORDER BY c.id",
}


# An item's columns, tables and order, as every list of cases has them (``items``, the site's
# batches in store/sitequeries.py): a page shows a case the same way whichever query read it.
ITEM_COLUMNS = """i.id, i.meeting_id, m.body, m.date, i.number, i.title, i.exempt, {basis} AS legal_basis,
               i.page, i.line, i.document_id, d.source, d.path"""
ITEM_FROM = "items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = i.document_id"
ITEM_ORDER = "m.date, m.body, m.id, i.seq, i.id"


def with_children(conn: Connection, out: list[dict[str, Any]], children: tuple[str, ...],
                  chosen: bool) -> list[dict[str, Any]]:
    """``out``'s items, each given its ``children`` (lists by kind); ``chosen``: ask only theirs,
    not every item's (a few items of a large archive)."""
    by_id = {i["id"]: i for i in out}
    for i in out:
        i.update((key, []) for key in children)
    if not by_id:
        return out
    only, ids = ("SEMI JOIN (SELECT unnest(?::BIGINT[]) AS id) chosen ON chosen.id = c.item_id",
                 [list(by_id)]) if chosen else ("", [])
    for key in children:
        for row in _rows(conn, CHILD_ROWS[key].format(only=only), ids):
            if row["item_id"] in by_id:
                by_id[row["item_id"]][key].append(row)
    return out


def items(conn: Connection, *, include_exempt: bool = False, cases: set[tuple[str, str]] | None = None,
          children: tuple[str, ...] = CHILDREN) -> list[dict[str, Any]]:
    """Items with their decisions, follow-ups and references (only the ``children`` named: the
    register needs no more than decisions); only those of ``cases`` when given."""
    if cases is not None and not cases:
        return []
    # Lists go in as one parameter each: thousands of `?` cost DuckDB more than the query itself.
    among, of_cases, params = "", "", []
    if cases is not None:
        among = "WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS body, unnest(?::VARCHAR[]) AS number)"
        of_cases = "JOIN wanted w ON w.body = m.body AND w.number = i.number"
        params = [[body for body, _ in sorted(cases)], [number for _, number in sorted(cases)]]
    out = _rows(conn, f"""
        {among}
        SELECT {ITEM_COLUMNS.format(basis=_legal_basis(conn))}
        FROM {ITEM_FROM} {of_cases}
        WHERE ? OR NOT i.exempt ORDER BY {ITEM_ORDER}""", [*params, include_exempt])
    return with_children(conn, out, children, chosen=cases is not None)


def register_decisions(conn: Connection, *, include_exempt: bool = False) -> list[tuple[Any, ...]]:
    """The decision register's rows, as tuples in its order (what ``items`` with its decisions
    gives, without a dict for each of tens of thousands of rows): (body, date, number, title,
    decision text, labelled, decision page, source, exempt, legal basis). An exempt case has, unless
    ``include_exempt``, one row with no decision (text, labelled and page NULL) and its item's page,
    for the publication policy to name it withheld."""
    return conn.execute(f"""
        SELECT m.body, m.date, i.number, i.title, c.text, c.labeled, coalesce(c.page, i.page), d.source, i.exempt,
               {_legal_basis(conn)}
        FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = i.document_id
        LEFT JOIN decisions c ON c.item_id = i.id AND (? OR NOT i.exempt)
        WHERE c.item_id IS NOT NULL OR (i.exempt AND NOT ?)
        ORDER BY m.date, m.body, m.id, i.seq, i.id, c.seq""", [include_exempt, include_exempt]).fetchall()


def linked_cases(conn: Connection, start: tuple[str, str]) -> set[tuple[str, str]]:
    """Every case reachable from ``start`` through references, both ways: what a trace needs,
    found by one recursive query instead of reading every item of the archive. UNION (not UNION
    ALL) keeps each case once, so reference cycles end."""
    rows = conn.execute("""
        WITH RECURSIVE edges AS MATERIALIZED (
            SELECT DISTINCT m.body AS a_body, i.number AS a_number, r.target_body AS b_body,
                   r.target_number AS b_number
            FROM item_references r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = i.meeting_id
            WHERE r.target_body IS NOT NULL AND r.target_number IS NOT NULL
        ), both_ways AS MATERIALIZED (
            SELECT a_body, a_number, b_body, b_number FROM edges
            UNION SELECT b_body, b_number, a_body, a_number FROM edges
        ), reach(body, number) AS (
            SELECT ?::VARCHAR, ?::VARCHAR
            UNION
            SELECT w.b_body, w.b_number FROM reach JOIN both_ways w ON w.a_body = reach.body
                AND w.a_number = reach.number
        ) SELECT body, number FROM reach""", list(start)).fetchall()
    return {(body, number) for body, number in rows}


def case_history(conn: Connection, start: tuple[str, str]) -> list[dict[str, Any]]:
    """What `referat trace` needs: the items of every case linked to ``start``, exempt ones
    included; the publication policy decides what the trace shows of them."""
    return items(conn, include_exempt=True, cases=linked_cases(conn, start))


def _sources_sql(conn: Connection, text: str = "d.raw_text") -> str:
    return f"""
        SELECT d.id, d.source, d.path, d.sha256, d.media_type, {text} AS raw_text,
               EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.id AND p.ocr) AS scanned,
               (SELECT list({{'number': i.number, 'legal_basis': {_legal_basis(conn)}}} ORDER BY i.seq)
                FROM meeting_sources s JOIN items i ON i.meeting_id = s.meeting_id
                WHERE s.document_id = d.id AND i.exempt) AS exempt
        FROM documents d WHERE d.status = 'loaded' ORDER BY d.id"""


def _exempt_by_number(row: dict[str, Any]) -> dict[str, Any]:
    row["exempt"] = {i["number"]: i["legal_basis"] for i in row["exempt"] or []}
    return row


def sources(conn: Connection) -> list[dict[str, Any]]:
    """Every loaded document as a source copy is made from it, with its meeting's exempt cases."""
    return [_exempt_by_number(row) for row in _rows(conn, _sources_sql(conn))]


class PagedSources(Paged):
    """``sources`` a page at a time, their texts asked by id for each page: sorted with the rest of
    the row, every text of the archive went through DuckDB's sort at once (530 MB at 5k documents)."""

    def __iter__(self) -> Iterator[Any]:
        texts = self.conn.cursor()
        try:
            page: list[dict[str, Any]] = []
            for row in Paged(self.conn, self.sql, size=self.size):
                page.append(row)
                if len(page) == self.size:
                    yield from self._with_texts(texts, page)
                    page = []
            yield from self._with_texts(texts, page)
        finally:
            texts.close()

    def _with_texts(self, cursor: Connection, page: list[dict[str, Any]]) -> Iterator[Any]:
        found = dict(cursor.execute("SELECT id, raw_text FROM documents WHERE id IN (SELECT unnest(?))",
                                    [[row["id"] for row in page]]).fetchall()) if page else {}
        for row in page:
            row["raw_text"] = found[row["id"]]
            yield self.convert(row) if self.convert else row


def paged_sources(conn: Connection, convert: Callable[[dict[str, Any]], Any] | None = None) -> Paged:
    """``sources`` a page at a time (their texts are most of an archive), each row made by ``convert``."""
    return PagedSources(conn, _sources_sql(conn, text="NULL::VARCHAR"), size=100,
                        convert=(lambda row: convert(_exempt_by_number(row))) if convert else _exempt_by_number)


def paged_search_units(conn: Connection, include_exempt: bool, text: int) -> Paged:
    """store.search.site_units a page at a time: every unit the site's search shows, with its
    meeting and case, numbered in the index's order; exempt ones only with ``include_exempt``."""
    from referat.store.search import SITE_UNITS  # here: the stemmer it imports is no report's business

    return Paged(conn, SITE_UNITS, [include_exempt, text], size=2000)


def paged_search_postings(conn: Connection, include_exempt: bool) -> Paged:
    """store.search.site_postings a page of terms at a time, each row a (term, postings) tuple."""
    from referat.store.search import SITE_POSTINGS

    return Paged(conn, SITE_POSTINGS, [include_exempt], size=2000, convert=lambda row: (row["term"], row["postings"]))


def paged_search_words(conn: Connection, include_exempt: bool) -> Paged:
    """store.search.site_words a page at a time."""
    from referat.store.search import SITE_WORDS

    return Paged(conn, SITE_WORDS, [include_exempt], size=5000, convert=lambda row: row["word"])


def legal_bases(conn: Connection) -> dict[tuple[str | None, str | None, str], str | None]:
    """(body, 'yyyy-mm-dd', number) -> legal basis of every exempt case, as the export names a meeting."""
    return {(body, date, number): basis for body, date, number, basis in conn.execute(f"""
        SELECT m.body, strftime(m.date, '%Y-%m-%d'), i.number, {_legal_basis(conn)}
        FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.exempt""").fetchall()}


def body_names(conn: Connection) -> list[str]:
    """The bodies a case can be named by: those that met and those referred to."""
    return sorted({b for (b,) in conn.execute(
        "SELECT body FROM meetings WHERE body IS NOT NULL UNION "
        "SELECT target_body FROM item_references WHERE target_body IS NOT NULL").fetchall()})


def attendance(conn: Connection, *, body: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per person per meeting, with who substituted for them."""
    return _rows(conn, ATTENDANCE_ROWS + """
        WHERE (? IS NULL OR m.body = ?) AND (? IS NULL OR m.date >= ?) AND (? IS NULL OR m.date <= ?)
        ORDER BY m.date, a.seq, a.id""", [body, body, start, start, end, end])


# One row per person per meeting (``attendance``), each naming its meeting's exempt cases for the policy.
ATTENDANCE_ROWS = """
        SELECT a.meeting_id, m.body, m.date, year(m.date) AS year, a.person_id, p.name,
               coalesce(top.name, o.name) AS organisation, ao.inferred_from IS NOT NULL AS organisation_inferred,
               a.role, a.category, a.status,
               s.name AS substitute_for,
               (SELECT list(p2.name) FROM attendance b JOIN people p2 ON p2.id = b.person_id
                WHERE b.meeting_id = a.meeting_id AND b.substitute_for_id = a.person_id) AS substitutes,
               a.items, d.source, a.page, a.line,
               (SELECT list(i.number) FROM items i WHERE i.meeting_id = a.meeting_id AND i.exempt) AS exempt_cases
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id
        JOIN documents d ON d.id = a.document_id
        JOIN attendance_organisations ao ON ao.attendance_id = a.id
        LEFT JOIN organisations o ON o.id = ao.organisation_id LEFT JOIN organisations top ON top.id = o.parent_id
        LEFT JOIN people s ON s.id = a.substitute_for_id"""


def has_attendance(conn: Connection, *, body: str | None = None, start: dt.date | None = None,
                   end: dt.date | None = None) -> bool:
    """Whether any meeting of the selection lists anyone: the attendance report warns when none does."""
    found = conn.execute("""
        SELECT EXISTS (SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id
                       WHERE (? IS NULL OR m.body = ?) AND (? IS NULL OR m.date >= ?)
                         AND (? IS NULL OR m.date <= ?))""", [body, body, start, start, end, end]).fetchone()
    return bool(found and found[0])


RATE_COLUMNS = ("name", "organisation", "body", "year", "expected", "present", "remote", "substituted", "absent",
                "unknown", "substituted_by", "rate")


def attendance_rates(conn: Connection, *, body: str | None = None, start: dt.date | None = None,
                     end: dt.date | None = None, include_exempt: bool = False
                     ) -> dict[str, list[dict[str, Any]]] | None:
    """Every figure of the attendance report, as the archive's views compute them: 'people' per
    person, body and year, 'organisations' per organisation, body and year, and 'others' (everyone
    but members; guests at exempt cases only with ``include_exempt``), in the report's order.
    None for an archive not opened for writing since the views came, which has none."""
    found = conn.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'attendance_others_between' "
                         "AND schema_name = current_schema()").fetchone()
    if not found or not found[0]:
        return None
    columns = ", ".join(RATE_COLUMNS)
    # Two people may share a name: the other columns break the tie, so two builds list them alike.
    out = {key: _rows(conn, f"SELECT {columns} FROM {macro}(?::VARCHAR, ?::DATE, ?::DATE) "
                            f"ORDER BY name, body, year, {columns}", [body, start, end])
           for key, macro in (("people", "attendance_rates_between"),
                              ("organisations", "attendance_organisation_rates_between"))}
    out["others"] = _rows(conn, "SELECT name, body, year, category, organisation, meetings FROM "
                                "attendance_others_between(?::VARCHAR, ?::DATE, ?::DATE, ?::BOOLEAN) "
                                "ORDER BY ALL", [body, start, end, include_exempt])
    return out


def people(conn: Connection) -> list[dict[str, Any]]:
    out = _rows(conn, """
        SELECT p.id, p.name,
               (SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a
                WHERE a.entity_kind = 'person' AND a.entity_id = p.id) AS aliases
        FROM people p WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = p.id) ORDER BY p.name, p.id""")
    roles = _rows(conn, """
        SELECT ms.person_id, b.name AS body, o.name AS organisation, ms.role, ms.first_date, ms.last_date
        FROM memberships ms JOIN bodies b ON b.id = ms.body_id LEFT JOIN organisations o ON o.id = ms.organisation_id
        ORDER BY ms.first_date, ms.person_id, b.name, ms.last_date, o.name, ms.role""")
    by_id = {p["id"]: p for p in out}
    for p in out:
        p["memberships"] = []
    for r in roles:
        if r["person_id"] in by_id:
            by_id[r["person_id"]]["memberships"].append(r)
    return out


def votes(conn: Connection, *, body: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
          include_exempt: bool = False) -> list[dict[str, Any]]:
    """Every vote with its case and the people it names (``voters``: name, party, side); a vote in a
    case marked exempt only with ``include_exempt``."""
    out = _rows(conn, """
        SELECT v.id, v.meeting_id, m.body, m.date, year(m.date) AS year, i.number, i.title,
               coalesce(i.exempt, false) AS exempt, v.seq, v.proposal, v.outcome, v.votes_for, v.votes_against,
               v.votes_abstain, v.unanimous, v.casting_vote, v.text, d.source, v.page, v.line
        FROM votes v JOIN meetings m ON m.id = v.meeting_id JOIN documents d ON d.id = v.document_id
        LEFT JOIN items i ON i.id = v.item_id
        WHERE (? OR NOT coalesce(i.exempt, false)) AND (? IS NULL OR m.body = ?)
          AND (? IS NULL OR m.date >= ?) AND (? IS NULL OR m.date <= ?)
        ORDER BY m.date, m.body, m.id, i.seq NULLS FIRST, v.seq, v.id""",
        [include_exempt, body, body, start, start, end, end])
    by_id = {v["id"]: v for v in out}
    for v in out:
        v.update(voters=[], parties=[])
    if not by_id:
        return out
    for row in _rows(conn, """
            SELECT x.vote_id, x.person_id, p.name, coalesce(top.name, o.name) AS party, x.side, x.proposal
            FROM vote_voters x SEMI JOIN (SELECT unnest(?::BIGINT[]) AS id) chosen ON chosen.id = x.vote_id
            JOIN people p ON p.id = x.person_id
            LEFT JOIN organisations o ON o.id = x.organisation_id LEFT JOIN organisations top ON top.id = o.parent_id
            ORDER BY x.vote_id, x.seq""", [list(by_id)]):
        if row["vote_id"] in by_id:
            by_id[row["vote_id"]]["voters"].append(row)
    for row in _rows(conn, """
            SELECT x.vote_id, coalesce(top.name, o.name, x.party_raw) AS party, x.side, x.count
            FROM vote_parties x SEMI JOIN (SELECT unnest(?::BIGINT[]) AS id) chosen ON chosen.id = x.vote_id
            LEFT JOIN organisations o ON o.id = x.organisation_id LEFT JOIN organisations top ON top.id = o.parent_id
            ORDER BY x.vote_id, x.rowid""", [list(by_id)]):
        by_id[row["vote_id"]]["parties"].append(row)
    return out


def withheld_votes(conn: Connection) -> int:
    """Exempt cases with a vote: what `report votes` holds back."""
    return int(conn.execute("SELECT count(DISTINCT v.item_id) FROM votes v JOIN items i ON i.id = v.item_id "
                            "WHERE i.exempt").fetchone()[0])


def person_activity(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """What a person's page shows beside their meetings, every row with its ``person_id``:
    'rates' (the view attendance_rates, per body and year), 'votes' (each vote the minutes name
    them in, with its side) and 'cases' (each case they came for as a guest, voted on or were
    recused from, as ``involvement`` guest | vote | recusal). Exempt cases are in, marked
    ``exempt``: the publication policy withholds them."""
    return {key: _rows(conn, sql) for key, sql in PERSON_ACTIVITY.items()}


# person_activity's queries, each ordered by person first: the site reads them a person at a time.
PERSON_ACTIVITY = {
    "rates": ("SELECT person_id, body, year, expected, present, remote, substituted, absent, unknown, "
              "attended, rate FROM attendance_rates ORDER BY person_id, body, year"),
    "votes": """
        SELECT x.person_id, v.id AS vote_id, v.meeting_id, m.body, m.date, i.number, i.title,
               coalesce(i.exempt, false) AS exempt, coalesce(x.proposal, v.proposal) AS proposal, v.outcome, x.side
        FROM vote_voters x JOIN votes v ON v.id = x.vote_id JOIN meetings m ON m.id = v.meeting_id
        LEFT JOIN items i ON i.id = v.item_id
        ORDER BY x.person_id, m.date, i.seq NULLS FIRST, v.seq, x.seq""",
    "cases": """
        WITH tied AS (
            SELECT a.person_id, i.id AS item_id, 'guest' AS involvement
            FROM attendance a JOIN items i ON i.meeting_id = a.meeting_id AND list_contains(a.items, i.number)
            UNION SELECT x.person_id, v.item_id, 'vote' FROM vote_voters x JOIN votes v ON v.id = x.vote_id
            WHERE v.item_id IS NOT NULL
            UNION SELECT r.person_id, r.item_id, 'recusal' FROM recusals r WHERE r.item_id IS NOT NULL
        )
        SELECT t.person_id, i.meeting_id, m.body, m.date, i.number, i.title, i.exempt,
               list(t.involvement ORDER BY t.involvement) AS involvement
        FROM tied t JOIN items i ON i.id = t.item_id JOIN meetings m ON m.id = i.meeting_id
        GROUP BY ALL ORDER BY t.person_id, m.date, i.number""",
}
