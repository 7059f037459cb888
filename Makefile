# Two commands matter: `make run` (install, migrate, import the sample releases, serve) and `make test`.
# Django 6 needs Python >= 3.12: we take the first of python3.13, python3.12, pyenv's 3.13/3.12, python3
# that is new enough. Override with `make PYTHON=/path/to/python3.12 ...`.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
RUN_ENV := DEBUG=1
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/local/bin/python3 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)

.PHONY: install run test lint score probe robustness confidence bench bench-import demo clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: no Python >= 3.12 found (Django 6 needs it). Install one (e.g. 'pyenv install 3.12') or run 'make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)'." >&2; \
		exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

run: install
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py ingest_releases fixtures/corpus/releases
	@echo "Serving on http://127.0.0.1:8000 (admin: create a user with 'DEBUG=1 .venv/bin/python manage.py createsuperuser')"
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# the importer scored against the annotated corpus: all of it, the dev part, the held-out part
score: install
	$(RUN_ENV) $(PY) -m bench.score

# single real sentences, one step each (fixtures/probe): does the importer see this way of saying it?
probe: install
	$(RUN_ENV) $(PY) -m bench.probe dev holdout

# the same releases again in capitals, under site navigation, hard-wrapped and under undated file names
robustness: install
	$(RUN_ENV) $(PY) -m bench.robustness dev holdout

confidence: install
	for part in all dev holdout; do $(RUN_ENV) $(PY) -m bench.confidence $$part; done

bench: install
	$(RUN_ENV) $(PY) -m bench

bench-import: install
	$(RUN_ENV) $(PY) -m bench import

demo: install
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py generate_cases --cases 300 --seed 1
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
