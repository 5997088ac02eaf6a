"""The loader alone, as the archive grows: its CPU per document and its memory, no file read.

    python benchmarks/loader.py [--docs 20000] [--sample 60] [--slice 2000] [--keep ARCHIVE]

The workers' cost per document cannot grow with the archive (each reads one file); the loader's
can, and did (issue #20). ``--sample`` generated minutes are read once; the loader is then fed
``--docs`` results made from them, each with a path, bytes and meeting date of its own (the date
drawn as the generated corpus draws it, so meetings of one body on one day meet as often as in
the corpus), one top-up of ``--slice`` documents at a time, in process, as `referat ingest` loads
them. Prints each slice's CPU per document (the connection's close, a checkpoint, included), the process's
resident memory after it and its peak during that slice (Linux: the peak is reset per slice).
``--keep`` copies the archive there at the end (to query it, or to top it up with peak_stack.py).
It asserts nothing."""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.corpus import write_corpus  # noqa: E402


def _status_mb(key: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(key)) / 1024


def _reset_peak() -> None:
    """Start the process's peak resident memory (VmHWM) afresh, so that each slice shows its own."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")


def results(sample: list[object], start: int, stop: int) -> Iterator[object]:
    """Results ``start`` to ``stop``: copies of the sample's, each a document and meeting of its own."""
    for i in range(start, stop):
        base = sample[i % len(sample)]
        rng = random.Random(i)
        sha = hashlib.sha256(f"document {i}".encode()).hexdigest()
        path = f"/arkiv/synthetic/{i:07d}-{base.source}"  # type: ignore[attr-defined]
        document = base.document.model_copy(update={"path": path, "sha256": sha})  # type: ignore[attr-defined]
        extraction = base.extraction  # type: ignore[attr-defined]
        if extraction.meeting is not None:
            date = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            extraction = extraction.model_copy(update={"meeting": extraction.meeting.model_copy(update={"date": date})})
        yield type(base)(path, base.source, sha, document, extraction)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--slice", type=int, default=2_000)
    parser.add_argument("--set", action="append", default=[],
                        help="a DuckDB SET statement's body for the loader's connection, e.g. threads=1 (to try one)")
    parser.add_argument("--storage", help="the new archive's storage version instead of store/db.py's (to try one)")
    parser.add_argument("--keep", type=Path, help="copy the archive here at the end")
    args = parser.parse_args()

    from referat.pipeline import process_file
    from referat.store import connect
    from referat.store import db as store_db
    from referat.store.ingest import load_results

    if args.storage:
        store_db.STORAGE_VERSION = args.storage

    with tempfile.TemporaryDirectory(prefix="referat-loader-") as scratch:
        work = Path(scratch)
        sample = [process_file(p) for p in write_corpus(work / "sample", args.sample, seed=11)]
        print(f"loader alone, {args.docs:,} documents made from {len(sample)} read; load average "
              f"{os.getloadavg()[0]:.1f} at the start")
        print(f"  settings: {args.set or 'those of store/db.py'}; storage {store_db.STORAGE_VERSION}")
        print("  slice                CPU ms/doc   RSS MB after   slice's peak   load")
        db = work / "loader.duckdb"
        total = 0.0
        for start in range(0, args.docs, args.slice):
            stop = min(args.docs, start + args.slice)
            _reset_peak()
            conn = connect(db)
            for setting in args.set:
                conn.execute(f"SET {setting}")
            cpu = time.process_time()
            load_results(conn, results(sample, start, stop))
            conn.close()
            spent = time.process_time() - cpu
            total += spent
            peak = _status_mb("VmHWM")
            print(f"  {start:>7,}-{stop:<9,}   {spent / (stop - start) * 1000:8.2f}   {_status_mb():12.0f}   "
                  f"{peak:11.0f}   {os.getloadavg()[0]:4.1f}", flush=True)
        print(f"  all: {total / args.docs * 1000:.2f} ms/doc; database "
              f"{db.stat().st_size / args.docs / 1e3:.1f} kB/doc")
        if args.keep:
            shutil.copyfile(db, args.keep)


if __name__ == "__main__":
    main()
