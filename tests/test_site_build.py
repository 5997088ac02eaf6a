"""The static site as a build: the same archive gives the same bytes, a rebuild touches only the
files whose bytes change, and a case page links to the cases it is linked with instead of
inlining their whole chain."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_site import _site

from benchmarks.corpus import chained_minutes, write_corpus, write_text
from helpers import EXEMPT
from referat.cli import main
from referat.reports.render import slug
from referat.reports.site import MANIFEST, build_site
from referat.reports.trace import CaseIndex, case_page, cycles_by_case, index_cases, trace

OLD = 946_684_800_000_000_000  # 2000-01-01 in ns: an mtime no build can give a file it writes


def _ingest(db: Path, files: list[Path]) -> None:
    result = CliRunner().invoke(main, ["ingest", *map(str, files), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _links(db: Path) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    from referat.store import connect

    conn = connect(db, read_only=True)
    rows = conn.execute("""SELECT m.body, i.number, r.target_body, r.target_number FROM item_references r
        JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = i.meeting_id WHERE NOT i.exempt
        ORDER BY m.date, i.seq""").fetchall()
    conn.close()
    return [((a, b), (c, d)) for a, b, c, d in rows]


def _page(case: tuple[str, str]) -> str:
    return f"cases/{slug(case[0] + '-' + case[1])}.html"


@pytest.fixture(scope="module")
def chained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Ten chained minutes as text: nine in the archive, the tenth kept back to be added."""
    folder = tmp_path_factory.mktemp("chained")
    files = [write_text(m, folder / f"chained-{k:02d}.txt") for k, m in enumerate(chained_minutes(10, seed=11))]
    db = folder / "archive.duckdb"
    _ingest(db, files[:9])
    return db, files


def test_two_builds_of_one_archive_are_byte_identical(chained: tuple[Path, list[Path]], tmp_path: Path):
    db, _ = chained
    _site(db, tmp_path / "a")
    _site(db, tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(a) > 50 and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_a_case_page_links_to_its_linked_cases_instead_of_inlining_the_chain(chained: tuple[Path, list[Path]],
                                                                              tmp_path: Path):
    db, _ = chained
    _site(db, tmp_path / "site")
    links = _links(db)
    # a case whose follow-up is itself followed up: three cases in a row, a -> b -> c
    a, b, c = next((a, b, c) for a, b in links for b2, c in links if b2 == b and c not in (a, b))
    page = (tmp_path / "site" / _page(a)).read_text(encoding="utf-8")
    assert f'href="../{_page(b)}"' in page
    assert f"{b[0]} {b[1]}" in page and f"{c[0]} {c[1]}" not in page  # two steps away: on b's page only
    assert f"{c[0]} {c[1]}" in (tmp_path / "site" / _page(b)).read_text(encoding="utf-8")


def test_a_rebuild_rewrites_only_the_files_that_changed(chained: tuple[Path, list[Path]], tmp_path: Path):
    db, files = chained
    copy = tmp_path / "archive.duckdb"
    copy.write_bytes(db.read_bytes())
    out = tmp_path / "site"
    _site(copy, out)
    (out / "notes.txt").write_text("the archivist's own file", encoding="utf-8")
    before = _files(out)
    for path in out.rglob("*"):
        os.utime(path, ns=(OLD, OLD))
    _ingest(copy, files)  # the tenth minutes come
    _site(copy, out)
    after = _files(out)
    changed = {name for name in after if before.get(name) != after[name]}
    touched = {name for name in after if (out / name).stat().st_mtime_ns != OLD}
    assert touched == changed
    assert {"index.html", "register.html", MANIFEST} <= changed and len(changed) < len(after) / 2
    new = [(a, b) for a, b in _links(copy) if a not in {x for x, _ in _links(db)}]
    assert new and all(_page(a) in changed and _page(b) in changed for a, b in new)
    meetings = sorted((name for name in after if name.startswith("meetings/")), key=lambda n: int(Path(n).stem))
    assert [name for name in meetings if name in changed] == [meetings[-1]]  # the new meeting's page alone
    assert after["notes.txt"] == before["notes.txt"]


def test_a_removed_documents_pages_go(chained: tuple[Path, list[Path]], tmp_path: Path):
    from referat.cli import _site_data

    db, files = chained
    fewer = tmp_path / "fewer.duckdb"
    _ingest(fewer, files[:8])  # the archive as it is after its newest minutes are taken out
    out = tmp_path / "site"
    assert build_site(_site_data(str(db), False), out)["removed"] == 0
    before = _files(out)
    counts = build_site(_site_data(str(fewer), False), out)
    fresh = _files(_site(fewer, tmp_path / "fresh"))
    assert _files(out) == fresh  # the pages of what is gone are gone, and nothing else is
    gone = sorted(before.keys() - fresh.keys())
    assert any(n.startswith("meetings/") for n in gone) and any(n.startswith("cases/") for n in gone)
    assert counts["removed"] == len(gone)
    assert not [p for p in out.iterdir() if p.name.startswith(".building-")]
    assert build_site(_site_data(str(fewer), False), out)["written"] == 0  # nothing changed since: nothing written


def _item(body: str | None, number: str, refs: list[tuple[str, str]]) -> dict[str, object]:
    return {"id": hash((body, number)), "meeting_id": 1, "body": body, "date": "2024-01-01", "number": number,
            "title": "Tittel", "exempt": False, "page": 1, "line": 1, "source": "x.txt",
            "decisions": [{"text": f"Vedtak i {number}"}], "follow_ups": [],
            "references": [{"target_body": b, "target_number": n, "raw": ""} for b, n in refs]}


def test_a_chain_longer_than_the_recursion_limit_is_traced():
    items = [_item("A", f"{k}-24", [("A", f"{k - 1}-24")] if k else []) for k in range(5000)]
    items[0]["references"] = [{"target_body": "A", "target_number": "4999-24", "raw": ""}]  # and round again
    index = index_cases(items)
    assert len(trace(("A", "17-24"), index).cases) == 5000
    cycles = cycles_by_case(index)
    assert len(cycles[("A", "17-24")]) == 1 and len(cycles[("A", "17-24")][0]) == 5000


def test_a_case_page_shows_the_decisions_of_its_own_case_only():
    index: CaseIndex = index_cases([_item("A", "1-24", []), _item("A", "2-24", [("A", "1-24")]),
                                    _item("A", "3-24", [("A", "2-24")])])
    page = case_page(("A", "2-24"), index, {}).as_dict()
    assert [c["case"] for c in page["cases"]] == ["A 1-24", "A 2-24", "A 3-24"]
    assert [c["meetings"][0]["decisions"] for c in page["cases"]] == [[], ["Vedtak i 2-24"], []]
    assert page["links"] == [{"from": "A 2-24", "to": "A 1-24"}, {"from": "A 3-24", "to": "A 2-24"}]


def test_a_rebuild_reuses_the_source_copies_it_made(chained: tuple[Path, list[Path]], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    from referat.cli import _site_data
    from referat.reports import copies

    db, _ = chained
    data = _site_data(str(db), False)
    out = tmp_path / "site"
    build_site(data, out)
    first = _files(out)
    assert any(name.endswith("-sladdet.txt") for name in first)  # a redacted copy, made by reading its source again
    made: list[int] = []
    publish = copies.publish_source
    monkeypatch.setattr(copies, "publish_source", lambda source, policy: made.append(source.id) or publish(source,
                                                                                                         policy))
    assert build_site(data, out)["written"] == 0 and made == [] and _files(out) == first
    data.sources = list(data.sources)
    data.sources[0].exempt = {"99-99": None}  # the archive now says a case of it is exempt: made anew
    build_site(data, out)
    assert made == [data.sources[0].id]


def test_a_case_of_a_meeting_without_a_body_is_indexed_and_sorted_first():
    # a real meeting's minutes named no body (helse-nord-foretaksmote): its cases have None for it
    items = [_item("A", "1-24", [("A", "2-24")]), _item(None, "7-24", []), _item("A", "2-24", [("A", "1-24")])]
    index = index_cases(items)
    assert index.cases() == [(None, "7-24"), ("A", "1-24"), ("A", "2-24")]
    assert cycles_by_case(index)[("A", "1-24")] == [["A 1-24", "A 2-24"]]
    assert case_page((None, "7-24"), index, {}).as_dict()["case"] == "None 7-24"


def test_the_search_index_from_the_archive_a_page_at_a_time_is_the_index_from_whole_lists(
        chained: tuple[Path, list[Path]], tmp_path: Path):
    from referat.reports.publication import INTERNAL, PUBLIC
    from referat.reports.sitesearch import TEXT, SearchSource, read_search, write_search
    from referat.store import connect
    from referat.store.queries import paged_search_postings, paged_search_units, paged_search_words
    from referat.store.search import site_postings, site_units, site_words

    db, _ = chained
    conn = connect(db, read_only=True)
    for policy in (PUBLIC, INTERNAL):
        exempt = policy.include_exempt
        whole = SearchSource(site_units(conn, exempt, TEXT), site_postings(conn, exempt), site_words(conn, exempt))
        paged = SearchSource(paged_search_units(conn, exempt, TEXT), paged_search_postings(conn, exempt),
                             paged_search_words(conn, exempt))
        assert (list(paged.units), list(paged.postings), list(paged.words)) == (whole.units, whole.postings,
                                                                               whole.words)
        streams = SearchSource(iter(paged.units), iter(paged.postings), iter(paged.words))  # each read once
        write_search(streams, tmp_path / "paged", policy=policy, shard=16)
        write_search(whole, tmp_path / "whole", policy=policy, shard=16)
        assert _files(tmp_path / "paged") == _files(tmp_path / "whole")
        units = whole.units
        assert len(units) > 32 and len(list((tmp_path / "whole" / "search").glob("*.js"))) == -(-len(units) // 16)
    conn.close()
    # '</' is written escaped: no text ends the <script> element the page loads it in
    units = [*units, {**units[0], "doc": len(units), "text": "Vedtak: </script><script>alert(1)</script> ble ikke"}]
    write_search(SearchSource(units, whole.postings, whole.words), tmp_path / "odd", policy=INTERNAL)
    assert all("</script" not in text.decode("utf-8") for name, text in _files(tmp_path / "odd").items()
               if name.endswith(".js")) and "alert(1)" in (tmp_path / "odd" / "search" / "0.js").read_text("utf-8")
    assert read_search(tmp_path / "odd")[1][-1][5] == units[-1]["text"]


def test_the_search_index_refuses_a_unit_the_policy_withholds(chained: tuple[Path, list[Path]], tmp_path: Path):
    from referat.reports.publication import PUBLIC
    from referat.reports.sitesearch import TEXT, SearchSource, write_search
    from referat.store import connect
    from referat.store.search import site_units

    conn = connect(chained[0], read_only=True)
    units = site_units(conn, True, TEXT)
    conn.close()
    assert any(u["exempt"] for u in units)
    with pytest.raises(ValueError, match="is not the next one the policy shows"):
        write_search(SearchSource(units), tmp_path, policy=PUBLIC)


def test_sources_read_a_page_at_a_time_are_the_sources_read_whole(chained: tuple[Path, list[Path]]):
    """The site asks each page's texts by id; a page boundary inside the archive must lose, repeat
    or reorder no source, and each keeps its own text and exempt cases."""
    from referat.store import connect
    from referat.store.queries import PagedSources, _exempt_by_number, _sources_sql, sources

    conn = connect(chained[0], read_only=True)
    whole = sources(conn)
    assert len(whole) == 9 and all(row["raw_text"] for row in whole)
    for size in (1, 4, 9, 100):
        paged = PagedSources(conn, _sources_sql(conn, text="NULL::VARCHAR"), size=size, convert=_exempt_by_number)
        assert list(paged) == whole


@pytest.fixture(scope="module")
def with_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty synthetic minutes, half of them PDF, some with exempt cases, and the exempt fixtures:
    copies to redact of both kinds (a generated PDF's exempt case repeats the text of its public
    ones, so it is held back whole: the fixtures are the PDFs that are redacted)."""
    folder = tmp_path_factory.mktemp("with-pdfs")
    files = write_corpus(folder / "corpus", 20, seed=3) + sorted(EXEMPT.iterdir())
    db = folder / "archive.duckdb"
    _ingest(db, files)
    return db


def test_a_site_rendered_and_redacted_by_a_pool_of_processes_is_the_site_made_in_one(with_pdfs: Path,
                                                                                      tmp_path: Path):
    _site(with_pdfs, tmp_path / "one", "--workers", "1")
    _site(with_pdfs, tmp_path / "two", "--workers", "2")
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    redacted = sorted(name for name in one if "-sladdet." in name)
    assert {Path(name).suffix for name in redacted} == {".pdf", ".txt"}
    assert one.keys() == two.keys() and [name for name in one if one[name] != two[name]] == []


def _dies(source: Any, policy: Any) -> Any:
    """publish_source killed as it redacts (out of memory, a crash in pdfium): copies that redact
    are made in the pool's processes, so only a worker dies."""
    from referat.reports.publication import publish_source

    if source.exempt:
        os._exit(9)
    return publish_source(source, policy)


def test_a_copy_whose_process_dies_fails_the_build_by_the_files_name_and_leaves_the_site(
        with_pdfs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from referat.reports import copies

    out = _site(with_pdfs, tmp_path / "site", "--workers", "2")
    (out / copies.COPIES).unlink()  # every copy is made again
    before = _files(out)
    monkeypatch.setattr(copies, "publish_source", _dies)
    result = CliRunner().invoke(main, ["site", "--db", str(with_pdfs), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 3, (result.output, result.exception)
    assert "the site could not be built: one of its processes stopped (out of memory, or a library crashed) " \
           "while it redacted the copies of " in result.output
    assert re.search(r"copies of ([\w.-]+\.(pdf|txt)(, )?)+ or rendered pages", result.output)
    assert _files(out) == before and not list(out.glob(".building-*"))


def test_case_pages_read_a_few_items_at_a_time_are_the_pages_read_in_large_batches(
        chained: tuple[Path, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from referat.reports import site

    db, _ = chained
    links = CaseIndex(outgoing={("A", "2"): [("A", "1")]}, incoming={("A", "1"): [("A", "2")]})
    counts = {("A", "1"): 4, ("A", "2"): 3, ("A", "3"): 9, ("A", "4"): 1}
    monkeypatch.setattr(site, "CASE_ITEMS", 9)
    # a batch holds its cases' items and their linked cases': 1 and 2 count 7 each, 3 is 9 alone
    assert list(site._case_batches(sorted(counts), counts, links)) == [[("A", "1")], [("A", "2")], [("A", "3")],
                                                                        [("A", "4")]]
    monkeypatch.setattr(site, "CASE_ITEMS", 20)
    assert list(site._case_batches(sorted(counts), counts, links)) == [[("A", "1"), ("A", "2")],
                                                                        [("A", "3"), ("A", "4")]]
    monkeypatch.undo()
    _site(db, tmp_path / "large")
    monkeypatch.setattr(site, "CASE_ITEMS", 3)
    _site(db, tmp_path / "small")
    large, small = _files(tmp_path / "large"), _files(tmp_path / "small")
    assert large.keys() == small.keys() and [name for name in large if large[name] != small[name]] == []
