"""Reader pages: they render, link to each other, escape what they show, and query in bulk."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, ArticlePerson, Country, Person, TagState, Topic
from tests.factories import make_article, make_person, tag, tag_all

pytestmark = pytest.mark.django_db


def test_home_lists_latest_stories_and_most_mentioned(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    for article in Article.objects.all():
        assert article.get_absolute_url() in response.content.decode()
    assert response.context["top_people"][0].article_count >= 1
    assert b'href="/people/xi-jinping/"' in response.content


def test_article_page_shows_kicker_teaser_mark_credit_and_links(client, seeded):
    teaser = Article.objects.get(kicker="CANCER")
    page = client.get(teaser.get_absolute_url()).content.decode()
    assert ">CANCER<" in page and "Teaser." in page and "Date unknown" in page
    assert 'href="/people/jose-mujica/"' in page and 'href="/countries/uruguay/"' in page
    full = Article.objects.get(photo_credit="AP")
    page = client.get(full.get_absolute_url()).content.decode()
    assert "Photo: AP" in page and "Teaser." not in page


def test_entity_pages_link_back_to_stories(client, seeded):
    xi = Person.objects.get(name="Xi Jinping")
    page = client.get(xi.get_absolute_url()).content.decode()
    assert "習近平" in page and "2 stories" in page
    for article in Article.objects.tagged_with(xi):
        assert article.get_absolute_url() in page
    china = Country.objects.get(code="CN")
    page = client.get(china.get_absolute_url()).content.decode()
    assert "CN" in page and china.flag in page
    topic = Topic.objects.get(slug="elections")
    assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("url", ["/people/", "/countries/", "/topics/"])
def test_entity_lists_show_counts_and_only_mentioned_entities(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 200
    assert all(e.article_count > 0 for e in response.context["entities"])
    if url == "/countries/":
        assert Country.objects.count() > 200  # all ISO countries exist for editors ...
        assert len(response.context["entities"]) < 20  # ... but only mentioned ones are listed


def test_rejected_tag_is_hidden_from_readers(client, seeded):
    xi = Person.objects.get(name="Xi Jinping")
    ArticlePerson.objects.filter(person=xi).update(state=TagState.REJECTED)
    assert "2 stories" not in client.get(xi.get_absolute_url()).content.decode()
    assert b"/people/xi-jinping/" not in client.get("/").content


def test_unknown_pages_are_404(client, db):
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/articles/nothing/").status_code == 404


def test_feeds_and_sitemap(client, seeded):
    feed = client.get("/feeds/latest/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.count(b"<entry>") == 5
    assert client.get("/feeds/people/xi-jinping/").content.count(b"<entry>") == 2
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/articles/" in sitemap and "/people/xi-jinping/" in sitemap


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_everything_a_reader_sees_is_escaped(client, db):
    article = make_article(HOSTILE, kicker=HOSTILE, deck=HOSTILE, body=HOSTILE)
    person = make_person(HOSTILE, aliases=[HOSTILE], description=HOSTILE)
    tag(article, person, role=HOSTILE)
    for url in [
        "/",
        article.get_absolute_url(),
        person.get_absolute_url(),
        "/people/",
        "/feeds/latest/",
    ]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body, url


def make_articles(n, start=0):
    xi = Person.objects.get_or_create(name="Test Person")[0]
    country = Country.objects.get(code="KE")
    topic = Topic.objects.get(slug="elections")
    for i in range(start, start + n):
        article = make_article(f"Story {i}", body=f"Body {i}.")
        tag_all(article, xi, country, topic, make_person(f"Other Person {i}"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/people/",
        "/countries/",
        "/topics/",
        "/people/test-person/",
        "/countries/kenya/",
        "/topics/elections/",
    ],
)
def test_query_count_does_not_grow_with_rows(client, db, url):
    make_articles(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_articles(15, start=3)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_article_body_links_names_to_entity_pages(client, seeded):
    article = Article.objects.get(photo_credit="AP")
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'class="entity-link entity-person" href="/people/wang-xiaohong/"' in page
    assert 'href="/countries/china/"' in page
    # one link per entity: the first mention
    assert page.count('class="entity-link entity-person" href="/people/xi-jinping/"') == 1


def test_body_links_escape_hostile_text(client, db):
    article = make_article("H", body="<b>Evil</b> Jane Roe & co.")
    tag(article, make_person("Jane Roe"), offsets=[[12, 20]])
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Evil&lt;/b&gt;" in page
    assert (
        '<a class="entity-link entity-person" href="/people/jane-roe/" '
        'title="Jane Roe">Jane Roe</a>' in page
    )


def test_related_stories_and_neighbours(client, seeded):
    article = Article.objects.get(kicker="FRAUD ALLEGED")
    response = client.get(article.get_absolute_url())
    related = [other.kicker for other, _ in response.context["related"]]
    assert related[0] == "EUROPEAN FUTURE?"  # shares Edi Rama, Albania and Elections
    assert response.context["newer"] or response.context["older"]
    assert b'rel="next"' in response.content or b'rel="prev"' in response.content


def test_entity_page_timeline_and_co_mentions(client, seeded):
    import datetime as dt

    for i, article in enumerate(Article.objects.tagged_with(Person.objects.get(name="Edi Rama"))):
        article.published = dt.date(2024, 3 + i, 10)
        article.save()
    response = client.get("/people/edi-rama/")
    bars = response.context["timeline"]["bars"]
    assert len(bars) == 12 and bars[-1]["label"] == "2024-04"  # at least a year is shown
    assert [b["count"] for b in bars][-2:] == [1, 1] and sum(b["count"] for b in bars) == 2
    assert (
        "<svg" in response.content.decode()
        and "/search/?person=edi-rama&amp;from=2024-03-01" in response.content.decode()
    )
    co = response.context["co_mentions"]
    assert co["country"][0]["name"] == "Albania" and co["country"][0]["count"] == 2
    assert "edi-rama" not in [p["slug"] for p in co["person"]]
    assert co["country"][0]["shared_url"] == "/search/?person=edi-rama&country=albania"


def test_lists_sort_and_filter_by_initial(client, seeded):
    names = [e.name for e in client.get("/people/?sort=name").context["entities"]]
    assert names == sorted(names)
    counts = [e.article_count for e in client.get("/people/").context["entities"]]
    assert counts == sorted(counts, reverse=True)
    w = client.get("/people/?letter=W")
    assert {e.name for e in w.context["entities"]} == {"Wang Xiaohong", "Wang Yi"}
    assert "W" in w.context["initials"] and "Q" not in w.context["initials"]


def test_old_slug_redirects_after_an_edit(client, seeded):
    person = Person.objects.get(name="Xi Jinping")
    person.rename(slug="xi-jinping-cn")
    response = client.get("/people/xi-jinping/")
    assert response.status_code == 301 and response["Location"] == "/people/xi-jinping-cn/"
    assert client.get("/people/xi-jinping-cn/").status_code == 200


def test_canonical_url_and_open_graph(client, seeded):
    article = Article.objects.get(kicker="CANCER")
    page = client.get(article.get_absolute_url() + "?utm=x").content.decode()
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:title" content="{article.headline}">' in page
    person = client.get("/people/jose-mujica/?page=1").content.decode()
    assert '<link rel="canonical" href="http://testserver/people/jose-mujica/">' in person
    assert '<meta property="og:title" content="Jose Mujica · newsarchive">' in person


def test_feed_summaries_are_escaped_html(client, db):
    """A feed reader renders the summary as HTML: what it gets must be escaped text."""
    import xml.etree.ElementTree as ET

    make_article("H", deck=HOSTILE, body="B.")
    feed = ET.fromstring(client.get("/feeds/latest/").content)
    summary = feed.find(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary"
    ).text
    assert "<script" not in summary and "&lt;script&gt;" in summary


def test_neighbours_walk_the_whole_archive_in_order(db):
    import datetime as dt

    from articles.pages import neighbours

    days = [
        dt.date(2024, 1, 5),
        dt.date(2024, 1, 5),
        None,
        dt.date(2023, 7, 1),
        dt.date(2024, 1, 5),
        None,
        dt.date(2025, 2, 2),
    ]
    for i, day in enumerate(days):
        make_article(f"Story {i}", body="Text.", published=day)
    expected = list(
        Article.objects.order_by("-published", "-id").filter(published__isnull=False)
    ) + list(Article.objects.filter(published__isnull=True).order_by("-id"))
    walked, current = [], expected[0]
    while current is not None:
        walked.append(current)
        current = neighbours(current)[1]  # older
    assert walked == expected
    back, current = [], expected[-1]
    while current is not None:
        back.append(current)
        current = neighbours(current)[0]  # newer
    assert back == expected[::-1]


def test_fast_slug_urls_equal_reverse(db):
    from django.urls import reverse

    from articles.text import slug_url

    for name in (
        "articles:person_detail",
        "articles:country_detail",
        "articles:topic_detail",
        "articles:article_detail",
    ):
        for slug in ("edi-rama", "x_1", "a-2"):
            assert slug_url(name, slug) == reverse(name, args=[slug])
