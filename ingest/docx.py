"""Word minutes (.docx): paragraphs with their bold and italic runs, headings, list items and tables.

A Word file has no pages until it is laid out, so lines are numbered on page 1 and only an explicit
page break (a break of type page, 'page break before') starts the next page."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from referat.errors import CorruptFileError, EncryptedFileError
from referat.ingest.document import Page, Span
from referat.ingest.flow import Flow, StyledLines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# An OLE compound file: what Word writes for a password-protected .docx, and the old .doc format.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"(?i)^(?:heading|overskrift)\s*([1-6])$")


def read_docx(data: bytes, path: str) -> tuple[str, list[Page]]:
    """The document's raw text and pages; a file that is no Word document raises an InputError."""
    document = _open(data, path)
    flow = Flow()
    _blocks(flow, document.element.body, document)
    return flow.result(path)


def _blocks(flow: Flow, parent: Any, owner: Any) -> None:
    """Paragraphs and tables in reading order, also inside content controls (templates put the
    whole text in them) and inserted tracked changes."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in parent.iterchildren():
        if element.tag == f"{W}p":
            _paragraph(flow, Paragraph(element, owner))
        elif element.tag == f"{W}tbl":
            _table(flow, Table(element, owner))
        elif element.tag in (f"{W}sdt", f"{W}customXml", f"{W}ins"):
            content = element.find(f"{W}sdtContent")
            _blocks(flow, element if content is None else content, owner)


def _open(data: bytes, path: str) -> Any:
    if data.startswith(OLE_MAGIC):
        raise EncryptedFileError(path, "the Word file is password-protected or in the old .doc format; "
                                       "save it without a password as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(path, "the file is not a Word document (not a zip archive; is it named right?)") from exc
    if "word/document.xml" not in names:
        raise CorruptFileError(path, "the zip archive has no word/document.xml, so it is no Word document")
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged part; each means the same
        raise CorruptFileError(path, f"the Word document is damaged ({exc.__class__.__name__}: {exc})") from exc


def _paragraph(flow: Flow, paragraph: Any) -> None:
    ppr = paragraph._p.pPr
    page_break = None if ppr is None else ppr.find(f"{W}pageBreakBefore")
    if page_break is not None and page_break.get(f"{W}val", "true") not in ("0", "false", "off"):
        flow.page_break()
    lines, breaks = _lines(paragraph)
    name = _style_name(paragraph)
    heading = _heading_level(paragraph.style)
    # A numbered heading style is a heading, not a list item
    numbered = ppr is not None and ppr.find(f"{W}numPr") is not None
    bullet = not heading and (name.lower().startswith("list") or numbered)
    # A page break inside a paragraph ends its page: the lines before it go there, the rest after
    for k, part in enumerate(breaks):
        if k:
            flow.page_break()
        flow.paragraph(lines[part], heading=heading if k == 0 else 0, bullet=bullet and k == 0)


def _lines(paragraph: Any) -> tuple[StyledLines, list[slice]]:
    """The paragraph's lines (soft breaks apart) and the slices of them between page breaks."""
    from docx.text.run import Run

    lines: StyledLines = [[]]
    breaks: list[int] = [0]
    # Every run of the paragraph, also in hyperlinks, fields and tracked insertions; a deleted run
    # holds w:delText, not w:t, and reads as nothing. A text box's runs belong to its own paragraphs.
    for element in paragraph._p.iter(f"{W}r"):
        if _in_text_box(element, paragraph._p):
            continue
        run = Run(element, paragraph)
        bold, italic = _styled(run, paragraph, "bold"), _styled(run, paragraph, "italic")
        for child in element:
            tag = child.tag
            if tag == f"{W}t":
                lines[-1].append(Span(text=child.text or "", bold=bold, italic=italic))
            elif tag == f"{W}tab":
                lines[-1].append(Span(text="\t", bold=bold, italic=italic))
            elif tag in (f"{W}br", f"{W}cr"):
                lines.append([])
                if child.get(f"{W}type") == "page":
                    breaks.append(len(lines) - 1)
            elif tag == f"{W}noBreakHyphen":
                lines[-1].append(Span(text="-", bold=bold, italic=italic))
    ends = [*breaks[1:], len(lines)]
    return lines, [slice(a, b) for a, b in zip(breaks, ends, strict=True)]


def _in_text_box(run: Any, paragraph: Any) -> bool:
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == f"{W}txbxContent":
            return True
    return False


def _styled(run: Any, paragraph: Any, attr: str) -> bool:
    """A run's bold or italic as Word shows it: set on the run, else from its character style,
    else from the paragraph's style, each style also from the style it is based on."""
    value = getattr(run, attr)
    if value is not None:
        return bool(value)
    for style in (run.style, paragraph.style):
        while style is not None:
            value = getattr(style.font, attr)
            if value is not None:
                return bool(value)
            style = style.base_style
    return False


def _style_name(paragraph: Any) -> str:
    style = paragraph.style
    return (style.name or "") if style is not None else ""


def _heading_level(style: Any) -> int:
    """1-6 for a heading style or a house style based on one ('Sakstittel' based on 'Heading 2'), else 0."""
    for _ in range(10):  # a loop of based-on styles in a damaged file ends here
        if style is None:
            return 0
        name = style.name or ""
        m = _HEADING_STYLE.match(name)
        if m or name.lower() == "title":
            return int(m.group(1)) if m else 1
        style = style.base_style
    return 0


def _table(flow: Flow, table: Any) -> None:
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    for tr in table._tbl.tr_lst:
        # The row's own cells: python-docx's row.cells repeats a merged cell once per grid column
        cells: list[StyledLines] = []
        for tc in tr.tc_lst:
            cell = _Cell(tc, table)
            lines: StyledLines = []
            # A table inside the cell is read as the cell's lines
            for p in tc.iter(f"{W}p"):
                lines.extend(_lines(Paragraph(p, cell))[0])
            cells.append(lines)
        flow.row(cells)
