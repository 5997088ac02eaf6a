"""Reports on real numbers from the seeds; trace through cycles and missing cases; autoescaping."""

import csv
import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.reports.attendance import tally, write_attendance_pages
from referat.reports.pages import page_names
from referat.reports.publication import INTERNAL, PUBLIC, Policy
from referat.reports.register import register_rows, split_rows, write_register, write_register_pages
from referat.reports.render import slug
from referat.reports.trace import parse_case, trace
from referat.store import connect
from referat.store import queries as q


@pytest.fixture(scope="module")
def rows(seeded_db: Path):
    return q.attendance(connect(seeded_db, read_only=True))


def test_member_rates_and_substitutes(rows):
    people = {(r["name"], r["body"], r["year"]): r for r in tally(rows)["people"]}
    tonje = people[("Tonje Fyhn", "Styringsgruppen", 2023)]
    assert (tonje["expected"], tonje["substituted"], tonje["rate"]) == (1, 1, 0.0)
    assert tonje["substituted_by"] == "Jesper Blinkenberg"
    vedaa = people[("Øystein Vedaa", "Styringsgruppen", 2023)]
    assert (vedaa["remote"], vedaa["rate"]) == (1, 1.0)  # remote counts as attended
    greve = people[("Gottfried Greve", "Partnermøtet", 2023)]
    assert (greve["present"], greve["rate"]) == (1, 1.0)


def test_secretariat_observers_and_substitutes_are_listed_apart(rows):
    stats = tally(rows)
    assert not [r for r in stats["people"] if r["name"] == "Kristin Walter"]
    walter = [(r["body"], r["year"], r["category"]) for r in stats["others"] if r["name"] == "Kristin Walter"]
    assert walter == [("Partnermøtet", 2023, "secretariat"), ("Partnermøtet", 2026, "secretariat"),
                      ("Styringsgruppen", 2023, "secretariat")]
    tonje = [(r["body"], r["category"]) for r in stats["others"] if r["name"] == "Tonje Fyhn"]
    assert tonje == [("Partnermøtet", "substitute")]


def test_attendance_report_files(seeded_db: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["report", "attendance", "--db", str(seeded_db), "--body", "Partnermøtet",
                                       "--from", "2026-01-01", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with (tmp_path / "attendance.csv").open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert {r["year"] for r in table} == {"2026"} and {r["body"] for r in table} == {"Partnermøtet"}
    wolff = next(r for r in table if r["name"] == "Kjell A. Wolff")
    assert (wolff["substituted"], wolff["substituted_by"]) == ("1", "Ingelin Søråas")
    index = (tmp_path / "attendance.html").read_text(encoding="utf-8")
    assert _links(index) == ["attendance/partnermotet-2026.html"]  # the one body and year selected
    page = (tmp_path / "attendance" / "partnermotet-2026.html").read_text(encoding="utf-8")
    assert 'class="bar"' in page and "http" not in page.split("<body>")[1] and "http" not in index.split("<body>")[1]


def _links(html: str) -> list[str]:
    """The pages an index links to, each once, in its order."""
    return list(dict.fromkeys(re.findall(r'<a href="((?:attendance|register|votes)/[^"]+)"', html)))


def _cells(html: str, table: str) -> list[list[str]]:
    """The text of each cell of each body row of the table with this id, markup taken out."""
    body = html.split(f'<table id="{table}"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_the_attendance_index_links_a_page_per_body_and_year_with_exactly_its_rows(seeded_db: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["report", "attendance", "--db", str(seeded_db), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "attendance.html").read_text(encoding="utf-8")
    with (tmp_path / "attendance.csv").open(encoding="utf-8") as f:
        people = list(csv.DictReader(f))
    with (tmp_path / "attendance-organisations.csv").open(encoding="utf-8") as f:
        organisations = list(csv.DictReader(f))
    years = sorted({(r["body"], r["year"]) for r in people})
    assert years == [("Partnermøtet", "2023"), ("Partnermøtet", "2026"), ("Styringsgruppen", "2023")]
    assert _links(index) == ["attendance/partnermotet-2023.html", "attendance/partnermotet-2026.html",
                             "attendance/styringsgruppen-2023.html"]
    totals = _cells(index, "pages")
    for (body, year), href, total in zip(years, _links(index), totals, strict=True):
        page = (tmp_path / href).read_text(encoding="utf-8")
        mine = [r for r in people if (r["body"], r["year"]) == (body, year)]
        # the members table is the CSV's rows of this body and year, in its order, figure for figure
        shown = _cells(page, "members")
        assert [row[:9] for row in shown] == [[r["name"], r["organisation"], r["expected"], r["present"], r["remote"],
                                               r["substituted"], r["absent"], r["unknown"], r["substituted_by"]]
                                              for r in mine]
        assert [row[9] for row in shown] == [f"{float(r['rate']) * 100:.0f} %" if r["rate"] else "–" for r in mine]
        assert [row[:2] for row in _cells(page, "organisations")] == [
            [r["name"], r["expected"]] for r in organisations if (r["body"], r["year"]) == (body, year)]
        # the index's totals are the sums of the page's members
        assert total[:4] == [body, year, str(len(mine)), str(sum(int(r["expected"]) for r in mine))]
        assert f"<h1>Oppmøte – {body} {year}</h1>" in page and 'href="../attendance.html"' in page
    # the organisations' rows are all on some page, once
    assert sum(len(_cells((tmp_path / h).read_text(encoding="utf-8"), "organisations")) for h in _links(index)) \
        == len(organisations)


def _pages(folder: Path, index: str) -> str:
    """The index and every page it links to, as one text."""
    html = (folder / index).read_text(encoding="utf-8")
    return html + "".join((folder / href).read_text(encoding="utf-8") for href in _links(html))


def test_exempt_cases_are_withheld_unless_asked(seeded_db: Path, tmp_path: Path):
    public = CliRunner().invoke(main, ["report", "decisions", "--db", str(seeded_db), "--out", str(tmp_path / "p")])
    assert public.stderr.endswith("; 1 exempt case withheld\n") and public.stdout == ""
    html = _pages(tmp_path / "p", "register.html")
    assert "Samarbeidsmidler for 2024" not in html and "samarbeidsmidlene" not in html and "1 sak unntatt" in html
    assert "Sak 40-23 – unntatt offentlighet</td>" in html  # shown as withheld, not as a gap in the numbering
    internal = CliRunner().invoke(main, ["report", "decisions", "--db", str(seeded_db), "--include-exempt",
                                         "--out", str(tmp_path / "i")])
    assert "exempt case withheld" not in internal.output
    assert "Styringsgruppen vedtar fordeling av samarbeidsmidlene" in _pages(tmp_path / "i", "register.html")


@pytest.mark.parametrize("policy", [PUBLIC, INTERNAL])
def test_the_register_index_links_a_page_per_body_and_year_with_exactly_its_decisions(
        seeded_db: Path, tmp_path: Path, policy: Policy):
    args = ["--include-exempt"] if policy.include_exempt else []
    result = CliRunner().invoke(main, ["report", "decisions", "--db", str(seeded_db), "--out", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    # what the site's one-page register shows, from the items, is what the pages show between them
    expected = register_rows(q.items(connect(seeded_db, read_only=True), include_exempt=True), policy=policy)
    index = (tmp_path / "register.html").read_text(encoding="utf-8")
    keys = list(dict.fromkeys((r["body"], r["year"]) for r in sorted(expected, key=lambda r: (r["body"], r["year"]))))
    assert _links(index) == [f"register/{slug(body)}-{year}.html" for body, year in keys] and len(keys) == 3
    for (body, year), href, total in zip(keys, _links(index), _cells(index, "pages"), strict=True):
        mine = [r for r in expected if (r["body"], r["year"]) == (body, year)]
        shown = _cells((tmp_path / href).read_text(encoding="utf-8"), "register")
        assert shown == [[str(r["date"]), r["number"], r["title"],
                          *([f"Sak {r['number']} – {r['title']}"] if r["withheld"] else
                            [r["text"], "Vedtak/Konklusjon" if r["labeled"] else "umerket"]),
                          f"{r['source']} s. {r['page']}"] for r in mine]
        assert total == [body, str(year), str(sum(not r["withheld"] for r in mine)),
                         str(sum(r["withheld"] for r in mine) or "")]
    assert "Sak 40-23" not in index  # the index counts; the pages show


def test_trace_follows_references_across_bodies(seeded_db: Path):
    out = CliRunner().invoke(main, ["trace", "--db", str(seeded_db), "--json", "Partnermøtet 09-23"]).output
    t = json.loads(out)
    assert {"from": "Partnermøtet 09-23", "to": "Styringsgruppen 24-23"} in t["links"]
    missing = {c["case"] for c in t["cases"] if not c["in_archive"]}
    assert "Styringsgruppen 24-23" in missing
    text = CliRunner().invoke(main, ["trace", "--db", str(seeded_db), "Partnermøtet 06-26"]).output
    assert "Partnermøtet 10-25: not in the archive" in text
    assert "Partnermøtet 06-26 -> Partnermøtet 10-25" in text


@pytest.mark.parametrize("text", ["Styringsgruppen 24-23", "Oppfølging av sak 24-23 fra Styringsgruppen",
                                  "sak 24/23 i styringsgruppen", "Styrings 24-23"])
def test_a_case_as_an_analyst_names_it(text: str):
    assert parse_case(text, ["Partnermøtet", "Styringsgruppen", "Styret"]) == ("Styringsgruppen", "24-23")


def test_trace_of_an_exempt_case_says_it_is_withheld(seeded_db: Path):
    result = CliRunner().invoke(main, ["trace", "--db", str(seeded_db), "Styringsgruppen 40-23"])
    assert result.exit_code == 0 and "Styringsgruppen 40-23  unntatt offentlighet  (" in result.output
    assert "Samarbeidsmidler" not in result.output and "vedtak:" not in result.output
    result = CliRunner().invoke(main, ["trace", "--db", str(seeded_db), "--include-exempt", "Styringsgruppen 40-23"])
    assert result.exit_code == 0 and "Samarbeidsmidler for 2024" in result.output


def _item(body, number, refs, title="Tittel", date=dt.date(2024, 1, 1)):
    return {"id": hash((body, number)), "meeting_id": 1, "body": body, "date": date, "number": number,
            "title": title, "exempt": False, "page": 1, "line": 1, "source": "x.txt", "decisions": [],
            "follow_ups": [], "references": [{"target_body": b, "target_number": n, "raw": ""} for b, n in refs]}


def test_trace_terminates_on_a_cycle_and_shows_a_missing_target():
    items = [_item("A", "01-24", [("A", "02-24")]), _item("A", "02-24", [("A", "03-24"), ("B", "09-23")]),
             _item("A", "03-24", [("A", "01-24")])]
    t = trace(("A", "01-24"), items)
    assert t.cycles == [["A 01-24", "A 02-24", "A 03-24"]]
    assert [c["case"] for c in t.cases] == ["A 01-24", "A 02-24", "A 03-24", "B 09-23"]
    assert t.cases[-1]["in_archive"] is False


def test_html_is_autoescaped(tmp_path: Path):
    item = _item("A", "01-24", [], title="<script>alert('x')</script> Budsjett")
    item["decisions"] = [{"text": "Vedtatt <b>nå</b>", "labeled": True, "page": 1, "line": 2}]
    html = write_register([item], tmp_path).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Budsjett" in html
    assert "Vedtatt &lt;b&gt;nå&lt;/b&gt;" in html


def test_the_pages_escape_every_text_they_write_unescaped(tmp_path: Path):
    """The pages' rows are written with |e on each text instead of autoescape: every text is escaped."""
    evil = "<script>alert('x')</script>"
    decision = ("Styret <i>", dt.date(2024, 1, 1), evil, evil, evil, True, 1, evil, False, None)
    write_register_pages([decision], tmp_path)
    member = {"name": evil, "organisation": evil, "body": "Styret <i>", "year": 2024, "expected": 1, "present": 1,
              "remote": 0, "substituted": 0, "absent": 0, "unknown": 0, "substituted_by": evil, "rate": 1.0}
    other = {"name": evil, "body": "Styret <i>", "year": 2024, "category": "guest", "organisation": evil,
             "meetings": 1}
    write_attendance_pages([], tmp_path, rates={"people": [member], "organisations": [{**member, "name": evil}],
                                                "others": [other]})
    pages = [tmp_path / "register" / "styret-i-2024.html", tmp_path / "attendance" / "styret-i-2024.html",
             tmp_path / "register.html", tmp_path / "attendance.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<i>" not in html, page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in pages[0].read_text(encoding="utf-8")
    # members: name, organisation, vara; organisations: name; others: name, organisation
    assert pages[1].read_text(encoding="utf-8").count("&lt;script&gt;") == 6


def test_page_names_are_one_per_body_and_year_even_when_names_fold_alike():
    names = page_names([("STYRET", 2024), ("Styret", 2024), ("Styret", None), (None, 2023), ("Årsmøtet", 2024)],
                       "register")
    assert names == {("STYRET", 2024): "register/styret-2024.html", ("Styret", 2024): "register/styret-2024-2.html",
                     ("Styret", None): "register/styret-udatert.html",
                     ("Årsmøtet", 2024): "register/arsmotet-2024.html", (None, 2023): "register/uten-organ-2023.html"}
    assert list(names) == [("STYRET", 2024), ("Styret", 2024), ("Styret", None), ("Årsmøtet", 2024), (None, 2023)]


def test_a_year_of_more_decisions_than_a_page_holds_goes_on_in_linked_pages(tmp_path: Path):
    """A body's year of 1,201 decisions: three pages of at most PAGE_ROWS, every decision once and in
    order, each page linking to the others; the index links the first and counts them all."""
    decisions = [("Styret", dt.date(2024, 1, 1) + dt.timedelta(days=k // 10), f"{k:04d}-24", f"Sak {k}",
                  f"Vedtak nummer {k}", True, 1, "styret.txt", False, None) for k in range(1201)]
    decisions.append(("Styret", dt.date(2023, 5, 1), "01-23", "Sak", "Vedtak", False, 1, "styret.txt", False, None))
    write_register_pages(decisions, tmp_path)
    index = (tmp_path / "register.html").read_text(encoding="utf-8")
    assert _links(index) == ["register/styret-2023.html", "register/styret-2024.html"]
    assert _cells(index, "pages")[1] == ["Styret", "2024", "1201", ""]
    parts = ["styret-2024.html", "styret-2024-side-2.html", "styret-2024-side-3.html"]
    assert sorted(p.name for p in (tmp_path / "register").iterdir()) == sorted(["styret-2023.html", *parts])
    shown = []
    for k, name in enumerate(parts):
        html = (tmp_path / "register" / name).read_text(encoding="utf-8")
        rows = _cells(html, "register")
        assert len(rows) == (500 if k < 2 else 201)
        shown += [row[3] for row in rows]
        pager = html.split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
        assert all(f'href="{other}"' in pager for j, other in enumerate(parts) if j != k)
        assert f'<strong aria-current="page">{k + 1}</strong>' in pager
        assert ('rel="prev"' in pager) == (k > 0) and ('rel="next"' in pager) == (k < 2)
    assert shown == [f"Vedtak nummer {k}" for k in range(1201)]
    assert '<nav class="pager"' not in (tmp_path / "register" / "styret-2023.html").read_text(encoding="utf-8")


def test_a_page_of_long_decisions_is_split_by_its_size():
    rows = [(dt.date(2024, 1, 1), "01-24", "Sak", "x" * 50_000, True, False, "a.txt", 1)] * 9
    parts = split_rows(rows)
    assert [len(p) for p in parts] == [3, 3, 3] and [r for p in parts for r in p] == rows
    assert split_rows([]) == [[]] and [len(p) for p in split_rows(rows[:1] * 2, chars=10)] == [1, 1]
