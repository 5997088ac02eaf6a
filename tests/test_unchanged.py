"""A top-up reads only what is new: a file the archive holds as it is is skipped before it is
read, hashed only when its size or mtime changed (or with --rehash), and a scan is never OCR'd again."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import SEED_PDF, SEED_TEXTS
from referat.cli import main
from referat.store import connect
from referat.store import unchanged as unchanged_module
from referat.store.ingest import ingest


def _copies(folder: Path, n: int = 2) -> list[Path]:
    folder.mkdir()
    return [Path(shutil.copy(source, folder / source.name)) for source in SEED_TEXTS[:n]]


def _no_hashing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file hashed to decide whether it changed."""
    hashed: list[Path] = []
    real = unchanged_module._sha256

    def counting(path: Path) -> str | None:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(unchanged_module, "_sha256", counting)
    return hashed


def _never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import referat.pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(referat.pipeline, "read_document", refuse)


def test_an_unchanged_file_is_neither_read_nor_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = _copies(tmp_path / "in")
    conn = connect(tmp_path / "a.duckdb")
    assert ingest(conn, files).outcomes == {"loaded": 2}
    hashed = _no_hashing(monkeypatch)
    _never_read(monkeypatch)
    summary = ingest(conn, files)
    assert summary.outcomes == {"unchanged": 2}
    assert summary.n_files == 2
    assert hashed == []


def test_a_touched_file_is_hashed_once_and_stamped_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = _copies(tmp_path / "in")
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, files)
    stat = files[0].stat()
    os.utime(files[0], ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    hashed = _no_hashing(monkeypatch)
    _never_read(monkeypatch)
    assert ingest(conn, files).outcomes == {"unchanged": 2}
    assert hashed == [files[0]]
    assert conn.execute("SELECT mtime_ns FROM documents WHERE path = ?", [os.path.realpath(files[0])]).fetchall() \
        == [(stat.st_mtime_ns + 5_000_000_000,)]
    ingest(conn, files)
    assert hashed == [files[0]]  # the new stamp is trusted the next time


def test_an_archive_without_stamps_hashes_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = _copies(tmp_path / "in")
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, files)
    conn.execute("UPDATE documents SET mtime_ns = NULL")  # as an archive made before the stamps was
    hashed = _no_hashing(monkeypatch)
    _never_read(monkeypatch)
    assert ingest(conn, files).outcomes == {"unchanged": 2}
    assert ingest(conn, files).outcomes == {"unchanged": 2}
    assert sorted(hashed) == sorted(files)


def test_rehash_finds_a_change_that_kept_size_and_mtime(tmp_path: Path):
    files = _copies(tmp_path / "in", 1)
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, files)
    stat = files[0].stat()
    text = files[0].read_bytes()
    files[0].write_bytes(text.replace(b"e", b"E", 1))  # a restored backup can carry its old mtime
    os.utime(files[0], ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ingest(conn, files).outcomes == {"unchanged": 1}
    assert ingest(conn, files, rehash=True).outcomes == {"replaced": 1}
    assert ingest(conn, files, rehash=True).outcomes == {"unchanged": 1}


def test_a_copy_is_skipped_unread_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = _copies(tmp_path / "in", 1)
    twin = Path(shutil.copy(files[0], tmp_path / "twin.txt"))
    conn = connect(tmp_path / "a.duckdb")
    assert ingest(conn, [*files, twin]).outcomes == {"loaded": 1, "copy": 1}
    hashed = _no_hashing(monkeypatch)
    _never_read(monkeypatch)
    assert ingest(conn, [*files, twin]).outcomes == {"unchanged": 2}
    assert hashed == []


def test_a_changed_and_a_new_file_are_read_beside_unchanged_ones(tmp_path: Path):
    files = _copies(tmp_path / "in", 3)
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, files[:2])
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nTillegg.\n", encoding="utf-8")
    summary = ingest(conn, files)
    assert summary.outcomes == {"unchanged": 1, "replaced": 1, "loaded": 1}


def test_a_failed_file_is_read_again(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    conn = connect(tmp_path / "a.duckdb")
    assert ingest(conn, [bad]).outcomes == {"failed": 1}
    bad.write_text(SEED_TEXTS[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert ingest(conn, [bad]).outcomes == {"loaded": 1}


def test_cli_rehash(tmp_path: Path):
    files = _copies(tmp_path / "in", 1)
    db = str(tmp_path / "a.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", *map(str, files), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["ingest", *map(str, files), "--db", db, "--rehash"])
    assert result.exit_code == 0, result.output
    assert "1 file read into" in result.output and "0 loaded, 0 replaced, 1 unchanged, 0 failed" in result.output


def test_an_unchanged_scan_is_not_ocrd_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from benchmarks.scan import rasterise
    from referat.errors import OcrUnavailableError
    from referat.ingest import ocr

    try:
        ocr.check_language(ocr.tesseract_command("this test"), "this test")
    except OcrUnavailableError as exc:
        pytest.fail(f"{exc}. `make test` installs Tesseract as root (.ci/system-deps)", pytrace=False)
    scan = rasterise(SEED_PDF, tmp_path / "scan.pdf", pages=1)
    conn = connect(tmp_path / "a.duckdb")
    first = ingest(conn, [scan])
    assert first.outcomes == {"loaded": 1}, first.failed
    assert conn.execute("SELECT bool_and(ocr) FROM pages").fetchall() == [(True,)]

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged scan was OCR'd again")

    monkeypatch.setattr(ocr, "tesseract_command", no_ocr)
    monkeypatch.setattr(ocr, "read_scanned", no_ocr)
    assert ingest(conn, [scan]).outcomes == {"unchanged": 1}
    assert ingest(conn, [scan], rehash=True).outcomes == {"unchanged": 1}  # hashed, not read


def test_a_run_with_nothing_new_imports_no_reader_extractor_or_spacy(tmp_path: Path):
    import subprocess
    import sys

    files = _copies(tmp_path / "in", 1)
    db = tmp_path / "a.duckdb"
    ingest(connect(db), files)
    code = ("import sys\nfrom referat.cli import main\n"
            f"sys.argv = ['referat', 'ingest', {str(files[0])!r}, '--db', {str(db)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('spacy', 'pydantic', 'pyarrow', 'referat.extract', 'referat.normalize') "
            "if m in sys.modules])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["[]"]  # the messages go to stderr
    assert run.stderr.splitlines()[-1] == f"1 file read into {db}: 0 loaded, 0 replaced, 1 unchanged, 0 failed"
