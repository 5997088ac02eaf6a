"""Tokens of Norwegian minutes, as far as finding people's names needs them.

names.py gives each token one letter (a name part, an initial, a hyphen, a particle, anything else) and
matches names over those letters, so what matters here is only where a word ends: punctuation around
a word is peeled off, while the periods of initials and abbreviations ('A.', 'T.B.', 'Chr.') and the
hyphens inside a word ('Anne-Lise', 'Flo-') stay in it."""

from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    text: str
    idx: int
    whitespace_: str  # ' ' when a single space follows the token, else ''


# Punctuation peeled off either end of a word, dashes included: 'Bergen– Normann Andersen'. A hyphen
# belongs to its word, inside it ('Anne-Lise') or at its end, where OCR splits 'Flo- Groeneboom'.
_AROUND = "()[]{}<>«»“”„‚\"'‘’`´,:;!?¿¡…*&_#§%=+|/\\–—"
_LEADING = re.compile(r"\.{2,}|[" + re.escape(_AROUND) + "]")
_TRAILING = re.compile(r"(?:\.{2,}|[" + re.escape(_AROUND) + r"]|(?<!^)\.)$")
# Short words whose period is part of them: given names cut short ('Jens Chr. Brynhildsen', 'Carl Fr.
# Holm'), titles before a name ('Dr.', 'St. Olavs hospital') and parties after one ('Kari Hansen Ap.',
# which names.py then cuts off). Any other word before a period ends a sentence: 'møtte Kari Bø.'
_ABBREVIATIONS = {"Chr.", "Fr.", "Th.", "Dr.", "Mr.", "Mrs.", "St.", "Ap.", "Sp.", "Frp.", "Kr.", "Kr.F."}
# An initial ('A.') or initials run together ('T.B.', 'f.m.')
_DOTTED = re.compile(r"[A-ZÆØÅ]\.|(?:[^\W\d_]\.){2,}")
# Web and mail addresses stay whole: 'www.Nav.no/Kari' is no name part.
_ADDRESS = re.compile(r"(?:[\w+.-]+://|www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?#:]\S*)?|[\w.+-]+@[\w.-]+")
# Inside a word: an ellipsis, a sentence run together ('Hansen.Per', 'Chr.Brynhildsen') or punctuation
# between two letters ('Hansen,Per', 'Kari(Ap)'). An apostrophe is part of a word ('O'Neil', 'D’Angelo').
_INSIDE = re.compile(r"\.{2,}|…|(?<=[a-zæøåéèüöä])\.(?=[A-ZÆØÅ])|"
                     r"(?<=[^\W\d_])(?:[,;:!?<>=/()\[\]«»“”\"]+|--)(?=[^\W\d_])")


def tokenize(text: str) -> list[Token]:
    """The words and punctuation of the text, and any whitespace other than one space after a word."""
    tokens: list[Token] = []
    for run in re.finditer(r"\s+|\S+", text):
        start, piece = run.start(), run.group()
        if piece.isspace():
            # One space after a word is part of it; more, or a line break, or a tab is a token of its
            # own, so that a name never runs across it ('Kari  Hansen' in two columns).
            if tokens and piece[0] == " " and tokens[-1].idx + len(tokens[-1].text) == start:
                tokens[-1] = tokens[-1]._replace(whitespace_=" ")
                start, piece = start + 1, piece[1:]
            if piece:
                tokens.append(Token(piece, start, ""))
            continue
        tokens.extend(Token(part, at, "") for part, at in _split(piece, start))
    return tokens


def _split(word: str, start: int) -> list[tuple[str, int]]:
    """The parts of one run of text without whitespace, with their offsets."""
    front: list[tuple[str, int]] = []
    back: list[tuple[str, int]] = []
    end = start + len(word)
    while word and not _whole(word):
        lead, trail = _LEADING.match(word), _TRAILING.search(word)
        if lead:
            front.append((lead.group(), start))
            start, word = start + lead.end(), word[lead.end():]
        elif trail:
            end -= len(trail.group())
            back.append((trail.group(), end))
            word = word[:trail.start()]
        else:
            break
    middle = [(word, start)] if _whole(word) or _ADDRESS.fullmatch(word) else _split_inside(word, start)
    return front + middle + back[::-1]


def _whole(word: str) -> bool:
    return word in _ABBREVIATIONS or bool(_DOTTED.fullmatch(word))


def _split_inside(word: str, start: int) -> list[tuple[str, int]]:
    parts: list[tuple[str, int]] = []
    at = 0
    for m in _INSIDE.finditer(word):
        left = word[at:m.start()]
        if m.group() == "." and left + "." in _ABBREVIATIONS:
            parts.append((left + ".", start + at))
        else:
            parts += [(left, start + at), (m.group(), start + m.start())]
        at = m.end()
    return [(part, at) for part, at in parts + [(word[at:], start + at)] if part]
