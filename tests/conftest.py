import gc
import io
import json
import os
import shutil
from pathlib import Path

import pytest
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


def _drop_index(settings):
    from haystack import connections

    old = connections["default"].get_backend()
    if hasattr(old, "_close_searcher"):
        old._close_searcher()
    connections.reload("default")
    shutil.rmtree(Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"]), ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_index_left_over(settings):
    """Every test starts without a search index: pages fall back to the database unless the test
    builds one (an index left by another test would describe another database)."""
    _drop_index(settings)
    yield
    _drop_index(settings)


@pytest.fixture
def whoosh_index(settings):
    """A fresh, empty Whoosh index for the test; removed afterwards."""
    from haystack import connections

    _drop_index(settings)
    yield connections["default"].get_backend()
    _drop_index(settings)


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def run_ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def export_records(**kwargs):
    out = io.StringIO()
    call_command("export", format="jsonl", stdout=out, **kwargs)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def change_form_data(response):
    """The POST data a browser would send back for an admin change page, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, bool) or value is None:
                if value:
                    data[form.add_prefix(name)] = "on"
                continue
            data[form.add_prefix(name)] = value
    return data


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding=encoding)
    return path


@pytest.fixture(scope="session", autouse=True)
def close_searchers():
    """Close the search backend's reused searcher when the run ends (no ResourceWarning at exit)."""
    yield
    from haystack import connections

    backend = connections["default"].get_backend()
    if hasattr(backend, "_close_searcher"):
        backend._close_searcher()


@pytest.fixture(autouse=True)
def _collect_garbage():
    """Collect after each test, so a leaked file handle is reported by the test that leaked it."""
    yield
    gc.collect()


def process_environment(data_dir=None, **env):
    """The environment of a `manage.py` subprocess: ours without settings that would point it at
    another database, index or mode, plus the real settings module, `data_dir` and `env`."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SEARCH_URL", "DATABASE_URL"))
    }
    environment["DJANGO_SETTINGS_MODULE"] = "newsarchive.settings"
    if data_dir is not None:
        environment["NEWSARCHIVE_DATA_DIR"] = str(data_dir)
    environment.update(env)
    return environment
