"""Store: the DuckDB archive. Only this package and the CLI touch the database."""

from __future__ import annotations

from typing import Any

from referat.store.db import connect, load_registry
from referat.store.export import export_documents
from referat.store.memberships import rebuild_memberships

__all__ = ["connect", "load_registry", "load", "rebuild_memberships", "export_documents"]


def __getattr__(name: str) -> Any:
    # The loader imports the models and the name matcher: a command that only reads, or an ingest
    # with nothing new, goes without them.
    if name == "load":
        from referat.store.load import load

        return load
    raise AttributeError(f"module 'referat.store' has no attribute {name!r}")
