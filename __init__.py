"""referat: Norwegian meeting minutes in, a queryable DuckDB archive out.

The pipeline reads like a recipe, one stage per subpackage:
``ingest`` (file -> Document) -> ``extract`` (Document -> Meeting) ->
``normalize`` (names -> canonical identities) -> ``store`` (DuckDB) -> ``reports``.
"""

__version__ = "0.1.0"
