"""Cases exempt from public access: the flags minutes write beside a title, in one place.

'Unntatt offentlighet', 'U.off.', 'jf. offl. § 25', 'Konfidensiell sak', Nynorsk 'unnateke offentlegheit',
and a star by the case number ('Sak 14/24*') when the minutes give the legal basis elsewhere."""

from __future__ import annotations

import re

_LEDD = r"(?:\s*(?:første|andre|tredje|\d\.?)\s*ledd)?"
_LAW = r"(?:offl\.?|offentlighetsloven|offentleglova)"
EXEMPT = re.compile(
    r"(?i)\(?\s*(?:unntatt\s+(?:fra\s+)?offentlighet(?:en)?|unntatt\s+off\.?|u\.\s?off\.?|"
    r"unnatek[en]\s+(?:frå\s+)?offentlegheit(?:a)?|konfidensiel(?:l|t)(?:\s+sak)?|"
    rf"(?:jf\.?|jfr\.?|jamfør)?\s*{_LAW}\s*§+\s*\d+\w*{_LEDD})"
    rf"(?:[,\s]+(?:(?:jf\.?|jfr\.?)?\s*{_LAW}\s*)?§+\s*\d+\w*{_LEDD})?"
    r"\s*\)?"
)
# The legal basis for a star, written once for the whole document: '* Unntatt offentlighet, offl. § 13'
LEGAL_BASIS = re.compile(rf"(?i)unntatt\s+(?:fra\s+)?offentlighet|unnatek[en]\s+(?:frå\s+)?offentlegheit|{_LAW}\s*§")
# A star by the number or at the end of the title: 'Sak 14/24* Ansettelse', 'Sak 14/24 Ansettelse *'
STAR = re.compile(r"^\s*\*\s*|\s*\*\s*$")


def without_star(title: str) -> tuple[str, bool]:
    """'* Ansettelse av rektor' -> ('Ansettelse av rektor', True)."""
    m = STAR.search(title)
    if m is None or title.strip() == "*":
        return title, False
    return title[: m.start()] + title[m.end():], True
