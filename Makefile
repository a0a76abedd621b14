# Two commands set everything up: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Settings build SITE_BASE_URL from PORT (unless it is set), so links follow the port.
export PORT
STAMP := $(VENV)/.installed

.PHONY: run test lint setup install messages migrate demo bench browser clean

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

test: setup browser
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Full sizes take several minutes; BENCH_QUICK=1 make bench gives a short run.
bench: install messages
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/retention.py
	$(BIN)/python bench/forms.py

clean:
	rm -rf $(VENV) db.sqlite3 media private static
