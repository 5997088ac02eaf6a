"""What an archivist's smallest runs cost: one small text file into a new archive (copied from the
template an earlier run left in the cache, and made from the DDL where no cache can be kept), the
same file again (unchanged), and `referat --help`. Wall time, CPU time (user + system) and peak resident
memory of the one process, the median of --runs runs each, with the load average beside them.

    python benchmarks/startup.py [--runs 5] [--file PATH]
    python benchmarks/startup.py --phases     # where the CPU of one new file goes, best of --runs

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


# Run in a fresh interpreter: each stage's CPU is timed by wrapping the function that does it.
# A stage whose function has moved is left out of the figures, not an error.
PHASES = r"""
import importlib, os, sys, time
started = time.process_time()
spent = {}

def timed(module, name, label):
    try:
        owner = importlib.import_module(module)
        function = getattr(owner, name)
    except (ImportError, AttributeError):
        return
    def wrapper(*args, **kwargs):
        begun = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - begun
    setattr(owner, name, wrapper)

regexes = [0.0]

def imported(label, *modules):
    import re
    compiling = [0.0]
    compile = re._compile
    def timed_compile(*args):
        begun = time.process_time()
        try:
            return compile(*args)
        finally:
            compiling[0] += time.process_time() - begun
    re._compile = timed_compile
    begun = time.process_time()
    for module in modules:
        importlib.import_module(module)
    spent[label] = time.process_time() - begun
    regexes[0] += compiling[0]
    re._compile = compile

imported("import click and cli.py", "referat.cli")
imported("import duckdb and the store", "referat.store", "referat.store.ingest")
imported("import readers, extractors, models, matcher", "referat.pipeline", "referat.ingest.text", "referat.store.load")
spent["  of the imports, compiling regexes"] = regexes[0]
timed("referat.store", "connect", "open the archive (new: from the template)")
timed("referat.pipeline", "process_file", "read and extract the file")
timed("referat.store.load", "load", "records of the document (to Rows)")
timed("referat.store.ingest", "load_registry", "the registry")
timed("referat.store.ingest", "_tidy", "tidy: orphans, index, memberships")
from referat.store.rows import Rows
flush = Rows.flush
def timed_flush(self, conn):
    begun = time.process_time()
    try:
        return flush(self, conn)
    finally:
        spent["write the rows (flush)"] = spent.get("write the rows (flush)", 0.0) + time.process_time() - begun
Rows.flush = timed_flush
from referat.cli import main
sys.argv = ["referat", *sys.argv[1:]]
begun = time.process_time()
try:
    main()
except SystemExit:
    pass
inside = sum(value for name, value in spent.items() if not name.startswith(("import", " ")))
spent["commits, close and the rest"] = time.process_time() - begun - inside
spent["ingest command, all"] = time.process_time() - begun
spent["interpreter start (before this script)"] = started
print(repr(spent))
"""


def print_phases(runs: int, small: Path = SMALL) -> None:
    """Where the CPU of one small file into a new archive goes, stage by stage (the least of ``runs``)."""
    import ast

    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    work = Path(tempfile.mkdtemp(prefix="referat-startup-"))
    env["XDG_CACHE_HOME"] = str(work / "cache")
    try:
        one = work / small.name
        shutil.copy(small, one)
        db = work / "a.duckdb"
        best: dict[str, float] = {}
        for k in range(runs + 1):  # the first writes the byte code and the template
            for path in (db, work / "a.duckdb.wal"):
                path.unlink(missing_ok=True)
            done = subprocess.run([sys.executable, "-c", PHASES, "ingest", str(one), "--db", str(db)], env=env,
                                  capture_output=True, text=True, check=True)
            if k:
                figures = ast.literal_eval(done.stdout.strip().splitlines()[-1])
                best = {name: min(value, best.get(name, value)) for name, value in figures.items()}
        print(f"one small file into a new archive, CPU by stage (least of {runs}; load {os.getloadavg()[0]:.1f}):")
        for name, value in best.items():
            print(f"  {name:<45} {value * 1000:6.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=SMALL, help="the small text file to ingest")
    parser.add_argument("--phases", action="store_true", help="the CPU of one new file, stage by stage")
    args = parser.parse_args()
    if args.phases:
        print_phases(args.runs, args.file)
        return
    print_startup(args.runs, args.file)


if __name__ == "__main__":
    main()
