"""The Norwegian words the site and the reports show for the archive's values, and their count
words: the one mapping every template reads (as the jinja2 filters ``label`` and ``count``).

The archive stores its vocabularies in English (``status = 'remote'``, see store/schema.sql);
readers see 'digitalt'. A value no vocabulary knows is shown as stored, so a new value in the
archive is visible rather than blank (tests/test_site.py checks every value the schema names)."""

from __future__ import annotations

import re

from jinja2 import Environment

from referat.plural import count as _count
from referat.plural import word as _word

VOCABULARIES: dict[str, dict[str, str]] = {
    # attendance.status: a member whose substitute came is 'vara møtte', not the substitute's own 'vara'
    "status": {"present": "til stede", "remote": "digitalt", "absent": "forfall", "substituted": "vara møtte",
               "unknown": "ukjent"},
    "category": {"member": "medlem", "observer": "observatør", "secretariat": "sekretariat", "substitute": "vara",
                 "guest": "gjest"},
    "side": {"for": "for", "against": "mot", "abstain": "avstod"},
    "outcome": {"adopted": "vedtatt", "rejected": "ikke vedtatt"},
    "kind": {"case": "sak", "decision": "vedtak", "proposal": "forslag", "follow_up": "oppfølging"},
    "direction": {"refers_to": "viser til", "referred_by": "vist til fra"},
    # how a person is tied to a case on their page (queries.person_activity)
    "involvement": {"guest": "gjest i saken", "vote": "stemte", "recusal": "inhabil"},
}

# Norwegian plurals do not just take an s: each count word with its plural, for plural.count.
NOUNS: dict[str, str] = {
    "sak": "saker", "møte": "møter", "vedtak": "vedtak", "person": "personer", "tekst": "tekster",
    "treff": "treff", "votering": "voteringer", "stemme": "stemmer", "organisasjon": "organisasjoner",
}


def label(value: str | None, vocabulary: str) -> str:
    """'remote' -> 'digitalt' in the vocabulary 'status'; None -> ''."""
    if value is None:
        return ""
    return VOCABULARIES[vocabulary].get(value, value)


def label_words(text: str | None, vocabulary: str) -> str:
    """Each word of ``text`` the vocabulary knows, in Norwegian: '3 for / 1 against' -> '3 for / 1 mot'."""
    words = VOCABULARIES[vocabulary]
    return re.sub(r"[a-z_]+", lambda m: words.get(m.group(0), m.group(0)), text or "")


def count(n: int, noun: str) -> str:
    """'1 sak', '2 saker', '0 møter': the noun in its singular, its plural from NOUNS."""
    return _count(n, noun, NOUNS[noun])


def word(n: int, noun: str) -> str:
    """The noun alone, in the number ``n`` needs: for a script that writes the number itself."""
    return _word(n, noun, NOUNS[noun])


def install(env: Environment) -> None:
    env.filters["label"] = label
    env.filters["label_words"] = label_words
    env.filters["count"] = count
    env.filters["word"] = word
