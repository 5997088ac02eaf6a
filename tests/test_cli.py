"""The CLI in process, as a user calls it; exact output where it matters."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import MINUTES, SAMPLES
from referat.cli import main
from referat.errors import ExitCode


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def all_commands(group=main, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(all_commands()), ids=" ".join)
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) > 2 and lines[2].strip(), f"{command} has no help text"


def test_ingest_export_query(tmp_path: Path):
    db = str(tmp_path / "a.duckdb")
    result = run("ingest", str(SAMPLES), "--db", db, "--workers", "1")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (f"6 files read into {db}: 6 loaded, 0 replaced, 0 unchanged, "
                                              "0 failed (stored: 4 as minutes, 2 as other)")
    out = tmp_path / "e.json"
    assert run("export", "--db", db, "--out", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["kind"] for d in data] == ["minutes", "minutes", "other", "minutes", "other", "minutes"]
    result = run("query", "--db", db, "--format", "csv",
                 "SELECT number, title FROM items WHERE exempt ORDER BY number")
    assert result.output.splitlines() == ["number,title", "40-23,Samarbeidsmidler for 2024 – innstilling og tildeling"]
    # the PDF of seed 000 is the same meeting: one meeting, two source documents
    result = run("query", "--db", db, "--format", "json", "SELECT count(*) AS n FROM meetings")
    assert json.loads(result.output) == [{"n": 3}]
    result = run("query", "--db", db, "--format", "csv", "SELECT d.source, s.role FROM meeting_sources s "
                 "JOIN documents d ON d.id = s.document_id JOIN meetings m ON m.id = s.meeting_id "
                 "WHERE m.date = '2023-12-11' ORDER BY s.role DESC")
    assert result.output.splitlines() == ["source,role", "000_b0133e4c38a4f008.txt,primary",
                                          "styringsgruppen-2023-12-11.pdf,copy"]
    pdf = next(d for d in data if d["source"].endswith(".pdf"))
    assert pdf["meeting"]["date"] == "2023-12-11" and len(pdf["items"]) == 7


def test_an_export_stopped_halfway_leaves_the_one_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import referat.store.export as export

    db = str(tmp_path / "a.duckdb")
    assert run("ingest", str(SAMPLES), "--db", db, "--workers", "1").exit_code == 0
    out = tmp_path / "e.json"
    assert run("export", "--db", db, "--out", str(out)).exit_code == 0
    before = out.read_bytes()
    assert len(json.loads(before)) == 6
    whole = export.iter_documents

    def stops_after_two(conn, batch=export.BATCH):
        for k, doc in enumerate(whole(conn, batch)):
            if k == 2:
                raise OSError(28, "No space left on device")
            yield doc

    monkeypatch.setattr(export, "iter_documents", stops_after_two)
    result = CliRunner().invoke(main, ["export", "--db", db, "--out", str(out)])
    assert result.exit_code != 0 and isinstance(result.exception, OSError)
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.glob("e.json*")) == ["e.json"]


def test_ingest_reports_bad_files_and_exits_nonzero(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.md").write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "a.duckdb"),
                                       "--workers", "1"])
    assert result.exit_code == ExitCode.input_failed
    assert f"failed: {tmp_path / 'empty.txt'}: the file is empty (0 bytes)" in result.output
    assert result.stderr.endswith(f"2 files read into {tmp_path / 'a.duckdb'}: 1 loaded, 0 replaced, 0 unchanged, "
                                  "1 failed (stored: 1 as minutes)\n")


def test_query_errors_are_one_line(tmp_path: Path):
    db = str(tmp_path / "a.duckdb")
    run("ingest", str(MINUTES / "styret-2024-09-02.md"), "--db", db)
    result = CliRunner().invoke(main, ["query", "--db", db, "SELECT nope FROM items"])
    assert result.exit_code == ExitCode.database_error
    assert result.output.startswith("Error: query failed:")


def test_missing_database_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == ExitCode.database_error
    assert "no such database" in result.output


def test_resolve_json_contract(seeded_db: Path):
    result = run("resolve", "--db", str(seeded_db), "--json", "Kjell Wollf", "HVL", "Ola Nordmann")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["query"], r["kind"], r["name"]) for r in rows] == [
        ("Kjell Wollf", "person", "Kjell A. Wolff"), ("HVL", "organisation", "Høgskulen på Vestlandet"),
        ("Ola Nordmann", "person", None)]
    assert rows[2]["id"] is None


def _write(path: Path, name: str, number: str) -> Path:
    path.write_text(f"Referat fra møte i Faglig forum\n\nDato: 01.02.2024\n\nTil stede: {name}, Ola Berg\n\n"
                    f"Sak {number} Godkjenning\n\nReferatet ble godkjent.\n", encoding="utf-8")
    return path


def test_a_review_decision_survives_reingest(tmp_path: Path):
    db = str(tmp_path / "a.duckdb")
    run("ingest", str(_write(tmp_path / "a.txt", "Kari Hansen", "1/24")), "--db", db)
    later = _write(tmp_path / "c.txt", "Karin Hansen", "3/24")
    run("ingest", str(later), "--db", db)
    listing = run("review", "--db", db).output
    assert "'Karin Hansen' ~ 'Kari Hansen'" in listing and "c.txt page 1 line 5" in listing
    review_id = listing.split()[0].lstrip("#")
    assert run("review", "--db", db, "accept", review_id).output.strip() == "'Karin Hansen' is 'Kari Hansen'"
    # the file changes and is read again: the decision still holds, nothing new to review
    later.write_text(later.read_text(encoding="utf-8").replace("Godkjenning", "Godkjenning av referat"),
                     encoding="utf-8")
    assert "1 replaced" in run("ingest", str(later), "--db", db).output
    assert run("review", "--db", db).output.strip() == "No matches wait for review."
    result = run("query", "--db", db, "--format", "csv",
                 "SELECT p.name FROM attendance a JOIN people p ON p.id = a.person_id "
                 "WHERE a.name_raw = 'Karin Hansen'")
    assert result.output.splitlines() == ["name", "Kari Hansen"]


def test_people_merge_and_split(tmp_path: Path):
    db = str(tmp_path / "a.duckdb")
    run("ingest", str(_write(tmp_path / "a.txt", "Kari Nilsen", "1/24")),
        str(_write(tmp_path / "b.txt", "Kari B. Nilsen", "2/24")), "--db", db)
    listing = run("people", "--db", db).output
    assert "Kari Nilsen" in listing and "(also: Kari B. Nilsen)" in listing
    assert "is now a person of its own" in run("people", "--db", db, "split", "Kari Nilsen", "Kari B. Nilsen").output
    assert run("query", "--db", db, "--format", "csv", "SELECT count(*) FROM people WHERE name LIKE 'Kari%'"
               ).output.splitlines()[1] == "2"
    assert "merged into" in run("people", "--db", db, "merge", "Kari Nilsen", "Kari B. Nilsen").output
    assert run("query", "--db", db, "--format", "csv", "SELECT count(*) FROM people WHERE name LIKE 'Kari%'"
               ).output.splitlines()[1] == "1"


def _attendance(db: Path, out: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["report", "attendance", "--db", str(db), "--out", str(out), *args])


USAGE = "Usage: main report attendance [OPTIONS]\nTry 'main report attendance --help' for help.\n\n"


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2023-13-45"],
     "Error: Invalid value for '--from': '2023-13-45' is no day of the calendar (day 45, month 13, year 2023)\n"),
    (["--from", "yesterday"],
     "Error: Invalid value for '--from': 'yesterday' is not a date; write it as 2023-12-11 or 11.12.2023\n"),
    (["--to", "31.02.2024"],
     "Error: Invalid value for '--to': '31.02.2024' is no day of the calendar (day 31, month 2, year 2024)\n"),
], ids=["month 13", "a word", "31 February"])
def test_a_bad_date_is_refused_before_any_work(seeded_db: Path, tmp_path: Path, args: list[str], message: str):
    result = _attendance(seeded_db, tmp_path / "r", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (ExitCode.bad_args, "", USAGE + message)
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("command", ["attendance", "votes"])
def test_a_range_that_ends_before_it_starts_is_an_error(seeded_db: Path, tmp_path: Path, command: str):
    result = CliRunner().invoke(main, ["report", command, "--db", str(seeded_db), "--out", str(tmp_path / "r"),
                                       "--from", "2024-01-01", "--to", "2023-01-01"])
    assert (result.exit_code, result.stdout) == (ExitCode.bad_args, "")
    assert result.stderr == ("Error: --to 2023-01-01 is before --from 2024-01-01, so nothing lies between them; "
                             "swap the two dates\n")


def test_a_norwegian_date_is_a_date(seeded_db: Path, tmp_path: Path):
    result = _attendance(seeded_db, tmp_path / "r", "--from", "11.12.2023", "--to", "11.12.2023")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"wrote {tmp_path / 'r' / 'attendance.html'} and CSV beside it\n"
    with (tmp_path / "r" / "attendance.csv").open(encoding="utf-8") as f:
        assert {(r["body"], r["year"]) for r in csv.DictReader(f)} == {("Styringsgruppen", "2023")}


@pytest.mark.parametrize("body", ["Styringsgruppen", "styringsgruppen", "STYRINGSGRUPPEN", "Styr"])
def test_a_body_matches_in_any_case_and_by_its_start(seeded_db: Path, tmp_path: Path, body: str):
    result = _attendance(seeded_db, tmp_path / "r", "--body", body)
    assert result.exit_code == 0, result.output
    with (tmp_path / "r" / "attendance.csv").open(encoding="utf-8") as f:
        assert {r["body"] for r in csv.DictReader(f)} == {"Styringsgruppen"}


def test_a_misspelt_body_is_refused_with_the_likely_one(seeded_db: Path, tmp_path: Path):
    result = _attendance(seeded_db, tmp_path / "r", "--body", "Styringsgrupen")
    assert (result.exit_code, result.stdout) == (ExitCode.bad_args, "")
    assert result.stderr == ("Error: no body is called 'Styringsgrupen'; did you mean 'Styringsgruppen'? "
                             "The archive knows 'Partnermøtet' and 'Styringsgruppen'\n")
    result = CliRunner().invoke(main, ["report", "votes", "--db", str(seeded_db), "--out", str(tmp_path / "v"),
                                       "--body", "Bystyret"])
    assert (result.exit_code, result.stderr) == (
        ExitCode.bad_args, "Error: no body is called 'Bystyret'; The archive knows 'Partnermøtet' and "
                           "'Styringsgruppen'\n")


def test_an_empty_selection_is_said_on_stderr(seeded_db: Path, tmp_path: Path):
    result = _attendance(seeded_db, tmp_path / "r", "--from", "2030-01-01")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith("warning: no meeting with attendance matches --body, --from and --to; "
                                    "the report is empty\n")


@pytest.mark.parametrize("workers", ["0", "-3"])
def test_workers_must_be_at_least_one(tmp_path: Path, workers: str):
    result = CliRunner().invoke(main, ["ingest", str(MINUTES / "styret-2024-09-02.md"), "--db",
                                       str(tmp_path / "a.duckdb"), "--workers", workers])
    assert result.exit_code == ExitCode.bad_args
    assert result.stderr.endswith(f"Error: Invalid value for '--workers': {workers} is not in the range x>=1.\n")
    assert not (tmp_path / "a.duckdb").exists()


def test_resolve_exits_1_when_a_name_matches_nothing(seeded_db: Path):
    known = CliRunner().invoke(main, ["resolve", "--db", str(seeded_db), "Kjell Wollf"])
    assert known.exit_code == 0
    result = CliRunner().invoke(main, ["resolve", "--db", str(seeded_db), "Kjell Wollf", "Ola Nordmann"])
    assert result.exit_code == ExitCode.no_match == 1
    assert result.stdout.splitlines()[1] == "Ola Nordmann -> no match"


def test_the_summary_adds_up_on_a_rerun_and_a_failure_read_again(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.md").write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    db = str(tmp_path / "a.duckdb")
    run("ingest", str(tmp_path / "ok.md"), "--db", db)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "ok.md"), "--db", db])
    assert result.stderr == (f"unchanged: {tmp_path / 'ok.md'}\n"
                             f"1 file read into {db}: 0 loaded, 0 replaced, 1 unchanged, 0 failed\n")
    for _ in range(2):  # the second time, the failure is on record already: still failed, not unchanged
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.txt"), "--db", db])
        assert result.exit_code == ExitCode.input_failed
        assert result.stderr == (f"failed: {tmp_path / 'empty.txt'}: the file is empty (0 bytes)\n"
                                 f"1 file read into {db}: 0 loaded, 0 replaced, 0 unchanged, 1 failed\n")


def test_a_copy_is_counted_once(tmp_path: Path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    db = str(tmp_path / "a.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--db", db])
    assert result.stderr.endswith(f"2 files read into {db}: 1 loaded, 0 replaced, 0 unchanged, "
                                  "1 copy of another file, 0 failed (stored: 1 as minutes)\n")


def test_an_archive_held_by_another_program_says_so(tmp_path: Path):
    import subprocess
    import sys

    db = tmp_path / "a.duckdb"
    run("ingest", str(MINUTES / "styret-2024-09-02.md"), "--db", str(db))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n"
        result = CliRunner().invoke(main, ["query", "--db", str(db), "SELECT 1"])
    finally:
        holder.communicate("")
    assert result.exit_code == ExitCode.database_error
    assert result.stderr == (f"Error: {db}: the database is in use by another program (pid {holder.pid}); "
                             "try again when it ends, or add --wait to wait for it\n")


def test_query_shows_every_statement_and_whole_values(seeded_db: Path):
    result = run("query", "--db", str(seeded_db), "SELECT count(*) AS n FROM meetings WHERE body = 'Styringsgruppen'; "
                 "SELECT repeat('x', 70) AS long, 'to' || chr(10) || 'linjer' AS two UNION ALL SELECT 'y', 'z'")
    assert result.stdout == ("n\n-\n1\n(1 row)\n\n"
                             f"long{' ' * 68}two\n{'-' * 70}  ------\n{'x' * 70}  to\n{' ' * 72}linjer\n"
                             f"y{' ' * 71}z\n(2 rows)\n")


def test_query_cuts_only_when_asked_and_says_so(seeded_db: Path):
    result = run("query", "--db", str(seeded_db), "--max-width", "8", "SELECT 'Styringsgruppen' AS body, 1 AS n")
    assert result.stdout == "body      n\n--------  -\nStyring…  1\n(1 row)\n"


def test_query_formats_several_results(seeded_db: Path):
    sql = "SELECT 1 AS a; SELECT 2 AS b"
    assert run("query", "--db", str(seeded_db), "--format", "csv", sql).stdout == "a\n1\n\nb\n2\n"
    assert json.loads(run("query", "--db", str(seeded_db), "--format", "json", sql).stdout) == [[{"a": 1}], [{"b": 2}]]
    assert json.loads(run("query", "--db", str(seeded_db), "--format", "json", "SELECT 1 AS a").stdout) == [{"a": 1}]


def test_query_tables_as_the_duckdb_shell_says_it(seeded_db: Path):
    tables = run("query", "--db", str(seeded_db), ".tables").stdout.splitlines()
    # the rule under the header is as wide as the longest name
    names = [t for t in tables[2:] if t and not t.startswith("(")]
    assert tables[:2] == ["name", "-" * max(map(len, names))] and "meetings" in tables and "decisions" in tables
    assert tables == run("query", "--db", str(seeded_db), "SHOW TABLES").stdout.splitlines()


def test_ingest_names_each_file_on_a_line_when_not_on_a_terminal(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.md").write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    db = str(tmp_path / "a.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", db, "--workers", "1", "--verbose"])
    assert result.exit_code == ExitCode.input_failed
    # each failure once, with its reason, as it comes; the pages with --verbose
    assert result.stderr.splitlines() == [
        f"failed: {tmp_path / 'empty.txt'}: the file is empty (0 bytes)", f"loaded: {tmp_path / 'ok.md'} (1 page)",
        f"2 files read into {db}: 1 loaded, 0 replaced, 0 unchanged, 1 failed (stored: 1 as minutes)"]


def test_ingest_quiet_shows_only_failures(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.md").write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "a.duckdb"), "--quiet"])
    assert result.exit_code == ExitCode.input_failed
    assert (result.stdout, result.stderr) == ("", f"failed: {tmp_path / 'empty.txt'}: the file is empty (0 bytes)\n")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "ok.md"), "--db", str(tmp_path / "a.duckdb"), "-q"])
    assert (result.exit_code, result.output) == (0, "")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "a.duckdb"), "-q", "-v"])
    assert result.exit_code == ExitCode.bad_args
    assert result.stderr.endswith("Error: --verbose and --quiet contradict each other; give one of them\n")


def test_count_words_take_their_number(seeded_db: Path):
    listing = run("people", "--db", str(seeded_db)).output.splitlines()
    assert any(line.endswith(" 1 meeting") for line in listing) and any(" 3 meetings" in line for line in listing)
    assert not any(" 1 meetings" in line for line in listing)
