# taizhang: make demo | make test | make lint | make bench | make bench-compiled | make format
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared
PG_URL  ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: install demo test test-sqlite test-postgres lint format bench bench-compiled compiled score confidence clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/taizhang demo --seeds $(SHARED)/seeds

test: install
	$(BIN)/python -m pytest
	@if $(BIN)/python -m taizhang.dbcheck "$(PG_URL)"; then \
		echo "== PostgreSQL is reachable: running the suite again on it"; \
		DATABASE_URL="$(PG_URL)" $(BIN)/python -m pytest; \
	else echo "== PostgreSQL not reachable: SQLite run only"; fi

lint: install
	$(BIN)/ruff check taizhang tests
	$(BIN)/mypy taizhang

format: install
	$(BIN)/ruff format taizhang tests
	$(BIN)/ruff check --fix taizhang tests

bench: install
	$(BIN)/taizhang bench --seeds $(SHARED)/seeds

# The extraction library compiled with mypyc, as a copy out of the source tree (taizhang/extract/
# compiled.py): opt-in, for the bench and production; tests and development run the sources.
# Rebuilt when a source of the library changed (a few minutes, about 1.5 GB; needs a C compiler).
COMPILED := build/compiled
$(COMPILED)/.built: $(STAMP) $(wildcard taizhang/extract/*.py taizhang/extract/data/*) taizhang/devtools/compile_extract.py
	$(BIN)/python -m taizhang.devtools.compile_extract --dest $(COMPILED)
	touch $@

compiled: $(COMPILED)/.built

bench-compiled: $(COMPILED)/.built
	PYTHONPATH=$(COMPILED) $(BIN)/taizhang bench --seeds $(SHARED)/seeds extract-seeds extract-large

score: install
	@rm -rf out/score; for set in "seeds:$(SHARED)/seeds:$(SHARED)/gold" \
	    "shared-corpus:$(SHARED)/corpus/docs:$(SHARED)/corpus/gold" \
	    "own-tune:tests/extract/corpus/tune/docs:tests/extract/corpus/tune/gold" \
	    "own-holdout:tests/extract/corpus/holdout/docs:tests/extract/corpus/holdout/gold"; do \
	  name=$${set%%:*}; rest=$${set#*:}; docs=$${rest%%:*}; gold=$${rest#*:}; \
	  [ -d "$$docs" ] || { echo "== $$name: $$docs not found, skipped"; continue; }; \
	  echo "== $$name ($$docs)"; \
	  $(BIN)/taizhang extract "$$docs"/* --json-dir out/score/$$name -q || exit 1; \
	  $(BIN)/python $(SHARED)/tools/score_extraction.py "$$gold" out/score/$$name || exit 1; \
	done

# Precision of tasks and metrics per confidence band (docs/confidence.md); the holdout part is the
# lead's to score: CONFIDENCE_CORPORA="holdout=tests/extract/corpus/holdout/docs:tests/extract/corpus/holdout/gold"
CONFIDENCE_CORPORA ?= seeds=$(SHARED)/seeds:$(SHARED)/gold shared-corpus=$(SHARED)/corpus/docs:$(SHARED)/corpus/gold \
	own-tune=tests/extract/corpus/tune/docs:tests/extract/corpus/tune/gold
confidence: install
	$(BIN)/python -m taizhang.extract.calibrate --scorer $(SHARED)/tools/score_extraction.py $(CONFIDENCE_CORPORA)

clean:
	rm -rf $(VENV) build *.egg-info out
