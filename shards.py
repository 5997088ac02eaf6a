"""Parquet shards: processed files written by a cluster, read back by the loader in file order.

A shard is a table with one row per file: its place in the run, its path, and the document and
extraction as JSON (the pydantic contracts between the stages, so a shard round-trips exactly)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from referat.extract.model import Extraction
from referat.ingest.document import Document
from referat.pipeline import Processed

COLUMNS = ("position", "path", "source", "sha256", "error", "document", "extraction")


def write_shard(rows: list[tuple[int, Processed]], path: Path) -> Path:
    """Write processed files with their positions in the run; the file appears whole or not at all."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "position": [k for k, _ in rows],
        "path": [r.path for _, r in rows],
        "source": [r.source for _, r in rows],
        "sha256": [r.sha256 for _, r in rows],
        "error": [r.error for _, r in rows],
        "document": [r.document.model_dump_json() if r.document else None for _, r in rows],
        "extraction": [r.extraction.model_dump_json() if r.extraction else None for _, r in rows],
    })
    partial = path.with_suffix(".partial")
    pq.write_table(table, partial)
    partial.replace(path)
    return path


def read_shards(paths: Iterable[Path]) -> Iterator[Processed]:
    """Processed files from shards, in the order of their positions in the run."""
    import pyarrow.parquet as pq

    # Shards hold contiguous runs of positions, so shard order then row order is file order.
    for path in sorted(paths, key=_first_position):
        table = pq.read_table(path).sort_by("position")
        for row in table.to_pylist():
            yield Processed(
                path=row["path"], source=row["source"], sha256=row["sha256"], error=row["error"],
                document=Document.model_validate_json(row["document"]) if row["document"] else None,
                extraction=Extraction.model_validate_json(row["extraction"]) if row["extraction"] else None)


def shard_name(first_position: int) -> str:
    return f"shard-{first_position:08d}.parquet"


def _first_position(path: Path) -> int:
    return int(path.stem.split("-")[1])
