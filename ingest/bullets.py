"""What starts a list item: printed bullet glyphs, list numbers, and what OCR makes of a bullet.

The one place for this vocabulary; text files, PDF pages and OCR'd pages all ask here."""

from __future__ import annotations

import re

# Glyphs a PDF draws as a bullet, with or without a space after them (\x7f is a Symbol-font dot;
# \uf0b7 and \uf0a7 are the Symbol and Wingdings bullets of Word, in the private-use area).
GLYPHS = "•·▪◦‣●○■□\u2013\x7f\uf0b7\uf0a7"

# A line of text that starts a list item. Besides glyphs and list numbers ("1.", "b)"), OCR reads
# a small round bullet as '«', '»', '+', '°', '*' or a lone 'e'/'o', sometimes two of them or
# with a stray dot ("+«", "«."). A lone 'e' or 'o' only counts before a capital: both occur in
# running text ("o.l."), neither as a word that starts a sentence.
# A day and its month ('3. mars 2024, kl. 16') is a date, not the third item of a list.
_DATE_AFTER = (r"(?!\s+(?i:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
               r"|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|des)\.?(?:\s+\d{2,4}\b|,|\s*$))")
LINE = re.compile(
    r"^\s*(?:[-*+«»°" + GLYPHS + r"—]{1,3}\.?|\d{1,2}[.)]" + _DATE_AFTER
    + r"|[a-h][.)]|[eo]\.?(?=\s+[A-ZÆØÅ]))\s+(?=\S)"
)


def split_bullet(text: str) -> tuple[bool, str]:
    """Whether a line of text starts a list item, and the text after the bullet."""
    match = LINE.match(text)
    if match is None:
        return False, text
    return True, text[match.end():]


def list_number(text: str) -> str | None:
    """The number of a numbered list item ('3. Budsjett' -> '3'), None for a bullet or plain text."""
    match = re.match(r"^\s*(\d{1,3})[.)]\s+(?=\S)", text)
    return match.group(1) if match else None


def starts_with_glyph(text: str) -> bool:
    """A PDF text run that begins with a bullet glyph."""
    return text[:1] in GLYPHS
