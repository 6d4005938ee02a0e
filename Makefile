# Set-up and everyday commands. Everything installs into a local virtual environment (.venv).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: demo test lint bench schemas wheel clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## demo: install, then score every shipped example and print the summary table
demo: $(BIN)/.installed
	$(BIN)/art36 score examples/*.yaml
	@echo
	@echo "art36 is installed in $(BIN). To run it as 'art36', put that folder on your PATH for this shell:"
	@echo "    . $(BIN)/activate        (or: export PATH=\"$(abspath $(BIN)):\$$PATH\"; or run $(BIN)/art36 ...)"

## test: install, then lint and format-check the code, type-check src/ strictly, lint the checklists and run the tests
test: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/art36 lint --builtin --format text
	$(BIN)/python -m pytest

## schemas: regenerate schemas/*.schema.json from the models (a test checks they are current)
schemas: $(BIN)/.installed
	$(BIN)/art36 schema system > schemas/system.schema.json
	$(BIN)/art36 schema checklist > schemas/checklist.schema.json
	$(BIN)/art36 schema review > schemas/review.schema.json
	$(BIN)/art36 schema score > schemas/score.schema.json

## bench: run the validation benchmark (see docs/performance.md)
bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_validate.py

## wheel: build dist/art36-VERSION-py3-none-any.whl, to install art36 elsewhere without this checkout (docs/ci.md)
wheel: $(BIN)/.installed
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w dist .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
