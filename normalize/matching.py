"""Name matching as ordered levels, in the manner of Splink's comparisons:
exact alias -> folded exact -> OCR variants -> structured fuzzy -> review -> no match.

Candidates come from blocks (surname prefix, given-name prefix, OCR forms), so matching
one mention costs a few comparisons however large the registry grows."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from referat.folding import fold, fold_ocr, ocr_forms

AUTO_ACCEPT = 90.0
REVIEW_FLOOR = 80.0
AMBIGUOUS_GAP = 5.0  # one surname edit costs 6 points: candidates an edit apart or closer are a close call
SHORT_SURNAME = 5  # letters: an edit in a surname this short costs SHORT_SURNAME_EDIT, which sends it to review
SHORT_SURNAME_EDIT = 12.0


@dataclass
class Match:
    id: int | None
    score: float
    level: str  # exact | folded | ocr | fuzzy | review | none
    runner_up: int | None = None
    runner_up_score: float | None = None


def _tokens(name: str) -> list[str]:
    return fold_ocr(name).split()


_DOUBLED = re.compile(r"(.)\1")


@lru_cache(maxsize=1 << 16)
def _undouble(word: str) -> str:
    return _DOUBLED.sub(r"\1", word)


def _given_ok(a: str, b: str) -> float | None:
    """Penalty for two given names: 0 the same, 2 for an initial or a doubled letter (Normann/Norman),
    12 for another near spelling (Kari/Karin: maybe two people, so below auto-accept), None when different."""
    if a == b:
        return 0.0
    if len(a) == 1 or len(b) == 1:
        return 2.0 if a[0] == b[0] else None
    if _undouble(a) == _undouble(b):
        return 2.0
    if fuzz.ratio(a, b) >= 80 and a[0] == b[0]:
        return 12.0
    return None


def score_person(query: list[str], candidate: list[str]) -> float:
    """Given names and surname compared separately; a hard edit limit on the surname."""
    if len(query) < 2 or len(candidate) < 2:
        return 0.0
    q_sur, c_sur = query[-1], candidate[-1]
    if _undouble(q_sur) == _undouble(c_sur):
        penalty = 0.0 if q_sur == c_sur else 2.0
    else:
        limit = 1 if len(c_sur) <= 6 else 2
        distance = OSA.distance(q_sur, c_sur)
        if distance > limit:
            return 0.0
        # A letter more or less in a short surname is most often another family's name (Moe/Moen,
        # Lie/Lien, Berg/Berge), not a typo: a close call for a person to decide, below auto-accept.
        penalty = (SHORT_SURNAME_EDIT if len(c_sur) <= SHORT_SURNAME else 6.0) * distance
    given = _given_ok(query[0], candidate[0])
    if given is None:
        return 0.0
    penalty += given
    rest = candidate[1:-1]
    for middle in query[1:-1]:
        best = min((p for p in (_given_ok(middle, m) for m in rest) if p is not None), default=None)
        if best is None:
            if middle == c_sur[: len(middle)]:  # double surname written in full
                continue
            if not rest:  # a middle name the registry has never seen: more detail, not a contradiction
                penalty += 2.0
                continue
            return 0.0
        penalty += best
    if len(query) < len(candidate) - 1:
        penalty += 1.0
    return max(0.0, 100.0 - penalty)


@dataclass
class PersonIndex:
    names: dict[int, list[list[str]]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    folded: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    ocr: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    blocks: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, entity_id: int, alias: str) -> None:
        self.exact[alias.strip()].add(entity_id)
        folded = fold(alias)
        self.folded[folded].add(entity_id)
        tokens = folded.split()
        if tokens and tokens not in self.names[entity_id]:
            self.names[entity_id].append(tokens)
        for form in ocr_forms(alias):
            self.ocr[form].add(entity_id)
            for key in _block_keys(form.split()):
                self.blocks[key].add(entity_id)

    def candidates(self, tokens: list[str]) -> set[int]:
        out: set[int] = set()
        for key in _block_keys(tokens):
            out |= self.blocks.get(key, set())
        return out


def _block_keys(tokens: list[str]) -> set[str]:
    """Symmetric-deletion keys on the surname (with doubled letters undone): two surnames within one
    edit share a key, so a candidate set holds only names the surname limit can accept.
    A given-name key catches a surname written with its prefix or a longer edit."""
    if len(tokens) < 2:
        return set()
    sur = _undouble(tokens[-1])
    keys = {f"s:{sur}"} | {f"s:{sur[:i]}{sur[i + 1:]}" for i in range(len(sur))}
    keys.add(f"g:{tokens[0][:4]}:{sur[:4]}")
    return keys


def _single(ids: set[int] | None) -> int | None:
    return next(iter(ids)) if ids and len(ids) == 1 else None


def match_person(name: str, index: PersonIndex, rejected: set[tuple[str, int]] | None = None) -> Match:
    rejected = rejected or set()
    folded = fold(name)
    for level, ids in (("exact", index.exact.get(name.strip())), ("folded", index.folded.get(folded)),
                       ("ocr", index.ocr.get(fold_ocr(name)))):
        hit = _single(ids)
        if hit is not None and (folded, hit) not in rejected:
            return Match(hit, {"exact": 100.0, "folded": 99.0, "ocr": 97.0}[level], level)
    tokens = _tokens(name)
    scored = []
    for cid in index.candidates(tokens):
        if (folded, cid) in rejected:
            continue
        best = max((score_person(tokens, c) for c in index.names.get(cid, [])), default=0.0)
        if best >= REVIEW_FLOOR:
            scored.append((best, cid))
    if not scored:
        return Match(None, 0.0, "none")
    scored.sort(reverse=True)
    best_score, best_id = scored[0]
    runner = scored[1] if len(scored) > 1 else (None, None)
    ambiguous = runner[0] is not None and best_score - runner[0] < AMBIGUOUS_GAP
    if best_score >= AUTO_ACCEPT and not ambiguous:
        return Match(best_id, best_score, "fuzzy", runner[1], runner[0])
    return Match(best_id, best_score, "review", runner[1], runner[0])


@dataclass
class OrgIndex:
    names: dict[int, str] = field(default_factory=dict)
    folded: dict[str, int] = field(default_factory=dict)
    ocr: dict[str, int] = field(default_factory=dict)

    def add(self, entity_id: int, alias: str, *, primary: bool = False) -> None:
        if primary or entity_id not in self.names:
            self.names.setdefault(entity_id, fold(alias))
        self.folded.setdefault(fold(alias), entity_id)
        for form in ocr_forms(alias):
            self.ocr.setdefault(form, entity_id)


def match_org(name: str, index: OrgIndex, *, fuzzy: bool = True) -> Match:
    folded = fold(name)
    if not folded:
        return Match(None, 0.0, "none")
    if folded in index.folded:
        return Match(index.folded[folded], 99.0, "folded")
    if fold_ocr(name) in index.ocr:
        return Match(index.ocr[fold_ocr(name)], 97.0, "ocr")
    if len(folded) < 8 or not fuzzy:  # abbreviations must match exactly
        return Match(None, 0.0, "none")
    scored = sorted(((fuzz.ratio(folded, alias), eid) for alias, eid in index.folded.items()
                     if abs(len(alias) - len(folded)) <= 4 and _words_agree(folded, alias)), reverse=True)
    if scored and scored[0][0] >= AUTO_ACCEPT:
        return Match(scored[0][1], scored[0][0], "fuzzy")
    return Match(None, 0.0, "none")


def _words_agree(a: str, b: str) -> bool:
    """Whether two organisation names that read alike differ only by a slip in a long word. The words
    they share carry the likeness ('kommune', 'fylkeskommune', 'HF'), so 'Fjordvik kommune' and
    'Nordvik kommune' read 90% alike and are two municipalities, as are 'Os' and 'Ås' kommune; a
    typo or OCR damage changes a letter of a long word ('Kvinherad', 'Hclse Bergen')."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return True  # a word more or less ('Nordvik Energi AS'): the whole name's likeness decides
    for x, y in zip(words_a, words_b, strict=True):
        if x == y:
            continue
        shorter = min(len(x), len(y))
        distance = OSA.distance(x, y)
        if not (shorter >= 5 and distance <= 1 or shorter >= 9 and distance <= 2):
            return False
    return True
