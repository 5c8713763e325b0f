"""JSONL import: an export ingests back with its curation; a broken line is skipped by number."""

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleCountry, ArticlePerson, Person, TagState
from tests.conftest import SEEDS, export_records, run_ingest, write

pytestmark = pytest.mark.django_db


def test_export_then_ingest_round_trips_curated_tags(tmp_path):
    run_ingest(SEEDS)
    xi_tag = ArticlePerson.objects.filter(person__name="Xi Jinping").first()
    xi_tag.state = TagState.CONFIRMED
    xi_tag.save()
    xi_article = xi_tag.article.slug
    ArticleCountry.objects.filter(country__code="US").update(state=TagState.REJECTED)
    target = tmp_path / "archive.jsonl"
    call_command("export", format="jsonl", output=str(target), verbosity=0)
    original = export_records()
    Article.objects.all().delete()
    Person.objects.all().delete()
    code, out, _ = run_ingest(target)
    assert code == 0 and "5 created" in out
    restored = export_records()
    strip = lambda rs: sorted(  # noqa: E731
        ({k: v for k, v in r.items() if k not in ("id", "url")} for r in rs),
        key=lambda r: r["slug"],
    )
    assert strip(restored) == strip(original)
    restored_tag = ArticlePerson.objects.get(article__slug=xi_article, person__name="Xi Jinping")
    assert restored_tag.state == TagState.CONFIRMED
    assert not ArticleCountry.objects.filter(country__code="US").exists()
    code, out, _ = run_ingest(target)
    assert "5 unchanged" in out


def test_broken_jsonl_line_is_named_and_the_good_record_kept(tmp_path):
    path = write(tmp_path / "bad.jsonl", '{"headline": "A", "body": "B."}\nnot json\n')
    code, _, err = run_ingest(path)
    assert code == 1 and "bad.jsonl line 2: not JSON" in err
    assert Article.objects.count() == 1  # issue 17: one bad line no longer drops the file
