"""Norwegian folding rules: the one place that decides when two spellings are 'the same letters'.

Used by extraction (to compare names within a document) and by normalization
(to compare names across the archive)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LETTERS = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "å": "a", "Å": "a"})
_DASHES = re.compile(r"[-‐‑‒–—_/.]+")
_NON_WORD = re.compile(r"[^\w\s]")

# What OCR typically makes of the Norwegian letters (seen in the annual report seed:
# "Partnermgtet", "Hggskulen pa Vestlandet", "@ystein"). Folding these back is only
# safe as a candidate expansion, never on clean text: "g" is also a real letter.
OCR_VARIANTS: dict[str, tuple[str, ...]] = {
    "ø": ("g", "@", "o", "e", "a"),
    "Ø": ("@", "O", "G"),
    "å": ("a", "d", "&"),
    "Å": ("A",),
    "æ": ("ae", "z", "ze", "a"),
    "Æ": ("AE",),
}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names and titles recur in every document: folding each spelling once saves the loader a
# noticeable share of its time.
@lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lowercase, æ->ae, ø->o, å->a, aa->a, no accents, dashes and punctuation as spaces."""
    if not text:
        return ""
    text = text.translate(_LETTERS)
    text = strip_accents(text).lower()
    text = text.replace("aa", "a")
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def fold_ocr(text: str | None) -> str:
    """Fold text that may carry OCR damage: '@' at a word start is an Ø, as in '@ystein'."""
    if not text:
        return ""
    text = re.sub(r"(?<!\w)@(?=[a-zæøå])", "Ø", text)
    return fold(text)


def ocr_forms(text: str) -> set[str]:
    """Folded spellings OCR is likely to produce from a clean name (for indexing candidates)."""
    forms = {fold(text)}
    for letter, variants in OCR_VARIANTS.items():
        if letter in text:
            for variant in variants:
                forms.add(fold(text.replace(letter, variant)))
    # All letters damaged at once, as OCR does to a whole page.
    damaged = text
    for letter, variants in OCR_VARIANTS.items():
        damaged = damaged.replace(letter, variants[0])
    forms.add(fold(damaged))
    return {f for f in forms if f}


# Latin letters OCR takes for others: 'Ti1 stede', 'Forfa11', 'Vedtalc', 'Vcdtak', 'Møtt' as 'M0tt'.
# Undoing them is a guess, so it is only ever compared against a closed vocabulary.
OCR_LOOKALIKES: tuple[tuple[str, str], ...] = (("lc", "k"), ("rn", "m"), ("1", "l"), ("0", "o"), ("5", "s"),
                                                ("c", "e"), ("@", "ø"), ("g", "ø"))


def lookalike_forms(word: str) -> set[str]:
    """Folded spellings ``word`` may have had before OCR damaged it, one kind of damage at a time
    and all at once."""
    low = word.lower()
    forms = {fold(low)}
    every = low
    for damaged, letter in OCR_LOOKALIKES:
        if damaged in low:
            forms.add(fold(low.replace(damaged, letter)))
            every = every.replace(damaged, letter)
    forms.add(fold(every))
    return forms


# Letters OCR damages in a word's ending where a closed vocabulary can tell it back: 'Partnermgte',
# 'styrem@te', 'MGTE', 'rnøtet'. 'o' for 'ø' is left alone (folding already equates them) and so is
# 'a' for 'å' ('Konrad' is no 'råd').
_ENDING_DAMAGE: dict[str, tuple[str, ...]] = {"ø": ("g", "@", "0"), "m": ("rn",)}
_TOKEN = re.compile(r"[\w@]+")


def _damaged(word: str) -> set[str]:
    forms = {word}
    for letter, variants in _ENDING_DAMAGE.items():
        forms |= {f[:i] + v + f[i + 1:] for f in forms for i, c in enumerate(f) if c == letter for v in variants}
    return forms - {word}


@lru_cache(maxsize=64)
def _damaged_endings(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = {damaged: word for word in words for damaged in _damaged(word.lower())}
    return tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))


def repair_endings(text: str, words: tuple[str, ...]) -> str:
    """``text`` with every word whose ending OCR damaged from one of ``words`` put back:
    'Referat fra Partnermgte' -> 'Referat fra Partnermøte', 'MGTE' -> 'MØTE'."""
    endings = _damaged_endings(words)

    def repair(m: re.Match[str]) -> str:
        token = m.group()
        low = token.lower()
        for damaged, word in endings:
            if low.endswith(damaged):
                stem, tail = token[: len(token) - len(damaged)], token[len(token) - len(damaged):]
                return stem + (word.upper() if tail.isupper() else word)
        return token

    return _TOKEN.sub(repair, text) if any(c in text.lower() for c in "g@0rn") else text
