"""What the smallest runs load: `referat --help` and a top-up with nothing new import only what they
use. Their times are printed by benchmarks/startup.py; these tests check the imports, not the clock."""

import ast
import subprocess
import sys

from helpers import SAMPLES

HEAVY = ("duckdb", "multiprocessing", "ctypes", "pydantic", "pyarrow", "numpy", "rich", "jinja2", "spacy",
         "referat.store", "referat.extract")


def _imported(argv: list[str]) -> list[str]:
    code = ("import sys\nfrom referat.cli import main\n"
            f"sys.argv = ['referat', *{argv!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(run.stdout.splitlines()[-1])


def test_help_imports_no_database_pool_or_extractor():
    assert _imported(["--help"]) == []
    assert _imported(["ingest", "--help"]) == []


def test_one_small_file_imports_no_arrow(tmp_path):
    """A few documents' rows go to DuckDB as lists (store/rows.py): pyarrow and numpy cost 0.11 s to import."""
    (tmp_path / "m.txt").write_bytes((SAMPLES / "000_b0133e4c38a4f008.txt").read_bytes())
    imported = _imported(["ingest", str(tmp_path / "m.txt"), "--db", str(tmp_path / "a.duckdb")])
    assert "referat.extract" in imported and "pyarrow" not in imported and "numpy" not in imported


def test_trace_imports_the_case_grammar_not_the_extractors(tmp_path):
    """`referat trace` parses a case number: the extractors behind `referat.extract` (0.2 s of imports
    and regex compiling) are for reading minutes, and the package hands them out on first use."""
    db = str(tmp_path / "a.duckdb")
    _imported(["ingest", str(SAMPLES / "000_b0133e4c38a4f008.txt"), "--db", db])
    code = ("import sys\nfrom referat.cli import main\n"
            f"sys.argv = ['referat', 'trace', '--db', {db!r}, 'Styringsgruppen 36-23']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('referat.extract')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ast.literal_eval(run.stdout.splitlines()[-1]) == ["referat.extract", "referat.extract.casenumber"]
    assert "Styringsgruppen 36-23" in run.stdout
