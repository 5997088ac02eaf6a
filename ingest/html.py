"""Web pages (.html, .htm), such as a protocol saved from a municipal meeting portal.

Only the main content is read (``<main>``, else ``<article>``, else the body), without the site
around it: navigation, site header and footer, menus, share buttons, cookie banners, scripts.
Block elements are paragraphs, ``<br>`` a line break, ``<pre>`` plain text, ``<b>``/``<strong>`` and ``<i>``/``<em>``
styles, ``<h1>``-``<h6>`` headings, ``<li>`` list items, a table's rows its rows and a description list's
terms and descriptions rows too. A web page has no
pages: its lines are numbered on page 1."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from referat.errors import CorruptFileError, EmptyFileError
from referat.ingest.document import Page, Span
from referat.ingest.flow import Flow, StyledLines
from referat.ingest.text import parse_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is never content.
_SKIP = {"head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
         "iframe", "svg", "canvas", "dialog", "object", "menu"}
# Site chrome named by its class or id, word by word ('site-nav', 'cookie_banner', 'share-buttons')
_CHROME_WORDS = {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies",
                 "consent", "share", "sharing", "social", "skiplink", "sidebar", "banner", "toolbar"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary", "dialog"}
_BLOCK = {"address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
          "table", "ul", "center", "h1", "h2", "h3", "h4", "h5", "h6", "html"}
# What a start tag closes, as a browser does ('<p>a<p>b', '<td>a<td>b'), and the elements the
# search for it stops at: a new cell closes the open cell of its own row, not one of an outer table.
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot"}
_P_SCOPE = {"html", "table", "td", "th", "caption", "button", "object", "template"}
_CLOSES: dict[str, tuple[set[str], set[str]]] = {
    "td": ({"td", "th"}, {"tr"} | _TABLE_PARTS), "th": ({"td", "th"}, {"tr"} | _TABLE_PARTS),
    "tr": ({"tr"}, _TABLE_PARTS), "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}), "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
    "li": ({"li"}, {"ul", "ol"} | _P_SCOPE), "dt": ({"dt", "dd"}, {"dl"} | _P_SCOPE),
    "dd": ({"dt", "dd"}, {"dl"} | _P_SCOPE),
    **{tag: ({"p"}, _P_SCOPE) for tag in ("p", "div", "table", "ul", "ol", "dl", "pre", "blockquote", "section",
                                          "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6")},
}
# An end tag closes its element only within these: a stray '</p>' in a cell leaves the table open
_END_SCOPE = {"html", "table", "td", "th", "caption", "template"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def find(self, **match: str) -> Node | None:
        for child in self.children:
            if isinstance(child, Node):
                if all(child.tag == v if k == "tag" else child.attrs.get(k) == v for k, v in match.items()):
                    return child
                found = child.find(**match)
                if found is not None:
                    return found
        return None

    def has(self, tag: str) -> bool:
        return self.find(tag=tag) is not None


class _TreeBuilder(HTMLParser):
    """A small, forgiving DOM: unclosed elements are closed by what closes them in a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes, scope = _CLOSES.get(tag, (set(), set()))
        self._close(closes, scope)
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # '</br>' is read as a line break by browsers
            self.stack[-1].children.append(Node("br"))
            return
        self._close({tag}, {"table"} if tag in _TABLE_PARTS | {"tr", "td", "th", "caption"} else _END_SCOPE)

    def _close(self, tags: set[str], scope: set[str]) -> None:
        """Close the innermost open element of ``tags`` and all inside it, unless ``scope`` comes first."""
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag in tags:
                del self.stack[k:]
                return
            if self.stack[k].tag in scope:
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """The page as text, and the encoding: a byte order mark, else the page's own meta charset,
    else UTF-8, else the Windows code page old Norwegian pages were written in."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:4096]:
        raise CorruptFileError(path, "the file is binary, not a web page (is it named right?)")
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        # Pages that say latin-1 are cp1252 in practice (browsers read them so): 'æøå' and the dashes
        name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
        if name and not name.startswith("utf-16"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def read_html(data: bytes, path: str) -> tuple[str, str, list[Page]]:
    """The page's raw text (its main content), its encoding and pages."""
    if not data.strip():
        raise EmptyFileError(path, "the file is empty")
    text, encoding = decode_html(data, path)
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    content = (root.find(tag="main") or root.find(role="main") or _only_article(root)
               or root.find(tag="body") or root)
    flow = Flow()
    _Walker(flow).block(content, in_content=content.tag in ("main", "article") or content.attrs.get("role") == "main")
    raw, pages = flow.result(path)
    return raw, encoding, pages


def _only_article(root: Node) -> Node | None:
    """The article, when the page has one; a list of many articles (news teasers) is no protocol."""
    articles: list[Node] = []

    def collect(node: Node) -> None:
        for child in node.children:
            if isinstance(child, Node):
                if child.tag == "article":
                    articles.append(child)
                else:
                    collect(child)

    collect(root)
    return articles[0] if len(articles) == 1 else None


def _chrome(node: Node, in_content: bool) -> bool:
    """Whether an element is part of the site around the content, not of the content."""
    if node.tag in _SKIP or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(node.attrs.get("style", "")):
        return True
    if node.attrs.get("role", "") in _CHROME_ROLES:
        return True
    words = set(re.split(r"[\s_-]+", f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()))
    if words & _CHROME_WORDS:
        return True
    # A page's header and footer are the site's; an article's own header holds its title
    return not in_content and (node.tag in ("header", "footer") or bool(words & {"header", "footer"}))


@dataclass
class _Walker:
    """Walks the content, gathering inline text into lines and handing paragraphs and rows to the flow."""

    flow: Flow
    lines: StyledLines = field(default_factory=lambda: [[]])
    heading: int = 0
    bullet: bool = False

    def flush(self) -> None:
        if any(s.text.strip() for line in self.lines for s in line):
            self.flow.paragraph(self.lines, heading=self.heading, bullet=self.bullet)
        self.lines, self.heading, self.bullet = [[]], 0, False

    def block(self, node: Node, in_content: bool, bold: bool = False, italic: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child.strip() or (self.lines[-1] and not self.lines[-1][-1].text.endswith(" ")):
                    self.lines[-1].append(Span(text=re.sub(r"\s+", " ", child), bold=bold, italic=italic))
                continue
            if _chrome(child, in_content):
                continue
            inside = in_content or child.tag in ("main", "article")
            tag = child.tag
            if tag == "br":
                self.lines.append([])
            elif tag == "table":
                self.flush()
                self.table(child, inside)
            elif tag == "dl":
                self.flush()
                self.pairs(child, inside)
            elif tag == "pre":
                # Minutes pasted as plain text keep their lines, tabs and columns: read as a text file
                self.flush()
                self.flow.text_lines([line for page in parse_text(_text(child)) for line in page.lines])
            elif tag in _BLOCK or tag in ("header", "footer", "tr", "td", "th"):
                self.flush()
                if re.fullmatch(r"h[1-6]", tag):
                    self.heading = int(tag[1])
                self.bullet = tag == "li"
                self.block(child, inside, bold, italic)
                self.flush()
            else:
                style = child.attrs.get("style", "")
                self.block(child, inside, bold or tag in ("b", "strong") or bool(_BOLD_STYLE.search(style)),
                           italic or tag in ("i", "em") or bool(_ITALIC_STYLE.search(style)))

    def table(self, table: Node, in_content: bool) -> None:
        """Rows of cells; a table that lays out the page (cells holding tables) is read as blocks."""
        for row in _rows(table):
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")
                     and not _chrome(c, in_content)]
            if any(c.has("table") for c in cells):
                for cell in cells:
                    self.block(cell, in_content)
                    self.flush()
                continue
            self.flow.row([_cell_lines(cell, in_content, bold=cell.tag == "th") for cell in cells])

    def pairs(self, dl: Node, in_content: bool) -> None:
        """A description list ('Møtedato' over '11.03.2025', as portals print a meeting's facts) is
        rows of a term and its descriptions, as a table with the labels in its first column."""
        rows: list[list[StyledLines]] = []
        for child in dl.children:
            if isinstance(child, Node) and child.tag in ("dt", "dd") and not _chrome(child, in_content):
                if child.tag == "dt" or not rows:
                    rows.append([])
                rows[-1].append(_cell_lines(child, in_content))
        for row in rows:
            self.flow.row(row)


def _cell_lines(cell: Node, in_content: bool, bold: bool = False) -> StyledLines:
    inner = _Walker(Flow())
    inner.block(cell, in_content, bold=bold)
    inner.flush()
    return [line.spans for page in inner.flow.pages for line in page.lines]


def _text(node: Node) -> str:
    return "".join(c if isinstance(c, str) else "\n" if c.tag == "br" else _text(c) for c in node.children)


def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []
    for child in table.children:
        if isinstance(child, Node):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(c for c in child.children if isinstance(c, Node) and c.tag == "tr")
    return rows
