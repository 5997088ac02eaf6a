"""Store: the DuckDB archive. Only this package and the CLI touch the database."""

from referat.store.db import connect, load_registry
from referat.store.export import export_documents
from referat.store.load import load, rebuild_memberships

__all__ = ["connect", "load_registry", "load", "rebuild_memberships", "export_documents"]
