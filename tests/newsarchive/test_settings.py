"""Settings from the environment: production safety. DATABASE_URL and SEARCH_URL: test_config.py."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import process_environment

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = process_environment(**env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage("check", DJANGO_DEBUG="0", NEWSARCHIVE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_leaves_only_what_the_https_proxy_handles(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 60 + "-long-and-random-enough-1234567890",
        DJANGO_ALLOWED_HOSTS="news.example.org",
        NEWSARCHIVE_DATA_DIR=str(tmp_path),
    )
    import re

    issues = re.findall(r"^\?: \(([\w.]+)\)", result.stderr, re.MULTILINE)
    assert issues
    assert set(issues) <= {"security.W004", "security.W008"}, result.stderr
