"""Scale: ingest a large synthetic corpus, watch peak memory, time the top-ups an archivist runs
on it (the whole corpus again, unchanged; ten new files added; one file into a new archive), then
time the analyst queries of the README, the three reports and `referat search` on the result.

    python benchmarks/scale.py [--docs 5000] [--workers 2] [--keep DIR] [--topups-only]
                               [--slices-only] [--slice 10000] [--no-site]

The corpus is first ingested as top-ups of ``--slice`` documents each (10k: a national archive
grows by such runs), into one archive: each slice's docs/s, CPU per document (the loader and its
workers apart) and peak memory show whether a document costs more as the archive grows. With
``--slices-only`` that, the database size per document and the queries are all that run (what
``--docs 100000`` needs to finish within the hour).

Memory is sampled over the whole process tree (the loader and its workers) for the full corpus
and for a fifth of it: if memory grew with the corpus, the two peaks would differ by far more
than the registry of people. The fifth is also ingested on one worker, for the speed-up of a
long run. The full corpus is ingested a second time with the search index off
(REFERAT_SEARCH_INDEX=0), for what the index adds to ingest. It prints figures and asserts nothing."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.corpus import slice_folders, write_corpus  # noqa: E402
from benchmarks.measure import least_seconds, run  # noqa: E402
from benchmarks.reports import print_traces  # noqa: E402

QUERIES = {
    "decisions by text": """
        SELECT m.date, m.body, i.number, d.text FROM decisions d
        JOIN items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id
        WHERE d.text ILIKE '%samarbeidsmidl%' ORDER BY m.date""",
    "attendance per person-year": """
        SELECT p.name, year(m.date) AS year,
        count(*) FILTER (WHERE a.status IN ('present','remote')) AS attended,
        count(*) FILTER (WHERE a.status = 'remote') AS remote,
        count(*) FILTER (WHERE a.status = 'substituted') AS substituted,
        count(*) FILTER (WHERE a.status = 'absent') AS absent
        FROM attendance a JOIN people p ON p.id = a.person_id JOIN meetings m ON m.id = a.meeting_id
        WHERE a.category = 'member' GROUP BY ALL ORDER BY p.name, year""",
    "references to other bodies": """
        SELECT m.body, m.date, i.number, i.title, r.target_body, r.target_number
        FROM item_references r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = i.meeting_id
        WHERE r.target_body <> m.body ORDER BY m.date""",
}


# Queries for `referat search`: inflected, a compound's last part, OCR damage (by rule and fuzzy), filters.
SEARCHES: dict[str, dict[str, object]] = {
    "samarbeidsmidlene": {},
    "midler": {},
    "Partnermgtet": {},
    "Partnernøtet": {},
    "budsjett": {"kind": "decision", "body": "Styringsgruppen", "start": "2023-01-01"},
}


def ingest(folder: Path, db: Path, workers: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    db.unlink(missing_ok=True)
    return top_up([folder], db, workers, env)


def top_up(paths: list[Path], db: Path, workers: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak MB of `referat ingest` of ``paths`` into the archive as it is."""
    result = run([sys.executable, "-m", "referat.cli", "ingest", *map(str, paths), "--db", str(db),
                  "--workers", str(workers)], env=env)
    if result.returncode != 0:
        raise SystemExit(f"referat ingest failed:\n{result.stderr[-2000:]}")
    return result.seconds, result.peak_mb


def print_slices(work: Path, files: list[Path], slice_size: int, workers: int, db: Path) -> tuple[float, float]:
    """Ingest ``files`` as top-ups of ``slice_size`` documents into a new archive ``db`` and print
    each slice's cost; the wall seconds and the largest peak memory of all are returned. Each slice
    is a folder of links to its files, which the archive stores by their resolved paths, as an
    ingest of the whole corpus would."""
    import os

    db.unlink(missing_ok=True)
    print(f"ingest in slices of {slice_size:,} (top-ups of one archive), --workers {workers}; load average "
          f"{os.getloadavg()[0]:.1f} at the start:")
    print("  slice           docs    wall s   docs/s   CPU ms/doc (loader + workers)   peak MB loader  workers  "
          "load")
    total_cpu = total_parent = seconds = peak = 0.0
    peak_parent = peak_workers = 0.0
    loader: list[tuple[float, float]] = []  # each slice's loader CPU ms per document and peak MB
    for start, folder in zip(range(0, len(files), slice_size), slice_folders(work, files, slice_size), strict=True):
        chunk = files[start: start + slice_size]
        result = run([sys.executable, "-m", "referat.cli", "ingest", str(folder), "--db", str(db),
                      "--workers", str(workers), "--quiet"])
        if result.returncode != 0:
            raise SystemExit(f"referat ingest failed:\n{result.stderr[-2000:]}")
        n = len(chunk)
        total_cpu, total_parent = total_cpu + result.cpu, total_parent + result.parent_cpu
        seconds, peak = seconds + result.seconds, max(peak, result.peak_mb)
        peak_parent, peak_workers = max(peak_parent, result.parent_mb), max(peak_workers, result.children_mb)
        loader.append((result.parent_cpu / n * 1000, result.parent_mb))
        print(f"  {start:>7,}-{start + n:<7,} {n:>6,} {result.seconds:8.1f} {n / result.seconds:8.1f}   "
              f"{result.cpu / n * 1000:6.1f} ({result.parent_cpu / n * 1000:5.1f} + "
              f"{result.children_cpu / n * 1000:5.1f})            {result.parent_mb:8.0f} {result.children_mb:8.0f}  "
              f"{os.getloadavg()[0]:4.1f}")
    n = len(files)
    print(f"  all {n:,} docs: CPU {total_cpu / n * 1000:.1f} ms/doc ({total_parent / n * 1000:.1f} in the loader); "
          f"peak memory: loader {peak_parent:.0f} MB, workers {peak_workers:.0f} MB (goal: loader < 500 MB, flat)")
    print(f"  database file: {db.stat().st_size / 1e6:,.0f} MB, {db.stat().st_size / n / 1e3:.1f} kB per document")
    print_flatness(loader)
    return seconds, peak


def print_flatness(loader: list[tuple[float, float]]) -> None:
    """How the loader's cost moved from the first slice to the last (goal: CPU within 10%, peak < 500 MB)."""
    if len(loader) < 2:
        return
    (first_cpu, first_mb), (last_cpu, last_mb) = loader[0], loader[-1]
    print(f"  loader, first slice -> last: CPU {first_cpu:.1f} -> {last_cpu:.1f} ms/doc "
          f"({(last_cpu / first_cpu - 1) * 100:+.0f}%, goal within 10%), peak {first_mb:.0f} -> {last_mb:.0f} MB "
          f"(largest {max(mb for _, mb in loader):.0f})")


def print_top_ups(work: Path, corpus: Path, db: Path, docs: int, workers: int, seed: int) -> None:
    """The archivist's month: the shelf again with nothing new, ten files added, one file alone."""
    again_s, again_mb = top_up([corpus], db, workers)
    print(f"  re-ingest {docs:>6} docs, nothing changed:   {again_s:7.2f} s  peak {again_mb:6.0f} MB   (goal: seconds)")
    new = write_corpus(work / "new", 10, seed=seed + 1)
    added_s, added_mb = top_up([corpus, work / "new"], db, workers)
    print(f"  re-ingest {docs:>6} docs, {len(new)} of them new:   {added_s:7.2f} s  peak {added_mb:6.0f} MB   "
          "(goal: seconds)")
    one = next(p for p in new if p.suffix == ".txt")
    fresh, again = [], []
    for k in range(3):
        target = work / f"one-{k}.duckdb"
        target.unlink(missing_ok=True)
        fresh.append(top_up([one], target, workers))
        again.append(top_up([one], target, workers))
    print(f"  ingest one text file, new archive:        {statistics.median(s for s, _ in fresh):7.2f} s  "
          f"peak {statistics.median(m for _, m in fresh):6.0f} MB   (median of 3; goal < 0.5 s)")
    print(f"  ingest one text file, nothing changed:    {statistics.median(s for s, _ in again):7.2f} s  "
          f"peak {statistics.median(m for _, m in again):6.0f} MB   (median of 3; goal < 0.3 s)")


def timed(action: object, repeat: int = 5) -> tuple[float, int]:
    """Median milliseconds of ``action()``, and the number of rows it gave."""
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(action())  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


def trace_case(db: Path) -> tuple[str, object]:
    """The trace `referat trace` runs, in process, on the case with the most references."""
    from referat.reports.publication import PUBLIC, publish_items
    from referat.reports.trace import trace
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True)
    body, number = conn.execute("""SELECT target_body, target_number FROM item_references
        GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""").fetchone() or (None, None)
    if body is None:
        body, number = conn.execute("SELECT m.body, i.number FROM items i JOIN meetings m ON m.id = i.meeting_id "
                                    "LIMIT 1").fetchone()

    def run_trace() -> list[object]:
        return trace((body, number), publish_items(q.case_history(conn, (body, number)), PUBLIC)).cases

    return f"trace {body} {number}", run_trace


def search_query(db: Path, query: str, options: dict[str, object]) -> object:
    from referat.store import connect
    from referat.store.search import search

    conn = connect(db, read_only=True)
    return lambda: search(conn, query, **options)  # type: ignore[arg-type]


def print_reports(db: Path, out: Path) -> None:
    """The time of each report command on the archive, as a user runs it (a new process: imports included)."""
    print(f"reports on it (least of 3, a process each; goal < 1 s; load average {os.getloadavg()[0]:.1f}):")
    for name in ("attendance", "decisions", "votes"):
        cpu, wall = least_seconds(["report", name, "--db", str(db), "--out", str(out / name)])
        print(f"  report {name:<23} {cpu:7.2f} s CPU  {wall:7.2f} s wall")


def print_report_pages(out: Path) -> None:
    """What print_reports wrote: each report's HTML pages, the largest and all together (no page
    should hold every row of an archive), and its CSV files, which hold them all."""
    print("report pages (an index and a page per body, or per body and year):")
    for name in ("attendance", "decisions", "votes"):
        pages = sorted((p.stat().st_size for p in (out / name).rglob("*.html")), reverse=True)
        csvs = sum(p.stat().st_size for p in (out / name).glob("*.csv"))
        if pages:
            print(f"  report {name:<11} {len(pages):5d} pages, largest {pages[0] / 1e6:6.2f} MB, "
                  f"all {sum(pages) / 1e6:6.2f} MB; CSV {csvs / 1e6:6.2f} MB")


def print_site_figures(work: Path, db: Path, workers: int, seed: int) -> None:
    """`referat site` on the archive: build, a second build, and a rebuild after ten new documents."""
    from benchmarks.site import print_site

    print_site(db, work, write_corpus(work / "site-new", 10, seed=seed + 2), workers)


def print_worker_cost(files: list[Path], sample: int = 200, repeats: int = 3) -> None:
    """A worker's CPU per document, reading and extracting apart, by kind of file: ``process_file``'s
    two stages in this process on the first ``sample`` files, best of ``repeats`` (the machine is shared)."""
    from referat.extract import extract_meeting, warm_up
    from referat.ingest import read_document

    warm_up()
    chosen = files[:sample]
    best: dict[tuple[str, str], float] = {}
    for _ in range(repeats):
        spent: dict[tuple[str, str], float] = {}
        for path in chosen:
            started = time.process_time()
            document = read_document(path)
            read = time.process_time()
            extract_meeting(document)
            done = time.process_time()
            kind = path.suffix.lstrip(".")
            spent[(kind, "read")] = spent.get((kind, "read"), 0.0) + read - started
            spent[(kind, "extract")] = spent.get((kind, "extract"), 0.0) + done - read
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    print(f"a worker's CPU per document, in process (first {len(chosen)} files, best of {repeats}; load "
          f"{os.getloadavg()[0]:.1f}):")
    for kind in sorted({k for k, _ in best}):
        n = sum(p.suffix == f".{kind}" for p in chosen)
        read, extract = best[(kind, "read")] / n * 1000, best[(kind, "extract")] / n * 1000
        print(f"  {kind:<4} {n:>4} docs   read {read:6.2f} ms + extract {extract:6.2f} ms = {read + extract:6.2f} ms")
    total = sum(best.values()) / len(chosen) * 1000
    print(f"  all  {len(chosen):>4} docs   {total:6.2f} ms a document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the corpus and databases here")
    parser.add_argument("--pdf-share", type=float, default=0.5, help="share of the corpus written as PDF")
    parser.add_argument("--topups-only", action="store_true",
                        help="ingest the corpus once and time the top-ups only (no fifth, no queries)")
    parser.add_argument("--slice", type=int, default=10_000, help="documents per top-up of the sliced ingest")
    parser.add_argument("--slices-only", action="store_true",
                        help="only the sliced ingest, the database size and the queries (no fifth, no second "
                             "ingest, no top-ups)")
    parser.add_argument("--no-site", action="store_true", help="do not build the site")
    parser.add_argument("--jobs", type=int, default=2, help="processes writing the corpus")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="referat-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        files = write_corpus(work / "corpus", args.docs, seed=args.seed, pdf_share=args.pdf_share, jobs=args.jobs)
        fifth = work / "fifth"
        fifth.mkdir(exist_ok=True)
        for path in files[: args.docs // 5]:
            target = fifth / path.name
            if not target.exists():
                target.symlink_to(path)
        pdfs = sum(p.suffix == ".pdf" for p in files)
        print(f"corpus: {len(files)} documents ({pdfs} PDF, {len(files) - pdfs} text), "
              f"generated in {time.perf_counter() - started:.0f} s")
        print_worker_cost(files)
        if args.slices_only:
            print_slices(work, files, args.slice, args.workers, work / "full.duckdb")
            print_queries(work / "full.duckdb")
            print_reports(work / "full.duckdb", work / "reports")
            print_report_pages(work / "reports")
            print_traces(work / "full.duckdb", 20, 3)
            return
        if args.topups_only:
            full_s, full_mb = ingest(work / "corpus", work / "full.duckdb", args.workers)
            print(f"  ingest {args.docs:>6} docs, --workers {args.workers}: {full_s:7.1f} s  "
                  f"{args.docs / full_s:6.1f} docs/s  peak {full_mb:6.0f} MB")
            print_top_ups(work, work / "corpus", work / "full.duckdb", args.docs, args.workers, args.seed)
            return
        small_s, small_mb = ingest(fifth, work / "fifth.duckdb", args.workers)
        full_s, full_mb = print_slices(work, files, args.slice, args.workers, work / "full.duckdb")
        if args.workers > 1:
            # The same fifth on one worker: the speed-up once a run's fixed start is spread thin.
            one_s, one_mb = ingest(fifth, work / "fifth-1.duckdb", 1)
            print(f"  ingest {args.docs // 5:>6} docs, --workers 1: {one_s:7.1f} s  "
                  f"{args.docs // 5 / one_s:6.1f} docs/s  peak {one_mb:6.0f} MB")
        print(f"  ingest {args.docs // 5:>6} docs, --workers {args.workers}: {small_s:7.1f} s  "
              f"{args.docs // 5 / small_s:6.1f} docs/s  peak {small_mb:6.0f} MB"
              + (f"   {one_s / small_s:.2f}x over 1 worker" if args.workers > 1 else ""))
        print(f"  ingest {args.docs:>6} docs, --workers {args.workers}: {full_s:7.1f} s  "
              f"{args.docs / full_s:6.1f} docs/s  peak {full_mb:6.0f} MB   (goal < 1024 MB)")
        bare_s, _ = ingest(work / "corpus", work / "bare.duckdb", args.workers, {"REFERAT_SEARCH_INDEX": "0"})
        print(f"  ingest {args.docs:>6} docs without the search index: {bare_s:7.1f} s; the index adds "
              f"{(full_s / bare_s - 1) * 100:+.0f}% (goal < 30%)")
        print_top_ups(work, work / "corpus", work / "full.duckdb", args.docs, args.workers, args.seed)
        print_queries(work / "full.duckdb")
        print_reports(work / "full.duckdb", work / "reports")
        print_report_pages(work / "reports")
        print_traces(work / "full.duckdb", 20, 3)
        print_site_figures(work, work / "full.duckdb", args.workers, args.seed)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def print_queries(db: Path) -> None:
    """The archive's size and the README's queries, the trace and `referat search` on it."""
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("meetings", "items", "decisions", "attendance", "people", "item_references")}
    print("  archive: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    print(f"  database file: {db.stat().st_size / 1e6:.0f} MB")
    print("README queries on it (median of 5, in process; goal < 200 ms each):")
    for name, sql in QUERIES.items():
        ms, rows = timed(lambda sql=sql: conn.execute(sql).fetchall())
        print(f"  {name:<30} {ms:7.1f} ms  {rows:>7,} rows")
    conn.close()
    name, action = trace_case(db)
    ms, rows = timed(action)
    print(f"  {name:<30} {ms:7.1f} ms  {rows:>7,} cases")
    print("referat search on it (median of 5, in process; goal < 100 ms each):")
    for query, options in SEARCHES.items():
        ms, rows = timed(search_query(db, query, options))
        label = " ".join([query, *(f"{k}={v}" for k, v in options.items())])
        print(f"  {label:<30} {ms:7.1f} ms  {rows:>7,} hits")


if __name__ == "__main__":
    main()
