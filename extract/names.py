"""Finding people's names in running text: our own tokens and a rule matcher over them.

No statistical model is available offline, so a name is a run of two to six
capitalised tokens (initials and hyphenated parts allowed) that does not start
with a word of the minutes' own vocabulary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from referat.extract.nbtokens import Token, tokenize
from referat.extract.roles import ORG_WORDS, is_role
from referat.folding import fold

# Capitalised words that open sentences or name things, never people.
NOT_NAMES = {
    "fra", "under", "i", "til", "og", "det", "den", "de", "vi", "han", "hun", "sak", "saken", "referat", "møte",
    "møtet", "innledning", "presentasjon", "orientering", "invitert", "inviterte", "gjester", "gjest",
    "påtroppende", "avtroppende", "ny", "nye", "leder", "nestleder", "vara", "vararepresentanter",
    "vararepresentant", "varamedlem", "varamedlemmer", "representanter", "representant", "direktør",
    "rektor", "dekan", "prodekan", "prosjektleder", "klyngeleder", "klyngefasilitator", "styringsgruppen",
    "partnermøtet", "arbeidsgruppen", "helse", "universitetet", "høgskulen", "høgskolen", "bergen",
    "kommune", "møtte", "deltok", "som", "for", "med", "ved", "etter", "om", "på", "av", "alle", "ingen",
    "tilstede", "til stede", "forfall", "referent", "sekretær", "sekretariat", "observatør", "observatører",
    "rapport", "status", "oppfølging", "vedtak", "konklusjon", "styringsgruppeleder", "fagleder",
    "adm", "ass", "konst", "avdelingsdirektør", "seksjonssjef", "ordfører", "rådmann", "kommunedirektør",
    "faglig", "input", "prosjekt", "nav", "stiftelsen", "senter", "fakultet", "institutt", "avdeling",
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "januar", "februar", "mars",
    "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember", "teams",
    "møtende", "deltakere", "andre", "fraværende", "innkalt", "medlemmer", "observatørar", "sekretariatet",
    "frå", "leiar", "nestleiar", "møteleiar", "til stades", "fråverande", "sjå", "utvalet",
    # nynorsk words that open a sentence or a list, and the weekdays
    "måndag", "tysdag", "laurdag", "sundag", "desse", "dei", "saka", "møtande", "medlemar", "varamedlemar",
    "deltakarar", "gjestar",
}

PARTICLES = {"van", "von", "de", "der", "den", "af", "av", "la", "le", "di", "da"}
# Inside a name in running text, 'av' is too often the preposition to be a particle
NAME_PARTICLES = PARTICLES - {"av"}


# The token patterns of a name, as spaCy's Matcher was given them: a capitalised part, a part inside a
# name (also a given name cut short: 'Jens Chr. Brynhildsen', 'Carl Fr. Holm', 'Stein T.B. Bø'), a
# hyphen, and a particle ('Ole Jacob van der Berg') only before a last capitalised part.
_PART = re.compile(r"^(?:[A-ZÆØÅ][a-zæøåéèüöä'’]+(?:-[A-ZÆØÅ]?[a-zæøåéèüöä'’]+)*-?|[A-ZÆØÅ]\.)$")
_INNER = re.compile(r"^(?:[A-ZÆØÅ][a-zæøåéèüöä'’]+(?:-[A-ZÆØÅ]?[a-zæøåéèüöä'’]+)*-?|[A-ZÆØÅ][a-z]{0,2}\.|"
                    r"(?:[A-ZÆØÅ]\.){2,3})$")
_HYPHENS = ("-", "‐", "–")
# Each token is one letter: P a part (and so inner) that is no particle, Q a part that is a particle
# ('De'), I inner only, H a hyphen, L a particle only, x anything else. The two patterns are then
# regular expressions over those letters.
_NAME_SHAPES = (re.compile(r"[PQ]H?[PQI]H?[PQI]?H?[PQ]?H?[PQ]?[PQ]?"), re.compile(r"[PQ][PQ]?[QL]+[PQ]"))


@lru_cache(maxsize=1 << 16)
def _letter(text: str) -> str:
    if text in _HYPHENS:
        return "H"
    particle = text.lower() in NAME_PARTICLES
    if _PART.search(text):
        return "Q" if particle else "P"
    if _INNER.search(text):
        return "I"
    return "L" if particle else "x"


def _name_spans(letters: str) -> list[tuple[int, int]]:
    """Token spans that match a name pattern, longest first and then leftmost, none overlapping: what
    spaCy's Matcher with greedy='LONGEST' keeps, by start."""
    spans = []
    for run in _NOT_X.finditer(letters):  # no pattern spans a token of neither kind
        for start in range(run.start(), run.end()):
            if letters[start] not in "PQ":
                continue
            # the first pattern is at most ten tokens long; the second as long as its run of particles
            reach = start + 10
            while reach < run.end() and letters[reach - 1] in "QL":
                reach += 1
            spans += _spans_from(letters, start, min(reach, run.end()))
    spans.sort(key=lambda s: (s[1] - s[0], -s[0]), reverse=True)
    taken = [False] * len(letters)
    kept = []
    for start, end in spans:
        if not any(taken[start:end]):
            kept.append((start, end))
            taken[start:end] = [True] * (end - start)
    return sorted(kept)


_NOT_X = re.compile(r"[^x]+")


def _spans_from(letters: str, start: int, reach: int) -> list[tuple[int, int]]:
    return [(start, end) for end in range(start + 1, reach + 1)
            if any(shape.fullmatch(letters, start, end) for shape in _NAME_SHAPES)]


# Words of the vocabulary that are given names too: 'Andre Kramer Orten', but 'Andre deltakere'
_ALSO_GIVEN = {"andre"}


def _clean(tokens: list[str]) -> list[str]:
    # a title before the name: 'Kommunalsjef Bodil Tangen'
    while tokens and (tokens[0].lower() in NOT_NAMES or ORG_WORDS.search(tokens[0]) or is_role(tokens[0])):
        if tokens[0].lower() in _ALSO_GIVEN and len(tokens) >= 3:
            break
        tokens = tokens[1:]
    # a name ends in a full word: 'Kari Hansen Adm.' is a name and a title cut short
    while tokens and (tokens[-1].lower() in NOT_NAMES or tokens[-1] in "-‐–"
                      or re.fullmatch(r"[A-ZÆØÅ][a-z]{1,2}\.", tokens[-1])):
        tokens = tokens[:-1]
    return tokens


# A name is at least two capitalised words in a row; text without that is not worth tokenising.
_TWO_CAPITALS = re.compile(r"[A-ZÆØÅ]\S*[\s\-‐–]+(?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\s+)*[A-ZÆØÅ]")


def find_names(text: str) -> list[tuple[str, int, int]]:
    """People's names in the text, with their character offsets."""
    if not _TWO_CAPITALS.search(text):
        return []
    return list(_names_in(text))


# The readers of lists, prose, officials and stand-ins ask about the same sentences
@lru_cache(maxsize=8192)
def _names_in(text: str) -> tuple[tuple[str, int, int], ...]:
    doc = tokenize(text)
    return names_at(text, doc, _name_spans("".join([_letter(t.text) for t in doc])))


# The forms of a company or public body written after its name: an inter-municipal company (IKS), a health
# trust (HF, RHF), a municipal enterprise (KF), a limited company (AS, ASA), a cooperative (SA, BA)
_COMPANY_FORMS = frozenset({"AS", "ASA", "IKS", "HF", "RHF", "KF", "SA", "BA", "ANS", "DA", "SF"})


def names_at(text: str, doc: Sequence[Token], spans: list[tuple[int, int]]) -> tuple[tuple[str, int, int], ...]:
    """The names in the text, given its tokens and the token spans that match a name's pattern."""
    found: list[tuple[str, int, int]] = []
    for start, end in spans:
        # A dash with a space on both sides separates ('Terje Lund – Haugesund kommune'); a name's
        # hyphen has none before it ('Flo-Groeneboom', OCR's 'Flo- Groeneboom').
        end = next((k for k in range(start + 1, end) if doc[k].text in "-‐–" and doc[k - 1].whitespace_
                    and doc[k].whitespace_), end)
        if end < len(doc) and doc[end].text in _COMPANY_FORMS:
            continue  # 'Fjordane Revisjon IKS', 'Nordvik Energi AS': a company's name before its form
        span = doc[start:end]
        tokens = [t.text for t in span]
        cleaned = _clean(tokens)
        if not cleaned:
            continue
        offset = len(tokens) - len(tokens[tokens.index(cleaned[0]):]) if cleaned[0] in tokens else 0
        first = span[offset]
        name = join_tokens(cleaned)
        if not looks_like_person(name):
            continue
        begin = first.idx
        found.append((name, begin, begin + len(text[begin:].split(cleaned[-1], 1)[0]) + len(cleaned[-1])))
    return tuple(found)


# 'Brekke, Svein (leiar)': surname first, as registers and case systems list people. Only a whole
# entry, so that 'Kari Hansen, Helse Bergen' stays a name and an organisation.
_WORD = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
_INVERTED = re.compile(rf"^\s*(?P<surname>{_WORD}(?:\s+(?:van|von|de|af|av)\s+{_WORD})?),\s*"
                       rf"(?P<given>{_WORD}(?:\s+{_WORD})?(?:\s+[A-ZÆØÅ]\.)?)\s*(?P<rest>\(.*\))?\s*$", re.S)


def surname_first(entry: str) -> bool:
    """'Brekke, Svein' or 'Brekke, Svein (leiar)': the shape of a name written surname first."""
    m = _INVERTED.match(entry)
    return m is not None and not ORG_WORDS.search(m.group("surname") + " " + m.group("given"))


def uninvert(entry: str) -> str:
    """'Brekke, Svein (leiar)' -> 'Svein Brekke (leiar)'; any other text as it is."""
    m = _INVERTED.match(entry)
    if not m or ORG_WORDS.search(m.group("surname") + " " + m.group("given")):
        return entry
    name = f"{m.group('given')} {m.group('surname')}"
    return f"{name} {m.group('rest')}" if m.group("rest") else name


def uninvert_list(text: str) -> str:
    """'Brekke, Svein (leiar); Hovland, Anita' -> 'Svein Brekke (leiar); Anita Hovland'."""
    return "; ".join(uninvert(part) for part in text.split(";"))


def join_tokens(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if tok in "-‐–" or out.endswith(("-", "‐")):
            out += tok if tok not in "‐–" else "-"
        else:
            out += (" " if out else "") + tok
    return out


def clean_name(name: str) -> str:
    """'Elisabeth Flo- Groeneboom' -> 'Elisabeth Flo-Groeneboom'; spaces folded."""
    name = re.sub(r"(\w)-\s+(?=[A-ZÆØÅ])", r"\1-", name)
    return " ".join(name.split())


def looks_like_person(name: str) -> bool:
    """Two to six capitalised words, at most one of them an initial, none an org or vocabulary word."""
    words = [w for w in re.split(r"[\s]+", name.strip()) if w]
    if not 2 <= len(words) <= 6:
        return False
    if ORG_WORDS.search(name):
        return False
    full = [w for w in words if not re.fullmatch(r"[A-ZÆØÅ]\.", w)]
    if len(full) < 2:
        return False
    for w in words:
        if w.lower() in PARTICLES:
            continue
        if not re.fullmatch(r"[A-ZÆØÅ][a-zæøåéèüöä'’]*\.?(?:-[A-ZÆØÅ]?[a-zæøåéèüöä'’]+)*-?|(?:[A-ZÆØÅ]\.){2,3}", w):
            return False
        if w.lower() in _ALSO_GIVEN and w is words[0] and len(words) >= 3:
            continue
        if w.lower().strip(".") in NOT_NAMES and not re.fullmatch(r"[A-ZÆØÅ]\.", w):  # "I." is an initial
            return False
    return True


def same_person(a: str | None, b: str | None) -> bool:
    """Two spellings of one name within a document: folded equal, or one is the other with initials."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    ta, tb = fa.split(), fb.split()
    return ta[0] == tb[0] and ta[-1] == tb[-1]


def proper_noun(text: str) -> bool:
    """'Deloitte', 'Statsforvaltaren i Vestland': next to a person's name and neither a role nor a
    person, a capitalised phrase names where the person comes from."""
    return (bool(re.fullmatch(r"[A-ZÆØÅ][\wæøåÆØÅ&.-]+(?:\s+[\wæøåÆØÅ&.-]+){0,5}", text.strip()))
            and not is_role(text) and not find_names(text))


# Words that stand alone, capitalised, where a list of first names could be: answers, headings and
# group nouns. A lone word is only read as a name inside a list a label announced.
_NOT_LONE_NAMES = {
    "godkjent", "enstemmig", "agenda", "saksliste", "eventuelt", "styret", "administrasjonen", "ledelsen",
    "ingen", "alle", "hele", "samtlige", "ukjent", "dato", "tid", "sted", "protokoll", "innkalling", "merknad",
    "merknader", "kommentar", "se", "jf", "nei", "ja", "sekretariatet", "stemmeberettigede", "andre", "gjester",
    "observatorer", "tilstede", "fravaer", "mangler", "forfall", "signatur", "underskrift", "vedlegg", "ikke",
}
_LONE = re.compile(r"[A-ZÆØÅ][a-zæøåéèüöäëï'’]+(?:-[A-ZÆØÅ][a-zæøåéèüöäëï'’]+)?")


def lone_name(text: str) -> str | None:
    """'Christina', 'Per-Arne': one capitalised word that is not of the minutes' vocabulary, an
    organisation or a title. Only for an entry of a list of people, where clubs and student boards
    write first names alone."""
    word = text.strip(" .,;:")
    if not _LONE.fullmatch(word) or ORG_WORDS.search(word) or is_role(word):
        return None
    if word.lower() in NOT_NAMES or fold(word) in _NOT_LONE_NAMES:
        return None
    return word


def list_names(text: str) -> list[tuple[str, int, int]]:
    """The people an entry of a list names: full names, else a first name alone ('Pia (har vikar)')."""
    found = find_names(text)
    if found:
        return found
    m = re.match(r"^\s*(\S+)\s*(?=\(|$|[,–-]\s)", text)
    name = lone_name(m.group(1)) if m else None
    if m is None or name is None:
        return []
    start = text.index(name)
    return [(name, start, start + len(name))]
