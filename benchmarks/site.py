"""The site at scale: `referat site` on a large archive, then a second build into another folder
(are the two byte-identical?), then ten new documents and a rebuild into the first folder (how long,
and how many files it wrote).

    python benchmarks/site.py [--docs 5000 | --chained 1000] [--db ARCHIVE] [--keep DIR] [--workers 2]

--docs generates the synthetic corpus of benchmarks/corpus.py (half PDF); --chained generates text
minutes whose cases follow up the cases of the meetings before, so the archive's cases link into
long chains. --db builds from an archive you have (the rebuild then adds ten synthetic minutes to
it: use a copy). --workers is the ingest's and the site's (the processes that redact source
copies). Time is wall and CPU (user + system) of the build process and its workers; peak memory
is its resident set and their private memory, sampled (benchmarks/measure.py). It prints figures
and asserts nothing."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.corpus import write_chained_corpus, write_corpus  # noqa: E402
from benchmarks.measure import run  # noqa: E402


@dataclass
class Build:
    seconds: float  # wall
    cpu: float  # user + system seconds of the build process
    peak_mb: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(db: Path, out: Path, workers: int) -> Build:
    before = _children_cpu()
    result = run([sys.executable, "-m", "referat.cli", "site", "--db", str(db), "--out", str(out), "--workers",
                  str(workers)])
    if result.returncode != 0:
        raise SystemExit(f"referat site failed:\n{result.stderr[-2000:]}")
    return Build(result.seconds, _children_cpu() - before, result.peak_mb)


def ingest(paths: list[Path], db: Path, workers: int = 2) -> None:
    result = run([sys.executable, "-m", "referat.cli", "ingest", *map(str, paths), "--db", str(db),
                  "--workers", str(workers)])
    if result.returncode != 0:
        raise SystemExit(f"referat ingest failed:\n{result.stderr[-2000:]}")


def files(out: Path) -> dict[str, Path]:
    return {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*")) if p.is_file()}


def identical(a: Path, b: Path) -> bool:
    first, second = files(a), files(b)
    return first.keys() == second.keys() and all(first[n].read_bytes() == second[n].read_bytes() for n in first)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def search_shards(out: Path) -> str:
    """What the search's hits show, in files the page loads for the hits shown (none before 2026-11-30)."""
    shards = [p.stat().st_size for p in (out / "search").glob("*.js")]
    return f" + search/ {sum(shards) / 1e6:.1f} MB in {len(shards):,} files" if shards else ""
# What every build pays before its first page: the interpreter, the site's imports and the open archive.
FLOOR = """import sys
from referat.reports import attendance, site, sitesearch
from referat.store import connect
from referat.store.sitequeries import SiteQueries
SiteQueries(connect(sys.argv[1], read_only=True)).exempt_cases()"""


def floor(db: Path) -> Build:
    before = _children_cpu()
    result = run([sys.executable, "-c", FLOOR, str(db)])
    if result.returncode != 0:
        raise SystemExit(f"the floor's imports failed:\n{result.stderr[-2000:]}")
    return Build(result.seconds, _children_cpu() - before, result.peak_mb)


def print_site(db: Path, work: Path, new: list[Path], workers: int = 2) -> None:
    """Build the site of ``db`` twice, add the documents ``new`` to it, and build again."""
    out, again = work / "site", work / "site-again"
    for folder in (out, again):
        shutil.rmtree(folder, ignore_errors=True)
    print(f"referat site --workers {workers} ({load()}):")
    first = build(db, out, workers)
    pages = [p for n, p in files(out).items() if n.endswith(".html")]
    cases = [p for p in pages if p.parent.name == "cases"]
    size = sum(p.stat().st_size for p in files(out).values())
    print(f"  build:   {first.seconds:7.1f} s wall  {first.cpu:6.1f} s CPU  peak {first.peak_mb:6.0f} MB   "
          "(goal at 5k docs: < 30 s, < 100 MB; 1,000 chained minutes: < 10 s, < 30 MB)")
    print(f"  pages:   {len(pages):,} HTML ({len(cases):,} case pages, largest "
          f"{max((p.stat().st_size for p in cases), default=0) / 1e3:.0f} kB), {len(files(out)):,} files, "
          f"{size / 1e6:.1f} MB in all; search-index.js {(out / 'search-index.js').stat().st_size / 1e6:.1f} MB"
          f"{search_shards(out)}")
    base = floor(db)
    print(f"  floor:   {base.cpu:6.1f} s CPU  peak {base.peak_mb:6.0f} MB   (the interpreter, the site's imports and "
          "the open archive, no page)")
    second = build(db, again, workers)
    print(f"  again into another folder: {second.seconds:5.1f} s wall  {second.cpu:6.1f} s CPU; byte-identical: "
          f"{'yes' if identical(out, again) else 'NO'}")
    stamps = {n: p.stat().st_mtime_ns for n, p in files(out).items()}
    ingest(new, db, workers)
    rebuilt = build(db, out, workers)
    now = files(out)
    written = sum(stamps.get(n) != p.stat().st_mtime_ns for n, p in now.items())
    print(f"  rebuild after {len(new)} new documents: {rebuilt.seconds:5.1f} s wall  {rebuilt.cpu:6.1f} s CPU  "
          f"peak {rebuilt.peak_mb:4.0f} MB; wrote {written:,} of {len(now):,} files, removed "
          f"{len(stamps.keys() - now.keys())} ({load()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--docs", type=int, help="synthetic minutes, half PDF (default 5000)")
    kind.add_argument("--chained", type=int, help="text minutes whose cases follow each other up")
    parser.add_argument("--db", type=Path, help="build from this archive instead (ten minutes are added to it)")
    parser.add_argument("--workers", type=int, default=2, help="for the ingest and the site (default 2)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the corpus, archive and sites here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="referat-site-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.chained:
            written = write_chained_corpus(work / "corpus", args.chained + 10, seed=args.seed)
            # the ten newest minutes come last: they follow up the archive's latest cases
            (work / "new").mkdir(exist_ok=True)
            new = [p.rename(work / "new" / p.name) for p in written[args.chained:]]
        else:
            if not args.db:
                write_corpus(work / "corpus", args.docs or 5000, seed=args.seed)
            new = write_corpus(work / "new", 10, seed=args.seed + 1)
        db = args.db or work / "archive.duckdb"
        if not args.db:
            db.unlink(missing_ok=True)
            ingest([work / "corpus"], db, args.workers)
        print(f"archive: {db}")
        print_site(db, work, new, args.workers)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
