"""Case headings and their titles, as Markdown and word processors mark them up."""

from pathlib import Path

from referat.extract.blocks import build_blocks
from referat.extract.cases import CaseSection, split_cases
from referat.ingest import read_document

# A line as long as a page is wide, so that the short lines after it do not read as wrapped
PROSE = "Referatet ble sendt ut til alle medlemmene av utvalget i god tid før møtet, som vanlig.\n\n"


def _cases(tmp_path: Path, text: str, name: str = "m.txt") -> list[CaseSection]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_cases(build_blocks(read_document(path)))[1]


def test_titles_whatever_part_is_bold(tmp_path: Path):
    cases = _cases(tmp_path, "**Sak 5/24:** Budsjett 2025\n\nVedtak: Godkjent.\n\n"
                   "### 6/24 Handlingsplan\n\nUtvalget sluttet seg til planen.\n\n"
                   "**Sak 7/24 – Årsmelding** (unntatt offentlighet)\n\nTatt til orientering.\n\n"
                   "Sak nr. 8/24\nGodkjenning av protokoll\n", "m.md")
    assert [(c.number, c.title, c.exempt) for c in cases] == [
        ("05-24", "Budsjett 2025", False), ("06-24", "Handlingsplan", False), ("07-24", "Årsmelding", True),
        ("08-24", "Godkjenning av protokoll", False)]


def test_decision_labels_with_the_vote_and_what_is_only_on_record(tmp_path: Path):
    from referat.extract.decisions import read_decisions

    cases = _cases(tmp_path, "Sak 46/24 Budsjett\nStyret drøftet saken.\nVedtak (enstemmig):\n1. Budsjettet vedtas.\n"
                   "2. Rektor gis fullmakt.\nProtokolltilførsel fra Mats Ulvestad: Studentene er uenige.\n\n"
                   "Sak 47/24 Plan\nVedtak (5 mot 2 stemmer): Planen vedtas.\nDissens:\nTo medlemmer stemte mot.\n\n"
                   "Sak 48/24 Høring\nRådet drøftet saken.\nRådet fattet følgende vedtak:\nRådet støtter planen.\n\n"
                   "Sak 49/24 Innspill\nFølgende vedtak ble fattet:\nTilskuddet videreføres.\n\nEventuelt\n"
                   "Ingen saker.\n\nNeste møte: 11. september 2024.\n")
    found = [[(d.text, d.labeled) for d in read_decisions(c.body, c.lead, "Styret")[0]] for c in cases]
    assert found == [[("Budsjettet vedtas.", True), ("Rektor gis fullmakt.", True)],
                     [("Planen vedtas.", True)], [("Rådet støtter planen.", True)],
                     [("Tilskuddet videreføres.", True)]]


def test_a_heading_broken_at_a_hyphen_goes_on_below(tmp_path: Path):
    cases = _cases(tmp_path, PROSE + "SAK 6/24 TILSTANDSRAPPORT FOR PLEIE-\nOG OMSORGSTJENESTEN 2023\n"
                   "Tatt til orientering.\n\nSak 7/24 Rapport om omsorgs-\ntjenesten\nTatt til orientering.\n")
    assert [c.title for c in cases] == ["TILSTANDSRAPPORT FOR PLEIE- OG OMSORGSTJENESTEN 2023",
                                        "Rapport om omsorgstjenesten"]


def test_a_table_of_cases_and_a_numbered_list_of_people(tmp_path: Path):
    cases = _cases(tmp_path, "| Nr | Navn | Møtt |\n|---|---|---|\n| 1/24 | Kari Lund | x |\n\n"
                   "| Saksnr. | Tittel | Vedtak | Frist |\n|---|---|---|---|\n"
                   "| 5/24 | Budsjett 2025 | Budsjettet ble vedtatt. | 1.12. |\n"
                   "| | Tillegg til budsjettet | | |\n", "m.md")
    assert [(c.number, c.title, [b.text for b in c.body]) for c in cases] == [
        ("05-24", "Budsjett 2025", ["Vedtak: Budsjettet ble vedtatt.", "Tillegg til budsjettet"])]


def test_bare_numbers_head_cases_when_two_or_more_of_one_year_stand_so(tmp_path: Path):
    cases = _cases(tmp_path, PROSE + "41/24 Godkjenning av saksliste\nGodkjent.\n\n"
                   "42/24 Handlingsplan 2025\nVedtak: Planen sendes på høring.\n")
    assert [(c.number, c.title) for c in cases] == [("41-24", "Godkjenning av saksliste"),
                                                    ("42-24", "Handlingsplan 2025")]
    # one such line alone is prose or a list, not a heading
    assert _cases(tmp_path, PROSE + "41/24 Godkjenning av saksliste\nGodkjent.\n") == []


def test_a_column_of_actions_is_the_cases_follow_up(tmp_path: Path):
    from referat.extract.decisions import read_decisions

    cases = _cases(tmp_path, "| Sak | Tema | Konklusjon | Tiltak | Ansvar |\n|---|---|---|---|---|\n"
                   "| 5/24 | Budsjett 2025 | Budsjettet ble vedtatt. | Sende budsjettet til styret. | Kari Lund |\n",
                   "m.md")
    decisions, follow_ups = read_decisions(cases[0].body, cases[0].lead, "Prosjektgruppen")
    assert [(d.text, d.labeled) for d in decisions] == [("Budsjettet ble vedtatt.", True)]
    assert [f.text for f in follow_ups] == ["Sende budsjettet til styret."]


def test_exempt_flags_in_their_many_forms(tmp_path: Path):
    cases = _cases(tmp_path, PROSE + "Sak 10/24 Konfidensiell sak: klage på tilsetting\nDrøftet.\n\n"
                   "Sak 11/24 Personalsak (unnateke offentlegheit)\nDrøfta.\n\n"
                   "Sak 12/24 Avtale om leie, jf. offentlighetsloven § 23\nGodkjent.\n\n"
                   "Sak 13/24* Tilsetting av daglig leder\nStyret tilsatte søker nr. 2.\n\n"
                   "Sak 14/24 Budsjett 2025\nVedtatt.\n\n"
                   "Sak 15/24 Konfidensiell sak\n\nSak 16/24 Eventuelt\nIngen saker.\n\n"
                   "* Unntatt offentlighet etter offl. § 25.\n")
    assert [(c.number, c.title, c.exempt) for c in cases] == [
        ("10-24", "klage på tilsetting", True), ("11-24", "Personalsak", True), ("12-24", "Avtale om leie", True),
        ("13-24", "Tilsetting av daglig leder", True), ("14-24", "Budsjett 2025", False),
        ("15-24", "Konfidensiell sak", True), ("16-24", "Eventuelt", False)]


def test_a_star_without_a_legal_basis_is_no_flag(tmp_path: Path):
    cases = _cases(tmp_path, PROSE + "Sak 13/24* Tilsetting av daglig leder\nTilsatt.\n\n"
                   "Sak 14/24 Budsjett\nVedtatt.\n")
    assert [(c.title, c.exempt) for c in cases] == [("Tilsetting av daglig leder", False), ("Budsjett", False)]


def test_a_saksliste_table_with_the_archive_number_and_a_closed_column(tmp_path: Path):
    cases = _cases(tmp_path, "| Saksnr. | Arkivsaksnr. | Tittel | Lukket |\n|---|---|---|---|\n"
                   "| 12/24 | 24/345 | Budsjett | |\n| 13/24 | 23/1001 | Tilsetting av rektor | X |\n", "m.md")
    assert [(c.number, c.title, c.exempt, c.exempt_raw) for c in cases] == [
        ("12-24", "Budsjett", False, None), ("13-24", "Tilsetting av rektor", True, "X")]


def test_a_heading_line_joined_with_the_paragraph_under_it(tmp_path: Path):
    from referat.extract.blocks import join_lines
    from referat.ingest.document import Line, Span

    def line(n: int, text: str, wraps: bool = False, new: bool = True) -> Line:
        return Line(page=1, number=n, spans=[Span(text=text)], wraps=wraps, break_before=new)

    # a heading in a larger type reaches the margin, so the paragraph under it seems to go on from it
    blocks = join_lines([line(1, "3 Valg av stemmesystem", wraps=True), line(2, "Blir lagt frem av leder.", new=False),
                         line(3, "4 Budsjett for", wraps=True), line(4, "Velforeningen og hytta", new=False),
                         line(5, "Vedtatt."), line(6, "5 Eventuelt"), line(7, "Ingen saker.")])
    cases = split_cases(blocks)[1]
    assert [(c.number, c.title) for c in cases] == [("3", "Valg av stemmesystem"),
                                                    ("4", "Budsjett for Velforeningen og hytta"), ("5", "Eventuelt")]


def test_short_cases_before_a_table_row_that_comes_again_are_kept(tmp_path: Path):
    cases = _cases(tmp_path, "**Sak 1/24 Godkjenning av innkalling**\n\nGodkjent.\n\n"
                   "**Sak 2/24 Referatsaker**\n\nTatt til orientering.\n\n"
                   "| Saksnr. | Tittel |\n|---|---|\n| 3/24 | Budsjett |\n\n"
                   "**Sak 3/24 Budsjett**\n\nStyret drøftet budsjettet for neste år grundig, og vedtok det slik "
                   "administrasjonen la det fram, med en endring i posten for vedlikehold av grendehuset.\n", "m.md")
    assert [c.number for c in cases] == ["01-24", "02-24", "03-24"]
