"""The processes a site build works in besides its own: they render its pages and redact its
source copies, while the build reads the archive and works out what each page shows.

Rendering is most of a build's CPU after redaction, and each page is a pure function of its
template and context, so a page comes out the same whichever process renders it. The pool is
forked from the build, all its processes at once, before the build starts the thread that makes
the copies: a process forked while another thread holds a lock (an import's, say) would wait on
it for ever. And they never collect the build's garbage (``parents_heap_frozen``): the connection
of a build that failed before this one crashes the process that finalises it. Forked, not
spawned: a spawned process imports the caller's main module again, which a script that builds a
site should not have to guard."""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from referat.errors import ReferatError
from referat.reports.render import render

PAGES_A_TASK = 20  # pages handed over at once: a task costs about what a small page does to render
TASKS_AHEAD = 4  # tasks a process may have waiting: the contexts held at once stay few


class PoolError(ReferatError):
    """A process of the site build stopped (out of memory, a crash in a library)."""


def _die_with_parent() -> None:
    from referat.workers import die_with_parent

    die_with_parent(os.getppid())


def start_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes, forked now; the reader that redaction uses is imported first, once for all."""
    import multiprocessing

    import referat.ingest  # noqa: F401
    import referat.reports.redaction  # noqa: F401
    from referat.workers import parents_heap_frozen

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent)
    with parents_heap_frozen():
        pool.submit(int).result()  # with "fork", the first task starts every process
    return pool


def stopped(doing: str) -> PoolError:
    """The error for a pool one of whose processes died: the pool cannot tell which task it was
    doing, so the message says what the pool had in hand."""
    return PoolError(f"the site could not be built: one of its processes stopped (out of memory, or a library "
                     f"crashed) while {doing}")


def _render_all(pages: list[tuple[str, Path, dict[str, Any]]]) -> None:
    for template, path, context in pages:
        render(template, path, **context)


class Pages:
    """``render`` for many pages: handed to ``pool`` PAGES_A_TASK at a time, or rendered here
    without one. ``close`` waits for every page and raises what a process raised."""

    def __init__(self, pool: ProcessPoolExecutor | None, workers: int = 1) -> None:
        self.pool, self.ahead = pool, TASKS_AHEAD * workers
        self.waiting: list[tuple[str, Path, dict[str, Any]]] = []
        self.sent: deque[Future[None]] = deque()

    def render(self, template: str, path: Path, **context: Any) -> None:
        if self.pool is None:
            render(template, path, **context)
            return
        self.waiting.append((template, path, context))
        if len(self.waiting) >= PAGES_A_TASK:
            self._send()

    def _send(self) -> None:
        assert self.pool is not None
        try:
            while len(self.sent) >= self.ahead:
                self.sent.popleft().result()
            self.sent.append(self.pool.submit(_render_all, self.waiting))
        except BrokenProcessPool:
            raise stopped("it rendered pages") from None
        self.waiting = []

    def close(self) -> None:
        if self.waiting:
            self._send()
        try:
            while self.sent:
                self.sent.popleft().result()
        except BrokenProcessPool:
            raise stopped("it rendered pages") from None

