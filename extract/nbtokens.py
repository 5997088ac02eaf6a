"""spaCy's tokenizer for Norwegian bokmål, without spaCy: the same algorithm over the same rules.

Finding names needs only tokens, and importing spaCy costs more than a small top-up's whole run.
This follows spaCy's own pure-Python account of its tokenizer (`Tokenizer.explain`): split on
whitespace, then on each piece try special cases, peel prefixes and suffixes, keep URLs whole and
split infixes; then merge back the special cases that affixes split. `tests/test_nbtokens.py`
checks the tokens against spaCy's on every line of the seeds and real minutes."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple


class Token(NamedTuple):
    text: str
    idx: int
    whitespace_: str  # ' ' when a single space follows, as spaCy's token.whitespace_


class _Rules(NamedTuple):
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    infix: re.Pattern[str]
    url: re.Pattern[str]
    special: dict[str, tuple[str, ...]]
    # first token of a split special case -> (its tokens, the special case's text)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    # Compiled on first use: a run that finds no names never pays for the large character classes
    from referat.extract import nbrules

    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for text, parts in nbrules.PHRASES.items():
        phrases.setdefault(parts[0], []).append((parts, text))
    return _Rules(re.compile(nbrules.PREFIX), re.compile(nbrules.SUFFIX), re.compile(nbrules.INFIX),
                  re.compile(nbrules.URL), nbrules.SPECIAL, phrases)


# The same words come back on every page: a piece is split once, as spaCy caches it too
@lru_cache(maxsize=1 << 16)
def _split(piece: str) -> tuple[str, ...]:
    """The tokens of one piece of text without whitespace, as spaCy's Tokenizer.explain splits it."""
    rules = _rules()
    special, prefix, suffix = rules.special, rules.prefix.search, rules.suffix.search
    tokens: list[str] = []
    suffixes: list[str] = []
    while piece:
        if piece in special:
            tokens.extend(special[piece])
            piece = ""
            continue
        while prefix(piece) or suffix(piece):
            if piece in special:
                tokens.extend(special[piece])
                piece = ""
                break
            m = prefix(piece)
            if m:
                if m.end() == 0:
                    break
                tokens.append(piece[:m.end()])
                piece = piece[m.end():]
                if piece in special:
                    continue
            m = suffix(piece)
            if m:
                if m.start() == len(piece):
                    break
                suffixes.append(piece[m.start():])
                piece = piece[:m.start()]
        if not piece:
            continue
        if rules.url.match(piece):
            tokens.append(piece)
        elif piece in special:
            tokens.extend(special[piece])
        else:
            offset = 0
            for m in rules.infix.finditer(piece):
                if offset == 0 and m.start() == 0:
                    continue
                if piece[offset:m.start()]:
                    tokens.append(piece[offset:m.start()])
                if m.group():
                    tokens.append(m.group())
                offset = m.end()
            if piece[offset:]:
                tokens.append(piece[offset:])
        piece = ""
    tokens.extend(reversed(suffixes))
    return tuple(tokens)


_RUNS = re.compile(r"\s+|\S+")


def tokenize(text: str) -> list[Token]:
    """The tokens spaCy's blank 'nb' pipeline makes of the text, whitespace tokens included."""
    texts: list[str] = []
    starts: list[int] = []
    spaces: list[str] = []
    for run in _RUNS.finditer(text):
        start, piece = run.start(), run.group()
        # Runs alternate: one space after a word belongs to it; any other whitespace is a token
        if piece[0] == " " and texts:
            spaces[-1] = " "
            start, piece = start + 1, piece[1:]
            if not piece:
                continue
        for part in _split(piece):
            texts.append(part)
            starts.append(start)
            spaces.append("")
            start += len(part)
    if any(part in _rules().phrases for part in texts):
        texts, starts, spaces = _merge_special(texts, starts, spaces, text)
    return [Token(*token) for token in zip(texts, starts, spaces, strict=True)]


def _merge_special(texts: list[str], starts: list[int], spaces: list[str],
                   text: str) -> tuple[list[str], list[int], list[str]]:
    """spaCy's last pass: tokens that spell a special case the affix rules split are made that case."""
    rules = _rules()
    found: list[tuple[int, int]] = []
    for i, first in enumerate(texts):
        for parts, _ in rules.phrases.get(first, ()):
            end = i + len(parts)
            if end <= len(texts) and tuple(texts[i:end]) == parts:
                found.append((i, end))
    # longest first, then leftmost; a span is kept when its first and last tokens are still free
    found.sort(key=lambda s: (s[1] - s[0], -s[0]))
    seen: set[int] = set()
    kept: dict[int, int] = {}
    for start, end in reversed(found):
        if start not in seen and end - 1 not in seen:
            kept[start] = end
        seen.update(range(start, end))
    out: tuple[list[str], list[int], list[str]] = ([], [], [])
    i = 0
    while i < len(texts):
        end = kept.get(i, i + 1)
        span = text[starts[i]:starts[end - 1] + len(texts[end - 1])]
        if end == i + 1 or span not in rules.special:
            out[0].extend(texts[i:end])
            out[1].extend(starts[i:end])
            out[2].extend(spaces[i:end])
        else:
            at = starts[i]
            for part in rules.special[span]:
                out[0].append(part)
                out[1].append(at)
                out[2].append("")
                at += len(part)
            out[2][-1] = spaces[end - 1]
        i = end
    return out
