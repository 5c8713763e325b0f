"""The search feed: the search page's results, filters and sort as Atom, escaped."""

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.search.queue import enqueue_articles
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def parse_feed(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


def test_search_feed_has_an_entry_per_result(client, archive):
    response = client.get("/feeds/search/", {"q": "Rama"})
    assert response.status_code == 200
    root, entries = parse_feed(response)
    assert root.findtext(f"{ATOM}title") == "newsarchive: search for “Rama”"
    assert len(entries) == 2
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert links == {
        f"http://testserver{a.get_absolute_url()}"
        for a in Article.objects.filter(body__contains="Rama")
    }
    for entry in entries:
        summary = entry.findtext(f"{ATOM}summary")
        assert "Rama" in summary and "<mark>" not in summary and "&lt;mark" not in summary
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver/search/?q=Rama"
    assert (
        root.find(f"{ATOM}link[@rel='self']").get("href")
        == "http://testserver/feeds/search/?q=Rama"
    )


def test_search_feed_filters_and_sorts_like_the_search_page(client, archive):
    _root, entries = parse_feed(
        client.get("/feeds/search/", {"q": "Rama", "sort": "date", "page": "5"})
    )
    assert len(entries) == 2  # always the first page
    _root, entries = parse_feed(client.get("/feeds/search/", {"q": "Xi", "person": "xi-jinping"}))
    assert len(entries) == 2
    _root, entries = parse_feed(client.get("/feeds/search/", {"q": "Rama", "from": "2030-01-01"}))
    assert entries == []  # the seed stories are undated
    root, entries = parse_feed(client.get("/feeds/search/"))
    assert entries == [] and root.findtext(f"{ATOM}title") == "newsarchive: search"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "from": "2020-13-45"},
        {"q": "x", "sort": "<b>nope</b>"},
        {"q": "x", "from": "2024-05-01", "to": "2020-01-01"},
        {"person": "not a slug!"},
    ],
)
def test_search_feed_with_invalid_parameters_is_an_empty_feed_saying_why(client, archive, params):
    response = client.get("/feeds/search/", params)
    assert response.status_code == 400
    root, entries = parse_feed(response)
    assert entries == []
    assert root.findtext(f"{ATOM}title").startswith("newsarchive: invalid search: ")


def test_search_feed_escapes_stories_and_queries(client, archive):
    article = make_article(
        f"Hostile {HOSTILE}",
        body=f"Zanzibarish text {HOSTILE} here.",
        published=dt.date(2024, 5, 1),
    )
    enqueue_articles([article.pk])
    call_command("drain_index_queue", verbosity=0)
    response = client.get("/feeds/search/", {"q": "Zanzibarish"})
    assert response.status_code == 200
    raw = response.content.decode()
    assert "<script>" not in raw and "<img" not in raw
    _root, entries = parse_feed(response)
    [entry] = entries
    # the summary is type="html": after XML decoding it must still be escaped HTML
    summary = entry.findtext(f"{ATOM}summary")
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert "&lt;script&gt;" in summary and "<script" not in summary
    assert entry.findtext(f"{ATOM}title") == f"Hostile {HOSTILE}"  # a text element: shown as text
    response = client.get("/feeds/search/", {"q": HOSTILE})
    assert response.status_code == 200 and "<script>" not in response.content.decode()
    assert (
        parse_feed(response)[0].findtext(f"{ATOM}title") == f"newsarchive: search for “{HOSTILE}”"
    )


def test_search_feed_is_503_when_the_index_is_missing(client, archive, settings):
    shutil.rmtree(Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"]))
    response = client.get("/feeds/search/", {"q": "Rama"})
    assert response.status_code == 503
    assert response.content == b"search unavailable"
    assert client.get("/archive/").status_code == 200
