"""What a checkpoint of the loader's archive allocates, and which tables it rewrites.

    python benchmarks/ckpt_probe.py [--docs 6000] [--every 1000] [--set max_vacuum_tasks=100]...

Issue #20: the loader's memory jumped at the COMMITs that trigger DuckDB's automatic checkpoint.
This loads ``--docs`` generated results as benchmarks/loader.py makes them (no file read), with
the automatic checkpoint off, and runs a CHECKPOINT by hand after every ``--every`` documents,
while a thread samples the process's resident memory and DuckDB's own account of its memory
(duckdb_memory(), by tag). For each checkpoint it prints its CPU, the peak resident memory (VmHWM,
reset before it), the largest tags, and the tables whose stored blocks it dropped: a table whose
blocks are dropped had row groups already written read back and written anew (DuckDB's merge of
small row groups, "vacuum"), not only the rows new since the last checkpoint. ``--set`` takes
DuckDB SET statements for the connection, after store/db.py's (``max_vacuum_tasks=100`` is
DuckDB's default), ``--storage`` a storage version for the new archive. Linux only; it asserts nothing.

What it showed (6,000 documents, a checkpoint every 1,000, load 24-45, 2026-11-30): with DuckDB's
default a checkpoint read back and wrote anew up to 35 blocks of a table (items, search_units,
pages) and lifted the process by up to 183 MB; DuckDB's merge task appends the merged rows to a
new row group in memory (IN_MEMORY_TABLE, OVERFLOW_STRINGS) before it compresses them, and the
merges double in size as the table grows, so the loader's slices of 2,000 peaked at up to 1,592 MB
at 14,000-16,000 documents. With merges off (store/db.py's WRITER_SETTINGS) no stored block is
rewritten, each checkpoint adds 15-26 MB, and the 6 checkpoints take 3.55 s of CPU instead of
5.69 s; the file is 51.0 kB a document instead of 58.2. The newest storage format does not end the
merges (``--storage latest --set max_vacuum_tasks=100``: the same rewrites, +36-78 MB a checkpoint
at 2,000-4,000 documents, 0.4 s of CPU each), and only duckdb >= 2.0 opens it."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.loader import _reset_peak, _status_mb, results  # noqa: E402


def _blocks(conn: object, tables: list[str]) -> dict[str, set[int]]:
    """Each table's stored blocks."""
    return {t: {b for (b,) in conn.execute(  # type: ignore[attr-defined]
        f"SELECT DISTINCT block_id FROM pragma_storage_info('{t}') WHERE persistent").fetchall()} for t in tables}


def _row_groups(conn: object, table: str) -> int:
    found = conn.execute(f"SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('{table}')").fetchone()  # type: ignore[attr-defined]
    return int(found[0]) if found else 0


def _watch(cursor: object, done: threading.Event, tags: dict[str, int]) -> None:
    """Keep the most memory each of DuckDB's tags held until ``done``."""
    while not done.is_set():
        for tag, used in cursor.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall():  # type: ignore[attr-defined]
            tags[tag] = max(tags.get(tag, 0), used)
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=6_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--set", action="append", default=[], help="a DuckDB SET statement's body, e.g. threads=1")
    parser.add_argument("--storage", help="the new archive's storage version instead of store/db.py's (to try one)")
    args = parser.parse_args()

    from referat.pipeline import process_file
    from referat.store import connect
    from referat.store import db as store_db
    from referat.store import ingest as store_ingest
    from referat.store.ingest import load_results

    store_ingest._tidy = lambda conn, summary: None  # noqa: SLF001 - the loading alone, checkpoints by hand
    if args.storage:
        store_db.STORAGE_VERSION = args.storage
    with tempfile.TemporaryDirectory(prefix="referat-probe-") as scratch:
        work = Path(scratch)
        sample = [process_file(p) for p in write_corpus(work / "sample", args.sample, seed=11)]
        db = work / "probe.duckdb"
        conn = connect(db)
        conn.execute("SET checkpoint_threshold = '1TB'")
        for setting in args.set:
            conn.execute(f"SET {setting}")
        tables = [t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                             "ORDER BY table_name").fetchall()]
        print(f"checkpoints by hand every {args.every:,} documents; settings {args.set or 'those of store/db.py'}; "
              f"max_vacuum_tasks {conn.execute('SELECT current_setting(?)', ['max_vacuum_tasks']).fetchone()[0]}; "
              f"storage {store_db.STORAGE_VERSION}; "
              f"load average {os.getloadavg()[0]:.1f} at the start")
        total_cpu = 0.0
        top_peak = 0.0
        for start in range(0, args.docs, args.every):
            stop = min(args.docs, start + args.every)
            load_results(conn, results(sample, start, stop))
            before = _blocks(conn, tables)
            tags: dict[str, int] = {}
            done = threading.Event()
            cursor = conn.cursor()

            resident = _status_mb("VmRSS")
            _reset_peak()
            watcher = threading.Thread(target=_watch, args=(cursor, done, tags), daemon=True)
            watcher.start()
            cpu = time.process_time()
            conn.execute("CHECKPOINT")
            spent = time.process_time() - cpu
            done.set()
            watcher.join()
            cursor.close()
            peak = _status_mb("VmHWM")
            total_cpu += spent
            top_peak = max(top_peak, peak)
            after = _blocks(conn, tables)
            rewritten = [f"{t} ({len(before[t] - after[t])} blocks, {_row_groups(conn, t)} row groups now)"
                         for t in tables if before[t] - after[t]]
            largest = sorted(((v, k) for k, v in tags.items() if v >= 1e6), reverse=True)[:4]
            shown = ", ".join(f"{k} {v / 1e6:.0f}" for v, k in largest)
            print(f"  {stop:>7,} docs: checkpoint {spent:5.2f} s CPU, resident {resident:5.0f} -> peak {peak:5.0f} MB "
                  f"(+{peak - resident:4.0f}); DuckDB's largest: {shown} MB; "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            print(f"      rewritten: {'; '.join(rewritten) or 'none of the blocks stored before'}", flush=True)
        conn.close()
        print(f"all: checkpoints {total_cpu:.2f} s CPU, highest peak {top_peak:.0f} MB; file "
              f"{db.stat().st_size / 1e6:.0f} MB, {db.stat().st_size / args.docs / 1e3:.1f} kB a document")


if __name__ == "__main__":
    main()
