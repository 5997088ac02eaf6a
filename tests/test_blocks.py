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
