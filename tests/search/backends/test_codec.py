"""The Whoosh codec readers refuse a Whoosh version they were not checked against, by name."""

import os
import subprocess
import sys

import pytest
import whoosh

from articles.search.backends.whoosh import codec
from tests.conftest import ROOT


def test_the_installed_version_is_accepted():
    codec.check_version(whoosh.__version__)  # what the archive runs with: no error


@pytest.mark.parametrize("version", [(2, 6, 1), (2, 8, 0), (3, 0, 0)])
def test_an_unknown_version_is_refused_with_a_message_naming_both(version):
    shown = ".".join(map(str, version))
    with pytest.raises(ImportError, match=rf"verified with Whoosh 2\.7\.x, not Whoosh {shown};"):
        codec.check_version(version)


def test_the_backend_does_not_import_on_an_unknown_version():
    """The check runs at import, before any private name is read: the error is the version
    message, not a missing attribute."""
    code = (
        "import django, whoosh; django.setup(); whoosh.__version__ = (3, 0, 0)\n"
        "import articles.search.backends.whoosh\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "ImportError: the archive's Whoosh backend reads Whoosh's private codec" in result.stderr
    assert "not Whoosh 3.0.0; install the version in requirements.txt" in result.stderr
