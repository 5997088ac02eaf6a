"""Is a document minutes at all? Annual reports and plans are kept, but get no meeting."""

from __future__ import annotations

import re

from referat.extract.blocks import Block

_TITLE = re.compile(r"(?i)^\s*(?:møte)?(?:referat|protokoll|møtebok)\b")


# A notice of a meeting ('Innkalling til møte i Eldrerådet', 'Saksliste') lists the cases to come
# with proposals, not what was decided: it is kept, but is no record of a meeting.
_NOTICE = re.compile(r"(?i)^\s*(?:møte)?innkalling\b|^\s*(?:saksliste|sakliste|dagsorden)\s*$")


def is_minutes(blocks: list[Block], n_cases: int, header: dict[str, str | None], n_attendance: int) -> bool:
    """Minutes have numbered cases and either a minutes title, a meeting date or attendance; a
    notice of a meeting is not minutes, however alike it looks."""
    titled = any(_TITLE.match(b.text) and len(b.text) < 150 for b in blocks[:8])
    if not titled and any(_NOTICE.match(b.text) and not b.text.rstrip().endswith(".") for b in blocks[:3]):
        return False
    if n_cases >= 1 and (titled or header.get("date") or n_attendance):
        return True
    return titled and n_attendance >= 2 and bool(header.get("date"))
