"""Sharing the archive between one writer and its readers.

DuckDB lets one process write a file and no other process read it meanwhile. So a writer leaves a
note beside the database (``archive.duckdb.writer``: its pid, its command and when it started) that
a refused reader can show; and a reader that waits (``--wait``) queues a note of its own in
``archive.duckdb.readers/`` until it has opened the archive. An ingest that finds readers in line
after a batch closes the archive until they have opened it and closed it again, then goes on. A
reader so sees the last committed batch, and waits at most one batch (50 documents or 5 seconds)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

import duckdb

REOPEN_STEP = 0.05  # seconds between a writer's tries to take the archive back from its readers


def note_path(db: Path) -> Path:
    return db.with_name(db.name + ".writer")


def announce(db: Path) -> None:
    """Leave the note while this process writes; a note whose process is gone is stale."""
    note = note_path(db)
    since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    command = " ".join(["referat", *sys.argv[1:]]) if sys.argv and "referat" in sys.argv[0] else "referat"
    with contextlib.suppress(OSError):  # a read-only folder: readers are refused without the holder's name
        note.write_text(json.dumps({"pid": os.getpid(), "since": since, "command": command}), encoding="utf-8")


def withdraw(db: Path) -> None:
    """Take this process's note away, and the readers' queue with it when it is empty."""
    note = note_path(db)
    try:
        if _note(db).get("pid") == os.getpid():
            note.unlink()
        _queue(db).rmdir()
    except OSError:
        pass


def _note(db: Path) -> dict[str, object]:
    try:
        note = json.loads(note_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _describe(note: dict[str, object]) -> str:
    return f"another referat process (`{note.get('command', 'referat')}`, pid {note['pid']}, " \
           f"since {note.get('since', '?')})"


def other_writer(db: Path) -> str | None:
    """Another living process that writes the archive, though it may have let go of it for a moment."""
    note = _note(db)
    pid = note.get("pid")
    if isinstance(pid, int) and pid != os.getpid() and _alive(pid):
        return _describe(note)
    return None


def holder(db: Path, lock_error: str) -> str:
    """Who holds the archive, as well as we know: DuckDB's error names the pid, the note the rest.

    Without a note it is no referat run (every run that writes leaves one): a notebook, the duckdb
    shell, another tool."""
    m = re.search(r"\(PID (\d+)\)", lock_error)
    pid = int(m.group(1)) if m else None
    note = _note(db)
    if note.get("pid") and (pid is None or note["pid"] == pid):
        return _describe(note)
    return f"another program (pid {pid})" if pid is not None else "another program"


def _queue(db: Path) -> Path:
    return db.with_name(db.name + ".readers")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_in_line(db: Path) -> Path | None:
    """Ask the writer to make way for this process: the note to take away once the archive is open."""
    note = _queue(db) / str(os.getpid())
    try:
        note.parent.mkdir(exist_ok=True)
        note.touch()
    except OSError:
        return None  # a read-only folder: this reader waits for the whole run instead
    return note


def readers_waiting(db: Path) -> bool:
    """Are readers of living processes in line? Notes of processes gone are cleared away."""
    folder = _queue(db)
    if not folder.is_dir():
        return False
    waiting = False
    for note in folder.iterdir():
        if note.name.isdigit() and _alive(int(note.name)):
            waiting = True
        else:
            note.unlink(missing_ok=True)
    return waiting


def make_way(conn: duckdb.DuckDBPyConnection, db: Path) -> duckdb.DuckDBPyConnection:
    """Close the archive (between transactions) until the readers in line have opened it and are
    done with it; the connection anew."""
    conn.close()
    while True:
        while readers_waiting(db):
            time.sleep(REOPEN_STEP)
        try:
            from referat.store.db import writer_settings  # db imports this module

            return writer_settings(duckdb.connect(str(db)))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            time.sleep(REOPEN_STEP)  # a reader still reads
