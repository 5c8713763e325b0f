"""`manage.py ingest` and `export`: idempotent, curation-preserving, and kind to bad input."""

import pytest
from django.core.management import call_command

from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    IndexQueueEntry,
    Person,
    RejectedName,
    TagOrigin,
    TagState,
)
from tests.conftest import SEEDS, export_records, run_ingest, write
from tests.factories import make_person, tag

pytestmark = pytest.mark.django_db

STORY = (
    "Headline: Port workers strike in Mombasa\n"
    "Date: 2024-06-02\n"
    "Source: Test Wire\n"
    "\n"
    "Dock workers in Mombasa walked off the job on Monday, halting cargo at the busiest port in "
    "East Africa.\n"
    "Kenyan Transport Minister Kipchumba Murkomen said talks with the union would resume.\n"
    "Murkomen said the government wanted the port open by Friday, since fuel bound for Uganda was "
    "stuck.\n"
)


def test_seed_ingests_five_articles_and_twice_changes_nothing():
    code, out, _ = run_ingest(SEEDS)
    assert code == 0 and "5 created" in out
    before = list(Article.objects.values_list("id", "updated"))
    code, out, _ = run_ingest(SEEDS)
    assert code == 0 and "0 created, 0 updated, 5 unchanged, 0 failed" in out
    assert list(Article.objects.values_list("id", "updated")) == before


def test_header_date_source_and_entities(tmp_path):
    code, out, _ = run_ingest(write(tmp_path / "port.txt", STORY))
    assert code == 0
    article = Article.objects.get()
    assert article.headline == "Port workers strike in Mombasa"
    assert str(article.published) == "2024-06-02" and article.source == "Test Wire"
    tag = ArticlePerson.objects.get(article=article)
    assert tag.person.name == "Kipchumba Murkomen"
    assert tag.mentions == 2 and tag.state == TagState.AUTO and tag.origin == TagOrigin.EXTRACTOR
    assert "Minister" in tag.role and "Minister" in tag.person.description
    start, end = tag.offsets[0]
    assert article.body[start:end] == "Kipchumba Murkomen"
    assert set(ArticleCountry.objects.values_list("country__code", flat=True)) == {"KE", "UG"}


def test_date_and_source_options_apply_when_the_text_has_none(tmp_path):
    path = write(
        tmp_path / "a.txt", "Rain fell across the capital on Sunday, flooding several roads.\n"
    )
    run_ingest(path, "--date", "2023-01-09", "--source", "Desk")
    article = Article.objects.get()
    assert str(article.published) == "2023-01-09" and article.source == "Desk"


def test_bad_date_option_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date"):
        call_command("ingest", str(tmp_path), date="yesterday")


def test_dry_run_stores_nothing(tmp_path):
    code, out, _ = run_ingest(SEEDS, "--dry-run")
    assert code == 0 and "dry run" in out and "5 created" in out
    assert Article.objects.count() == 0 and Person.objects.count() == 0
    assert IndexQueueEntry.objects.count() == 0


def test_ingest_queues_changed_articles_for_the_index():
    run_ingest(SEEDS)
    assert IndexQueueEntry.objects.count() == 5
    IndexQueueEntry.objects.all().delete()
    run_ingest(SEEDS)
    assert IndexQueueEntry.objects.count() == 0


def test_bad_files_are_named_and_skipped_the_rest_go_in(tmp_path):
    folder = tmp_path / "in"
    write(folder / "empty.txt", "")
    write(folder / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    write(
        folder / "latin1.txt",
        "Le président José Ramos parle à Dili aujourd'hui.\n".encode("latin-1"),
    )
    write(
        folder / "cp1252.txt",
        "The minister said “we will act” on Monday in Nairobi.\n".encode("cp1252"),
    )
    write(folder / "huge-line.txt", "word " * 220_000)
    write(folder / "good.txt", STORY)
    write(folder / "notes.pdf", b"%PDF-1.4")
    code, out, err = run_ingest(folder)
    assert code == 1
    assert "3 created" in out and "3 failed" in out and "1 skipped" in out
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary file" in err
    assert "huge-line.txt: line 1 is" in err
    assert "Traceback" not in err + out
    bodies = " ".join(Article.objects.values_list("body", flat=True))
    assert "président José" in bodies  # Latin-1 decoded
    assert "“we will act”" in bodies  # cp1252 curly quotes decoded


def test_missing_path_and_unsupported_file_fail_by_name(tmp_path):
    pdf = write(tmp_path / "x.pdf", b"%PDF")
    code, _, err = run_ingest(tmp_path / "nope", pdf)
    assert code == 1
    assert "nope: no such file or folder" in err
    assert "x.pdf: unsupported file type" in err


def test_html_is_reduced_to_text(tmp_path):
    html = (
        "<html><head><title>T</title><script>alert(1)</script></head><body>"
        "<h1>Flood &amp; fire</h1>"
        "<p>Rescuers in <b>Manila</b> worked through the night.</p>"
        "<p onclick='x()'>More rain is forecast.</p>"
        "<style>p{}</style></body></html>"
    )
    code, _, _ = run_ingest(write(tmp_path / "page.html", html))
    assert code == 0
    article = Article.objects.get()
    assert article.headline == "Flood & fire"
    assert article.paragraphs == [
        "Rescuers in Manila worked through the night.",
        "More rain is forecast.",
    ]
    assert "alert" not in article.body


def test_updated_text_updates_the_same_article(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    run_ingest(path)
    write(path, STORY.replace("was stuck.", "was stuck, he added."))
    code, out, _ = run_ingest(path)
    assert "1 updated" in out
    assert Article.objects.count() == 1
    assert Article.objects.get().body.endswith("was stuck, he added.")


def test_a_teaser_never_replaces_the_full_story(tmp_path):
    full = write(tmp_path / "full.txt", STORY)
    run_ingest(full)
    paragraphs = STORY.split("\n\n", 1)[1].splitlines()
    teaser = f"PORT STRIKE: {paragraphs[0]} {paragraphs[1][:62]}"  # the story's opening, cut off
    code, out, _ = run_ingest(write(tmp_path / "teaser.txt", teaser + "\n"))
    assert "1 unchanged" in out
    article = Article.objects.get()
    assert not article.truncated and "Murkomen" in article.body


class TestCurationSurvivesReingest:
    def ingest(self, tmp_path):
        run_ingest(write(tmp_path / "a.txt", STORY))
        return Article.objects.get()

    def test_confirmed_tag_is_kept(self, tmp_path):
        article = self.ingest(tmp_path)
        ArticlePerson.objects.filter(article=article).update(state=TagState.CONFIRMED)
        run_ingest(tmp_path / "a.txt")
        assert ArticlePerson.objects.get(article=article).state == TagState.CONFIRMED

    def test_rejected_tag_never_comes_back(self, tmp_path):
        article = self.ingest(tmp_path)
        ArticleCountry.objects.filter(article=article, country__code="UG").update(
            state=TagState.REJECTED
        )
        run_ingest(tmp_path / "a.txt")
        assert (
            ArticleCountry.objects.get(article=article, country__code="UG").state
            == TagState.REJECTED
        )
        assert "UG" not in [c["code"] for c in export_records()[0]["countries"]]

    def test_editor_tag_is_kept_when_the_text_does_not_mention_it(self, tmp_path):
        article = self.ingest(tmp_path)
        topic_tag = ArticleTopic.objects.filter(article=article).first()
        other = make_person("Anne Editor-Added")
        tag(article, other, origin=TagOrigin.EDITOR, state=TagState.CONFIRMED)
        run_ingest(tmp_path / "a.txt")
        assert ArticlePerson.objects.filter(article=article, person=other).exists()
        if topic_tag:
            assert ArticleTopic.objects.filter(pk=topic_tag.pk).exists()

    def test_unreviewed_tag_follows_the_text(self, tmp_path):
        article = self.ingest(tmp_path)
        path = write(
            tmp_path / "a.txt", STORY.replace("since fuel bound for Uganda was stuck", "he said")
        )
        run_ingest(path)
        assert not ArticleCountry.objects.filter(article=article, country__code="UG").exists()

    def test_rejected_name_is_never_proposed_again(self, tmp_path):
        RejectedName.objects.create(kind=RejectedName.Kind.PERSON, name="Kipchumba Murkomen")
        article = self.ingest(tmp_path)
        assert not ArticlePerson.objects.filter(article=article).exists()

    def test_confirmed_person_is_recognised_by_alias(self, tmp_path):
        article = self.ingest(tmp_path)
        tag = ArticlePerson.objects.get(article=article)
        tag.state = TagState.CONFIRMED
        tag.save()
        tag.person.aliases = ["穆爾科曼"]
        tag.person.save()
        run_ingest(
            write(
                tmp_path / "b.txt",
                "穆爾科曼 visited the port again on Tuesday to meet the workers.\n",
            )
        )
        later = Article.objects.exclude(pk=article.pk).get()
        assert ArticlePerson.objects.get(article=later).person == tag.person


def test_a_database_error_while_storing_a_chunk_skips_only_its_file(tmp_path, monkeypatch, db):
    from django.db import DatabaseError

    from articles.ingest import pipeline, store

    for i in range(5):
        write(
            tmp_path / f"{i}.txt",
            f"Headline: Story {i}\n\nPrime Minister Edi Rama spoke in Tirana on day {i}.\n",
        )
    write(tmp_path / "3.txt", "Headline: Story BOOM\n\nA story the database refuses to store.\n")
    real = store.store_drafts

    def refusing(items, resolver):
        if any("BOOM" in story.draft.headline for story in items):
            Article.objects.create(
                headline="half", body="half", content_key="half-stored"
            )  # rolled back
            raise DatabaseError("disk I/O error")
        return real(items, resolver)

    monkeypatch.setattr(pipeline, "store_drafts", refusing)
    report = pipeline.ingest_paths([tmp_path])
    assert report.created == 4 and [(p.rsplit("/", 1)[-1], why) for p, why in report.failed] == [
        ("3.txt", "disk I/O error")
    ]
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        f"Story {i}" for i in (0, 1, 2, 4)
    ]
    assert IndexQueueEntry.objects.count() == 4


def _many_stories_file(path, count):
    """A file of `count` kicker-led stories, each with its own words (no story is a version of
    another)."""
    from tests.corpus import Generator

    generator = Generator(seed=count)
    stories = []
    for i in range(count):
        paragraphs = [" ".join(generator.words(30)) + "." for _ in range(3)]
        stories.append(f"WIRE {i}: " + "\n".join(p.capitalize() for p in paragraphs))
    return write(path, "\n".join(stories) + "\n")


def test_a_large_file_is_extracted_and_stored_in_batches(tmp_path, monkeypatch):
    """Memory is bounded per batch, not per file: a batch is extracted just before it is stored
    (a 50 MB file of 2,200 stories peaked at 1.5 GB when all were extracted first)."""
    from articles.ingest import pipeline

    _many_stories_file(tmp_path / "big.txt", 12)
    write(tmp_path / "small.txt", STORY)
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 1000)
    events = []
    real_extract, real_store = pipeline.extract, pipeline.store_drafts
    monkeypatch.setattr(pipeline, "extract", lambda *a: events.append("e") or real_extract(*a))
    monkeypatch.setattr(
        pipeline,
        "store_drafts",
        lambda stories, resolver: events.append(len(stories)) or real_store(stories, resolver),
    )
    report = pipeline.ingest_paths([tmp_path])
    assert report.created == 13 and not report.failed
    batches = [e for e in events if e != "e"]
    assert len(batches) >= 3 and sum(batches) == 13
    # every batch is extracted right before it is stored: never more extracted than stored + 1 batch
    extracted = stored = 0
    for event in events:
        if event == "e":
            extracted += 1
        else:
            stored += event
            assert extracted == stored
    assert [(p.rsplit("/", 1)[-1], c) for p, c, *_ in report.per_file] == [
        ("big.txt", 12),
        ("small.txt", 1),
    ]


def test_a_failure_in_a_later_batch_rolls_back_the_whole_file(tmp_path, monkeypatch):
    from django.db import DatabaseError

    from articles.ingest import pipeline

    _many_stories_file(tmp_path / "a-big.txt", 12)
    write(tmp_path / "b-small.txt", STORY)
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 1000)
    real_store, calls = pipeline.store_drafts, []

    def failing_third(stories, resolver):
        calls.append(len(stories))
        if len(calls) == 3:
            raise DatabaseError("disk I/O error")
        return real_store(stories, resolver)

    monkeypatch.setattr(pipeline, "store_drafts", failing_third)
    report = pipeline.ingest_paths([tmp_path])
    assert [(p.rsplit("/", 1)[-1], why) for p, why in report.failed] == [
        ("a-big.txt", "disk I/O error")
    ]
    assert list(Article.objects.values_list("headline", flat=True)) == [
        "Port workers strike in Mombasa"
    ]
    assert report.created == 1 and IndexQueueEntry.objects.count() == 1
