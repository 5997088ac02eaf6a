"""Votes: tallies with the people named, outcomes, disqualified members, the checks on them, and
people known only from the vote lists. The minutes here are our own; one test reads a real
municipal protocol from ../shared in place."""

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.extract import extract_meeting
from referat.extract.model import Extraction, Vote
from referat.extract.votewords import number
from referat.ingest import read_document

PROTOCOL = """Møteprotokoll

Utvalg: Hovedutvalg for kultur
Dato: 14.05.2025

Til stede: Kari Nordmann (AP), Per Olav Hansen (AP), Liv Berg (H), Ola Dahl (SP), Eva Lunde (SP)

PS 21/25 Tilskudd til ny klatrevegg
Behandling
Liv Berg (H) fremmet følgende forslag:
Saken utsettes til neste møte.

For forslag 1 stemte 3: K. Nordmann (AP), Per Hansen (AP), Ola Dahl (SP).
For forslag 2 stemte 2: Liv Berg (H), Eva Lunde (SP).
Dermed ble forslag 1 vedtatt.

Vedtak
Utvalget gir et tilskudd på 200 000 kroner.

PS 22/25 Navn på ny skole
Innstillingen ble enstemmig vedtatt.

PS 23/25 Kjøp av tomt ved sjøen
Habilitetsvurdering:
Ola Dahl (SP) ble erklært inhabil og fratrådte under behandlingen av saken.

For forslaget stemte 2: Kari Nordmann (AP), Per Hansen (AP).
Imot forslaget stemte 2: Liv Berg (H), Eva Lunde (SP).
Dermed ble forslaget vedtatt, med leders dobbeltstemme.

PS 24/25 Justering av budsjettet
Forslaget ble vedtatt mot to stemmer.

PS 25/25 Nye åpningstider i biblioteket
For forslaget stemte 4: Kari Nordmann (AP), Per Hansen (AP), Liv Berg (H).
Imot forslaget stemte 1: Eva Lunde (SP).
Dermed ble forslaget ikke vedtatt.

PS 26/25 Plan for idrettsanlegg
Det ble holdt to voteringer over planen, og utvalget ba om en ny sak.

PS 27/25 Tilsetting av kultursjef - Unntatt offentlighet, jf. offl. § 25
For forslaget stemte 4: Kari Nordmann (AP), Per Hansen (AP), Liv Berg (H), Ola Dahl (SP).
Imot forslaget stemte 1: Eva Lunde (SP).
Dermed ble forslaget vedtatt.
"""

# A per-case extract: no attendance list, only the vote lists.
EXTRACT = """Hovedutvalg for teknikks behandling av sak 8/2025 i møte den 02.04.2025:

Behandling
Arne Vik (H) fremmet følgende forslag:
Saken sendes tilbake.

For forslaget stemte 3: Guro Lie (AP), Arne Vik (H), Siv Ruud (SP).
Imot forslaget stemte 2: Tor Andre Bø (FRP), Jonas Eng (AP).
Dermed ble forslaget vedtatt.
"""


BOARD = "Referat fra styremøte 3. mars 2025\n\nTil stede: Kari Nordmann\n\nSak 4/25 {title}\n{text}\n"


def _read(tmp_path: Path, text: str) -> Extraction:
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    return extract_meeting(read_document(path))


def _votes(ex: Extraction, number: str) -> list[Vote]:
    assert ex.meeting is not None
    return next(i for i in ex.meeting.items if i.number == number).votes


@pytest.fixture(scope="module")
def protocol(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    return _read(tmp_path_factory.mktemp("votes"), PROTOCOL)


def test_named_votes_between_two_proposals(protocol: Extraction):
    [vote] = _votes(protocol, "21-25")
    assert (vote.proposal, vote.outcome, vote.votes_for, vote.votes_against) == ("forslag 1", "adopted", 3, 2)
    sides = {v.name: (v.party, v.side, v.proposal) for v in vote.voters}
    # a list for the rival proposal counts against the one the vote adopted
    assert sides == {"K. Nordmann": ("AP", "for", "forslag 1"), "Per Hansen": ("AP", "for", "forslag 1"),
                     "Ola Dahl": ("SP", "for", "forslag 1"), "Liv Berg": ("H", "against", "forslag 2"),
                     "Eva Lunde": ("SP", "against", "forslag 2")}
    # 'Per Hansen' in the vote list is 'Per Olav Hansen' of the attendance list, 'K. Nordmann' is 'Kari Nordmann'
    assert {v.name: v.attendee for v in vote.voters}["Per Hansen"] == "Per Olav Hansen"
    assert {v.name: v.attendee for v in vote.voters}["K. Nordmann"] == "Kari Nordmann"
    assert (vote.page, vote.line) == (1, 13)


def test_unanimous(protocol: Extraction):
    [vote] = _votes(protocol, "22-25")
    assert (vote.proposal, vote.outcome, vote.unanimous, vote.votes_against, vote.voters) == (
        "innstillingen", "adopted", True, 0, [])


def test_casting_vote_and_a_disqualified_member(protocol: Extraction):
    assert protocol.meeting is not None
    item = next(i for i in protocol.meeting.items if i.number == "23-25")
    [vote] = item.votes
    assert (vote.outcome, vote.votes_for, vote.votes_against, vote.casting_vote) == ("adopted", 2, 2, True)
    assert [(r.name, r.party, r.line) for r in item.recusals] == [("Ola Dahl", "SP", 25)]


def test_adopted_against_a_count_in_words(protocol: Extraction):
    [vote] = _votes(protocol, "24-25")
    assert (vote.proposal, vote.outcome, vote.votes_for, vote.votes_against, vote.unanimous) == (
        "forslaget", "adopted", None, 2, False)


def test_warnings_say_where(protocol: Extraction):
    problems = {(p.line, p.message) for p in protocol.warnings}
    # four voters stated, three named
    assert (35, "vote in case 25-25: 'For forslaget stemte 4' names 3 voters, not 4") in problems
    # a text that speaks of votes nobody could read
    assert (40, "case 26-25 mentions a vote ('voteringer') but no vote was read from it") in problems
    # everyone who voted is on the attendance list, under one spelling or another
    assert not [m for _, m in problems if "attendance list" in m]


def test_a_disqualified_member_among_the_voters_is_a_warning(tmp_path: Path):
    text = PROTOCOL.replace("For forslaget stemte 2: Kari Nordmann (AP), Per Hansen (AP).",
                            "For forslaget stemte 3: Kari Nordmann (AP), Per Hansen (AP), Ola Dahl (SP).")
    messages = [p.message for p in _read(tmp_path, text).warnings]
    assert "vote in case 23-25: Ola Dahl is named among the voters but was disqualified from the case" in messages


def test_a_voter_missing_from_the_attendance_list_is_added_and_a_warning(tmp_path: Path):
    text = PROTOCOL.replace("Imot forslaget stemte 1: Eva Lunde (SP).",
                            "Imot forslaget stemte 1: Hilde Moen (KRF).")
    ex = _read(tmp_path, text)
    assert ex.meeting is not None
    hilde = next(a for a in ex.meeting.attendance if a.name == "Hilde Moen")
    assert (hilde.organisation, hilde.category.value, hilde.status.value, hilde.source, hilde.line) == (
        "KRF", "member", "present", "vote", 36)
    assert "vote in case 25-25: Hilde Moen is not on the attendance list" in [p.message for p in ex.warnings]


def test_an_extract_has_its_attendance_from_the_vote_lists(tmp_path: Path):
    ex = _read(tmp_path, EXTRACT)
    assert ex.meeting is not None
    people = {a.name: (a.organisation, a.category.value, a.status.value) for a in ex.meeting.attendance}
    # 'Andre' is a given name here, not the word 'others'
    assert people == {"Guro Lie": ("AP", "member", "present"), "Arne Vik": ("H", "member", "present"),
                      "Siv Ruud": ("SP", "member", "present"), "Tor Andre Bø": ("FRP", "member", "present"),
                      "Jonas Eng": ("AP", "member", "present")}
    # no list to miss them from: no warning about it, and no 'no attendance found'
    assert not [p for p in ex.warnings if "attendance" in p.message]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    (folder / "protokoll.txt").write_text(PROTOCOL, encoding="utf-8")
    (folder / "utskrift.txt").write_text(EXTRACT, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(folder / "a.duckdb"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return folder / "a.duckdb"


def test_stored_votes_are_linked_to_the_people_of_the_attendance(archive: Path):
    from referat.store import connect

    conn = connect(archive, read_only=True)
    rows = conn.execute("""
        SELECT i.number, v.proposal, v.outcome, v.votes_for, v.votes_against, x.name_raw, p.name, x.side, o.name,
               x.person_id = a.person_id
        FROM votes v JOIN items i ON i.id = v.item_id JOIN vote_voters x ON x.vote_id = v.id
        JOIN people p ON p.id = x.person_id LEFT JOIN organisations o ON o.id = x.organisation_id
        LEFT JOIN attendance a ON a.meeting_id = v.meeting_id AND a.person_id = x.person_id
        WHERE x.name_raw = 'Per Hansen' ORDER BY i.number""").fetchall()
    assert rows[0] == ("21-25", "forslag 1", "adopted", 3, 2, "Per Hansen", "Per Olav Hansen", "for", "AP", True)
    assert len(rows) == 4  # 21, 23, 25 and the exempt 27
    assert conn.execute("SELECT name_raw, party_raw, line FROM recusals").fetchall() == [("Ola Dahl", "SP", 25)]
    assert "ok:" in CliRunner().invoke(main, ["verify", "--db", str(archive)]).output


def _pages(folder: Path) -> str:
    """votes.html, an index, and the page of each body it links to, as one text."""
    index = (folder / "votes.html").read_text(encoding="utf-8")
    pages = re.findall(r'<a href="(votes/[^"]+)"', index)
    assert pages and all(page.startswith("votes/") for page in pages)
    return index + "".join((folder / page).read_text(encoding="utf-8") for page in pages)


def test_report_votes(archive: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["report", "votes", "--db", str(archive), "--out", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote {tmp_path / 'p' / 'votes.html'} and CSV beside it: 6 votes; " \
                                    "1 exempt case withheld"
    with (tmp_path / "p" / "votes-people.csv").open(encoding="utf-8") as f:
        people = {r["name"]: r for r in csv.DictReader(f)}
    # Eva Lunde: against in 21 (for the rival proposal), 23 and 25; the exempt 27 is not counted
    assert (people["Eva Lunde"]["for"], people["Eva Lunde"]["against"], people["Eva Lunde"]["votes"]) == ("0", "3", "3")
    assert people["Per Olav Hansen"]["party"] == "AP" and people["Per Olav Hansen"]["for"] == "3"
    with (tmp_path / "p" / "votes-parties.csv").open(encoding="utf-8") as f:
        parties = {(r["name"], r["body"]): r for r in csv.DictReader(f)}
    assert (parties[("SP", "Hovedutvalg for kultur")]["for"], parties[("SP", "Hovedutvalg for kultur")]["against"]) \
        == ("1", "3")
    html = _pages(tmp_path / "p")
    assert "Tilsetting av kultursjef" not in html and "leders dobbeltstemme" in html
    assert "http" not in html.split("<body>")[1]
    internal = CliRunner().invoke(main, ["report", "votes", "--db", str(archive), "--include-exempt",
                                         "--out", str(tmp_path / "i")])
    assert "withheld" not in internal.output
    internal_html = _pages(tmp_path / "i")
    assert "Tilsetting av kultursjef" in internal_html and "INTERNT" in internal_html
    assert "INTERNT" not in html
    # the extract's committee met in April, the protocol's in May
    one = CliRunner().invoke(main, ["report", "votes", "--db", str(archive), "--body", "Hovedutvalg for kultur",
                                    "--out", str(tmp_path / "b")])
    assert ": 5 votes;" in one.output
    april = CliRunner().invoke(main, ["report", "votes", "--db", str(archive), "--from", "2025-04-01", "--to",
                                      "2025-04-30", "--out", str(tmp_path / "a")])
    assert ": 1 vote;" in april.stderr
    with (tmp_path / "a" / "vote-positions.csv").open(encoding="utf-8") as f:
        assert [(r["name"], r["side"]) for r in csv.DictReader(f)][-1] == ("Jonas Eng", "against")


def test_the_votes_index_links_a_page_per_body_with_exactly_its_votes_and_voters(archive: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["report", "votes", "--db", str(archive), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "votes.html").read_text(encoding="utf-8")
    tables = {}
    for name in ("votes.csv", "votes-people.csv"):
        with (tmp_path / name).open(encoding="utf-8") as f:
            tables[name] = list(csv.DictReader(f))
    bodies = sorted({r["body"] for r in tables["votes.csv"]})
    pages = re.findall(r'<a href="(votes/[^"]+)">([^<]+)</a>', index)
    assert [body for _, body in pages] == bodies and len(bodies) == 2
    shown = 0
    for href, body in pages:
        page = (tmp_path / href).read_text(encoding="utf-8")
        # the first table is the body's votes, in the CSV's order; then how each of its members voted
        votes = page.split("<h2>Voteringer</h2>", 1)[1].split("</table>", 1)[0]
        titles = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>", votes)
        assert titles == [(r["body"], r["number"], r["title"]) for r in tables["votes.csv"] if r["body"] == body]
        people = page.split("<h2>Personer", 1)[1] if "<h2>Personer" in page else ""
        names = re.findall(r"<tr><td>([^<]+)</td><td>[^<]*</td>", people)
        assert names == [r["name"] for r in tables["votes-people.csv"] if r["body"] == body]
        shown += len(names)
        assert '<a href="../votes.csv">' in page and f"<h1>Voteringer – {body}</h1>" in page
    assert shown == len(tables["votes-people.csv"]) > 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Samrøystes vedteke.", (None, "adopted", True, None, 0)),
    ("Vedtatt med 6 mot 3 stemmer.", (None, "adopted", False, 6, 3)),
    ("Forslaget falt med 2 mot 5 stemmer.", ("forslaget", "rejected", False, 2, 5)),
    ("Styret fattet følgende enstemmige vedtak: Regnskapet godkjennes.", (None, "adopted", True, None, 0)),
    ("Avstemning:\n\n- For: 40\n- Mot: 12\n- Blankt: 3\n\nForslaget vedtas.", ("forslaget", "adopted", False, 40, 12)),
    ("Ved votering ble innstillingen fra utvalget enstemmig vedtatt.", ("innstillingen", "adopted", True, None, 0)),
    ("Ved alternativ votering ble arbeidsutvalgets innstilling vedtatt med 7 mot 2 stemmer.",
     ("arbeidsutvalgets innstilling", "adopted", False, 7, 2)),
    ("Framlegget frå Sp fekk 3 røyster og fall.", ("framlegget", "rejected", False, 3, None)),
    ("Hs forslag falt.", ("Hs forslag", "rejected", False, None, None)),
])
def test_outcomes_and_counts(tmp_path: Path, text: str, expected: tuple):
    ex = _read(tmp_path, BOARD.format(title="Regnskap", text=text))
    [vote] = _votes(ex, "04-25")
    assert (vote.proposal, vote.outcome, vote.unanimous, vote.votes_for, vote.votes_against) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Innstillingen ble vedtatt mot 5 stemmer (FrP, H).", [("FrP", "against", None), ("H", "against", None)]),
    ("Innstillingen ble vedtatt med 9 mot 5 stemmer.\nMot stemte FrP (4) og H (1).",
     [("FrP", "against", 4), ("H", "against", 1)]),
    ("For forslaget stemte 6: 4 Ap, 2 SV.\nImot forslaget stemte 3: H.\nDermed ble forslaget vedtatt.",
     [("Ap", "for", 4), ("SV", "for", 2), ("H", "against", None)]),
])
def test_parties_named_without_their_members(tmp_path: Path, text: str, expected: list):
    [vote] = _votes(_read(tmp_path, BOARD.format(title="Budsjett", text=text)), "04-25")
    assert vote.voters == [] and vote.outcome == "adopted"
    assert [(p.party, p.side, p.count) for p in vote.parties] == expected


def test_party_counts_that_disagree_with_the_tally_are_a_warning(tmp_path: Path):
    ex = _read(tmp_path, BOARD.format(title="Budsjett", text="For forslaget stemte 7: 4 Ap, 2 SV.\nForslaget falt."))
    assert [(p.line, p.message) for p in ex.warnings] == [
        (6, "vote in case 04-25: 'For forslaget stemte 7' gives its parties 6 votes, not 7")]


def test_the_report_counts_parties_named_without_members():
    from referat.reports.votes import tally_votes

    vote = {"id": 7, "date": None, "body": "Bystyret", "number": "12-25", "title": "Budsjett", "proposal": None,
            "outcome": "adopted", "votes_for": 30, "votes_against": 5, "votes_abstain": None, "unanimous": False,
            "casting_vote": False, "source": "b.txt", "page": 1, "line": 9,
            "voters": [{"person_id": 1, "name": "Kari Nordmann", "party": "H", "side": "against", "proposal": None}],
            "parties": [{"party": "FrP", "side": "against", "count": 4}, {"party": "V", "side": "against",
                                                                           "count": None}]}
    stats = tally_votes([vote])
    assert [(r["name"], r["against"], r["positions"]) for r in stats["parties"]] == [
        ("FrP", 4, {7: "4 against"}), ("H", 1, {7: "1 against"}), ("V", 0, {7: "against"})]
    assert stats["people"][0]["positions"] == {7: "against"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Bjørn Eik erklærte seg inhabil i saken. Styret sluttet seg enstemmig til dette, og Bjørn Eik fratrådte.",
     [("Bjørn Eik", None)]),
    # leaving for the question of one's own habilitet is not leaving for the case
    ("Tor Andre Bø (FRP) fratrådte under behandlingen av spørsmålet om habilitet. Tor Andre Bø (FRP) ble kjent "
     "inhabil og fratrådte under behandlingen av saken.", [("Tor Andre Bø", "FRP")]),
    # the subject is disqualified, not the person named after
    ("Daglig leder er inhabil i saken, og styreleder Guro Lie la den fram.", []),
    ("Per Olsen ble funnet ikke inhabil.", []),
])
def test_disqualified(tmp_path: Path, text: str, expected: list):
    ex = _read(tmp_path, BOARD.format(title="Avtale", text=text))
    assert ex.meeting is not None
    assert [(r.name, r.party) for r in ex.meeting.items[0].recusals] == expected


@pytest.mark.parametrize("text", [
    "Forslaget ble vedtatt mot to stemmer.\n\nFølgende stemte mot forslaget: Guro Lie (H), Arne Vik (FRP).",
    "Forslaget ble vedtatt mot to stemmer. Mot stemte: Guro Lie (H) og Arne Vik (FRP).",
    "2 representanter stemte mot: Guro Lie (H), Arne Vik (FRP).\nForslaget ble dermed vedtatt.",
])
def test_the_names_against_after_or_before_the_outcome(tmp_path: Path, text: str):
    [vote] = _votes(_read(tmp_path, BOARD.format(title="Regnskap", text=text)), "04-25")
    assert (vote.outcome, vote.votes_against) == ("adopted", 2)
    assert [(v.name, v.party, v.side) for v in vote.voters] == [("Guro Lie", "H", "against"),
                                                                  ("Arne Vik", "FRP", "against")]


@pytest.mark.parametrize("text", [
    "Innkalling og saksliste godkjent.",  # an approval is not a vote
    "Valget ble avholdt: mandag 9. september.",  # 'avholdt' is 'held', not 'abstained'
    "Han ble av et enstemmig styre bedt om å lede arbeidet.",  # unanimity without a verdict
])
def test_no_vote(tmp_path: Path, text: str):
    ex = _read(tmp_path, BOARD.format(title="Diverse", text=text))
    assert _votes(ex, "04-25") == []


@pytest.mark.parametrize(("word", "value"), [("35", 35), ("to", 2), ("Ei", 1), ("tolv", 12), ("mange", None)])
def test_number_words(word: str, value: int | None):
    assert number(word) == value


def _shared() -> Path | None:
    """The team's shared folder, wherever the checkout stands beside it."""
    return next((p / "shared" for p in Path(__file__).resolve().parents if (p / "shared" / "eval").is_dir()), None)


REAL = "eval/real/docs/levanger-kommunestyret-2026-03-25.txt"


@pytest.mark.skipif(_shared() is None or not (_shared() / REAL).exists(),  # type: ignore[operator]
                    reason="needs the real minutes in ../shared/eval/real (not part of the project)")
def test_a_municipal_protocol_against_the_document():
    path = _shared() / REAL  # type: ignore[operator]
    ex = extract_meeting(read_document(path))
    assert ex.meeting is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    flat = " ".join(" ".join(lines).split())

    def cases(number: str) -> list[Vote]:
        return next(i for i in ex.meeting.items if i.number == number and i.votes).votes  # type: ignore[union-attr]

    def check(vote: Vote) -> None:
        """Every named voter stands in the document as 'Name (Party)', in the list of the side they were
        given, and each list names as many people as it says."""
        for v in vote.voters:
            assert f"{v.name} ({v.party})" in flat
            tally = lines[v.line - 1]
            assert "stemte" in tally
            # a list for the rival proposal ('For forslag 2') is against the vote's own
            rival = tally.startswith("For ") and v.proposal not in (vote.proposal, "forslaget")
            assert v.side == ("against" if tally.startswith("Imot") or rival else "for")
        counted = {s: sum(v.side == s for v in vote.voters) for s in ("for", "against")}
        assert (counted["for"], counted["against"]) == (vote.votes_for, vote.votes_against or 0)

    [vote] = cases("06-26")
    assert (vote.outcome, vote.votes_for, vote.votes_against, len(vote.voters)) == ("adopted", 35, None, 35)
    check(vote)

    first, second = cases("13-26")
    assert (first.proposal, first.outcome, first.votes_for, first.votes_against) == ("forslag 1", "adopted", 25, 10)
    assert (second.proposal, second.outcome, second.votes_for, second.votes_against) == (
        "tilleggsforslag", "rejected", 4, 31)
    check(first)
    check(second)
    item = next(i for i in ex.meeting.items if i.number == "13-26" and i.votes)
    [recusal] = item.recusals
    assert recusal.line == 328 and recusal.party == "SP"
    assert not any(v.attendee == recusal.attendee for v in first.voters + second.voters)

    votes = cases("14-26")
    assert [(v.votes_for, v.votes_against, v.outcome) for v in votes[:3]] == [
        (19, 16, "adopted"), (34, 1, "adopted"), (34, 1, "adopted")]
    for vote in votes[:3]:
        check(vote)
        assert len(vote.voters) == 35
    # the council's 35 voters are people of the attendance table, whatever their spelling in the lists
    voters = {v.attendee for v in votes[0].voters}
    listed = {a.name for a in ex.meeting.attendance if a.source == "table"}
    assert len(voters) == 35 and voters <= listed
    assert not [p for p in ex.warnings if p.message.startswith("vote in")]


@pytest.mark.parametrize("sentence", ["Forslaget fra Berit Solheim fikk 3 stemmer og falt.",
                                      "Framlegget frå Berit Solheim fekk 3 røyster og fall."])
def test_a_count_and_its_outcome_in_one_sentence_are_told_once(tmp_path: Path, sentence: str):
    ex = _read(tmp_path, "Protokoll fra møte i formannskapet 03.02.2022\n\nSak 6/22 Tilskudd\n\nBehandling:\n"
                         f"{sentence}\n\nVedtak:\nKommunen gir et tilskudd.\n")
    vote = _votes(ex, "06-22")[0]
    assert (vote.text, vote.votes_for, vote.outcome) == (sentence, 3, "rejected")
