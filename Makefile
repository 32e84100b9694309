# Temaplan. Every target sets itself up: the virtual environment is created and filled on demand.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test check-api bench bench-load bench-portal lint install install-dev system clean

# The runtime install, redone whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The runtime install plus the test and lint tools.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# System packages (Chromium, poppler-utils, WeasyPrint's Pango libraries) and axe-core in
# var/node, each installed when missing; silent when all are there (devtools/setup-system.sh).
system:
	@bash devtools/setup-system.sh

# The embedded demo: migrate, load Asker and Bærum (idempotent), serve on 127.0.0.1:$(PORT).
run: system install
	DEBUG=$${DEBUG:-1} $(BIN)/temaplan migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/temaplan demo
	@echo "Temaplan kjører på http://127.0.0.1:$(PORT)/  (stopp med Ctrl+C)"
	DEBUG=$${DEBUG:-1} $(BIN)/temaplan runserver --noreload 127.0.0.1:$(PORT)

# The whole test suite (browser tests included when Chromium is installed; CI insists on them).
test: system install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Schemathesis against the running API, every check and every phase (examples, coverage,
# fuzzing, and stateful: the chains of calls the schema's links describe), with the schema the
# server itself serves; schemathesis.toml holds what is configured (docs/api.md). The API runs
# on a SQLite database of its own in a temporary directory (migrated, the demo loaded: the
# developer's database is not touched), with runserver on 127.0.0.1:$(API_PORT) and an
# editor's token for Asker; the server is stopped and the directory removed whatever happens.
# manage.py: the code of this checkout, whatever the venv has installed. A few minutes.
# API_EXAMPLES sets the examples per operation and phase.
API_PORT ?= 8765
API_EXAMPLES ?= 30
check-api: install-dev
	@set -eu; dir=$$(mktemp -d); pid=; \
	trap 'test -z "$$pid" || kill $$pid 2>/dev/null || true; rm -rf "$$dir"' EXIT; \
	trap 'exit 130' INT TERM; \
	$(BIN)/python -c "import socket; socket.socket().bind(('127.0.0.1', $(API_PORT)))" \
		|| { echo "Porten $(API_PORT) er i bruk: velg en annen med API_PORT=…" >&2; exit 1; }; \
	export DEBUG=1 DATABASE_URL="sqlite:///$$dir/check-api.sqlite3"; \
	$(BIN)/python manage.py migrate --noinput >/dev/null; \
	$(BIN)/python manage.py demo >/dev/null; \
	token=$$($(BIN)/python manage.py api_token asker-redaktor 3203 --name check-api); \
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(API_PORT) >"$$dir/server.log" 2>&1 & pid=$$!; \
	$(BIN)/schemathesis run http://127.0.0.1:$(API_PORT)/api/v1/openapi.json \
		--wait-for-schema 60 --checks all --phases examples,coverage,fuzzing,stateful \
		--max-examples $(API_EXAMPLES) -H "Authorization: Bearer $$token" \
		|| { echo "Serverens logg:" >&2; tail -n 40 "$$dir/server.log" >&2; exit 1; }

# Benchmarks: medians and ratios, printed. Not part of `make test`.
# Every benchmark runs; the target fails if any of them missed its target.
bench: install-dev
	status=0; \
	DEBUG=1 $(BIN)/python bench/plan_page.py || status=1; \
	$(BIN)/python bench/jsonstat_decode.py || status=1; \
	DEBUG=1 $(BIN)/python bench/recompute.py || status=1; \
	DEBUG=1 $(BIN)/python bench/action_import.py || status=1; \
	$(BIN)/python bench/index_montecarlo.py || status=1; \
	DEBUG=1 $(BIN)/python bench/report_render.py || status=1; \
	$(BIN)/python bench/portal_load.py || status=1; \
	exit $$status

# The load benchmark (bench/load.py, about 3½ minutes): gunicorn with 3 workers on a PostgreSQL
# database of its own (created and dropped; TEMAPLAN_BENCH_POSTGRES names the server, default
# postgres://postgres@127.0.0.1:5432), 30 locust users over the main pages; fails below target.
bench-load: install-dev
	$(BIN)/python bench/load.py $(BENCH_ARGS)

# The portal benchmark (bench/portal_load.py, 2 to 4 minutes, most of it the database): the same
# plumbing, the public report page of Asker 2020 against the logged-in indicator table on one
# gunicorn; fails below 5 times the throughput or on any error.
bench-portal: install-dev
	$(BIN)/python bench/portal_load.py $(BENCH_ARGS)

# Style and static checks: ruff, the layer contracts (import-linter, see pyproject.toml) and
# the types (mypy with django-stubs; strict on the pure modules).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=1 $(BIN)/mypy

clean:
	rm -rf $(VENV) var/static .pytest_cache
