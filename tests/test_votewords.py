"""The vote vocabulary, word by word: each entry read where minutes use it, bokmål and nynorsk."""

from pathlib import Path

import pytest

from referat.extract.tallies import read_outcome, read_tallies
from referat.extract.votewords import (
    ABSTAIN_WORDS,
    APPROVED_WORDS,
    CASTING_WORDS,
    NUMBERS,
    REJECTED_WORDS,
    UNANIMOUS_WORDS,
    VOTED_IN_WORDS,
    VOTED_WORDS,
)


@pytest.mark.parametrize("word", VOTED_IN_WORDS)
def test_a_verdict_alone_is_an_outcome(word: str):
    outcome = read_outcome(f"{word.capitalize()} mot 3 stemmer.")
    assert outcome is not None and (outcome.outcome, outcome.votes_against) == ("adopted", 3)


@pytest.mark.parametrize("word", APPROVED_WORDS)
def test_an_approval_is_a_vote_only_said_of_a_proposal(word: str):
    assert read_outcome(f"{word.capitalize()}.") is None
    outcome = read_outcome(f"Innstillingen ble {word}.")
    assert outcome is not None and (outcome.proposal, outcome.outcome) == ("innstillingen", "adopted")


@pytest.mark.parametrize("word", REJECTED_WORDS)
def test_rejected(word: str):
    outcome = read_outcome(f"Forslaget {word}.")
    assert outcome is not None and outcome.outcome == "rejected"


@pytest.mark.parametrize("word", ["ikke", "ikkje"])
def test_not_adopted(word: str):
    outcome = read_outcome(f"Dermed ble forslaget {word} vedtatt.")
    assert outcome is not None and outcome.outcome == "rejected"


@pytest.mark.parametrize("word", UNANIMOUS_WORDS)
def test_unanimous(word: str):
    outcome = read_outcome(f"Innstillingen ble {word} vedtatt.")
    assert outcome is not None and (outcome.unanimous, outcome.votes_against) == (True, 0)


@pytest.mark.parametrize("word", CASTING_WORDS)
def test_casting_vote(word: str):
    outcome = read_outcome(f"Forslaget ble vedtatt med leders {word}.")
    assert outcome is not None and outcome.casting


@pytest.mark.parametrize("word", VOTED_WORDS)
def test_tally_verbs(word: str, tmp_path: Path):
    tallies, _ = read_tallies(_block(tmp_path, f"Imot forslaget {word} 2: Kari Nordmann (H), Per Li (V)."))
    assert [(t.side, t.count, [v.name for v in t.voters]) for t in tallies] == [
        ("against", 2, ["Kari Nordmann", "Per Li"])]


@pytest.mark.parametrize("word", ABSTAIN_WORDS)
def test_abstaining(word: str, tmp_path: Path):
    tallies, _ = read_tallies(_block(tmp_path, f"{word.capitalize()}: 3"))
    assert [(t.side, t.count) for t in tallies] == [("abstain", 3)]


@pytest.mark.parametrize(("word", "value"), sorted(NUMBERS.items()))
def test_counts_in_words(word: str, value: int):
    outcome = read_outcome(f"Vedtatt mot {word} stemmer.")
    assert outcome is not None and outcome.votes_against == value


def test_in_that_case_is_no_verdict():
    assert read_outcome("Forslaget må i så fall utredes nærmere.") is None
    assert read_outcome("Forslaget blir dyrere i så fall.") is None
    outcome = read_outcome("Framlegget fekk 2 røyster og fall.")
    assert outcome is not None and outcome.outcome == "rejected"


def _block(tmp_path: Path, text: str):
    from referat.extract.blocks import build_blocks
    from referat.ingest import read_document

    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    [block] = build_blocks(read_document(path))
    return block
