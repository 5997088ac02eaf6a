"""The per-file stage on Ray, for archives that outgrow one machine.

Files are processed by Ray tasks in contiguous batches, each batch written as one Parquet shard;
a long PDF is read in page ranges by tasks of their own and joined by one more task. The same
pure functions run as with ``--workers`` (``process_file``, ``read_part``, ``process_parts``),
and the shards are loaded by the same loader, in file order, so the database comes out the same.

Needs the extra: ``pip install 'referat[ray]'``. Without an address a local Ray is started; on a
cluster, every node needs referat installed (or a runtime_env that provides it)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.errors import ExitCode, ReferatError

if TYPE_CHECKING:
    from referat.workers import Limits

BATCH_FILES = 16  # small files per task: a task costs milliseconds, a file about fifty
CHUNK_PAGES = 100  # pages per task when a PDF is long


class RayUnavailableError(ReferatError):
    exit_code = ExitCode.missing_dependency


def _batch(files: list[tuple[int, str]], folder: str, limits: Limits | None = None) -> str:
    """A shard of files, each read in a worker process of this task within ``limits`` (--max-file-seconds
    and --max-file-memory), as the local pool reads it: a file that hangs or needs too much memory
    fails alone, with the same reason, and the task goes on."""
    from referat.pipeline import process_all
    from referat.shards import shard_name, write_shard

    results = process_all([Path(path) for _, path in files], 1, None, limits)
    rows = [(k, result) for (k, _), result in zip(files, results, strict=True)]
    return str(write_shard(rows, Path(folder) / shard_name(files[0][0])))


def _join(position: int, path: str, folder: str, *parts: Any) -> str:
    from referat.pipeline import process_parts
    from referat.shards import shard_name, write_shard

    return str(write_shard([(position, process_parts(path, list(parts)))], Path(folder) / shard_name(position)))


def _part(path: str, start: int, stop: int, limits: Limits | None = None) -> Any:
    """Pages ``start`` to ``stop`` of a long PDF, read in a worker process within ``limits``: the
    Document, or why it cannot be read."""
    from referat.pipeline import read_part
    from referat.workers import Limits, run_files

    def read(file: Path, progress: Any) -> Any:
        return read_part(file, start, stop)

    [found] = run_files([Path(path)], read, lambda _file, reason: reason, limits=limits or Limits())
    return found


def _pages(path: Path) -> int:
    if path.suffix.lower() != ".pdf":
        return 0
    from referat.errors import InputError
    from referat.ingest import pdf_pages

    try:
        return pdf_pages(path)
    except InputError:
        return 0  # the batch task will say what is wrong with it


def process_on_ray(files: list[Path], folder: Path | None = None, *, address: str | None = None,
                   workers: int | None = None, limits: Limits | None = None) -> Iterator[Any]:
    """The files' ``Processed`` records in file order, as the local pool yields them: processed on
    Ray into Parquet shards in ``folder`` (by default a temporary one, gone when all are read)."""
    from referat.shards import read_shards

    with tempfile.TemporaryDirectory(prefix="referat-shards-") as scratch:
        yield from read_shards(run_on_ray(files, folder or Path(scratch), address=address, workers=workers,
                                          limits=limits))


def run_on_ray(files: list[Path], folder: Path, *, address: str | None = None, workers: int | None = None,
               batch_files: int = BATCH_FILES, chunk_pages: int = CHUNK_PAGES,
               limits: Limits | None = None) -> list[Path]:
    """Process ``files`` on Ray into Parquet shards in ``folder``; returns the shard paths."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError("--engine ray needs Ray: pip install 'referat[ray]'") from exc
    folder.mkdir(parents=True, exist_ok=True)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    try:
        batch, part, join = ray.remote(_batch), ray.remote(_part), ray.remote(_join)
        pending: list[Any] = []
        small: list[tuple[int, str]] = []
        for position, path in enumerate(files):
            pages = _pages(path)
            if pages > chunk_pages:
                if small:  # a shard holds a contiguous run of files, so the loader keeps file order
                    pending.append(batch.remote(small, str(folder), limits))
                    small = []
                parts = [part.remote(str(path), start, min(start + chunk_pages, pages), limits)
                         for start in range(0, pages, chunk_pages)]
                pending.append(join.remote(position, str(path), str(folder), *parts))
                continue
            small.append((position, str(path)))
            if len(small) >= batch_files:
                pending.append(batch.remote(small, str(folder), limits))
                small = []
        if small:
            pending.append(batch.remote(small, str(folder), limits))
        return [Path(p) for p in ray.get(pending)]
    finally:
        if started_here:
            ray.shutdown()
