"""PDF minutes with a text layer, read with pdfplumber: styled lines, ruled tables as rows."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from referat.errors import CorruptFileError, EmptyFileError, EncryptedPdfError, NoTextLayerError
from referat.ingest.document import Line, Page, Span


def _style(fontname: str) -> tuple[bool, bool]:
    name = fontname.lower()
    bold = any(k in name for k in ("bold", "black", "heavy", "semibold", ",b"))
    italic = any(k in name for k in ("italic", "oblique"))
    return bold, italic


def _spans(text: str, chars: list[dict[str, Any]]) -> list[Span]:
    """Walk the line's text beside its characters: inserted spaces take the style before them."""
    spans: list[Span] = []
    i = 0
    bold = italic = False
    for ch in text:
        if i < len(chars) and chars[i]["text"] == ch:
            bold, italic = _style(chars[i].get("fontname", ""))
            i += 1
        if spans and spans[-1].bold == bold and spans[-1].italic == italic:
            spans[-1].text += ch
        else:
            spans.append(Span(text=ch, bold=bold, italic=italic))
    return spans


def _check_openable(path: Path) -> None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise EncryptedPdfError(
                str(path), "the PDF is encrypted; decrypt it first, e.g. `qpdf --decrypt --password=... in.pdf out.pdf`"
            ) from exc
        raise CorruptFileError(str(path), f"the PDF is damaged or truncated ({exc})") from exc
    pdf.close()


def read_pdf(path: Path) -> tuple[str, list[Page]]:
    """Read every page once; tables found by their ruling lines replace the text lines they cover."""
    import pdfplumber

    if path.stat().st_size == 0:
        raise EmptyFileError(str(path), "the PDF is empty (0 bytes)")
    _check_openable(path)
    pages: list[Page] = []
    texts: list[str] = []
    empty_pages = 0
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines, text = _read_page(page)
                page.close()
                if not lines:
                    empty_pages += 1
                pages.append(Page(number=page.page_number, lines=lines))
                texts.append(text)
    except (EncryptedPdfError, NoTextLayerError):
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise CorruptFileError(str(path), f"the PDF could not be parsed ({type(exc).__name__}: {exc})") from exc
    if pages and empty_pages == len(pages):
        raise NoTextLayerError(str(path), "the PDF has no text layer (a scan?); it needs OCR first")
    return "\f".join(texts), pages


def _wraps(line: dict[str, Any], following: dict[str, Any] | None, right: float, left: float) -> bool:
    """A line wraps when the next line's first word would not have fitted after it."""
    if line["x1"] >= right - 0.03 * (right - left):
        return True
    if following is None or not following["chars"]:
        return False
    chars = following["chars"]
    end = next((c["x0"] for c in chars if c["text"] == " "), None)
    if end is None:
        word = [c for c in chars if c["x0"] - chars[0]["x0"] < 400]
        first = chars[0]["x0"]
        gaps = [b["x0"] - a["x1"] for a, b in zip(word, word[1:], strict=False)]
        cut = next((i for i, g in enumerate(gaps) if g > 1.5), None)
        end = word[cut]["x1"] if cut is not None else word[-1]["x1"]
    else:
        first = chars[0]["x0"]
    space = max(2.0, (chars[0]["x1"] - chars[0]["x0"]) * 0.5)
    return line["x1"] + space + (end - first) > right - 1


def _read_page(page: Any) -> tuple[list[Line], str]:
    tables = [t for t in page.find_tables() if t.rows and len(t.rows[0].cells) >= 2]
    boxes = [t.bbox for t in tables]
    text_lines = page.extract_text_lines(return_chars=True, strip=True)
    items: list[tuple[float, Any]] = []
    for tl in text_lines:
        middle = (tl["top"] + tl["bottom"]) / 2
        if any(x0 - 1 <= tl["x0"] and tl["x1"] <= x1 + 1 and top <= middle <= bottom
               for x0, top, x1, bottom in boxes):
            continue
        items.append((tl["top"], tl))
    for table in tables:
        for row_index, row in enumerate(table.extract()):
            top = table.rows[row_index].bbox[1] if row_index < len(table.rows) else table.bbox[1]
            items.append((top, [" ".join((c or "").split()) for c in row]))
    items.sort(key=lambda item: item[0])

    right = max((tl["x1"] for tl in text_lines), default=page.width)
    left = min((tl["x0"] for tl in text_lines), default=0)
    gaps = [b["top"] - a["bottom"] for (_, a), (_, b) in zip(items, items[1:], strict=False)
            if isinstance(a, dict) and isinstance(b, dict) and b["top"] > a["bottom"]]
    usual_gap = statistics.median(gaps) if gaps else 3.0

    lines: list[Line] = []
    previous: Any = None
    for k, (_, item) in enumerate(items):
        number = len(lines) + 1
        if isinstance(item, list):
            while item and not item[-1]:
                item.pop()
            lines.append(Line(page=page.page_number, number=number, cells=item, break_before=True,
                              spans=[Span(text=" ".join(c for c in item if c))]))
        else:
            gap = item["top"] - previous["bottom"] if isinstance(previous, dict) else 0.0
            following = items[k + 1][1] if k + 1 < len(items) else None
            wraps = _wraps(item, following if isinstance(following, dict) else None, right, left)
            lines.append(Line(page=page.page_number, number=number, spans=_spans(item["text"], item["chars"]),
                              break_before=gap > usual_gap * 1.6 + 1, wraps=wraps, wraps_hard=wraps))
        previous = item
    text = page.extract_text() if lines else ""
    return lines, text
