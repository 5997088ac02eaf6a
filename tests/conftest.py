from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import ROOT, SEED_TEXTS

sys.path.insert(0, str(ROOT))  # for benchmarks.corpus, the synthetic minutes generator


@pytest.fixture(autouse=True, scope="session")
def registry_copy(tmp_path_factory: pytest.TempPathFactory):
    """Tests read the project's authority files from a copy, so review decisions never touch data/registry."""
    import os
    import shutil

    folder = tmp_path_factory.mktemp("registry")
    for path in (ROOT / "data" / "registry").glob("*.csv"):
        shutil.copy(path, folder / path.name)
    (folder / "decisions.csv").unlink(missing_ok=True)
    os.environ["REFERAT_REGISTRY"] = str(folder)
    yield folder
    os.environ.pop("REFERAT_REGISTRY", None)


@pytest.fixture(autouse=True, scope="session")
def template_cache(tmp_path_factory: pytest.TempPathFactory):
    """New archives are copies of a template kept in the cache folder (store/template.py): the tests'
    own, so a run never reads or leaves one in the user's."""
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with the text seeds ingested once, shared by read-only tests."""
    from referat.pipeline import find_files
    from referat.store import connect
    from referat.store.ingest import ingest

    db = tmp_path_factory.mktemp("seeded") / "seeds.duckdb"
    conn = connect(db)
    files, _ = find_files(SEED_TEXTS)
    ingest(conn, files, workers=1)
    conn.close()
    return db
