"""The date archive (/archive/…), its sidebar panel, and the search feed (/feeds/search/)."""

import datetime as dt

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Country, Person, Topic
from tests.factories import make_article, make_person, tag_all

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def story(published=None, headline=None, **fields):
    return make_article(headline, published=published, **fields)


@pytest.fixture
def dated(db):
    """3 stories in May 2024, 1 in March 2024, 2 in December 2023, 2 undated."""
    return {
        "may": [story(dt.date(2024, 5, d), f"May story {d}") for d in (2, 13, 31)],
        "march": [story(dt.date(2024, 3, 9), "March story")],
        "december": [story(dt.date(2023, 12, d), f"December story {d}") for d in (1, 24)],
        "undated": [story(None, f"Undated story {i}") for i in range(2)],
    }


def listed(response):
    return {a.headline for a in response.context["articles"]}


def headlines(stories):
    return {a.headline for a in stories}


# --- /archive/ ---------------------------------------------------------------------------------


def test_index_lists_years_and_months_with_counts_and_the_undated_link(client, dated):
    response = client.get("/archive/")
    assert response.status_code == 200
    years = response.context["years"]
    assert [(y.year, y.count) for y in years] == [(2024, 4), (2023, 2)]
    assert years[0].months == [(dt.date(2024, 5, 1), 3), (dt.date(2024, 3, 1), 1)]
    assert years[1].months == [(dt.date(2023, 12, 1), 2)]
    assert response.context["undated_count"] == 2
    page = response.content.decode()
    assert "<title>Archive by date · newsarchive</title>" in page
    for url in [
        'href="/archive/2024/"',
        'href="/archive/2023/"',
        'href="/archive/2024/5/"',
        'href="/archive/2024/3/"',
        'href="/archive/2023/12/"',
        'href="/archive/undated/"',
    ]:
        assert url in page
    assert (
        page.index("/archive/2024/5/")
        < page.index("/archive/2024/3/")
        < page.index("/archive/2023/12/")
    )
    assert "2 with no known date" in page and "6 dated stories" in page


def test_index_of_an_empty_archive(client, db):
    response = client.get("/archive/")
    assert response.status_code == 200
    assert "No dated stories yet." in response.content.decode()
    assert b"/archive/undated/" not in response.content


# --- year and month pages ----------------------------------------------------------------------


def test_year_page_lists_exactly_its_stories(client, dated):
    response = client.get("/archive/2024/")
    assert response.status_code == 200
    assert listed(response) == headlines(dated["may"] + dated["march"])
    page = response.content.decode()
    assert (
        "<title>2024 · Archive · newsarchive</title>" in page
        and '<h1 class="page-title">2024</h1>' in page
    )
    assert 'href="/archive/2024/5/"' in page and 'href="/archive/2024/3/"' in page
    assert response.context["month_counts"] == [(dt.date(2024, 5, 1), 3), (dt.date(2024, 3, 1), 1)]
    assert 'rel="prev" href="/archive/2023/"' in page and 'rel="next"' not in page
    assert listed(client.get("/archive/2023/")) == headlines(dated["december"])


def test_month_page_lists_exactly_its_stories_newest_first(client, dated):
    response = client.get("/archive/2024/5/")
    assert response.status_code == 200
    assert [a.headline for a in response.context["articles"]] == [
        "May story 31",
        "May story 13",
        "May story 2",
    ]
    page = response.content.decode()
    assert "<title>May 2024 · Archive · newsarchive</title>" in page and ">May 2024</h1>" in page
    # previous/next skip the empty April and run across the year boundary
    assert 'rel="prev" href="/archive/2024/3/"' in page and 'rel="next"' not in page
    march = client.get("/archive/2024/3/").content.decode()
    assert (
        'rel="prev" href="/archive/2023/12/"' in march
        and 'rel="next" href="/archive/2024/5/"' in march
    )
    assert listed(client.get("/archive/2024/05/")) == headlines(dated["may"])
    assert listed(client.get("/archive/2023/12/")) == headlines(dated["december"])


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2024/4/",
        "/archive/2022/",
        "/archive/2024/13/",
        "/archive/2024/0/",
        "/archive/0/",
        "/archive/99999/",
        "/archive/2024/99999999999999999999/",
    ],
)
def test_empty_or_impossible_periods_are_404(client, dated, url):
    assert client.get(url).status_code == 404


def test_month_pagination(client, db):
    for day in range(1, 26):
        story(dt.date(2024, 1, day), f"January {day}")
    first = client.get("/archive/2024/1/")
    assert first.status_code == 200 and len(first.context["articles"]) == 20
    assert first.context["paginator"].count == 25 and "25 stories" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/archive/2024/1/", {"page": 2})
    assert second.status_code == 200
    assert listed(second) == {f"January {d}" for d in range(1, 6)}
    assert listed(first) | listed(second) == {f"January {d}" for d in range(1, 26)}
    assert client.get("/archive/2024/1/", {"page": 3}).status_code == 404


def test_undated_page_lists_undated_stories_only(client, dated):
    response = client.get("/archive/undated/")
    assert response.status_code == 200
    assert listed(response) == headlines(dated["undated"])
    page = response.content.decode()
    assert "<title>Date unknown · Archive · newsarchive</title>" in page and "Date unknown" in page
    Article.objects.undated().delete()
    assert (
        "Every story in the archive has a publication date."
        in client.get("/archive/undated/").content.decode()
    )


def make_tagged(n, start, month):
    person = Person.objects.get_or_create(name="Archive Person")[0]
    country = Country.objects.get(code="KE")
    topic = Topic.objects.get(slug="elections")
    for i in range(start, start + n):
        article = (
            story(month.replace(day=1 + i % 28), f"Tagged {i}")
            if month
            else story(None, f"Tagged {i}")
        )
        tag_all(article, person, make_person(f"Other {i}"), country, topic)


@pytest.mark.parametrize(
    "url", ["/archive/", "/archive/2024/", "/archive/2024/5/", "/archive/undated/"]
)
def test_query_count_does_not_grow_with_rows(client, db, url):
    make_tagged(3, 0, dt.date(2024, 5, 1))
    make_tagged(2, 3, None)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_tagged(15, 10, dt.date(2024, 5, 1))
    for i, month in enumerate([dt.date(2024, 1, 1), dt.date(2023, 7, 1), dt.date(2019, 2, 1)]):
        make_tagged(2, 40 + 2 * i, month)
    make_tagged(6, 60, None)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    if url == "/archive/":
        assert len(many) == 1  # one aggregate query grouped by month, undated included


def test_archive_pages_escape_headlines(client, db):
    story(dt.date(2024, 5, 1), HOSTILE, body=HOSTILE, kicker=HOSTILE, deck=HOSTILE, source=HOSTILE)
    story(None, HOSTILE, body=HOSTILE, kicker=HOSTILE)
    for url in ["/archive/", "/archive/2024/", "/archive/2024/5/", "/archive/undated/"]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body, url
        if url != "/archive/":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url


# --- {% date_archive_panel %} -------------------------------------------------------------------


def render_panel():
    return Template("{% load archive_nav %}{% date_archive_panel %}").render(Context({}))


def test_panel_lists_latest_eight_months_from_a_window_not_the_whole_table(dated):
    for month in range(1, 11):
        story(dt.date(2022, month, 5))
    with CaptureQueriesContext(connection) as queries:
        html = render_panel()
    # latest date, the latest months (widened once over the gap before May 2024), undated count
    assert len(queries) == 4
    assert all(">=" in q["sql"] for q in queries[1:3])  # a range of dates, not every row
    assert '<section class="panel date-archive">' in html and "<h2>Archive</h2>" in html
    assert html.count("<li>") == 8
    assert 'href="/archive/2024/5/">May 2024</a> <span class="count">3</span>' in html
    assert (
        'href="/archive/2022/6/"' in html and 'href="/archive/2022/5/"' not in html
    )  # 3 + 5 months
    assert 'href="/archive/">All dates →</a>' in html
    assert 'href="/archive/undated/">Date unknown (2)</a>' in html


def test_panel_is_empty_for_an_empty_archive(db):
    assert render_panel().strip() == ""


# --- /feeds/search/ -----------------------------------------------------------------------------
