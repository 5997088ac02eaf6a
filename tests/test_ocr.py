"""Scanned minutes: OCR with Tesseract's Norwegian model, on the scanned seed and on scans we make
ourselves by rasterising our own PDFs (turned, blurred, speckled)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.corpus import random_minutes, write_pdf
from benchmarks.scan import rasterise
from helpers import GOLD, MINUTES, SCANNED_SEED, SEED_PDF, score
from referat.cli import main
from referat.errors import ExitCode, NoTextLayerError
from referat.ingest import read_document
from referat.ingest.bullets import split_bullet


@pytest.fixture(autouse=True, scope="module")
def _tesseract_installed() -> None:
    """Without Tesseract every test here would fail on a bare assertion about a failed file; say why instead."""
    from referat.errors import OcrUnavailableError
    from referat.ingest.ocr import check_language, tesseract_command

    try:
        check_language(tesseract_command("the OCR tests"), "the OCR tests")
        return
    except OcrUnavailableError as exc:
        missing = str(exc)
    pytest.fail(f"{missing}. `make test` installs Tesseract as root (.ci/system-deps)", pytrace=False)


def _export(files: list[Path], db: Path, workers: int = 2) -> dict[str, dict]:
    from referat.store import connect, export_documents
    from referat.store.ingest import ingest

    conn = connect(db)
    summary = ingest(conn, files, workers=workers)
    assert not summary.failed, summary.failed
    return {d["source"]: d for d in export_documents(conn)}


@pytest.fixture(scope="module")
def scanned_seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("scan") / "scan.duckdb"
    return db, _export([SCANNED_SEED], db)[SCANNED_SEED.name]


def test_the_scanned_seed_scores_against_its_gold(scanned_seed, tmp_path: Path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([scanned_seed[1]]), encoding="utf-8")
    figures = score(GOLD / "scanned", export)
    assert figures["overall"] >= 0.85
    for metric in ("cases (number+title)", "decisions", "attendance (name+status)", "references"):
        assert figures[metric] >= 0.9, metric


def test_the_scanned_seed_reads_like_its_pdf(scanned_seed):
    doc = scanned_seed[1]
    assert doc["meeting"]["date"] == "2023-12-11" and doc["meeting"]["start_time"] == "14:00"
    status = {a["name"]: a["status"] for a in doc["attendance"]}
    # the marks of the table: 'x', a blank, 'vara', 'Teams'
    assert status["Karsten Specht"] == "present"
    assert status["Per Bakke"] == "absent"
    assert status["Tonje Fyhn"] == "substituted"
    assert status["Øystein Vedaa"] == "remote"
    titles = {i["number"]: i["title"] for i in doc["items"]}
    assert titles["40-23"] == "Samarbeidsmidler for 2024 – innstilling og tildeling"


def test_ocr_text_and_confidence_are_stored_per_page(scanned_seed):
    from referat.store import connect

    conn = connect(scanned_seed[0], read_only=True)
    rows = conn.execute("SELECT page, ocr, ocr_confidence, text FROM pages ORDER BY page").fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    assert all(r[1] for r in rows)
    assert all(85 < r[2] <= 100 for r in rows)
    assert "Sak 37-23 Presentasjon av NAV Vestland" in rows[1][3]
    # provenance: a decision points at the page and line it was read from
    page, line = conn.execute("SELECT d.page, d.line FROM decisions d JOIN items i ON i.id = d.item_id "
                              "WHERE i.number = '40-23' ORDER BY d.line LIMIT 1").fetchone()
    text = conn.execute("SELECT text FROM pages WHERE page = ?", [page]).fetchone()[0]
    assert page == 3 and "Styringsgruppen vedtar fordeling" in text.splitlines()[line - 1]


@pytest.fixture(scope="module")
def own_scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, dict]]:
    """Minutes of our own beside scans of themselves: turned, blurred, speckled."""
    folder = tmp_path_factory.mktemp("own")
    minutes = random_minutes(7, n_cases=4)
    for case in minutes.cases:
        case.paragraphs = case.paragraphs[:1]
    sources = {"ruled": MINUTES / "generated-ruled-table.pdf", "corpus": write_pdf(minutes, folder / "corpus-7.pdf")}
    # Page 1 of the ruled fixture holds its header and attendance table, which is what we compare.
    scans = {"ruled": rasterise(sources["ruled"], folder / "ruled-scan.pdf", angle=-1.3, blur=0.8, seed=2, pages=1),
             "corpus": rasterise(sources["corpus"], folder / "corpus-scan.pdf", angle=1.7, noise=0.006, seed=3)}
    exported = _export([*sources.values(), *scans.values()], folder / "own.duckdb")
    return {k: (exported[sources[k].name], exported[scans[k].name]) for k in sources}


def test_a_scan_of_our_pdf_reads_like_the_pdf(own_scans):
    text_layer, scanned = own_scans["corpus"]
    assert scanned["kind"] == "minutes"
    assert scanned["meeting"] == text_layer["meeting"]
    assert [(i["number"], i["title"], i["exempt"]) for i in scanned["items"]] == \
        [(i["number"], i["title"], i["exempt"]) for i in text_layer["items"]]
    assert [[d["text"] for d in i["decisions"]] for i in scanned["items"]] == \
        [[d["text"] for d in i["decisions"]] for i in text_layer["items"]]
    assert {(a["name"], a["status"]) for a in scanned["attendance"]} == \
        {(a["name"], a["status"]) for a in text_layer["attendance"]}


def test_the_expected_values_of_the_ruled_fixture_hold_for_its_scan(own_scans):
    expected = json.loads((MINUTES / "generated-ruled-table.expected.json").read_text(encoding="utf-8"))
    _, scanned = own_scans["ruled"]
    assert scanned["meeting"] == expected["meeting"]
    assert scanned["attendance"] == expected["attendance"]
    assert [i["number"] for i in scanned["items"]] == ["21-24", "22-24"]


def test_skew_is_measured_and_undone(tmp_path: Path):
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from referat.ingest import ocr

    scan = rasterise(SEED_PDF, tmp_path / "turned.pdf", angle=2.0, noise=0.0)
    pdf = pdfium.PdfDocument(str(scan))
    grey = ocr.render(pdf[0])
    pdf.close()
    ink = grey < ocr._threshold(grey)
    assert ocr.skew_angle(ink) == pytest.approx(2.0, abs=0.15)
    straight = np.asarray(Image.fromarray(ocr._despeckle(grey)).rotate(-2.0, fillcolor=255))
    _, horizontal, vertical = ocr.rulings(straight < ocr._threshold(straight))
    full_width = [h for h in horizontal if h[2] - h[1] > 450]
    assert len(full_width) >= 20 and len(vertical) >= 5


def test_a_pdf_with_one_scanned_page_is_ocred_on_that_page_only(tmp_path: Path):
    import pypdfium2 as pdfium

    scan = rasterise(SEED_PDF, tmp_path / "scan.pdf", angle=0.5)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(SEED_PDF)), [0])
    mixed.import_pages(pdfium.PdfDocument(str(scan)), [1])
    mixed.save(str(tmp_path / "mixed.pdf"))
    doc = read_document(tmp_path / "mixed.pdf")
    assert [p.ocr for p in doc.pages] == [False, True]
    assert doc.pages[0].ocr_confidence is None and doc.pages[1].ocr_confidence > 80
    assert any(line.text.startswith("Sak 37-23 Presentasjon av NAV Vestland") for line in doc.pages[1].lines)


def test_a_blank_scan_says_ocr_found_nothing(tmp_path: Path):
    from PIL import Image

    Image.new("L", (1654, 2339), 255).save(tmp_path / "blank.pdf", "PDF", resolution=200)
    with pytest.raises(NoTextLayerError, match="OCR found no text on its 1 scanned page"):
        read_document(tmp_path / "blank.pdf")


def test_missing_tesseract_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("REFERAT_TESSERACT", str(tmp_path / "no-such-tesseract"))
    result = CliRunner().invoke(main, ["ingest", str(SCANNED_SEED), str(SEED_PDF), "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == ExitCode.input_failed
    assert f"failed: {SCANNED_SEED}: a page has no text layer and needs OCR, but Tesseract is not installed" \
        in result.output
    assert "apt install tesseract-ocr tesseract-ocr-nor" in result.output
    assert "1 loaded" in result.output  # the text PDF is loaded all the same


@pytest.mark.parametrize(("line", "bullet", "rest"), [
    ("• Referat fra Partnermøtet", True, "Referat fra Partnermøtet"),
    ("« Aktuelt fra aktiviteter", True, "Aktuelt fra aktiviteter"),
    ("+« Samarbeidsavtale med Verdighetssenteret.", True, "Samarbeidsavtale med Verdighetssenteret."),
    ("«. Folk i Alrek-kampanje", True, "Folk i Alrek-kampanje"),
    ("e Status komite", True, "Status komite"),
    ("- Faglig forum", True, "Faglig forum"),
    ("2. Budsjett", True, "Budsjett"),
    ("-Faglig forum har ansvar", False, "-Faglig forum har ansvar"),
    ("e-post til alle", False, "e-post til alle"),
    ("o.l. ble drøftet", False, "o.l. ble drøftet"),
    ("«Alrek» er navnet", False, "«Alrek» er navnet"),
])
def test_bullets_printed_and_as_ocr_reads_them(line: str, bullet: bool, rest: str):
    assert split_bullet(line) == (bullet, rest)


def test_the_numpy_filters_give_the_pixels_of_pil_rank_filters():
    """The 3x3 median and the 'near ink' mask were PIL's MedianFilter(3) and MaxFilter(5)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    from referat.ingest import ocr

    pdf = pdfium.PdfDocument(str(SCANNED_SEED))
    grey = ocr.render(pdf[0])[:900]  # the header and part of the attendance table
    pdf.close()
    expected = np.asarray(Image.fromarray(grey).filter(ImageFilter.MedianFilter(3)))
    clean = ocr._despeckle(grey)
    assert np.array_equal(clean, expected) and (clean != grey).sum() > 1000
    ink = clean < ocr._threshold(clean)
    near = np.asarray(Image.fromarray(ink.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(5))) > 0
    assert np.array_equal(ocr._only_ink(clean, ink), np.where(near, clean, 255))


def test_the_lone_marks_of_a_table_are_read_in_one_tesseract_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import subprocess

    import pypdfium2 as pdfium

    from referat.ingest import ocr

    scan = rasterise(MINUTES / "generated-ruled-table.pdf", tmp_path / "ruled-scan.pdf", angle=-1.3, blur=0.8, seed=2,
                     pages=1)
    pdf = pdfium.PdfDocument(str(scan))
    grey = ocr.render(pdf[0])
    pdf.close()
    runs: list[list[str]] = []
    real = subprocess.run

    def counted(command: list[str], **kwargs):  # type: ignore[no-untyped-def]
        runs.append(command)
        return real(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted)
    page = ocr.read_scanned(grey, ocr.tesseract_command("test"), "test")
    # the prose, the tables (psm 6), and the marks that were alone in their cells (psm 8), each read once
    assert [run[run.index("--psm") + 1] for run in runs] == ["3", "6", "8"]
    assert sum(w.text == "x" for w in page.words) >= 2  # the two marks psm 6 misread, read again as 'x'


def test_long_runs_are_found_along_rows_and_columns_as_counted_pixel_by_pixel():
    """Ruling lines are runs of ink at least a third (across) or a sixth (down) of an inch long."""
    import numpy as np

    from referat.ingest import ocr

    def counted(mask: np.ndarray, length: int) -> np.ndarray:  # along rows, one pixel at a time
        out = np.zeros_like(mask)
        for r, row in enumerate(mask.tolist()):
            start = 0
            for c in range(len(row) + 1):
                if c == len(row) or not row[c]:
                    if c - start >= length:
                        out[r, start:c] = True
                    start = c + 1
        return out

    rng = np.random.default_rng(4)
    for _ in range(60):
        mask = rng.random(tuple(rng.integers(1, 30, 2))) < rng.uniform(0.3, 0.95)
        for length in (1, 2, 3, 5, 8, 13, 29):
            assert np.array_equal(ocr._runs_of(mask, length), counted(mask, length))
            assert np.array_equal(ocr._runs_of(mask, length, axis=0), counted(mask.T, length).T)


def test_stroke_width_is_the_median_of_a_box_s_horizontal_ink_runs():
    import numpy as np

    from referat.ingest import ocr

    ink = np.zeros((4, 12), dtype=bool)
    ink[0, 1:3] = ink[1, 1:3] = ink[1, 5:10] = ink[2, 0:4] = True  # runs of 2, 2, 5 and 4 (2 inside the box)
    assert ocr._strokes(ink, 2, 0, 12, 4) == 1.5  # cut at the box: 1, 1, 5 and 2
    assert ocr._strokes(ink, 0, 0, 12, 4) == 3.0  # 2, 2, 5, 4: the mean of the middle two
    assert ocr._strokes(ink, 0, 3, 12, 4) == 0.0
