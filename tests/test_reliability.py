"""Archive-grade reliability: every bad file reported and recorded, the rest loaded; a killed run
leaves a consistent archive; a second process on the same archive is refused, not corrupting."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINUTES, SAMPLES, SEED_PDF, long_minutes_pdf
from referat.cli import main
from referat.errors import ExitCode, InputError
from referat.ingest import read_document
from referat.store import connect
from referat.store.verify import verify

BAD = {
    "empty.txt": "the file is empty (0 bytes)",
    "zero.pdf": "the file is empty (0 bytes)",
    "truncated.pdf": "the PDF is damaged or truncated",
    "secret.pdf": "the PDF is encrypted; decrypt it first",
    "no-text.pdf": "no page has any text, neither a text layer nor a scanned image to OCR",
    "garbage.txt": "the file is binary, not text (is it named right?)",
    "vanished.txt": "the file does not exist (moved or deleted during the run?)",
}


def _bad_folder(folder: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "zero.pdf").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(SEED_PDF.read_bytes()[:4000])
    c = canvas.Canvas(str(folder / "secret.pdf"), encrypt=pdfencrypt.StandardEncryption("u", "o"))
    c.drawString(72, 720, "Referat")
    c.save()
    c = canvas.Canvas(str(folder / "no-text.pdf"))  # a drawing, no text and no image
    c.rect(72, 600, 200, 100, fill=1)
    c.save()
    (folder / "garbage.txt").write_bytes(os.urandom(3000).replace(b"\n", b"\x00"))
    (folder / "vanished.txt").symlink_to(folder / "gone-before-it-was-read.txt")
    # good files that are awkward: another encoding, very long, not minutes, the same minutes twice
    (folder / "cp1252.txt").write_bytes((MINUTES / "kommunestyre-2024-03-14.txt").read_text("utf-8").encode("cp1252"))
    long_minutes_pdf(folder / "long.pdf")
    for path in [*sorted(SAMPLES.glob("*.txt")), SEED_PDF]:
        shutil.copy(path, folder / path.name)
    return folder


def test_every_bad_input_is_reported_and_the_rest_loaded(tmp_path: Path):
    folder = _bad_folder(tmp_path / "shelf")
    db = tmp_path / "archive.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--workers", "2"])
    assert result.exit_code == ExitCode.input_failed
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(BAD)
    for name, reason in BAD.items():
        assert any(line.startswith(f"failed: {folder / name}: {reason}") for line in failed), name
    assert "15 files read" in result.output and "8 loaded (6 minutes, 2 other)" in result.output
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0] == len(BAD)
    hashes = conn.execute("SELECT source, sha256 FROM documents WHERE status = 'failed' AND sha256 <> ''").fetchall()
    assert {s for s, _ in hashes} == set(BAD) - {"vanished.txt"}  # every readable bad file is kept by its hash
    assert conn.execute("SELECT count(*) FROM items i JOIN documents d ON d.id = i.document_id "
                        "WHERE d.source = 'long.pdf'").fetchone()[0] == 500
    assert conn.execute("SELECT count(*) FROM meeting_sources WHERE role = 'copy'").fetchone()[0] == 1
    assert verify(conn).ok
    conn.close()
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == ExitCode.input_failed
    assert "0 loaded" in again.output and "14 unchanged" in again.output  # the vanished file is reported again


def test_unreadable_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "locked.txt"
    path.write_text("Referat", encoding="utf-8")

    real_open = os.open

    def refuse(name: object, *args: int) -> int:  # root reads any file, so the refusal is pretended
        if os.fspath(name) == str(path):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match="cannot be read"):
        read_document(path)


def _corpus(folder: Path, n: int) -> Path:
    from benchmarks.corpus import write_corpus

    write_corpus(folder, n, seed=3, pdf_share=0.0)
    return folder


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "referat.cli", "ingest", str(folder), "--db", str(db), "--workers", "1", "--verbose"]


def _counts(db: Path) -> dict[str, int]:
    conn = connect(db, read_only=True)
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("documents", "meetings", "items", "decisions", "attendance", "people")}
    conn.close()
    return out


def test_killed_run_leaves_a_consistent_archive(tmp_path: Path):
    folder = _corpus(tmp_path / "corpus", 120)
    whole = tmp_path / "whole.duckdb"
    subprocess.run(_ingest_cmd(folder, whole), check=True, capture_output=True)
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(_ingest_cmd(folder, killed), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stored = 0
    while stored < 40:  # kill in the middle of the run, after 40 of 120 files
        line = proc.stderr.readline()
        assert line, "the run ended before it could be killed"
        stored += line.startswith("loaded: ")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _counts(killed)
    assert 0 < partial["documents"] < 120
    assert verify(connect(killed, read_only=True)).ok
    subprocess.run(_ingest_cmd(folder, killed), check=True, capture_output=True)
    assert _counts(killed) == _counts(whole)
    assert verify(connect(killed, read_only=True)).ok


def test_a_second_process_is_refused_with_a_clear_message(tmp_path: Path):
    folder = _corpus(tmp_path / "corpus", 60)
    db = tmp_path / "a.duckdb"
    first = subprocess.Popen(_ingest_cmd(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not db.exists():
        time.sleep(0.05)
    second = subprocess.run(_ingest_cmd(MINUTES, db), capture_output=True, text=True)
    first.wait()
    assert second.returncode == ExitCode.database_error
    assert "in use by another referat process" in second.stderr
    assert first.returncode == 0 and verify(connect(db, read_only=True)).ok


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=6), max_size=8))
def test_attendance_parsers_never_raise(rows):
    from referat.extract.attendance import parse_entry, read_lists, read_tables
    from referat.extract.blocks import Block
    from referat.ingest.document import Line, Span

    header = [Block([Line(page=1, number=1, cells=["Organisasjon", "Navn", "Møtt", "Forfall"])])]
    blocks = header + [Block([Line(page=1, number=i + 2, cells=row)]) for i, row in enumerate(rows)]
    blocks += [Block([Line(page=1, number=99, spans=[Span(text="Til stede: " + ", ".join(r[0] for r in rows))])])]
    read_tables(blocks)
    read_lists(blocks)
    for row in rows:
        parse_entry(" ".join(row))
