"""PDF minutes with a text layer, read once per page with pypdfium2.

Lines are built from the page's text objects (each a run in one font, so bold and italic
come for free), and ruled tables from its path objects (the ruling lines). pdfplumber's
table finder is only asked on a page whose ruling lines do not form a grid we can read
(see ``pdf_plumber.py``). Every page is closed as soon as it is read."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from referat.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedPdfError,
    NoTextLayerError,
    OcrUnavailableError,
)
from referat.ingest import ocr
from referat.ingest.aligned import aligned_rows
from referat.ingest.bullets import list_number, split_bullet, starts_with_glyph
from referat.ingest.document import Line, Page, Span
from referat.ingest.pdfobjects import page_objects
from referat.ingest.tables import Grid, find_grids, grids_from_segments


@dataclass
class Run:
    """One text object: a run of text in one font on one line."""

    text: str
    bold: bool
    italic: bool
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    baseline: float
    size: float


@dataclass
class TextLine:
    runs: list[Run] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    # Kept once asked: a page's layout asks often, and a line's runs are final before it does
    # (functools.cached_property takes a lock on every read in Python 3.11).
    _top: float | None = field(default=None, repr=False, compare=False)
    _bottom: float | None = field(default=None, repr=False, compare=False)

    @property
    def top(self) -> float:
        if self._top is None:
            self._top = min(r.top for r in self.runs)
        return self._top

    @property
    def bottom(self) -> float:
        if self._bottom is None:
            self._bottom = max(r.bottom for r in self.runs)
        return self._bottom

    def first_word_width(self) -> float:
        run = self.runs[0]
        word = run.text.split()[0] if run.text.strip() else ""  # any space: Prawn writes no-break spaces
        return (run.x1 - run.x0) * len(word) / max(len(run.text.strip()), 1)


def _style(fontname: str) -> tuple[bool, bool]:
    name = fontname.lower()
    bold = any(k in name for k in ("bold", "black", "heavy", "semibold", "demi", ",b"))
    italic = any(k in name for k in ("italic", "oblique", ",i"))
    return bold, italic


def open_pdf(path: Path) -> Any:
    import pypdfium2 as pdfium

    if path.stat().st_size == 0:
        raise EmptyFileError(str(path), "the PDF is empty (0 bytes)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise EncryptedPdfError(
                str(path), "the PDF is encrypted; decrypt it first, e.g. `qpdf --decrypt --password=... in.pdf out.pdf`"
            ) from exc
        raise CorruptFileError(str(path), f"the PDF is damaged or truncated ({exc})") from exc


# Above this many text objects on a page, their texts are read in one pass over the page's
# characters: pdfium finds an object's text by scanning every character of the page, so asking
# object by object takes time in objects times characters (225 s for 50,000 objects). Below it,
# asking is faster than the pass, which costs three calls a character.
MANY_OBJECTS = 500


def _runs(page: Any, textpage: Any, height: float) -> list[Run]:
    import pypdfium2.raw as c

    runs: list[Run] = []
    fonts: dict[int, tuple[bool, bool]] = {}
    # The calls and their out-parameters bound once a page: ctypes converts a pointer it is given
    # faster than the number it would have to take the address of, and the lookups add up at six
    # calls an object.
    size, left, bottom, right, top = (ctypes.c_float() for _ in range(5))
    matrix = c.FS_MATRIX()
    size_p, matrix_p, left_p, bottom_p, right_p, top_p = (ctypes.pointer(v) for v in (size, matrix, left, bottom,
                                                                                       right, top))
    get_text, get_font, get_size = c.FPDFTextObj_GetText, c.FPDFTextObj_GetFont, c.FPDFTextObj_GetFontSize
    get_matrix, get_bounds = c.FPDFPageObj_GetMatrix, c.FPDFPageObj_GetBounds
    address = ctypes.c_void_p.from_buffer  # a pointer's address, without ctypes.cast's call into C
    objects = list(page_objects(page.raw, c.FPDF_PAGEOBJ_TEXT))
    texts = _object_texts(textpage) if len(objects) > MANY_OBJECTS else None
    # pdfium finds an object's text by scanning the page's characters (14 µs on a page of minutes):
    # asked once, into a buffer that usually holds it, rather than once for the length and once more.
    buffer = (ctypes.c_ushort * 256)()
    handle = textpage.raw
    for obj in objects:
        if texts is not None:
            text = texts.get(address(obj).value or 0, "")
        else:
            n = get_text(obj, handle, buffer, 2 * len(buffer))  # bytes, the NUL included
            if n <= 2:
                continue
            if n > 2 * len(buffer):  # pdfium wrote nothing: the text is longer than the buffer
                buffer = (ctypes.c_ushort * (n // 2 + 1))()
                get_text(obj, handle, buffer, 2 * len(buffer))
            text = bytes(buffer)[:n].decode("utf-16-le", errors="replace").rstrip("\x00")
        if "\r" in text or "\n" in text:
            text = text.replace("\r", " ").replace("\n", " ")
        if "\u00ad" in text:
            text = text.replace("\u00ad", "-")  # Chrome writes every hyphen as a soft one ('Lind\u00adJohansen')
        if not text.strip():
            continue
        font = get_font(obj)
        key = address(font).value or 0
        style = fonts.get(key)
        if style is None:
            length = c.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(max(length, 1))
            c.FPDFFont_GetBaseFontName(font, name, length)
            style = fonts[key] = _style(name.value.decode("latin-1"))
        get_size(obj, size_p)
        get_matrix(obj, matrix_p)
        font_size = size.value * (abs(matrix.d) or 1.0)
        get_bounds(obj, left_p, bottom_p, right_p, top_p)
        baseline = height - matrix.f
        runs.append(Run(text, style[0], style[1], left.value, right.value, baseline - 0.8 * font_size,
                        baseline + 0.2 * font_size, baseline, font_size))
    return runs


def _object_texts(textpage: Any) -> dict[int, str]:
    """Every text object's text, as ``FPDFTextObj_GetText`` gives it, from one pass over the page's
    characters: an object's characters, a space that follows one of them, and a line break before
    a character on a new line when other text came between."""
    import pypdfium2.raw as c

    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    # The object as a plain address: ctypes.cast on each of 100,000 characters took half the time.
    address = ctypes.cast(c.FPDFText_GetTextObject, ctypes.c_void_p).value
    text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)
    unicode = c.FPDFText_GetUnicode
    x, y = ctypes.c_double(), ctypes.c_double()

    def origin(index: int) -> float:
        c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
        return y.value

    texts: dict[int, list[str]] = {}
    last_at: dict[int, int] = {}  # the index of each object's latest character
    previous = 0  # the object of the character before
    # The latest character that is not a space, its object, and the latest one of another object:
    # between them they say whether text of another object came after an object's latest character.
    marked, marked_obj, marked_other = -1, -1, -1
    for index in range(c.FPDFText_CountChars(textpage.raw)):
        obj = text_object(handle, index) or 0
        code = unicode(textpage.raw, index)
        if obj:
            parts = texts.setdefault(obj, [])
            since = marked if marked_obj != obj else marked_other
            if (obj in last_at and previous != obj and since > last_at[obj] and parts
                    and origin(index) != origin(last_at[obj])):
                parts.append("\r\n")
            if code:
                parts.append("\ufffd" if 0xD800 <= code < 0xE000 else chr(code))
            last_at[obj] = index
        if code == 0x20 and previous and previous != obj:
            texts[previous].append(" ")
        if code != 0x20:
            if obj != marked_obj:
                marked_other = marked
            marked, marked_obj = index, obj
        previous = obj
    return {obj: "".join(parts) for obj, parts in texts.items()}


def _lines(runs: list[Run]) -> list[TextLine]:
    """Runs on one baseline make a line, read left to right."""
    lines: list[TextLine] = []
    for run in sorted(runs, key=lambda r: (round(r.baseline, 1), r.x0)):
        line = lines[-1] if lines else None
        if line is not None and abs(line.runs[0].baseline - run.baseline) <= 0.3 * max(run.size, 1.0):
            line.runs.append(run)
        else:
            lines.append(TextLine([run]))
    for line in lines:
        line.runs.sort(key=lambda r: r.x0)
        line.runs = _join_glyphs(line.runs)
    return lines


# Chrome (Skia) writes each glyph as a text object of its own, the space after a word inside the
# glyph before it. The gap between two glyph boxes of one word stays under about a quarter of the
# font size (a narrow '1' leaves the widest); a word space without its character is wider.
_GLYPH_GAP = 0.33
_LETTER_SPACED = 0.6  # share of a line's runs that are one character: the line is set glyph by glyph
# Word and Prawn split a word into two text objects where the kerning changes ('Godkjen' 'ning');
# the boxes then stand closer than a word space, which is a quarter of the font size and more.
_IN_WORD_GAP = 0.2


def _join_glyphs(runs: list[Run]) -> list[Run]:
    """Runs that are parts of one word joined, and a line set glyph by glyph joined into words, so
    that 'M ø t e' reads 'Møte'; a soft hyphen (U+00AD, as Chrome writes every hyphen) is a hyphen
    and a zero-width space is nothing."""
    runs = [r if "\xad" not in r.text and "\u200b" not in r.text else
            Run(r.text.replace("\xad", "-").replace("\u200b", ""), r.bold, r.italic, r.x0, r.x1, r.top, r.bottom,
                r.baseline, r.size) for r in runs]
    runs = [r for r in runs if r.text.strip()]
    if len(runs) < 2:
        return runs
    glyphs = len(runs) >= 3 and sum(len(r.text.strip()) == 1 for r in runs) >= _LETTER_SPACED * len(runs)
    joined = [runs[0]]
    for run in runs[1:]:
        last = joined[-1]
        size = max(run.size, last.size, 1.0)
        gap = run.x0 - last.x1
        spaced = last.text.endswith((" ", "\xa0")) or run.text.startswith((" ", "\xa0"))
        if glyphs:
            parts = gap <= 2 * _GLYPH_GAP * size  # wider: a column gap, which keeps its own run
            spaced = spaced or gap > _GLYPH_GAP * size
        else:
            parts = not spaced and gap < _IN_WORD_GAP * size
        if not parts or (last.bold, last.italic) != (run.bold, run.italic):
            joined.append(run)
            continue
        text = last.text.rstrip() + " " + run.text.lstrip() if spaced else last.text + run.text
        joined[-1] = Run(text, run.bold, run.italic, last.x0, run.x1, min(last.top, run.top),
                         max(last.bottom, run.bottom), last.baseline, size)
    return joined


def _spans(line: TextLine) -> list[Span]:
    # Texts and styles first, the models last: setting a field on a pydantic model is slow.
    parts: list[tuple[list[str], bool, bool]] = []
    previous: Run | None = None
    for run in line.runs:
        text = run.text
        # a gap between two runs on one line is a word space; runs that touch are pieces of one word,
        # as Chrome and Word write a word glyph by glyph ('K r i s t i n', 'Sø knader')
        if (previous is not None and not previous.text.endswith(" ") and not text.startswith(" ")
                and run.x0 - previous.x1 > 0.2 * max(run.size, 1.0)):
            text = " " + text
        if parts and parts[-1][1] == run.bold and parts[-1][2] == run.italic:
            parts[-1][0].append(text)
        else:
            parts.append(([text], run.bold, run.italic))
        previous = run
    texts = ["".join(texts) for texts, _, _ in parts]
    if texts:
        texts[0] = texts[0].lstrip()
        texts[-1] = texts[-1].rstrip()
    return [Span(text=text, bold=bold, italic=italic) for text, (_, bold, italic) in zip(texts, parts, strict=True)]


def _cells(grid: Grid, lines: list[TextLine]) -> tuple[list[list[str]], list[list[list[list[Span]]]]]:
    """Each cell's text, and its visual lines with their styles: a cell may hold a bold title over
    paragraphs, as minutes kept as a table of cases do."""
    rows: list[list[list[TextLine]]] = [[[] for _ in range(grid.n_columns)] for _ in range(grid.n_rows)]
    for line in lines:
        parts: dict[tuple[int, int], TextLine] = {}  # the part of this line in each cell it crosses
        for run in line.runs:
            at = grid.cell_at((run.x0 + run.x1) / 2, (run.top + run.bottom) / 2)
            if at is None:
                continue
            if at not in parts:
                parts[at] = TextLine([])
                rows[at[0]][at[1]].append(parts[at])
            parts[at].runs.append(run)
    read = [_row(row) for row in rows]
    return [text for text, _ in read], [styled for _, styled in read]


def _row(cells: list[list[TextLine]]) -> tuple[list[str], list[list[list[Span]]]]:
    """A table row from the parts of lines in each cell: each cell's text, and its lines with their styles."""
    text = [" ".join(" ".join(r.text.strip() for part in cell for r in part.runs).split()) for cell in cells]
    return text, [[_spans(part) for part in cell] for cell in cells]


class _TextPage:
    """A text page by its raw handle: pypdfium2's PdfTextPage adds a finalizer and a parent's
    reference to every page's text page, which we open and close within one call."""

    def __init__(self, page: Any) -> None:
        import pypdfium2.raw as c

        self.raw = c.FPDFText_LoadPage(page.raw)
        if not self.raw:
            raise pdfium_error()("Failed to load text page.")

    def close(self) -> None:
        import pypdfium2.raw as c

        c.FPDFText_ClosePage(self.raw)

    def get_text_range(self) -> str:
        """The page's text, as ``PdfTextPage.get_text_range()`` gives it: the characters with no
        place in pdfium's text at either end left out (https://crbug.com/pdfium/2079)."""
        import pypdfium2.raw as c

        count = c.FPDFText_CountChars(self.raw)
        if count == -1:
            raise pdfium_error()("Failed to get character count.")
        start, stop = 0, count - 1
        while start <= stop and c.FPDFText_GetTextIndexFromCharIndex(self.raw, start) == -1:
            start += 1
        while start <= stop and c.FPDFText_GetTextIndexFromCharIndex(self.raw, stop) == -1:
            stop -= 1
        if start > stop:
            return ""
        size = c.FPDFText_GetTextIndexFromCharIndex(self.raw, stop) + 2 - \
            c.FPDFText_GetTextIndexFromCharIndex(self.raw, start)  # the NUL included
        buffer = (ctypes.c_ushort * size)()
        written = c.FPDFText_GetText(self.raw, start, stop + 1 - start, buffer)
        return bytes(memoryview(buffer)[:written - 1]).decode("utf-16-le", errors="ignore")


def _page_content(page: Any, number: int, plumber: Any, warnings: list[str]) -> tuple[list[Run], list[Any], str]:
    """A born-digital page: its text runs, its ruled tables and its text as pdfium reads it."""
    height = page.get_height()
    textpage = _TextPage(page)
    try:
        runs = _runs(page, textpage, height)
        text = textpage.get_text_range() if runs else ""
    finally:
        textpage.close()
    if not runs:
        return [], [], ""
    grids, ruled = find_grids(page, height)
    if ruled and not grids and plumber is not None:
        from referat.ingest.pdf_plumber import plumber_tables

        try:
            grids = plumber_tables(plumber(), number)
        except MemoryError:
            raise
        except Exception:  # pdfminer fails on a file pdfium repairs as it opens it (a wrong xref)
            try:
                grids = plumber_tables(plumber(repaired=True), number)
            except MemoryError:
                raise
            except Exception as exc:
                warnings.append(f"page {number}: its ruled table could not be read ({type(exc).__name__}: "
                                f"{exc}); its text is kept as lines")
    return runs, grids, text


def _is_scan(page: Any) -> bool:
    """A page with no text but an image: something to OCR (a blank page is left blank)."""
    import pypdfium2.raw as c

    return any(True for _ in page_objects(page.raw, c.FPDF_PAGEOBJ_IMAGE))


def _scanned_runs(words: list[Any]) -> list[Run]:
    """OCR words as runs; the words of one Tesseract line share its baseline, so they stay one line."""
    runs = []
    for word in words:
        size = max((word.line_bottom - word.line_top) / 1.15, 4.0)
        runs.append(Run(word.text, word.bold, False, word.x0, word.x1, word.line_top, word.line_bottom,
                        word.line_bottom - 0.2 * size, size))
    return runs


def _layout(runs: list[Run], grids: list[Any], number: int, width: float, scanned: bool = False) -> list[Line]:
    """Lines of a page in reading order: text lines, and one line per table row."""
    in_table: list[Run] = []
    outside: list[Run] = [] if grids else runs  # most pages hold no table
    for r in runs if grids else ():  # split once: `r not in in_table` compared every pair of runs field by field
        inside = any(g.contains((r.x0 + r.x1) / 2, (r.top + r.bottom) / 2) for g in grids)
        (in_table if inside else outside).append(r)
    plain = _lines(outside)
    aligned = aligned_rows(plain)
    items: list[tuple[float, Any]] = [
        (line.top, _row([[TextLine(cell)] if cell else [] for cell in aligned[k]]) if k in aligned else line)
        for k, line in enumerate(plain)]
    for grid in grids:
        if isinstance(grid, Grid):
            cells, styled = _cells(grid, _lines(in_table))
        else:  # pdfplumber's tables: text only
            cells, styled = grid.rows, [None] * len(grid.rows)  # type: ignore[attr-defined]
        for k, row in enumerate(cells):
            items.append((grid.row_top(k), (row, styled[k])))
    items.sort(key=lambda item: item[0])
    text_lines = [item for _, item in items if isinstance(item, TextLine)]
    right = max((t.x1 for t in text_lines), default=width)
    left = min((t.x0 for t in text_lines), default=0.0)
    gaps = [b.top - a.bottom for a, b in zip(text_lines, text_lines[1:], strict=False) if b.top > a.bottom]
    # The usual gap between lines of one paragraph: the low end, since a page may hold more paragraphs than lines.
    usual_gap = sorted(gaps)[len(gaps) * 3 // 10] if gaps else 3.0
    lines: list[Line] = []
    previous: Any = None
    for k, (_, item) in enumerate(items):
        if isinstance(item, tuple):
            row, styled = list(item[0]), item[1]
            while row and not row[-1]:
                row.pop()
            lines.append(Line(page=number, number=len(lines) + 1, cells=row, break_before=True,
                              cell_lines=styled[: len(row)] if styled else None,
                              spans=[Span(text=" ".join(c for c in row if c))]))
        else:
            following = items[k + 1][1] if k + 1 < len(items) else None
            wraps = item.x1 >= right - 0.03 * (right - left) or (
                isinstance(following, TextLine)
                and item.x1 + 0.5 * following.runs[0].size + following.first_word_width() > right - 1)
            gap = item.top - previous.bottom if isinstance(previous, TextLine) else 0.0
            spans = _spans(item)
            bullet, numbered = False, None
            if spans and scanned:
                numbered = list_number(spans[0].text)
                bullet, spans[0].text = split_bullet(spans[0].text)
            elif spans and starts_with_glyph(spans[0].text):
                bullet, spans[0].text = True, spans[0].text[1:].lstrip()
            lines.append(Line(page=number, number=len(lines) + 1, spans=spans, bullet=bullet, list_number=numbered,
                              break_before=gap > usual_gap * 1.6 + 1 or bullet, wraps=wraps, wraps_hard=wraps))
        previous = item
    return lines


def page_count(path: Path) -> int:
    pdf = open_pdf(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_pdf(path: Path, ocr_jobs: int = 1, on_ocr_page: Callable[[int, int], None] | None = None,
             pages: range | None = None) -> tuple[str, list[Page], list[str]]:
    """Read every page (or the pages in ``pages``, 0-based) once; tables found by their ruling lines
    replace the text lines they cover.

    Pages without a text layer are OCR'd, ``ocr_jobs`` at a time (Tesseract runs outside the GIL);
    ``on_ocr_page(done, total)`` reports progress. A part of a PDF (``pages``) may be empty; the
    whole may not, which the caller checks with ``require_text`` when it joins the parts.
    A page that cannot be read is left out with a warning (returned last), and the rest is read."""
    pdf = open_pdf(path)
    plumber_doc: list[Any] = []
    read: list[tuple[int, tuple[list[Line], str] | Future[Any]]] = []
    widths: list[float] = []

    def plumber(repaired: bool = False) -> Any:
        """pdfplumber on the file; or, once it has failed, on pdfium's copy of it, which pdfium
        wrote with the cross-reference table it rebuilt while opening the file."""
        import pdfplumber

        if repaired and len(plumber_doc) == 1:
            copy = io.BytesIO()
            pdf.save(copy)
            copy.seek(0)
            plumber_doc.append(pdfplumber.open(copy))
        elif not plumber_doc:
            plumber_doc.append(pdfplumber.open(path))
        return plumber_doc[-1]

    pool: ThreadPoolExecutor | None = None
    warnings: list[str] = []
    try:
        command = None
        for index in range(len(pdf))[pages.start:pages.stop] if pages else range(len(pdf)):
            number = index + 1
            try:
                page = pdf[index]
            except pdfium_error() as exc:  # a loop in the page tree, a page object that is not one
                warnings.append(f"page {number} could not be read ({exc}); left out")
                continue
            try:
                widths.append(page.get_width())
                try:
                    runs, grids, text = _page_content(page, number, plumber, warnings)
                    if runs or not _is_scan(page):
                        read.append((index, (_layout(runs, grids, number, page.get_width()), text)))
                        continue
                except MemoryError:
                    raise
                except Exception as exc:  # one broken page costs that page, not the document
                    warnings.append(f"page {number} could not be read ({type(exc).__name__}: {exc}); left out")
                    read.append((index, ([], "")))
                    continue
                too_large = ocr.too_large(page)
                if too_large:
                    warnings.append(f"page {number} is a scan of {too_large}, too large to OCR; left out")
                    read.append((index, ([], "")))
                    continue
                if command is None:
                    command = ocr.tesseract_command(str(path))
                    ocr.check_language(command, str(path))
                    pool = ThreadPoolExecutor(max(1, ocr_jobs))
                assert pool is not None
                # pdfium is not thread-safe: render here, hand only pixels to the OCR threads.
                _wait_for_room([f for _, f in read if isinstance(f, Future)], 2 * max(1, ocr_jobs))
                read.append((index, pool.submit(ocr.read_scanned, ocr.render(page), command, str(path))))
            finally:
                page.close()
        found = _collect(read, widths, on_ocr_page)
    except (EncryptedPdfError, NoTextLayerError, OcrUnavailableError, MemoryError):
        raise
    except Exception as exc:  # a broken page raises whatever the parser met
        raise CorruptFileError(str(path), f"the PDF could not be parsed ({type(exc).__name__}: {exc})") from exc
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        for doc in plumber_doc:
            doc.close()
        pdf.close()
    if pages is None and warnings and not any(page.lines for page, _ in found):
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        raise CorruptFileError(str(path), f"no page could be read: {warnings[0]}{more}")
    if pages is None:
        require_text(path, [page for page, _ in found])
    return "\f".join(text for _, text in found), [page for page, _ in found], warnings


def pdfium_error() -> type[Exception]:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def require_text(path: Path, pages: list[Page]) -> None:
    """A PDF none of whose pages gave any text is refused, with the reason."""
    if pages and not any(page.lines for page in pages):
        scanned = sum(page.ocr for page in pages)
        if scanned:
            raise NoTextLayerError(str(path), f"OCR found no text on its {scanned} scanned page(s) "
                                              "(a blank or unreadable scan?)")
        raise NoTextLayerError(str(path), "no page has any text, neither a text layer nor a scanned image to OCR")


def _wait_for_room(futures: list[Future[Any]], limit: int) -> None:
    """Hold back rendering while ``limit`` pages wait for OCR, so memory stays flat on a long scan."""
    pending = [f for f in futures if not f.done()]
    while len(pending) >= limit:
        wait(pending, return_when=FIRST_COMPLETED)
        pending = [f for f in pending if not f.done()]


def _collect(read: list[tuple[int, tuple[list[Line], str] | Future[Any]]], widths: list[float],
             on_ocr_page: Callable[[int, int], None] | None) -> list[tuple[Page, str]]:
    total = sum(isinstance(r, Future) for _, r in read)
    done = 0
    pages: list[tuple[Page, str]] = []
    for k, (index, item) in enumerate(read):
        number = index + 1
        if isinstance(item, Future):
            scanned: ocr.ScannedPage = item.result()
            lines = _layout(_scanned_runs(scanned.words), grids_from_segments(scanned.horizontal, scanned.vertical),
                            number, widths[k], scanned=True)
            page = Page(number=number, lines=lines, ocr=True, ocr_confidence=scanned.confidence)
            pages.append((page, "\n".join(line.text for line in lines)))
            done += 1
            if on_ocr_page:
                on_ocr_page(done, total)
        else:
            lines, text = item
            pages.append((Page(number=number, lines=lines), text))
    return pages
