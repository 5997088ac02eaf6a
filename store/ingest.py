"""A whole ingest run: process files (in parallel), load each result in document order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from referat.pipeline import OcrProgress, Processed, process_all
from referat.store.db import Connection, load_registry
from referat.store.load import load, rebuild_memberships


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
           on_ocr_page: OcrProgress | None = None) -> IngestSummary:
    summary = IngestSummary()
    registry = load_registry(conn)
    for result in process_all(files, workers, on_ocr_page):
        try:
            outcome = load(conn, result, registry)
        except Exception:
            registry = load_registry(conn)  # the rolled-back transaction took the registry's new rows with it
            raise
        summary.outcomes[outcome] += 1
        if result.error:
            summary.failed.append((result.path, result.error))
        elif result.extraction is not None:
            summary.kinds[result.extraction.kind] += 1
            summary.warnings += [(result.path, w.message) for w in result.extraction.warnings]
        if on_result:
            on_result(result, outcome)
    rebuild_memberships(conn)
    return summary
