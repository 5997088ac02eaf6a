"""A case's text as the paragraphs and points decisions are counted by, and what each of them is."""

from pathlib import Path

from referat.extract.blocks import build_blocks
from referat.extract.cases import split_cases
from referat.extract.decisions import CaseReading, read_case
from referat.extract.paragraphs import paragraphs
from referat.ingest import read_document


def _case(tmp_path: Path, text: str, name: str = "m.txt") -> CaseReading:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    case = split_cases(build_blocks(read_document(path)))[1][0]
    return read_case(case.body, case.lead, "Bystyret", title=case.title, heading=case.heading)


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    return [p.text for p in paragraphs(build_blocks(read_document(path)))]


# As `pdftotext -layout` prints a protocol: every line its own, paragraphs set apart by blank lines
LAYOUT = """PS 12/25 Kulturplan

Behandling
Formannskapet 03.06.2025

INNSTILLING

Bystyret vedtar kulturplanen for 2025-2028 slik den er lagt fram, med de endringene som
formannskapet har foreslått.

Kari Lie (SV) fremmet følgende tilleggsforslag:

Bystyret ber om en årlig rapport om
planen.

For forslaget stemte 20: Kari Lie (SV), Per Dahl (AP).
Imot forslaget stemte 15: Ola Moe (H).

Dermed ble tilleggsforslaget vedtatt.

VEDTAK

Bystyret vedtar kulturplanen for 2025-2028 slik den er lagt fram, med de endringene som
formannskapet har foreslått.

Bystyret ber om en årlig rapport om
planen.
"""


def test_a_layout_dump_reads_as_paragraphs_and_proposals_are_no_decisions(tmp_path: Path):
    reading = _case(tmp_path, LAYOUT)
    plan = "Bystyret vedtar kulturplanen for 2025-2028 slik den er lagt fram, med de endringene som " \
           "formannskapet har foreslått."
    assert [(d.text, d.labeled, d.label) for d in reading.decisions] == [
        (plan, True, "Vedtak"), ("Bystyret ber om en årlig rapport om planen.", True, "Vedtak")]
    assert [(p.text, p.label, p.proposer) for p in reading.proposals] == [
        (plan, "INNSTILLING", None),
        ("Bystyret ber om en årlig rapport om planen.", "Kari Lie (SV) fremmet følgende tilleggsforslag",
         "Kari Lie (SV)")]


def test_a_point_ending_in_a_colon_keeps_its_parts_and_the_next_point_stands_alone(tmp_path: Path):
    text = ("Sak 4/25 Tilskudd\nVedtak:\n1. Laget får kr 50 000.\n2. Tilskuddet utbetales når:\n"
            "a) planen er godkjent\nb) regnskapet er levert\n3. Kommunedirektøren følger opp saken.\n")
    assert [d.text for d in _case(tmp_path, text).decisions] == [
        "Laget får kr 50 000.", "Tilskuddet utbetales når: planen er godkjent regnskapet er levert",
        "Kommunedirektøren følger opp saken."]


def test_a_short_heading_among_the_points_of_a_decision_is_none_of_them(tmp_path: Path):
    text = "Sak 5/25 Høring\nVedtak:\nØkonomi\nBystyret ber om mer midler.\nSom innstillingen\n"
    assert [d.text for d in _case(tmp_path, text).decisions] == ["Bystyret ber om mer midler.",
                                                                "Som innstillingen"]


def test_a_label_alone_ends_what_the_label_before_it_began(tmp_path: Path):
    text = ("Sak 6/25 Plan\nForslag til vedtak:\nPlanen godkjennes.\nVotering:\nEnstemmig.\n"
            "Vedtak:\nPlanen godkjennes.\nMøtet ble hevet kl. 20.00.\nKari Lie\n")
    reading = _case(tmp_path, text)
    assert [(d.text, d.labeled) for d in reading.decisions] == [("Planen godkjennes.", True)]
    assert [p.text for p in reading.proposals] == ["Planen godkjennes."]


def test_a_numbered_point_without_a_heading_is_its_own_decision(tmp_path: Path):
    text = "Protokoll\n\n1. Innkallingen ble godkjent uten merknader.\n\n2. Saklisten ble godkjent.\n"
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    heading = build_blocks(read_document(path))[1]
    reading = read_case([], "", None, title="Innkallingen ble godkjent uten merknader", heading=heading)
    assert [(d.text, d.labeled) for d in reading.decisions] == [("Innkallingen ble godkjent uten merknader", False)]


def test_lines_join_when_the_sentence_goes_on_and_not_after_a_heading(tmp_path: Path):
    assert _paragraphs(tmp_path, "Innledning\n\nStyret drøftet budsjettet for\nneste år.\n\nGodkjent.\n") == [
        "Innledning", "Styret drøftet budsjettet for neste år.", "Godkjent."]


def test_the_signatures_under_the_last_decision_are_none(tmp_path: Path):
    text = ("Referat\n\nSak 5/25 Plan\nVedtak:\nPlanen godkjennes.\n\nBergen, 12.03.2025\n\nKari Lie\nmøteleder\n\n"
            "Per Dahl\n")
    assert [d.text for d in _case(tmp_path, text).decisions] == ["Planen godkjennes."]
    text = "Referat\n\nSak 6/25 Plan\nVedtak:\nPlanen godkjennes.\n\nKari Lie\n\nPer Dahl\n"
    assert [d.text for d in _case(tmp_path, text).decisions] == ["Planen godkjennes."]
