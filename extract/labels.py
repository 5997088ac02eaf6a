"""Labels that OCR damaged ('Ti1 stede:', 'Forfa11:', 'Vedtalc:'), put back to their spelling so that
the attendance, header and decision readers, which match labels exactly, see them."""

from __future__ import annotations

import re

from referat.folding import fold, lookalike_forms

# The labels minutes are read by. A word here is only the key to repair a damaged one: what each
# label means is for its reader (attendance.py, header.py, decisions.py).
LABELS = ("Til stede", "Tilstede", "Til stades", "Forfall", "Meldt forfall", "Fravær", "Fraværende", "Møtt",
          "Ikke møtt", "Ikke til stede", "Deltakere", "Deltok", "Referent", "Sekretær", "Møtesekretær", "Møteleder",
          "Gjester", "Observatører", "Varamedlemmer", "Vedtak", "Konklusjon", "Beslutning", "Oppfølging", "Dato",
          "Møtedato", "Sted", "Møtested", "Møtetid", "Tidspunkt")
_BY_FORM = {fold(label): label for label in LABELS}
_LABEL = re.compile(r"^(\s*)([A-Za-zÆØÅæøå0-9@]{2,}(?: [A-Za-zÆØÅæøå0-9@]{2,}){0,2})(\s*:)")


def repair_label(text: str) -> str:
    """'Ti1 stede: Hans Rød' -> 'Til stede: Hans Rød'; text without a damaged label is returned as it is."""
    m = _LABEL.match(text)
    if not m or fold(m.group(2)) in _BY_FORM:
        return text
    for form in lookalike_forms(m.group(2)):
        label = _BY_FORM.get(form)
        if label is not None:
            word = m.group(2)
            label = label.upper() if word.isupper() else label
            return m.group(1) + label + text[m.end(2):]
    return text
