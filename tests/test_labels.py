"""Labels OCR damaged, put back; everything else left as it is."""

import pytest

from referat.extract.labels import VOTE_RECORD, repair_label
from referat.extract.votewords import (
    APPROVED_WORDS,
    FELL_WORDS,
    REJECTED_WORDS,
    TAKEN_WORDS,
    VOTED_IN_WORDS,
    VOTED_WORDS,
)
from referat.folding import lookalike_forms


@pytest.mark.parametrize(("text", "repaired"), [
    ("Ti1 stede: Hans Rød", "Til stede: Hans Rød"), ("Forfa11: Randi Hope", "Forfall: Randi Hope"),
    ("Vedtalc: Klagen tas til følge.", "Vedtak: Klagen tas til følge."), ("Vcdtak:", "Vedtak:"),
    ("MGTEDATO : 12.03.2024", "MØTEDATO : 12.03.2024"), ("M0tt: Kari", "Møtt: Kari"),
    # clean labels, and what is no label, stay as written
    ("Til stede: Hans Rød", "Til stede: Hans Rød"), ("Helse Bergen: Kari Lund", "Helse Bergen: Kari Lund"),
    ("Vedtatt: Planen", "Vedtatt: Planen"), ("Kl. 10: Lunsj", "Kl. 10: Lunsj"),
])
def test_repair_label(text: str, repaired: str):
    assert repair_label(text) == repaired


def test_lookalike_forms_undo_one_kind_of_damage_or_all():
    assert {"vedtak", "vedtalc"} <= lookalike_forms("Vedtalc")
    assert "tilstede" not in lookalike_forms("Ti1 stede") and "til stede" in lookalike_forms("Ti1 stede")


@pytest.mark.parametrize(("text", "repaired"), [
    ("Vedtalc", "Vedtak"), ("VEDTALC", "VEDTAK"), ("Innsti1ling", "Innstilling"),
    # a word alone that is no label stays as it is
    ("Godkjent", "Godkjent"), ("Styret", "Styret"), ("Vedtatt", "Vedtatt"),
])
def test_repair_a_label_alone_on_its_line(text: str, repaired: str):
    assert repair_label(text) == repaired


@pytest.mark.parametrize("word", VOTED_WORDS)
def test_a_tally_in_any_of_the_vote_readers_verbs_is_a_vote_record(word: str):
    """The decision reader leaves to the vote reader every tally the vote reader reads: 'For framlegget
    røysta 3' (nynorsk) as 'For forslaget stemte 3'."""
    assert VOTE_RECORD.match(f"For framlegget {word} 3: Kari Vik (H), Per Li (V), Eva Ås (SV).")
    assert VOTE_RECORD.match(f"Høyre {word} mot forslaget.")


@pytest.mark.parametrize("word", [*TAKEN_WORDS, *FELL_WORDS])
def test_a_verdict_reported_as_taken_is_a_vote_record(word: str):
    said = f"Rådmannens innstilling ble {word}." if word in TAKEN_WORDS else f"Framlegget {word} mot 3 røyster."
    assert VOTE_RECORD.match(said)
    # a verdict the vote reader reads: every word is in its vocabulary
    assert word in {*VOTED_IN_WORDS, *APPROVED_WORDS, *REJECTED_WORDS} or word == "fall"


@pytest.mark.parametrize("text", ["Innstillingen vedtas.", "Rådmannens innstilling godkjennes.",
                                  "Styret vedtok budsjettet.", "Forslag til vedtak: Planen godkjennes."])
def test_the_decision_itself_is_no_vote_record(text: str):
    assert not VOTE_RECORD.match(text)


@pytest.mark.parametrize("text", [
    "Kommunedirektøren si tilråding vart vedteken med 6 mot 3 røyster.",
    "Tilrådinga frå kommunedirektøren vart samrøystes vedteken.",
    "Kommunedirektøren sitt framlegg vart vedteke mot 2 røyster.",
    "Rådmannens forslag til vedtak ble enstemmig vedtatt.",
])
def test_a_recommendation_or_an_owned_proposal_reported_as_taken_is_a_vote_record(text: str):
    """Nynorsk says whose a recommendation is with 'si' and 'sitt'; a proposal with its owner is as much the
    record of a vote as a recommendation is. 'Forslaget ble vedtatt' alone may be all the decision there is."""
    assert VOTE_RECORD.match(text)
    assert not VOTE_RECORD.match("Forslaget ble vedtatt.") and not VOTE_RECORD.match("Framlegget vart vedteke.")


@pytest.mark.parametrize(("text", "repaired"), [
    ("Fråvcrande: Per Lie", "Fråverande: Per Lie"), ("Møte1eiar: Kari Vik", "Møteleiar: Kari Vik"),
    ("Handsarning", "Handsaming"),
])
def test_repair_a_nynorsk_label(text: str, repaired: str):
    assert repair_label(text) == repaired
