"""Who sat in which body, rebuilt from the attendance at the end of every ingest."""

from __future__ import annotations

from referat.store.db import Connection


def rebuild_memberships(conn: Connection) -> None:
    """Who sat in which body for which organisation, from the first to the last meeting they were listed at."""
    conn.execute("BEGIN TRANSACTION")
    conn.execute("DELETE FROM memberships")
    conn.execute("""
        INSERT INTO memberships
        SELECT a.person_id, m.body_id, a.organisation_id, any_value(a.role), min(m.date), max(m.date)
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.category IN ('member', 'observer', 'secretariat') AND m.body_id IS NOT NULL
        GROUP BY a.person_id, m.body_id, a.organisation_id
    """)
    conn.execute("COMMIT")
