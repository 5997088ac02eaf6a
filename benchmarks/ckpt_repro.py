"""DuckDB alone: the process's peak memory at each CHECKPOINT of a file with a large text column.

    python benchmarks/ckpt_repro.py [--rows 40000] [--batch 2000] [--every 4] [--set threads=1]...

Issue #20: the loader's peak memory jumped at DuckDB checkpoints, not with the archive. This writes
``--rows`` rows of 2-10 kB of word-like text in batches of ``--batch``, a CHECKPOINT after every
``--every`` batches, into a new file in the v1.1 storage format (as the archive is written), with
the given ``SET`` statements, and prints the peak resident memory (VmHWM, reset before each
checkpoint) of the inserts and of each checkpoint, the CPU of both and the file's size. Linux only.
It asserts nothing. It did not reproduce the loader's spikes: 24,000 rows (batches of 100 or 2,000)
peaked at 266-311 MB, each checkpoint 0.01 s of CPU (DuckDB had already written the rows), so the
loader's spikes come from what it does beyond appending text (its several tables, its transactions).
They came from DuckDB's merges of small row groups at a checkpoint: benchmarks/ckpt_probe.py."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

import duckdb

WORDS = ["kommunestyret", "vedtak", "saken", "formannskapet", "innstilling", "rådmannen", "enstemmig",
         "vedtatt", "budsjett", "reguleringsplan", "høring", "utvalg", "møte", "protokoll", "representant",
         "forslag", "votering", "mindretall", "flertall", "dispensasjon", "eiendom", "gnr", "bnr", "skole",
         "barnehage", "helse", "omsorg", "vei", "vann", "avløp"]


def _status_mb(key: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(key)) / 1024


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")


def texts(start: int, count: int) -> list[tuple[int, str]]:
    rows = []
    for i in range(start, start + count):
        rng = random.Random(i)
        size = rng.randint(2_000, 10_000)
        words: list[str] = []
        length = 0
        while length < size:
            word = rng.choice(WORDS) if rng.random() < 0.9 else str(rng.randint(1, 99_999))
            words.append(word)
            length += len(word) + 1
        rows.append((i, " ".join(words)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--every", type=int, default=4)
    parser.add_argument("--storage", default="v1.1.0")
    parser.add_argument("--set", action="append", default=[], help="a SET statement's body, e.g. threads=1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referat-ckpt-") as scratch:
        path = Path(scratch) / "t.duckdb"
        conn = duckdb.connect(str(path), config={"storage_compatibility_version": args.storage})
        for setting in args.set:
            conn.execute(f"SET {setting}")
        conn.execute("CREATE TABLE t (id BIGINT, text VARCHAR)")
        ins_peak = ck_peak = ins_cpu = ck_cpu = 0.0
        made = 0
        for n, start in enumerate(range(0, args.rows, args.batch), 1):
            batch = texts(start, min(args.batch, args.rows - start))
            _reset_peak()
            cpu = time.process_time()
            conn.execute("INSERT INTO t SELECT * FROM (SELECT unnest($1) AS id, unnest($2) AS text)",
                         [[r[0] for r in batch], [r[1] for r in batch]])
            ins_cpu += time.process_time() - cpu
            ins_peak = max(ins_peak, _status_mb("VmHWM"))
            made += len(batch)
            del batch
            if n % args.every == 0 or made >= args.rows:
                _reset_peak()
                cpu = time.process_time()
                conn.execute("CHECKPOINT")
                spent = time.process_time() - cpu
                ck_cpu += spent
                peak = _status_mb("VmHWM")
                ck_peak = max(ck_peak, peak)
                print(f"  {made:>7,} rows: checkpoint peak {peak:6.0f} MB, {spent:5.2f} s CPU, "
                      f"RSS after {_status_mb('VmRSS'):5.0f} MB", flush=True)
        conn.close()
        print(f"settings {args.set or ['(none)']} storage {args.storage}: inserts' peak {ins_peak:.0f} MB, "
              f"checkpoints' peak {ck_peak:.0f} MB; CPU inserts {ins_cpu:.1f} s, checkpoints {ck_cpu:.1f} s; "
              f"file {path.stat().st_size / 1e6:.0f} MB; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
