"""Test settings: the real settings with a throw-away data directory and a fast hasher."""

import os
import tempfile

os.environ["NEWSARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="newsarchive-test-")
os.environ.pop("SEARCH_URL", None)

from newsarchive.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
HAYSTACK_CONNECTIONS["default"]["LOCK_TIMEOUT"] = 0.5  # noqa: F405 - a held lock fails fast in tests
