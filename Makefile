# newsarchive: `make run` serves the seed archive, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint test-postgres install install-dev bench bench-extraction clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py ingest seeds
	$(PY) manage.py drain_index_queue
	$(PY) manage.py ensure_admin
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop); the index queue drains every 5 s."
	$(PY) manage.py drain_index_queue --watch 5 -v0 & trap 'kill $$!' EXIT INT TERM; \
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

# Production server: gunicorn with DJANGO_DEBUG=0 plus the index-queue drainer (the search index's
# single writer) in the background, stopped with the server. Needs DJANGO_SECRET_KEY (and
# DJANGO_ALLOWED_HOSTS for a real host name); see README "Security and reliability" and "Scaling out".
# WORKERS=0 runs only the drainer (for a host of its own); DRAINER=0 runs only gunicorn (web-only hosts).
WORKERS ?= 3
THREADS ?= 2
DRAIN_EVERY ?= 5
DRAINER ?= 1
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: set DJANGO_SECRET_KEY (e.g. export DJANGO_SECRET_KEY=\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'))"; exit 2; }
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput -v0
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput -v0
	@echo "Serving on http://$(HOST):$(PORT)/ with $(WORKERS) gunicorn workers x $(THREADS) threads; drainer: $(if $(filter 0,$(DRAINER)),off,every $(DRAIN_EVERY) s)."
	export DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}; \
	if [ "$(DRAINER)" != 0 ] && [ "$(WORKERS)" = 0 ]; then exec $(PY) manage.py drain_index_queue --watch $(DRAIN_EVERY) -v0; fi; \
	if [ "$(DRAINER)" != 0 ]; then $(PY) manage.py drain_index_queue --watch $(DRAIN_EVERY) -v0 & trap 'kill $$!' EXIT INT TERM; fi; \
	$(VENV)/bin/gunicorn newsarchive.wsgi:application \
		--bind $(HOST):$(PORT) --workers $(WORKERS) --threads $(THREADS) --timeout 60 --log-level warning

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff (configured in ruff.toml): lint rules and the formatter's style, checked, never rewritten.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The whole suite against a throw-away PostgreSQL server on loopback (Debian's package, installed
# if missing; see .ci/postgres). `make test` runs it on SQLite.
test-postgres: install-dev
	@pg=$$(mktemp -d /tmp/newsarchive-pg.XXXXXX); trap ".ci/postgres stop $$pg >/dev/null 2>&1; rm -rf $$pg" EXIT; \
	url=$$(.ci/postgres start $$pg) || exit 1; echo "PostgreSQL test server: $$url"; \
	DATABASE_URL=$$url NEWSARCHIVE_TEST_POSTGRES_URL=$$url $(PY) -m pytest $(PYTEST_ARGS)

bench-extraction: install
	$(PY) bench/extraction.py

# The archive-scale benchmark (BENCHMARKS.md): SIZE stories, 10,000 by default; 100000 takes ~30 min.
SIZE ?= 10000
bench: install
	$(PY) bench/run.py --count $(SIZE)

clean:
	rm -rf $(VENV) var .pytest_cache
