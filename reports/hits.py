"""Search hits as `referat search` prints them: a readable table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from referat.reports.labels import label
from referat.reports.publication import csv_row

if TYPE_CHECKING:
    from referat.store.search import Hit

COLUMNS = ("score", "kind", "body", "date", "number", "title", "source", "page", "line", "snippet", "exempt")


def hits_table(hits: list[Hit]) -> str:
    """Two lines a hit: where it is (meeting, case, file, page, line), then the snippet."""
    if not hits:
        return "no hits"
    out = []
    for k, h in enumerate(hits, 1):
        exempt = "  [unntatt offentlighet]" if h.exempt else ""
        out.append(f"{k:>2}. {h.body or '(ukjent organ)'} {h.date or '(uten dato)'}  Sak {h.number} – {h.title} "
                   f"({label(h.kind, 'kind')}){exempt}")
        out.append(f"    {h.source} s. {h.page} l. {h.line}  score {h.score:.2f}")
        out.append(f"    {h.snippet}")
    return "\n".join(out)


def hits_csv(hits: list[Hit]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_row(h.as_dict()) for h in hits)
    return buffer.getvalue().rstrip("\n")


def hits_json(hits: list[Hit]) -> str:
    return json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1)


FORMATS = {"table": hits_table, "csv": hits_csv, "json": hits_json}
