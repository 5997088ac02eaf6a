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
    assert result.stderr.endswith(f"15 files read into {db}: 8 loaded, 0 replaced, 0 unchanged, 7 failed "
                                  "(stored: 6 as minutes, 2 as other)\n")
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
    # every failure is reported again; the vanished file too, though its failure is recorded already
    # and counted as failed only: the counts add up to the files read
    assert again.stderr.endswith(f"15 files read into {db}: 0 loaded, 0 replaced, 8 unchanged, 7 failed\n")


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
    # the writer's note, not the file: DuckDB creates the file a moment before the note names its writer
    note = db.with_name(db.name + ".writer")
    while time.time() < deadline and not note.exists():
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


def _facts(db: Path) -> dict[str, object]:
    """Every fact the archive exports, and its row counts, to compare before and after a run."""
    from referat.store import export_documents

    conn = connect(db, read_only=True)
    out = {"counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("meetings", "items", "decisions", "attendance", "people", "aliases")},
           "export": export_documents(conn)}
    conn.close()
    return out


def test_a_damaged_copy_never_replaces_the_good_record(tmp_path: Path):
    """Issue #19.1: a file that now fails to read keeps the version read well before, beside its failure."""
    shelf = tmp_path / "shelf"
    shutil.copytree(SAMPLES, shelf)
    db = tmp_path / "a.duckdb"
    assert CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"]).exit_code == 0
    before = _facts(db)
    assert before["counts"]["meetings"] == 3 and before["counts"]["items"] == 21
    text, pdf = shelf / "001_9eefbcf0bd4b22fc.txt", shelf / SEED_PDF.name
    text.write_bytes(b"")
    pdf.write_bytes(SEED_PDF.read_bytes()[:6000])
    result = CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"])
    assert result.exit_code == ExitCode.input_failed
    assert f"failed: {text}: the file is empty (0 bytes)" in result.output
    assert f"failed: {pdf}: the PDF is damaged or truncated" in result.output
    assert f"kept: {text}: the version read " in result.output and f"kept: {pdf}: the version read " in result.output
    assert result.output.rstrip().endswith("0 replaced, 4 unchanged, 2 failed; 2 failed where a good version was "
                                           "read before, which is kept")
    assert _facts(db) == before
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT source, status, error FROM documents WHERE source = ? ORDER BY status DESC",
                        [text.name]).fetchall() == [(text.name, "loaded", None),
                                                    (text.name, "failed", "the file is empty (0 bytes)")]
    assert verify(conn).ok
    conn.close()
    again = CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"])
    # six files: the two that do not read are failed, not also unchanged
    assert again.output.rstrip().endswith("0 loaded, 0 replaced, 4 unchanged, 2 failed") and _facts(db) == before
    shutil.copy(SAMPLES / text.name, text)  # mended: the failure beside the good version goes
    shutil.copy(SEED_PDF, pdf)
    mended = CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"])
    assert mended.exit_code == 0 and "0 loaded" in mended.output and "6 unchanged, 0 failed" in mended.output
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0] == 0
    assert verify(conn).ok and _facts(db) == before


def test_a_document_is_its_file_however_the_path_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Issue #19.2: 'shelf' and '$PWD/shelf' are one shelf; an edit read through either replaces the old facts."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES, tmp_path / "shelf")
    db = str(tmp_path / "a.duckdb")
    assert CliRunner().invoke(main, ["ingest", "shelf", "--db", db, "--workers", "1"]).exit_code == 0
    before = _facts(Path(db))
    spelled = CliRunner().invoke(main, ["ingest", "./shelf/../shelf", "--db", db, "--workers", "1"])
    assert "0 loaded" in spelled.output and "6 unchanged" in spelled.output and _facts(Path(db)) == before
    edited = tmp_path / "shelf" / "001_9eefbcf0bd4b22fc.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Sak 13-23 Møtedatoer 2024",
                                                                 "Sak 13-23 Møteplan for 2024"), encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "shelf"), "--db", db, "--workers", "1"])
    assert result.exit_code == 0
    assert f"replaced: {edited}: replaces the version read " in result.output
    assert result.stderr.endswith(": 0 loaded, 1 replaced, 5 unchanged, 0 failed (stored: 1 as minutes)\n")
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT m.body, i.title FROM items i JOIN meetings m ON m.id = i.meeting_id "
                        "WHERE i.number = '13-23'").fetchall() == [("Partnermøtet", "Møteplan for 2024")]
    assert conn.execute("SELECT count(*) FROM meeting_sources WHERE role = 'copy'").fetchone()[0] == 1  # the PDF
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 6
    assert verify(conn).ok
    # every other fact is as it was
    after = _facts(Path(db))
    assert after["counts"] == before["counts"]
    assert [d for d in after["export"] if d["source"] != edited.name] == \
        [d for d in before["export"] if d["source"] != edited.name]


def test_an_identical_copy_under_a_new_name_is_another_source(tmp_path: Path):
    """Issue #19.3: the same bytes under another name are recorded, not reported 'unchanged' and forgotten."""
    shelf = tmp_path / "shelf"
    shutil.copytree(SAMPLES, shelf)
    db = str(tmp_path / "a.duckdb")
    CliRunner().invoke(main, ["ingest", str(shelf), "--db", db, "--workers", "1"])
    copy = shelf / "kopi" / "styringsgruppen-kopi.txt"
    copy.parent.mkdir()
    shutil.copy(shelf / "000_b0133e4c38a4f008.txt", copy)
    result = CliRunner().invoke(main, ["ingest", str(shelf), "--db", db, "--workers", "1"])
    assert result.exit_code == 0
    assert f"copy: {copy}: the same file as {shelf / '000_b0133e4c38a4f008.txt'}" in result.output
    assert result.output.rstrip().endswith("0 loaded, 0 replaced, 6 unchanged, 1 copy of another file, 0 failed")
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT d.source, p.path FROM document_paths p JOIN documents d ON d.id = p.document_id"
                        ).fetchall() == [("000_b0133e4c38a4f008.txt", str(copy))]
    assert verify(conn).ok
    conn.close()
    copy.write_text(copy.read_text(encoding="utf-8").replace("Sak 40-23", "Sak 41-23"), encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(copy), "--db", db, "--workers", "1"])
    conn = connect(db, read_only=True)  # changed, the copy is a document of its own
    assert conn.execute("SELECT count(*) FROM document_paths").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM documents WHERE path = ?", [str(copy)]).fetchone()[0] == 1
    assert verify(conn).ok


def test_a_person_removed_from_an_edited_file_is_gone(tmp_path: Path):
    """Issue #19.4: a replaced document takes the people, organisations and spellings only it named along."""
    minutes = tmp_path / "styret.md"
    original = (MINUTES / "styret-2024-09-02.md").read_text(encoding="utf-8")
    minutes.write_text(original, encoding="utf-8")
    db = str(tmp_path / "a.duckdb")
    files = [str(minutes), str(SAMPLES / "001_9eefbcf0bd4b22fc.txt")]
    CliRunner().invoke(main, ["ingest", *files, "--db", db, "--workers", "1"])
    assert "person" in CliRunner().invoke(main, ["resolve", "--db", db, "Lene Haugland"]).output
    minutes.write_text(original.replace("Under sak 13/24 deltok Lene Haugland (Forskningsrådet).", ""),
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", *files, "--db", db, "--workers", "1"])
    assert "1 replaced" in result.output
    assert CliRunner().invoke(main, ["resolve", "--db", db, "Lene Haugland"]).output == \
        "Lene Haugland -> no match\n"
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM people WHERE name = 'Lene Haugland'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM organisations WHERE name = 'Forskningsrådet'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM aliases WHERE document_id NOT IN (SELECT id FROM documents)"
                        ).fetchone()[0] == 0
    # the people still listed keep their spellings, now from the document that lists them
    assert conn.execute("SELECT count(*) FROM aliases a JOIN people p ON p.id = a.entity_id "
                        "WHERE a.entity_kind = 'person' AND p.name = 'Nils Aas'").fetchone()[0] == 1
    assert verify(conn).ok


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_disk_full_is_a_message_and_the_archive_stays_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Issue #19.12: a write that fails (no space left) is exit 4 with a message; nothing half-written stays."""
    import duckdb

    from referat.store.rows import Rows

    shelf = tmp_path / "shelf"
    shutil.copytree(SAMPLES, shelf)
    db = tmp_path / "a.duckdb"
    CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"])
    before = _facts(db)
    edited = shelf / "001_9eefbcf0bd4b22fc.txt"  # its replacement deletes the old facts before it writes
    edited.write_text(edited.read_text(encoding="utf-8").replace("Møtedatoer 2024", "Møteplan 2024"), encoding="utf-8")

    def full(self: Rows, conn: object) -> None:
        raise duckdb.IOException('Could not write file "a.duckdb.wal": No space left on device')

    monkeypatch.setattr(Rows, "flush", full)
    result = CliRunner().invoke(main, ["ingest", str(shelf), "--db", str(db), "--workers", "1"])
    assert result.exit_code == ExitCode.database_error
    # each file's line comes first (stderr is no terminal here), the error last
    assert result.output.splitlines()[-1] == (
        "Error: cannot write to the archive (Could not write file \"a.duckdb.wal\": No space left on device); the "
        "documents of the unfinished batch were not stored, all before them are; free the cause and run the same "
        "ingest again")
    monkeypatch.undo()
    assert _facts(db) == before
    assert verify(connect(db, read_only=True)).ok


def _foreign_duckdb(path: Path) -> Path:
    import duckdb

    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE ledger (account VARCHAR, amount DOUBLE)")
    conn.close()
    return path


def _sqlite(path: Path) -> Path:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    return path


def _truncated(path: Path) -> Path:
    conn = connect(path)
    from referat.store.ingest import ingest

    ingest(conn, [SAMPLES / "000_b0133e4c38a4f008.txt"])
    conn.close()
    path.write_bytes(path.read_bytes()[:20000])
    return path


@pytest.mark.parametrize(("make", "message"), [
    (_truncated, "the database is damaged or truncated (IO Error: Could not read enough bytes"),
    (_foreign_duckdb, "not a referat archive (it holds the tables ledger); referat leaves it as it is, "
                      "choose another --db"),
    (_sqlite, "not a DuckDB database but a SQLite database; referat leaves it as it is, choose another --db"),
    (lambda p: p.write_bytes(b"") and p, "the file is empty, not a referat archive"),
], ids=["truncated", "foreign-duckdb", "sqlite", "empty"])
@pytest.mark.parametrize("command", [["ingest", str(MINUTES / "styret-2024-09-02.md")], ["verify"],
                                     ["query", "SELECT 1"], ["export"]], ids=lambda c: c[0])
def test_a_database_that_is_not_an_archive_is_refused_untouched(tmp_path: Path, make, message: str,
                                                                 command: list[str]):
    """Issue #19.12: exit 4 and a message, never a traceback, and the file is left as it was."""
    db = tmp_path / "x.duckdb"
    make(db)
    before = _sha(db)
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == ExitCode.database_error
    assert result.output.startswith(f"Error: {db}: {message}")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _sha(db) == before


@pytest.mark.parametrize(("sql", "refused"), [
    ("COPY meetings TO '{other}'", "COPY is refused"),
    ("EXPORT DATABASE '{folder}'", "EXPORT is refused"),
    ("ATTACH '{other}' AS other", "ATTACH is refused"),
    ("SET threads = 1", "SET is refused"),
    ("PRAGMA enable_profiling", "PRAGMA is refused"),
    ("CHECKPOINT", "CALL is refused"),
    ("INSTALL sqlite", "LOAD is refused"),
    ("SELECT 1; DELETE FROM meetings", "DELETE is refused"),
    ("SELECT * FROM read_text('/etc/hostname')", "no other file"),
    ("SELECT * FROM read_csv('{other}')", "no other file"),
])
def test_query_reads_the_archive_and_nothing_else(seeded_db: Path, tmp_path: Path, sql: str, refused: str):
    """Issue #19.13: `referat query` cannot write, read or overwrite any file, nor change its settings."""
    other = _foreign_duckdb(tmp_path / "other.duckdb")
    before = _sha(other), _sha(seeded_db)
    result = CliRunner().invoke(main, ["query", "--db", str(seeded_db),
                                       sql.format(other=other, folder=tmp_path / "dump")])
    assert result.exit_code == ExitCode.bad_args
    assert result.output.startswith("Error: referat query only reads the archive")
    assert refused in result.output
    assert (_sha(other), _sha(seeded_db)) == before and not (tmp_path / "dump").exists()
    reading = CliRunner().invoke(main, ["query", "--db", str(seeded_db), "--format", "csv",
                                        "WITH m AS (FROM meetings) SELECT count(*) AS n FROM m"])
    assert reading.exit_code == 0 and reading.output == "n\n3\n", reading.output


# An ingest whose every document is a batch of its own, that pauses after its 20th document until a
# reader waits in line: so the test sees it refuse others in the middle of the run, for certain.
PAUSING_INGEST = """
import sys, time
from pathlib import Path
sys.argv[0] = "referat"
import referat.store.ingest as s
s.BATCH_SECONDS = 0.0
report = s._report
def pause(summary, loaded, on_result):
    report(summary, loaded, on_result)
    deadline = time.time() + 60
    while summary.n_files == 20 and not s.writer.readers_waiting(Path(sys.argv[4])) and time.time() < deadline:
        time.sleep(0.05)
s._report = pause
from referat.cli import main
main()
"""


def test_readers_read_while_an_ingest_runs(tmp_path: Path):
    """Issue #19.14: a reader is told who writes and since when; with --wait it reads the last committed
    batch while the ingest goes on; a second writer is refused all the while."""
    folder = _corpus(tmp_path / "corpus", 40)
    db = tmp_path / "a.duckdb"
    ingest = subprocess.Popen([sys.executable, "-c", PAUSING_INGEST, "ingest", str(folder), "--db", str(db),
                               "--workers", "1", "--verbose"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    stored = 0
    while stored < 20:
        line = ingest.stderr.readline()
        assert line, "the run ended before it could be read"
        stored += line.startswith("loaded: ")
    holder = f"(`referat ingest {folder} --db {db} --workers 1 --verbose`, pid {ingest.pid}, since "
    cli = [sys.executable, "-m", "referat.cli"]
    refused = subprocess.run([*cli, "query", "--db", str(db), "SELECT 1"], capture_output=True, text=True)
    assert refused.returncode == ExitCode.database_error
    assert refused.stderr.startswith(f"Error: {db}: the database is in use by another referat process {holder}")
    assert refused.stderr.rstrip().endswith("try again when it ends, or add --wait to wait for it")
    writer = subprocess.run([*cli, "ingest", str(MINUTES), "--db", str(db)], capture_output=True, text=True)
    assert writer.returncode == ExitCode.database_error and holder in writer.stderr
    read = subprocess.run([*cli, "query", "--wait", "--db", str(db), "--format", "csv",
                           "SELECT count(*) AS n FROM documents"], capture_output=True, text=True)
    assert read.returncode == 0 and read.stderr.startswith(f"{db}: waiting for another referat process {holder}")
    assert read.stdout == "n\n20\n"  # the last committed batch, in the middle of the run
    ingest.stderr.read()
    assert ingest.wait() == 0
    assert verify(connect(db, read_only=True)).ok
    assert _counts(db)["documents"] == 40
    assert not (tmp_path / "a.duckdb.writer").exists() and not (tmp_path / "a.duckdb.readers").exists()


def test_a_run_stopped_after_a_replacement_leaves_orphans_the_next_run_clears(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    """Orphans are cleaned up at the end of a run: verify names what a stopped run left, the next run clears it."""
    import referat.store.ingest as store_ingest
    from referat.pipeline import process_file

    minutes = tmp_path / "styret.md"
    original = (MINUTES / "styret-2024-09-02.md").read_text(encoding="utf-8")
    minutes.write_text(original, encoding="utf-8")
    conn = connect(tmp_path / "a.duckdb")
    store_ingest.ingest(conn, [minutes])
    minutes.write_text(original.replace("Under sak 13/24 deltok Lene Haugland (Forskningsrådet).", ""),
                       encoding="utf-8")

    def stopped():
        yield process_file(minutes)
        raise KeyboardInterrupt

    monkeypatch.setattr(store_ingest, "BATCH_SECONDS", 0.0)  # the replacement is committed before the stop
    with pytest.raises(KeyboardInterrupt):
        store_ingest.load_results(conn, stopped())
    assert "1 people no attendance row or pending review names (run `referat ingest` again to clean them up)" \
        in verify(conn).problems
    store_ingest.ingest(conn, [minutes])
    assert verify(conn).ok
    assert conn.execute("SELECT count(*) FROM people WHERE name = 'Lene Haugland'").fetchone()[0] == 0
