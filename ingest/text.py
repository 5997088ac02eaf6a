"""Plain text and Markdown minutes: the seeds' styles (tab tables, <b>/<i>, **bold**, ## headings)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.errors import CorruptFileError, EmptyFileError
from referat.ingest.aligned import aligned_rows
from referat.ingest.bullets import list_number, split_bullet
from referat.ingest.document import Line, Page, Span
from referat.ingest.frontmatter import front_matter_lines, split_front_matter
from referat.ingest.sniff import file_type

# Order matters: a byte-order mark says the encoding for certain; then a wide encoding told by
# where its NUL bytes fall; then UTF-8 (with a few stray bytes replaced); then the Windows code
# page that old Norwegian office files use; latin-1 never fails and comes last.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))
# Neither part may hold a bracket: each try then ends at the next one, so 100 KB of '[' or '](' is
# read once, not once per bracket (the text part ran to the end of the line from every '[').
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)\[\]]*\)")
_TOKEN = re.compile(r"(<b>|</b>|<i>|</i>|<strong>|</strong>|<em>|</em>|\*\*|__)")
_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
# A character that every piece of inline markup (links, tags, stars, underscores) starts with.
_MARKUP = "[<*_"
_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# What a site generator reads and a reader never sees: kramdown's '{#id}' and '{:toc}' with its '* TOC'
# placeholder, MDX's imports and lone component tags ('<Callout type="info">').
_ATTRIBUTES = re.compile(r"\s*\{:?[#.][^{}\s]*(?:\s[^{}]*)?\}(?=\s|$)")
_GENERATOR_LINE = re.compile(r"^\s*(?:\{:[^{}]*\}|[*-]\s+TOC|import\s.+\sfrom\s+['\"].+['\"];?"
                             r"|export\s+(?:const|default)\s.*|</?[A-Z][\w.]*(?:\s[^<>]*)?/?>)\s*$")
_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape leaves it


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Bytes to text, with the encoding that worked and warnings about bytes that were replaced."""
    if not data.strip():
        raise EmptyFileError(path, "the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None) or _wide(data[:4096])
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError as exc:
            raise CorruptFileError(path, f"the file looks like {encoding.upper()} text, but byte {exc.start} "
                                         f"is not {encoding.upper()} (a damaged file?)") from exc
    if b"\x00" in data[:4096] or _control_ratio(data[:4096]) > 0.05:
        kind = file_type(data[:4096])
        raise CorruptFileError(path, f"the file is {kind}, not text (is it named right?)" if kind else
                               "the file is binary, not text (is it named right?)")
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _STRAY.findall(text)
    if not stray:
        return text, "utf-8", []
    # UTF-8 with a few stray bytes has more good non-ASCII letters than bad bytes; a cp1252 file has
    # next to none, since its 'æøå' are single bytes that UTF-8 cannot read.
    letters = len(text) - len(text.encode("ascii", errors="ignore")) - len(stray)
    if letters > len(stray):
        lines = sorted({n for n, line in enumerate(text.split("\n"), 1) if _STRAY.search(line)})
        shown = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        return _STRAY.sub("\ufffd", text), "utf-8", [
            f"{len(stray)} byte(s) that are not UTF-8 on line {shown}; read as UTF-8 with each replaced by '\ufffd'"]
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", []


def _wide(head: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by the NUL bytes of its Latin letters: in
    text, most characters are ASCII, so each has one letter byte and the rest NUL."""
    head = head[: len(head) // 4 * 4]
    if len(head) < 8 or b"\x00" not in head:  # every wide encoding writes a Latin letter with a NUL byte
        return None
    for name, width, low in (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1)):
        units = [head[k:k + width] for k in range(0, len(head), width)]
        ascii_units = sum(1 for u in units if u.count(0) == width - 1 and _is_text_byte(u[low]))
        if ascii_units >= 0.7 * len(units):
            return name
    return None


def _is_text_byte(b: int) -> bool:
    return 32 <= b < 127 or b in (9, 10, 12, 13)


def _control_ratio(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(data), 1)


def parse_spans(text: str) -> list[Span]:
    """Inline markup to styled spans; links keep their text."""
    if not any(mark in text for mark in _MARKUP):  # most lines: every pattern below would find nothing
        return [Span(text=text)] if text else []
    text = _LINK.sub(r"\1", text)
    text = _SINGLE_STAR.sub(r"<i>\1</i>", text)
    spans: list[Span] = []
    bold = italic = False
    for part in _TOKEN.split(text):
        if part in ("<b>", "<strong>"):
            bold = True
        elif part in ("</b>", "</strong>"):
            bold = False
        elif part in ("**", "__"):
            bold = not bold
        elif part in ("<i>", "<em>"):
            italic = True
        elif part in ("</i>", "</em>"):
            italic = False
        elif part:
            part = re.sub(r"</?[a-z]+>", "", part)
            if part:
                spans.append(Span(text=part, bold=bold, italic=italic))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and out[-1].bold == span.bold and out[-1].italic == span.italic:
            out[-1] = Span(text=out[-1].text + span.text, bold=span.bold, italic=span.italic)
        else:
            out.append(span)
    return out


def plain(text: str) -> str:
    return "".join(s.text for s in parse_spans(text)).strip()


# Columns laid out with spaces ('pdftotext -layout', typed tables): parts two or more spaces apart.
_PART = re.compile(r"\S+(?: \S+)*")


@dataclass
class _Part:
    """A part of a line between wide gaps, placed by its character offsets."""

    text: str
    x0: float
    x1: float
    size: float = 1.0  # one character: a gap of two spaces is a column gap


@dataclass
class _Parts:
    runs: list[_Part]


def _aligned_cells(raws: list[str]) -> dict[int, list[str]]:
    """Lines of a table laid out with spaces, cell by cell, each part in the column of the header
    part it stands under, so that an empty cell stays empty ('x' under 'Forfall', not 'Møtt').
    Double spaces after a full stop in prose do not line up. Rows of a table typed with tabs are
    set under the header's cells (``_typed_tabs``)."""
    # 'pdftotext -layout' sets a blank line between a table's rows: rows are compared across it
    kept = [k for k, raw in enumerate(raws) if raw.strip()]
    lines = [_Parts([] if "\t" in raws[k] else [_Part(m.group(), m.start(), m.end()) for m in _PART.finditer(raws[k])])
             for k in kept]
    cells = {kept[k]: [" ".join(p.text for p in cell) for cell in cells]
             for k, cells in aligned_rows(lines, align=1.0, centred=False).items()}
    cells.update({kept[k]: row for k, row in _typed_tabs([raws[k] for k in kept]).items()})
    return cells


def _typed_tabs(lines: list[str]) -> dict[int, list[str]]:
    """Rows of a table typed with tabs to look like columns, each field under the header's: the typist
    pressed tab as often as the screen asked ('Navn<tab><tab><tab>Parti' over 'Kari Hansen<tab><tab>AP'),
    so a field that lands under an empty header field goes on to the next header field, and empty
    fields that run past the header are dropped. An export, every line with as many tabs
    ('Navn<tab>Parti<tab>Møtt', 'Per Olsen<tab>H<tab><tab>x'), keeps each cell in its field."""
    tabbed = [k for k, line in enumerate(lines) if "\t" in line]
    runs: list[list[int]] = []
    for k in tabbed:  # a section heading or two ('Varamedlemmer') between rows is still the table
        if runs and k - runs[-1][-1] <= 3:
            runs[-1].append(k)
        else:
            runs.append([k])
    out: dict[int, list[str]] = {}
    for run in runs:
        if len({lines[k].count("\t") for k in run}) == 1:
            continue
        header = lines[run[0]].rstrip().split("\t")
        if not any(not f.strip() for f in header[1:]) and all(len(lines[k].rstrip().split("\t")) <= len(header)
                                                               for k in run):
            continue
        for k in run[1:]:
            out[k] = _under_header(lines[k].rstrip().split("\t"), header)
    return out


def _under_header(fields: list[str], header: list[str]) -> list[str]:
    """A typed row's fields placed under the header's named fields, in order."""
    named = [i for i, h in enumerate(header) if h.strip()]
    extra = len(fields) - len(header)
    placed: dict[int, str] = {}
    column = 0
    for k, field in enumerate(fields):
        if not field.strip():
            # an empty field is a tab pressed once more: it moves the next field one column on,
            # unless the row has more fields than the header has room for
            if extra > 0 and k:
                extra -= 1
            else:
                column += 1
            continue
        later = [i for i in named if i >= column and i not in placed]
        column = later[0] if later else max(column, len(header))
        placed[column] = field
        column += 1
    return [placed.get(i, "") for i in range(max(placed, default=-1) + 1)]


# What a stored web page carries around the minutes: the document viewer's controls, the site's share
# buttons and navigation. A whole line of it is no part of the text.
_CHROME = re.compile(
    r"(?i)^\s*(?:størrelse:\s*px|begynne\s+med\s+side:?|transkript|download\s+[\"“].*[\"”]|last\s+ned(?:\s+pdf)?"
    r"|(?:del|dele)\s+(?:på|via)\s+\w+|del\s+(?:denne\s+)?(?:siden|artikkelen|saken)|share\s+(?:on|via)\s+\w+|tweet"
    r"|skriv\s+ut(?:\s+siden)?|hopp\s+til\s+(?:innhold|hovedinnhold)|tilbake\s+til\s+toppen|til\s+toppen"
    r"|(?:publisert|(?:sist\s+)?oppdatert|sist\s+endret):?\s+\d{1,2}\.\s*\w+\.?\s+\d{4}(?:\s+kl\.?\s*[\d.:]+)?\s*\.?"
    r"|søk|meny|språk|lukk|logg\s+inn|velg\s+språk.*|hopp\s+over\s+navigasjon(?:en)?|top\s+of\s+page|bottom\s+of\s+page"
    r"|see\s+all|recent\s+posts|comments|\d+\s+views\s*\d+\s+comments?"
    r"|hold\s+ctrl-tasten\s+nede.*|trykk\s+på\s+\+\s+for\s+å\s+forstørre.*)\s*$")
# A page footer a case system prints with the time of printing ('09.09.2019 22:35:21  Valgprotokoll ...
# Side 1'), or with the initials of those who sign every page ('Side 1 Sign: FM BK') after the running title.
_PRINTED_AT = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s.*\bSide\s+\d+"
                         r"(?:\s*(?:av|/)\s*\d+)?\s*$")
_SIGNED = re.compile(r"\s*(?:\b(?:[Mm]øte)?(?:[Pp]rotokoll|[Rr]eferat|[Mm]øtebok)\b.{0,80}?)?"
                     r"\s*\bSide\s+\d+\s+Sign\.?:?\s*(?:[A-ZÆØÅ]{1,4}\b[\s,]*)+$")


def _soft_hyphens(raw: str) -> str:
    """A soft hyphen (U+00AD) in stored text: a web page's hint where a word may break ('kommune\xaddirektør'
    is one word), or, before a capital, a hyphen a PDF wrote that way ('Lind\xadJohansen')."""
    if "\xad" not in raw:
        return raw
    return re.sub(r"\xad(?=[A-ZÆØÅ])", "-", raw).replace("\xad", "")


def _without_furniture(raw: str) -> str:
    """A line without the web page's chrome and the page's footer: '' when it was nothing else."""
    if _CHROME.match(raw) or _PRINTED_AT.match(raw):
        return ""
    # _SIGNED tried at every position of every line was a third of reading a text file.
    return _SIGNED.sub("", raw) if "Sign" in raw else raw


def parse_text(text: str) -> list[Page]:
    """Text to one page per form feed, each a list of lines with markup parsed."""
    pages: list[Page] = []
    for page_no, page_text in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f"), 1):
        lines: list[Line] = []
        gap = True
        raws = [_without_furniture(_soft_hyphens(raw)) for raw in page_text.split("\n")]
        aligned = _aligned_cells(raws)
        for number, raw in enumerate(raws, 1):
            if not raw.strip():
                gap = True
                continue
            if number - 1 in aligned:
                raw = "\t".join(aligned[number - 1])
            lines.append(_parse_line(raw, page_no, number, gap))
            gap = raw.endswith("  ")  # a Markdown hard break ends the paragraph
        pages.append(Page(number=page_no, lines=lines))
    _mark_wrapping(pages)
    return pages


def _parse_line(raw: str, page: int, number: int, gap: bool) -> Line:
    stripped = raw.strip()
    if "\t" in raw:
        cells = [plain(c) for c in raw.rstrip("\n").split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return Line(page=page, number=number, cells=cells, break_before=True,
                    spans=[Span(text=" ".join(c for c in cells if c))])
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _PIPE_SEPARATOR.match(stripped.strip("|")):
            return Line(page=page, number=number, cells=[], break_before=True)
        cells = [plain(c) for c in stripped.strip("|").split("|")]
        return Line(page=page, number=number, cells=cells, break_before=True)
    heading = 0
    m = _HEADING.match(raw)
    if m:
        heading = len(m.group(1))
        raw = raw[m.end():]
    bullet, numbered = False, None
    if not heading:
        numbered = list_number(raw)
        bullet, raw = split_bullet(raw)
    spans = parse_spans(raw.strip())
    return Line(page=page, number=number, spans=spans, heading=heading, bullet=bullet, list_number=numbered,
                break_before=gap or bool(heading) or bullet)


def _mark_wrapping(pages: list[Page]) -> None:
    """Hard-wrapped text (OCR output, e-mail) continues a paragraph on the next line.

    A line 'wraps' when it is about as long as the longest lines of the document,
    the way a line in a PDF wraps when it reaches the right margin."""
    lengths = sorted(len(line.text) for page in pages for line in page.lines if line.cells is None)
    if len(lengths) < 5:
        return
    typical = lengths[int(len(lengths) * 0.9)]
    if typical > 140:  # one paragraph per line: nothing is wrapped
        return
    for page in pages:
        for line, after in zip(page.lines, [*page.lines[1:], None], strict=True):
            if line.cells is None and not line.heading and len(line.text) >= 0.7 * typical:
                # A writer who broke the line where the next word would still have fitted meant
                # the break: a list of people one per line is not a wrapped paragraph.
                next_word = after.text.split()[0] if after is not None and after.text.split() else ""
                line.wraps = not next_word or len(line.text.rstrip()) + 1 + len(next_word) > typical


def markdown_text(text: str, path: str) -> str:
    """Markdown as its reader sees it: front matter as the lines minutes would write (see frontmatter.py),
    the generator's markup gone. Every line keeps its number, so provenance points into the file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    data, taken, rest = split_front_matter(text)
    head: list[str] = []
    if data:
        # in the lines the front matter took, so that the text after it keeps its line numbers
        head = front_matter_lines(data, path)
        head += [""] * (taken - len(head))
    body = ["" if _GENERATOR_LINE.match(line) else _ATTRIBUTES.sub("", line) for line in rest.split("\n")]
    return "\n".join([*head, *body]) if data else "\n".join(body)


def read_text(data: bytes, path: str) -> tuple[str, str, list[Page], list[str]]:
    """Text, its encoding, its pages of lines, and warnings about what could not be read."""
    text, encoding, warnings = decode(data, path)
    if not text.strip():
        raise EmptyFileError(path, "the file has no text")
    readable = markdown_text(text, path) if path.lower().endswith(MARKDOWN_SUFFIXES) else text
    return text, encoding, parse_text(readable), warnings
