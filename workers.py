"""Worker processes that one bad file cannot take down: each file is read in a child process with
a memory limit, and the parent stops it when it runs out of time.

A worker that dies (killed, out of memory, a crash in the PDF library) costs only its file: the
file is tried once more in a fresh worker, then recorded as failed with the reason, and the run
goes on. Workers die with the parent, so a killed run leaves no process holding the archive open.

Results come back in the order of the files, as the loader wants them. Each worker is given its
next file before it has finished the one it reads (``QUEUED``), so that it reads on while the parent
loads what it sent: with one worker the two would otherwise take turns on two cores.

A run of one small text file may read it in this process instead (``here``): starting a worker
costs such a run a tenth of its time, and reading text neither crashes a library nor comes near a
memory limit the caller lets it run under; the time limit holds here too."""

from __future__ import annotations

import contextlib
import gc
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # multiprocessing is imported only by a run that reads files: the CLI's start-up is shorter
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

MB = 1 << 20
DEFAULT_SECONDS = 600.0  # a long text PDF reads at 20 pages a second, a scan at a page a second or two
DEFAULT_MEMORY_MB = 2048  # a 300-page scan or a large PDF stays under 1 GB; a decompression bomb does not


@dataclass(frozen=True)
class Limits:
    """What one file may cost: seconds of wall time (for a scan, from one page read to the next),
    and megabytes of memory beyond what a worker already holds (the interpreter and the extractors); None
    for no limit."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB


Work = Callable[[Path, Callable[[int, int], None]], Any]
Failure = Callable[[Path, str], Any]
Progress = Callable[[str, int, int], None]


@contextlib.contextmanager
def parents_heap_frozen() -> Iterator[None]:
    """Fork processes inside this: a child must never collect the parent's garbage. An unreachable
    DuckDB connection or PDF handle would be finalised there, with threads and locks that exist
    only in the parent, and DuckDB's crashes the child (a failed build leaves its connection in a
    cycle with the error's traceback until the parent's next collection)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # in the parent only: a forked child never returns here


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the parent dies; elsewhere a thread watches the parent."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the request was made
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _address_space() -> int:
    """Bytes of address space this process holds now."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _limit_memory(memory_mb: int | None) -> None:
    """Cap the address space at what the worker holds now plus ``memory_mb``: an allocation beyond
    it fails (MemoryError in Python) instead of the machine swapping or the OOM killer choosing."""
    if memory_mb is None or not hasattr(resource, "RLIMIT_AS"):
        return
    held = _address_space()
    if not held:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = held + memory_mb * MB
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, work: Work, failure: Failure, limits: Limits, parent: int) -> None:
    """A worker: read (index, path) from the parent, send back results until told to stop."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(limits.memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task

        def progress(done: int, total: int, index: int = index) -> None:
            conn.send(("page", index, done, total))

        try:
            result = work(path, progress)
        except MemoryError:
            result = failure(path, f"reading it needs more than {limits.memory_mb} MB of memory "
                                   "(--max-file-memory)")
            # The last result: the files queued behind this one were not begun, which the parent
            # must know to give them to a fresh worker without counting a try.
            conn.send(("done", index, result, True))
            return  # a fresh worker takes the next file, not one whose heap is in pieces
        except Exception as exc:  # a bug met on one file must not cost the others
            result = failure(path, _failed(exc))
        conn.send(("done", index, result, False))


# Files a worker holds at once: the one it reads and the next, which it begins as soon as it has
# sent the first's result, without waiting for the parent to come back from loading it.
QUEUED = 2


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks: deque[tuple[int, Path]] = field(default_factory=deque)  # the first is being read, the rest wait
    started: float = 0.0  # when the first of ``tasks`` began (as far as the parent knows)
    leaving: bool = False  # it said its last result: it read nothing after it

    @property
    def task(self) -> tuple[int, Path] | None:
        """The file being read."""
        return self.tasks[0] if self.tasks else None

    def give(self, index: int, path: Path) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((index, path))
        self.conn.send((index, path))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def run_files(files: list[Path], work: Work, failure: Failure, *, workers: int = 1, limits: Limits = Limits(),
              on_page: Progress | None = None, here: bool = False) -> Iterator[Any]:
    """``work(path, progress)`` for every file in worker processes; results in file order.

    A file whose worker dies is tried once more in a fresh worker, then ``failure(path, reason)``
    stands for it; so does a file that takes longer than ``limits.seconds``. With ``here``, a single
    file is read in this process (from the main thread, where the time limit can be kept)."""
    import threading

    # A timer the caller has set is its own: the time limit would need the same one.
    if here and len(files) == 1 and threading.current_thread() is threading.main_thread() \
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0):
        yield _run_here(files[0], work, failure, limits, on_page)
        return
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")  # workers share the parent's loaded extractors
    parent = os.getpid()

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, work, failure, limits, parent), daemon=True)
        with parents_heap_frozen():
            process.start()
        theirs.close()
        return _Worker(process, ours)

    pending = deque(enumerate(files))
    retried: set[int] = set()
    done: dict[int, Any] = {}
    ahead = max(64, 16 * workers)  # results held for the loader while it waits for an earlier, slow file
    pool = [start() for _ in range(max(1, min(workers, len(files))))]
    following = 0
    try:
        while following < len(files):
            # each worker one file before any is given a second: two files on two workers are read at once
            for depth in range(1, QUEUED + 1):
                for worker in pool:
                    if (len(worker.tasks) < depth and not worker.leaving and pending
                            and pending[0][0] < following + ahead):
                        worker.give(*pending.popleft())
            busy = [w for w in pool if w.task is not None]
            timeout = None
            if limits.seconds is not None and busy:
                timeout = max(0.0, min(w.started for w in busy) + limits.seconds - time.monotonic())
            wait([w.conn for w in busy] + [w.process.sentinel for w in pool], timeout)
            for k, worker in enumerate(pool):
                outcome = _collect(worker, done, on_page)
                if outcome == "alive" and worker.task is not None and limits.seconds is not None \
                        and time.monotonic() - worker.started > limits.seconds:
                    index, path = worker.task
                    done[index] = failure(path, _too_long(limits))
                    outcome = "stopped"
                if outcome == "alive":
                    continue
                worker.stop()  # reaped, so that its exit code says how it died
                if outcome == "stopped":
                    worker.tasks.popleft()
                # Files queued behind the one being read were not begun: back in line, no try counted.
                unread = list(worker.tasks)[1:] if outcome == "died" and not worker.leaving else list(worker.tasks)
                if unread:
                    pending = deque(sorted([*unread, *pending]))
                if outcome == "died" and not worker.leaving and worker.task is not None:
                    index, path = worker.task
                    if index in retried:
                        done[index] = failure(path, f"the worker reading it died twice "
                                                    f"({_signal_name(worker.process.exitcode)}); it may need more "
                                                    f"memory than --max-file-memory allows, or crash a library")
                    else:
                        retried.add(index)
                        pending.appendleft((index, path))
                worker.tasks.clear()
                pool[k] = start() if pending else worker
            while following in done:
                yield done.pop(following)
                following += 1
            pool = [w for w in pool if w.conn.closed is False]
            if not pool and following < len(files):
                pool = [start()]
    finally:
        for worker in pool:
            _finish(worker)


class _OutOfTime(BaseException):
    """Raised by the timer into the work it stops; not an Exception, which the work might catch."""


def _run_here(path: Path, work: Work, failure: Failure, limits: Limits, on_page: Progress | None) -> Any:
    """``work(path, progress)`` in this process, stopped as a worker would be after ``limits.seconds``
    (from the last page read); failures in the worker's words."""
    seconds = limits.seconds

    def out_of_time(_signum: int, _frame: object) -> None:
        raise _OutOfTime

    def progress(done: int, total: int) -> None:
        if seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        if on_page is not None:
            on_page(str(path), done, total)

    before = signal.signal(signal.SIGALRM, out_of_time) if seconds is not None else None
    try:
        if seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return work(path, progress)
        finally:
            if seconds is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _OutOfTime:
        return failure(path, _too_long(limits))
    except Exception as exc:
        return failure(path, _failed(exc))
    finally:
        if seconds is not None:
            signal.signal(signal.SIGALRM, before)


def _too_long(limits: Limits) -> str:
    return f"reading it took longer than {limits.seconds:g} s (--max-file-seconds); stopped"


def _failed(exc: Exception) -> str:
    return f"referat failed on this file ({type(exc).__name__}: {exc}); please report it"


def _collect(worker: _Worker, done: dict[int, Any], on_page: Progress | None) -> str:
    """Take what a worker has sent; say whether it is still 'alive' or has 'died'."""
    try:
        while worker.conn.poll():
            message = worker.conn.recv()
            if message[0] == "page":
                # A scanned page read is progress: a 500-page scan may take longer than any one
                # file should, but no page of it should.
                worker.started = time.monotonic()
                if on_page is not None and worker.task is not None:
                    on_page(str(worker.task[1]), message[2], message[3])
                continue
            done[message[1]] = message[2]
            worker.tasks.popleft()
            worker.started = time.monotonic()  # the worker began its next file when it sent this one
            worker.leaving = message[3]
    except (EOFError, OSError):
        return "died"
    return "alive" if worker.process.is_alive() else "died"


def _finish(worker: _Worker) -> None:
    if worker.conn.closed:
        return
    if worker.task is None and worker.process.is_alive():
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(timeout=5)
    worker.stop()
