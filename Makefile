# One command sets up and runs each job: `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint bench clean system-deps

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $@

demo: $(BIN)/.installed
	rm -f $(DEMO_DB)
	$(BIN)/referat ingest data/samples --db $(DEMO_DB)
	@if command -v tesseract >/dev/null; then $(BIN)/referat ingest data/scans --db $(DEMO_DB); \
	else echo "skipping data/scans: OCR needs apt install tesseract-ocr tesseract-ocr-nor"; fi
	@echo
	@echo "Every vedtak on samarbeidsmidler:"
	$(BIN)/referat query --db $(DEMO_DB) "SELECT m.date, m.body, i.number, d.text FROM decisions d \
		JOIN items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id \
		WHERE d.text ILIKE '%samarbeidsmidl%' ORDER BY m.date"
	@echo
	$(BIN)/referat site --db $(DEMO_DB) --out site

# Tesseract and Chromium from Debian's packages, installed when missing (as root, or with sudo).
system-deps:
	bash .ci/system-deps

test: $(BIN)/.installed system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/resolve_bench.py

clean:
	rm -rf $(VENV) $(DEMO_DB) *.egg-info .pytest_cache .ruff_cache
