"""Redacted copies of a source: the lines of its exempt cases replaced by one line that names the
case and its legal basis. Where the cases are is read from the source itself, by the same reading
that made the archive, so a second copy of a meeting (its PDF beside its text) is redacted by its
own lines and not by another file's line numbers.

Every function here fails closed: when a region cannot be found or its words can still be read
afterwards, it returns None and the caller leaves the file out."""

from __future__ import annotations

import ctypes
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from referat.ingest.document import Document, Page

Position = tuple[int, int]  # (page, line) as the Document numbers them


@dataclass(frozen=True)
class Region:
    """The lines of one exempt case, from its heading to the line before the next case."""

    number: str
    notice: str  # 'Sak 40-23 – unntatt offentlighet (offl. § 13)'
    start: Position
    end: Position  # inclusive


def exempt_regions(doc: Document, notices: dict[str, str]) -> list[Region] | None:
    """Where each case in ``notices`` (number -> withheld line) and each case the document itself
    flags as exempt stands in ``doc``; None when one of the archive's exempt cases is not found."""
    from referat.reports.publication import withheld_line

    items = case_headings(doc)
    last = max(((line.page, line.number) for line in doc.lines()), default=(1, 1))
    regions: list[Region] = []
    for k, item in enumerate(items):
        if item.number not in notices and not item.exempt:
            continue
        if k + 1 < len(items):
            end = _before(doc, (items[k + 1].page, items[k + 1].line))
        else:
            end = (item.page_end or item.page, item.line_end or item.line)
        notice = notices.get(item.number) or withheld_line(item.number, item.legal_basis)
        regions.append(Region(item.number, notice, (item.page, item.line), min(max(end, (item.page, item.line)),
                                                                                   last)))
    found = {r.number for r in regions}
    if not set(notices) <= found:
        return None
    return regions + _title_lines(doc, [i for i in items if i.number in found], regions, notices)


@dataclass(frozen=True)
class Heading:
    """Where a case of the minutes stands and whether it is exempt: the part of an extracted Item
    that redaction needs."""

    number: str
    title: str
    exempt: bool
    legal_basis: str | None
    page: int
    line: int
    page_end: int | None
    line_end: int | None


def case_headings(doc: Document) -> list[Heading]:
    """The cases of ``doc`` as ``extract_meeting`` reads them (none when it is not minutes), by its
    steps that place and flag a case only: the decisions, references, votes and people that are
    most of extraction's time are not read (redacting the sources of a large archive was most of
    a site build's time). Only when whether it is minutes turns on the number of people listed is
    the whole meeting extracted."""
    from referat.extract import extract_meeting
    from referat.extract.blocks import build_blocks
    from referat.extract.cases import split_cases
    from referat.extract.classify import is_minutes
    from referat.extract.exempt import exemption
    from referat.extract.header import read_header

    blocks = build_blocks(doc)
    preamble, cases = split_cases(blocks)
    header = read_header(preamble or blocks[:30], whole=blocks)
    # is_minutes only asks whether one or two people were listed: when none and two give one answer, so does any
    minutes = is_minutes(blocks, len(cases), header, 0)
    if minutes != is_minutes(blocks, len(cases), header, 2):
        meeting = extract_meeting(doc).meeting
        return [Heading(i.number, i.title, i.exempt, i.legal_basis, i.page, i.line, i.page_end, i.line_end)
                for i in (meeting.items if meeting else [])]
    if not minutes:
        return []
    out = []
    for case in cases:
        text = " ".join([case.title, case.lead, *(b.text for b in case.body if not b.is_row)])
        end = case.body[-1] if case.body else case.heading
        exempt, _, basis = exemption(case.exempt, case.exempt_raw, case.heading.text, text)
        out.append(Heading(case.number, case.title, exempt, basis, case.heading.page, case.heading.line,
                           end.lines[-1].page, end.line_end))
    return out


def _title_lines(doc: Document, exempt: list[Heading], regions: list[Region], notices: dict[str, str]) -> list[Region]:
    """Lines outside the cases that name an exempt case by its title, as a saksliste does: each a
    region of one line. A short title ('Personalsak') says nothing and is left."""
    from referat.reports.publication import withheld_line

    titles = [(item, _squeeze(item.title)) for item in exempt if len(_squeeze(item.title)) >= 12]
    out = []
    for line in doc.lines():
        position = (line.page, line.number)
        if _inside(position, regions):
            continue
        text = _squeeze(line.text)
        for item, title in titles:
            if title in text:
                out.append(Region(item.number, notices.get(item.number) or withheld_line(item.number, item.legal_basis),
                                  position, position))
                break
    return out


def _before(doc: Document, position: Position) -> Position:
    """The last line of ``doc`` before ``position``."""
    earlier = [(line.page, line.number) for line in doc.lines() if (line.page, line.number) < position]
    return earlier[-1] if earlier else position


def _inside(position: Position, regions: list[Region]) -> Region | None:
    return next((r for r in regions if r.start <= position <= r.end), None)


def text_document(source: str, raw_text: str) -> Document:
    """The archive's stored text read again as ingest read it, lines numbered the same."""
    from referat.ingest.text import parse_text

    return Document(source=source, path=source, sha256="", size=len(raw_text), media_type="text",
                    raw_text=raw_text, pages=parse_text(raw_text))


def redact_text(raw_text: str, regions: list[Region]) -> str:
    """The text with each region's lines (and the blank lines inside it) replaced by its notice."""
    out_pages: list[str] = []
    written: set[Region] = set()
    pages = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    for page_no, page in enumerate(pages, 1):
        out: list[str] = []
        for number, line in enumerate(page.split("\n"), 1):
            region = _inside((page_no, number), regions)
            if region is None:
                out.append(line)
            elif region not in written:
                written.add(region)
                out.append(f"[{region.notice}]")
        out_pages.append("\n".join(out))
    return "\f".join(out_pages)


# --- PDF --------------------------------------------------------------------------------------------

def _line_extents(page: Any) -> list[tuple[float, float]] | None:
    """(top, bottom) of each line of a text-layer page, in the order and number ingest/pdf.py gives
    its lines: text lines outside ruled tables, and one line per table row. None when the page
    needs pdfplumber's table finder, whose rows we cannot place here."""
    from referat.ingest.pdf import _lines, _runs
    from referat.ingest.tables import Grid, find_grids

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        runs = _runs(page, textpage, height)
    finally:
        textpage.close()
    if not runs:
        return []
    grids, ruled = find_grids(page, height)
    if ruled and not grids:
        return None
    in_table = [r for r in runs if any(g.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2) for g in grids)]
    extents = [(line.top, line.bottom) for line in _lines([r for r in runs if r not in in_table])]
    for grid in grids:
        if not isinstance(grid, Grid):
            return None
        extents += [(grid.ys[k], grid.ys[k + 1]) for k in range(grid.n_rows)]
    return sorted(extents, key=lambda e: e[0])


def _remove_and_cover(pdf: Any, page: Any, top: float, bottom: float, notice: str | None) -> None:
    """Remove every object whose middle lies between ``top`` and ``bottom`` (points from the top
    of the page), cover the band with a grey box and write the notice in it."""
    import pypdfium2.raw as c

    height, width = page.get_height(), page.get_width()
    for obj in list(page.get_objects(max_depth=1)):
        _left, low, _right, high = obj.get_bounds()
        middle = height - (low + high) / 2
        if top - 1 <= middle <= bottom + 1:
            page.remove_obj(obj)
            obj.close()
    box = c.FPDFPageObj_CreateNewRect(36, height - bottom - 2, width - 72, bottom - top + 4)
    c.FPDFPageObj_SetFillColor(box, 210, 210, 210, 255)
    c.FPDFPath_SetDrawMode(box, c.FPDF_FILLMODE_ALTERNATE, False)
    c.FPDFPage_InsertObject(page.raw, box)
    if notice:
        size = 9.0
        text = c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
        c.FPDFText_SetText(text, _wide(notice))
        c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 40, height - top - size - 1)
        c.FPDFPageObj_SetFillColor(text, 0, 0, 0, 255)
        c.FPDFPage_InsertObject(page.raw, text)
    page.gen_content()


def _wide(text: str) -> Any:
    """A NUL-terminated UTF-16 string, as pdfium takes text."""
    encoded = (text + "\x00").encode("utf-16-le")
    buffer = (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
    return ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))


def redact_pdf(data: bytes, doc: Document, regions: list[Region]) -> bytes | None:
    """A new PDF of the pages of ``data`` with each region's text objects removed and the region
    covered, its notice written over it. The pages are copied into a fresh document, so nothing
    removed survives as an unreferenced object, outline or metadata. None when a page's lines
    cannot be placed or a redacted line can still be extracted."""
    import pypdfium2 as pdfium

    pages: dict[int, Page] = {p.number: p for p in doc.pages}
    pdf = pdfium.PdfDocument(data)
    try:
        removed: list[str] = []
        redacted: list[int] = []  # the other pages are copied as they are: their text is the same after
        before: list[str] = []
        for index in range(len(pdf)):
            page_no = index + 1
            lines = pages[page_no].lines if page_no in pages else []
            hit = [(k, _inside((page_no, line.number), regions)) for k, line in enumerate(lines)]
            hit = [(k, r) for k, r in hit if r is not None]
            if not hit:
                continue
            page = pdf[index]
            try:
                redacted.append(index)
                before.append(_page_text(page))
                extents = _line_extents(page)
                if extents is None or len(extents) != len(lines):
                    return None
                for region in dict.fromkeys(r for _, r in hit):
                    ks = [k for k, r in hit if r == region]
                    first = region.start == (page_no, lines[ks[0]].number)
                    _remove_and_cover(pdf, page, extents[ks[0]][0], extents[ks[-1]][1],
                                      region.notice if first else None)
                    removed += [lines[k].text for k in ks]
            finally:
                page.close()
        fresh = pdfium.PdfDocument.new()
        fresh.import_pages(pdf)
        out = io.BytesIO()
        fresh.save(out)
        fresh.close()
    finally:
        pdf.close()
    result = _reproducible(out.getvalue())
    return None if still_readable(result, removed, "\n".join(before), redacted) else result


_CREATED = re.compile(rb"/CreationDate\(D:\d{14}\+00'00'\)")
_FILE_ID = re.compile(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]")


def _reproducible(data: bytes) -> bytes:
    """The copy without the moment pdfium saved it: its creation date and the file ID it derives
    from the clock are replaced, in bytes of the same length (the cross-reference offsets stay
    right), by a fixed date and an ID from the contents, so two builds make the same file."""
    if len(_CREATED.findall(data)) != 1 or len(_FILE_ID.findall(data)) != 1:
        return data
    data = _CREATED.sub(b"/CreationDate(D:20000101000000+00'00')", data)
    digest = hashlib.md5(_FILE_ID.sub(b"", data), usedforsecurity=False).hexdigest().upper().encode("ascii")
    return _FILE_ID.sub(b"/ID[<" + digest + b"><" + digest + b">]", data)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _page_text(page: Any) -> str:
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_range())
    finally:
        textpage.close()


def pdf_text(data: bytes, pages: list[int] | None = None) -> str:
    """Every character pdfium extracts from a PDF (or from its ``pages``, 0-based), page after page."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(pdf)) if pages is None else pages:
            page = pdf[index]
            texts.append(_page_text(page))
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def still_readable(data: bytes, lines: list[str], before: str, pages: list[int] | None = None) -> bool:
    """Whether a redacted line of some length can still be extracted from the PDF (or from its
    ``pages``): whether its words are found there more often than in the text ``before`` it was
    redacted, less the times they were removed. Counted, not merely looked for, since an exempt
    case's line often recurs in a public one ('Innstillingen ble enstemmig vedtatt.'), and that
    copy is not the one removed."""
    removed = Counter(text for text in map(_squeeze, lines) if len(text) >= 12)
    if not removed:
        return False
    after, earlier = _squeeze(pdf_text(data, pages)), _squeeze(before)
    return any(after.count(text) > max(earlier.count(text) - times, 0) for text, times in removed.items())

