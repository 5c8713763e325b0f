"""Settings from the environment: search URLs, production safety."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.searchurl import WHOOSH_ENGINE, SearchURLError, haystack_connection

ROOT = Path(__file__).resolve().parent.parent


def test_no_search_url_is_whoosh_in_the_data_dir(tmp_path):
    connection = haystack_connection("", tmp_path)
    assert connection["ENGINE"] == WHOOSH_ENGINE and connection["PATH"] == str(tmp_path / "whoosh_index")
    assert connection["SILENTLY_FAIL"] is False  # a failed index write must never pass unnoticed


@pytest.mark.parametrize(
    "url, expected",
    [
        ("elasticsearch7://search:9200/news", {"URL": "http://search:9200/", "INDEX_NAME": "news"}),
        ("elasticsearch7+https://search:9200/news", {"URL": "https://search:9200/", "INDEX_NAME": "news"}),
        ("solr://solr:8983/solr/news", {"URL": "http://solr:8983/solr/news"}),
        ("whoosh:///srv/index", {"ENGINE": WHOOSH_ENGINE, "PATH": "/srv/index"}),
    ],
)
def test_search_urls(tmp_path, url, expected):
    connection = haystack_connection(url, tmp_path)
    assert expected.items() <= connection.items()


@pytest.mark.parametrize("url", ["ftp://host/x", "elasticsearch7://host:9200", "solr:///core"])
def test_bad_search_urls_say_what_is_wrong(tmp_path, url):
    with pytest.raises(SearchURLError, match="SEARCH_URL"):
        haystack_connection(url, tmp_path)


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SEARCH_URL", "DATABASE_URL"))}
    environment.update(env, DJANGO_SETTINGS_MODULE="newsarchive.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage("check", DJANGO_DEBUG="0", NEWSARCHIVE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_leaves_only_what_the_https_proxy_handles(tmp_path):
    result = run_manage(
        "check", "--deploy", DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60 + "-long-and-random-enough-1234567890",
        DJANGO_ALLOWED_HOSTS="news.example.org", NEWSARCHIVE_DATA_DIR=str(tmp_path),
    )
    import re

    issues = re.findall(r"^\?: \(([\w.]+)\)", result.stderr, re.MULTILINE)
    assert issues
    assert set(issues) <= {"security.W004", "security.W008"}, result.stderr
