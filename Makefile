# The two commands of the README: `make build` and `make test`. Both create the environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install hooks browser build check test test-slow lint format bench bench-steps bench-datateam serve pdf renditions clean reliability

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED) ## create .venv and install the project with its dev tools

hooks: $(INSTALLED) ## install the git pre-commit hooks (ruff check --fix, ruff format, mypy)
	$(BIN)/pre-commit install

build: $(INSTALLED) ## build warehouse/indicators.duckdb from raw/ and write the consistency report
	$(BIN)/indicators build
	@echo "consistency report: warehouse/consistency-report.md (.json, .xml: the same run)"

check: $(INSTALLED) ## re-run the cross-checks on the existing warehouse
	$(BIN)/indicators check

# The site's tests open it in headless Chromium (Debian's package), installed when missing.
browser: ## install headless Chromium (Debian package) when it is missing
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

test: $(INSTALLED) browser ## run lint, the type check and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

reliability: $(INSTALLED) ## kill -9 and concurrency tests ten times in a row, then every hostile case and store
	for run in 1 2 3 4 5 6 7 8 9 10; do \
		INDICATORS_RELIABILITY_ALL=1 $(BIN)/pytest -q -m reliability tests/end_to_end/test_one_writer.py || exit 1; \
	done
	INDICATORS_RELIABILITY_ALL=1 $(BIN)/pytest -q -m slow tests/end_to_end/test_publish.py tests/end_to_end/test_hostile_input.py \
		tests/end_to_end/test_stores_heal.py tests/end_to_end/test_outputs.py tests/end_to_end/test_query_guard.py

test-slow: $(INSTALLED) ## run the costly end-to-end tests left out of `make test` (CI runs both)
	$(BIN)/pytest -m slow

lint: $(INSTALLED) ## ruff lint and format check, mypy type check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(INSTALLED) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(INSTALLED) ## a build's cost against its work (interleaved medians, ratios); 8 documents on 1 and 2 workers
	$(BIN)/python scripts/bench_build.py
	PREFECT_HOME=$(CURDIR)/.prefect $(BIN)/python scripts/bench_datateam.py --batch-only

bench-steps: $(INSTALLED) ## each step of the build, the PDF reader per page and per document
	$(BIN)/python scripts/benchmark.py

bench-datateam: $(INSTALLED) ## fixed cost of a command with/without a server; 8 documents on 1 and 2 workers
	PREFECT_HOME=$(CURDIR)/.prefect $(BIN)/python scripts/bench_datateam.py

serve: $(INSTALLED) ## start a local prefect server (port 4200) and serve the scheduled deployment
	PREFECT_HOME=$(CURDIR)/.prefect $(BIN)/indicators serve

pdf: $(INSTALLED) ## re-render raw/report/*.pdf from the text export (published layout)
	$(BIN)/python tools/render_report_pdf.py raw/report/rapport-activites-2022.txt raw/report/rapport-activites-2022.pdf --layout published

meaning: $(INSTALLED) ## what the sentence figures mean against the golden file and the reworded copy (found, labels, entities, periods)
	$(BIN)/python scripts/sentence_agreement.py

renditions: $(INSTALLED) browser ## 20 layouts drawn from fresh seeds (3 engines), then the 5 fixed renditions: agreement with the export, s/page
	$(BIN)/python scripts/layout_sweep.py --layouts 20
	$(BIN)/python scripts/pdf_renditions.py --runs 3
	$(BIN)/python scripts/bench_pdf_reader.py --runs 3

clean: ## remove the warehouse output, its check history and staging cache (raw/ is never touched)
	rm -rf warehouse/indicators.duckdb warehouse/indicators.duckdb.wal warehouse/indicators.duckdb.lock \
		warehouse/indicators.candidate.duckdb warehouse/.indicators.duckdb.*.candidate* \
		warehouse/.indicators.duckdb.built.json \
		warehouse/staging warehouse/check-history warehouse/consistency-report.*
