"""Where the loader's peak memory happens: run `referat ingest` in this process while a thread
samples the resident memory and the main thread's Python stack, and print the stacks at the
highest samples.

    python benchmarks/peak_stack.py --db ARCHIVE [--every 0.02] [--top 5] -- PATH... [ingest options]

A peak that a profile of allocations would miss (DuckDB allocates outside Python) still shows here
as the Python call that was waiting on it: a COMMIT, a checkpoint, a query. It prints figures and
asserts nothing."""

from __future__ import annotations

import argparse
import sys
import threading
import time
import traceback


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--every", type=float, default=0.02, help="seconds between samples")
    parser.add_argument("--top", type=int, default=5, help="how many distinct stacks to print")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="-- then the paths and options of referat ingest")
    args = parser.parse_args()
    rest = args.rest[1:] if args.rest[:1] == ["--"] else args.rest

    from referat.cli import main as cli

    main_thread = threading.main_thread().ident
    samples: list[tuple[float, float, tuple[str, ...]]] = []
    done = threading.Event()
    started = time.perf_counter()

    def sample() -> None:
        while not done.wait(args.every):
            frame = sys._current_frames().get(main_thread)  # noqa: SLF001 - the only way to see another thread's stack
            stack = tuple(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}"
                          for f in traceback.extract_stack(frame)[-8:]) if frame else ()
            samples.append((time.perf_counter() - started, _rss_mb(), stack))

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    try:
        cli(["ingest", *rest, "--db", args.db], standalone_mode=False)
    finally:
        done.set()
        watcher.join()
    print(f"{len(samples)} samples over {time.perf_counter() - started:.1f} s; "
          f"resident memory {min(s[1] for s in samples):.0f}–{max(s[1] for s in samples):.0f} MB")
    print("where it grew by 20 MB or more since the last line:")
    last = 0.0
    for at, mb, stack in samples:
        if mb - last >= 20:
            print(f"  {at:6.1f} s  {mb:5.0f} MB  {' < '.join(reversed(stack[-3:]))}")
            last = mb
        last = min(last, mb)
    seen: set[tuple[str, ...]] = set()
    for at, mb, stack in sorted(samples, key=lambda s: -s[1]):
        if stack in seen:
            continue
        seen.add(stack)
        print(f"\n{mb:7.0f} MB at {at:6.1f} s:")
        for line in stack:
            print(f"    {line}")
        if len(seen) >= args.top:
            break


if __name__ == "__main__":
    main()
