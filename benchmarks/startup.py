"""What an archivist's smallest runs cost: one small text file into a new archive (copied from the
template an earlier run left in the cache, and made from the DDL where no cache can be kept), the
same file again (unchanged), and `referat --help`. Wall time, CPU time (user + system) and peak resident
memory of the one process, the median of --runs runs each, with the load average beside them.

    python benchmarks/startup.py [--runs 5] [--file PATH]

Goals (issue #18): a new file under 0.5 s of wall time, an unchanged one under 0.3 s. On a shared
machine wall time follows the load; CPU time is the steadier figure."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "data" / "samples" / "000_b0133e4c38a4f008.txt"  # 11 kB, one meeting


def once(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MB of one `referat ARGS` process."""
    command = [sys.executable, "-c", "import sys\nfrom referat.cli import main\nsys.argv[0] = 'referat'\nmain()",
               *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"referat {' '.join(args)} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(name: str, args: list[str], env: dict[str, str], runs: int, before: list[Path] | None = None) -> None:
    figures = []
    for _ in range(runs):
        for path in before or []:
            path.unlink(missing_ok=True)
        figures.append(once(args, env))
    wall, cpu, rss = (statistics.median(f[i] for f in figures) for i in range(3))
    best = min(f[1] for f in figures)
    print(f"  {name:<38} wall {wall:5.2f} s   cpu {cpu:5.2f} s (best {best:4.2f})   peak {rss:4.0f} MB   "
          f"load {os.getloadavg()[0]:.1f}")


def print_startup(runs: int, small: Path = SMALL) -> None:
    """The three figures, each the median of `runs`."""
    # Byte code as an installed package has it: compiled once, not on every run
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    work = Path(tempfile.mkdtemp(prefix="referat-startup-"))
    env["XDG_CACHE_HOME"] = str(work / "cache")  # the empty archive's template (store/template.py): our own
    uncached = env | {"XDG_CACHE_HOME": str(work / "a-file")}  # a cache that cannot be made
    (work / "a-file").write_text("not a folder")
    try:
        one = work / small.name
        shutil.copy(small, one)
        db = work / "a.duckdb"
        once(["ingest", str(one), "--db", str(db)], env)  # writes the byte code, warms the disk cache
        print(f"start-up, median of {runs} ({small.stat().st_size // 1000} kB text file):")
        measure("one small file into a new archive", ["ingest", str(one), "--db", str(db)], env, runs,
                before=[db, work / "a.duckdb.wal"])
        measure("the same, without a template cache", ["ingest", str(one), "--db", str(db)], uncached, runs,
                before=[db, work / "a.duckdb.wal"])
        measure("the same file again, unchanged", ["ingest", str(one), "--db", str(db)], env, runs)
        measure("referat --help", ["--help"], env, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=SMALL, help="the small text file to ingest")
    args = parser.parse_args()
    print_startup(args.runs, args.file)


if __name__ == "__main__":
    main()
