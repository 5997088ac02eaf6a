"""The static site as a reader meets it, checked in its HTML: Norwegian words for every value and
count, every table in its own scrolling box, an attendance chart whose bars differ in length and
carry their counts, a trace's links as links, and person pages with the rate the SQL view gives.
(How the pages look and behave in a browser: test_site_browser.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_votes import PROTOCOL

from helpers import ROOT
from referat.cli import main
from referat.reports.labels import VOCABULARIES, count, label, label_words


def _site(db: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(main, ["site", "--db", str(db), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def site(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _site(seeded_db, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def voting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of test_votes' protocol: named votes, a recusal and a vote in an exempt case."""
    folder = tmp_path_factory.mktemp("voting")
    (folder / "protokoll.txt").write_text(PROTOCOL, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder / "protokoll.txt"), "--db", str(folder / "a.duckdb"),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    return folder / "a.duckdb"


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def _text(html: str) -> str:
    """The page's words, tags and spacing taken out."""
    html = re.sub(r"<(style|script)>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _person(site: Path, name: str) -> str:
    index = _page(site, "people/index.html")
    found = re.search(rf'<a href="(\d+)\.html">{re.escape(name)}</a>', index)
    assert found, name
    return _page(site, f"people/{found.group(1)}.html")


def test_every_value_the_schema_names_has_a_norwegian_label():
    schema = (ROOT / "store" / "schema.sql").read_text(encoding="utf-8")
    named = {}
    for column, vocabulary in (("category", "category"), ("status", "status"), ("side", "side"),
                               ("outcome", "outcome"), ("kind", "kind")):
        for found in re.finditer(rf"^\s+{column}\s+VARCHAR[^-\n]*--\s*([a-z_]+(?:\s*\|\s*[a-z_]+)+)", schema, re.M):
            named.setdefault(vocabulary, set()).update(v.strip() for v in found.group(1).split("|"))
    named["status"] -= {"loaded", "failed", "pending", "accepted", "rejected"}  # documents' and review's, not shown
    named["kind"] -= {"minutes", "other", "failed"}
    assert named["status"] == {"present", "remote", "absent", "substituted", "unknown"}
    for vocabulary, values in named.items():
        assert values <= set(VOCABULARIES[vocabulary]), vocabulary
    assert [label(s, "status") for s in ("present", "remote", "absent", "substituted")] == [
        "til stede", "digitalt", "forfall", "vara møtte"]
    assert label("substitute", "category") == "vara" and label(None, "side") == ""
    assert label_words("3 for / 1 against", "side") == "3 for / 1 mot"


@pytest.mark.parametrize(("n", "noun", "words"), [
    (1, "sak", "1 sak"), (2, "sak", "2 saker"), (0, "sak", "0 saker"), (1, "møte", "1 møte"), (3, "møte", "3 møter"),
    (1, "person", "1 person"), (28, "person", "28 personer"), (1, "vedtak", "1 vedtak"), (5, "vedtak", "5 vedtak"),
])
def test_count_words_in_the_number_they_need(n: int, noun: str, words: str):
    assert count(n, noun) == words


def test_every_page_is_norwegian_and_every_table_scrolls_in_its_own_box(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    tables = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="nb">' in html, page
        assert html.count("<table") == len(re.findall(r'<div class="scroll">\s*<table', html)), page
        assert f'<script src="{"../" if page.parent != site else ""}site.js"></script>' in html, page
        tables += html.count("<table")
        # English values under Norwegian headers
        assert not re.search(r">(present|remote|absent|substituted|member|guest|observer)<", html), page
    assert tables > 100
    assert (site / "site.js").exists() and not list(site.glob("*/site.js"))  # once, beside index.html


def test_meeting_pages_say_status_and_category_in_norwegian_with_count_words(site: Path, seeded_db: Path):
    from referat.store import connect

    conn = connect(seeded_db, read_only=True)
    (meeting,) = conn.execute("SELECT id FROM meetings WHERE body = 'Styringsgruppen'").fetchone()
    conn.close()
    text = _text(_page(site, f"meetings/{meeting}.html"))
    assert "Oppmøte 28 personer" in text and "Saker 7 saker" in text
    assert "Karsten Specht Universitetet i Bergen leder medlem til stede" in text
    assert "Tonje Fyhn NORCE medlem vara møtte" in text and "Per Bakke Universitetet i Bergen medlem forfall" in text
    assert "Anne Kverneland Bogsnes NAV Vestland direktør gjest til stede 37-23" in text
    assert "1 sak unntatt offentlighet er holdt tilbake" in _text(_page(site, "index.html"))


def test_a_traces_links_are_links_to_the_linked_cases(site: Path):
    html = _page(site, "cases/partnermotet-07-23.html")
    links = html.split("<h2>Koblinger</h2>")[1]
    assert ('<a class="nowrap" href="../cases/partnermotet-07-23.html">Partnermøtet 07-23</a> → '
            '<a class="nowrap" href="../cases/partnermotet-09-23.html">Partnermøtet 09-23</a>') in links
    targets = re.findall(r'href="\.\./cases/([^"]+)"', links)
    # a case page names its own links, not the whole chain's (that is on the linked cases' pages)
    assert len(targets) == 4 and all((site / "cases" / t).exists() for t in targets)


def _internal_links(page: Path) -> list[str]:
    """The files a page links to or loads, as paths inside the site; anchors and data: left out."""
    found = re.findall(r'(?:href|src)="([^"#]*)(?:#[^"]*)?"', page.read_text(encoding="utf-8"))
    return [link for link in found if link and not link.startswith(("data:", "http:", "https:"))]


def test_the_sites_attendance_is_the_reports_index_and_pages_and_every_link_on_them_resolves(
        site: Path, seeded_db: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["report", "attendance", "--db", str(seeded_db), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*")
              if p.is_file() and p.name != "site.js"}
    assert sorted(report) == ["attendance-organisations.csv", "attendance.csv", "attendance.html",
                              "attendance/partnermotet-2023.html", "attendance/partnermotet-2026.html",
                              "attendance/styringsgruppen-2023.html"]
    made = {name for name in (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
            if name.startswith("attendance")}
    assert made == report.keys()  # the report's files and no others: no one-page chart beside them
    for name, data in report.items():
        assert (site / name).read_bytes() == data, name
        if name.endswith(".html"):
            page = site / name
            assert all((page.parent / link).resolve().is_file() for link in _internal_links(page)), name
    # every page of the site links to the attendance index, from its own folder
    pages = (site / "index.html", next((site / "meetings").iterdir()), site / "attendance" / "partnermotet-2023.html")
    for page in pages:
        assert any(link.endswith("attendance.html") and (page.parent / link).resolve() == site / "attendance.html"
                   for link in _internal_links(page))
    wolff = _page(site, "attendance/partnermotet-2026.html").split("Kjell A. Wolff", 1)[1].split("</tr>", 1)[0]
    assert '<span class="seg s-substituted" style="flex-grow: 1"><span>1</span>' in wolff
    assert "1 møte</span>" in wolff


def test_person_pages_show_the_rate_as_the_view_defines_it(site: Path, seeded_db: Path):
    from referat.store import connect

    conn = connect(seeded_db, read_only=True)
    rates = conn.execute("""
        SELECT name, sum(attended), sum(expected - unknown) FROM attendance_rates GROUP BY name""").fetchall()
    conn.close()
    assert len(rates) > 30
    for name, attended, known in rates:
        text = _text(_person(site, name))
        assert f"{round(100 * attended / known):.0f} % oppmøte som medlem" in text, name
        assert f"på {attended} av {count(known, 'møte')} med kjent status" in text, name
    assert "50 % oppmøte" in _text(_person(site, "Kjell A. Wolff"))  # 2023 til stede, 2026 vara møtte
    guest = _text(_person(site, "Anne Kverneland Bogsnes"))
    assert "Ingen møter som medlem" in guest and "Saker 1 sak" in guest
    assert "37-23 Presentasjon av NAV Vestland" in guest


def test_person_pages_list_votes_and_cases_and_withhold_exempt_ones(voting: Path, tmp_path: Path):
    public = _site(voting, tmp_path / "public")
    per = _text(_person(public, "Per Olav Hansen"))
    assert "Voteringer 3 voteringer" in per
    assert "21-25 Tilskudd til ny klatrevegg forslag 1 for vedtatt" in per
    assert "23-25 Kjøp av tomt ved sjøen forslaget for vedtatt" in per
    assert "25-25 Nye åpningstider i biblioteket forslaget for ikke vedtatt" in per
    assert "27-25" not in per and "kultursjef" not in per  # exempt: withheld with its case
    eva = _text(_person(public, "Eva Lunde"))
    assert "forslaget mot vedtatt" in eva
    dahl = _text(_person(public, "Ola Dahl"))
    assert "23-25 Kjøp av tomt ved sjøen inhabil" in dahl and "21-25 Tilskudd til ny klatrevegg stemte" in dahl
    internal = _text(_person(_site(voting, tmp_path / "internal", "--include-exempt"), "Per Olav Hansen"))
    assert "Voteringer 4 voteringer" in internal and "27-25 Tilsetting av kultursjef" in internal
