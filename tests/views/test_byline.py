"""The byline a story credits is shown on its page and given by the search API."""

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db

STORY = (
    "By Ana Ruiz\n"
    "Harbour workers in the port town voted on Tuesday to end a week-long strike after the "
    "operator agreed to raise night-shift pay.\n"
    "Ships that waited offshore began to unload within hours of the vote.\n"
)


def test_the_byline_shows_on_the_article_page_and_in_the_api(client, tmp_path):
    run_ingest(write(tmp_path / "strike.txt", STORY))
    call_command("drain_index_queue", verbosity=0)
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<p class="byline">By Ana Ruiz</p>' in page
    result = client.get("/api/search/", {"q": "strike"}).json()["results"][0]
    assert result["byline"] == "Ana Ruiz"


def test_a_list_teaser_cut_at_a_sentence_end_gets_no_ellipsis_after_the_full_stop():
    from articles.models import Article
    from articles.templatetags.archive import list_teaser

    sentence = "Ships waited offshore and began to unload after the vote."  # ten words
    story = Article(headline="Port strike ends", body=" ".join([sentence] * 8))
    teaser = list_teaser(story)
    assert teaser.endswith(".") and not teaser.endswith(".…")
    cut = Article(headline="Port strike ends", body=" ".join(["word"] * 80))
    assert list_teaser(cut).endswith("word…")
