"""Which files of an ingest the archive already holds as they are, decided before any is read.

A file is unchanged when its resolved path has one record, a good one (a loaded document, or a
copy of one), and its bytes are the ones that record was read from. The bytes are only hashed
when the file's size or mtime differ from those stored with the record (or with ``rehash``): an
unchanged archive of thousands of files costs a ``stat`` per file, and no scan is OCR'd again.

Paths with a failure on record are always read again: the file, or referat, may read well now."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from referat.store.db import Connection

# Of the paths offered, those whose only record is a good one, with the hash it was read from and
# the stamp it was read at. Only the offered paths: a top-up of a few files into an archive of
# 100,000 held every record in memory (150 MB).
_KNOWN = """
    WITH offered AS (SELECT unnest(?) AS path),
    records AS (
        SELECT path, 'documents' AS tab, status, sha256, size, mtime_ns FROM documents SEMI JOIN offered USING (path)
        UNION ALL
        SELECT p.path, 'document_paths', d.status, d.sha256, p.size, p.mtime_ns
        FROM document_paths p SEMI JOIN offered USING (path) JOIN documents d ON d.id = p.document_id
    )
    SELECT path, any_value(tab), any_value(sha256), any_value(size), any_value(mtime_ns) FROM records
    GROUP BY path HAVING count(*) = 1 AND bool_and(status = 'loaded')"""


@dataclass(frozen=True)
class Stamp:
    """A file's size and modification time (ns), taken before it is read."""

    size: int
    mtime_ns: int


@dataclass
class Triage:
    todo: list[Path] = field(default_factory=list)       # files to read, in the order given
    unchanged: list[Path] = field(default_factory=list)
    stamps: dict[str, Stamp] = field(default_factory=dict)  # by the path as given: stored with what is read


def document_path(path: str | Path) -> str:
    """A file's identity in the archive: its resolved absolute path, however the command line wrote it."""
    return os.path.realpath(path)


def stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return Stamp(st.st_size, st.st_mtime_ns)


def stamps_of(files: list[Path]) -> dict[str, Stamp]:
    """Each file's size and mtime, taken before it is read, by the path as given: what the loader
    stores beside the hash (the Ray engine reads every file, so it takes them all)."""
    return {str(path): found for path in files if (found := stamp(path)) is not None}


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def triage(conn: Connection, files: list[Path], *, rehash: bool = False) -> Triage:
    """Split ``files`` into those to read and those unchanged; record the stamps of files found
    unchanged by their hash, so that the next run need not hash them."""
    reals = [document_path(path) for path in files]
    # A name that is not UTF-8 is stored with escapes, so its raw form finds no record: left out of
    # the query, which cannot take it, it is read as before.
    offered = sorted({real for real in reals if _utf8(real)})
    known = {path: row for path, *row in conn.execute(_KNOWN, [offered]).fetchall()}
    found = Triage()
    restamped: dict[str, list[tuple[int, int, str]]] = {"documents": [], "document_paths": []}
    for path, real in zip(files, reals, strict=True):
        now = stamp(path)
        if now is not None:
            found.stamps[str(path)] = now
        record = known.get(real)
        if now is None or record is None:
            found.todo.append(path)
            continue
        table, sha, size, mtime_ns = record
        if not rehash and (size, mtime_ns) == (now.size, now.mtime_ns):
            found.unchanged.append(path)
        elif _sha256(path) == sha:
            # Hashed after the stamp was taken: a change made since shows as another mtime next time.
            found.unchanged.append(path)
            if (size, mtime_ns) != (now.size, now.mtime_ns):  # an UPDATE costs DuckDB a millisecond
                restamped[table].append((now.size, now.mtime_ns, real))
        else:
            found.todo.append(path)
    if restamped["documents"] or restamped["document_paths"]:
        conn.execute("BEGIN TRANSACTION")
        try:
            for table, stamps in restamped.items():
                if stamps:
                    # The loaded record only: a path's failures are never skipped, so it has none.
                    status = " AND status = 'loaded'" if table == "documents" else ""
                    conn.executemany(f"UPDATE {table} SET size = ?, mtime_ns = ? WHERE path = ?{status}", stamps)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
