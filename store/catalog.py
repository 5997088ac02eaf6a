"""What the archive holds, for `referat schema` and the data exports: tables and views of the
main schema, each with its comment and its columns' comments."""

from __future__ import annotations

from typing import Any

from referat.store.db import Connection


def relations(conn: Connection) -> list[dict[str, Any]]:
    """[{'name', 'kind': 'table' | 'view', 'comment', 'columns': [{'name', 'type', 'comment'}]}], tables first."""
    found = conn.execute("""
        SELECT table_name, 'table', comment FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        UNION ALL
        SELECT view_name, 'view', comment FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
        ORDER BY 2, 1""").fetchall()
    columns: dict[str, list[dict[str, Any]]] = {}
    for table, column, kind, comment in conn.execute("""
            SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            ORDER BY table_name, column_index""").fetchall():
        columns.setdefault(table, []).append({"name": column, "type": kind, "comment": comment})
    return [{"name": name, "kind": kind, "comment": comment, "columns": columns.get(name, [])}
            for name, kind, comment in found]


def format_schema(found: list[dict[str, Any]]) -> str:
    lines = []
    for rel in found:
        lines.append(f"{rel['kind']} {rel['name']}: {rel['comment'] or '(no comment)'}")
        width = max((len(c["name"]) for c in rel["columns"]), default=0)
        kinds = max((len(c["type"]) for c in rel["columns"]), default=0)
        lines += [f"  {c['name'].ljust(width)}  {c['type'].ljust(kinds)}  {c['comment'] or ''}".rstrip()
                  for c in rel["columns"]]
        lines.append("")
    return "\n".join(lines).rstrip("\n")
