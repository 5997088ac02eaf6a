"""The vocabulary of attendance: statuses, what a mark means, and what a column means.

A mark only has meaning in its column: 'x' under 'Møtt' is present, 'x' under
'Forfall' is absent; a blank under 'Møtt' is absent, a blank under 'Forfall' is present."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from referat.folding import fold, lookalike_forms


class Status(StrEnum):
    present = "present"
    remote = "remote"
    absent = "absent"
    substituted = "substituted"
    unknown = "unknown"


class Category(StrEnum):
    member = "member"
    observer = "observer"
    secretariat = "secretariat"
    substitute = "substitute"
    guest = "guest"


class Column(StrEnum):
    expected = "expected"   # Innkalt: summoned, says nothing about attending
    attended = "attended"   # Møtt / Til stede / Deltok: a mark means there, a blank means not
    excused = "excused"     # Forfall / Fravær: a mark means away, a blank means there
    remote = "remote"       # Digitalt / Teams: a mark means there, remotely


COLUMN_WORDS: dict[Column, tuple[str, ...]] = {
    Column.expected: ("innkalt", "innkalling", "invitert"),
    # nynorsk 'Fråverande', 'Ikkje møtt'
    Column.excused: ("forfall", "fravaer", "fravar", "meldt forfall", "fravaerende", "fraverande", "ikke mott",
                     "ikkje mott"),
    Column.remote: ("digitalt", "teams", "digital", "video", "pa teams", "via teams"),
    # nynorsk 'Til stades', 'Deltaking'
    Column.attended: ("mott", "til stede", "tilstede", "til stades", "tilstades", "deltok", "oppmote", "frammote",
                      "status", "mott forfall", "deltakelse", "deltaking", "tilstede forfall"),
}

REMOTE = ("teams", "digitalt", "digital", "video", "zoom", "skype", "telefon", "nett", "pa nett", "web",
          "videomote", "via teams", "pa teams", "d")
SUBSTITUTE = ("vara", "v", "vara mott", "varamedlem", "vararepresentant", "stedfortreder")
ABSENT = ("forfall", "fravaer", "fravaerende", "nei", "ikke mott", "permisjon", "perm", "syk", "f", "meldt forfall",
          "ikke tilstede", "ikke til stede", "borte",
          # nynorsk
          "fraverande", "ikkje mott", "ikkje til stades", "sjuk")
YES = ("x", "ja", "j", "1", "ok", "mott", "til stede", "tilstede", "deltok", "tilstades", "til stades", "y", "yes")
_CHECKS = "✓✔√☑☒■●•"


@lru_cache(maxsize=4096)  # a shelf's tables have a few dozen headers, each tried against every column word
def column_kind(header: str) -> Column | None:
    """What a table column means, from its header text; also as OCR damaged it ('Mgtt', 'M0tt')."""
    folded = fold(header)
    if not folded:
        return None
    first, _, rest = header.strip().partition(" ")
    forms = [folded] + [f"{form} {fold(rest)}".strip() for form in sorted(lookalike_forms(first)) if len(first) >= 4]
    for kind in (Column.expected, Column.excused, Column.remote, Column.attended):
        if any(form == w or form.startswith(w + " ") for form in forms for w in COLUMN_WORDS[kind]):
            return kind
    return None


def read_mark(mark: str | None) -> tuple[str, str | None]:
    """A mark as one of 'blank', 'yes', 'remote', 'substitute', 'absent', 'other', and a substitute's name.

    'vara: Ola Nordmann' names the substitute; 'x (Teams)' is a remote yes."""
    raw = (mark or "").strip()
    if not raw or raw in "-–—":
        return ("blank" if not raw else "absent"), None
    named = re.match(r"(?i)^\s*vara\s*[:\-–]?\s*([A-ZÆØÅ][\w.\- ]+[a-zæøå])\s*$", raw)
    if named:
        return "substitute", named.group(1).strip()
    folded = fold(raw)
    words = set(folded.split())
    if folded in SUBSTITUTE or words & {"vara", "varamedlem", "vararepresentant"}:
        return "substitute", None
    if folded in REMOTE or words & {"teams", "digitalt", "digital", "video", "zoom", "skype", "telefon", "nett"}:
        return "remote", None
    if folded in ABSENT or words & {"forfall", "fravaer", "permisjon"}:
        return "absent", None
    if folded in YES or all(c in _CHECKS or c.lower() == "x" for c in raw.replace(" ", "")):
        return "yes", None
    return "other", None


def status_from_marks(marks: list[tuple[Column, str | None]]) -> tuple[Status, str | None]:
    """The status one table row gives, from its marks in the order of their columns."""
    expected = [read_mark(m)[0] for kind, m in marks if kind == Column.expected]
    summoned = None if not expected else any(e != "blank" for e in expected)
    others = [(kind, *read_mark(m)) for kind, m in marks if kind != Column.expected]
    for kind, value, name in others:
        if value == "blank":
            continue
        if value == "substitute":
            return Status.substituted, name
        if value == "remote":
            return Status.remote, None
        if value == "absent":
            return Status.absent, None
        if value in ("yes", "other"):
            if kind == Column.excused:
                return Status.absent, None
            if kind == Column.remote:
                return Status.remote, None
            return Status.present, None
    if summoned is False:
        return Status.unknown, None
    kinds = {kind for kind, _, _ in others}
    if Column.excused in kinds:
        return Status.present, None
    if Column.attended in kinds or Column.remote in kinds:
        return Status.absent, None
    return Status.unknown, None


def status_from_phrase(text: str) -> Status | None:
    """A status said in words beside a name: '(på Teams)', 'digitalt', 'forfall'."""
    value, _ = read_mark(text)
    folded = fold(text)
    # 'deltok på skjerm': on a screen in the room, from elsewhere
    if value == "remote" or re.search(r"\b(teams|digitalt|digital|video|zoom|skype|telefon|skjerm)\b", folded):
        return Status.remote
    if value == "absent":
        return Status.absent
    return None
