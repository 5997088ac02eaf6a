"""Nothing exempt leaves the archive: every public output is built from the seeds (text, their PDF
and their scan) and our own minutes with exempt cases (tests/data/exempt: text with a guest who came
only for an exempt case, a PDF whose exempt case runs over a page break), every file written is read
back as text, PDFs included, and searched for every sentence of every exempt case."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXEMPT, SAMPLES, SCANNED_SEED
from referat.cli import main
from referat.reports.publication import PUBLIC, Source, csv_cell, publish_sources
from referat.store import connect

WITHHELD = ["Sak 40-23 – unntatt offentlighet", "Sak 02-25 – unntatt offentlighet (offl. § 13 jf. fvl. § 13)",
            "Sak 04-25 – unntatt offentlighet (offl. § 14)", "Sak 11-25 – unntatt offentlighet (offl. §§ 23 og 18)"]
GUEST = "Eirik Varslestad"  # came only for the exempt case 2/25


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, their scan (OCR'd once for the module) and our exempt fixtures in one archive."""
    db = tmp_path_factory.mktemp("publication") / "archive.duckdb"
    run("ingest", str(SAMPLES), str(SCANNED_SEED), str(EXEMPT), "--db", str(db), "--workers", "1")
    return db


def build(db: Path, out: Path, *, internal: bool) -> Path:
    """Every output there is: the site, the register, the attendance report, the export, and the trace
    of every exempt case as text, JSON and HTML."""
    flag = ["--include-exempt"] if internal else []
    run("site", "--db", str(db), "--out", str(out / "site"), *flag)
    run("report", "decisions", "--db", str(db), "--out", str(out / "decisions"), *flag)
    run("report", "attendance", "--db", str(db), "--out", str(out / "attendance"))
    run("export", "--db", str(db), "--out", str(out / "export.json"), *([] if internal else ["--public"]))
    cases = connect(db, read_only=True).execute(
        "SELECT m.body, i.number FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.exempt").fetchall()
    for k, (body, number) in enumerate(cases):
        case = f"{body} {number}"
        (out / f"trace-{k}.txt").write_text(run("trace", "--db", str(db), case, *flag), encoding="utf-8")
        (out / f"trace-{k}.json").write_text(run("trace", "--db", str(db), "--json", case, *flag), encoding="utf-8")
        run("trace", "--db", str(db), "--html", str(out / f"trace-{k}.html"), case, *flag)
    return out


def text_of(path: Path) -> str:
    """What anyone can read out of a file: a PDF's extracted text (pdfium and pdfplumber), an HTML
    page's text without its tags, any other file as it is."""
    if path.suffix == ".pdf":
        import pdfplumber

        from referat.reports.redaction import pdf_text

        with pdfplumber.open(path) as pdf:
            plumbed = "\n".join(page.extract_text() or "" for page in pdf.pages)
        return pdf_text(path.read_bytes()) + "\n" + plumbed
    text = path.read_bytes().decode("utf-8", errors="replace")
    return html.unescape(re.sub(r"<[^>]+>", " ", text)) if path.suffix == ".html" else text


def squeeze(text: str) -> str:
    """Case, whitespace and Markdown's marks ignored."""
    return re.sub(r"[\s*_#\[\]]+", "", text).casefold()


def everything(out: Path) -> str:
    return "\n".join(squeeze(text_of(p)) for p in sorted(out.rglob("*")) if p.is_file())


def exempt_sentences(db: Path) -> set[str]:
    """Every sentence of every exempt case (its title, text, decisions and follow-ups) that no public
    case of the archive says as well."""
    conn = connect(db, read_only=True)

    def texts(exempt: bool) -> list[str]:
        return [t for (t,) in conn.execute("""
            SELECT unnest([i.title, CASE WHEN starts_with(i.text, i.title) THEN substr(i.text, length(i.title) + 1)
                                         ELSE i.text END]) FROM items i WHERE i.exempt = ?
            UNION ALL SELECT d.text FROM decisions d JOIN items i ON i.id = d.item_id WHERE i.exempt = ?
            UNION ALL SELECT f.text FROM follow_ups f JOIN items i ON i.id = f.item_id WHERE i.exempt = ?""",
                                           [exempt, exempt, exempt]).fetchall() if t]

    public = squeeze(" ".join(texts(False)))
    sentences = {squeeze(s) for t in texts(True) for s in re.split(r"(?<=[.!?])\s+", t)}
    return {s for s in sentences if len(s) >= 20 and s not in public}


@pytest.fixture(scope="module")
def outputs(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("outputs")
    return {"public": build(archive, folder / "public", internal=False),
            "internal": build(archive, folder / "internal", internal=True)}


def test_the_fixtures_hold_exempt_cases_in_every_form(archive: Path):
    conn = connect(archive, read_only=True)
    assert conn.execute("SELECT m.body, i.number, i.legal_basis FROM items i JOIN meetings m ON m.id = i.meeting_id "
                        "WHERE i.exempt ORDER BY m.date").fetchall() == [
        ("Styringsgruppen", "40-23", None), ("Kontrollutvalget", "02-25", "offl. § 13 jf. fvl. § 13"),
        ("Kontrollutvalget", "04-25", "offl. § 14"), ("Teknisk utvalg", "11-25", "offl. §§ 23 og 18")]
    scanned = conn.execute("SELECT d.source FROM documents d WHERE EXISTS (SELECT 1 FROM pages p "
                           "WHERE p.document_id = d.id AND p.ocr)").fetchall()
    assert scanned == [(SCANNED_SEED.name,)]
    assert len(exempt_sentences(archive)) > 30


def test_no_exempt_sentence_in_any_public_output(archive: Path, outputs: dict[str, Path]):
    text = everything(outputs["public"])
    leaked = sorted(s for s in exempt_sentences(archive) if s in text)
    assert leaked == []
    assert squeeze(GUEST) not in text


def test_the_withheld_line_and_its_legal_basis_are_shown(outputs: dict[str, Path]):
    site = outputs["public"] / "site"
    for line in WITHHELD:
        assert squeeze(line) in everything(site / "meetings"), line
        assert squeeze(line) in squeeze(text_of(site / "register.html")), line
    sources = {p.name: squeeze(text_of(p)) for p in (site / "sources").iterdir()}
    assert squeeze(WITHHELD[1]) in sources["kontrollutvalget-2025-01-20-sladdet.txt"]
    assert squeeze(WITHHELD[3]) in sources["teknisk-utvalg-2025-02-11-sladdet.pdf"]
    assert squeeze(WITHHELD[0]) in sources["styringsgruppen-2023-12-11-sladdet.pdf"]
    assert SCANNED_SEED.name not in sources  # the scan is held back, and its meeting page says so
    meeting = everything(site / "meetings")
    assert squeeze(f"{SCANNED_SEED.name} (holdt tilbake: en skannet kilde med saker unntatt offentlighet)") in meeting
    export = json.loads((outputs["public"] / "export.json").read_text(encoding="utf-8"))
    titles = {i["title"] for d in export for i in d.get("items", []) if i["exempt"]}
    assert titles == {"unntatt offentlighet", "unntatt offentlighet (offl. § 13 jf. fvl. § 13)",
                      "unntatt offentlighet (offl. § 14)", "unntatt offentlighet (offl. §§ 23 og 18)"}


def test_the_public_export_keeps_the_contracts_shape(archive: Path, outputs: dict[str, Path]):
    public = json.loads((outputs["public"] / "export.json").read_text(encoding="utf-8"))
    full = json.loads((outputs["internal"] / "export.json").read_text(encoding="utf-8"))
    assert [d["source"] for d in public] == [d["source"] for d in full]
    for p, f in zip(public, full, strict=True):
        assert p.keys() == f.keys()
        for pi, fi in zip(p.get("items", []), f.get("items", []), strict=True):
            assert pi.keys() == fi.keys() and pi["number"] == fi["number"] and pi["exempt"] == fi["exempt"]
            assert pi == fi or (fi["exempt"] and pi["decisions"] == [] and pi["references"] == [])
    guests = {a["name"] for d in public for a in d.get("attendance", [])}
    assert GUEST not in guests and GUEST in {a["name"] for d in full for a in d.get("attendance", [])}


def test_internal_outputs_hold_everything_and_say_they_are_internal(archive: Path, outputs: dict[str, Path]):
    text = everything(outputs["internal"])
    missing = sorted(s for s in exempt_sentences(archive) if s not in text)
    assert missing == []
    assert squeeze(GUEST) in text
    for page in (outputs["internal"] / "site").rglob("*.html"):
        assert "INTERNT – inneholder saker unntatt offentlighet" in page.read_text(encoding="utf-8"), page
    for page in (outputs["public"] / "site").rglob("*.html"):
        assert "INTERNT" not in page.read_text(encoding="utf-8"), page


def test_the_public_pdf_is_the_original_less_the_exempt_case(outputs: dict[str, Path]):
    redacted = text_of(outputs["public"] / "site" / "sources" / "teknisk-utvalg-2025-02-11-sladdet.pdf")
    assert "Sak 10/25 Vedlikeholdsplan for kommunale veier" in redacted
    assert "Sak 12/25 Orienteringssaker" in redacted and "Utvalget tok orienteringene" in redacted
    assert "Fjellmaskin" not in redacted and "Forhandlingsnotat" not in redacted


# --- source copies: the right file, under its own name ----------------------------------------------

def _source(tmp_path: Path, folder: str, name: str, text: str, doc_id: int) -> Source:
    path = tmp_path / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Source(id=doc_id, source=name, path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                  media_type="pdf" if name.endswith(".pdf") else "text", raw_text=text, scanned=False, exempt={})


def test_colliding_source_names_get_a_file_each(tmp_path: Path):
    a = _source(tmp_path, "2023", "referat.txt", "Referat 2023\n", 1)
    b = _source(tmp_path, "2026", "referat.txt", "Referat 2026\n", 2)
    published = publish_sources([a, b], PUBLIC)
    assert (published[1].name, published[2].name) == ("referat-1.txt", "referat-2.txt")
    assert (published[1].data, published[2].data) == (b"Referat 2023\n", b"Referat 2026\n")


def test_colliding_names_in_the_site(tmp_path: Path):
    for year in ("2023", "2026"):
        folder = tmp_path / year
        folder.mkdir()
        text = (EXEMPT / "kontrollutvalget-2025-01-20.txt").read_text(encoding="utf-8")
        (folder / "referat.txt").write_text(text.replace("20.01.2025", f"20.01.{year}").replace(
            "Herredshuset", f"Herredshuset {year}"), encoding="utf-8")
    db = tmp_path / "a.duckdb"
    run("ingest", str(tmp_path / "2023"), str(tmp_path / "2026"), "--db", str(db), "--workers", "1")
    run("site", "--db", str(db), "--out", str(tmp_path / "site"))
    files = sorted(p.name for p in (tmp_path / "site" / "sources").iterdir())
    assert len(files) == 2 and len({(tmp_path / "site" / "sources" / f).read_text(encoding="utf-8")
                                    for f in files}) == 2
    for page in (tmp_path / "site" / "meetings").iterdir():
        text = page.read_text(encoding="utf-8")
        year = "2023" if "2023-01-20" in text else "2026"
        linked = re.findall(r'href="../sources/([^"#]+)"', text)
        assert len(set(linked)) == 1
        assert f"Herredshuset {year}" in (tmp_path / "site" / "sources" / linked[0]).read_text(encoding="utf-8")


def test_a_changed_file_is_never_published(tmp_path: Path):
    """What now lies at the path is not what the archive read: the archive's text is published, redacted."""
    source = _source(tmp_path, "in", "kontroll.txt", (EXEMPT / "kontrollutvalget-2025-01-20.txt").read_text(
        encoding="utf-8"), 1)
    Path(source.path).write_text("Noe helt annet.\n", encoding="utf-8")
    published = publish_sources([source], PUBLIC)[1]
    assert published.data is not None and b"Noe helt annet" not in published.data
    source.exempt = {"02-25": "offl. § 13 jf. fvl. § 13"}
    published = publish_sources([source], PUBLIC)[1]
    assert published.name == "kontroll-sladdet.txt" and published.data is not None
    assert "Blåbær" not in published.data.decode("utf-8") and "[Sak 02-25 – unntatt" in published.data.decode("utf-8")


def test_a_moved_pdf_never_becomes_a_pdf_of_plain_text(tmp_path: Path):
    pdf = tmp_path / "in" / "teknisk.pdf"
    pdf.parent.mkdir()
    shutil.copy(EXEMPT / "teknisk-utvalg-2025-02-11.pdf", pdf)
    db = tmp_path / "a.duckdb"
    run("ingest", str(pdf), "--db", str(db), "--workers", "1")
    pdf.unlink()
    run("site", "--db", str(db), "--out", str(tmp_path / "site"))
    assert [p.name for p in (tmp_path / "site" / "sources").iterdir()] == []  # it held an exempt case
    run("site", "--db", str(db), "--out", str(tmp_path / "internal"), "--include-exempt")
    files = list((tmp_path / "internal" / "sources").iterdir())
    assert [p.name for p in files] == ["teknisk.txt"] and not files[0].read_bytes().startswith(b"%PDF")
    page = next((tmp_path / "internal" / "meetings").iterdir()).read_text(encoding="utf-8")
    assert "filen er endret eller flyttet siden den ble lest" in page


def test_csv_cells_that_a_spreadsheet_would_run_are_text(tmp_path: Path):
    from referat.reports.attendance import write_attendance_pages

    evil = "@SUM(1+1)*cmd|' /C calc'!A0"
    rows = [{"meeting_id": 1, "body": "Styret", "date": None, "year": 2025, "person_id": 1, "name": "=HYPERLINK(1)",
             "organisation": evil, "category": "member", "status": "present", "substitutes": [], "items": [],
             "exempt_cases": []}]
    write_attendance_pages(rows, tmp_path)
    for name in ("attendance.csv", "attendance-organisations.csv"):
        with (tmp_path / name).open(encoding="utf-8") as f:
            cells = [cell for row in csv.reader(f) for cell in row]
        assert "'" + evil in cells and evil not in cells
    assert [csv_cell(v) for v in ("+1", "-1", "\tx", "\rx", "ok", 5)] == ["'+1", "'-1", "'\tx", "'\rx", "ok", 5]


def test_a_saksliste_line_that_names_an_exempt_case_is_redacted_too():
    from helpers import MINUTES
    from referat.reports.redaction import exempt_regions, redact_text, text_document

    raw = (MINUTES / "helsefellesskap-styremote-2024-05-14.txt").read_text(encoding="utf-8")
    notice = "Sak 14-24 – unntatt offentlighet (offl. § 25)"
    regions = exempt_regions(text_document("styret.txt", raw), {"14-24": notice})
    assert regions is not None
    redacted = redact_text(raw, regions)
    assert "Ansettelse av direktør" not in redacted and redacted.count(f"[{notice}]") == 2
    assert "Styresak 13/2024 Budsjett 2025\n[Sak 14-24" in redacted
    assert "Styresak 15/2024 Eventuelt\nIngen saker." in redacted


def test_an_archive_made_before_the_legal_basis_was_read(tmp_path: Path):
    """Opened read-only, it cannot gain the column: the withheld line is shown without a basis."""
    db = tmp_path / "old.duckdb"
    run("ingest", str(EXEMPT / "kontrollutvalget-2025-01-20.txt"), "--db", str(db), "--workers", "1")
    conn = connect(db)
    conn.execute("ALTER TABLE items DROP COLUMN legal_basis")
    conn.close()
    run("site", "--db", str(db), "--out", str(tmp_path / "site"))
    assert squeeze("Sak 02-25 – unntatt offentlighet") in everything(tmp_path / "site" / "meetings")
    assert squeeze("Blåbær Transport") not in everything(tmp_path / "site")


def test_a_source_whose_exempt_case_cannot_be_found_is_held_back(tmp_path: Path):
    """Fail closed: the archive says the meeting has an exempt case this file's reading does not find."""
    pdf = EXEMPT / "teknisk-utvalg-2025-02-11.pdf"
    source = Source(id=1, source=pdf.name, path=str(pdf), sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(),
                    media_type="pdf", raw_text="", scanned=False, exempt={"99-25": None})
    published = publish_sources([source], PUBLIC)[1]
    assert (published.name, published.data) == (None, None)
    assert published.note == "holdt tilbake: sakene unntatt offentlighet ble ikke funnet i den"
