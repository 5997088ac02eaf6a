"""The meeting body from a title, and roles and organisations next to a name."""

import pytest

from referat.extract.blocks import build_blocks
from referat.extract.header import read_header
from referat.extract.names import proper_noun
from referat.extract.roles import is_role
from referat.ingest import read_document


@pytest.mark.parametrize(("title", "body"), [
    ("Referat fra møte i Styringsgruppen", "Styringsgruppen"),
    ("Referat fra møte i Faggruppe for eldre", "Faggruppe for eldre"),
    # a board's meeting in a company is the board's: the company is its owner, not its name
    ("Protokoll fra styremøte i Vestlandsklyngen AS", "Styret"),
    ("Referat fra styringsgruppemøte 3. mai", "Styringsgruppen"),
    ("Protokoll fra representantskapsmøte i IKA Vest", "Representantskapet"),
    # unless the title names the body itself
    ("Referat fra rådsmøte i Eldrerådet", "Eldrerådet"),
    ("REFERAT\n\nBrukerrådet ved Haugesund sjukehus", "Brukerrådet"),
    ("Møtereferat\n\nEldrerådet i Os kommune", "Eldrerådet"),
    # the body's name over the title, with its field
    ("Rådet for eldre og personer med funksjonsnedsettelse\n\nMøtereferat",
     "Rådet for eldre og personer med funksjonsnedsettelse"),
    ("KONTROLLUTVALGET I ASKØY\n\nMøtereferat", "Kontrollutvalget"),
    ("MØTEPROTOKOLL\n\nFormannskapet", "Formannskapet"),
    # the meeting alone, or a summary of it
    ("Møte i Brukerutvalget 10.09.2024", "Brukerutvalget"), ("Styremøte i Helse Vest RHF", "Styret"),
    ("Sammendrag fra møte i Regionalt brukerutvalg", "Regionalt brukerutvalg"),
    ("Møte i dag ble avlyst", None), ("Notat om budsjettet", None),
    # how the meeting was called is not what met
    ("Protokoll fra ekstraordinært styremøte 9. mai 2023", "Styret"),
    # an assembly is its own organ, whoever holds it
    ("Protokoll fra ekstraordinært årsmøte onsdag 4. 10. 2017.", "Årsmøtet"),
    ("Generalforsamling i Kodeklubben 28.03.2019", "Generalforsamlingen"),
    ("Referat\n\nGeneralforsamling\n\n2. mai 2019", "Generalforsamlingen"),
    ("PROTOKOLL FRA FORETAKSMØTE I HELSE MIDT RHF", "Foretaksmøtet"),
    # a meeting named for its form is no organ
    ("Stormøte 3. mars", None),
    # the body's own meeting, and an extract of its treatment of a case
    ("Hovedstyrets budsjettmøte", "Hovedstyret"), ("Hovedstyrets siste-møte-før-jul", "Hovedstyret"),
    ("Hovedutvalg kultur og idretts behandling av sak 12/2024 i møte den 04.03.2024:", "Hovedutvalg kultur og idrett"),
    ("Valgprotokoll for stemmestyret", "Stemmestyret"), ("Valprotokoll for valstyret", "Valstyret"),
    # the body's meeting first in the title, numbered, or in its definite form
    ("Styremøte 2/2022 – Nordre Vel", "Styret"), ("Referat fra styremøte nr. 4 2023", "Styret"),
    ("Referat fra styremøtet 2. februar 2023", "Styret"),
    ("STYREMØTE", "Styret"),
    # the owner after 'for' is not part of the name, a field in lower case is
    ("Referat fra møte i styret for Bergen Turlag", "Styret"), ("REFERAT PARTNERMØTE – ALREK", "Partnermøte"),
    # a kind of meeting is no organ ('stormøte' in lower case), a name is ('Partnermøtet')
    ("Referat fra stormøte 17.02.2026", None), ("Referat fra dialogmøte med kommunen", None),
    ("Referat fra dialogmøte i Bergen kommune", None), ("Referat fra Partnermøtet 12.03.2024", "Partnermøtet"),
    ("MØTEREFERAT\n\nMøte i: Driftsstyret", "Driftsstyret"),
    # the meeting's number in its year before the body
    ("Protokoll fra møte nr. 4/2024 i universitetsstyret", "Universitetsstyret"),
    ("Protokoll fra møte 5/2020 i universitetsstyret (ekstraordinært møte)", "Universitetsstyret"),
    # how the board met is no part of its name; nor the company after it; the body's genitive after 'Protokoll fra'
    ("Protokoll fra telefonstyremøte 3. april 2024", "Styret"), ("Referat fra telefonmøte i styret", "Styret"),
    ("Møteprotokoll styret Havnevik Energi AS", "Styret"), ("Protokoll, styremøte 12.03.2024", "Styret"),
    ("Protokoll fra Universitetsstyrets møte 20. juni 2024", "Universitetsstyret"),
    # OCR damage in the body noun
    ("Referat fra Partnermgte 12. rnars 2024", "Partnermøte"), ("Protokoll fra styrem@te 1. april 2024", "Styret"),
    ("REFERAT FRA MGTE I PARTNERSKAPSRÅDET", "Partnerskapsrådet"),
    # nynorsk titles
    ("Protokoll frå møte i Kontrollutvalet", "Kontrollutvalet"), ("MØTEBOK – Eldrerådet", "Eldrerådet"),
    ("Møteprotokoll for Levekårsutvalet", "Levekårsutvalet"), ("PROTOKOLL FRÅ STYREMØTE I HELSE FONNA HF", "Styret"),
    ("Utskrift av møtebok for Formannskapet", "Formannskapet"),
    ("Særutskrift frå møtebok for Kommunestyret", "Kommunestyret"),
    ("Formannskapet si handsaming av sak 12/2024 i møte den 04.03.2024:", "Formannskapet"),
    # a dash or a colon between the record and the meeting
    ("Referat – møte i arbeidsutvalget for Fjordklyngen", "Arbeidsutvalget"),
    ("Referat: møte i styret 3. mai 2023", "Styret"),
])
def test_body_from_title(tmp_path, title: str, body: str | None):
    path = tmp_path / "m.txt"
    path.write_text(title + "\n\nDato: 1.2.2024\n", encoding="utf-8")
    assert read_header(build_blocks(read_document(path)))["body"] == body


@pytest.mark.parametrize(("text", "role"), [
    ("leder", True), ("klinikksjef", True), ("HR-konsulent", True), ("avdelingsoverlege", True),
    ("kommunalsjef helse", True), ("Helse Bergen", False), ("Universitetet i Bergen, leder", False),
    ("Bergen leder", False), ("kommunens rådgiver", True),
    # nynorsk titles, and whose they are said with 'sin'
    ("Ordførar", True), ("Administrerande direktør", True), ("sakshandsamar", True), ("einingsleiar", True),
    ("kommunen sin representant", True), ("fungerande kommunalsjef", True), ("Myrvoll skule", False),
    # who elected a board's member
    ("Ansattvalgt styremedlem", True), ("eksternt medlem", True), ("tilsettvald styremedlem", True),
    ("Administrerande direktør", True),
])
def test_is_role(text: str, role: bool):
    assert is_role(text) is role


@pytest.mark.parametrize(("text", "org"), [
    ("Deloitte", True), ("Statsforvaltaren i Vestland", True),
    ("klinikksjef", False), ("Kari Nordmann", False),
])
def test_proper_noun(text: str, org: bool):
    assert proper_noun(text) is org


def test_labels_over_their_values(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("# Referat\n\n| Utvalg | Møtedato | Tid | Sted |\n|---|---|---|---|\n"
                    "| Klima- og miljøutvalget | 14.03.2024 | 18:00–20:30 | Rådhuset |\n", encoding="utf-8")
    header = read_header(build_blocks(read_document(path)))
    assert (header["body"], header["date"], header["start_time"], header["end_time"], header["location"]) == (
        "Klima- og miljøutvalget", "2024-03-14", "18:00", "20:30", "Rådhuset")


@pytest.mark.parametrize(("text", "fields"), [
    # a time and a place in the title's prose; a phone line is no place
    ("Protokoll fra styremøte 9. mai 2023 klokka 13 på Brygga eller per telefon\n\nSak 1/23 Budsjett\n",
     ("2023-05-09", "13:00", None, "Brygga")),
    # the owner before the date, the place after it
    ("Det ble avholdt møte i representantskapet i Vannverket IKS 13. april 2018 i Skien.\n",
     ("2018-04-13", None, None, "Skien")),
    ("Protokoll fra årsmøte torsdag 6. 12. 2018.\n\nMøtet ble holdt i foreningens lokaler\n\n1. Valg av møteleder\n",
     ("2018-12-06", None, None, "foreningens lokaler")),
    ("Møte i Fordelingsutvalget\n\n3. mars 2024, kl. 16:15 på Biblioteket\n",
     ("2024-03-03", "16:15", None, "Biblioteket")),
    # the end as the minutes close it; an 'kl.' after 'hevet' is no start
    ("Møte i Fordelingsutvalget\n\n27. november 2015 kl 12:15\n\n6. Eventuelt\n\nMøtet hevet kl. 13.37\n",
     ("2015-11-27", "12:15", "13:37", None)),
    ("Referat\n\nGeneralforsamling\n\n1. april 2014\n\nGeneralforsamlingen heves klokken 01:02.\n",
     ("2014-04-01", None, "01:02", None)),
    # a place after the time in a time field
    ("Styremøte\n\nDato: 03.02.2015\n\nMøtetidspunkt: 14:15 rom 054 realfagbygget\n",
     ("2015-02-03", "14:15", None, "rom 054 realfagbygget")),
    ("Valgprotokoll for stemmestyret\n\nÅpningstid: 09:00 - 21:00\n\nValget ble avholdt mandag 9. september 2019\n",
     ("2019-09-09", "09:00", "21:00", None)),
    # a date with a space before the year; the agenda's dates come after the title's
    ("Referat fra Fordelingsutvalgmøte 05.09 2013\n\nAgenda\n\n6. Låneavtale 16.08.2013\n",
     ("2013-09-05", None, None, None)),
    # a time that ends its sentence
    ("Styremøte i Tennisklubben\n\nOnsdag 3. mai 2023\n\nMøtet startet kl. 18.00.\n\nMøtet ble avsluttet kl. 20.30.\n",
     ("2023-05-03", "18:00", "20:30", None)),
    # another meeting set in the text gives neither date nor time
    ("Møte i Fordelingsutvalget\n\nAllmøte\nDet vedtas at allmøtet holdes 19. februar 2015 kl. 16.15. Lise ringer.\n",
     (None, None, None, None)),
    ("Referat fra møte i Kontrollutvalget 2. mars 2023\n\nMøtet ble holdt på Teams fra kl. 10.00 til kl. 12.15.\n",
     ("2023-03-02", "10:00", "12:15", "Teams")),
    ("Styremøte\n\nDato: 12.10.2016\n\nMøtetidspunkt: 12.15 (rom 354)\n", ("2016-10-12", "12:15", None, "rom 354")),
    # a time after the title's date without 'kl', and at someone's home
    ("Styremøte 12.03.2024, 18.00–20.00\n\nMøtet ble holdt hos Kari Vik.\n",
     ("2024-03-12", "18:00", "20:00", "hos Kari Vik")),
    ("Referat fra styremøte 12.03.2024\n\nSak 12/2024 Budsjett 2024-2025\n", ("2024-03-12", None, None, None)),
    # the start and the end as fields of their own
    ("Referat fra møte i Eldrerådet\n\nDato: 12.03.2024\nMøtestart: 10.00\nMøteslutt: 12.15\n",
     ("2024-03-12", "10:00", "12:15", None)),
    ("Styremøte\n\nDato: 12.03.2024\n\nMøtet avsluttet. Neste møte blir 14.05.\n", ("2024-03-12", None, None, None)),
    # a case that dates and places another meeting
    ("Styremøte\n\nSak 1/24 Protokoll fra møtet 12.03.2024 i Rådhuset\n", (None, None, None, None)),
    ("Styremøte 12.03.2024 i styret\n", ("2024-03-12", None, None, None)),
    # the place after a comma, closing the sentence that says when the meeting sat
    ("Protokoll fra møte i universitetsstyret\n\nMøtet ble satt 18. juni 2024 kl. 10.00 og hevet kl. 15.10, "
     "Styrerommet, Sentralbygget\n", ("2024-06-18", "10:00", "15:10", "Styrerommet, Sentralbygget")),
    # the sentence goes on after the place
    ("PROTOKOLL fra møte i universitetsstyret 29.8.2024. Møtet ble holdt i Kollegiesalen, Allégaten 2, og varte fra "
     "kl. 10.00 til 13.30.\n", ("2024-08-29", "10:00", "13:30", "Kollegiesalen, Allégaten 2")),
    # a deadline in the opening is no place, nor a time
    ("Styremøte 4. mars 2024 i forbindelse med årsmøtet\n", ("2024-03-04", None, None, None)),
    # nynorsk: the weekday and the place after the time, the end as the minutes close
    ("Protokoll frå møte i Eldrerådet\n\nTysdag 17. september 2024 kl. 10.00 i Kulturhuset\n\n"
     "Møtet vart avslutta kl. 12.15.\n", ("2024-09-17", "10:00", "12:15", "Kulturhuset")),
    ("Møtebok\n\nUtval: Formannskapet\nDato: 03.02.2022\nTid: kl. 09.00\n\nMøtet vart heva kl. 11.40\n",
     ("2022-02-03", "09:00", "11:40", None)),
    ("Protokoll frå styremøte 12.03.2024\n\nMøtet vart halde i kommunestyresalen.\n",
     ("2024-03-12", None, None, "kommunestyresalen")),
    ("Styremøte 4. mars 2024 i samband med årsmøtet\n", ("2024-03-04", None, None, None)),
    ("Møtebok for Eldrerådet\n\nNeste møte vert halde 12. november 2024.\n", (None, None, None, None)),
])
def test_time_and_place_in_prose(tmp_path, text: str, fields: tuple[str | None, ...]):
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    header = read_header(build_blocks(read_document(path)))
    assert (header["date"], header["start_time"], header["end_time"], header["location"]) == fields


def test_untitled_minutes_are_the_body_whose_next_meeting_they_set(tmp_path):
    text = ("Dato: 23.04.2019\n\nTid: Kl 18.30\n\nSted: Hos Per Dahl\n\n1. Dugnad\nStyret fordelte oppgavene.\n\n"
            "2. Eventuelt\nStyret har svart på en henvendelse fra en beboer.\n\nNeste styremøte blir 27.05.2019.\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    header = read_header(build_blocks(read_document(path)))
    assert (header["body"], header["date"], header["start_time"]) == ("Styret", "2019-04-23", "18:30")


def test_the_date_of_another_meeting_or_a_deadline_is_not_the_meetings(tmp_path):
    text = ("Referat fra møtet i styret\n\nReferat fra forrige møte 24.10.2014 ble godkjent.\n\n"
            "Frist for innspill er 1. mars 2015.\n\nMøtet ble holdt 30. januar 2015 på Huset.\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    assert read_header(build_blocks(read_document(path)))["date"] == "2015-01-30"


def test_the_date_of_the_last_meeting_in_nynorsk_is_not_the_meetings(tmp_path):
    text = ("Møtebok for Eldrerådet\n\nProtokollen frå førre møte 24.10.2024 vart godkjend.\n\n"
            "Fristen er innan 1. mars 2025.\n\nMøtet vart halde 12. november 2024 på rådhuset.\n")
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    assert read_header(build_blocks(read_document(path)))["date"] == "2024-11-12"


def test_the_closing_lines_past_the_last_case_give_the_end_time_and_the_body(tmp_path):
    # no title naming the organ, cases in between: the end and the next meeting stand after the last case
    from referat.extract import extract_meeting

    path = tmp_path / "m.md"
    path.write_text("Dato: 14.05.2024\n\nTid: Kl 18.00\n\nTilstede: Kari Holm, Per Berg\n\n"
                    "Sak 1/24 Godkjenning av innkalling\n\nGodkjent.\n\nSak 2/24 Vedlikehold av taket\n\n"
                    "Styret har behandlet tilbudene og valgte det rimeligste.\n\n"
                    "Møtet hevet kl. 20.15. Neste styremøte blir 11.06.2024. Styret takker for innsatsen.\n",
                    encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None and len(meeting.items) == 2
    assert (meeting.start_time, meeting.end_time, meeting.body) == ("18:00", "20:15", "Styret")


def test_a_remark_in_the_attendance_table_gives_no_meeting_time(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("Protokoll fra møte i Kontrollutvalget\n\nDato: 12.03.2024\n\n"
                    "Navn                    Parti     Møtt    Merknad\n"
                    "Kari Hansen             AP        x\n"
                    "Tor Moe                 FrP       x       Permisjon fra kl. 12\n", encoding="utf-8")
    header = read_header(build_blocks(read_document(path)))
    assert (header["date"], header["start_time"], header["end_time"]) == ("2024-03-12", None, None)
