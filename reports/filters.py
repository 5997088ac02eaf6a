"""What the report options name: dates (ISO or Norwegian dd.mm.yyyy), date ranges and bodies.

The CLI reads its options here, so a bad value fails before any work with a message that says
what would do; the reports themselves get only dates and a body name as the archive spells it."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from referat.errors import BadArgumentError
from referat.folding import fold

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NORWEGIAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_date(text: str) -> dt.date:
    """'2023-12-11' or '11.12.2023'; anything else, or a day that does not exist, is refused."""
    value = text.strip()
    if m := _ISO.fullmatch(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _NORWEGIAN.fullmatch(value):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise BadArgumentError(f"'{text}' is not a date; write it as 2023-12-11 or 11.12.2023")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadArgumentError(f"'{text}' is no day of the calendar (day {day}, month {month}, year {year})"
                               ) from None


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    """A range that ends before it starts selects nothing, which is never what was meant."""
    if start is not None and end is not None and end < start:
        raise BadArgumentError(f"--to {end.isoformat()} is before --from {start.isoformat()}, so nothing "
                               "lies between them; swap the two dates")


def match_body(name: str, known: list[str]) -> str:
    """The body of ``known`` that ``name`` names: exactly, in any case or spelling of æøå, or by
    a prefix that only one body starts with. Anything else is refused with the bodies to choose from."""
    if name in known:
        return name
    wanted = fold(name)
    same = [body for body in known if fold(body) == wanted]
    if len(same) == 1:
        return same[0]
    starting = same or [body for body in known if wanted and fold(body).startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise BadArgumentError(f"'{name}' could be {_either(starting)}; write more of the name")
    if not known:
        raise BadArgumentError(f"no body is called '{name}': the archive has no meetings yet")
    folded = {fold(body): body for body in known}
    close = [folded[f] for f in difflib.get_close_matches(wanted, list(folded), n=3, cutoff=0.7)]
    hint = f"did you mean {_either(close)}? " if close else ""
    raise BadArgumentError(f"no body is called '{name}'; {hint}The archive knows {_all(known)}")


def _either(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _all(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
