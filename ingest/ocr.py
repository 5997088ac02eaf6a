"""Pages without a text layer (scans), read with Tesseract's Norwegian model.

A page is rendered at 300 dpi, cleaned of speckle, straightened, and its ruling lines are
found in the pixels and painted out before Tesseract reads it. What comes back is the same
as for a text PDF: word runs (with a bold guess from stroke width) and ruled grids, both in
points, so ``pdf.py`` lays a scanned page out exactly as it lays out a born-digital one."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any

from referat.errors import OcrUnavailableError
from referat.ingest.tables import Grid, grids_from_segments

DPI = 300
LANGUAGE = "nor"
POINT = 72 / DPI  # one pixel, in points
INSTALL = "install it with `apt install tesseract-ocr tesseract-ocr-nor` (or set REFERAT_TESSERACT to its path)"


@dataclass
class Word:
    """One word Tesseract read, in points from the top left of the (straightened) page."""

    text: str
    confidence: float
    x0: float
    x1: float
    top: float
    bottom: float
    line_top: float
    line_bottom: float
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line numbers
    stroke: float  # mean width of the word's vertical strokes, in pixels
    bold: bool = False


@dataclass
class ScannedPage:
    words: list[Word]
    horizontal: list[tuple[float, float, float]]  # ruling lines as (y, x0, x1), in points
    vertical: list[tuple[float, float, float]]  # (x, top, bottom)
    confidence: float | None  # mean word confidence, 0-100, weighted by word length
    angle: float  # degrees the page was turned to straighten it


def tesseract_command(source: str) -> str:
    """The Tesseract executable, or an error naming what to install."""
    configured = os.environ.get("REFERAT_TESSERACT")
    found = configured if configured and os.path.exists(configured) else shutil.which(configured or "tesseract")
    if not found:
        raise OcrUnavailableError(source, f"a page has no text layer and needs OCR, but Tesseract is not installed; "
                                          f"{INSTALL}")
    return found


def check_language(command: str, source: str) -> None:
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=60)
    except OSError as exc:
        raise OcrUnavailableError(source, f"Tesseract could not be started ({exc}); {INSTALL}") from exc
    if LANGUAGE not in listed.stdout.split():
        raise OcrUnavailableError(source, "Tesseract has no Norwegian model ('nor'); "
                                          "install it with `apt install tesseract-ocr-nor`")


# A scan larger than A2 at DPI is no page of minutes: a 200-inch page would need 14 GB to render.
MAX_PIXELS = 40_000_000


def too_large(page: Any) -> str | None:
    """A page too large to render for OCR, said in inches; None for a page of paper size."""
    width, height = page.get_width(), page.get_height()
    if width * height * (DPI / 72) ** 2 <= MAX_PIXELS:
        return None
    return f"{width / 72:.0f} × {height / 72:.0f} inches"


def render(page: Any) -> Any:
    """The page as an 8-bit grey numpy array at ``DPI``."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        return bitmap.to_numpy().copy()
    finally:
        bitmap.close()


def _despeckle(grey: Any) -> Any:
    """A 3x3 median, which removes the isolated dots of a noisy scan without thinning 300 dpi strokes;
    the same pixels as PIL's ``MedianFilter(3)`` (edges repeated), in a tenth of its time.

    Each column of three is sorted once; the median of the nine is then the median of the largest
    of the three columns' lows, the median of their middles and the smallest of their highs."""
    import numpy as np

    padded = np.pad(grey, 1, mode="edge")
    out = np.empty_like(grey)
    # A band of rows at a time: its dozen and a half intermediate arrays stay in the CPU's cache,
    # where whole-page ones went to memory and back for every step (a third less CPU, more on a busy machine).
    for top in range(0, grey.shape[0], 64):
        out[top:top + 64] = _median9(padded[top:top + 66])
    return out


def _median9(padded: Any) -> Any:
    """The 3x3 median of each pixel inside ``padded`` (a band with a row or column of margin all round)."""
    import numpy as np

    above, middle, below = padded[:-2], padded[1:-1], padded[2:]
    low, high = np.minimum(above, middle), np.maximum(above, middle)
    mid, high = np.minimum(high, below), np.maximum(high, below)
    low, mid = np.minimum(low, mid), np.maximum(low, mid)
    lows = np.maximum(np.maximum(low[:, :-2], low[:, 1:-1]), low[:, 2:])
    highs = np.minimum(np.minimum(high[:, :-2], high[:, 1:-1]), high[:, 2:])
    return _median3(_median3(mid[:, :-2], mid[:, 1:-1], mid[:, 2:]), lows, highs)


def _median3(a: Any, b: Any, c: Any) -> Any:
    import numpy as np

    return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))


def _threshold(grey: Any) -> int:
    """Otsu's threshold: the grey level that best separates ink from paper."""
    import numpy as np
    from PIL import Image

    # PIL counts in C; np.bincount first copies every pixel into a 64-bit integer.
    histogram = np.array(Image.fromarray(grey).histogram(), dtype=float)
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    total = weight[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight / total - mean) ** 2 / (weight * (total - weight))
    between = np.nan_to_num(between[:-1], nan=-1.0)
    if between.max() <= 0:  # one grey level only: a blank page, no ink at all
        return 0
    return int(np.argmax(between))


def skew_angle(ink: Any, limit: float = 3.0, step: float = 0.1) -> float:
    """The small rotation (degrees) that makes text rows and ruling lines level.

    The right angle makes the row profile of the ink spikiest: each text line and rule falls
    into few rows. Measured on a quarter-size copy, which is plenty for angles this small."""
    import numpy as np

    small = ink[::4, ::4]
    ys, xs = np.nonzero(small)
    if len(xs) < 100:
        return 0.0
    if len(xs) > 200_000:
        pick = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    best, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        rows = ys + np.round(xs * np.tan(np.radians(angle))).astype(int)
        rows -= rows.min()
        profile = np.bincount(rows).astype(float)
        score = float((profile**2).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def _runs_of(mask: Any, length: int, axis: int = 1) -> Any:
    """The pixels of ``mask`` that lie on a run at least ``length`` long along ``axis`` (1: in a row).

    Such a pixel lies in a window of ``length`` pixels that are all set: the windows are found by
    doubling (a window of 2n is two of n side by side) and then spread back over their pixels the
    same way, a dozen ANDs and ORs. Along either axis, so a vertical rule needs no transposed copy
    of the page; a band of rows (or of columns) at a time, so the steps stay in the CPU's cache."""
    import numpy as np

    if mask.shape[axis] < length:
        return np.zeros(mask.shape, dtype=bool)
    out = np.empty(mask.shape, dtype=bool)
    band = RUN_BANDS[axis]
    for start in range(0, mask.shape[1 - axis], band):
        cut = (slice(start, start + band), slice(None))[::1 if axis == 1 else -1]
        out[cut] = _long_runs(mask[cut], length, axis)
    return out


RUN_BANDS = (512, 256)  # columns at a time for runs down the page, rows at a time for runs along it


def _long_runs(mask: Any, length: int, axis: int) -> Any:
    size = mask.shape[axis]

    def part(a: Any, start: int | None, stop: int | None) -> Any:
        return a[start:stop] if axis == 0 else a[:, start:stop]

    # full[i]: the `span` pixels from i on are all set (False where they would run off the page)
    full = mask.astype(bool, copy=True)
    span = 1
    while span < length:
        step = min(span, length - span)
        part(full, None, size - step)[...] &= part(full, step, None)
        part(full, size - step, None)[...] = False
        span += step
    # every pixel of every full window: a window of `length` ending at or after it, within reach
    span = 1
    while span < length:
        step = min(span, length - span)
        part(full, step, None)[...] |= part(full, None, size - step)
        span += step
    return full


Band = tuple[int, int, int, int]  # a ruling line in pixels: across from, across to, along from, along to


def _bands(lines: Any, vertical: bool) -> list[Band]:
    """Ruling-line pixels grouped into straight bands."""
    import numpy as np

    grid = lines.T if vertical else lines
    rows = np.nonzero(grid.any(axis=1))[0]
    # Adjacent pixel rows are one thick (or slightly slanted) line.
    groups: list[list[int]] = []
    for r in rows:
        if groups and r - groups[-1][-1] <= 2:
            groups[-1].append(int(r))
        else:
            groups.append([int(r)])
    out: list[Band] = []
    for group in groups:
        cols = np.nonzero(grid[group[0]:group[-1] + 1].any(axis=0))[0]
        # split where the line has a real gap (a different table, or a merged cell)
        breaks = np.nonzero(np.diff(cols) > 12)[0]
        for start, end in zip(np.r_[0, breaks + 1], np.r_[breaks, len(cols) - 1], strict=True):
            out.append((group[0], group[-1], int(cols[start]), int(cols[end])))
    return out


def _touches(vertical: Band, horizontals: list[Band], reach: int = 15) -> bool:
    """A vertical rule ends on (or crosses) a horizontal one, as the sides of a table's cells do."""
    left, right, top, bottom = vertical
    return any(h_start - reach <= right and left <= h_end + reach
               and (top - reach <= h_top <= bottom + reach)
               for h_top, _, h_start, h_end in horizontals)


def _smear(mask: Any, axis: int, reach: int = 2) -> Any:
    """The mask widened by ``reach`` pixels both ways along ``axis``."""
    # What np.roll gave, the far edge wrapping round to the near one, without its two copies a shift.
    out = mask.copy()
    n = mask.shape[axis]
    for shift in range(1, min(reach, n - 1) + 1):
        for to, source in ((slice(shift, None), slice(None, -shift)), (slice(None, shift), slice(-shift, None)),
                           (slice(None, -shift), slice(shift, None)), (slice(-shift, None), slice(None, shift))):
            if axis == 0:
                out[to] |= mask[source]
            else:
                out[:, to] |= mask[:, source]
    return out


def rulings(ink: Any) -> tuple[Any, list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Ruling-line pixels, and the lines in points: horizontal as (y, x0, x1), vertical as (x, top, bottom).

    A horizontal rule is longer than any letter: a third of an inch. The sides of a one-row
    table are shorter than that, so a vertical rule may be a sixth of an inch, but it must meet
    a horizontal rule; the stem of a large letter meets none."""
    import numpy as np

    # A scanned rule a pixel or two thick steps between rows; smearing the ink by two pixels
    # across the rule's direction keeps it one unbroken run.
    horizontal = _runs_of(_smear(ink, axis=0), DPI // 3)
    vertical = _runs_of(_smear(ink, axis=1), DPI // 6, axis=0)
    h_bands = _bands(horizontal, vertical=False)
    v_bands = [band for band in _bands(vertical, vertical=True) if _touches(band, h_bands)]
    kept = np.zeros_like(vertical)
    for left, right, top, bottom in v_bands:
        kept[top:bottom + 1, left:right + 1] = True
    middle = [((a + b) / 2 * POINT, start * POINT, end * POINT) for a, b, start, end in h_bands]
    sides = [((a + b) / 2 * POINT, start * POINT, end * POINT) for a, b, start, end in v_bands]
    return horizontal | (vertical & kept), middle, sides


def _strokes(ink: Any, x0: int, top: int, x1: int, bottom: int) -> float:
    """The median length of the horizontal ink runs in a box: the width of the vertical strokes.

    The median, not the mean: the few long runs of horizontal strokes (the bar of an 'e', a dash)
    would otherwise make regular words look bold."""
    import numpy as np

    box = ink[top:bottom, x0:x1]
    if box.size == 0:
        return 0.0
    # Called for every word of a page: np.pad and np.median cost more than the counting itself.
    padded = np.zeros((box.shape[0], box.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = box
    edges = padded[:, 1:] - padded[:, :-1]
    lengths = np.nonzero(edges == -1)[1] - np.nonzero(edges == 1)[1]
    if not len(lengths):
        return 0.0
    lengths.sort()
    half = len(lengths) // 2
    return float(lengths[half]) if len(lengths) % 2 else (float(lengths[half - 1]) + float(lengths[half])) / 2


def tesseract(command: str, image: Any, source: str, mode: int = 3) -> list[dict[str, str]]:
    """Tesseract's word table (TSV) for one image, in page segmentation mode ``mode``."""
    with tempfile.TemporaryDirectory(prefix="referat-ocr-") as folder:
        # Uncompressed: Tesseract reads the same pixels, and compressing a page as PNG took 0.6 s
        path = os.path.join(folder, "page.pgm")
        image.save(path)
        return _tesseract_file(command, path, source, mode)


def _tesseract_file(command: str, path: str, source: str, mode: int) -> list[dict[str, str]]:
    """Tesseract's word table for an image file, or for a text file listing images (one page each)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # parallelism comes from pages, not threads
    try:
        done = subprocess.run(
            [command, path, "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", str(mode), "tsv"],
            capture_output=True, text=True, env=env, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailableError(source, f"Tesseract failed ({exc})") from exc
    if done.returncode != 0:
        raise OcrUnavailableError(source, f"Tesseract failed: {done.stderr.strip()[-300:]}")
    return list(csv.DictReader(io.StringIO(done.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))


def _table_areas(grids: list[Grid], shape: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Each table's area in pixels: x0, top, x1, bottom."""
    areas = []
    for grid in grids:
        x0, x1 = int(grid.xs[0] / POINT), int(grid.xs[-1] / POINT) + 1
        top, bottom = int(grid.ys[0] / POINT), int(grid.ys[-1] / POINT) + 1
        areas.append((max(x0, 0), max(top, 0), min(x1, shape[1]), min(bottom, shape[0])))
    return areas


def _only_ink(grey: Any, ink: Any) -> Any:
    """The grey page with everything far from ink made white: the faint shadow a painted-out
    rule leaves behind is gone, the soft edges of letters stay."""
    import numpy as np

    # Within two pixels of ink, as PIL's MaxFilter(5) finds it, by shifting rows then columns.
    rows = ink.copy()
    for shift in (1, 2):
        rows[shift:] |= ink[:-shift]
        rows[:-shift] |= ink[shift:]
    near = rows.copy()
    for shift in (1, 2):
        near[:, shift:] |= rows[:, :-shift]
        near[:, :-shift] |= rows[:, shift:]
    out = grey.astype(np.uint8, copy=True)
    out[~near] = 255
    return out


def _dashes(text: str) -> str:
    """Tesseract reads the spaced en dash of Norwegian text ('14.00 – 16.00', 'Alrek – Vestland') as
    an em dash, sometimes with a hyphen stuck to it; an em dash is rare in Norwegian, so it goes back."""
    return re.sub(r"-?—+-?", "–", text)


def _words(rows: list[dict[str, str]], ink: Any, block_offset: int = 0) -> list[Word]:
    """Tesseract's rows as words on the page, in points."""
    lines: dict[tuple[int, int, int], tuple[int, int]] = {}
    for row in rows:
        if row["level"] == "4":
            key = (int(row["block_num"]) + block_offset, int(row["par_num"]), int(row["line_num"]))
            lines[key] = (int(row["top"]), int(row["top"]) + int(row["height"]))
    words: list[Word] = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row["level"] != "5" or not text:
            continue
        if float(row["conf"]) < 30 and len(text) <= 2:  # a speck or a leftover bit of a rule, not a word
            continue
        text = _dashes(text)
        key = (int(row["block_num"]) + block_offset, int(row["par_num"]), int(row["line_num"]))
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        line_top, line_bottom = lines.get(key, (top, top + height))
        words.append(Word(text=text, confidence=float(row["conf"]), x0=left * POINT, x1=(left + width) * POINT,
                          top=top * POINT, bottom=(top + height) * POINT, line_top=line_top * POINT,
                          line_bottom=line_bottom * POINT, line=key,
                          stroke=_strokes(ink, left, top, left + width, top + height)))
    return words


def read_scanned(grey: Any, command: str, source: str) -> ScannedPage:
    """OCR one rendered page: clean, straighten, find rules, read words. Safe to run in a thread."""
    import numpy as np
    from PIL import Image

    grey = _despeckle(grey)
    ink = grey < _threshold(grey)
    angle = skew_angle(ink)
    if angle:
        grey = np.asarray(Image.fromarray(grey).rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255))
        ink = grey < _threshold(grey)
    ruled, horizontal, vertical = rulings(ink)
    ink = ink & ~ruled
    # Rules are painted out, so a border is never read as a "|" or an "l".
    grey = _only_ink(grey, ink)
    grids = grids_from_segments(horizontal, vertical)
    areas = _table_areas(grids, ink.shape)
    prose, tables = grey.copy(), np.full_like(grey, 255)
    for x0, top, x1, bottom in areas:
        prose[top:bottom, x0:x1] = 255
        tables[top:bottom, x0:x1] = grey[top:bottom, x0:x1]
    words = _words(tesseract(command, Image.fromarray(prose), source), ink)
    if areas:
        # Tesseract's page layout analysis drops the short sparse texts of a table ('x', 'KS');
        # read as one uniform block (psm 6), each table row is a line and every cell is kept.
        in_tables = _words(tesseract(command, Image.fromarray(tables), source, mode=6), ink, block_offset=1000)
        _reread_marks(in_tables, grids, grey, command, source)
        words += in_tables
    _mark_bold(words)
    weights = [len(w.text) for w in words if w.confidence >= 0]
    confidence = (sum(w.confidence * len(w.text) for w in words if w.confidence >= 0) / sum(weights)
                  if weights else None)
    return ScannedPage(words, horizontal, vertical, confidence, angle)


# Single-glyph ticks a table cell may hold. Read in a row, Tesseract's language model turns a
# lone 'x' into a short word ('på'); read alone as one word (psm 8) it is an 'x' again.
CHECK_GLYPHS = frozenset({"x", "X", "v", "V", "✓", "✔", "✗"})


def _reread_marks(words: list[Word], grids: list[Grid], grey: Any, command: str, source: str) -> None:
    """Read again, alone, each short word that is the only word in its table cell."""
    cells: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        for k, grid in enumerate(grids):
            at = grid.cell_at(x, y)
            if at is not None:
                cells.setdefault((k, *at), []).append(word)
                break
    pad = 30
    lone = [found[0] for found in cells.values()
            if len(found) == 1 and len(found[0].text) <= 3 and found[0].text not in CHECK_GLYPHS]
    crops = []
    for word in lone:
        x0, x1 = max(int(word.x0 / POINT) - pad, 0), int(word.x1 / POINT) + pad
        top, bottom = max(int(word.top / POINT) - pad, 0), int(word.bottom / POINT) + pad
        crops.append(grey[top:bottom, x0:x1])
    for word, alone in zip(lone, _read_alone(crops, command, source), strict=True):
        if alone in CHECK_GLYPHS:
            word.text = alone


def _read_alone(crops: list[Any], command: str, source: str) -> list[str]:
    """Each crop read alone as one word (psm 8), all in one Tesseract run: given a list of images,
    Tesseract reads each as a page of its own and loads its model once. Starting it and loading the
    model cost more than reading a mark: 23 runs took 5 s of CPU for 4 pages, the one run 0.3 s."""
    from PIL import Image

    if not crops:
        return []
    with tempfile.TemporaryDirectory(prefix="referat-ocr-") as folder:
        names = []
        for k, crop in enumerate(crops):
            names.append(os.path.join(folder, f"mark-{k}.pgm"))
            Image.fromarray(crop).save(names[-1])
        listed = os.path.join(folder, "marks.txt")
        with open(listed, "w", encoding="utf-8") as out:
            out.write("\n".join(names) + "\n")
        rows = _tesseract_file(command, listed, source, mode=8)
    texts: list[list[str]] = [[] for _ in crops]
    for row in rows:
        if row["level"] == "5":
            texts[int(row["page_num"]) - 1].append((row.get("text") or "").strip())
    return ["".join(parts) for parts in texts]


def _mark_bold(words: list[Word]) -> None:
    """Bold type has visibly wider strokes than the page's body text.

    Punctuation and one-letter words are too small to measure and take the style of their line
    neighbour, as a dash inside a bold heading is bold."""
    strokes = sorted(w.stroke for w in words if sum(c.isalnum() for c in w.text) >= 3 and w.stroke > 0)
    if len(strokes) < 10:
        return
    body = strokes[len(strokes) // 2]
    measurable = [sum(c.isalnum() for c in w.text) >= 2 for w in words]
    for word, ok in zip(words, measurable, strict=True):
        word.bold = ok and word.stroke >= 1.3 * body
    for k, (word, ok) in enumerate(zip(words, measurable, strict=True)):
        if ok:
            continue
        before = words[k - 1] if k and words[k - 1].line == word.line else None
        after = words[k + 1] if k + 1 < len(words) and words[k + 1].line == word.line else None
        word.bold = bool((before is None or before.bold) and (after is None or after.bold) and (before or after))
