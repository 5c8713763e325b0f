"""Scale-out configuration: DATABASE_URL and SEARCH_URL turned into Django and haystack settings.

Elasticsearch and Solr cannot run here, so the search URLs are checked down to the client objects
haystack's real backends build from them (hosts, credentials, timeouts), which open no connection
until the first request.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from haystack.utils.loading import load_backend

from newsarchive.databaseurl import POSTGRES_ENGINE, SQLITE_ENGINE, SQLITE_OPTIONS, database_config
from newsarchive.searchurl import (
    ELASTICSEARCH7_ENGINE,
    SOLR_ENGINE,
    WHOOSH_ENGINE,
    SearchURLError,
    haystack_connection,
)
from tests.conftest import process_environment

ROOT = Path(__file__).resolve().parents[2]


# --- DATABASE_URL -------------------------------------------------------------------------------


def test_no_database_url_is_sqlite_in_the_data_dir_with_its_concurrency_options(tmp_path):
    config = database_config(None, tmp_path)
    assert config["ENGINE"] == SQLITE_ENGINE and config["NAME"] == tmp_path / "db.sqlite3"
    assert config["OPTIONS"] == {
        "timeout": 60,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }


def test_a_sqlite_url_keeps_the_sqlite_options(tmp_path):
    config = database_config(f"sqlite:///{tmp_path}/other.sqlite3", tmp_path)
    assert config["ENGINE"] == SQLITE_ENGINE and config["NAME"] == f"{tmp_path}/other.sqlite3"
    assert config["OPTIONS"] == SQLITE_OPTIONS
    assert "CONN_MAX_AGE" not in config


def test_postgres_gets_pooled_checked_connections_and_no_sqlite_pragma(tmp_path):
    config = database_config(
        "postgres://news:p%40ss%2Fword@db.internal:6432/archive", tmp_path, conn_max_age=120
    )
    assert config["ENGINE"] == POSTGRES_ENGINE
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
        "news",
        "p@ss/word",
        "db.internal",
        6432,
        "archive",
    )
    assert config["CONN_MAX_AGE"] == 120 and config["CONN_HEALTH_CHECKS"] is True
    assert "init_command" not in config.get("OPTIONS", {}) and "transaction_mode" not in config.get(
        "OPTIONS", {}
    )


def test_postgres_url_options_pass_through(tmp_path):
    config = database_config("postgresql://news@db/archive?sslmode=require", tmp_path)
    assert config["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://u:p@db/news", "PostgreSQL and SQLite only"),
        ("nosuch://db/news", "DATABASE_URL is not understood"),
        ("postgres://u:p@db", "needs a database name"),
        ("sqlite://:memory:", "needs a file path"),
    ],
)
def test_unusable_database_urls_say_what_is_wrong(tmp_path, url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        database_config(url, tmp_path)


# --- SEARCH_URL ---------------------------------------------------------------------------------


def test_no_search_url_is_whoosh_in_the_data_dir(tmp_path):
    connection = haystack_connection("", tmp_path)
    assert connection["ENGINE"] == WHOOSH_ENGINE and connection["PATH"] == str(
        tmp_path / "whoosh_index"
    )
    assert connection["SILENTLY_FAIL"] is False  # a failed index write must never pass unnoticed


@pytest.mark.parametrize(
    "url, expected",
    [
        ("whoosh:///srv/index", {"ENGINE": WHOOSH_ENGINE, "PATH": "/srv/index"}),
        (
            "elasticsearch7://search:9200/news",
            {
                "ENGINE": ELASTICSEARCH7_ENGINE,
                "URL": "http://search:9200/",
                "INDEX_NAME": "news",
                "TIMEOUT": 10,
            },
        ),
        (
            "elasticsearch7+https://search:9200/news",
            {"ENGINE": ELASTICSEARCH7_ENGINE, "URL": "https://search:9200/", "INDEX_NAME": "news"},
        ),
        (
            "elasticsearch7://es1:9200,es2:9200,es3/news-2024",
            {
                "URL": ["http://es1:9200/", "http://es2:9200/", "http://es3/"],
                "INDEX_NAME": "news-2024",
            },
        ),
        ("elasticsearch7://gateway/es/news", {"URL": "http://gateway/es/", "INDEX_NAME": "news"}),
        ("elasticsearch7://[::1]:9200/news", {"URL": "http://[::1]:9200/", "INDEX_NAME": "news"}),
        (
            "elasticsearch7://search:9200/news?timeout=2.5&batch_size=250",
            {"TIMEOUT": 2.5, "BATCH_SIZE": 250},
        ),
        (
            "solr://solr:8983/solr/news",
            {"ENGINE": SOLR_ENGINE, "URL": "http://solr:8983/solr/news", "TIMEOUT": 10},
        ),
        (
            "solr+https://solr:8983/solr/news/?timeout=30",
            {"URL": "https://solr:8983/solr/news", "TIMEOUT": 30},
        ),
    ],
)
def test_search_urls(tmp_path, url, expected):
    connection = haystack_connection(url, tmp_path)
    assert expected.items() <= connection.items()
    assert connection["SILENTLY_FAIL"] is False
    assert "KWARGS" not in connection  # no credentials, no TLS options: the clients' defaults


def test_credentials_and_tls_options_reach_the_elasticsearch_client(tmp_path):
    connection = haystack_connection(
        "elasticsearch7+https://reader:p%40ss%3Aword@es1:9243,es2:9243/news?timeout=4&ca_certs=/etc/ssl/es.pem",
        tmp_path,
    )
    assert connection["KWARGS"] == {
        "http_auth": ("reader", "p@ss:word"),
        "ca_certs": "/etc/ssl/es.pem",
    }
    backend = load_backend(connection["ENGINE"]).backend("default", **connection)
    assert backend.index_name == "news"
    clients = backend.conn.transport.connection_pool.connections
    assert sorted(c.host for c in clients) == ["https://es1:9243", "https://es2:9243"]
    assert all(c.timeout == 4 for c in clients)
    assert all(
        c.headers["authorization"] == "Basic cmVhZGVyOnBAc3M6d29yZA==" for c in clients
    )  # reader:p@ss:word


def test_credentials_and_tls_options_reach_the_solr_client(tmp_path):
    connection = haystack_connection(
        "solr+https://editor:s3cret@solr.internal:8983/solr/news?timeout=7&verify_certs=0", tmp_path
    )
    backend = load_backend(connection["ENGINE"]).backend("default", **connection)
    assert (
        backend.conn.url == "https://solr.internal:8983/solr/news"
    )  # no password in the URL it logs
    assert (backend.conn.timeout, backend.conn.auth, backend.conn.verify) == (
        7,
        ("editor", "s3cret"),
        False,
    )


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://host/x", "scheme 'ftp' is not supported"),
        ("elasticsearch6://host:9200/news", "scheme 'elasticsearch6' is not supported"),
        ("elasticsearch7://host:9200", "needs an index or core name"),
        ("elasticsearch7://host:9200/", "needs an index or core name"),
        ("elasticsearch7:///news", "needs a host"),
        ("elasticsearch7://es1:9200,,es2/news", "needs a host"),
        ("elasticsearch7://host:92x0/news", "'92x0' is not a port number"),
        ("elasticsearch7://host:99999/news", "'99999' is not a port number"),
        ("elasticsearch7://host:9200/News", "not a valid Elasticsearch index name"),
        ("elasticsearch7://host:9200/_news", "not a valid Elasticsearch index name"),
        (
            "elasticsearch7://host:9200/news?timeout=0",
            "timeout must be a number of seconds above 0",
        ),
        (
            "elasticsearch7://host:9200/news?timeout=soon",
            "timeout must be a number of seconds above 0",
        ),
        ("elasticsearch7://host:9200/news?batch_size=-1", "batch_size must be a whole number"),
        ("elasticsearch7://host:9200/news?timout=5", "unknown option 'timout'"),
        ("elasticsearch7://host:9200/news?verify_certs=0", "verify_certs needs TLS"),
        (
            "elasticsearch7+https://host:9200/news?ca_certs=es.pem",
            "ca_certs must be an absolute path",
        ),
        ("elasticsearch7://:secret@host:9200/news", "a user name is needed"),
        ("solr:///core", "needs a host"),
        ("solr://s1:8983,s2:8983/solr/news", "Solr takes one address"),
        ("whoosh://relative/index", "a Whoosh path must be absolute"),
    ],
)
def test_bad_search_urls_say_what_is_wrong(tmp_path, url, message):
    with pytest.raises(SearchURLError, match="SEARCH_URL") as error:
        haystack_connection(url, tmp_path)
    assert message in str(error.value)


def test_a_bad_search_url_never_shows_its_password(tmp_path):
    with pytest.raises(SearchURLError) as error:
        haystack_connection("elasticsearch7://admin:hunter2@host:9200/News", tmp_path)
    assert "hunter2" not in str(error.value) and "admin:***@host" in str(error.value)


# --- the settings module, as the app starts -----------------------------------------------------


def settings_of(tmp_path, code, **env):
    environment = process_environment(tmp_path, **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; " + code,
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_apply_sqlite_pragmas_to_sqlite_only(tmp_path):
    code = "d = settings.DATABASES['default']; print(d['ENGINE'], sorted(d.get('OPTIONS', {})))"
    sqlite = settings_of(tmp_path, code)
    postgres = settings_of(tmp_path, code, DATABASE_URL="postgres://news:pw@127.0.0.1:1/archive")
    assert sqlite.stdout.split(None, 1) == [
        SQLITE_ENGINE,
        "['init_command', 'timeout', 'transaction_mode']\n",
    ]
    assert postgres.stdout.split(None, 1) == [POSTGRES_ENGINE, "[]\n"], postgres.stderr


def test_settings_select_the_search_engine_from_search_url(tmp_path):
    result = settings_of(
        tmp_path,
        "c = settings.HAYSTACK_CONNECTIONS['default']; print(c['ENGINE'], c['INDEX_NAME'])",
        SEARCH_URL="elasticsearch7://es:9200/news",
    )
    assert result.stdout.split() == [ELASTICSEARCH7_ENGINE, "news"], result.stderr


def test_the_app_does_not_start_with_a_bad_search_url(tmp_path):
    environment = process_environment(
        tmp_path, SEARCH_URL="elasticsearch://u:topsecret@es:9200/news"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SearchURLError: SEARCH_URL scheme 'elasticsearch' is not supported" in result.stderr
    assert "topsecret" not in result.stderr


def test_facets_on_a_search_cluster_use_exact_keyword_fields(tmp_path):
    """Other engines count facets on haystack's `*_exact` copies, which must be unanalysed
    (keyword in Elasticsearch, string in Solr) so a slug such as `xi-jinping` is one value, never
    two words."""
    mapping = settings_of(
        tmp_path,
        "from haystack import connections; c = connections['default']; "
        "print(dict(c.get_backend().build_schema(c.get_unified_index().all_searchfields())[1]))",
        SEARCH_URL="elasticsearch7://es:9200/news",
    )
    fields = ast.literal_eval(mapping.stdout)
    for name in ("people", "countries", "topics"):
        assert fields[f"{name}_exact"] == {"type": "keyword"}, fields
    assert fields["published"] == {"type": "date"} and fields["text"]["type"] == "text"

    environment = process_environment(tmp_path, SEARCH_URL="solr://solr:8983/solr/news")
    schema = subprocess.run(
        [sys.executable, "manage.py", "build_solr_schema"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert schema.returncode == 0, schema.stderr
    for name in ("people", "countries", "topics"):
        assert (
            f'<field name="{name}_exact" type="string" indexed="true" stored="true" '
            'multiValued="true" />' in schema.stdout
        )
