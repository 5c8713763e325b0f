"""Limits every way in enforces (issue 17, items 1, 4, 5): clean text, the same file checks for
every kind of file, at most 200,000 characters and 500 tags per story."""

import os
import signal
from contextlib import contextmanager

import pytest

from articles.ingest import pipeline
from articles.ingest.extraction.mentions import (
    CountryMention,
    Extraction,
    PersonMention,
    TopicMention,
)
from articles.ingest.limits import MAX_BODY_CHARS, cap_tags
from articles.ingest.readers import MAX_RECORD_BYTES
from articles.models import Article, ArticlePerson
from articles.text import clean_text
from tests.conftest import change_form_data, run_ingest, write

pytestmark = pytest.mark.django_db


@contextmanager
def at_most(seconds):
    """Fail instead of hanging for ever (a FIFO opened for reading waits for a writer)."""

    def stop(*_):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_clean_text_drops_controls_non_characters_and_lone_surrogates():
    assert clean_text("a\x00b\x1bc\x7fd\x9fe") == "abcde"
    assert clean_text("tab\tnew\nline\rend") == "tab\tnew\nline\rend"
    assert clean_text("page\x0cbreak\x0bvt\x85nel") == "page\nbreak\nvt\nnel"
    assert clean_text("x\ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffffy") == "xy"
    assert clean_text("lone\ud800\udfff") == "lone"
    assert clean_text("ok \U0001f600 é") == "ok \U0001f600 é"


def test_a_text_file_is_stored_without_control_characters(tmp_path):
    text = "Headline: Port\x01 strike ends\n\nDock\x02 workers\x1b went\ufffe back to work.\n"
    code, _, err = run_ingest(write(tmp_path / "a.txt", text))
    assert code == 0, err
    article = Article.objects.get()
    assert article.headline == "Port strike ends"
    assert article.body == "Dock workers went back to work."


def test_an_html_character_reference_cannot_bring_controls_back(tmp_path):
    page = (
        "<html><head><title>Rail line&#1; opens</title></head><body><article><h1>Rail line&#1;"
        " opens</h1><p>The new railway&#x1b; to the coast opened on Monday after years of work,"
        " officials said.</p><p>Trains will run every hour&#xFFFE; from next week.</p></article>"
        "</body></html>"
    )
    code, _, err = run_ingest(write(tmp_path / "a.html", page))
    assert code == 0, err
    article = Article.objects.get()
    assert not any(c in article.headline + article.body for c in "\x01\x1b\ufffe")


def test_a_fifo_named_jsonl_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    write(tmp_path / "good.txt", "Headline: Talks resume\n\nNegotiators met again on Friday.")
    with at_most(10):
        code, out, err = run_ingest(tmp_path)
    assert code == 1 and "pipe.jsonl: not a regular file" in err
    assert "1 created" in out


def test_a_device_named_jsonl_is_refused(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    with at_most(10):
        code, _, err = run_ingest(tmp_path / "zero.jsonl")
    assert code == 1 and "zero.jsonl: not a regular file" in err


def test_a_70_mb_jsonl_is_refused_by_name(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as handle:
        handle.truncate(70 * 1024 * 1024)  # sparse: no disk used
    code, _, err = run_ingest(path)
    assert code == 1 and "big.jsonl: file is 73,400,320 bytes; the limit is 67,108,864" in err


def test_an_over_long_jsonl_line_fails_its_record_only(tmp_path):
    good = '{"headline": "Port strike ends", "body": "Dock workers went back to work."}\n'
    long = '{"headline": "A", "body": "' + "x" * MAX_RECORD_BYTES + '"}\n'
    other = good.replace("Dock workers", "Rail workers")
    code, out, err = run_ingest(write(tmp_path / "a.jsonl", good + long + other))
    assert code == 1 and f"a.jsonl line 2: line is over {MAX_RECORD_BYTES:,} bytes long" in err
    assert "2 created" in out


def test_a_story_over_the_limit_is_refused_by_name_before_extraction(tmp_path, monkeypatch):
    extracted = []
    monkeypatch.setattr(pipeline, "extract", lambda *a: extracted.append(a))
    line = "The council met on Monday to discuss the harbour budget and fuel prices again.\n"
    path = write(tmp_path / "long.txt", line * (MAX_BODY_CHARS // len(line) + 10))
    code, _, err = run_ingest(path)
    assert code == 1 and "long.txt: story 1 (" in err
    assert "a story is at most 200,000" in err
    assert not extracted and not Article.objects.exists()


def test_a_story_at_the_limit_goes_in(tmp_path):
    line = "The council met on Monday to discuss the harbour budget and fuel prices again.\n"
    path = write(tmp_path / "long.txt", line * (MAX_BODY_CHARS // (len(line) + 1)))
    code, _, err = run_ingest(path)
    assert code == 0, err
    assert len(Article.objects.get().body) <= MAX_BODY_CHARS


def test_cap_tags_keeps_the_most_mentioned_people():
    people = [PersonMention(f"Person {i}", spans=[[0, 1]] * (1 + i % 7)) for i in range(600)]
    countries = [CountryMention("KE", [[0, 1]])]
    topics = [TopicMention("economy", 2.0)]
    capped = cap_tags(Extraction(people, countries, topics), limit=500)
    assert capped.countries == countries and capped.topics == topics
    assert len(capped.people) == 498
    least = min(len(p.spans) for p in capped.people)
    assert all(len(p.spans) <= least for p in people if p not in capped.people)
    assert [p.name for p in capped.people] == [p.name for p in people if p in capped.people]


def test_the_extractor_tags_at_most_500_people(tmp_path, monkeypatch):
    people = [PersonMention(f"Person Number{i}", spans=[[0, 6]]) for i in range(700)]
    monkeypatch.setattr(pipeline, "extract", lambda *a: Extraction(people, [], []))
    code, _, err = run_ingest(write(tmp_path / "a.txt", "Talks resumed on Friday in Nairobi."))
    assert code == 0, err
    assert ArticlePerson.objects.count() == 500


def test_an_admin_edit_is_cleaned_and_held_to_the_story_limit(admin_client, tmp_path):
    run_ingest(write(tmp_path / "a.txt", "Headline: Talks resume\n\nNegotiators met on Friday."))
    article = Article.objects.get()
    url = f"/admin/articles/article/{article.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data["headline"] = "Talks\x01 resume\ufffe again"
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Talks resume again"
    data["body"] = "word " * (MAX_BODY_CHARS // 5 + 1)
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "a story is at most 200,000" in response.text


def test_the_admin_upload_report_escapes_file_names():
    """The upload report escapes names as `manage.py ingest` does (Django's upload parser drops
    line breaks from a browser's name today, but the report does not rely on it)."""
    from types import SimpleNamespace

    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.admin.upload import _ingest_uploads

    bad = SimpleUploadedFile("x.txt", b"\x00\x01 binary")
    bad.name = "x\nfailed: fake\u200b.txt"
    form = SimpleNamespace(cleaned_data={"files": [bad], "date": None, "source": ""})
    _, results = _ingest_uploads(form)
    assert results == [
        ("x\\nfailed: fake\\u200b.txt", 0, 0, 0, "binary file (contains NUL bytes), not text")
    ]
