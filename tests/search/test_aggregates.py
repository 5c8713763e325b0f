"""Counts read from the search index (stats.py) agree with the database, and pages stay cheap."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import pages as presentation
from articles.kinds import KINDS, names
from articles.models import Article, ArticleCountry, Country, Person, TagState, Topic
from articles.search import aggregates as stats
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(whoosh_index):
    call_command("ingest", str(SEEDS), verbosity=0)
    for i, article in enumerate(Article.objects.order_by("pk")):  # spread over months and years
        Article.objects.filter(pk=article.pk).update(published=dt.date(2019 + i % 5, 1 + i % 12, 3))
    # One rejected tag: neither the database counts nor the index may count it.
    tag = ArticleCountry.objects.filter(country__name="Albania").first()
    tag.state = TagState.REJECTED
    tag.save()
    from articles.search.queue import enqueue_articles

    enqueue_articles(Article.objects.values_list("pk", flat=True))
    call_command("drain_index_queue", verbosity=0)
    return whoosh_index


def entities():
    return [e for k in KINDS for e in k.model.objects.mentioned().order_by("-article_count")[:3]]


def test_co_mentions_from_the_index_match_the_database(indexed, monkeypatch):
    monkeypatch.setattr(presentation, "CO_MENTION_LIMIT", 1000)  # whole lists: no tie at a cut
    for entity in entities():
        kind = entity._meta.model_name
        from_index = stats.top_entities(
            list(names()), 1000, filters={kind: entity.slug}, exclude=entity
        )
        from_db = presentation._co_mentions_from_database(entity)
        for other_kind in from_db:
            assert [(e.slug, n) for e, n in from_index[other_kind]] == [
                (e.slug, n) for e, n in from_db[other_kind]
            ], (entity, other_kind)


def test_top_entities_match_the_database_and_leave_rejected_tags_out(indexed):
    top = stats.top_entities(["person", "country", "topic"], 1000)
    for kind, model in (("person", Person), ("country", Country), ("topic", Topic)):
        expected = [
            (e.slug, e.article_count)
            for e in model.objects.mentioned().order_by("-article_count", "name")
        ]
        assert [(e.slug, n) for e, n in top[kind]] == expected
    albania = {e.name: n for e, n in top["country"]}["Albania"]
    assert albania == Country.objects.with_counts().get(name="Albania").article_count


def test_timeline_months_match_the_database(indexed):
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    for entity in entities():
        rows = (
            Article.objects.tagged_with(entity)
            .dated()
            .annotate(month=TruncMonth("published"))
            .values("month")
            .annotate(n=Count("id", distinct=True))
        )
        assert stats.months({entity._meta.model_name: entity.slug}) == {
            r["month"]: r["n"] for r in rows
        }


def test_related_stories_share_the_most_tags(indexed):
    for article in Article.objects.with_tags()[:8]:
        mine = {
            kind: {
                getattr(t, f"{kind}_id"): getattr(t, kind).slug
                for t in getattr(article, f"article{kind}_set").all()
            }
            for kind in names()
        }
        from_index = [n for _, n in presentation.related_by_entities(article)]
        from_db = [n for _, n in presentation._related_from_database(article, mine, 5)]
        assert from_index == from_db, article


def test_pages_fall_back_to_the_database_without_an_index(client, db):
    call_command("ingest", str(SEEDS), verbosity=0)  # no drain, no index at all
    Article.objects.update(published=dt.date(2024, 5, 1))
    person = Person.objects.mentioned().order_by("-article_count").first()
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200 and response.context["timeline"]["bars"]
    assert client.get("/").context["top_people"]


def add_stories(n, start):
    import tempfile
    from pathlib import Path

    from articles.ingest.pipeline import ingest_paths
    from tests.corpus import Generator

    with tempfile.TemporaryDirectory() as folder:
        generator = Generator(seed=start)
        for i in range(n):
            Path(folder, f"{start}-{i}.txt").write_text(generator.story(i), encoding="utf-8")
        ingest_paths([folder])
    call_command("drain_index_queue", verbosity=0)


def page_queries(client):
    person = Person.objects.mentioned().order_by("-article_count").first()
    country = Country.objects.mentioned().order_by("-article_count").first()
    topic = Topic.objects.mentioned().order_by("-article_count").first()
    article = Article.objects.filter(articleperson__person=person).first()
    out = {}
    for name, url in (
        ("home", "/"),
        ("article", article.get_absolute_url()),
        ("person", person.get_absolute_url()),
        ("country", country.get_absolute_url()),
        ("topic", topic.get_absolute_url()),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        out[name] = len(queries)
    return out


def test_no_page_query_count_grows_with_the_archive(client, whoosh_index):
    add_stories(30, start=1)
    small = page_queries(client)
    add_stories(120, start=2)
    large = page_queries(client)
    # A fixed number per page: data decides a few branches (the date panel widening its window
    # over gaps, newer/older stepping to another day), the number of stories never does.
    assert all(large[page] <= small[page] + 2 and large[page] <= 16 for page in small), (
        small,
        large,
    )


def test_entity_pages_list_the_stories_from_the_index_like_the_database(
    client, indexed, monkeypatch
):
    for entity in entities():
        from_index = [a.pk for a in client.get(entity.get_absolute_url()).context["articles"]]
        expected = list(
            Article.objects.tagged_with(entity).newest_first().values_list("pk", flat=True)[:20]
        )
        assert from_index == expected, entity
    # Without an index the same page comes from the database.
    monkeypatch.setattr(stats, "stories_tagged", lambda entity: 1 / 0)
    entity = entities()[0]
    assert [a.pk for a in client.get(entity.get_absolute_url()).context["articles"]] == list(
        Article.objects.tagged_with(entity).newest_first().values_list("pk", flat=True)[:20]
    )
