"""Decision and follow-up labels as minutes write them, and what is no label."""

import pytest

from referat.extract.decisions import DECISION_LABEL, FOLLOW_LABEL, NOT_A_LABEL, resolves


@pytest.mark.parametrize(("text", "rest"), [
    ("Vedtak: Planen godkjennes.", "Planen godkjennes."),
    ("Konklusjon/vedtak: Planen godkjennes.", "Planen godkjennes."),
    ("Oppsummering/konklusjon: X.", "X."), ("Vedtak i saken: X.", "X."), ("Konklusjonar: X.", "X."),
    ("Vedtak (enstemmig): X.", "X."), ("Formannskapets vedtak 05.09.2024: X.", "X."),
    ("Rådet fattet følgende vedtak:", ""), ("Følgende vedtak ble fattet:", ""), ("Vedtak", None),
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
    ("Kommunestyret vedtok planen i mars.", False), ("Det ble stilt spørsmål om budsjettet.", False),
])
def test_a_paragraph_in_which_the_body_resolves(text: str, resolved: bool):
    assert resolves(text, "Styret") is resolved
