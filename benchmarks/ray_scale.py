"""Ray at scale: one generated corpus ingested into two archives, one by the local process pool
(``--workers``) and one by ``--engine ray``, in top-ups of ``--slice`` documents, then whether the
two archives hold the same rows (ids included) and export the same JSON.

    python benchmarks/ray_scale.py [--docs 2000] [--slice 1000] [--workers 2] [--keep DIR]
    python benchmarks/ray_scale.py --docs 100000 --slice 10000 --keep DIR --against DIR/full.duckdb

``--against`` compares Ray's archive with one the local pool already made of the same corpus in the
same slices (``scale.py --slices-only --keep DIR`` with the same ``--docs``, ``--slice`` and seed),
instead of ingesting the corpus a second time: at 100k that halves an hour and a half.

For each slice and engine it prints the wall time, the CPU per document (the driver, which is also
the loader, and everything it started: the local pool's workers, or Ray's processes and workers),
docs/s and peak resident memory of the driver and of the rest of its process tree. This script
makes itself the subreaper of the runs, so a Ray process that outlives the raylet is reaped and
measured here, not lost to init (see run_tree for how the CPU is counted). Last, an estimate for 100,000
documents from the slices' trend. It prints figures and asserts nothing; it exits 1 if the two
archives or their exports differ."""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.corpus import slice_folders, write_corpus  # noqa: E402
from benchmarks.measure import _cpu_seconds  # noqa: E402
from benchmarks.same_archive import digests  # noqa: E402

PR_SET_CHILD_SUBREAPER = 36
MB = 1 << 20


@dataclass
class Tree:
    """What one command cost, with every process it started."""

    seconds: float
    driver_cpu: float
    rest_cpu: float  # every other process of the tree, reaped by its parent or by us
    driver_mb: float  # the largest resident memory of the command itself
    rest_mb: float  # the largest sum over the rest of the tree at one moment
    returncode: int
    stderr: str
    leftover: int  # processes still alive when we stopped waiting for them


def run_tree(command: list[str], interval: float = 0.1, linger: float = 30.0) -> Tree:
    """Run ``command`` and measure it with all its descendants, orphans included: wall, CPU and peak
    memory. Waits up to ``linger`` seconds for orphans to exit.

    The rest's CPU is the larger of two counts that can each only fall short: this process's
    reaped-children account (exact for the local pool, but Ray's raylet lets its workers go
    unaccounted when they exit: their CPU never reaches a parent that waits), and the sum of every
    descendant's own CPU as last seen in /proc every ``interval`` seconds (short of what a process
    spends after its last sample)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = os.getpid()
    driver = rest = 0.0
    seen: dict[int, float] = {}  # CPU seconds of every descendant but the driver, as last sampled
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal driver, rest
        while not done.is_set():
            processes = _processes()
            tree = _descendants(me, processes)  # the command's tree and any orphan reparented to us
            own = processes[process.pid][2] if process.pid in processes else 0.0
            driver, rest = max(driver, own), max(rest, sum(processes[p][2] for p in tree) - own)
            for pid in tree - {process.pid}:
                seen[pid] = processes[pid][1]
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr: list[str] = []
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read() if process.stderr else ""))
    reader.start()
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    own_cpu, _ = _cpu_seconds(process.pid)
    process.wait()
    seconds = time.perf_counter() - started
    leftover = _reap_orphans(linger)
    reader.join()
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime - own_cpu
    return Tree(seconds, own_cpu, max(reaped, sum(seen.values())), driver / MB, rest / MB, process.returncode,
                "".join(stderr), leftover)


def _processes() -> dict[int, tuple[int, float, float]]:
    """Every process's parent, CPU seconds (its own) and resident bytes, from /proc."""
    tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    out: dict[int, tuple[int, float, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick, int(fields[21]) * page)
    return out


def _descendants(root: int, processes: dict[int, tuple[int, float, float]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        found.add(pid)
        stack += children.get(pid, [])
    return found


def _reap_orphans(linger: float) -> int:
    """Reap the processes the command left to us (Ray's workers outlive their raylet by a moment);
    the number still alive after ``linger`` seconds."""
    deadline = time.monotonic() + linger
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return 0
        if pid:
            continue
        if time.monotonic() > deadline:
            return len(_descendants(os.getpid(), _processes()))
        time.sleep(0.1)


def ingest_slice(folder: Path, db: Path, engine: str, workers: int) -> Tree:
    command = [sys.executable, "-m", "referat.cli", "ingest", str(folder), "--db", str(db), "--workers", str(workers),
               "--quiet"]
    if engine == "ray":
        command += ["--engine", "ray"]
    result = run_tree(command)
    for _ in range(2):  # Ray gives its processes 30 s to come up, too few on a machine at load 30
        if result.returncode != 5 or "Ray did not start" not in result.stderr:
            break
        print(f"  (Ray did not start at load {os.getloadavg()[0]:.0f}; trying again)", flush=True)
        result = run_tree(command)
    if result.returncode != 0:
        raise SystemExit(f"referat ingest --engine {engine} failed:\n{result.stderr[-3000:]}")
    return result


def export(db: Path, out: Path) -> tuple[int, str, float]:
    """The size and sha256 of ``referat export`` of ``db`` (read in blocks: at 100k it is hundreds of
    megabytes), and the seconds the export took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "referat.cli", "export", "--db", str(db), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    digest = hashlib.sha256()
    with out.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    seconds = time.perf_counter() - started
    return out.stat().st_size, digest.hexdigest(), seconds


def print_estimate(rows: dict[str, list[tuple[int, Tree]]], target: int = 100_000, run: int = 10_000,
                   cores: int = 2) -> None:
    """The 100k run's CPU by the slices: Ray runs the local pool's functions, so it costs the local
    pool's CPU per document plus a cost per run (starting Ray, its idle processes), the difference
    of the two engines on the same slice. CPU, not wall: a busy machine does not change it."""
    local, ray = rows["local"], rows["ray"]
    per_doc = sum(r.driver_cpu + r.rest_cpu for _, r in local) / sum(n for n, _ in local)
    extra = [(b.driver_cpu + b.rest_cpu) - (a.driver_cpu + a.rest_cpu)
             for (_, a), (_, b) in zip(local, ray, strict=True)]
    per_run = sum(extra) / len(extra)
    cpu = per_doc * target + per_run * -(-target // run)
    print(f"  Ray's CPU beyond the local pool's, a run: {', '.join(f'{e:.1f}' for e in extra)} s; the local pool "
          f"{per_doc * 1000:.1f} ms/doc")
    print(f"  at {target:,} documents in runs of {run:,}: about {cpu / 60:,.0f} CPU min on Ray "
          f"({per_run * -(-target // run) / cpu * 100:.0f}% of it Ray's own), at least {cpu / cores / 60:,.0f} min on "
          f"{cores} idle cores; driver's peak {ray[0][1].driver_mb:,.0f} -> {ray[-1][1].driver_mb:,.0f} MB "
          f"(the local pool's loader {local[0][1].driver_mb:,.0f} -> {local[-1][1].driver_mb:,.0f}), Ray's "
          f"processes {max(r.rest_mb for _, r in ray):,.0f} MB at most")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--slice", type=int, default=1000, help="documents per top-up")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2, help="processes writing the corpus")
    parser.add_argument("--keep", type=Path, help="keep the corpus and archives here")
    parser.add_argument("--against", type=Path,
                        help="the local pool's archive of this corpus in these slices (scale.py --keep): only Ray "
                             "ingests, and its archive is compared with this one")
    args = parser.parse_args()
    if args.against and not (args.keep and args.against.exists()):
        raise SystemExit("--against needs an existing archive and --keep: the folder of its corpus")

    if ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit("cannot become a subreaper: Ray's orphaned workers' CPU would not be counted")
    work = args.keep or Path(tempfile.mkdtemp(prefix="referat-ray-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        files = write_corpus(work / "corpus", args.docs, seed=args.seed, jobs=args.jobs)
        pdfs = sum(p.suffix == ".pdf" for p in files)
        print(f"corpus: {len(files)} documents ({pdfs} PDF, {len(files) - pdfs} text), "
              f"generated in {time.perf_counter() - started:.0f} s")
        dbs = {engine: work / f"{engine}.duckdb" for engine in ("local", "ray")}
        if args.against:
            dbs["local"] = args.against
        engines = ["ray"] if args.against else list(dbs)
        for engine in engines:
            dbs[engine].unlink(missing_ok=True)
        print(f"ingest in slices of {args.slice:,} (top-ups of one archive per engine), --workers {args.workers}; "
              f"load average {os.getloadavg()[0]:.1f} at the start:")
        print("  slice            engine   docs   wall s  docs/s   CPU ms/doc (driver + rest)   peak MB driver    "
              "rest  load")
        rows: dict[str, list[tuple[int, Tree]]] = {"local": [], "ray": []}
        start = 0
        for folder in slice_folders(work, files, args.slice):
            n = int(folder.name.split("+")[1])
            for engine in engines:
                r = ingest_slice(folder, dbs[engine], engine, args.workers)
                rows[engine].append((n, r))
                cpu = (r.driver_cpu + r.rest_cpu) / n * 1000
                left = f"  ({r.leftover} processes left)" if r.leftover else ""
                print(f"  {start:>7,}-{start + n:<7,} {engine:<6} {n:>6,} {r.seconds:8.1f} {n / r.seconds:7.1f}   "
                      f"{cpu:6.1f} ({r.driver_cpu / n * 1000:5.1f} + {r.rest_cpu / n * 1000:5.1f})          "
                      f"{r.driver_mb:8.0f} {r.rest_mb:7.0f}  {os.getloadavg()[0]:4.1f}{left}", flush=True)
            start += n
        for engine, done in rows.items():
            if not done:
                continue
            n = sum(k for k, _ in done)
            cpu = sum(r.driver_cpu + r.rest_cpu for _, r in done)
            wall = sum(r.seconds for _, r in done)
            driver_cpu = sum(r.driver_cpu for _, r in done)
            print(f"  all {n:,} docs, {engine:<5}: {wall:7.1f} s wall, {n / wall:5.1f} docs/s, CPU "
                  f"{cpu / n * 1000:.1f} ms/doc ({driver_cpu / n * 1000:.1f} in the driver); peak: driver "
                  f"{max(r.driver_mb for _, r in done):.0f} MB, rest {max(r.rest_mb for _, r in done):.0f} MB")
        if not args.against:
            print_estimate(rows)
        left, right = digests(dbs["local"]), digests(dbs["ray"])
        differ = [t for t in sorted(left.keys() | right.keys()) if left.get(t) != right.get(t)]
        rows_held = sum(count for count, _ in left.values())
        print(f"same archive (every table, row by row, ids included; benchmarks/same_archive.py): "
              f"{len(left) - len(differ)} of {len(left.keys() | right.keys())} tables the same, {rows_held:,} rows"
              + (f"; DIFFER: {', '.join(differ)}" if differ else ""))
        local_json, ray_json = export(dbs["local"], work / "local.json"), export(dbs["ray"], work / "ray.json")
        same_json = local_json[:2] == ray_json[:2]
        print(f"export JSON: {local_json[0] / 1e6:.1f} MB, {'byte-identical' if same_json else 'DIFFERS'} "
              f"(referat export: {local_json[2]:.1f} s of the local archive, {ray_json[2]:.1f} s of Ray's)")
        sys.exit(0 if same_json and not differ else 1)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
