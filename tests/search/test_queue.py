"""The index queue: a locked index loses no update."""

import pytest
from django.core.management import call_command

from articles.models import Article, IndexQueueEntry
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def test_a_locked_index_loses_no_update(client, archive, django_capture_on_commit_callbacks):
    """Another writer holds Whoosh's lock: the drain stops, the queue keeps the change for later."""
    from django.core.management.base import CommandError

    article = Article.objects.get(kicker="CANCER")
    pk = article.pk
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    writer = archive.index.writer()  # holds the lock
    try:
        with pytest.raises(CommandError, match="locked"):
            call_command("drain_index_queue", verbosity=0)
        assert IndexQueueEntry.objects.filter(article_id=pk).exists()
    finally:
        writer.cancel()
    call_command("drain_index_queue", verbosity=0)
    assert not IndexQueueEntry.objects.exists()
    assert api(client, q="Mujica")[1]["count"] == 0
