"""The site's copies of its sources, under sources/: each made as ``publication.publish_source``
says, or taken from the last build when it was made from the same bytes under the same policy.

Redacting a source means reading it again, and on an archive with many exempt cases it is most of
a build's CPU. So the copies are made on a thread of their own while the build writes the pages
that do not link to them (people, cases, attendance, search), and the redactions go to the
build's processes (``pool.py``). What comes out does not depend on them: each copy is a pure
function of its source and the policy, and the copies are named and listed once all are made, in
the archive's order."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from referat.reports.pool import stopped
from referat.reports.publication import Policy, Published, Source, publish_source, stored_bytes, unique_names

COPIES = ".referat-copies.json"  # how each source copy was made, so the next build can reuse it


def copy_key(source: Source, policy: Policy) -> str:
    """What a source's copy depends on: its bytes and text, its exempt cases, the policy, and
    whether the file it was read from is still there unchanged (publish_source decides by that)."""
    parts = [policy.include_exempt, source.source, source.media_type, source.sha256, source.scanned,
             sorted(source.exempt.items()), hashlib.sha256(source.raw_text.encode("utf-8")).hexdigest(),
             stored_bytes(source) is not None]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _redacts(source: Source, policy: Policy) -> bool:
    """Whether making the copy reads the source again: the work worth another process."""
    return bool(source.exempt) and not policy.include_exempt


class SourceCopies:
    """Every source's copy, made on a thread of its own (``start``) and handed over by ``result``.

    Given a ``pool`` of ``workers`` processes, the copies that redact are made there, at most two a
    process in hand, so the sources held at once stay few; the other copies are the file's bytes or
    its text, made on the thread. A copy the last build in ``site`` made from the same
    ``copy_key`` is taken from it."""

    def __init__(self, sources: Iterable[Source], policy: Policy, out: Path, site: Path,
                 pool: ProcessPoolExecutor | None = None, workers: int = 1) -> None:
        self.sources, self.policy, self.out, self.site = sources, policy, out, site
        self.pool, self.workers = pool, workers
        self.folder = out / "sources"
        self.published: dict[int, Published] = {}
        self.made: dict[int, Path] = {}  # the copy's bytes, made in this build or by the last
        self.keys: dict[int, str] = {}
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Make the copies on a thread from now on."""
        self._thread = threading.Thread(target=self._run, name="source-copies", daemon=True)
        self._thread.start()

    def result(self) -> dict[int, Published]:
        """The copies, named so that no two collide, once all are made; the list of how each was
        made is written beside them for the next build."""
        if self._thread is None:
            self._run()
        else:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._finish()

    def stop(self, finish: bool = False) -> BaseException | None:
        """Stop making copies (the build failed elsewhere): the thread ends after the copy in hand,
        or, with ``finish``, when it meets the pool the build found broken. What stopped the
        thread, if anything: then the same cause, told with the files it had in hand."""
        if not finish:
            self._stop.set()
        if self._thread is not None:
            self._thread.join()
        return self._error

    def _run(self) -> None:
        try:
            self._make_all()
        except BaseException as exc:  # handed to result(), which the build calls on its own thread
            self._error = exc

    def _make_all(self) -> None:
        self.folder.mkdir()
        old = self.site / COPIES
        before: dict[str, dict[str, Any]] = json.loads(old.read_text(encoding="utf-8")) if old.is_file() else {}
        pool = self.pool
        in_hand: deque[tuple[Source, Future[Published]]] = deque()
        try:
            for source in self.sources:
                if self._stop.is_set():
                    return
                key = self.keys[source.id] = copy_key(source, self.policy)
                hit = before.get(key)
                if hit and (hit["file"] is None or (self.site / "sources" / hit["file"]).is_file()):
                    self.published[source.id] = Published(hit["name"], hit["note"])
                    if hit["file"]:
                        self.made[source.id] = self.site / "sources" / hit["file"]
                    continue
                if pool is not None and _redacts(source, self.policy):
                    while len(in_hand) >= 2 * self.workers:
                        self._collect(in_hand)
                    in_hand.append((source, pool.submit(publish_source, source, self.policy)))
                else:
                    self._take(source.id, publish_source(source, self.policy))
            while in_hand:
                self._collect(in_hand)
        except BrokenProcessPool:
            names = ", ".join(source.source for source, _ in in_hand)
            raise stopped(f"it redacted the copies of {names} or rendered pages") from None
        finally:
            for _, future in in_hand:  # the build stopped: what was not started never will be
                future.cancel()

    def _collect(self, in_hand: deque[tuple[Source, Future[Published]]]) -> None:
        source, future = in_hand[0]
        self._take(source.id, future.result())
        in_hand.popleft()

    def _take(self, doc_id: int, p: Published) -> None:
        if p.name and p.data is not None:
            self.made[doc_id] = self.folder / f".{doc_id}"
            self.made[doc_id].write_bytes(p.data)
        self.published[doc_id] = Published(p.name, p.note)

    def _finish(self) -> dict[int, Published]:
        published = {doc_id: self.published[doc_id] for doc_id in self.keys}  # the archive's order
        names = {doc_id: p.name for doc_id, p in published.items()}  # before they are made unique
        unique_names(published)
        copies = {}
        for doc_id, p in published.items():
            if p.name and doc_id in self.made:
                if self.made[doc_id].parent == self.folder:
                    self.made[doc_id].rename(self.folder / p.name)
                else:
                    shutil.copyfile(self.made[doc_id], self.folder / p.name)
            copies[self.keys[doc_id]] = {"name": names[doc_id], "note": p.note,
                                         "file": p.name if doc_id in self.made else None}
        (self.out / COPIES).write_text(json.dumps(copies, ensure_ascii=False, sort_keys=True, indent=0),
                                       encoding="utf-8")
        return published
