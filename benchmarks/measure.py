"""Wall time, CPU time and peak memory of a command, its worker processes apart from it."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest sum of the process's resident memory and its children's private memory
    returncode: int
    stderr: str
    parent_mb: float = 0.0  # the command's own peak (the loader)
    children_mb: float = 0.0  # the largest sum of its descendants' private memory at one moment (the workers)
    parent_cpu: float = 0.0  # CPU seconds of the command itself
    children_cpu: float = 0.0  # CPU seconds of the descendants it waited for (the workers)

    @property
    def cpu(self) -> float:
        return self.parent_cpu + self.children_cpu


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """Resident memory of a process, and the sum of its descendants' private memory, from /proc.

    A descendant's resident memory would count again the pages it shares with the process that
    forked it: a worker forked by a loader holding 380 MB showed 415 MB resident of which 18 MB
    were its own, so the workers' figure grew with the archive the loader had read."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip() or 0)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += _private_kb(pid)
        stack += children.get(pid, [])
    return rss.get(root, 0), total


def _private_kb(pid: int) -> int:
    """The pages only ``pid`` maps, clean or dirty (its unique set size)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            return sum(int(line.split()[1]) for line in rollup if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds of an exited, not yet reaped process: its own, and its reaped children's."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


def run(command: list[str], env: dict[str, str] | None = None, interval: float = 0.05) -> Run:
    """Run ``command``, sampling the memory of its process tree every ``interval`` seconds."""
    peak = parent = workers = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, parent, workers
        while not done.is_set():
            own, theirs = _tree_rss_kb(process.pid)
            peak, parent, workers = max(peak, own + theirs), max(parent, own), max(workers, theirs)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr: list[str] = []
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read() if process.stderr else ""))
    reader.start()
    # Wait for the exit without reaping: the process's CPU times stay readable in /proc until then.
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    own_cpu, workers_cpu = _cpu_seconds(process.pid)
    process.wait()
    seconds = time.perf_counter() - started
    reader.join()
    done.set()
    sampler.join()
    return Run(seconds, peak / 1024, process.returncode, "".join(stderr), parent / 1024, workers / 1024,
               own_cpu, workers_cpu)


def least_seconds(args: list[str], repeat: int = 3) -> tuple[float, float]:
    """The least CPU seconds (user + sys) and wall seconds of `referat ARGS` over ``repeat`` runs:
    noise on a shared machine only ever adds to either."""
    cpu, wall = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "referat.cli", *args], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(cpu), min(wall)
