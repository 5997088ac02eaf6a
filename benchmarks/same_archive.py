"""Are two archives the same? Every table, row by row, ids included; only the times of a run
(TIMESTAMP columns: when a document was read) may differ.

    python benchmarks/same_archive.py A.duckdb B.duckdb

Prints each table's row count and whether it matches, and exits 1 if any table differs. Used to
show that a change to the loader leaves what it stores exactly as it was."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import duckdb


def digests(db: Path) -> dict[str, tuple[int, str]]:
    """Row count and sha256 of the sorted rows of every base table, its timestamps left out."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, tuple[int, str]] = {}
        tables = [t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                             "ORDER BY table_name").fetchall()]
        for table in tables:
            columns = [c for c, kind in conn.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
                "ORDER BY column_index", [table]).fetchall() if not kind.startswith("TIMESTAMP")]
            quoted = ", ".join(f'"{c}"' for c in columns)
            cursor = conn.execute(f'SELECT {quoted} FROM "{table}" ORDER BY ALL')
            digest, count = hashlib.sha256(), 0
            # In batches: a 100k archive's texts do not fit in memory as Python rows at once.
            while rows := cursor.fetchmany(10_000):
                for row in rows:
                    digest.update(repr(row).encode("utf-8"))
                    digest.update(b"\n")
                count += len(rows)
            out[table] = (count, digest.hexdigest())
        return out
    finally:
        conn.close()


def main() -> None:
    a, b = (Path(p) for p in sys.argv[1:3])
    left, right = digests(a), digests(b)
    differ = 0
    for table in sorted(left.keys() | right.keys()):
        la, ra = left.get(table), right.get(table)
        same = la == ra
        differ += not same
        print(f"  {table:<22} {la[0] if la else '-':>9} {ra[0] if ra else '-':>9}  {'same' if same else 'DIFFERS'}")
    print(f"{len(left.keys() | right.keys()) - differ} tables the same, {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
