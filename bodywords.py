"""The nouns that make a name a body's name ('Styringsgruppe', 'Arbeidsutvalget', 'Eldrerådet'),
with their definite forms: the one list the header reader, the reference reader and the body
normaliser build their patterns from."""

from __future__ import annotations

import re
from collections.abc import Iterable

from referat.folding import repair_endings

# Indefinite -> definite, bokmål and nynorsk. A body's name is one of these or a compound ending
# in one ('Styringsgruppe', 'Plan- og miljøutvalget'), or a phrase ending in one ('Faglig forum').
NOUNS: dict[str, str] = {
    "gruppe": "gruppen", "møte": "møtet", "styre": "styret", "utvalg": "utvalget", "utval": "utvalet",
    "råd": "rådet", "panel": "panelet", "forum": "forumet", "komite": "komiteen", "komité": "komiteen",
    "nemnd": "nemnda", "ting": "tinget", "representantskap": "representantskapet", "kollegium": "kollegiet",
    "stemne": "stemnet", "senat": "senatet", "formannskap": "formannskapet", "presidentskap": "presidentskapet",
    "parlament": "parlamentet",
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that 'utvalget' is not read as 'utvalg'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# Definite forms other than the canonical one, as Nynorsk and radical bokmål write them.
VARIANTS: dict[str, str] = {"gruppa": "gruppe"}

INDEFINITE = alternation(NOUNS)
DEFINITE = alternation([*NOUNS.values(), *VARIANTS])
ANY_FORM = alternation([*NOUNS, *NOUNS.values(), *VARIANTS])


def definite_form(name: str) -> str:
    """'Partnermøte' -> 'Partnermøtet', 'Helse- og omsorgsutvalg' -> 'Helse- og omsorgsutvalget'.

    A bare noun after other words stays as written: 'Faglig forum' and 'Faglig råd' are names, and
    'Faglig forumet' is not Norwegian."""
    last = name.split()[-1] if name.split() else ""
    low = last.lower()
    for noun in sorted(NOUNS, key=len, reverse=True):
        if low.endswith(noun) and (len(low) > len(noun) or last == name.strip()):
            return _with_definite(name.rstrip(), noun)
    return name


def _with_definite(text: str, noun: str) -> str:
    """``text`` ending in ``noun``, with the noun in its definite form ('Komité' -> 'Komiteen')."""
    head, tail = text[: len(text) - len(noun)], NOUNS[noun]
    return head + (tail[0].upper() + tail[1:] if text[len(head)].isupper() else tail)


def meeting_of(word: str) -> str | None:
    """The body a meeting is named for: 'styremøte' -> 'Styret', 'utvalgsmøte' -> 'Utvalget',
    'Styringsgruppemøte' -> 'Styringsgruppen'; None for a word that is not '<body>møte'."""
    stem = re.sub(r"(?i)m[øo]tet?$", "", word.strip())  # 'styremøtet' is the board's too
    if stem == word.strip() or not stem or " " in stem:
        return None
    low = stem.lower()
    for noun in sorted(NOUNS, key=len, reverse=True):
        for joint in (noun + "s", noun):  # 'rådsmøte', 'styremøte'
            if low.endswith(joint):
                name = _with_definite(stem[: len(stem) - len(joint) + len(noun)], noun)
                return name[0].upper() + name[1:]
    return None


# Meetings that are themselves the organ that decides, as the statutes of an association or a
# company name them: an 'årsmøte' or a 'generalforsamling' is the body whose minutes they are, and so
# is a student body's 'allmøte', the meeting of all its members that its statutes make the highest organ.
# A meeting named for its form ('stormøte', 'dialogmøte') is no organ and is not here.
ASSEMBLIES: dict[str, str] = {
    "generalforsamling": "generalforsamlingen", "årsmøte": "årsmøtet", "foretaksmøte": "foretaksmøtet",
    "landsmøte": "landsmøtet", "sameiermøte": "sameiermøtet", "eiermøte": "eiermøtet",
    "medlemsmøte": "medlemsmøtet", "allmøte": "allmøtet",
}
# Words that say how a meeting was called, not what met: 'Ekstraordinært styremøte' is the board's.
# 'Protokoll fra telefonstyremøte', 'e-poststyremøte': how the board met, not which body
MEETING_MANNER = re.compile(r"(?i)\b(?:ekstra)?ordinær[te]?\s+|\bkonstituerende\s+|\bdigitalt?\s+(?=\w*møte)"
                            r"|\b(?:telefon|e-post|epost)(?=\w*møte)")


def assembly(word: str) -> str | None:
    """'Generalforsamling' -> 'Generalforsamlingen', 'ÅRSMØTE' -> 'Årsmøtet'; None for any other word."""
    low = word.strip().lower()
    definite = ASSEMBLIES.get(low) or (low if low in ASSEMBLIES.values() else None)
    return definite.capitalize() if definite else None


FORMS: tuple[str, ...] = tuple(sorted({*NOUNS, *NOUNS.values(), *VARIANTS, *ASSEMBLIES, *ASSEMBLIES.values()}))


def repair_ocr(text: str) -> str:
    """Body nouns OCR damaged at a word's end put back: 'Partnermgte' -> 'Partnermøte', 'styrem@te' -> 'styremøte'."""
    return repair_endings(text, FORMS)
