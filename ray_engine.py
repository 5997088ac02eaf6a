"""The per-file stage on Ray, for archives that outgrow one machine.

Files are processed by Ray tasks in contiguous batches, each batch written as one Parquet shard;
a long PDF is read in page ranges by tasks of their own and joined by one more task. The same
pure functions run as with ``--workers`` (``process_file``, ``read_part``, ``process_parts``),
and the shards are loaded by the same loader, in file order, so the database comes out the same.
The driver keeps a window of tasks in flight and loads each shard as soon as it and those before
it are written, so at 100,000 files it holds no more than at 1,000 and loading overlaps reading.

Needs the extra: ``pip install 'referat[ray]'``. Without an address a local Ray is started; on a
cluster, every node needs referat installed (or a runtime_env that provides it)."""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referat.errors import ExitCode, ReferatError

if TYPE_CHECKING:
    from referat.workers import Limits

BATCH_FILES = 16  # small files per task: a task costs milliseconds, a file about fifty
CHUNK_PAGES = 100  # pages per task when a PDF is long
TASKS_PER_CPU = 4  # tasks queued per CPU: enough that no CPU waits while the driver loads a shard


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
    Ray into Parquet shards in ``folder``, each read as soon as it and those before it are written,
    while Ray goes on with the next. Without ``folder`` the shards go to a temporary one and each
    is deleted once read, so the disk holds a window of them, not the archive's worth."""
    from referat.shards import read_shards

    with tempfile.TemporaryDirectory(prefix="referat-shards-") as scratch:
        for shard in shards_on_ray(files, folder or Path(scratch), address=address, workers=workers,
                                   limits=limits):
            yield from read_shards([shard])
            if folder is None:
                shard.unlink()


def run_on_ray(files: list[Path], folder: Path, *, address: str | None = None, workers: int | None = None,
               batch_files: int = BATCH_FILES, chunk_pages: int = CHUNK_PAGES,
               limits: Limits | None = None) -> list[Path]:
    """Process ``files`` on Ray into Parquet shards in ``folder``; returns the shard paths."""
    return list(shards_on_ray(files, folder, address=address, workers=workers, batch_files=batch_files,
                              chunk_pages=chunk_pages, limits=limits))


def shards_on_ray(files: list[Path], folder: Path, *, address: str | None = None, workers: int | None = None,
                  batch_files: int = BATCH_FILES, chunk_pages: int = CHUNK_PAGES, limits: Limits | None = None,
                  window: int | None = None) -> Iterator[Path]:
    """Process ``files`` on Ray into Parquet shards in ``folder``, yielding each shard's path in file
    order as it is written.

    At most ``window`` tasks (by default TASKS_PER_CPU for each CPU of the cluster) are submitted
    and not yet taken: the driver holds a bounded number of pending tasks, whatever the number of
    files, and takes each result (a shard's path) in order, so Ray's queue, the object store and
    the driver's memory stay flat while the caller loads the shards Ray has finished."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError("--engine ray needs Ray: pip install 'referat[ray]'") from exc
    folder.mkdir(parents=True, exist_ok=True)
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False, configure_logging=False)
        except Exception as exc:  # Ray raises a bare Exception when its processes do not come up in time
            raise RayUnavailableError(f"Ray did not start ({exc}); on a busy machine run the same ingest "
                                      "again, or join a running cluster with --ray-address") from exc
    try:
        if window is None:
            window = max(TASKS_PER_CPU, TASKS_PER_CPU * int(ray.cluster_resources().get("CPU", 1)))
        pending: deque[Any] = deque()
        for task in _tasks(files, folder, batch_files, chunk_pages, limits, ray):
            pending.append(task)
            if len(pending) >= window:
                yield Path(ray.get(pending.popleft()))
        while pending:
            yield Path(ray.get(pending.popleft()))
    finally:
        if started_here:
            ray.shutdown()


def _tasks(files: list[Path], folder: Path, batch_files: int, chunk_pages: int, limits: Limits | None,
           ray: Any) -> Iterator[Any]:
    """Ray tasks for ``files``, submitted one at a time as the caller asks: a task per contiguous
    run of small files, and per long PDF a task for each ``chunk_pages`` pages and one that joins
    them. Each yields the reference to its shard's path, in file order."""
    batch, part, join = ray.remote(_batch), ray.remote(_part), ray.remote(_join)
    small: list[tuple[int, str]] = []
    for position, path in enumerate(files):
        pages = _pages(path)
        if pages > chunk_pages:
            if small:  # a shard holds a contiguous run of files, so the loader keeps file order
                yield batch.remote(small, str(folder), limits)
                small = []
            parts = [part.remote(str(path), start, min(start + chunk_pages, pages), limits)
                     for start in range(0, pages, chunk_pages)]
            yield join.remote(position, str(path), str(folder), *parts)
            continue
        small.append((position, str(path)))
        if len(small) >= batch_files:
            yield batch.remote(small, str(folder), limits)
            small = []
    if small:
        yield batch.remote(small, str(folder), limits)
