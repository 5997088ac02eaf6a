"""Case headings and their titles, as Markdown and word processors mark them up."""

from pathlib import Path

from referat.extract.blocks import build_blocks
from referat.extract.cases import split_cases
from referat.ingest import read_document


def test_titles_whatever_part_is_bold(tmp_path: Path):
    path = tmp_path / "m.md"
    path.write_text("**Sak 5/24:** Budsjett 2025\n\nVedtak: Godkjent.\n\n"
                    "### 6/24 Handlingsplan\n\nUtvalget sluttet seg til planen.\n\n"
                    "**Sak 7/24 – Årsmelding** (unntatt offentlighet)\n\nTatt til orientering.\n\n"
                    "Sak nr. 8/24\nGodkjenning av protokoll\n", encoding="utf-8")
    _, cases = split_cases(build_blocks(read_document(path)))
    assert [(c.number, c.title, c.exempt) for c in cases] == [
        ("05-24", "Budsjett 2025", False), ("06-24", "Handlingsplan", False), ("07-24", "Årsmelding", True),
        ("08-24", "Godkjenning av protokoll", False)]
