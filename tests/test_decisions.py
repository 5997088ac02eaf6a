"""Decision, proposal and follow-up labels as minutes write them, what is no label, and the verdicts of
unlabelled decisions."""

from pathlib import Path

import pytest

from referat.extract.blocks import build_blocks
from referat.extract.decisions import (
    _SENTENCE_END,
    DECISION_LABEL,
    FOLLOW_LABEL,
    NOT_A_LABEL,
    PASSIVE,
    _may_be_passive,
    resolution,
    resolves,
)
from referat.extract.labels import PROPOSAL_LABEL, PROPOSED_BY
from referat.ingest import read_document


@pytest.mark.parametrize(("text", "rest"), [
    ("Vedtak: Planen godkjennes.", "Planen godkjennes."),
    ("Konklusjon/vedtak: Planen godkjennes.", "Planen godkjennes."),
    ("Oppsummering/konklusjon: X.", "X."), ("Vedtak i saken: X.", "X."), ("Konklusjonar: X.", "X."),
    ("Vedtak (enstemmig): X.", "X."), ("Formannskapets vedtak 05.09.2024: X.", "X."),
    ("Rådet fattet følgende vedtak:", ""), ("Følgende vedtak ble fattet:", ""), ("Vedtak", None),
    # boards': the genitive with 'enstemmige', a word between the verb and 'følgende', Nynorsk 'følgjande', 'saka'
    ("Styrets enstemmige vedtak:", ""), ("Styret fattet deretter følgende vedtak:", ""),
    ("Styret gjorde følgjande vedtak:", ""), ("Vedtak i saka: X.", "X."), ("Styrevedtak: X.", "X."),
])
def test_decision_labels(text: str, rest: str | None):
    m = DECISION_LABEL.match(text)
    assert m is not None and not NOT_A_LABEL.match(text) and m.group("rest") == rest


@pytest.mark.parametrize("text", ["Forslag til vedtak: X.", "Utvalgets innstilling: X.", "Vedtaket er sendt: X.",
                                  "Protokolltilførsel fra Mats Ulvestad: X."])
def test_no_decision_label(text: str):
    assert DECISION_LABEL.match(text) is None or NOT_A_LABEL.match(text)


@pytest.mark.parametrize("text", ["Oppfølging: Kari sender brev.", "Oppfølgingspunkter: X.", "Oppfølging/ansvar: X.",
                                  "Videre oppfølging: X."])
def test_follow_up_labels(text: str):
    assert FOLLOW_LABEL.match(text)


@pytest.mark.parametrize(("text", "resolved"), [
    ("Samrøystes vedteke.", True), ("Innkalling og referat ble godkjent.", True),
    ("Styret tok saken til orientering.", True),
    # Nynorsk, as a health trust's board writes it
    ("Styret tek orienteringa til vitande.", True), ("Saka vart teken til orientering.", True),
    ("Styret vedtek budsjettet for 2025.", True),
    # a board's authorisations and appointments
    ("Styret gir daglig leder fullmakt til å signere avtalen.", True),
    ("Styret konstituerte seg med Kari Lie som nestleder.", True),
    ("Styret delegerer til arbeidsutvalget å ferdigstille uttalelsen.", True), ("Styret var enig i forslaget.", True),
    ("Styret ga uttrykk for bekymring.", False),
    ("Kommunestyret vedtok planen i mars.", False), ("Det ble stilt spørsmål om budsjettet.", False),
])
def test_a_paragraph_in_which_the_body_resolves(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved


@pytest.mark.parametrize(("text", "rest"), [
    ("VEDTAK", None), ("Vedtak.", ""), ("Vedtak. Planen godkjennes.", "Planen godkjennes."),
    ("Samrøystes vedtak:", ""), ("Kommunestyrets vedtak", None), ("Beslutning: X.", "X."),
    ("Styret fattet følgende enstemmige vedtak: X.", "X."), ("Styret fattet følgende vedtak", None),
])
def test_more_decision_labels(text: str, rest: str | None):
    m = DECISION_LABEL.match(text)
    assert m is not None and not NOT_A_LABEL.match(text)
    assert (m.group("rest") if m.group("rest") is not None else m.group("after_stop")) == rest


def test_vedtatt_with_a_full_stop_is_the_verdict_not_a_label():
    assert DECISION_LABEL.match("Vedtatt.") is None and resolves("Vedtatt.", None)


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("INNSTILLING", "INNSTILLING", None), ("Rådmannens innstilling:", "innstilling", None),
    ("Kommunedirektørens forslag til vedtak:", "forslag til vedtak", None),
    ("Kommunedirektøren si tilråding:", "tilråding", None), ("Forslag fremmet i møtet:", "Forslag", None),
    ("Forslag fra Kari Lie (H):", "Forslag", "Kari Lie (H)"), ("Endringsforslag:", "Endringsforslag", None),
    # a health trust's director proposes: abbreviated, in Nynorsk with 'sitt', or as a 'tilrådning'
    ("Adm. direktørs forslag til vedtak:", "forslag til vedtak", None),
    ("Administrerande direktør sitt framlegg til vedtak:", "framlegg til vedtak", None),
    ("Adm. dir. sin tilråding:", "tilråding", None), ("Tilrådning:", "Tilrådning", None),
])
def test_proposal_labels(text: str, kind: str, who: str | None):
    m = PROPOSAL_LABEL.match(text)
    assert m is not None and m.group("kind") == kind and m.group("who") == who
    assert not DECISION_LABEL.match(text)


@pytest.mark.parametrize(("text", "who", "rest"), [
    ("Per Dahl (Ap) fremmet følgende tilleggsforslag:", "Per Dahl (Ap)", ""),
    ("Kari Lie la fram slikt forslag: Saka vert utsett.", "Kari Lie", "Saka vert utsett."),
])
def test_a_member_putting_forward_a_proposal(text: str, who: str, rest: str):
    m = PROPOSED_BY.match(text)
    assert m is not None and m.group("who") == who and (m.group("rest") or "") == rest


@pytest.mark.parametrize("text", ["Forslaget vedtas ved akklamasjon.", "Innstillingen ble vedtatt.",
                                  "Forslag til vedtak ble enstemmig vedtatt."])
def test_what_only_looks_like_a_proposal_label(text: str):
    assert PROPOSAL_LABEL.match(text) is None and PROPOSED_BY.match(text) is None


@pytest.mark.parametrize(("text", "resolved"), [
    # a verdict in a word or two, with what it is about before it
    ("Godkjent", True), ("Innvilget.", True), ("Vedtatt.", True), ("Godkjennes enstemmig", True),
    ("Innkalling - Godkjent", True), ("Agenda - Underkjent", True), ("Valgt ved akklamasjon.", True),
    ("Alle velges ved akklamasjon.", True), ("Forslaget vedtas med klart flertall.", True),
    ("Kari Lie vinner ved flertall.", True), ("Andreas ble valgt.", True), ("Det ble valgt tre revisorer.", True),
    ("Søknaden ble innvilget.", True), ("Agenda ble videre godkjent uten merknader.", True),
    ("Det er enighet om at saken behandles på neste møte.", True), ("Tatt til orientering.", True),
    ("Teke til etterretning.", True), ("Søknaden godkjennes.", True), ("Kari Lie ble gjenvalgt som leder.", True),
    ("Kari Lie ble utpekt som styrets representant.", True),
    # a report of what someone did, a rule, a plan, a clause that hangs on another
    ("Valgt ny turleder", False), ("Godkjent budsjett for arrangementet", False),
    ("Tittelen deles ut ved kvalifisert flertall i styret.", False),
    ("Referatet skal godkjennes ved neste møte.", False), ("Saken kan vedtas av styret alene.", False),
    ("Punktene som blir endelig vedtatt sendes ut.", False),
    ("Dermed ble forslaget vedtatt.", False),  # a vote record: the vote reader's
])
def test_verdicts_and_what_is_none(text: str, resolved: bool):
    assert (resolution(text, "Styret") is not None) is resolved


def test_the_resolution_after_the_discussion_in_one_paragraph():
    text = "Det ble diskutert om leiren er åpen for alle. Søknaden innvilges med 5 000 kr."
    assert resolution(text, "Styret") == "Søknaden innvilges med 5 000 kr."
    # the body by its own name later in a paragraph, but not a word such as 'gruppen' for another group
    assert resolution("Koordinator har fått spørsmål. Fordelingsutvalget stiller seg positive til det.",
                      "Fordelingsutvalget") == "Fordelingsutvalget stiller seg positive til det."
    assert resolution("Rapporten ble lagt fram. Gruppen anbefaler videre å vente.", "Styringsgruppen") is None


@pytest.mark.parametrize(("text", "pattern"), [
    ("Framlegg til vedtak:", PROPOSAL_LABEL), ("Kari Lie sette fram slikt endringsframlegg:", PROPOSED_BY),
    ("Avgjerd: Saka vert send tilbake.", DECISION_LABEL), ("Handsaming i møtet:", NOT_A_LABEL),
    ("Røysting:", NOT_A_LABEL),
    # whose, said with 'si' and 'sitt': a decision, a statement, a proposal, the treatment
    ("Kommunestyret sitt vedtak:", DECISION_LABEL), ("Eldrerådet si fråsegn:", DECISION_LABEL),
    ("Vedtak i saka: X.", DECISION_LABEL), ("Vedtak (einstemmig):", DECISION_LABEL),
    ("Styret gjorde følgjande vedtak:", DECISION_LABEL),
    ("Kommunedirektøren sitt framlegg til vedtak:", PROPOSAL_LABEL), ("Rådmannen si innstilling:", PROPOSAL_LABEL),
    ("Administrerande direktør si tilråding:", PROPOSAL_LABEL),
    ("Utsetjingsframlegg frå Kari Lie (H):", PROPOSAL_LABEL),
    ("Formannskapet si handsaming:", NOT_A_LABEL), ("Møtehandsaming:", NOT_A_LABEL),
    ("Saksopplysningar:", NOT_A_LABEL), ("Kari Lie fremja slikt tilleggsframlegg:", PROPOSED_BY),
    ("Vidare oppfølging: X.", FOLLOW_LABEL), ("Ansvarleg: Kari Lie sender brev.", FOLLOW_LABEL),
])
def test_nynorsk_labels(text: str, pattern):
    assert pattern.match(text)


@pytest.mark.parametrize("text", ["Kommunedirektøren si tilråding:", "Formannskapet si handsaming:",
                                  "Kommunedirektøren sitt framlegg til vedtak:"])
def test_a_nynorsk_proposal_or_treatment_is_no_decision(text: str):
    assert DECISION_LABEL.match(text) is None or NOT_A_LABEL.match(text)


@pytest.mark.parametrize(("text", "resolved"), [
    # nynorsk verdicts: 'vert', the plural 'godkjende', noting a report 'til vitande'
    ("Innkalling og referat frå førre møte vart godkjende.", True), ("Søknaden vert innvilga.", True),
    ("Teke til vitande.", True), ("Tatt til vitande.", True), ("Saka vart teken til orientering.", True),
    ("Meldinga vert teken til vitande.", True), ("Styret tek rapporten til vitande.", True),
    ("Eit samla utval vedtek planen.", True), ("Styret slutta seg til tilrådinga.", True),
    ("Rådet vart samde om ei fråsegn.", True),
    # a plan, a wish, a clause that hangs on another, what was done before
    ("Protokollen skal godkjennast på neste møte.", False), ("Rådet ønskjer at saka vert teken til vitande.", False),
    ("Planen vart vedteken i førre periode.", False), ("Dei godkjende tiltaka er sette i gang.", False),
])
def test_nynorsk_verdicts_and_what_is_none(text: str, resolved: bool):
    assert (resolution(text, "Styret") is not None) is resolved


@pytest.mark.parametrize("text", ["Et samlet styre vedtok å utsette saken.", "Samla utval tok saka til orientering."])
def test_the_whole_body_as_the_subject(text: str):
    assert resolves(text, "Styret")


@pytest.mark.parametrize(("text", "resolved"), [
    ("Søknaden ble ikke innvilget.", True), ("Vi ser at dette ikke er tatt til etterretning.", False),
    ("Endre fra: «Styrets medlemmer velges på årsmøtet» til ny tekst.", False),
])
def test_negation_and_quotation(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved


def test_a_sentence_that_announces_the_decision_below_it(tmp_path):
    from referat.extract.blocks import build_blocks
    from referat.extract.decisions import read_case
    from referat.ingest import read_document

    path = tmp_path / "m.txt"
    path.write_text("Rådmannens innstilling:\nProtokollen godkjennes.\nRådmannens innstilling enstemmig vedtatt.\n"
                    "Et enstemmig fylkesutvalg vedtok:\nProtokollen godkjennes.\n", encoding="utf-8")
    reading = read_case(build_blocks(read_document(path)), "", "Fylkesutvalget")
    assert [(d.text, d.labeled, d.label) for d in reading.decisions] == [("Protokollen godkjennes.", True, "Vedtak")]
    assert [p.text for p in reading.proposals] == ["Protokollen godkjennes."]


def test_appointed_to_sign_the_minutes():
    assert resolves("Til å signere protokollen ble Kari Lie og Per Dahl oppnevnt.", "Styret")


@pytest.mark.parametrize(("text", "resolved"), [
    ("Det anbefales at det velges fire nye medlemmer.", False),
    ("Endringer kort tid etter at de er vedtatt skaper uro.", False),
    ("Det ble enstemmig vedtatt at søknaden utsettes.", True),
])
def test_a_verdict_in_a_that_clause_is_someone_elses(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved


def test_following_motion_was_adopted_labels_what_follows():
    from referat.extract.labels import DECIDED_AS

    m = DECIDED_AS.match("Følgende oversendelsesforslag ble vedtatt:")
    assert m is not None and not m.group("after")


@pytest.mark.parametrize(("text", "follow_up"), [
    ("Tiltak: Kari sender brev til kommunen.", "Kari sender brev til kommunen."),
    ("Ansvar: Daglig leder følger opp avtalen.", "Daglig leder følger opp avtalen."),
    ("Oppfølging av sak 24-23 fra Styringsgruppen", None),  # a reference, not a follow-up
    ("Ansvar: Kari Lunde", None),  # who, not what
])
def test_follow_ups_and_what_only_looks_like_one(tmp_path, text: str, follow_up: str | None):
    from referat.extract.blocks import build_blocks
    from referat.extract.decisions import read_case
    from referat.ingest import read_document

    path = tmp_path / "m.txt"
    path.write_text(text + "\n", encoding="utf-8")
    reading = read_case(build_blocks(read_document(path)), "", "Styret")
    assert [f.text for f in reading.follow_ups] == ([follow_up] if follow_up else [])


@pytest.mark.parametrize(("text", "resolved"), [
    ("Budsjettet ble vedtatt i kommunestyret i desember.", False), ("Planen ble vedtatt i fjor.", False),
    ("Avtalen ble godkjent av styret.", True), ("Saken ble vedtatt i møtet.", True),
])
def test_what_another_body_or_an_earlier_meeting_decided(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved


@pytest.mark.parametrize(("text", "resolved"), [
    ("Utvalget innvilger søknaden fra skolekorpset.", True), ("Styret avslo klagen.", True),
    ("Kommunen avslo søknaden i fjor.", False),
])
def test_granting_and_refusing(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved


FIXTURES = Path(__file__).parent / "data" / "minutes"


def _fixture_sentences() -> list[str]:
    return [s for path in sorted(FIXTURES.glob("*.*")) if path.suffix in (".txt", ".md")
            for block in build_blocks(read_document(path)) for s in _SENTENCE_END.split(block.text)]


def test_the_stems_are_in_every_passive_verdict_of_the_fixtures():
    """The cheap look for PASSIVE's stems passes every sentence PASSIVE matches; a stem left out of the list
    would lose the verdicts written with it."""
    verdicts = [s for s in _fixture_sentences() if PASSIVE.search(s)]
    assert len(verdicts) > 30
    assert [s for s in verdicts if not _may_be_passive(s)] == []


@pytest.mark.parametrize("text", [
    "Godkjent.", "Innkalling - Godkjent", "Godkjennes enstemmig", "Valgt ved akklamasjon.", "Tatt til orientering.",
    "Til å signere protokollen ble Kari Lie og Per Dahl oppnevnt.", "Søknaden ble ikke innvilget.",
    "Styret ble enige om en ny plan.", "Det vart semje om saka.", "Det ble einigheit om planen.",
    "Saken ble tatt opp igjen.", "Saken vart teken opp att.", "Kari Lie vinner ved flertall.", "Avslås.",
    "Planen tiltres.", "Budsjettet vedtakast.", "Som leiar veljast Per Dahl.", "Styret er samde om planen.",
    "Teke til vitande.", "Saka vart teken til orientering.", "Referatet vart godkjende.", "Søknaden vert avslegen.",
])
def test_the_stems_are_in_every_passive_verdict(text: str):
    assert PASSIVE.search(text) and _may_be_passive(text)


def test_a_sentence_without_a_stem_is_passed_over():
    assert not _may_be_passive("Saken ble drøftet, og det kom flere innspill fra partnerne om veien videre.")


def _first_case_decisions(tmp_path, text: str) -> list[str]:
    from referat.extract import extract_meeting

    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    return [d.text for d in meeting.items[0].decisions]


def test_the_note_on_starred_cases_after_the_last_is_no_decision(tmp_path):
    assert _first_case_decisions(tmp_path, "Protokoll fra møte i universitetsstyret 29.8.2024\n\n"
                                           "Sak 71/24* Ansettelse av dekan\nVedtak:\nStyret ansetter søker nr. 1.\n\n"
                                           "Saker merket * er behandlet i lukket møte.\n") == [
        "Styret ansetter søker nr. 1."]


def test_a_verdict_after_the_vote_in_one_paragraph(tmp_path):
    assert _first_case_decisions(tmp_path, "Protokoll fra møte i representantskapet 24.04.2024\n\n"
                                           "Sak 3/2024 Valg av styre\nValgkomiteens innstilling ble enstemmig vedtatt. "
                                           "Harald Fosnes ble gjenvalgt som styreleder.\n") == [
        "Harald Fosnes ble gjenvalgt som styreleder."]
