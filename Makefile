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

ui: $(BIN)/.installed
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home} ; mkdir -p $$DAGSTER_HOME ; \
	DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev

lint: $(BIN)/.installed
	$(BIN)/ruff check .
