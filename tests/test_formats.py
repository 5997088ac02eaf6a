"""Word, OpenDocument and web-page minutes: files generated from a text twin read like the twin."""

from __future__ import annotations

import re
import zipfile
from html import escape
from pathlib import Path

import pytest

from referat.errors import CorruptFileError, EmptyFileError, EncryptedFileError
from referat.ingest import Span, read_document

TWIN = Path(__file__).parent / "data" / "formats" / "ungdomsradet-2025-03-11.md"

# The twin as blocks: ("heading", level, text), ("table", rows), ("paragraph", lines)
Block = tuple


def twin_blocks(text: str) -> list[Block]:
    """The twin's Markdown read by hand, so that the generated files do not borrow the reader under test."""
    blocks: list[Block] = []
    lines: list[str] = []
    rows: list[list[str]] = []

    def close() -> None:
        if lines:
            blocks.append(("paragraph", list(lines)))
            lines.clear()
        if rows:
            blocks.append(("table", list(rows)))
            rows.clear()

    for raw in text.splitlines():
        if not raw.strip():
            close()
        elif m := re.match(r"(#+) (.*)", raw):
            close()
            blocks.append(("heading", len(m.group(1)), m.group(2)))
        elif raw.startswith("|"):
            if not raw.startswith("| ---"):
                rows.append([c.strip() for c in raw.strip("|").split("|")])
        else:
            lines.append(raw)
    close()
    return blocks


def runs(line: str) -> list[tuple[str, bool, bool]]:
    """'**Vedtak:** tekst *kursiv*' as (text, bold, italic) runs."""
    out = []
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", line):
        if part.startswith("**"):
            out.append((part[2:-2], True, False))
        elif part.startswith("*"):
            out.append((part[1:-1], False, True))
        elif part:
            out.append((part, False, False))
    return out


def write_docx(blocks: list[Block], path: Path) -> Path:
    """One Word paragraph a line, as people type minutes in Word; a ruled table (Table Grid)."""
    import docx

    document = docx.Document()
    for block in blocks:
        if block[0] == "heading":
            document.add_heading(block[2], level=block[1])
        elif block[0] == "table":
            table = document.add_table(rows=len(block[1]), cols=len(block[1][0]), style="Table Grid")
            for r, row in enumerate(block[1]):
                for c, value in enumerate(row):
                    table.cell(r, c).paragraphs[0].add_run(value).bold = r == 0
        else:
            for line in block[1]:
                paragraph = document.add_paragraph()
                for text, bold, italic in runs(line):
                    run = paragraph.add_run(text)
                    run.bold, run.italic = bold or None, italic or None
    document.save(str(path))
    return path


def _inline_html(line: str) -> str:
    out = []
    for text, bold, italic in runs(line):
        out.append(f"<strong>{escape(text)}</strong>" if bold else f"<em>{escape(text)}</em>" if italic
                   else escape(text))
    return "".join(out)


def write_html(blocks: list[Block], path: Path, encoding: str = "utf-8") -> Path:
    """A protocol as a meeting portal serves it: site header, menu, cookie banner and footer around
    a <main> whose paragraphs break lines with <br>."""
    body = []
    for block in blocks:
        if block[0] == "heading":
            body.append(f"<h{block[1]}>{escape(block[2])}</h{block[1]}>")
        elif block[0] == "table":
            head = "".join(f"<th>{escape(c)}</th>" for c in block[1][0])
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>\n" for row in block[1][1:])
            body.append(f'<table class="deltakere">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody></table>')
        else:
            body.append("<p>" + "<br>\n".join(_inline_html(line) for line in block[1]) + "</p>")
    page = f"""<!DOCTYPE html>
<html lang="no"><head><meta charset="{encoding}"><title>Møteportal – Ungdomsrådet</title>
<style>body {{ font-family: sans-serif }}</style><script>window.dataLayer = [];</script></head>
<body>
<header class="site-header"><a href="/">Sauda kommune</a>
<nav><ul><li><a href="/politikk">Politikk</a></li><li><a href="/moter">Møter og saker</a></li></ul></nav>
</header>
<div class="cookie-banner">Vi bruker informasjonskapsler. <button>Godta</button></div>
<ul class="breadcrumbs"><li>Forsiden</li><li>Møtekalender</li></ul>
<main>
{chr(10).join(body)}
<div class="share-buttons">Del på Facebook</div>
</main>
<footer><p>Sauda kommune, Postboks 44, 4201 Sauda</p><p>Sak 99/25 Personvern</p></footer>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def write_odt(blocks: list[Block], path: Path) -> Path:
    """A minimal OpenDocument text: automatic styles for bold and italic, text:h headings, a table."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')

    def inline(line: str) -> str:
        return "".join(f'<text:span text:style-name="{"B" if b else "I"}">{escape(t)}</text:span>' if b or i
                       else escape(t) for t, b, i in runs(line))

    body = []
    for block in blocks:
        if block[0] == "heading":
            body.append(f'<text:h text:style-name="H" text:outline-level="{block[1]}">{escape(block[2])}</text:h>')
        elif block[0] == "table":
            rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
                + "</table:table-row>" for row in block[1])
            body.append(f'<table:table table:name="Deltakere">{rows}</table:table>')
        else:
            body.extend(f"<text:p>{inline(line)}</text:p>" for line in block[1])
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ns}><office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles><office:body><office:text>{"".join(body)}</office:text></office:body>
</office:document-content>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    return path


def export_one(path: Path, folder: Path) -> dict:
    """The file's export from an archive of its own (an archive of several would join them as one meeting)."""
    from referat.store import connect, export_documents
    from referat.store.ingest import ingest

    conn = connect(folder / f"{path.name}.duckdb")
    ingest(conn, [path])
    [exported] = export_documents(conn)
    conn.close()
    return exported


@pytest.fixture(scope="module")
def twin_export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    exported = export_one(TWIN, tmp_path_factory.mktemp("twin"))
    assert exported["source"] == TWIN.name
    return exported


def test_the_twin_reads_as_its_minutes(twin_export: dict):
    # what the twin says, so that a twin read wrongly cannot make a generated file look right
    assert twin_export["kind"] == "minutes"
    assert twin_export["meeting"] == {"body": "Ungdomsrådet", "date": "2025-03-11",
                                      "start_time": "17:00", "end_time": "19:00",
                                      "location": "Formannskapssalen, Sauda rådhus"}
    assert [(a["name"], a["category"], a["status"]) for a in twin_export["attendance"]] == [
        ("Sunniva Tveit", "member", "present"), ("Magnus Bergeland", "member", "present"),
        ("Ida Marie Hovda", "member", "substituted"), ("Oskar Fjellheim", "member", "remote"),
        ("Emma Kvamme", "member", "absent"), ("Linn Eide", "secretariat", "present"),
        ("Jonas Storesund", "substitute", "present"), ("Håkon Rygg", "guest", "present")]
    assert [i["number"] for i in twin_export["items"]] == ["05-25", "06-25", "07-25"]
    assert twin_export["items"][1]["decisions"] == [
        {"text": "Ungdomsrådet støtter planene og ber om å få to plasser i arbeidsgruppen for huset.",
         "labeled": True}]
    assert twin_export["items"][2]["references"] == [{"body": "Formannskapet", "number": "14-25"}]


@pytest.mark.parametrize("write", [write_docx, write_html, write_odt], ids=["docx", "html", "odt"])
def test_generated_file_exports_as_its_text_twin(write, twin_export: dict, tmp_path: Path):
    suffix = {"write_docx": ".docx", "write_html": ".html", "write_odt": ".odt"}[write.__name__]
    path = write(twin_blocks(TWIN.read_text(encoding="utf-8")), tmp_path / f"ungdomsradet{suffix}")
    exported = export_one(path, tmp_path)
    assert exported["source"] == path.name
    assert {k: v for k, v in exported.items() if k != "source"} == {
        k: v for k, v in twin_export.items() if k != "source"}


def _styled(path: Path) -> list[tuple]:
    return [(line.page, line.number, line.heading, line.bullet, line.cells,
             [(s.text, s.bold, s.italic) for s in line.spans] if line.cells is None else None)
            for line in read_document(path).lines()]


def test_docx_styles_headings_lists_tabs_and_page_breaks(tmp_path: Path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("Sak 12/25 Budsjett", level=2)
    paragraph = document.add_paragraph()
    paragraph.add_run("Vedtak:").bold = True
    paragraph.add_run(" Budsjettet ")
    paragraph.add_run("vedtas").italic = True
    # bold from the paragraph's style, not the run: Word shows it bold all the same
    strong = document.styles.add_style("Sterk", 1)
    strong.font.bold = True
    document.add_paragraph("Observatører", style="Sterk")
    document.add_paragraph("Kari Nordmann – Bergen kommune", style="List Bullet")
    document.add_paragraph("Møtedato:\t11.03.2025")
    document.add_paragraph("Saken går videre.").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("Neste side")
    path = tmp_path / "m.docx"
    document.save(str(path))
    assert _styled(path) == [
        (1, 1, 2, False, None, [("Sak 12/25 Budsjett", True, False)]),
        (1, 2, 0, False, None, [("Vedtak:", True, False), (" Budsjettet ", False, False), ("vedtas", False, True)]),
        (1, 3, 0, False, None, [("Observatører", True, False)]),
        (1, 4, 0, True, None, [("Kari Nordmann – Bergen kommune", False, False)]),
        (1, 5, 0, False, ["Møtedato:", "11.03.2025"], None),
        (1, 6, 0, False, None, [("Saken går videre.", False, False)]),
        (2, 1, 0, False, None, [("Neste side", False, False)]),
    ]


def test_docx_merged_cells_are_one_cell_with_their_lines(tmp_path: Path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    title = table.cell(0, 0).merge(table.cell(0, 2))
    title.paragraphs[0].add_run("Faste medlemmer").bold = True
    table.cell(1, 0).text = "Ola Sandvik"
    table.cell(1, 1).paragraphs[0].add_run("Leder")
    table.cell(1, 1).add_paragraph("Sauda kommune")
    table.cell(1, 2).text = "x"
    path = tmp_path / "t.docx"
    document.save(str(path))
    rows = read_document(path).lines()
    assert [row.cells for row in rows] == [["Faste medlemmer"], ["Ola Sandvik", "Leder Sauda kommune", "x"]]
    assert rows[0].cell_lines == [[[Span(text="Faste medlemmer", bold=True)]]]
    assert [[s.text for s in line] for line in rows[1].cell_lines[1]] == [["Leder"], ["Sauda kommune"]]


def _page(main: str, around: str = "") -> str:
    return f"<html><head><title>Portal</title></head><body>{around}{main}</body></html>"


def test_html_reads_the_main_content_without_the_site_around_it(tmp_path: Path):
    page = _page(
        "<main><article><header><h1>Protokoll Formannskapet</h1></header>"
        "<p>Møtet ble holdt i <b>rådhuset</b>.<p>Sak 3/25 ble <i>utsatt</i>."
        "<ul><li>Ola Sandvik<li>Kari Tangen</ul>"
        '<div class="social-share">Del saken</div><div hidden>Skjult</div>'
        "<table><tr><th>Navn<th>Møtt<tr><td>Ola Sandvik<td>x</table>"
        "<script>var sak = '9/25';</script></article></main>",
        around='<header><a href="/">Kommunen</a></header><nav>Politikk</nav>'
               '<div id="cookie-consent">Vi bruker informasjonskapsler</div>'
               '<div role="navigation">Meny</div>')
    path = tmp_path / "p.html"
    path.write_text(page + "<footer>Kontakt oss</footer>", encoding="utf-8")
    assert _styled(path) == [
        (1, 1, 1, False, None, [("Protokoll Formannskapet", True, False)]),
        (1, 2, 0, False, None, [("Møtet ble holdt i ", False, False), ("rådhuset", True, False), (".", False, False)]),
        (1, 3, 0, False, None, [("Sak 3/25 ble ", False, False), ("utsatt", False, True), (".", False, False)]),
        (1, 4, 0, True, None, [("Ola Sandvik", False, False)]),
        (1, 5, 0, True, None, [("Kari Tangen", False, False)]),
        (1, 6, 0, False, ["Navn", "Møtt"], None),
        (1, 7, 0, False, ["Ola Sandvik", "x"], None),
    ]


def test_html_without_main_drops_chrome_and_reads_layout_tables_as_text(tmp_path: Path):
    # old portals lay the page out with a table whose cells hold the content and its tables
    page = _page('<table><tr><td class="menu">Forside<br>Møter</td><td><h2>Sak 4/25 Vei</h2>'
                 "<p>Vedtak: Veien <span style='font-weight: bold'>asfalteres</span>.</p>"
                 "<table><tr><td>Per Vik</td><td>Forfall</td></tr></table></td></tr></table>")
    path = tmp_path / "p.htm"
    path.write_text(page, encoding="utf-8")
    assert _styled(path) == [
        (1, 1, 2, False, None, [("Sak 4/25 Vei", True, False)]),
        (1, 2, 0, False, None, [("Vedtak: Veien ", False, False), ("asfalteres", True, False), (".", False, False)]),
        (1, 3, 0, False, ["Per Vik", "Forfall"], None),
    ]


@pytest.mark.parametrize(("data", "encoding"), [
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Møte i Årdal – sak 5/25</p>'
     .encode("cp1252"), "cp1252"),
    ('<meta charset="ISO-8859-1"><p>Møte i Årdal – sak 5/25</p>'.encode("cp1252"), "cp1252"),
    (b"\xef\xbb\xbf" + "<p>Møte i Årdal – sak 5/25</p>".encode(), "utf-8-sig"),
    ("<p>Møte i Årdal – sak 5/25</p>".encode("utf-16"), "utf-16"),
])
def test_html_in_its_own_encoding(data: bytes, encoding: str, tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_bytes(data)
    document = read_document(path)
    assert (document.encoding, document.lines()[0].text) == (encoding, "Møte i Årdal – sak 5/25")


def test_odt_styles_headings_lists_and_page_breaks(tmp_path: Path):
    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Sterk">
 <style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Sterk" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles><office:body><office:text>
<text:h text:outline-level="2">Sak 8/25 Skolebruksplan</text:h>
<text:p>Planen ble<text:s text:c="2"/><text:span text:style-name="T1">drøftet</text:span>.<text:line-break/>
Vedtak: Tatt til orientering.</text:p>
<text:list><text:list-item><text:p>Ola Sandvik</text:p></text:list-item></text:list>
<text:p text:style-name="P1">Vedlegg</text:p>
</office:text></office:body></office:document-content>"""
    path = tmp_path / "m.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", content)
    assert _styled(path) == [
        (1, 1, 2, False, None, [("Sak 8/25 Skolebruksplan", True, False)]),
        (1, 2, 0, False, None, [("Planen ble ", False, False), ("drøftet", False, True), (".", False, False)]),
        (1, 3, 0, False, None, [("Vedtak: Tatt til orientering.", False, False)]),
        (1, 4, 0, True, None, [("Ola Sandvik", False, False)]),
        (2, 1, 0, False, None, [("Vedlegg", True, False)]),
    ]


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(("name", "make", "error", "reason"), [
    ("tom.docx", lambda p: p.write_bytes(b""), EmptyFileError, "empty"),
    ("tekst.docx", lambda p: p.write_text("Sak 5/25 Budsjett", encoding="utf-8"), CorruptFileError, "not a zip"),
    ("annen.docx", lambda p: _zip(p, {"content.xml": "<x/>"}), CorruptFileError, "no word/document.xml"),
    ("skadet.docx", lambda p: _zip(p, {"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
     CorruptFileError, "damaged"),
    ("passord.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
     EncryptedFileError, "password"),
    ("ingen.odt", lambda p: _zip(p, {"mimetype": "application/zip"}), CorruptFileError, "no content.xml"),
    ("passord.odt", lambda p: _zip(p, {"content.xml": "\x8a\x01", "META-INF/manifest.xml":
                                       "<manifest:encryption-data/>"}), EncryptedFileError, "password"),
    ("skadet.odt", lambda p: _zip(p, {"content.xml": "<office:document"}), CorruptFileError, "damaged"),
    ("tom.html", lambda p: p.write_text(_page("<nav>Meny</nav>"), encoding="utf-8"), EmptyFileError, "no text"),
    ("binary.html", lambda p: p.write_bytes(b"PK\x03\x04\x00\x00"), CorruptFileError, "binary"),
])
def test_bad_files_raise_an_input_error_with_the_reason(name: str, make, error: type, reason: str, tmp_path: Path):
    path = tmp_path / name
    make(path)
    with pytest.raises(error) as raised:
        read_document(path)
    assert raised.value.path == str(path) and reason in raised.value.reason


def test_files_of_the_new_formats_are_found_and_a_bad_one_is_recorded(tmp_path: Path):
    from referat.pipeline import find_files, process_file

    for name in ("a.docx", "b.odt", "c.html", "d.HTM", "e.doc"):
        (tmp_path / name).write_bytes(b"x")
    found, _ = find_files([tmp_path])
    assert [p.name for p in found] == ["a.docx", "b.odt", "c.html", "d.HTM"]
    processed = process_file(tmp_path / "a.docx")
    assert processed.extraction is None and "not a zip archive" in (processed.error or "")


def test_docx_reads_content_controls_tracked_changes_and_tables_in_cells(tmp_path: Path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    body = document.element.body
    # templates from case systems keep the text in content controls
    body.insert(0, parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Møtebok for Eldrerådet</w:t></w:r></w:p>'
                             "</w:sdtContent></w:sdt>"))
    body.insert(1, parse_xml(f"<w:p {w}><w:r><w:t xml:space='preserve'>Vedtak: Saken </w:t></w:r>"
                             "<w:del><w:r><w:delText>avvises</w:delText></w:r></w:del>"
                             "<w:ins><w:r><w:t>utsettes</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>"))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ola Sandvik"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Forfall"
    path = tmp_path / "m.docx"
    document.save(str(path))
    lines = read_document(path).lines()
    assert [line.text for line in lines] == ["Møtebok for Eldrerådet", "Vedtak: Saken utsettes.",
                                             "Ola Sandvik\tForfall"]


def test_html_preformatted_minutes_read_as_text(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text(_page("<h1>Referat</h1><pre>Sak 2/25 Regnskap\nRegnskapet ble godkjent.\n\n"
                          "Navn\tMøtt\nPer Vik\tx\n</pre><p>Slutt</p>"), encoding="utf-8")
    assert [(line.number, line.break_before, line.cells, line.text) for line in read_document(path).lines()] == [
        (1, True, None, "Referat"), (2, True, None, "Sak 2/25 Regnskap"),
        (3, False, None, "Regnskapet ble godkjent."), (4, True, ["Navn", "Møtt"], "Navn\tMøtt"),
        (5, True, ["Per Vik", "x"], "Per Vik\tx"), (6, True, None, "Slutt")]


def test_html_description_list_of_meeting_facts_gives_the_header(tmp_path: Path):
    from referat.extract import extract_meeting

    path = tmp_path / "p.html"
    path.write_text(_page("<main><h1>Møteprotokoll</h1><dl><dt>Utvalg</dt><dd>Formannskapet</dd>"
                          "<dt>Møtedato</dt><dd>11.03.2025</dd><dt>Tid</dt><dd>09:00 - 12:00</dd>"
                          "<dt>Møtested</dt><dd>Rådhuset, Kommunestyresalen</dd></dl>"
                          "<h2>PS 5/25 Budsjett</h2><p>Vedtak: Budsjettet vedtas.</p></main>"), encoding="utf-8")
    document = read_document(path)
    assert [line.cells for line in document.lines()[1:3]] == [["Utvalg", "Formannskapet"], ["Møtedato", "11.03.2025"]]
    meeting = extract_meeting(document).meeting
    assert (meeting.body, meeting.date, meeting.start_time, meeting.end_time, meeting.location) == (
        "Formannskapet", "2025-03-11", "09:00", "12:00", "Rådhuset, Kommunestyresalen")


def test_html_unclosed_tags_close_as_in_a_browser(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text("<p>Til stede:<table><tr><td><span>Per Vik<td>x<tr><td>Eva Ek</p><td>Forfall</table>"
                    "<ul><li>Sak 1/25<li><b>Sak 2/25</ul><p>Slutt", encoding="utf-8")
    assert [(line.cells, line.bullet, line.text) for line in read_document(path).lines()] == [
        (None, False, "Til stede:"), (["Per Vik", "x"], False, "Per Vik\tx"),
        (["Eva Ek", "Forfall"], False, "Eva Ek\tForfall"), (None, True, "Sak 1/25"), (None, True, "Sak 2/25"),
        (None, False, "Slutt")]


def test_docx_numbered_and_house_heading_styles_and_page_break_before(tmp_path: Path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    heading = document.add_heading("Sak 5/25 Budsjett", level=2)
    heading._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    item = document.add_paragraph("Ola Sandvik")
    item._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    after = document.add_paragraph("Vedtak: Vedtatt.")
    after._p.get_or_add_pPr().append(parse_xml(f'<w:pageBreakBefore {w} w:val="0"/>'))
    document.add_paragraph("Vedlegg").paragraph_format.page_break_before = True
    house = document.styles.add_style("Sakstittel", 1)
    house.base_style = document.styles["Heading 3"]
    document.add_paragraph("Sak 6/25 Eventuelt", style="Sakstittel")
    path = tmp_path / "m.docx"
    document.save(str(path))
    assert [(line.page, line.heading, line.bullet, line.text) for line in read_document(path).lines()] == [
        (1, 2, False, "Sak 5/25 Budsjett"), (1, 0, True, "Ola Sandvik"), (1, 0, False, "Vedtak: Vedtatt."),
        (2, 0, False, "Vedlegg"), (2, 3, False, "Sak 6/25 Eventuelt")]


def test_html_saved_from_word(tmp_path: Path):
    # Word's 'save as web page': Windows-1252, <o:p> tags, conditional comments, a list bullet as text
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Kari</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm} --></style></head><body lang=NO-BOK><div class=WordSection1>
<p class=MsoTitle><b>Møteprotokoll<o:p></o:p></b></p>
<p class=MsoNormal>Dato:<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>11.03.2025<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal><b>Navn<o:p></o:p></b></p></td>
<td><p class=MsoNormal><b>Møtt</b></p></td></tr><tr><td><p class=MsoNormal>Per Vik</p></td>
<td><p class=MsoNormal>x<o:p></o:p></p></td></tr></table>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·
<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Ola Sandvik<o:p></o:p></p>
<h2>Sak 5/25 Budsjett</h2><p class=MsoNormal><b>Vedtak:</b> Budsjettet vedtas.</p></div></body></html>"""
    path = tmp_path / "protokoll.htm"
    path.write_bytes(page.encode("cp1252"))
    document = read_document(path)
    assert document.encoding == "cp1252"
    assert [(line.heading, line.bullet, line.cells, line.text, line.bold_prefix()) for line in document.lines()] == [
        (0, False, None, "Møteprotokoll", "Møteprotokoll"), (0, False, None, "Dato: 11.03.2025", ""),
        (0, False, ["Navn", "Møtt"], "Navn\tMøtt", ""), (0, False, ["Per Vik", "x"], "Per Vik\tx", ""),
        (0, True, None, "Ola Sandvik", ""), (2, False, None, "Sak 5/25 Budsjett", "Sak 5/25 Budsjett"),
        (0, False, None, "Vedtak: Budsjettet vedtas.", "Vedtak:")]
