# One command to run the pipeline on the bundled samples, one to run the tests.
# Both create .venv and install the project (with its dev extras) on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test ui lint bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/newsfacts run

test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/pytest

# dagster_home/dagster.yaml: one warehouse writer at a time (pool), two runs in parallel.
ui: $(BIN)/.installed
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/dagster_home} ; mkdir -p $$DAGSTER_HOME ; \
	DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev

# Throughput benchmark (docs/performance.md); N=10000 takes about 10 minutes on 2 cores.
N ?= 10000
bench: $(BIN)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/run.py --n $(N) --seed 1 --processes 2

lint: $(BIN)/.installed
	$(BIN)/ruff check .
