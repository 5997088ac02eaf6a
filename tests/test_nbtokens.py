"""Names are found by a tokenizer of our own (extract/nbtokens.py) and a matcher over its tokens
(names.py). Both replaced spaCy's blank 'nb' pipeline and the Matcher names.py once gave it, which
stay here as the reference: on every line and paragraph of the seeds, the real minutes and our
fixtures, and on random name-like text, the names must be the ones spaCy's pipeline found. spaCy is a
test dependency only, for these comparisons."""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEED_TEXTS
from referat.extract.names import NAME_PARTICLES, find_names, names_at
from referat.extract.nbtokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
# The team's shared folder stands beside the checkout (ROOT.parent / 'shared'), or beside the folder
# of worktrees that holds it.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared")

# Lines that once took thought: dashes with and without spaces, abbreviations kept whole, initials,
# particles, an abbreviation run into a name ('Chr.Brynhildsen'), other whitespace, addresses.
TRICKY = [
    "Terje Lund – Haugesund kommune", "Elisabeth Flo- Groeneboom", "Elisabeth Flo-Groeneboom (leiar)",
    "Stein T.B. Bø, Kari A. Hansen", "Ole Jacob van der Berg", "Universitetet i Bergen– Normann Andersen (PSYK)",
    "Jens Chr.Brynhildsen", "Kari Hansen\nPer Olsen", "Kari  Hansen", "Kari\u00a0Hansen", " Kari Hansen ",
    "Dr. Kari Hansen, Kr.F. (Kari Hansen)", "«Kari Hansen»", "Kari Hansen:-)", "www.Nav.no/Kari Hansen",
    "De Vries, Anne De Vries", "Andre Kramer Orten og Andre deltakere", "Kari O'Neil og Per D’Angelo",
    "Brekke, Svein (leiar); Hovland, Anita", "Per-Arne Ås–Berg", "Kari Hansen.\tPer Olsen...",
    "F.eks. Kari Hansen", "Kari Hansen -\nsekretær", "Mr.Kari Hansen", "Sak 12/23: Kari Hansen (Ap.)",
    "Møtte: Kari Bø. Per Ås.", "Kari Hansen Ap. og Per Olsen Sp.", "Kari Hansen Kr.F., Per Olsen (Frp.)",
]
# Where we find better names than spaCy did, on purpose. Its Norwegian rules split 'Fr.', a given name
# cut short, from its period, which made 'Carl Fr' a name and left 'Holm' out. It split 'D’Angelo' at
# the apostrophe and found 'Angelo Hansen'; we keep the word whole, and as names.py's patterns take no
# capital after an apostrophe, find no name rather than a wrong one.
BETTER = {"Jens Chr. Brynhildsen og Carl Fr. Holm": [("Jens Chr. Brynhildsen", 0, 21), ("Carl Fr. Holm", 25, 38)],
          "Per D’Angelo Hansen": []}


def _lines_and_paragraphs(folder: Path) -> list[str]:
    from referat.ingest import read_document

    texts = []
    for path in sorted(folder.glob("*")):
        if path.suffix in (".txt", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            text = read_document(path).raw_text
        else:
            continue
        texts.extend(text.splitlines())
        texts.extend(text.split("\n\n"))
    return texts


@lru_cache(maxsize=1)
def _spacy() -> tuple[Any, Any]:
    """The pipeline names.py used to build: a blank 'nb' pipeline and its rule matcher."""
    spacy = pytest.importorskip("spacy")
    from spacy.matcher import Matcher

    nlp = spacy.blank("nb")
    matcher = Matcher(nlp.vocab)
    part = {"TEXT": {"REGEX": r"^(?:[A-ZÆØÅ][a-zæøåéèüöä'’]+(?:-[A-ZÆØÅ]?[a-zæøåéèüöä'’]+)*-?|[A-ZÆØÅ]\.)$"}}
    inner = {"TEXT": {"REGEX": r"^(?:[A-ZÆØÅ][a-zæøåéèüöä'’]+(?:-[A-ZÆØÅ]?[a-zæøåéèüöä'’]+)*-?|[A-ZÆØÅ][a-z]{0,2}\.|"
                               r"(?:[A-ZÆØÅ]\.){2,3})$"}}
    hyphen = {"TEXT": {"IN": ["-", "‐", "–"]}, "OP": "?"}
    particle = {"LOWER": {"IN": sorted(NAME_PARTICLES)}, "OP": "*"}
    matcher.add("PERSON", [[part, hyphen, inner, hyphen, {**inner, "OP": "?"}, hyphen, {**part, "OP": "?"},
                            hyphen, {**part, "OP": "?"}, {**part, "OP": "?"}],
                           [part, {**part, "OP": "?"}, {**particle, "OP": "+"}, part]], greedy="LONGEST")
    return nlp, matcher


def spacy_names(text: str) -> list[tuple[str, int, int]]:
    """The names spaCy's tokens and matcher gave, cleaned as names.py cleans ours."""
    nlp, matcher = _spacy()
    doc = nlp(text)
    return list(names_at(text, doc, sorted((start, end) for _, start, end in matcher(doc))))


def _differ(texts: list[str]) -> list[tuple[str, list[tuple[str, int, int]], list[tuple[str, int, int]]]]:
    return [(t, find_names(t), spacy_names(t)) for t in dict.fromkeys(texts) if find_names(t) != spacy_names(t)]


def test_names_are_spacys_on_the_tricky_lines():
    assert _differ(TRICKY) == []


def test_names_better_than_spacys():
    for text, names in BETTER.items():
        assert find_names(text) == names != spacy_names(text)


@pytest.mark.parametrize("folder", [ROOT / "data" / "samples", ROOT / "tests" / "data" / "minutes"],
                         ids=["samples", "fixtures"])
def test_names_are_spacys_on_our_own_minutes(folder: Path):
    texts = _lines_and_paragraphs(folder)
    assert len(texts) > 500
    assert _differ(texts) == []


@pytest.mark.parametrize("folder", ["seeds", "eval/real/docs"])
def test_names_are_spacys_on_the_shared_minutes(folder: str):
    if not (SHARED / folder).is_dir():
        pytest.skip(f"no shared folder {SHARED / folder} beside the checkout")
    texts = _lines_and_paragraphs(SHARED / folder)
    assert len(texts) > 500
    assert _differ(texts) == []


# Random name-like text: given names and surnames, double-barrelled and OCR-split ones, particles,
# initials, abbreviations, the minutes' own words, punctuation around words. Words are always parted
# by whitespace or a hyphen or dash: where punctuation stands between two letters ('Hansen;Per'),
# spaCy split at some marks and not at others ('Bø'de', 'Per’Per', 'Kari)www.nav.no'), while we split
# at all of them except an apostrophe ('O'Neil'), which finds names spaCy missed and no wrong ones.
# 'Fr.' and 'D’Angelo' are left out: see BETTER.
_WORDS = ["Kari", "Hansen", "Per", "Olsen", "Bø", "Ås", "Øyvind", "Ærlig", "Anne-Lise", "Per-Arne", "Flo-",
          "Groeneboom", "O'Neil", "Brynhildsen", "van", "der", "de", "De", "von", "av", "la",
          "A.", "T.B.", "Chr.", "Dr.", "Mr.", "Ap.", "St.", "Kr.F.", "Adm.", "Jf.", "Kl.", "Sak", "Leder",
          "Andre", "andre", "kommune", "Helse", "Bergen", "møtte", "og", "i", "NAV", "HUS", "12/23", "2024"]
_SEPARATORS = [" ", "  ", "\n", "\t", "\u00a0", " – ", "– ", " —", " - ", "- ", "-", "–", " -\n", ", ", ". ", ": ",
               "; ", " (", ") ", " «", "» ", "). ", '" ', ' "', "... ", " / ", "! ", "? ", ":-) "]
_name_like = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=10)


@settings(max_examples=400, deadline=None)
@given(_name_like)
def test_names_are_spacys_on_random_name_like_text(parts: list[tuple[str, str]]):
    text = "".join(word + separator for word, separator in parts)
    assert find_names(text) == spacy_names(text)


def test_tokens():
    assert [tuple(t) for t in tokenize("Lund –\nBerg")] == [("Lund", 0, " "), ("–", 5, ""), ("\n", 6, ""),
                                                            ("Berg", 7, "")]
    assert [t.text for t in tokenize("(Kari Hansen, Ap.) Jens Chr.Brynhildsen, T.B. Bø.")] == [
        "(", "Kari", "Hansen", ",", "Ap.", ")", "Jens", "Chr.", "Brynhildsen", ",", "T.B.", "Bø", "."]
    assert [t.text for t in tokenize("«Anne-Lise Flo- Ås–Berg» www.nav.no/Kari Hansen... O'Neil")] == [
        "«", "Anne-Lise", "Flo-", "Ås–Berg", "»", "www.nav.no/Kari", "Hansen", "...", "O'Neil"]


def test_names_found():
    assert find_names("Jens Chr. Brynhildsen og Ole Jacob van der Berg, Terje Lund – Haugesund kommune") == [
        ("Jens Chr. Brynhildsen", 0, 21), ("Ole Jacob van der Berg", 25, 47), ("Terje Lund", 49, 59)]
    assert find_names("Kari  Hansen") == []  # two spaces: two columns of a table, not one name
    assert find_names("Møtte: Kari Bø. Per Ås.") == [("Kari Bø", 7, 14), ("Per Ås", 16, 22)]


def test_finding_names_in_a_new_file_imports_no_spacy(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    code = ("import sys\nfrom referat.cli import main\n"
            f"sys.argv = ['referat', 'ingest', {str(SEED_TEXTS[0])!r}, '--db', {str(db)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('spacy', 'thinc') if m in sys.modules], 'referat.extract.names' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["[] True"]
    assert "1 loaded" in run.stderr
