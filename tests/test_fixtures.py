"""Our own minutes in other layouts, against expected values checked in beside them."""

import json
from pathlib import Path

import pytest

from helpers import MINUTES

FIXTURES = sorted(p for p in MINUTES.iterdir() if p.suffix in (".txt", ".md", ".pdf"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    from referat.pipeline import find_files
    from referat.store import connect, export_documents
    from referat.store.ingest import ingest

    conn = connect(tmp_path_factory.mktemp("fixtures") / "f.duckdb")
    ingest(conn, find_files([MINUTES])[0])
    return {d["source"]: d for d in export_documents(conn)}


def test_there_are_enough_fixtures():
    assert len(FIXTURES) >= 5


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_matches_expected(path: Path, exported: dict[str, dict]):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    got = exported[path.name]
    assert got["kind"] == expected["kind"]
    assert got["meeting"] == expected["meeting"]
    assert got["attendance"] == expected["attendance"]
    assert got["items"] == expected["items"]


def test_list_style_minutes(exported):
    doc = exported["kommunestyre-2024-03-14.txt"]
    assert [i["number"] for i in doc["items"]] == ["05-24", "06-24", "07-24", "08-24"]
    exempt = doc["items"][2]
    assert exempt["exempt"] and exempt["title"] == "Ansettelse av ny etatsleder"
    # "Forslag til vedtak:" is a proposal; only the decision below "Vedtak:" counts
    assert exempt["decisions"] == [{"text": "Utvalget godkjenner ansettelsen av ny etatsleder.", "labeled": True}]
    assert doc["items"][3]["references"] == [{"body": "Helse- og omsorgsutvalget", "number": "03-24"},
                                             {"body": "Formannskapet", "number": "12-23"}]
    statuses = {a["name"]: (a["category"], a["status"], a["substitute_for"]) for a in doc["attendance"]}
    assert statuses["Per Olsen"] == ("substitute", "present", "Anne Lie")
    assert statuses["Anne Lie"] == ("member", "substituted", None)
    assert statuses["Liv Strand"] == ("secretariat", "present", None)


def test_cp1252_reads_the_same(exported):
    a, b = exported["kommunestyre-2024-03-14.txt"], exported["kommunestyre-2024-03-14-cp1252.txt"]
    assert a["items"] == b["items"] and a["meeting"] == b["meeting"]


def test_ocr_noise(exported):
    doc = exported["faggruppe-ocr-2024-05-06.txt"]
    assert doc["meeting"]["body"] == "Faggruppe for eldre"
    orgs = {a["name"]: a["organisation"] for a in doc["attendance"]}
    assert orgs["Oddvar Fgrland"] == "Høgskulen på Vestlandet"
    assert orgs["Mette Bgrresen"] == "Folkehelseinstituttet"
    # another body's resolution reported in an orientation is not this body's decision
    assert doc["items"][1]["decisions"] == []
