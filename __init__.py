"""referat: Norwegian meeting minutes in, a queryable DuckDB archive out.

The pipeline reads like a recipe, one stage per subpackage:
``ingest`` (file -> Document) -> ``extract`` (Document -> Meeting) ->
``normalize`` (names -> canonical identities) -> ``store`` (DuckDB) -> ``reports``.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from referat.archive import Archive


def open(path: str | Path) -> Archive:  # noqa: A001 - referat.open, as an analyst expects to call it
    """Open an archive read-only: ``a = referat.open("referat.duckdb"); a.sql("FROM decisions_full").df()``.

    Imported on call, so ``import referat`` stays fast."""
    from referat.archive import Archive

    return Archive(path)
