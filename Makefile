# Two commands do all setup: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test test-sqlite test-postgres lint bench clean messages

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/litopys demo --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench

# The suite runs on every core (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one process.
PYTEST_ARGS ?= -n auto --dist loadfile

test-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

# Browser tests serve a demo home of their own on SQLite whatever DATABASE_URL says: they run once, above; so do
# the tests marked no_database (pure code: extraction, in-memory linkage), which a second database cannot change.
test-postgres: install
	@if [ -n "$$LITOPYS_TEST_DATABASE_URL" ]; then \
		echo "== the same suite on PostgreSQL ($$LITOPYS_TEST_DATABASE_URL)"; \
		DATABASE_URL="$$LITOPYS_TEST_DATABASE_URL" $(BIN)/pytest $(PYTEST_ARGS) -m "not browser and not no_database"; \
	else \
		echo "== PostgreSQL run skipped: set LITOPYS_TEST_DATABASE_URL to run the suite there too"; \
	fi

test: lint test-sqlite test-postgres

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# Refresh and compile the Ukrainian catalogue (no wrapping keeps the diff small and the tests simple).
messages: install
	cd src/litopys && ../../$(BIN)/litopys makemessages -l uk --ignore=.venv --no-wrap --no-obsolete \
		&& ../../$(BIN)/litopys compilemessages -l uk
