"""Store: the DuckDB archive. Only this package and the CLI touch the database.

The loader is ``referat.store.load.load``: it imports the models and the name matcher, which a
command that only reads, or an ingest with nothing new, goes without."""

from referat.store.db import connect, load_registry
from referat.store.export import export_documents
from referat.store.memberships import rebuild_memberships

__all__ = ["connect", "load_registry", "rebuild_memberships", "export_documents"]
