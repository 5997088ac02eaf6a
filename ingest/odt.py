"""OpenDocument minutes (.odt, LibreOffice), read from the file's XML with the standard library.

Paragraphs and headings (``text:h`` with its outline level) with the bold and italic their styles
give them, list items, tables as rows, and explicit page breaks ('break-before: page') as pages."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from referat.errors import CorruptFileError, EncryptedFileError
from referat.ingest.document import Page, Span
from referat.ingest.flow import Flow, StyledLines

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

# Inside a paragraph, elements whose text is not the paragraph's: notes, annotations, tracked deletions
_SKIP_INLINE = {f"{TEXT}note", f"{OFFICE}annotation", f"{TEXT}tracked-changes"}


@dataclass
class _Style:
    bold: bool | None = None
    italic: bool | None = None
    page_break: bool = False
    parent: str | None = None


def read_odt(data: bytes, path: str) -> tuple[str, list[Page]]:
    """The document's raw text and pages; a file that is no OpenDocument text raises an InputError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise CorruptFileError(path, "the zip archive has no content.xml, so it is no OpenDocument file")
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest:
                raise EncryptedFileError(path, "the OpenDocument file is password-protected; save it without one")
            content = ElementTree.fromstring(archive.read("content.xml"))
            shared = ElementTree.fromstring(archive.read("styles.xml")) if "styles.xml" in names else None
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(path, "the file is not an OpenDocument file (not a zip archive; is it named right?)"
                               ) from exc
    except ElementTree.ParseError as exc:
        raise CorruptFileError(path, f"the OpenDocument file is damaged ({exc})") from exc
    styles = _styles(shared) if shared is not None else {}
    styles.update(_styles(content))
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    flow = Flow()
    if body is not None:
        _Reader(flow, styles).blocks(body)
    return flow.result(path)


def _styles(root: ElementTree.Element) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    for element in root.iter(f"{STYLE}style"):
        style = _Style(parent=element.get(f"{STYLE}parent-style-name"))
        text = element.find(f"{STYLE}text-properties")
        if text is not None:
            weight, posture = text.get(f"{FO}font-weight"), text.get(f"{FO}font-style")
            style.bold = None if weight is None else weight in ("bold", "600", "700", "800", "900")
            style.italic = None if posture is None else posture in ("italic", "oblique")
        paragraph = element.find(f"{STYLE}paragraph-properties")
        style.page_break = paragraph is not None and paragraph.get(f"{FO}break-before") == "page"
        out[element.get(f"{STYLE}name", "")] = style
    return out


@dataclass
class _Reader:
    flow: Flow
    styles: dict[str, _Style]

    def _inherited(self, name: str | None, attr: str) -> bool | None:
        seen: set[str] = set()
        while name and name in self.styles and name not in seen:
            seen.add(name)
            value = getattr(self.styles[name], attr)
            if value is not None:
                return value
            name = self.styles[name].parent
        return None

    def blocks(self, parent: ElementTree.Element, bullet: bool = False) -> None:
        for element in parent:
            tag = element.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                name = element.get(f"{TEXT}style-name")
                if name in self.styles and self.styles[name].page_break:
                    self.flow.page_break()
                heading = int(element.get(f"{TEXT}outline-level", "1")) if tag == f"{TEXT}h" else 0
                self.flow.paragraph(self.lines(element), heading=heading, bullet=bullet)
                bullet = False  # a list item's further paragraphs go on with it
            elif tag == f"{TEXT}list":
                for item in element:
                    self.blocks(item, bullet=True)
            elif tag == f"{TABLE}table":
                self.table(element)
            elif tag in (f"{TEXT}section", f"{TEXT}list-item", f"{TEXT}list-header"):
                self.blocks(element, bullet)

    def lines(self, paragraph: ElementTree.Element) -> StyledLines:
        name = paragraph.get(f"{TEXT}style-name")
        bold, italic = bool(self._inherited(name, "bold")), bool(self._inherited(name, "italic"))
        lines: StyledLines = [[]]
        self._inline(paragraph, lines, bold, italic)
        return lines

    def _inline(self, element: ElementTree.Element, lines: StyledLines, bold: bool, italic: bool) -> None:
        if element.text:
            lines[-1].append(Span(text=element.text, bold=bold, italic=italic))
        for child in element:
            tag = child.tag
            if tag in _SKIP_INLINE:
                pass
            elif tag == f"{TEXT}line-break":
                lines.append([])
            elif tag == f"{TEXT}tab":
                lines[-1].append(Span(text="\t", bold=bold, italic=italic))
            elif tag == f"{TEXT}s":
                lines[-1].append(Span(text=" " * int(child.get(f"{TEXT}c", "1")), bold=bold, italic=italic))
            else:
                name = child.get(f"{TEXT}style-name")
                b, i = self._inherited(name, "bold"), self._inherited(name, "italic")
                self._inline(child, lines, bold if b is None else b, italic if i is None else i)
            if child.tail:
                lines[-1].append(Span(text=child.tail, bold=bold, italic=italic))

    def table(self, table: ElementTree.Element) -> None:
        for row in table.iter(f"{TABLE}table-row"):
            cells: list[StyledLines] = []
            for cell in row:
                if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                lines: StyledLines = []
                for paragraph in cell.iter():
                    if paragraph.tag in (f"{TEXT}p", f"{TEXT}h"):
                        lines.extend(self.lines(paragraph))
                # A repeated empty cell (the rest of a wide sheet) is one cell, not thousands
                repeat = min(int(cell.get(f"{TABLE}number-columns-repeated", "1")), 1 if not lines else 64)
                cells.extend([lines] * repeat)
            self.flow.row(cells)
