# Two commands set everything up: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Settings build SITE_BASE_URL from PORT (unless it is set), so links follow the port.
export PORT
STAMP := $(VENV)/.installed

.PHONY: run test lint setup install messages migrate demo bench browser clamav clean prod

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

# The production settings on this machine, for trying them: a PostgreSQL database of its own
# (at 127.0.0.1:5432), a Redis, moto (S3) and an SMTP sink of its own, and site/Procfile under
# honcho with two web processes (PORT and PORT+1) and the task worker. See bench/stack.py.
prod: install messages
	$(BIN)/python bench/stack.py

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

# Every benchmark, one after the other, into bench/RESULTS.md; full sizes take a long while,
# BENCH_QUICK=1 make bench gives a short run. load.py and faults.py need PostgreSQL at
# 127.0.0.1:5432 and redis-server (see Deploying in README.md).
bench: install messages
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) db.sqlite3 media private static
