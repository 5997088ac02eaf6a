"""The site's search index alone: `write_search` on an archive, in process, as `referat site` calls
it (the units and postings read from the archive a page at a time).

    python benchmarks/sitesearch.py --db ARCHIVE [--repeat 3] [--include-exempt] [--profile]

Prints the CPU time of the best of --repeat builds (time.process_time: the machine is shared, wall
time is noise), the files' sizes, and with --profile the functions that took the most CPU in one
more build. It asserts nothing."""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def build(db: Path, out: Path, include_exempt: bool) -> float:
    """CPU seconds of one index written into ``out`` (emptied first), the archive's reading included."""
    from referat.reports.publication import INTERNAL, PUBLIC
    from referat.reports.sitesearch import TEXT, SearchSource, write_search
    from referat.store import connect
    from referat.store.queries import paged_search_postings, paged_search_units, paged_search_words

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    start = time.process_time()
    conn = connect(db, read_only=True)
    source = SearchSource(paged_search_units(conn, include_exempt, TEXT), paged_search_postings(conn, include_exempt),
                          paged_search_words(conn, include_exempt))
    write_search(source, out, policy=INTERNAL if include_exempt else PUBLIC)
    conn.close()
    return time.process_time() - start


def print_sizes(out: Path) -> None:
    main = (out / "search-index.js").stat().st_size
    shards = sorted(p.stat().st_size for p in (out / "search").glob("*.js"))
    print(f"  search-index.js {main / 1e6:7.2f} MB (what a query loads first: terms, postings, forms, meetings)")
    print(f"  search/*.js     {sum(shards) / 1e6:7.2f} MB in {len(shards):,} files, largest "
          f"{max(shards, default=0) / 1e3:.0f} kB (what the hits show, loaded for the hits shown)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--include-exempt", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="referat-sitesearch-"))
    try:
        print(f"write_search on {args.db} ({load()}):")
        cpu = min(build(args.db, work / "site", args.include_exempt) for _ in range(args.repeat))
        print(f"  build: {cpu:6.2f} s CPU (best of {args.repeat}; {load()})")
        print_sizes(work / "site")
        if args.profile:
            profile = cProfile.Profile(time.process_time)  # CPU, not the shared machine's wall
            profile.runcall(build, args.db, work / "site", args.include_exempt)
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(12)
            print("\n".join(line for line in text.getvalue().splitlines() if line.strip())[-2000:])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
