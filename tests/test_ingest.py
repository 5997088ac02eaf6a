from pathlib import Path

import pytest

from helpers import SAMPLES, SEED_PDF
from referat.errors import CorruptFileError, EmptyFileError, EncryptedPdfError, NoTextLayerError, UnsupportedFileError
from referat.ingest import read_document
from referat.ingest.text import parse_spans


def test_markup_becomes_styled_spans():
    spans = parse_spans("**Sak 36-23 Godkjenning** Innkalling ble godkjent. [Lenke](#) <i>kursiv</i>")
    assert [(s.text, s.bold, s.italic) for s in spans] == [
        ("Sak 36-23 Godkjenning", True, False), (" Innkalling ble godkjent. Lenke ", False, False),
        ("kursiv", False, True)]


def test_text_seed_tables_and_headings():
    doc = read_document(SAMPLES / "000_b0133e4c38a4f008.txt")
    lines = doc.lines()
    assert doc.encoding == "utf-8" and doc.media_type == "text"
    row = next(line for line in lines if line.cells and "Karsten Specht" in line.cells)
    assert row.cells == ["Universitetet i Bergen, leder", "Karsten Specht", "KS", "x"]
    heading = next(line for line in lines if "Sak 38-23" in line.text)
    assert heading.heading == 2 and heading.bold


def test_hard_wrapped_text_wraps_and_a_list_one_a_line_does_not(tmp_path: Path):
    from referat.extract.blocks import build_blocks

    prose = ("Administrasjonen la fram forslag til budsjett for neste år, og styret\n"
             "drøftet forslaget grundig før det ble vedtatt med enkelte endringer i\n"
             "fordelingen mellom partnerne. Saken følges opp i neste møte.\n")
    people = ("Tilstede:\nRandi Solheim (Helse Bergen)\nLiv Sekkingstad (Universitetet i Bergen) – deltok digitalt\n"
              "Jon Eikeland (Høgskulen på Vestlandet), vara for Anne Fosse\nPetter Hjelle (Bergen kommune)\n")
    path = tmp_path / "m.txt"
    path.write_text(prose + "\n" + people, encoding="utf-8")
    texts = [b.text for b in build_blocks(read_document(path))]
    assert texts[0].startswith("Administrasjonen") and texts[0].endswith("neste møte.")
    assert texts[2:] == ["Randi Solheim (Helse Bergen)",
                         "Liv Sekkingstad (Universitetet i Bergen) – deltok digitalt",
                         "Jon Eikeland (Høgskulen på Vestlandet), vara for Anne Fosse",
                         "Petter Hjelle (Bergen kommune)"]


def test_space_aligned_table_becomes_cells(tmp_path: Path):
    # as case systems print protocols and 'pdftotext -layout' writes them: columns lined up with spaces
    text = ("Følgende faste medlemmer møtte:\n"
            "Navn              Funksjon        Representerer\n"
            "Ola Sandvik       Ordfører        AP\n"
            "Kari Tangen       Varaordfører    H\n"
            "\n"
            "Det ble stilt spørsmål om budsjettet.  Rådmannen svarte.\n"
            "Saken ble utsatt.  Ny behandling i neste møte.\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    lines = read_document(path).lines()
    assert [line.cells for line in lines[1:3]] == [["Navn", "Funksjon", "Representerer"],
                                                   ["Ola Sandvik", "Ordfører", "AP"]]
    assert not lines[0].cells
    # a double space after a full stop does not make prose a table when the gaps do not line up
    assert not lines[4].cells and not lines[5].cells


def test_pdf_lines_tables_and_provenance():
    doc = read_document(SEED_PDF)
    assert doc.media_type == "pdf" and len(doc.pages) == 4
    rows = [line for line in doc.lines() if line.cells]
    assert ["Universitetet i Bergen – adm MED", "Kristin Walter", "KW", "X"] in [r.cells for r in rows]
    heading = next(line for line in doc.lines() if line.text.startswith("Sak 37-23"))
    assert heading.page == 2 and heading.bold_prefix() == "Sak 37-23 Presentasjon av NAV Vestland."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "latin-1"])
def test_encodings_are_detected(tmp_path: Path, encoding: str):
    path = tmp_path / "m.txt"
    path.write_bytes("Referat fra Styringsgruppen\nSak 1/24 Årsmelding for Høgskulen på Vestlandet\n".encode(encoding))
    doc = read_document(path)
    assert "Årsmelding for Høgskulen på Vestlandet" in doc.raw_text
    assert doc.encoding == ("utf-8-sig" if encoding == "utf-8-sig" else "cp1252")


@pytest.mark.parametrize("content, error, reason", [
    (b"", EmptyFileError, "empty"),
    (b"   \n\n", EmptyFileError, "empty"),
    (b"\x00\x01\x02binary\x00garbage" * 50, CorruptFileError, "binary"),
])
def test_bad_text_files(tmp_path: Path, content: bytes, error: type, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=reason) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_bad_pdfs(tmp_path: Path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError):
        read_document(empty)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(SEED_PDF.read_bytes()[:3000])
    with pytest.raises(CorruptFileError, match="damaged or truncated"):
        read_document(truncated)


def test_encrypted_pdf_says_how_to_decrypt(tmp_path: Path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user", "owner", canPrint=0))
    c.drawString(72, 720, "Referat fra Styringsgruppen")
    c.save()
    with pytest.raises(EncryptedPdfError, match="decrypt"):
        read_document(path)


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 600, 200, 100, fill=1)
    c.save()
    with pytest.raises(NoTextLayerError, match="OCR"):
        read_document(path)


def test_unsupported_suffix(tmp_path: Path):
    path = tmp_path / "minutes.doc"  # the binary Word format before .docx
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(UnsupportedFileError, match=r"'\.doc' files are not read"):
        read_document(path)


def test_page_numbers_and_running_headers_do_not_break_a_paragraph(tmp_path: Path):
    from referat.extract.blocks import build_blocks

    header = "Eldrerådet – referat 5.3.2024\n\n"
    text = ("Referat fra møte i Eldrerådet\n\nSak 4/24 Budsjett\n"
            "Rådet drøftet budsjettet og kom med innspill til kommunedirektøren om\n\nSide 1 av 3\n\f" + header +
            "prioriteringer i eldreomsorgen.\nVedtak: Rådet støtter budsjettet.\n\nSide 2 av 3\n\f" + header +
            "Sak 5/24 Eventuelt\nIngen saker.\n\nSide 3 av 3\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    texts = [b.text for b in build_blocks(read_document(path))]
    assert texts == ["Referat fra møte i Eldrerådet", "Sak 4/24 Budsjett",
                     "Rådet drøftet budsjettet og kom med innspill til kommunedirektøren om prioriteringer i "
                     "eldreomsorgen.", "Vedtak: Rådet støtter budsjettet.", "Sak 5/24 Eventuelt", "Ingen saker."]


def test_an_empty_cell_in_a_space_aligned_table_stays_empty(tmp_path: Path):
    # 'x' under 'Forfall' with nothing under 'Møtt': by position, not by order
    text = ("Navn              Organisasjon         Møtt    Forfall\n"
            "Kari Lund         Pensjonistforeningen   x\n"
            "Per Dale          FFO                            x\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    assert [line.cells for line in read_document(path).lines()] == [
        ["Navn", "Organisasjon", "Møtt", "Forfall"], ["Kari Lund", "Pensjonistforeningen", "x"],
        ["Per Dale", "FFO", "", "x"]]


def _glyph_by_glyph(c: object, text: str, x: float, y: float, size: float) -> None:
    """Each glyph its own text object, a space inside the glyph before it, as Chrome (Skia) writes."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    glyphs: list[str] = []
    for char in text:
        if char == " " and glyphs:
            glyphs[-1] += " "
        else:
            glyphs.append(char)
    for glyph in glyphs:
        c.setFont("Helvetica", size)  # type: ignore[attr-defined]
        c.drawString(x, y, glyph)  # type: ignore[attr-defined]
        x += stringWidth(glyph, "Helvetica", size)


def test_pdf_text_set_glyph_by_glyph_or_split_inside_a_word_reads_as_words(tmp_path: Path):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "m.pdf"
    c = canvas.Canvas(str(path))
    _glyph_by_glyph(c, "Møte i Styringsgruppa", 72, 760, 18)
    _glyph_by_glyph(c, "3. mars 2024, kl. 09:30 på Rådhuset", 72, 730, 11)
    _glyph_by_glyph(c, "Kari Lind\xadBerg, leder", 72, 710, 11)  # Chrome writes a hyphen as U+00AD
    c.setFont("Helvetica", 11)
    # Word splits a word where the kerning changes: two objects, closer than a word space
    c.drawString(72, 690, "Sak 1 Godkjen")
    c.drawString(72 + stringWidth("Sak 1 Godkjen", "Helvetica", 11) + 0.5, 690, "ning av innkalling")
    c.drawString(72, 670, "Til stede:")
    c.drawString(72 + stringWidth("Til stede:", "Helvetica", 11) + 3.5, 670, "Kari Lind")
    c.save()
    assert [line.text for line in read_document(path).lines()] == [
        "Møte i Styringsgruppa", "3. mars 2024, kl. 09:30 på Rådhuset", "Kari Lind-Berg, leder",
        "Sak 1 Godkjenning av innkalling", "Til stede: Kari Lind"]


def test_a_stored_web_page_loses_its_viewer_and_share_buttons_and_page_footers(tmp_path: Path):
    text = ("Hopp til hovedinnhold\nMeny\nSøk\nSist oppdatert: 5. august 2021 .\n\n"
            "PROTOKOLL FRA STYREMØTE I FJORDVARME AS\n\nStørrelse: px\nBegynne med side:\n\n"
            "Download \"PROTOKOLL FRA STYREMØTE I FJORDVARME AS\"\n\nTranskript\n\n"
            "1 Styremøtet ble holdt 4. mars 2021 kl. 10:00 på Kaien. Sak 1: Godkjenning av innkalling Innkallingen ble "
            "godkjent. Protokoll fra styremøte i Fjordvarme AS 4. mars Side 1 Sign: KH PB\n\n"
            "Del på Facebook\nDel på LinkedIn\nSkriv ut\n\n"
            "04.03.2021 12:01:13          Protokoll fra styremøte          Side 2\n")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert [line.text for line in doc.lines()] == [
        "PROTOKOLL FRA STYREMØTE I FJORDVARME AS",
        "1 Styremøtet ble holdt 4. mars 2021 kl. 10:00 på Kaien. Sak 1: Godkjenning av innkalling Innkallingen ble "
        "godkjent."]
    assert "Del på Facebook" in doc.raw_text  # the archive keeps the file as it was


def test_soft_hyphens_in_stored_text(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text("Til stede: Kari Lind\xadBerg, kommune\xaddirektør\n", encoding="utf-8")
    assert [line.text for line in read_document(path).lines()] == ["Til stede: Kari Lind-Berg, kommunedirektør"]


def test_a_numbered_list_item_keeps_its_number_beside_the_bullet(tmp_path: Path):
    path = tmp_path / "m.md"
    path.write_text("1. Dugnad\n\n12) Budsjett\n\n- Kaffe\n", encoding="utf-8")
    lines = read_document(path).pages[0].lines
    assert [(line.text, line.bullet, line.list_number) for line in lines if line.text] == [
        ("Dugnad", True, "1"), ("Budsjett", True, "12"), ("Kaffe", True, None)]


def test_a_pdf_that_draws_each_glyph_apart(tmp_path: Path):
    # Chrome and Word may place every glyph on its own; only a gap as wide as a space parts words
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "glyphs.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)
    x = 72.0
    for word in ("Kristin", "Brænden,", "Navet"):
        for ch in word:
            c.drawString(x, 700, ch)
            x += stringWidth(ch, "Helvetica", 11)
        x += stringWidth(" ", "Helvetica", 11)
    c.save()
    assert [line.text for line in read_document(path).lines()] == ["Kristin Brænden, Navet"]


def test_a_pdf_text_object_longer_than_the_reader_s_buffer_is_read_whole(tmp_path: Path):
    """pdfium is asked once for an object's text into a buffer of 256 characters; a longer object
    (one text object per paragraph, as some converters write) is asked again into a larger one."""
    from reportlab.pdfgen import canvas

    long = "Vedtak: " + " ".join(f"ledd{k}" for k in range(120))  # 728 characters, one text object
    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path), pagesize=(4000, 200))
    c.setFont("Helvetica", 5)
    c.drawString(10, 150, long)
    c.setFont("Helvetica-Bold", 5)
    c.drawString(10, 100, "Sak 1/25 Kort")
    c.save()
    lines = read_document(path).pages[0].lines
    assert [(line.text, line.bold) for line in lines] == [(long, False), ("Sak 1/25 Kort", True)]


def test_a_line_copied_with_other_spans_reads_its_own_text_and_style():
    """Line keeps its text and boldness once asked; a copy with new spans must not keep the old ones."""
    from referat.ingest.document import Line, Span

    line = Line(page=1, number=1, spans=[Span(text="Vedtak", bold=True)])
    assert (line.text, line.bold) == ("Vedtak", True)
    copy = line.model_copy(update={"spans": [Span(text="Saken ble drøftet.")]})
    assert (copy.text, copy.bold) == ("Saken ble drøftet.", False)
    assert (line.text, line.bold) == ("Vedtak", True)
    assert line == Line(page=1, number=1, spans=[Span(text="Vedtak", bold=True)])  # the kept text is no field


@pytest.mark.parametrize("text", ["Saken ble drøftet", "  Møtt: Kari Holm  ", "a_b", "x < y", "3 * 4 = 12",
                                  "[lenke](#)", ""])
def test_a_line_without_markup_is_one_plain_span_as_one_with_markup_would_be_read(text: str):
    from referat.ingest.document import Span

    spans = parse_spans(text)
    if not any(mark in text for mark in "[<*_"):
        assert spans == ([Span(text=text)] if text else [])
    assert "".join(s.text for s in spans) == text.replace("[lenke](#)", "lenke")
