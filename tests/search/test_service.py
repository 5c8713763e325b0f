"""Search through the real Whoosh index in a temporary directory."""

import datetime as dt
import gc

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.search.conftest import api, headlines

pytestmark = pytest.mark.django_db


def test_index_document_holds_entity_names_and_aliases(client, archive):
    # "Albania" finds stories that only say "Albanian" (the country tag is in the document) ...
    status, data = api(client, q="Albania")
    assert status == 200 and data["count"] == 2
    # ... and the Chinese name finds the stories about Xi Jinping, whose text has it only once.
    status, data = api(client, q="習近平")
    assert data["count"] == 2


def test_accent_folding_and_stemming(client, archive):
    assert api(client, q="José")[1]["count"] == api(client, q="Jose")[1]["count"] == 2
    assert api(client, q="election")[1]["count"] == api(client, q="elections")[1]["count"] >= 1


def test_phrase_or_and_exclusion(client, archive):
    assert api(client, q='"law enforcement"')[1]["count"] == 1
    assert api(client, q='"enforcement law"')[1]["count"] == 0
    assert api(client, q="Trump OR Mujica")[1]["count"] == 2
    assert api(client, q="Rama -Trump")[1]["count"] == 1
    everything_but = api(client, q="-Rama")[1]
    assert everything_but["count"] == 3


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced quote',
        "(((",
        "Rama)",
        "*",
        "-",
        "OR",
        "AND NOT",
        "a" * 5000,
        "x" * 100 + " " + "y " * 400,
        "\\",
        "title:Rama",
        "<script>alert(1)</script>",
    ],
)
def test_malformed_queries_never_fail(client, archive, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content
    status, data = api(client, q=q)
    assert status == 200 and isinstance(data["results"], list)


def test_facets_follow_the_query_and_use_real_names(client, archive):
    data = api(client, q="Albanian")[1]
    people = {f["slug"]: f for f in data["facets"]["people"]}
    assert people["edi-rama"] == {"name": "Edi Rama", "slug": "edi-rama", "count": 2}
    assert "xi-jinping" not in people
    countries = {f["slug"]: f["name"] for f in data["facets"]["countries"]}
    assert countries["albania"] == "Albania"


def test_a_facet_narrows_the_results(client, archive):
    assert api(client, q="Rama")[1]["count"] == 2
    narrowed = api(client, q="Rama", person="donald-trump")[1]
    assert narrowed["count"] == 1
    page = client.get("/search/", {"q": "Rama"}).content.decode()
    assert "?q=Rama&amp;person=edi-rama" in page or "?q=Rama&amp;person=donald-trump" in page


def test_search_within_an_entity_uses_the_same_machinery(client, archive):
    page = client.get("/people/xi-jinping/").content.decode()
    assert 'name="person" value="xi-jinping"' in page
    data = api(client, q="Myanmar", person="xi-jinping")[1]
    assert data["count"] == 1
    assert (
        api(client, person="xi-jinping")[1]["count"] == 2
    )  # a filter alone lists the entity's stories


def test_results_carry_highlights_and_scores(client, archive):
    result = api(client, q="Mujica")[1]["results"][0]
    assert "<mark>Mujica</mark>" in result["highlight"]
    assert result["score"] > 0 and result["url"].startswith("/articles/")


def test_sort_by_date_and_date_range(client, archive, django_capture_on_commit_callbacks):
    dates = [
        dt.date(2021, 3, 1),
        dt.date(2023, 7, 9),
        dt.date(2022, 1, 5),
        None,
        dt.date(2020, 2, 2),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for article, day in zip(Article.objects.order_by("id"), dates):
            article.published = day
            article.save()
    call_command("drain_index_queue", verbosity=0)
    data = api(client, q="Albanian OR China OR Mujica OR Myanmar", sort="date")[1]
    published = [r["published"] for r in data["results"] if r["published"]]
    assert published == sorted(published, reverse=True)
    ranged = api(
        client,
        q="Albanian OR China OR Mujica OR Myanmar",
        **{"from": "2021-01-01", "to": "2022-12-31"},
    )[1]
    assert {r["published"][:4] for r in ranged["results"]} <= {"2021", "2022"} and ranged[
        "count"
    ] == 2
    months = api(client, q="Albanian OR China OR Mujica OR Myanmar")[1]["facets"]["months"]
    assert sum(m["count"] for m in months) == 4


def test_bad_dates_get_a_message_not_an_error(client, archive):
    assert client.get("/search/", {"q": "x", "from": "2020-13-45"}).status_code == 400
    status, data = api(client, q="x", **{"from": "2024-01-01", "to": "2020-01-01"})
    assert status == 400 and "after" in data["error"]


def test_pagination(client, archive, settings, monkeypatch):
    monkeypatch.setattr("articles.search.service.PAGE_SIZE", 2)
    first, second = api(client, q="-zzz")[1], api(client, q="-zzz", page=2)[1]
    assert first["count"] == 5 and len(first["results"]) == 2 and second["page"] == 2
    assert not set(headlines(first)) & set(headlines(second))
    assert api(client, q="-zzz", page=99)[1]["page"] == 3  # past the end: the last page


def test_did_you_mean_also_when_nothing_matched(client, archive):
    data = api(client, q="Socialst")[1]
    assert data["count"] == 0 and data["suggestion"] == "socialist"
    page = client.get("/search/", {"q": "Albanian electoin"}).content.decode()
    assert "Did you mean" in page and "election" in page
    assert api(client, q="Albanian")[1]["suggestion"] == ""


def test_more_like_this_on_article_pages(client, archive):
    article = Article.objects.get(kicker="FRAUD ALLEGED")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "More like this" in page
    other = Article.objects.get(kicker="EUROPEAN FUTURE?")
    assert other.get_absolute_url() in page


def test_no_file_handle_leak_when_the_index_changes(client, archive):
    """The reused searcher is replaced after each commit without leaving files open."""
    import os

    from articles.search.queue import enqueue_articles

    def open_files():
        gc.collect()
        return len(os.listdir("/proc/self/fd"))

    counts = []
    for _ in range(6):
        assert api(client, q="Rama")[1]["count"] == 2
        enqueue_articles(Article.objects.values_list("pk", flat=True))
        call_command("drain_index_queue", verbosity=0)
        counts.append(open_files())
    assert counts[-1] <= counts[1], counts
