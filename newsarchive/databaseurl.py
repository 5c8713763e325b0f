"""Turn DATABASE_URL into Django's DATABASES["default"] (SQLite in the data dir when unset).

Kept apart from settings.py so it can be unit-tested. SQLite's concurrency options (WAL,
IMMEDIATE transactions, a long busy timeout) apply to SQLite only; PostgreSQL gets persistent
connections with health checks, and nothing SQLite-specific.
"""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SQLITE_ENGINE = "django.db.backends.sqlite3"
POSTGRES_ENGINE = "django.db.backends.postgresql"
SUPPORTED = {SQLITE_ENGINE: "sqlite", POSTGRES_ENGINE: "postgres"}

# Several processes write at once (web workers, ingest, the index drainer): WAL lets readers go on
# during a write, and IMMEDIATE transactions take the write lock up front, so two writers queue
# (up to `timeout` seconds) instead of failing with "database is locked" when both try to upgrade
# a read.
SQLITE_OPTIONS = {
    "timeout": 60,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL;",
}


def database_config(database_url, data_dir, conn_max_age=60):
    """DATABASES["default"] for DATABASE_URL (None or "" = SQLite file in data_dir)."""
    if not database_url or not database_url.strip():
        config = {"ENGINE": SQLITE_ENGINE, "NAME": data_dir / "db.sqlite3"}
    else:
        try:
            config = dj_database_url.parse(
                database_url.strip(), conn_max_age=conn_max_age, conn_health_checks=True
            )
        except (ValueError, KeyError) as exc:  # an unknown scheme is a KeyError or ValueError
            raise ImproperlyConfigured(
                f"DATABASE_URL is not understood ({exc}); use "
                "postgres://USER:PASSWORD@HOST:PORT/NAME "
                "or sqlite:////absolute/path.sqlite3"
            ) from None
        if config.get("ENGINE") not in SUPPORTED:
            raise ImproperlyConfigured(
                f"DATABASE_URL selects {config.get('ENGINE')!r}; newsarchive is tested on "
                "PostgreSQL and SQLite only"
            )
        if config["ENGINE"] == POSTGRES_ENGINE and not config.get("NAME"):
            raise ImproperlyConfigured(
                "DATABASE_URL needs a database name, e.g. "
                "postgres://news:secret@db:5432/newsarchive"
            )
        if config["ENGINE"] == SQLITE_ENGINE:
            config.pop("CONN_MAX_AGE", None)  # one file per process: nothing to pool
            config.pop("CONN_HEALTH_CHECKS", None)
            if not config.get("NAME") or config["NAME"] == ":memory:":
                raise ImproperlyConfigured(
                    "DATABASE_URL sqlite:// needs a file path, e.g. sqlite:////srv/news/db.sqlite3"
                )
    if config["ENGINE"] == SQLITE_ENGINE:
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config
