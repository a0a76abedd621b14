# Two commands set everything up: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Settings build SITE_BASE_URL from PORT (unless it is set), so links follow the port.
export PORT
STAMP := $(VENV)/.installed

.PHONY: run test lint setup install messages migrate demo bench browser clamav clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(BIN)/python manage.py compile_translations

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

setup: install messages migrate demo

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Browser tests drive Debian's chromium; as root (CI) it is installed when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: install Debian's chromium (apt-get install chromium) for the browser tests"; \
	  fi; \
	fi

# The upload-scan tests start Debian's clamd with a signature of their own; as root (CI) the
# package is installed when missing. Its service is not needed: the tests run their own.
clamav:
	@if [ ! -x /usr/sbin/clamd ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clamav-daemon >/dev/null; \
	  else \
	    echo "clamd is missing: install Debian's clamav-daemon (apt-get install clamav-daemon) for the upload-scan tests"; \
	  fi; \
	fi

# Three runs: the suite; the four plugins installed into a minimal Wagtail site of their own
# (tests/standalone, no home or website); the browser tests against a live server.
test: setup browser clamav
	$(BIN)/python -m pytest -m "not browser"
	$(BIN)/python -m pytest tests/standalone --ds=tests.standalone.settings
	$(BIN)/python -m pytest -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Full sizes take several minutes; BENCH_QUICK=1 make bench gives a short run.
bench: install messages
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/retention.py
	$(BIN)/python bench/forms.py
	$(BIN)/python bench/careers.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/plone_import.py

clean:
	rm -rf $(VENV) db.sqlite3 media private static
