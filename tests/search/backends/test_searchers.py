"""Searchers: reused while the index is unchanged, renewed after a commit."""

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_a_searcher_is_reused_while_the_index_folder_is_unchanged_and_renewed_after_a_commit(
    archive, monkeypatch
):
    import os
    import time

    backend = archive
    past = time.time() - 60
    os.utime(backend.path, (past, past))  # a folder untouched for a minute
    first = backend._searcher()
    calls = []
    real_exists = backend.index_exists
    monkeypatch.setattr(backend, "index_exists", lambda: calls.append(1) or real_exists())
    assert backend._searcher() is first and calls == []  # one stat, no folder listing
    from articles.search import queue as search_queue

    search_queue.enqueue_articles([Article.objects.order_by("pk").first().pk])
    call_command("drain_index_queue", verbosity=0)  # a commit: new files, a new folder time
    renewed = backend._searcher()
    assert calls and renewed is not first and renewed.up_to_date()
