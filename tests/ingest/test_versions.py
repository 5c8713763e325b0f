"""Story identity at ingest: versions of one story update it, other stories stay apart."""

import pytest

from articles.models import Article, ArticleUpdate
from tests.conftest import export_records, run_ingest, write

pytestmark = pytest.mark.django_db

LEDE = (
    "Ferry services between the two main islands were suspended on Wednesday after a storm "
    "damaged the pier at the northern terminal, stranding hundreds of passengers overnight."
)
STORY = "\n".join(
    [
        LEDE,
        "Engineers said repairs to the pier would take at least three days, and the operator "
        "offered passengers rooms in two hotels near the harbour.",
        "The regional council said buses would run a longer route over the causeway until the "
        "ferries returned, adding about two hours to the journey.",
        "Fishermen said the storm was the worst to hit the coast in a decade.",
    ]
)


def test_a_corrected_word_in_the_opening_updates_the_story_and_its_history(tmp_path):
    run_ingest(write(tmp_path / "a.txt", STORY.replace("Wednesday", "Wensday")))
    code, out, _ = run_ingest(write(tmp_path / "b.txt", STORY))
    assert code == 0 and "1 updated" in out
    article = Article.objects.get()
    assert "Wednesday" in article.body
    update = ArticleUpdate.objects.get(article=article)
    assert "body" in update.fields and update.origin.endswith("b.txt#0")


def test_a_teaser_cut_early_meets_its_full_story_either_way(tmp_path):
    teaser = "FERRIES HALTED: " + " ".join(LEDE.split()[:15]) + "\n"
    run_ingest(write(tmp_path / "teaser.txt", teaser))
    run_ingest(write(tmp_path / "full.txt", STORY))
    article = Article.objects.get()
    assert not article.truncated and "Fishermen" in article.body
    code, out, _ = run_ingest(write(tmp_path / "teaser2.txt", teaser))
    assert "1 unchanged" in out and Article.objects.count() == 1


def test_stories_sharing_a_boilerplate_opening_stay_two_and_are_found_again(tmp_path):
    boilerplate = (
        "This is part of our weekly series on island life, published every Friday with the help "
        "of readers who send us their questions and photographs from around the coast. "
    )
    other = (
        "A bakery in the old town has baked the same rye loaf for a hundred years, and its owners "
        "say the recipe was written down only once, on the back of a tax form, by a great-aunt."
    )
    first = write(tmp_path / "one.txt", boilerplate + LEDE)
    second = write(tmp_path / "two.txt", boilerplate + other)
    run_ingest(first, second)
    assert Article.objects.count() == 2
    code, out, _ = run_ingest(first, second)
    assert "2 unchanged" in out and Article.objects.count() == 2


def test_the_same_text_under_another_url_is_another_article(tmp_path):
    for name in ("a", "b"):
        write(tmp_path / f"{name}.txt", f"URL: https://example.org/{name}\n\n{STORY}\n")
    run_ingest(tmp_path)
    assert Article.objects.count() == 2


def test_byline_and_dateline_leave_the_body_and_the_byline_is_exported(tmp_path):
    text = f"By MARTA KOVAC and Li Wen, Island Post\nHARBOURTOWN, 3 May 2024 — {STORY}\n"
    run_ingest(write(tmp_path / "bylined.txt", text))
    article = Article.objects.get()
    assert article.byline == "Marta Kovac and Li Wen"
    assert str(article.published) == "2024-05-03"
    assert article.body.startswith("Ferry services") and "HARBOURTOWN" not in article.body
    assert export_records()[0]["byline"] == "Marta Kovac and Li Wen"


def test_a_dateline_without_a_year_gives_no_date(tmp_path):
    run_ingest(write(tmp_path / "d.txt", f"HARBOURTOWN, May 3 (Island Wire) - {STORY}\n"))
    article = Article.objects.get()
    assert article.published is None and article.body.startswith("Ferry services")


def test_dry_run_shows_each_story_as_read_and_stores_nothing(tmp_path):
    code, out, _ = run_ingest(
        write(tmp_path / "x.txt", f"By Marta Kovac\n{STORY}\n"), "--dry-run", "-v", "2"
    )
    assert code == 0 and Article.objects.count() == 0
    assert "byline: Marta Kovac" in out and "paragraphs: 4" in out and "teaser (cut off): no" in out


def test_the_text_updates_are_listed_on_the_articles_admin_page(tmp_path, admin_client):
    run_ingest(write(tmp_path / "a.txt", STORY.replace("Wednesday", "Wensday")))
    run_ingest(write(tmp_path / "b.txt", STORY))
    article = Article.objects.get()
    page = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Text updates" in page and "b.txt#0" in page


def test_a_story_is_compared_with_few_stored_stories_that_share_its_opening(tmp_path, monkeypatch):
    """Texts built from one opening share anchors with every stored story; comparing each one
    made a 50 MB file of such stories take an hour. The most-shared candidates come first."""
    from articles.ingest import versions

    for i in range(20):
        run_ingest(write(tmp_path / f"{i}.txt", f"{LEDE}\nStory number {i} goes on its own way."))
    calls = []
    real = versions.same_story
    monkeypatch.setattr(versions, "same_story", lambda *a: calls.append(a) or real(*a))
    code, out, _ = run_ingest(write(tmp_path / "new.txt", f"{LEDE}\nA different ending here."))
    assert code == 0 and "1 created" in out
    assert len(calls) <= versions.MAX_COMPARED
    assert Article.objects.count() == 21
