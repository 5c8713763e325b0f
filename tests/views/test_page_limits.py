"""The article page stays bounded however many tags a story carries (issue 17, item 5).

A `.jsonl` story tagged with 10,000 people took 7.7 s to render: every tag was listed, linking
names in the body cost tags x paragraphs, and related stories were sought with a query of 10,000
alternatives. Timing is measured by bench/pages_limits.py, not here.
"""

import pytest

from articles import pages
from articles.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Organisation,
    Person,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded():
    """A story of 60 paragraphs naming 120 people, each tagged with the offsets of its name."""
    people = Person.objects.bulk_create(
        [Person(name=f"Name{i:03d}", slug=f"name-{i:03d}") for i in range(120)]
    )
    paragraphs = [f"Name{2 * i:03d} met Name{2 * i + 1:03d} at the port." for i in range(60)]
    body = "\n\n".join(paragraphs)
    article = make_article(body=body, slug="crowded")
    ArticlePerson.objects.bulk_create(
        ArticlePerson(
            article=article,
            person=p,
            mentions=1,
            offsets=[[body.index(p.name), body.index(p.name) + len(p.name)]],
        )
        for p in people
    )
    return Article.objects.with_tags().get(pk=article.pk)


def test_the_tags_listed_are_capped_with_a_link_to_the_rest(client, crowded):
    html = client.get(crowded.get_absolute_url()).content.decode()
    assert html.count('class="tag tag-person"') == pages.TAGS_SHOWN
    assert f"and {120 - pages.TAGS_SHOWN} more" in html and "?tags=all" in html
    everything = client.get(crowded.get_absolute_url() + "?tags=all").content.decode()
    assert everything.count('class="tag tag-person"') == 120 and "more</a>" not in everything


def test_every_name_in_the_body_is_linked_once_in_its_paragraph(crowded):
    body = str(pages.linked_body(crowded))
    assert body.count('class="entity-link entity-person"') == 120
    assert body.count("<p>") == 60
    assert '<p><a class="entity-link entity-person" href="/people/name-000/"' in body


def test_overlapping_and_straddling_links_are_left_out():
    article = make_article(body="Anna Berg spoke.\n\nLater.", slug="overlap")
    anna = Person.objects.create(name="Anna", slug="anna")
    berg = Person.objects.create(name="Anna Berg", slug="anna-berg")
    later = Person.objects.create(name="Later", slug="later")
    ArticlePerson.objects.create(article=article, person=berg, offsets=[[0, 9]])
    ArticlePerson.objects.create(article=article, person=anna, offsets=[[0, 4]])
    ArticlePerson.objects.create(article=article, person=later, offsets=[[12, 20]])  # straddles
    body = str(pages.linked_body(Article.objects.with_tags().get(pk=article.pk)))
    assert body.count("entity-link") == 1 and ">Anna Berg</a>" in body  # the longer mention
    assert body.endswith("<p>Later.</p>\n") or "<p>Later.</p>" in body


def test_a_name_inside_a_longer_one_is_linked_where_it_stands_alone():
    body = "The Dubai Financial Services Authority fined it.\n\nFlats in Dubai sold slowly."
    article = make_article(body=body, slug="inside")
    authority = Organisation.objects.create(name="Dubai Financial Services Authority", slug="dfsa")
    uae = Country.objects.get_or_create(code="AE", defaults={"name": "United Arab Emirates"})[0]
    ArticleOrganisation.objects.create(article=article, organisation=authority, offsets=[[4, 38]])
    city = body.rindex("Dubai")
    ArticleCountry.objects.create(article=article, country=uae, offsets=[[4, 9], [city, city + 5]])
    html = str(pages.linked_body(Article.objects.with_tags().get(pk=article.pk)))
    assert ">Dubai Financial Services Authority</a>" in html
    assert html.count("entity-country") == 1 and "Flats in <a" in html


def test_related_stories_are_sought_by_the_first_tags_only(crowded, monkeypatch):
    asked = []

    def sharing_tags(tags, exclude_pk, limit):
        asked.append(tags)
        return []

    monkeypatch.setattr(pages.stats, "sharing_tags", sharing_tags)
    assert pages.related_by_entities(crowded) == []
    assert len(asked[0]) == pages.RELATED_BY_TAGS
