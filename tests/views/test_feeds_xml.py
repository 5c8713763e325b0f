"""Every feed is well-formed XML whatever the stored text or the query (issue 17, item 1).

Stored text can hold characters XML 1.0 forbids (a `.jsonl` story, an admin edit); before the fix
one control character in a headline made /feeds/latest/ and every feed listing the story answer
500, and a U+FFFE in a search gave a feed no reader could parse.
"""

import io
from xml.dom import minidom

import pytest
from django.core.management import call_command
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article, Person
from articles.views.feeds import XmlSafeAtom1Feed, xml_safe
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

HOSTILE = "a\x01b\x0bc\x1fd\ufffee\uffff\ud800f\tg\nh"
STORED = HOSTILE.replace("\ud800", "")  # a database cannot store a lone surrogate


@pytest.fixture
def hostile_archive(whoosh_index):
    """The seed archive indexed, then one story and one person given forbidden characters."""
    call_command("ingest", str(SEEDS), verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    article = Article.objects.newest_first().first()
    Article.objects.filter(pk=article.pk).update(
        headline=f"Headline {STORED}", deck=f"Deck {STORED}", kicker=STORED
    )
    person = Person.objects.filter(articles=article).first()
    if person is not None:
        Person.objects.filter(pk=person.pk).update(name=f"Name {STORED}")
    return Article.objects.get(pk=article.pk), person


def well_formed(response):
    assert response.status_code in (200, 400), response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    return minidom.parseString(response.content)


def test_xml_safe_drops_only_what_xml_forbids():
    assert xml_safe(HOSTILE) == "abcdef\tg\nh"
    assert xml_safe("Zoë – 東京 \U0001f600 \ufdd0") == "Zoë – 東京 \U0001f600 \ufdd0"


def test_the_writer_cleans_text_and_attributes():
    feed = XmlSafeAtom1Feed(title=f"T {HOSTILE}", link="/x/", description="d")
    feed.add_item(title=HOSTILE, link="/a/", description=HOSTILE, author_name=HOSTILE)
    out = io.StringIO()
    feed.write(out, "utf-8")
    document = minidom.parseString(out.getvalue().encode("utf-8"))
    assert document.getElementsByTagName("entry")[0].getElementsByTagName("title")[0].firstChild
    with pytest.raises(ValueError):  # Django's own writer refuses the same text
        plain = Atom1Feed(title=f"T {HOSTILE}", link="/x/", description="d")
        plain.write(io.StringIO(), "utf-8")


def test_a_story_with_control_characters_leaves_every_feed_well_formed(client, hostile_archive):
    article, person = hostile_archive
    latest = well_formed(client.get("/feeds/latest/"))
    titles = [t.firstChild.data for t in latest.getElementsByTagName("title") if t.firstChild]
    assert "Headline abcdef\tg\nh" in titles
    if person is not None:
        well_formed(client.get(f"/feeds/people/{person.slug}/"))
    words = article.body.split()[:2]
    well_formed(client.get("/feeds/search/", {"q": " ".join(words)}))
    well_formed(client.get("/feeds/search/", {"q": "Headline", "sort": "date"}))


@pytest.mark.parametrize(
    "query",
    ["q=abc%01def", "q=%EF%BF%BE", "q=%ED%A0%80", "q=%00", "q=a%0Bb&sort=date", "person=%01"],
)
def test_a_search_feed_with_forbidden_characters_answers_a_well_formed_feed(
    client, hostile_archive, query
):
    response = client.get(f"/feeds/search/?{query}")
    assert response.status_code == 200
    document = well_formed(response)
    title = document.getElementsByTagName("title")[0].firstChild.data
    assert "\x01" not in title and "\ufffe" not in title
