# author-certificates: `make demo` serves the demo LMS + Studio, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.12: first on PATH, else pyenv's 3.12.x (it is not first on PATH on our machines).
PYTHON312 ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12.*/bin/python3.12 /usr/local/bin/python3.12; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; \
	then echo $$p; break; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) tests/host/manage.py
DEMO_DB := var/demo.sqlite3
PYTEST := $(PY) -m pytest

.PHONY: help venv requirements quality test test-sqlite test-verawood test-ulmo test-services test-browser demo bench static \
	clean messages openapi \
	frontend test-frontend test-tutor extract_translations

help:
	@echo "make demo   - install, migrate and serve the demo LMS + Studio on http://127.0.0.1:8000"
	@echo "make test   - every test and quality check (SQLite, Verawood pins, widgets, Tutor plugin, PostgreSQL,"
	@echo "              MariaDB, Celery worker, browser), then a summary of what ran and what was skipped"
	@echo "make test-ulmo - the SQLite suite on Python 3.11 with Open edX Ulmo's pins (tox -e py311-ulmo)"
	@echo "make bench  - benchmarks as operators run the product: PostgreSQL, Redis, a Celery worker (see README)"
	@echo "make requirements - recompile requirements/*.txt from *.in"
	@echo "make openapi - regenerate docs/openapi.yaml, the REST API's OpenAPI 3 schema (a test compares it)"
	@echo "make static - (release) vendor Paragon's CSS into the package's static files"
	@echo "make frontend - (release) build the MFE widgets (frontend/dist/, committed), the harness bundle,"
	@echo "                the Author tool's code editor (static js/code-editor.js, committed) and vendor axe-core"

$(VENV)/.installed: requirements/base.txt requirements/test.txt pyproject.toml
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found: install it or set PYTHON312=/path/to/python3.12"; exit 1; }
	test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/base.txt -r requirements/test.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

venv: $(VENV)/.installed

requirements: venv
	$(PY) -m pip install -q pip-tools
	$(VENV)/bin/pip-compile -q --strip-extras --allow-unsafe -o requirements/base.txt requirements/base.in
	$(VENV)/bin/pip-compile -q --strip-extras --allow-unsafe -c requirements/base.txt -o requirements/test.txt requirements/test.in

messages: venv
	cd author_certificates && ../$(PY) ../tests/host/manage.py compilemessages -l es

# OEP-58: the English source catalogue where openedx-translations and atlas expect it.
extract_translations: venv
	cd author_certificates && ../$(PY) ../tests/host/manage.py makemessages -l en --no-obsolete -i "static/*" \
		&& mkdir -p conf/locale/en/LC_MESSAGES && mv locale/en/LC_MESSAGES/django.po conf/locale/en/LC_MESSAGES/ \
		&& rm -rf locale/en

quality: venv
	$(VENV)/bin/ruff check author_certificates tests bench
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run author_certificates
	$(MANAGE) check --fail-level WARNING

# The REST API's OpenAPI 3 schema, committed; tests/test_rest_openapi_schema.py fails when it is stale.
openapi: venv
	DJANGO_SETTINGS_MODULE=tests.host.settings $(PY) -c "import django; django.setup(); \
	from author_certificates.rest_api.v1.schema import generate_yaml; \
	open('docs/openapi.yaml', 'w').write(generate_yaml())"

test-sqlite: venv
	$(PYTEST) -q -n 2 -m "not browser and not services" tests

# The same suites on the servers; CI=true fails when a server is missing, a laptop skips with a message.
test-services: venv
	$(PY) tests/tools/run_service_suites.py

test-browser: venv
	$(PY) tests/tools/run_browser_suite.py

# The MFE widgets (frontend/): Node packages from the lockfile, jest, and the build. The committed
# frontend/dist/ must be what frontend/src/ builds to (pip and Tutor ship it, never build it); so
# must the Author tool's code editor (frontend/editor/ -> static js/code-editor.js) and the
# axe-core script the accessibility tests load (tests/browser/vendor/).
FRONTEND_INSTALLED := frontend/node_modules/.package-lock.json
$(FRONTEND_INSTALLED): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend: $(FRONTEND_INSTALLED)
	cd frontend && npm run build

test-frontend: frontend
	cd frontend && npm test -- --ci
	@git diff --quiet -- frontend/dist author_certificates/static/author_certificates/js/code-editor.js \
		tests/browser/vendor 2>/dev/null || { \
		echo "frontend/dist/, the code editor bundle or the vendored axe-core is not what make frontend built: commit it"; \
		exit 1; }

# The Tutor plugin (tutor/), in a virtualenv of its own: Tutor stays out of our requirements.
TUTOR_VENV := tutor/.venv
$(TUTOR_VENV)/.installed: tutor/pyproject.toml
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found"; exit 1; }
	test -x $(TUTOR_VENV)/bin/python || $(PYTHON312) -m venv $(TUTOR_VENV)
	$(TUTOR_VENV)/bin/pip install -q -e "tutor[test]"
	touch $@

test-tutor: $(TUTOR_VENV)/.installed
	$(TUTOR_VENV)/bin/python -m pytest -q tutor/tests

# The SQLite suite with an Open edX release's pins (tox.ini, requirements/constraints-*.txt).
test-verawood: venv
	$(VENV)/bin/tox -e py312-verawood

test-ulmo: venv
	$(VENV)/bin/tox -e py311-ulmo

# Every step in order (a failure does not stop the later ones), then a summary of what ran,
# what failed and what was skipped: tests/tools/run_all.py.
test: venv
	$(PY) tests/tools/run_all.py

demo: venv
	mkdir -p var
	AC_SQLITE_PATH=$(DEMO_DB) DJANGO_SETTINGS_MODULE=tests.host.demo_settings $(MANAGE) migrate --noinput
	AC_SQLITE_PATH=$(DEMO_DB) DJANGO_SETTINGS_MODULE=tests.host.demo_settings $(MANAGE) seed_demo
	AC_SQLITE_PATH=$(DEMO_DB) DJANGO_SETTINGS_MODULE=tests.host.demo_settings $(MANAGE) runserver 127.0.0.1:8000

# Release time only: vendor Paragon's compiled CSS into the package (needs npm; the result is committed).
static:
	bash tools/build_static.sh

bench: venv
	$(PY) bench/run.py

clean:
	rm -rf var .pytest_cache .tox build dist *.egg-info
