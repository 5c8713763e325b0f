"""Search views: type-ahead, and a 503 page while the index is missing or corrupt."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def test_type_ahead_suggests_entities(client, archive):
    results = client.get("/api/suggest/", {"q": "xi"}).json()["results"]
    assert results[0] == {
        "kind": "person",
        "name": "Xi Jinping",
        "slug": "xi-jinping",
        "url": "/people/xi-jinping/",
        "count": 2,
    }
    kinds = {r["kind"] for r in client.get("/api/suggest/", {"q": "al"}).json()["results"]}
    assert "country" in kinds
    assert client.get("/api/suggest/", {"q": "x"}).json() == {"results": []}


class TestUnavailable:
    def test_missing_index_gives_503_and_the_site_keeps_working(self, client, archive, settings):
        shutil.rmtree(Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"]))
        response = client.get("/search/", {"q": "Rama"})
        assert response.status_code == 503 and b"Search is unavailable" in response.content
        assert api(client, q="Rama")[0] == 503
        assert client.get("/").status_code == 200
        article = Article.objects.first()
        assert (
            client.get(article.get_absolute_url()).status_code == 200
        )  # no more-like-this, no error
        call_command("check_index", "--repair", stdout=io.StringIO())
        assert api(client, q="Rama")[1]["count"] == 2

    def test_corrupt_index_gives_503_and_repair_rebuilds(self, client, archive, settings):
        path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
        segment_files = [
            f for f in path.iterdir() if f.suffix != ".toc" and not f.name.endswith("LOCK")
        ]
        assert segment_files
        for segment in segment_files:
            segment.write_bytes(b"garbage" * 10)
        from haystack import connections

        connections["default"].get_backend().setup_complete = False
        assert client.get("/search/", {"q": "Rama"}).status_code == 503
        call_command("check_index", "--repair", stdout=io.StringIO())
        assert api(client, q="Rama")[1]["count"] == 2
