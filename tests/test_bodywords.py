"""The vocabulary of body nouns and the two forms every reader derives from it."""

import re

import pytest

from referat import bodywords
from referat.bodywords import definite_form, meeting_of


@pytest.mark.parametrize(("name", "expected"), [
    ("Arbeidsgruppe", "Arbeidsgruppen"),
    ("Partnermøte", "Partnermøtet"),
    ("Helse- og omsorgsutvalg", "Helse- og omsorgsutvalget"),
    ("Komité", "Komiteen"),  # the accent goes in the definite form
    ("Kollegium", "Kollegiet"),
    ("Forum", "Forumet"),
    ("Fylkesting", "Fylkestinget"),
    # a bare noun after an adjective is a name as it stands
    ("Faglig forum", "Faglig forum"),
    ("Faglig råd", "Faglig råd"),
    # already definite, or no body noun at the end
    ("Styringsgruppen", "Styringsgruppen"),
    ("Faggruppe for eldre", "Faggruppe for eldre"),
])
def test_definite_form(name: str, expected: str):
    assert definite_form(name) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("styremøte", "Styret"),
    ("Styringsgruppemøte", "Styringsgruppen"),
    ("rådsmøte", "Rådet"),  # the joining 's'
    ("utvalgsmøte", "Utvalget"),
    ("representantskapsmøte", "Representantskapet"),
    ("nemndsmøte", "Nemnda"), ("styremøtet", "Styret"),
    ("Dialogmøte", None),  # a meeting named for what it is, not for a body
    ("møte", None),
    ("neste møte", None),
])
def test_meeting_of(word: str, expected: str | None):
    assert meeting_of(word) == expected


def test_longer_forms_are_tried_first():
    # 'utvalget' must not stop at 'utvalg', nor 'utvalet' at 'utval'
    assert re.fullmatch(rf"Arbeids(?:{bodywords.ANY_FORM})", "Arbeidsutvalget")
    assert re.match(rf"Arbeids(?P<noun>{bodywords.ANY_FORM})", "Arbeidsutvalet").group("noun") == "utvalet"
    assert re.match(rf"Styrings(?P<noun>{bodywords.DEFINITE})", "Styringsgruppa").group("noun") == "gruppa"


def test_every_definite_form_is_a_form_of_a_listed_noun():
    for noun, definite in bodywords.NOUNS.items():
        assert definite_form(noun.capitalize()) == definite.capitalize()
    assert set(bodywords.VARIANTS.values()) <= set(bodywords.NOUNS)


@pytest.mark.parametrize(("word", "expected"), [
    ("Generalforsamling", "Generalforsamlingen"), ("ÅRSMØTE", "Årsmøtet"), ("årsmøtet", "Årsmøtet"),
    ("foretaksmøte", "Foretaksmøtet"),
    ("stormøte", None), ("styremøte", None),  # a meeting's form, and a body's meeting, are not assemblies
])
def test_assembly(word: str, expected: str | None):
    assert bodywords.assembly(word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Referat fra Partnermgte", "Referat fra Partnermøte"), ("REFERAT FRA MGTE", "REFERAT FRA MØTE"),
    ("styrem@te", "styremøte"), ("Ekstraordinært årsrngte", "Ekstraordinært årsmøte"),
    ("rnøtet", "møtet"),
    # only a body noun's ending, and only letters OCR confuses with its own
    ("Konrad", "Konrad"), ("Remote", "Remote"), ("Sted: Rom 203", "Sted: Rom 203"), ("Trangte", "Trangte"),
])
def test_ocr_damage_in_body_nouns_is_put_back(text: str, expected: str):
    assert bodywords.repair_ocr(text) == expected
