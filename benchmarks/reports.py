"""The reports and `referat trace` on an archive that is already there: what an analyst waits for.

    python benchmarks/reports.py --db ARCHIVE [--out DIR] [--repeat 3] [--traces 20]

For each report (attendance, decisions, votes) the least CPU and wall seconds of `referat report`
over ``--repeat`` runs, a process each as a user runs it (imports included), and the pages it wrote:
how many, the largest and all together, and the CSV files beside them. Then `referat trace` on the
case the most references point to and on ``--traces`` others drawn with a fixed seed: CPU in
process (the command's own function, best of ``--repeat``) and as a process. The load average is
printed beside each figure: the machine is shared, so CPU time is the figure to compare. It
prints figures and asserts nothing; `scale.py` calls ``print_traces`` on the archive it made."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.measure import least_seconds  # noqa: E402

REPORTS = ("attendance", "decisions", "votes")


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def print_reports(db: Path, out: Path, repeat: int) -> None:
    print(f"reports (least of {repeat}, a process each; goal < 1 s CPU):")
    for name in REPORTS:
        shutil.rmtree(out / name, ignore_errors=True)
        cpu, wall = least_seconds(["report", name, "--db", str(db), "--out", str(out / name)], repeat)
        pages = sorted((p.stat().st_size for p in (out / name).rglob("*.html")), reverse=True)
        csvs = sum(p.stat().st_size for p in (out / name).glob("*.csv"))
        print(f"  report {name:<11} {cpu:6.2f} s CPU {wall:6.2f} s wall   {len(pages):5d} pages, largest "
              f"{pages[0] / 1e3:7.1f} kB, all {sum(pages) / 1e6:7.2f} MB; CSV {csvs / 1e6:6.2f} MB   ({_load()})")


def trace_starts(db: Path, n: int, seed: int = 20) -> list[tuple[str, str]]:
    """The case the most references point to, then ``n`` cases of the archive drawn with ``seed``."""
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    top = conn.execute("""SELECT target_body, target_number FROM item_references
        WHERE target_body IS NOT NULL AND target_number IS NOT NULL
        GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""").fetchall()
    cases = conn.execute("SELECT DISTINCT m.body, i.number FROM items i JOIN meetings m ON m.id = i.meeting_id "
                         "WHERE m.body IS NOT NULL AND i.number IS NOT NULL ORDER BY ALL").fetchall()
    conn.close()
    return [*top, *random.Random(seed).sample(cases, min(n, len(cases)))]


def print_traces(db: Path, n: int, repeat: int) -> None:
    """`referat trace` as the command runs it (the case's history from store.queries, the policy,
    then reports.trace.trace), in process, on the most referenced case and ``n`` others: CPU per
    trace, and the first as a process."""
    from referat.reports.publication import PUBLIC, publish_items
    from referat.reports.trace import trace
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True)
    starts = trace_starts(db, n)
    spent, sizes, shown = [], [], []
    for start in starts:
        best = float("inf")
        for _ in range(repeat):
            began = time.process_time()
            t = trace(start, publish_items(q.case_history(conn, start), PUBLIC))
            best = min(best, time.process_time() - began)
        spent.append(best * 1000)
        sizes.append(len(t.cases))
        shown.append(sum(len(c["meetings"]) for c in t.cases))
    conn.close()
    # A trace's cost follows what it shows: the linked cases' meetings (items), not the archive's size.
    first = f"{starts[0][0]} {starts[0][1]}"
    print(f"referat trace, in process (best of {repeat}; goal < 200 ms):")
    print(f"  {first:<32} {spent[0]:7.1f} ms CPU  {sizes[0]:5d} cases {shown[0]:7,} items  "
          f"{spent[0] * 1000 / max(shown[0], 1):5.1f} µs an item   ({_load()})")
    if len(starts) > 1:
        print(f"  {len(starts) - 1} other cases: median {statistics.median(spent[1:]):.1f} ms, largest "
              f"{max(spent[1:]):.1f} ms CPU; median {statistics.median(sizes[1:]):.0f} cases, "
              f"{statistics.median(shown[1:]):,.0f} items   ({_load()})")
    cpu, wall = least_seconds(["trace", "--db", str(db), first], repeat)
    print(f"  referat trace {first!r} as a process: {cpu:.2f} s CPU, {wall:.2f} s wall   ({_load()})")


def print_report_figures(db: Path, out: Path, *, repeat: int = 3, traces: int = 20) -> None:
    """Everything this script prints, for `scale.py` on the archive it made."""
    print_reports(db, out, repeat)
    print_traces(db, traces, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="write the reports here (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--traces", type=int, default=20, help="cases to trace besides the most referenced one")
    args = parser.parse_args()
    import duckdb

    conn = duckdb.connect(str(args.db), read_only=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
              for t in ("documents", "meetings", "items", "decisions", "attendance", "votes", "item_references")}
    conn.close()
    print(f"{args.db}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f"   ({_load()})")
    out = args.out or Path(tempfile.mkdtemp(prefix="referat-reports-"))
    try:
        print_report_figures(args.db, out, repeat=args.repeat, traces=args.traces)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
