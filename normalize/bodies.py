"""Meeting bodies: one spelling per name, and which body a name meant at a given date."""

from __future__ import annotations

import datetime as dt
import re

from referat.bodywords import definite_form
from referat.folding import fold
from referat.normalize.authority import BodyName


def canonical_body_name(raw: str | None, known: list[BodyName]) -> str | None:
    """'PARTNERMØTE' -> 'Partnermøtet'; 'Styringsgruppens' -> 'Styringsgruppen'; unknown names in definite form."""
    if not raw or not raw.strip():
        return None
    text = " ".join(raw.split()).strip(" .:-–")
    if text.isupper():
        text = text.capitalize()
    names = {fold(b.name): b.name for b in known}
    for candidate in (text, definite_form(text), re.sub(r"s$", "", text), definite_form(re.sub(r"s$", "", text))):
        if fold(candidate) in names:
            return names[fold(candidate)]
    words = text.split()
    if len(words) == 1:
        return definite_form(text[0].upper() + text[1:])
    return text[0].upper() + text[1:]


def body_for(name: str, date: dt.date | None, known: list[BodyName]) -> str:
    """The body (by its current name) that a name meant at a date: in 2021 'Styringsgruppen' was Partnermøtet."""
    folded = fold(name)
    matches = [b for b in known if fold(b.name) == folded]
    for b in matches:
        if date is None:
            if b.valid_to is None:
                return b.body
        elif (b.valid_from is None or b.valid_from <= date) and (b.valid_to is None or date <= b.valid_to):
            return b.body
    return matches[0].body if matches else name
