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

# Schemathesis against the running API (runserver on $(API_PORT), the schema from the server
# itself, all checks, stateful links too) with a fresh editor token for Asker from the demo.
API_PORT ?= 8765
check-api: install-dev
	DEBUG=1 $(BIN)/temaplan migrate --noinput
	DEBUG=1 $(BIN)/temaplan demo
	DEBUG=1 $(BIN)/temaplan runserver --noreload 127.0.0.1:$(API_PORT) & echo $$! > var/check-api.pid; \
	sleep 4; \
	TOKEN=$$(DEBUG=1 $(BIN)/python -c "import django; django.setup(); from temaplan.api.tokens import token_create; from temaplan.accounts.models import Membership; m = Membership.objects.get(user__username='asker-redaktor', municipality__number='3203'); print(token_create(user=m.user, municipality=m.municipality, name='check-api', days=1)[1])"); \
	$(BIN)/schemathesis run http://127.0.0.1:$(API_PORT)/api/v1/openapi.json --checks all \
		--exclude-checks positive_data_acceptance,negative_data_rejection \
		-H "Authorization: Bearer $$TOKEN" --max-examples 30; \
	status=$$?; kill $$(cat var/check-api.pid); rm -f var/check-api.pid; exit $$status

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
