"""Lines to paragraphs: where a paragraph ends."""

from referat.extract.blocks import join_lines
from referat.ingest.document import Line, Span


def _line(number: int, text: str, *, bold: bool = False, wraps: bool = True) -> Line:
    return Line(page=1, number=number, spans=[Span(text=text, bold=bold)], wraps=wraps)


def test_a_numbered_point_in_bold_starts_and_ends_its_own_paragraph():
    lines = [_line(1, "Styret drøftet saken og ba leder om å komme tilbake med et forslag til"),
             _line(2, "3 Budsjett for neste år", bold=True), _line(3, "Leder la fram forslaget.", wraps=False)]
    assert [b.text for b in join_lines(lines)] == [
        "Styret drøftet saken og ba leder om å komme tilbake med et forslag til", "3 Budsjett for neste år",
        "Leder la fram forslaget."]
    # in plain type the same number goes on the sentence above: '... inntil' / '3 Personer ...'
    plain = [_line(1, "Styret kan oppnevne inntil"), _line(2, "3 Personer til utvalget.", wraps=False)]
    assert [b.text for b in join_lines(plain)] == ["Styret kan oppnevne inntil 3 Personer til utvalget."]


def _decisions(tmp_path, text: str) -> list[str]:
    from referat.extract.blocks import build_blocks
    from referat.ingest import read_document

    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    return [b.text for b in build_blocks(read_document(path))]


def test_a_running_title_with_the_meetings_date_does_not_break_a_decision(tmp_path):
    # two pages: the title at the top of the second comes back on no other page to be known by
    opening = "Protokoll fra møte i Formannskapet\n\nDato: 12.03.2024\n\nSak 8/24 Budsjett\nVedtak:\n"
    sentence = ["Formannskapet vedtar budsjettet for 2024 slik det ble lagt fram, med de endringer som",
                "ble vedtatt i møtet."]
    whole = " ".join(sentence)
    with_form_feed = (opening + sentence[0] + "\nSide 1 av 2\n\fFormannskapet 12.03.2024\n" + sentence[1]
                      + "\nSide 2 av 2\n")
    assert _decisions(tmp_path, with_form_feed)[-1] == whole
    # no form feeds: the page shows only by its number and the title, with blank lines around them
    without = opening + sentence[0] + "\n\nSide 1 av 2\n\nFormannskapet 12.03.2024\n\n" + sentence[1] + "\n"
    assert _decisions(tmp_path, without)[-1] == whole
    # a footer with the page number beside the title
    beside = opening + sentence[0] + "\nFormannskapet 12.03.2024          Side 1 av 2\n\f" + sentence[1] + "\n"
    assert _decisions(tmp_path, beside)[-1] == whole
