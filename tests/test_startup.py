"""What the smallest runs load: `referat --help` and a top-up with nothing new import only what they
use. Their times are printed by benchmarks/startup.py; these tests check the imports, not the clock."""

import ast
import subprocess
import sys

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
