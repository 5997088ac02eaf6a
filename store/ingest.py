"""A whole ingest run: process files (in parallel), load each result in document order."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from referat.pipeline import OcrProgress, Processed, process_all
from referat.store.db import Connection, load_registry
from referat.store.load import load, rebuild_memberships
from referat.store.rows import Rows
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

    @property
    def n_files(self) -> int:
        return sum(self.outcomes.values())


def ingest(conn: Connection, files: list[Path], *, workers: int = 1,
           on_result: Callable[[Processed, str], None] | None = None,
           on_ocr_page: OcrProgress | None = None, batch: int = BATCH, limits: Limits | None = None) -> IngestSummary:
    """Process ``files`` and load them in file order, ``batch`` documents (or BATCH_SECONDS) per transaction.

    A transaction holds whole documents only, so a crash or a failed statement loses at most the
    open batch, never part of a document; the next run loads what is missing."""
    return load_results(conn, process_all(files, workers, on_ocr_page, limits), on_result=on_result, batch=batch)


def load_results(conn: Connection, results: Iterable[Processed], *,
                 on_result: Callable[[Processed, str], None] | None = None, batch: int = BATCH) -> IngestSummary:
    """Load processed files (from a process pool, or from Parquet shards a cluster wrote)."""
    summary = IngestSummary()
    registry = load_registry(conn)
    rows = Rows(conn)
    loaded: list[tuple[Processed, str]] = []
    conn.execute("BEGIN TRANSACTION")
    opened = time.monotonic()
    try:
        for result in results:
            loaded.append((result, load(conn, result, registry, rows)))
            if len(loaded) >= batch or time.monotonic() - opened >= BATCH_SECONDS:
                rows.flush(conn)
                conn.execute("COMMIT")
                _report(summary, loaded, on_result)
                loaded = []
                conn.execute("BEGIN TRANSACTION")
                opened = time.monotonic()
        rows.flush(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    _report(summary, loaded, on_result)
    rebuild_memberships(conn)
    return summary


def _report(summary: IngestSummary, loaded: list[tuple[Processed, str]],
            on_result: Callable[[Processed, str], None] | None) -> None:
    """Count and announce documents once their transaction is committed."""
    for result, outcome in loaded:
        summary.outcomes[outcome] += 1
        if result.error:
            summary.failed.append((result.path, result.error))
        elif result.extraction is not None:
            summary.kinds[result.extraction.kind] += 1
            summary.warnings += [(result.path, w.message) for w in result.extraction.warnings]
        if on_result:
            on_result(result, outcome)
