import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seed_file():
    return next(SEEDS.glob("*.txt"))


@pytest.fixture
def seeded(db):
    """The archive filled from seeds/."""
    call_command("ingest", str(SEEDS), verbosity=0)


@pytest.fixture
def whoosh_index(settings):
    """A fresh, empty Whoosh index for the test; removed afterwards."""
    from haystack import connections

    path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    shutil.rmtree(path, ignore_errors=True)
    connections.reload("default")
    backend = connections["default"].get_backend()
    backend.setup_complete = False
    yield backend
    connections.reload("default")
    shutil.rmtree(path, ignore_errors=True)


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding=encoding)
    return path
