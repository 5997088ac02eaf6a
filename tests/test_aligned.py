"""Tables without ruling lines in a PDF, from the positions of their parts."""

from dataclasses import dataclass, field

from referat.ingest.aligned import aligned_rows


@dataclass
class Run:
    text: str
    x0: float
    x1: float
    size: float = 10.0


@dataclass
class Line:
    runs: list[Run] = field(default_factory=list)


def _line(*parts: tuple[str, float]) -> Line:
    return Line([Run(text, x, x + 6 * len(text)) for text, x in parts])


def _cells(lines: list[Line]) -> dict[int, list[str]]:
    return {k: [" ".join(r.text for r in cell) for cell in cells] for k, cells in aligned_rows(lines).items()}


def test_marks_centred_under_their_headers_keep_their_column():
    lines = [_line(("Navn", 80), ("Møtt", 373), ("Forfall", 418)),
             _line(("Kari Lund", 80), ("x", 380)),
             _line(("Per Dale", 80), ("x", 430)),
             _line(("Ola Vik", 80), ("Teams", 368))]
    assert _cells(lines) == {0: ["Navn", "Møtt", "Forfall"], 1: ["Kari Lund", "x", ""],
                             2: ["Per Dale", "", "x"], 3: ["Ola Vik", "Teams", ""]}


def test_prose_and_label_lines_are_no_table():
    lines = [_line(("Dato:", 80), ("14.03.2024", 200)), _line(("Sted:", 80), ("Teams", 200)),
             _line(("Møtet ble holdt på Teams.", 80)), _line(("Sak 8/24", 80), ("Budsjett", 200))]
    assert _cells(lines) == {}


# Tables typed with spaces or tabs, as 'pdftotext -layout' and case systems leave them (ingest/text.py)

def _typed(text: str) -> list:
    from referat.ingest.text import parse_text

    return [line.cells if line.cells is not None else line.text for page in parse_text(text) for line in page.lines]


def test_a_typed_row_set_a_few_characters_off_stays_in_the_table():
    # the row after it, aligned again, was lost with it: both joined no table and vanished from the attendance
    assert _typed("Namn                 Funksjon        Representerer\n"
                  "Astrid Lunde         Leiar           SP\n"
                  "Berit Solheim            Nestleiar       AP\n"
                  "Johan Haugen         Medlem          H\n"
                  "Kari Nilsen        Medlem            V\n") == [
        ["Namn", "Funksjon", "Representerer"], ["Astrid Lunde", "Leiar", "SP"], ["Berit Solheim", "Nestleiar", "AP"],
        ["Johan Haugen", "Medlem", "H"], ["Kari Nilsen", "Medlem", "V"]]


def test_a_mark_is_read_under_the_header_not_only_under_the_row_above():
    assert _typed("Navn                     Møtt     Forfall\n"
                  "Kari Hansen (AP)         x\n"
                  "Per Olsen (H)                     x\n") == [
        ["Navn", "Møtt", "Forfall"], ["Kari Hansen (AP)", "x"], ["Per Olsen (H)", "", "x"]]


def test_a_cell_going_on_below_its_row_and_a_section_heading_stay_in_the_table():
    assert _typed("Navn                Stilling                Møtt\n"
                  "Medlemmer\n"
                  "Randi Fosse         Kommunalsjef oppvekst   x\n"
                  "                    og kultur\n"
                  "Administrasjonen\n"
                  "Jon Erik Haga       Rådgiver                x\n") == [
        ["Navn", "Stilling", "Møtt"], ["Medlemmer"], ["Randi Fosse", "Kommunalsjef oppvekst", "x"],
        ["", "og kultur"], ["Administrasjonen"], ["Jon Erik Haga", "Rådgiver", "x"]]


def test_a_page_number_and_a_running_title_between_rows_do_not_end_the_table():
    # a text without form feeds: the rows after the page break have no header of their own
    assert _typed("Navn           Funksjon   Parti\n"
                  "Kari Hansen    Leder      AP\n\n"
                  "Side 1 av 3\n\n"
                  "Kommunestyret 12.03.2024\n\n"
                  "Eva Dahl       Medlem     SP\n") == [
        ["Navn", "Funksjon", "Parti"], ["Kari Hansen", "Leder", "AP"], "Side 1 av 3", "Kommunestyret 12.03.2024",
        ["Eva Dahl", "Medlem", "SP"]]


def test_a_row_under_a_label_keeps_the_columns_of_the_table_above_and_a_new_header_its_own():
    assert _typed("Navn                 Funksjon        Parti\n"
                  "Astrid Lunde         Leder           SP\n"
                  "Johan Haugen         Medlem          H\n"
                  "Forfall:\n"
                  "Nils Dahl              Medlem          FRP\n"
                  "Fra administrasjonen møtte:\n"
                  "Navn                                   Stilling\n"
                  "Randi Aasgard                          Rådmann\n") == [
        ["Navn", "Funksjon", "Parti"], ["Astrid Lunde", "Leder", "SP"], ["Johan Haugen", "Medlem", "H"], "Forfall:",
        ["Nils Dahl", "Medlem", "FRP"], "Fra administrasjonen møtte:", ["Navn", "Stilling"],
        ["Randi Aasgard", "Rådmann"]]


def test_bullets_and_sentences_parted_by_double_spaces_are_no_table():
    lines = _typed("Navn           Funksjon   Parti\n"
                   "Kari Hansen    Leder      AP\n"
                   "Per Olsen      Medlem     H\n"
                   "Møtet ble satt.  Det var ingen merknader til innkallingen.\n\n"
                   "   •   Lærernormen bør opprettholdes på skolenivå.\n"
                   "   •   Staten må fullfinansiere alle nye oppgaver som overføres til kommunene og\n"
                   "       fylkene.\n")
    assert [line for line in lines if isinstance(line, str)] == [
        "Møtet ble satt.  Det var ingen merknader til innkallingen.", "Lærernormen bør opprettholdes på skolenivå.",
        "Staten må fullfinansiere alle nye oppgaver som overføres til kommunene og", "fylkene."]


def test_tabs_typed_to_line_columns_up_put_each_field_under_its_header():
    assert _typed("Navn\t\t\tParti\tMøtt\tForfall\n"
                  "Kari Hansen\t\tAP\tx\n"
                  "Per Olsen\t\tH\t\tx\n"
                  "Eva Marie Dahl-Berg\tSP\tx\n") == [
        ["Navn", "", "", "Parti", "Møtt", "Forfall"], ["Kari Hansen", "", "", "AP", "x"],
        ["Per Olsen", "", "", "H", "", "x"], ["Eva Marie Dahl-Berg", "", "", "SP", "x"]]


def test_an_export_with_tabs_keeps_each_cell_in_its_field():
    assert _typed("Navn\tParti\tMøtt\tForfall\nKari Hansen\tAP\tx\t\nPer Olsen\tH\t\tx\n") == [
        ["Navn", "Parti", "Møtt", "Forfall"], ["Kari Hansen", "AP", "x"], ["Per Olsen", "H", "", "x"]]
