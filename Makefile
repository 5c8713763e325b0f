# newsarchive: `make run` serves the seed archive, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test install install-dev bench-extraction bench-search clean

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

# Production server: gunicorn with DJANGO_DEBUG=0 and the index-queue drainer in the background.
# Needs DJANGO_SECRET_KEY (and DJANGO_ALLOWED_HOSTS for a real host name); see README "Security and reliability".
WORKERS ?= 3
THREADS ?= 2
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: set DJANGO_SECRET_KEY (e.g. export DJANGO_SECRET_KEY=\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'))"; exit 2; }
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput -v0
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput -v0
	@echo "Serving on http://$(HOST):$(PORT)/ with $(WORKERS) gunicorn workers x $(THREADS) threads; the index queue drains every 5 s."
	DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1} $(PY) manage.py drain_index_queue --watch 5 -v0 & trap 'kill $$!' EXIT INT TERM; \
	DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1} $(VENV)/bin/gunicorn newsarchive.wsgi:application \
		--bind $(HOST):$(PORT) --workers $(WORKERS) --threads $(THREADS) --timeout 60 --log-level warning

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

bench-extraction: install
	$(PY) bench/extraction.py

bench-search: install
	$(PY) bench/search.py

clean:
	rm -rf $(VENV) var .pytest_cache
