"""People the prose names: who stood in for whom, and who presented a case."""

from pathlib import Path

from referat.extract import extract_meeting
from referat.ingest import read_document

PROSE = """Referat fra møte i Eldrerådet

Dato: 12.06.2024

Til stede: Eva Dahl

Forfall: Knut Lie (FFO)

{sentence}

Sak 13/24 Høring
{case}
Vedtak: Rådet støtter planen.
"""


def _people(tmp_path: Path, sentence: str, case: str = "Rådet drøftet saken.") -> dict[str, tuple]:
    path = tmp_path / "m.txt"
    path.write_text(PROSE.format(sentence=sentence, case=case), encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    return {a.name: (a.category.value, a.status.value, a.substitute_for, a.organisation, a.role, a.items)
            for a in meeting.attendance}


def test_for_the_member_came_the_substitute(tmp_path: Path):
    people = _people(tmp_path, "For Knut Lie møtte Turid Lunde (FFO).")
    assert people["Knut Lie"][:3] == ("member", "substituted", None)
    assert people["Turid Lunde"][:4] == ("substitute", "present", "Knut Lie", "FFO")


def test_the_subject_who_presents_a_case_is_its_guest(tmp_path: Path):
    people = _people(tmp_path, "", case="Kommunalsjef Per Arne Lid orienterte om planen.")
    assert people["Per Arne Lid"] == ("guest", "present", None, None, "Kommunalsjef", ["13-24"])


def test_a_guest_for_the_case_the_sentence_stands_in(tmp_path: Path):
    people = _people(tmp_path, "", case="Under denne saken deltok Kari Vikane fra Helse Bergen.")
    assert people["Kari Vikane"] == ("guest", "present", None, "Helse Bergen", None, ["13-24"])


GENERAL_MEETING = """Protokoll fra årsmøte i Båtforeningen 14. mars 2024

Møtet ble holdt i klubbhuset, og innkallingen var sendt ut til alle medlemmer i god tid før møtet.

1 Valg av møteleder
Styret foreslår Gunnar Moe.
Valgt ved akklamasjon.

2 Valg av referent og to til å underskrive protokollen
Liv Aune melder seg som referent. Styret foreslo Tone Rud og Arne Berg.

3 Valg av styre
Styret foreslår Kjell Sand som leder. Valgt.

4 Regnskap
Kasserer Mona Lie la fram regnskapet, som ble godkjent.

Ved protokollen: Liv Aune

Gunnar Moe, møteleder

Ida Holm

Referent

Gunnar

Møteleder
"""


def test_the_meetings_officials_are_present(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text(GENERAL_MEETING, encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    people = {a.name: (a.category.value, a.status.value, a.role) for a in meeting.attendance}
    # the board member elected under 'Valg av styre' is the subject of a case, not an official
    assert {k: v for k, v in people.items() if k != "Mona Lie"} == {
        "Gunnar Moe": ("member", "present", "møteleder"), "Liv Aune": ("secretariat", "present", None),
        "Ida Holm": ("secretariat", "present", "referent"),
        "Tone Rud": ("member", "present", "underskrive protokollen"),
        "Arne Berg": ("member", "present", "underskrive protokollen")}


def test_one_who_gives_a_report_in_a_case_is_its_guest(tmp_path: Path):
    people = _people(tmp_path, "", case="Daglig leder, Per Arne Lid ga en statusrapport fra selskapet.")
    assert people["Per Arne Lid"][:2] == ("guest", "present")
    assert people["Per Arne Lid"][5] == ["13-24"]


def test_a_substitute_joins_the_case_a_member_left(tmp_path: Path):
    people = _people(tmp_path, "", case="Eva Dahl ble erklært inhabil og fratrådte.\n\n"
                                        "Vararepresentant Turid Lunde tiltrådte møtet under behandling av denne saken.")
    assert people["Turid Lunde"][:3] == ("substitute", "present", "Eva Dahl")
    assert people["Eva Dahl"][:2] == ("member", "present")


def test_one_elected_is_no_attendee(tmp_path: Path):
    people = _people(tmp_path, "", case="Som ny vara til eldrerådet velges: Tor Berg")
    assert "Tor Berg" not in people


def test_one_named_only_as_stood_in_for_is_substituted(tmp_path: Path):
    people = _people(tmp_path, "Tone Vik stilte for Odd Lie.")
    assert people["Tone Vik"][:3] == ("substitute", "present", "Odd Lie")
    assert people["Odd Lie"][:2] == ("member", "substituted")


def test_in_nynorsk_the_substitute_came_in_the_members_place(tmp_path: Path):
    people = _people(tmp_path, "Turid Lunde (FFO) møtte i staden for Knut Lie.")
    assert people["Knut Lie"][:3] == ("member", "substituted", None)
    assert people["Turid Lunde"][:4] == ("substitute", "present", "Knut Lie", "FFO")


def test_a_guest_for_this_case_and_a_presenter_in_nynorsk(tmp_path: Path):
    people = _people(tmp_path, "", case="Under handsaminga var Jostein Bårdsen frå Vestland fylkeskommune til stades. "
                                         "Kommunalsjef Per Arne Lid gjekk gjennom planen.")
    assert people["Jostein Bårdsen"] == ("guest", "present", None, "Vestland fylkeskommune", None, ["13-24"])
    assert people["Per Arne Lid"][:2] == ("guest", "present")


def test_away_without_a_substitute_names_no_substitute(tmp_path: Path):
    people = _people(tmp_path, "Sigrid Moe (LHL) hadde forfall utan vara.")
    assert people["Sigrid Moe"][:2] == ("member", "absent")


def test_the_staff_in_a_sentence_of_its_own(tmp_path: Path):
    people = _people(tmp_path, "Fra administrasjonen møtte daglig leder Turid Askvik og rådgiver Ola Skeie.")
    assert people["Turid Askvik"] == ("secretariat", "present", None, None, "daglig leder", [])
    assert people["Ola Skeie"] == ("secretariat", "present", None, None, "rådgiver", [])
