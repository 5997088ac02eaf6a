"""Who writes the archive: DuckDB lets one process write a file and no other process read it
meanwhile, so a writer leaves a note beside the database (``archive.duckdb.writer``: its pid, its
command and when it started) that a refused reader can show."""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path


def note_path(db: Path) -> Path:
    return db.with_name(db.name + ".writer")


def announce(db: Path) -> None:
    """Leave the note for as long as this process lives; a note whose process is gone is stale."""
    note = note_path(db)
    since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    command = " ".join(["referat", *sys.argv[1:]]) if sys.argv and "referat" in sys.argv[0] else "referat"
    try:
        note.write_text(json.dumps({"pid": os.getpid(), "since": since, "command": command}), encoding="utf-8")
    except OSError:
        return  # a read-only folder: readers are refused without the holder's name, nothing worse
    atexit.register(_withdraw, note, os.getpid())


def _withdraw(note: Path, pid: int) -> None:
    try:
        if json.loads(note.read_text(encoding="utf-8")).get("pid") == pid:
            note.unlink()
    except (OSError, ValueError):
        pass


def holder(db: Path, lock_error: str) -> str:
    """Who holds the archive, as well as we know: DuckDB's error names the pid, the note the rest."""
    m = re.search(r"\(PID (\d+)\)", lock_error)
    pid = int(m.group(1)) if m else None
    try:
        note = json.loads(note_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        note = {}
    if note.get("pid") and (pid is None or note["pid"] == pid):
        return f"`{note.get('command', 'referat')}`, pid {note['pid']}, since {note.get('since', '?')}"
    return f"pid {pid}" if pid is not None else "a process that did not say who it is"
