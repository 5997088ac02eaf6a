"""References to cases of other bodies, with the body named in the many ways minutes name it."""

import pytest

from referat.extract.references import read_references


@pytest.mark.parametrize(("text", "expected"), [
    ("Oppfølging av sak 24-23 fra Styringsgruppen.", [("Styringsgruppen", "24-23")]),
    ("Oppfølging av sak 11/22 fra Faggruppe for eldre.", [("Faggruppe for eldre", "11-22")]),
    ("jf. sak 3/24 fra Ungdomsråd for helse og omsorg i mai", [("Ungdomsråd for helse og omsorg", "03-24")]),
    # the 'for' belongs to the sentence, not to a body named in the definite form
    ("Oppfølging av sak 24-23 fra Styringsgruppen for videre arbeid", [("Styringsgruppen", "24-23")]),
    ("Saken ble behandlet i Partnermøtets sak 10/25 i fjor.", [("Partnermøtet", "10-25")]),
    ("jfr. sak 35-23 fra sist møte.", [(None, "35-23")]),
    # councils in lower case, as running text writes them; a bare 'styret' is most likely the own board
    ("Rådet drøftet forslaget, jf. PS 45/24 i kommunestyret.", [("Kommunestyret", "45-24")]),
    ("Se sak 3/24 i formannskapet og sak 4/24 i bystyret", [("Formannskapet", "03-24"), ("Bystyret", "04-24")]),
    ("jf. sak 12/24 i styret", [(None, "12-24")]),
    ("jfr. styresak 9/2024", [(None, "09-24")]),
    # the body before the number, a date or 'som' between
    ("Tidligere behandlet i Kommunestyret 14.03.2024, sak 22/24.", [("Kommunestyret", "22-24")]),
    ("Saken ble behandlet i Arbeidsutvalget 12. mars (sak 08/24).", [("Arbeidsutvalget", "08-24")]),
    ("Innstilling fra Formannskapet i sak 45/24 ble vedtatt.", [("Formannskapet", "45-24")]),
    # but not across a clause that goes on to say something else
    ("Forslag fra Styringsgruppen ble drøftet, og det vises til sak 12/24.", [(None, "12-24")]),
    # two bodies sharing their last part: "Plan- og miljøutvalget"
    ("Behandlet der, jf. PS 31/24 i Plan- og miljøutvalget.", [("Plan- og miljøutvalget", "31-24")]),
    # Nynorsk: 'frå', and the definite 'Styringsgruppa'
    ("Sjå sak 4/24 frå Styringsgruppa.", [("Styringsgruppa", "04-24")]),
    ("Saka vart drøfta i Fylkestinget, sak 12/24.", [("Fylkestinget", "12-24")]),
    # an adjective and a bare noun name a body; a company is not one
    ("jf. sak 7/24 i Regionalt utvalg", [("Regionalt utvalg", "07-24")]),
    ("jf. sak 5/24 i selskapet", [(None, "05-24")]),
    # an archive file is no case: 'Saksnr. 2023/981' under a university board's heading
    ("Saksnr. 2023/981 Prorektor innledet, jf. sak 4/24.", [(None, "04-24")]),
])
def test_reference_and_its_body(text: str, expected: list):
    assert [(r.body, r.number) for r in read_references(text, "01-24", 1, 1)] == expected


def test_a_council_named_in_lower_case_before_a_date_and_the_number():
    refs = read_references("I bystyret 02.10.25, sak 81/2025 ble forslaget om gatebruk behandlet.", "04-26", 1, 1)
    assert [(r.body, r.number) for r in refs] == [("Bystyret", "81-25")]


def test_the_cases_own_treatment_is_no_reference():
    assert read_references("Bystyrets behandling av sak 7/2026 i møte den 25.03.2026:", "07-26", 1, 1) == []
    # another body's case of the same number is one
    refs = read_references("Forslaget kom fra Arbeidsgruppens møte 9. februar (sak 07-26).", "07-26", 1, 1)
    assert [(r.body, r.number) for r in refs] == [("Arbeidsgruppen", "07-26")]


def test_points_of_the_same_meeting_in_minutes_that_number_within_it():
    text = "Leder sa at punkt 6 i den opprinnelige sakslisten utgår, og at sak 2 tas etter sak 4. Se punkt 3 i avtalen."
    assert [(r.body, r.number) for r in read_references(text, "1", 1, 1)] == [(None, "6"), (None, "2"), (None, "4")]
    # in minutes whose cases carry a year, a bare number is nothing
    assert read_references(text, "01-24", 1, 1) == []


@pytest.mark.parametrize(("text", "expected"), [
    # nynorsk: whose case said with 'si' and 'sitt', 'handsama i', a case treated elsewhere and seen again
    ("jf. Kontrollutvalet si sak 14/23", [("Kontrollutvalet", "14-23")]),
    ("Sjå òg sak 12/24 og Plan- og bygningsutvalet si handsaming i sak 18/24.",
     [(None, "12-24"), ("Plan- og bygningsutvalet", "18-24")]),
    ("Saka vart handsama i formannskapet 4. juni, jf. sak 33/24 i formannskapet.", [("Formannskapet", "33-24")]),
    ("Formannskapet sitt vedtak i sak 45/24 vart sendt vidare.", [("Formannskapet", "45-24")]),
    ("Saka er handsama i Formannskapet 12.03.2024, sak 22/24.", [("Formannskapet", "22-24")]),
])
def test_nynorsk_references(text: str, expected: list):
    assert [(r.body, r.number) for r in read_references(text, "01-24", 1, 1)] == expected


def test_the_cases_own_treatment_in_nynorsk_is_no_reference():
    assert read_references("Kommunestyret si handsaming av sak 7/2026 i møte den 25.03.2026:", "07-26", 1, 1) == []


def test_an_archive_number_under_the_heading_is_no_reference(tmp_path):
    from referat.extract import extract_meeting
    from referat.ingest import read_document

    path = tmp_path / "m.txt"
    path.write_text("Protokoll fra møte i universitetsstyret 29.8.2024\n\nSak 69/24 Godkjenning av sakliste\n"
                    "Sak nr. 2024/88\nSaklisten ble godkjent, jf. sak 58/24.\n", encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    assert [(r.number) for r in meeting.items[0].references] == ["58-24"]
