"""A whole ingest run: process files (in parallel), load each result in document order."""

from __future__ import annotations

import contextlib
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from referat.errors import DatabaseError
from referat.pipeline import OcrProgress, Processed
from referat.progress import file_word
from referat.store import writer
from referat.store.db import Connection, load_registry, next_free_id
from referat.store.memberships import rebuild_memberships
from referat.store.orphans import remove_orphans
from referat.store.rows import Rows
from referat.store.search import index_missing
from referat.store.tidied import is_tidy, mark_tidy
from referat.store.unchanged import Stamp, document_path, triage

if TYPE_CHECKING:
    from referat.store.load import Stored
    from referat.workers import Limits

# Documents per transaction and per write: a statement costs more than a document's rows (a batch
# of 50 loads in 2.0 ms a document, of 25 in 2.7). A batch also ends after BATCH_SECONDS, so that
# slow files (OCR) are committed, and announced, as they come rather than fifty at a time.
BATCH = 50
BATCH_SECONDS = 5.0


@dataclass
class IngestSummary:
    outcomes: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # (outcome, path, what changed): a replaced version, a copy, a good version kept over a failure
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)  # orphans cleaned up, per table
    # What became of each file, one word per file so the summary's counts add up to the files read:
    # loaded, replaced, unchanged, copy or failed (a failure over a good version kept, or recorded
    # before, is failed too: the file as it is now does not read).
    results: Counter[str] = field(default_factory=Counter)

    @property
    def n_files(self) -> int:
        return sum(self.outcomes.values())


def ingest(conn: Connection, files: list[Path], *, workers: int = 1,
           on_result: Callable[[Processed, str], None] | None = None,
           on_ocr_page: OcrProgress | None = None, batch: int = BATCH, db: Path | None = None,
           on_processed: Callable[[Processed], None] | None = None, limits: Limits | None = None,
           rehash: bool = False, process: Callable[[list[Path]], Iterable[Processed]] | None = None) -> IngestSummary:
    """Process ``files`` and load them in file order, ``batch`` documents (or BATCH_SECONDS) per transaction.

    Files the archive holds as they are (``store.unchanged``) are counted unchanged and never read;
    ``rehash`` hashes them even when their size and mtime are those stored.

    A transaction holds whole documents only, so a crash or a failed statement loses at most the
    open batch, never part of a document; the next run loads what is missing. ``on_result`` hears
    of a file once it is stored, ``on_processed`` as soon as it is read (what a progress display
    follows: a batch is committed only every 50 files or 5 seconds).

    ``process(files)`` reads the files that are not unchanged, in their order, in place of the local
    process pool (``--engine ray``); ``workers``, ``on_ocr_page`` and ``limits`` are then its own."""
    _resolve_paths(conn)
    found = triage(conn, files, rehash=rehash)
    for path in found.unchanged:
        if on_result:
            on_result(Processed(str(path), path.name, None), "unchanged")
    unchanged = Counter({"unchanged": len(found.unchanged)} if found.unchanged else {})
    if not found.todo:
        summary = IngestSummary(outcomes=Counter(unchanged), results=Counter(unchanged))
        if not is_tidy(conn):  # a run stopped before may have left orphans: nothing else clears them
            _tidy(conn, summary)
        return summary
    if process is not None:
        results: Iterable[Processed] = process(found.todo)
    else:
        # Only here: a run with nothing to read never imports the readers or the extractors.
        from referat.pipeline import process_all

        results = process_all(found.todo, workers, on_ocr_page, limits, here=True)
    if on_processed is not None:
        results = _heard(results, on_processed)
    summary = load_results(conn, results, on_result=on_result, batch=batch, db=db, stamps=found.stamps)
    summary.outcomes.update(unchanged)
    summary.results.update(unchanged)
    return summary


def _heard(results: Iterable[Processed], on_processed: Callable[[Processed], None]) -> Iterator[Processed]:
    for result in results:
        on_processed(result)
        yield result


def load_results(conn: Connection, results: Iterable[Processed], *,
                 on_result: Callable[[Processed, str], None] | None = None, batch: int = BATCH,
                 db: Path | None = None, stamps: dict[str, Stamp] | None = None) -> IngestSummary:
    """Load processed files (from a process pool, or from Parquet shards a cluster wrote).

    With ``db``, the archive's file, readers waiting in line (``writer.wait_in_line``) are let in
    between two batches; the connection is then closed and opened anew, and closed at the end.
    ``stamps`` (by path) are the files' sizes and mtimes taken before they were read."""
    summary = IngestSummary()
    if db is not None:
        writer.announce(db)
    try:
        _load_all(conn, results, summary, on_result, batch, db, stamps or {})
    except (duckdb.IOException, duckdb.FatalException, OSError) as exc:
        # A full disk, a file gone under us: the open batch is rolled back, the batches committed stay.
        raise DatabaseError(f"cannot write to the archive ({exc}); the documents of the unfinished batch "
                            "were not stored, all before them are; free the cause and run the same ingest "
                            "again") from exc
    finally:
        if db is not None:
            writer.withdraw(db)
    return summary


def _load_all(conn: Connection, results: Iterable[Processed], summary: IngestSummary,
              on_result: Callable[[Processed, str], None] | None, batch: int, db: Path | None,
              stamps: dict[str, Stamp]) -> None:
    from referat.store.load import load  # the models and the name matcher, only when there is something to load

    _resolve_paths(conn)
    registry = load_registry(conn)
    rows = Rows(conn)
    loaded: list[tuple[Processed, Stored]] = []
    conn.execute("BEGIN TRANSACTION")
    opened = time.monotonic()
    try:
        for result in results:
            loaded.append((result, load(conn, result, registry, rows, stamps.get(result.path))))
            if len(loaded) >= batch or time.monotonic() - opened >= BATCH_SECONDS:
                rows.flush(conn)
                conn.execute("COMMIT")
                _report(summary, loaded, on_result)
                loaded = []
                if db is not None and writer.readers_waiting(db):
                    conn = writer.make_way(conn, db)
                conn.execute("BEGIN TRANSACTION")
                opened = time.monotonic()
        rows.flush(conn)
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    _report(summary, loaded, on_result)
    _tidy(conn, summary)
    if db is not None:
        conn.close()


def _tidy(conn: Connection, summary: IngestSummary) -> None:
    """Clear what documents no longer loaded left behind, this run's or a stopped run's, and rebuild
    the memberships from the attendance."""
    conn.execute("BEGIN TRANSACTION")
    try:
        summary.removed = remove_orphans(conn)
        # cases loaded before the search index existed, whose unchanged files are never read again
        index_missing(conn, itertools.count(next_free_id(conn)).__next__)
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    rebuild_memberships(conn)
    mark_tidy(conn)


def _rollback(conn: Connection) -> None:
    """Roll back the open transaction; after a failed commit there may be none, which is no news."""
    with contextlib.suppress(duckdb.Error):
        conn.execute("ROLLBACK")


def _resolve_paths(conn: Connection) -> None:
    """Archives made before paths were resolved hold them as typed: resolve those that name a file here."""
    relative = conn.execute("SELECT id, path FROM documents WHERE path NOT LIKE '/%'").fetchall()
    fixed = [(document_path(p), i) for i, p in relative if Path(p).exists() or Path(p).is_symlink()]
    if fixed:
        conn.executemany("UPDATE documents SET path = ? WHERE id = ?", fixed)


def _report(summary: IngestSummary, loaded: list[tuple[Processed, Stored]],
            on_result: Callable[[Processed, str], None] | None) -> None:
    """Count and announce documents once their transaction is committed."""
    for result, stored in loaded:
        summary.outcomes[stored.outcome] += 1
        summary.results[file_word(result.error, stored.outcome)] += 1
        if stored.note:
            summary.changes.append((stored.outcome, result.path, stored.note))
        if result.error:
            summary.failed.append((result.path, result.error))
        elif result.extraction is not None and stored.outcome != "copy":
            if stored.outcome in ("loaded", "replaced"):  # the kinds of what was stored, as the summary says
                summary.kinds[result.extraction.kind] += 1
            summary.warnings += [(result.path, w.message) for w in result.extraction.warnings]
        if on_result:
            on_result(result, stored.outcome)
