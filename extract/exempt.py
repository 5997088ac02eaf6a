"""Cases exempt from public access, in one place: the flags minutes write beside a title, and the
legal basis they cite.

Flags: 'Unntatt offentlighet', 'U.off.', 'Unnt. off.', 'jf. offl. § 25', 'Konfidensiell sak', Nynorsk
'unnateke (frå) offentlegheit', 'unnateken offentlegheit', and a star by the case number ('Sak 14/24*') when
the minutes give the legal basis elsewhere. The legal basis: 'offl. § 13 jf. fvl. § 13', 'offl. §§ 23 og 18',
'unntatt etter offl. § 14', 'U.off. § 13', '... etter offentleglova § 13'. The archive shows it where the case
is withheld, as eInnsyn does: 'Sak 40-23 – unntatt offentlighet (offl. § 13)'."""

from __future__ import annotations

import re

_LEDD = r"(?:\s*(?:første|andre|tredje|\d\.?)\s*ledd)?"
_LAW = r"(?:offl\.?|offentlighetsloven|offentleglova|offentlegheitslova)"
# Nynorsk 'unnateke', 'unnateken', 'unnatekne' (exempted), as the case's gender and number has it
_UNNATEKE = r"unnatek(?:e|en|ne|i)"
# What joins the flag to its legal basis: 'Unntatt offentlighet, jf. offl. § 13', '... etter offl. § 13'
_JOIN = r"(?:jf\.?|jfr\.?|jamfør|etter|iht\.?)"
EXEMPT = re.compile(
    r"(?i)\(?\s*(?:unntatt\s+(?:fra\s+)?offentlighet(?:en)?|unntatt\s+off\.?|u\.\s?off\.?|unnt\.\s?off\.?|"
    rf"{_UNNATEKE}\s+(?:frå\s+)?offentlegheit(?:a)?|konfidensiel(?:l|t)(?:\s+sak)?|"
    rf"(?:{_JOIN})?\s*{_LAW}\s*§+\s*\d+\w*{_LEDD})"
    rf"(?:[,\s]+(?:{_JOIN}\s*)?(?:{_LAW}\s*)?§+\s*\d+\w*{_LEDD})?"
    r"\s*\)?"
)
# The kind of case a health trust's or a foundation's minutes write under its heading, before the flag:
# 'Beslutningssak. Unntatt offentlighet, jf. offl. § 13', 'Orienteringssak – U.off.'
_CASE_KIND = re.compile(r"(?i)^(?:beslutnings|orienterings|vedtaks|drøftings|diskusjons|referat|informasjons)sak"
                        r"\s*[.,:;–—-]?\s*")


def flag_line(text: str) -> re.Match[str] | None:
    """A line that is a case's flag alone, or its kind and its flag."""
    text = text.strip()
    kind = _CASE_KIND.match(text)
    return EXEMPT.fullmatch(text, kind.end() if kind else 0)


# The legal basis for a star, written once for the whole document: '* Unntatt offentlighet, offl. § 13'
LEGAL_BASIS = re.compile(rf"(?i)unntatt\s+(?:fra\s+)?offentlighet|{_UNNATEKE}\s+(?:frå\s+)?offentlegheit|{_LAW}\s*§")
# A star by the number or at the end of the title: 'Sak 14/24* Ansettelse', 'Sak 14/24 Ansettelse *'
STAR = re.compile(r"^\s*\*\s*|\s*\*\s*$")


def without_star(title: str) -> tuple[str, bool]:
    """'* Ansettelse av rektor' -> ('Ansettelse av rektor', True)."""
    m = STAR.search(title)
    if m is None or title.strip() == "*":
        return title, False
    return title[: m.start()] + title[m.end():], True


# --- the legal basis -------------------------------------------------------------------------------

# Every way minutes name the two acts, to the abbreviation Lovdata uses.
_ACTS = {"offl": "offl.", "uoff": "offl.", "unntoff": "offl.", "offentleglova": "offl.", "offentlighetsloven": "offl.",
         "offentlegheitslova": "offl.", "fvl": "fvl.", "forvaltningsloven": "fvl.", "forvaltningslova": "fvl."}
_ACT = (r"(?P<act>offl|u\.\s?off|unnt\.\s?off|offentleglova|offentlighetsloven|offentlegheitslova|fvl|"
        r"forvaltningslov(?:en|a))\.?")
_PARAGRAPH = r"\d+\s?[a-h]?\b(?:\s*(?:første|andre|annet|tredje|fjerde|femte|\d+\.?)\s+ledd)?(?:\s*nr\.?\s*\d+)?"
_SECTIONS = rf"§§?\s*{_PARAGRAPH}(?:\s*(?:,|og)\s*(?:§\s*)?{_PARAGRAPH})*"
_CITATION = re.compile(rf"(?i)\b{_ACT}\s*(?P<sections>{_SECTIONS})")
_LINK = re.compile(r"(?i)^\s*(?:,\s*)?(?:jf\.?|jfr\.?|jamfør|,)\s*$")
# 'Unntatt offentlighet § 13' names no act: the exemption itself says it is the Freedom of Information Act.
_BARE = re.compile(rf"(?i)(?:unntatt(?:\s+fra)?\s+offentlighet(?:en)?|{_UNNATEKE}(?:\s+frå)?\s+offentlegheit(?:a)?)"
                   rf"\s*,?\s*(?:{_JOIN}\s*)?(?P<sections>{_SECTIONS})")


def _act(written: str) -> str:
    return _ACTS[re.sub(r"[.\s]", "", written.lower())]


def _citation(act: str, sections: str) -> str:
    numbers = " ".join(sections.replace("§", " ").split())
    numbers = re.sub(r"\s+,", ",", numbers)
    several = len(re.findall(r"\d+", re.sub(r"(?:\d+\.?\s+ledd|nr\.?\s*\d+)", "", numbers))) > 1
    return f"{_act(act)} {'§§' if several else '§'} {numbers.lower()}"


def _read(text: str) -> str | None:
    """The first citation in ``text`` with those joined to it by 'jf.': 'offl. § 13 jf. fvl. § 13'."""
    found = list(_CITATION.finditer(text))
    if not found:
        bare = _BARE.search(text)
        return _citation("offl", bare.group("sections")) if bare else None
    first = next((k for k, m in enumerate(found) if _act(m.group("act")) == "offl."), 0)
    parts = [found[first]]
    for m in found[first + 1:]:
        if not _LINK.match(text[parts[-1].end():m.start()]):
            break
        parts.append(m)
    return " jf. ".join(_citation(m.group("act"), m.group("sections")) for m in parts)


# A case whose own text says it is exempt: 'Saken er unntatt etter offl. § 14', 'Saka er unnateken offentlegheit'.
# Only the case itself saying so: a case about someone else's request for access ('avslag på innsyn
# etter offl. § 13') is public.
_SAYS_EXEMPT = re.compile(rf"(?i)\b(?:saken|saka|denne saken|denne saka)\s+(?:er|blir|vert)\s+"
                          rf"(?:unntatt|{_UNNATEKE}|unnatt)\b[^.]*?(?:offl\.?\s*§+\s*\d+|§+\s*\d+|offentlighet|offentlegheit)")


def legal_basis(exempt_raw: str | None, heading: str = "", text: str = "") -> str | None:
    """The legal basis of an exempt case: from its heading ('... – Unntatt offentlighet jf. offl. § 13
    jf. fvl. § 13'), its flag, else its text ('Saken er unntatt etter offl. § 14.'); None when none
    cites one."""
    return _read(heading) or (_read(exempt_raw) if exempt_raw else None) or _read(text)


def exemption(exempt: bool, exempt_raw: str | None, heading: str, text: str) -> tuple[bool, str | None, str | None]:
    """(exempt, the flag as written, legal basis) of a case: flagged where the cases are split, or
    by a sentence of its own text that says it is exempt."""
    if not exempt:
        # the whole case's text is long, and the pattern no faster for its ignored case than a look for 'unn'
        said = _SAYS_EXEMPT.search(text) if "unn" in text.lower() else None
        if said is None:
            return False, None, None
        exempt, exempt_raw = True, said.group(0)
    return True, exempt_raw, legal_basis(exempt_raw, heading, text)
