"""Search tests share the seed archive, indexed through the queue, and the JSON API."""

import pytest
from django.core.management import call_command

from tests.conftest import SEEDS


@pytest.fixture
def archive(whoosh_index):
    """The seed archive, ingested and indexed through the queue."""
    call_command("ingest", str(SEEDS), verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    return whoosh_index


def api(client, **params):
    response = client.get("/api/search/", params)
    return response.status_code, response.json()


def headlines(data):
    return [r["headline"] for r in data["results"]]
