"""Markdown minutes whose facts a site generator keeps in YAML front matter or in the file name."""

from pathlib import Path

from referat.extract import extract_meeting
from referat.ingest import read_document

JEKYLL_POST = """---
layout: meeting
title: Andre møte høsten 2019
subheadline: "Møte i Tildelingsutvalget"
uncertain: true
referent: "Sunniva"
attending:
    - lag, Kari Vestre
    - koret, Per Arne Moe,-
    - leder, Lise Holm
    - turgruppa,
not_attending:

---

* TOC
{:toc}

## 1. Godkjenning av innkalling {#innkalling}
Innkallingen ble godkjent. Forrige møte var 12.09.2019.

## 2. Søknader {#soknader}
Utvalget tildelte midler til koret.

### 2.1 - {#soknad-1} Korets vårtur
Innvilget.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_jekyll_post_reads_its_title_list_of_attendees_and_the_date_in_its_file_name(tmp_path: Path):
    path = _write(tmp_path, "2019-10-03-andre-mote.md", JEKYLL_POST)
    doc = read_document(path)
    texts = [line.text for line in doc.lines()]
    assert texts[:9] == ["Andre møte høsten 2019", "Møte i Tildelingsutvalget", "Dato: 2019-10-03",
                         "Referent: Sunniva", "Til stede:", "Kari Vestre, lag", "Per Arne Moe, koret",
                         "Lise Holm, leder", "1. Godkjenning av innkalling"]
    assert "2.1 - Korets vårtur" in texts
    assert doc.raw_text.startswith("---\nlayout: meeting")  # the archive keeps the file as written
    # the text after the front matter keeps its line numbers in the file
    assert next(line for line in doc.lines() if line.text.startswith("1. Godkjenning")).number == 19
    extraction = extract_meeting(doc)
    assert extraction.kind == "minutes"
    assert extraction.meeting is not None
    assert (extraction.meeting.body, extraction.meeting.date) == ("Tildelingsutvalget", "2019-10-03")
    # the referent is one of the meeting's officials, and present
    assert [(p.name, p.category.value, p.organisation, p.role) for p in extraction.meeting.attendance] == [
        ("Sunniva", "secretariat", None, None), ("Kari Vestre", "member", "lag", None),
        ("Per Arne Moe", "member", "koret", None), ("Lise Holm", "member", None, "leder")]


def test_a_date_in_the_front_matter_wins_over_the_file_name_and_mdx_is_markdown(tmp_path: Path):
    text = ("---\ntitle: 'Styremøte i velforeningen'\ndate: 2021-03-02 18:00:00 +0100\n---\n\n"
            "import Callout from '../components/Callout';\n\n<Callout type=\"info\">\n\n"
            "**Til stede:** Kari Vestre, Per Arne Moe\n\n</Callout>\n\n### 12 Budsjett\n\nStyret vedtok budsjettet.\n")
    path = _write(tmp_path, "2021-03-09-styremote.mdx", text)
    texts = [line.text for line in read_document(path).lines()]
    assert texts[:3] == ["Styremøte i velforeningen", "Dato: 2021-03-02", "Til stede: Kari Vestre, Per Arne Moe"]
    extraction = extract_meeting(read_document(path))
    assert extraction.kind == "minutes" and extraction.meeting is not None
    assert extraction.meeting.date == "2021-03-02"


def test_a_rule_of_dashes_in_plain_text_is_no_front_matter(tmp_path: Path):
    text = "---\nDato: 05.05.2020\n---\nReferat fra styremøte\n"
    lines = read_document(_write(tmp_path, "m.txt", text)).lines()
    assert [line.text for line in lines][:2] == ["---", "Dato: 05.05.2020"]


def test_toml_front_matter_and_inline_lists(tmp_path: Path):
    text = ('+++\ntitle = "Referat fra møte i Velstyret"\ndate = 2022-05-10\n'
            'attendees = ["Kari Vestre", "Per Arne Moe"]\nabsent = ["Lise Holm"]\n+++\n\nStyret vedtok budsjettet.\n')
    texts = [line.text for line in read_document(_write(tmp_path, "velstyret.md", text)).lines()]
    assert texts == ["Referat fra møte i Velstyret", "Dato: 2022-05-10", "Til stede:", "Kari Vestre", "Per Arne Moe",
                     "Forfall:", "Lise Holm", "Styret vedtok budsjettet."]


def test_a_yaml_list_may_start_at_the_margin(tmp_path: Path):
    text = "---\ntitle: Styremøte\ndate: 2022-05-10\ndeltakere:\n- Kari Vestre\n- Per Arne Moe\n---\n\nGodkjent.\n"
    texts = [line.text for line in read_document(_write(tmp_path, "styremote.md", text)).lines()]
    assert texts == ["Styremøte", "Dato: 2022-05-10", "Til stede:", "Kari Vestre", "Per Arne Moe", "Godkjent."]
