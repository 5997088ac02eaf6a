"""SQL for analysts: comments on every column, the views the reports read, `referat schema`, the
read-only Python API, the Parquet and Popolo exports and the storage format older duckdb reads."""

from __future__ import annotations

import csv
import hashlib
import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_publication import GUEST
from test_votes import EXTRACT, PROTOCOL

import referat
from helpers import EXEMPT
from referat.cli import main
from referat.errors import DatabaseError, MissingDependencyError
from referat.reports.attendance import tally
from referat.reports.labels import label
from referat.reports.publication import INTERNAL, PUBLIC, Policy, publish_attendance
from referat.store import connect
from referat.store import queries as q


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def voted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Minutes with votes, one of them in an exempt case, and the exempt-case fixtures."""
    folder = tmp_path_factory.mktemp("voted")
    (folder / "protokoll.txt").write_text(PROTOCOL, encoding="utf-8")
    (folder / "utskrift.txt").write_text(EXTRACT, encoding="utf-8")
    run("ingest", str(folder), str(EXEMPT / "kontrollutvalget-2025-01-20.txt"), "--db", str(folder / "a.duckdb"),
        "--workers", "1")
    return folder / "a.duckdb"


def test_every_table_view_and_column_has_a_comment(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    bare = conn.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
                        "AND schema_name = 'main' AND coalesce(comment, '') = ''").fetchall()
    assert bare == []
    bare = conn.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND coalesce(comment, '') = '' "
                        "UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal "
                        "AND coalesce(comment, '') = ''").fetchall()
    assert bare == []
    views = {v for (v,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"attendance_rates", "attendance_organisation_rates", "decisions_full", "case_links",
            "party_votes", "attendance_organisations"} <= views


def test_views_and_comments_are_written_once(seeded_db: Path, tmp_path: Path):
    """A writer that finds them in place leaves them: the archive file is not changed by opening it."""
    db = tmp_path / "copy.duckdb"
    db.write_bytes(seeded_db.read_bytes())
    connect(db).close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    connect(db).close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_schema_lists_tables_views_and_columns_with_comments(seeded_db: Path):
    out = run("schema", "--db", str(seeded_db))
    assert "table items: Cases (saker) on a meeting's agenda" in out
    assert "view case_links: A case's links both ways" in out
    assert any(line.split() == ["legal_basis", "VARCHAR", "Of", "an", "exempt", "case:", "'offl.", "§", "13',",
                                "as", "shown", "where", "it", "is", "withheld"] for line in out.splitlines())


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _text(value: object) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("args", [(), ("--body", "Styringsgruppen", "--from", "2023-06-01")])
def test_every_figure_of_the_attendance_report_is_the_view(seeded_db: Path, tmp_path: Path, args: tuple[str, ...]):
    run("report", "attendance", "--db", str(seeded_db), "--out", str(tmp_path), *args)
    conn = connect(seeded_db, read_only=True)
    body, start = (args[1], args[3]) if args else (None, None)
    for name, macro in (("attendance.csv", "attendance_rates_between"),
                        ("attendance-organisations.csv", "attendance_organisation_rates_between")):
        report = _csv(tmp_path / name)
        cursor = conn.execute(f"SELECT * FROM {macro}(?, ?, NULL) ORDER BY name, body, year", [body, start])
        columns = [d[0] for d in cursor.description]
        view = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        assert len(report) == len(view) > 0
        for shown, row in zip(report, view, strict=True):
            assert shown == {key: _text(row[key]) for key in shown}
    # the last table of each body's year: everyone but members, with their meetings
    index = (tmp_path / "attendance.html").read_text(encoding="utf-8")
    others = []
    for href, body_name, year in re.findall(r'<tr><td><a href="([^"]+)">(.*?)</a></td><td class="n"><a [^>]+>(.*?)</a>',
                                            index):
        page = (tmp_path / href).read_text(encoding="utf-8")
        others += [(name, category, organisation, body_name, year, meetings) for name, category, organisation, meetings
                   in re.findall(r"<tr[^>]*><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td class=\"n\">(.*?)</td></tr>",
                                 page.split('<table id="others"', 1)[1])]
    others.sort(key=lambda row: (row[0], row[3], row[4]))
    view = [(name, label(category, "category"), *rest) for name, category, *rest in conn.execute(
        "SELECT name, category, coalesce(organisation, ''), body, year::VARCHAR, meetings::VARCHAR "
        "FROM attendance_others_between(?, ?, NULL, false) ORDER BY name, body, year", [body, start]).fetchall()]
    assert [tuple(html.unescape(cell) for cell in row) for row in others] == view and view
    if not args:  # the whole view, as an analyst reads it, is the report's people table
        assert len(conn.execute("FROM attendance_rates").fetchall()) == len(_csv(tmp_path / "attendance.csv"))


@pytest.mark.parametrize("policy", [PUBLIC, INTERNAL])
def test_the_views_withhold_a_guest_at_exempt_cases_as_the_policy_does(voted: Path, policy: Policy):
    conn = connect(voted, read_only=True)
    rates = q.attendance_rates(conn, include_exempt=policy.include_exempt)
    assert rates == tally(publish_attendance(q.attendance(conn), policy))
    assert (GUEST in {r["name"] for r in rates["others"]}) == policy.include_exempt


def test_the_view_computes_the_rate_as_the_report_defines_it(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    rows = q.attendance(conn)
    rates = q.attendance_rates(conn)
    assert rates is not None
    assert rates == tally(publish_attendance(rows, PUBLIC))
    tonje = next(r for r in rates["people"] if r["name"] == "Tonje Fyhn")
    assert (tonje["expected"], tonje["substituted"], tonje["rate"], tonje["substituted_by"]) == \
        (1, 1, 0.0, "Jesper Blinkenberg")


def test_case_links_both_ways_and_decisions_with_their_case(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    links = conn.execute("SELECT direction, other_body, other_number FROM case_links WHERE body = 'Styringsgruppen' "
                         "AND number = '30-23' ORDER BY ALL").fetchall()
    assert ("referred_by", "Styringsgruppen", "41-23") in links
    assert conn.execute("SELECT count(*) FROM case_links WHERE direction = 'refers_to'").fetchone() == \
        conn.execute("SELECT count(*) FROM item_references").fetchone()
    assert conn.execute("SELECT count(*) FROM decisions_full").fetchone() == \
        conn.execute("SELECT count(*) FROM decisions").fetchone()


def test_party_votes(voted: Path):
    conn = connect(voted, read_only=True)
    rows = conn.execute("SELECT party, side, members FROM party_votes WHERE number = '21-25' "
                        "AND proposal = 'forslag 1' ORDER BY ALL").fetchall()
    # 'For forslag 1 stemte 3: K. Nordmann (AP), Per Hansen (AP), Ola Dahl (SP)', and the list for forslag 2
    # counts against forslag 1
    assert rows == [("AP", "for", 2), ("H", "against", 1), ("SP", "against", 1), ("SP", "for", 1)]


def test_new_archives_are_written_in_the_format_duckdb_1_1_reads(seeded_db: Path):
    """duckdb 1.1 reads storage version 64 ('v1.0.0+'); duckdb 2's own format (999) it refuses. The
    check with duckdb 1.1.0 itself installs it, so it is done by hand (see the README)."""
    head = seeded_db.read_bytes()[:20]
    assert head[8:12] == b"DUCK"
    assert int.from_bytes(head[12:20], "little") == 64
    conn = connect(seeded_db, read_only=True)
    tags = conn.execute("SELECT tags FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    assert tags is not None and tags[0]["storage_version"] == "v1.0.0+"


def test_the_api_reads_and_never_writes(seeded_db: Path, tmp_path: Path):
    db = tmp_path / "api.duckdb"
    db.write_bytes(seeded_db.read_bytes())
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with referat.open(db) as a:
        table = a.sql("SELECT body, count(*) AS n FROM decisions_full WHERE body = ? GROUP BY body",
                      ["Styringsgruppen"]).arrow()
        assert table.column_names == ["body", "n"] and table.num_rows == 1
        rates = a.attendance(body="Styringsgruppen").rows()
        assert rates == a.sql("FROM attendance_rates WHERE body = 'Styringsgruppen' ORDER BY name, year").rows()
        assert {r["name"] for r in rates} >= {"Tonje Fyhn"}
        trace = a.trace("Styringsgruppen 41-23").rows()
        assert trace[0]["case"] == "Styringsgruppen 41-23"
        assert "Styringsgruppen 30-23" in trace[0]["refers_to"]
        with pytest.raises(DatabaseError, match="read-only"):
            a.sql("CREATE TABLE x (a INTEGER)")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_the_api_says_what_is_missing(seeded_db: Path):
    with referat.open(seeded_db) as a:
        if importlib.util.find_spec("pandas") is None:
            with pytest.raises(MissingDependencyError, match="referat\\[pandas\\]"):
                a.sql("SELECT 1").df()
        else:
            assert a.sql("SELECT 1 AS one").df()["one"].tolist() == [1]
        if importlib.util.find_spec("referat.store.search") is None:
            with pytest.raises(MissingDependencyError, match="search"):
                a.search("midler")


def test_api_search_when_the_search_module_is_there(seeded_db: Path):
    pytest.importorskip("referat.store.search")
    with referat.open(seeded_db) as a:
        assert len(a.search("samarbeidsmidler")) > 0


def test_import_referat_loads_no_database_or_reports():
    import subprocess
    import sys

    code = "import sys, referat; print(sorted(m for m in ('duckdb', 'pyarrow', 'jinja2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_parquet_export_withholds_exempt_cases(voted: Path, tmp_path: Path):
    import duckdb

    public, internal = tmp_path / "public", tmp_path / "internal"
    out = CliRunner().invoke(main, ["export", "--db", str(voted), "--format", "parquet", "--out", str(public)])
    assert out.exit_code == 0, out.output
    run("export", "--db", str(voted), "--format", "parquet", "--out", str(internal), "--include-exempt")
    conn = connect(voted, read_only=True)
    names = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() UNION ALL "
                                        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {p.stem for p in internal.glob("*.parquet")} == names
    assert {p.stem for p in public.glob("*.parquet")} == names - {"reviews", "decisions_log"}
    exempt = conn.execute("SELECT count(*) FROM decisions d JOIN items i ON i.id = d.item_id WHERE i.exempt"
                          ).fetchone()[0]
    assert exempt > 0

    def read(folder: Path, sql: str) -> list[tuple[object, ...]]:
        return duckdb.sql(sql.replace("FROM ", f"FROM '{folder}/").replace(" WHERE", ".parquet' WHERE")).fetchall()

    assert read(public, "SELECT count(*) FROM decisions_full WHERE exempt") == [(0,)]
    assert read(internal, "SELECT count(*) FROM decisions_full WHERE exempt") == [(exempt,)]
    assert read(public, "SELECT DISTINCT title LIKE 'unntatt offentlighet%', text IS NULL FROM items WHERE exempt") \
        == [(True, True)]
    exempt_votes = conn.execute("SELECT count(*) FROM votes v JOIN items i ON i.id = v.item_id WHERE i.exempt"
                                ).fetchone()[0]
    all_votes = conn.execute("SELECT count(*) FROM votes").fetchone()[0]
    assert exempt_votes > 0
    assert duckdb.sql(f"SELECT count(*) FROM '{public}/votes.parquet'").fetchall()[0][0] == all_votes - exempt_votes
    withheld = "SELECT count(*) FROM '{}/documents.parquet' WHERE raw_text LIKE '%lønnstrinn%'"
    assert duckdb.sql(withheld.format(public)).fetchall() == [(0,)]
    assert duckdb.sql(withheld.format(internal)).fetchall() == [(1,)]


def test_popolo_export(voted: Path, tmp_path: Path):
    run("export", "--db", str(voted), "--format", "popolo", "--out", str(tmp_path / "p.json"))
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert set(data) == {"persons", "organizations", "memberships", "events", "vote_events"}
    vote = next(v for v in data["vote_events"] if v["motion"]["case"] == "21-25" and v["motion"]["text"] == "forslag 1")
    assert vote["result"] == "pass"
    assert {"option": "yes", "value": 3} in vote["counts"] and {"option": "no", "value": 2} in vote["counts"]
    hansen = next(p for p in data["persons"] if p["name"] == "Per Olav Hansen")
    assert {"voter_id": hansen["id"], "voter_name": "Per Olav Hansen", "option": "yes",
            "group_id": "organization/ap"} in vote["votes"]
    ids = {o["id"] for o in data["organizations"]}
    assert all(m["organization_id"] in ids for m in data["memberships"])
    assert all(v["event_id"] in {e["id"] for e in data["events"]} for v in data["vote_events"])
    conn = connect(voted, read_only=True)
    exempt_cases = {n for (n,) in conn.execute("SELECT number FROM items WHERE exempt").fetchall()}
    assert not [v for v in data["vote_events"] if v["motion"]["case"] in exempt_cases]
    run("export", "--db", str(voted), "--format", "popolo", "--out", str(tmp_path / "i.json"), "--include-exempt")
    internal = json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))
    assert [v for v in internal["vote_events"] if v["motion"]["case"] in exempt_cases]


def test_json_export_is_unchanged_by_the_formats(seeded_db: Path):
    default = run("export", "--db", str(seeded_db))
    assert run("export", "--db", str(seeded_db), "--format", "json") == default
    assert isinstance(json.loads(default), list)
