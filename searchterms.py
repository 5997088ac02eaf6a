"""Search terms: the words of a text as the search index and its queries see them.

A word is folded (``folding.fold``: æ->ae, ø->o, å->a, no accents) and then cut to its stem by the
Snowball stemmer for Norwegian, whose suffixes cover both written standards ('-ene', '-ane',
'-ar'): 'samarbeidsmidlene' and 'samarbeidsmidler' are both 'samarbeidsmidl'. Folding comes first
so that a query typed without the Norwegian letters finds the text written with them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from referat.folding import fold, lookalike_forms

# Letters and digits; '_' is a word character to re but a separator to fold. WORD_SQL is the same
# for DuckDB's regular expressions (RE2, whose \w is ASCII), which the site's index asks for words.
_WORD = re.compile(r"[^\W_]+")
WORD_SQL = r"[\p{L}\p{N}]+"

# A compound's last part found by a query for the part alone ('midler' in 'samarbeidsmidler') must
# be a word, not a syllable: 'ler' would find half the language.
MIN_PART = 4


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=1 << 17)
def stem(folded: str) -> str:
    """The stem of one folded word."""
    return _stemmer().stemWord(folded)  # type: ignore[attr-defined, no-any-return]


def term(word: str) -> str:
    """The index term of one word as written: folded, then stemmed."""
    folded = fold(word)
    return stem(folded) if folded else ""


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for every word of ``text``, the span in the text as written: snippets mark it there."""
    for m in _WORD.finditer(text):
        t = term(m.group())
        if t:
            yield m.start(), m.end(), t


def words(text: str) -> list[str]:
    """The words of ``text`` as written, as ``tokens`` finds them (``term`` gives each its term)."""
    return _WORD.findall(text)


def terms(text: str) -> list[str]:
    return [t for _, _, t in tokens(text)]


def query_terms(word: str) -> set[str]:
    """The terms a query word stands for: its own, and those of the spellings it may have had before
    OCR damaged it ('Partnermgtet' is 'Partnermøtet'). Only the index says which of them exist."""
    return {stem(f) for form in lookalike_forms(word) for f in form.split() if f}
