"""What the static site reads from the archive, a page kind at a time: meetings in the order of
the index, a batch of meetings' cases and attendance, people's rows ordered by person, and cases'
items by case key. The site holds one batch at a time and compact indexes (case keys and links,
people), never the whole archive: at 5,000 documents the whole of it was 730 MB.

Every row comes as the archive has it, exempt cases included: the publication policy decides what
a page shows of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from referat.store.db import Connection
from referat.store.queries import (
    ATTENDANCE_ROWS,
    CHILDREN,
    ITEM_COLUMNS,
    ITEM_FROM,
    ITEM_ORDER,
    MEETING_ROWS,
    PERSON_ACTIVITY,
    Paged,
    _legal_basis,
    _rows,
    attendance,
    attendance_rates,
    people,
    with_children,
)

Case = tuple[str | None, str]


class SiteQueries:
    """The site's queries of one open archive (read-only)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.basis = _legal_basis(conn)

    # --- meetings -----------------------------------------------------------------------------------

    def meetings(self) -> Paged:
        """Every meeting, by body (a missing one first) and date, as the index lists them."""
        return Paged(self.conn, MEETING_ROWS + " ORDER BY coalesce(m.body, ''), m.date, m.body NULLS LAST, m.id")

    def meeting_items(self, meeting_ids: list[int], children: tuple[str, ...] = CHILDREN) -> list[dict[str, Any]]:
        """The cases of these meetings with their children, in queries.items's order."""
        return self._items("WHERE i.meeting_id IN (SELECT unnest(?::BIGINT[]))", [meeting_ids], children)

    def meeting_attendance(self, meeting_ids: list[int]) -> list[dict[str, Any]]:
        """queries.attendance's rows of these meetings, in its order."""
        return _rows(self.conn, ATTENDANCE_ROWS + " WHERE a.meeting_id IN (SELECT unnest(?::BIGINT[])) "
                     "ORDER BY m.date, a.seq, a.id", [meeting_ids])

    # --- counts ---------------------------------------------------------------------------------------

    def exempt_cases(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM items WHERE exempt").fetchone()[0])

    def decisions(self, include_exempt: bool) -> int:
        """How many decisions a page may show: those of exempt cases only with ``include_exempt``."""
        return int(self.conn.execute("SELECT count(*) FROM decisions c JOIN items i ON i.id = c.item_id "
                                     "WHERE ? OR NOT i.exempt", [include_exempt]).fetchone()[0])

    # --- people ---------------------------------------------------------------------------------------

    def people(self) -> list[dict[str, Any]]:
        """queries.people: a row per person (hundreds, however many documents)."""
        return people(self.conn)

    def attendance_by_person(self) -> Paged:
        """queries.attendance's rows ordered by person, then as it orders them."""
        return Paged(self.conn, ATTENDANCE_ROWS + " ORDER BY a.person_id, m.date, a.seq, a.id", size=2000)

    def activity_by_person(self) -> dict[str, Paged]:
        """queries.person_activity's rows, each kind ordered by person first."""
        return {key: Paged(self.conn, sql, size=2000) for key, sql in PERSON_ACTIVITY.items()}

    # --- attendance report ----------------------------------------------------------------------------

    def attendance_rates(self, include_exempt: bool) -> dict[str, list[dict[str, Any]]] | None:
        """queries.attendance_rates of the whole archive (guests at exempt cases only with ``include_exempt``)."""
        return attendance_rates(self.conn, include_exempt=include_exempt)

    def attendance_rows(self) -> list[dict[str, Any]]:
        """Every attendance row: only for an archive without the views, whose figures are tallied."""
        return attendance(self.conn)

    # --- cases ----------------------------------------------------------------------------------------

    def case_keys(self) -> dict[Case, int]:
        """Every case the archive holds a meeting of, with how many items it has."""
        return {(body, number): n for body, number, n in self.conn.execute(
            "SELECT m.body, i.number, count(*) FROM items i JOIN meetings m ON m.id = i.meeting_id "
            "GROUP BY m.body, i.number").fetchall()}

    def case_links(self, include_exempt: bool) -> Iterator[tuple[Case, Case]]:
        """(case, the case it refers to), in queries.items's order; an exempt case's references only
        with ``include_exempt`` (the policy withholds them with the case)."""
        cursor = self.conn.cursor()
        try:
            cursor.execute(f"""
                SELECT m.body, i.number, r.target_body, r.target_number
                FROM item_references r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = i.meeting_id
                WHERE ? OR NOT i.exempt ORDER BY {ITEM_ORDER}, r.id""", [include_exempt])
            while rows := cursor.fetchmany(5000):
                for body, number, target_body, target_number in rows:
                    yield (body, number), (target_body, target_number)
        finally:
            cursor.close()

    def case_items(self, cases: list[Case], children: tuple[str, ...] = CHILDREN) -> list[dict[str, Any]]:
        """The items of these cases (a case of a meeting without a body included), in queries.items's order."""
        if not cases:
            return []
        return self._items("SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS body, unnest(?::VARCHAR[]) AS number) w "
                           "ON w.body IS NOT DISTINCT FROM m.body AND w.number = i.number",
                           [[body for body, _ in cases], [number for _, number in cases]], children)

    # --- the register ---------------------------------------------------------------------------------

    def register_items(self) -> Paged:
        """Each case that has a decision or is exempt, with its decisions as queries.items gives them
        (a row per decision, ``d_*`` NULL for a case without one), in queries.items's order."""
        return Paged(self.conn, f"""
            SELECT {ITEM_COLUMNS.format(basis=self.basis)}, c.item_id IS NOT NULL AS has_decision,
                   c.text AS d_text, c.labeled AS d_labeled, c.page AS d_page, c.line AS d_line
            FROM {ITEM_FROM} LEFT JOIN decisions c ON c.item_id = i.id
            WHERE c.item_id IS NOT NULL OR i.exempt ORDER BY {ITEM_ORDER}, c.seq""", size=2000)

    def register_summary(self, include_exempt: bool) -> tuple[int, list[str], list[int]]:
        """The register's row count, bodies and years: a decision a row, an exempt case one row
        (its decisions, with ``include_exempt``)."""
        found = self.conn.execute("""
            SELECT count(*), list(DISTINCT m.body) FILTER (WHERE m.body IS NOT NULL AND m.body <> ''),
                   list(DISTINCT year(m.date)) FILTER (WHERE m.date IS NOT NULL)
            FROM items i JOIN meetings m ON m.id = i.meeting_id
            LEFT JOIN decisions c ON c.item_id = i.id AND (? OR NOT i.exempt)
            WHERE c.item_id IS NOT NULL OR (i.exempt AND NOT ?)""", [include_exempt, include_exempt]).fetchone()
        count, bodies, years = found if found else (0, None, None)
        return int(count), sorted(bodies or []), sorted(y for y in years or [] if y)

    def _items(self, where: str, params: list[Any], children: tuple[str, ...]) -> list[dict[str, Any]]:
        out = _rows(self.conn, f"SELECT {ITEM_COLUMNS.format(basis=self.basis)} FROM {ITEM_FROM} {where} "
                               f"ORDER BY {ITEM_ORDER}", params)
        return with_children(self.conn, out, children, chosen=True)
