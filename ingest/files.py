"""Opening a file to read: only regular files, never more than a size limit, and a name fit to print
and store whatever bytes the file system holds."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from referat.errors import InputError

MB = 1 << 20
# Text costs about 36 times its size in memory once split into styled lines; minutes are rarely
# over 1 MB as text, so a larger file is something else, and would need gigabytes to read.
MAX_TEXT_BYTES = 20 * MB
MAX_OFFICE_BYTES = 200 * MB  # a Word file's pictures are read with it


def printable(path: str | Path) -> str:
    """A path as text: bytes that are not UTF-8 in a file name are written as escapes ('m\\xf8te.txt'),
    so the name can be printed and stored, and names the same file on every run."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(path: Path) -> str | None:
    """Why ``path`` (its target, for a symlink) is not a regular file to read, or None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reading it will say what is wrong
    return None if stat.S_ISREG(mode) else f"{_kind(mode)}, not a file; only regular files are read"


def _open(path: Path) -> int:
    """A descriptor for a regular file; a FIFO is opened without waiting for a writer, then refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise InputError(printable(path), "the file does not exist (moved or deleted during the run?)") from exc
    except OSError as exc:
        raise InputError(printable(path), f"the file cannot be read ({exc.strerror})") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(printable(path), f"{_kind(mode)}, not a file; only regular files are read")
    return fd


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The whole of a regular file, refused when it is larger than ``limit`` bytes."""
    fd = _open(path)
    with os.fdopen(fd, "rb") as f:
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise _too_large(path, size, limit)
        try:
            data = f.read() if limit is None else f.read(limit + 1)  # a file may grow while it is read
        except OSError as exc:
            raise InputError(printable(path), f"the file cannot be read ({exc.strerror})") from exc
        if limit is not None and len(data) > limit:
            raise _too_large(path, len(data), limit)
        return data


def _too_large(path: Path, size: int, limit: int) -> InputError:
    return InputError(printable(path), f"the file is {size / MB:.0f} MB; text files over {limit // MB} MB "
                                       "are not read (is it minutes?)")


def head_and_hash(path: Path, head: int = 4096) -> tuple[bytes, str, int]:
    """The first ``head`` bytes, the SHA-256 and the size of a regular file, read in pieces so a
    large PDF is never in memory twice."""
    fd = _open(path)
    digest = hashlib.sha256()
    size = 0
    first = b""
    with os.fdopen(fd, "rb") as f:
        try:
            while chunk := f.read(MB):
                if not first:
                    first = chunk[:head]
                digest.update(chunk)
                size += len(chunk)
        except OSError as exc:
            raise InputError(printable(path), f"the file cannot be read ({exc.strerror})") from exc
    return first, digest.hexdigest(), size


def sha256(path: Path) -> str | None:
    """A file's hash for the record of a failed file, or None when it cannot be read."""
    try:
        return head_and_hash(path)[1]
    except InputError:
        return None
