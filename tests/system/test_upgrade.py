"""An archive written by an earlier version opens, migrates and searches after the upgrade.

`tests/data/archive_ed0af4b/` is the seed archive (SQLite database, Whoosh index and its facet
files) as commit ed0af4b wrote it, before the code moved into packages. The upgrade must need
nothing but `migrate`: the index and the facet files are read as they are.
"""

import json
import shutil

import pytest

from tests.system.test_faults import manage

ARCHIVE = "tests/data/archive_ed0af4b"

SEARCH = """
import json
from django.test import Client
client = Client()
api = client.get("/api/search/", {"q": "Rama", "country": "albania"})
page = client.get("/people/xi-jinping/")
print(json.dumps({"api": api.status_code, "body": api.json(), "person": page.status_code}))
"""


@pytest.fixture
def old_archive(tmp_path):
    from tests.system.test_faults import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / ARCHIVE, data)
    return data


def test_an_archive_from_ed0af4b_migrates_opens_and_searches(old_archive):
    manage(old_archive, "migrate", "--noinput", "-v0")
    check = manage(old_archive, "check_index")
    assert "matches" in check.stdout, check.stdout
    found = json.loads(manage(old_archive, "shell", "-c", SEARCH).stdout.strip().splitlines()[-1])
    assert found["api"] == 200 and found["person"] == 200
    assert found["body"]["count"] >= 1
    assert any("Rama" in r["headline"] or r["highlight"] for r in found["body"]["results"])
    people = {f["slug"] for f in found["body"]["facets"]["people"]}
    assert "edi-rama" in people
