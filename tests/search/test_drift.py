"""Drift between the database and the index: check, repair, rebuild."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, IndexQueueEntry

pytestmark = pytest.mark.django_db


def test_check_index_reports_and_repairs_drift(client, archive):
    out = io.StringIO()
    call_command("check_index", stdout=out)
    assert "index matches" in out.getvalue()
    from django.utils import timezone

    # A bulk update bypasses the signals that queue index updates: drift.
    Article.objects.filter(kicker="CANCER").update(
        headline="Changed without signals", updated=timezone.now()
    )
    IndexQueueEntry.objects.all().delete()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_index", stdout=io.StringIO())
    call_command("check_index", "--repair", stdout=io.StringIO())
    call_command("check_index", stdout=(out := io.StringIO()))
    assert "index matches" in out.getvalue()


def test_check_index_rebuild_starts_over(archive):
    before = Article.objects.count()
    out = io.StringIO()
    call_command("check_index", "--rebuild", stdout=out)
    assert f"rebuilt: {before} article(s) indexed" in out.getvalue()
    out = io.StringIO()
    call_command("check_index", stdout=out)
    assert "index matches the database" in out.getvalue()
