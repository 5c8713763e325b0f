"""The index queue: changes are recorded in the database and applied by one writer.

Whoosh allows one writer per index; web processes never open one. `drain()` is run by
`manage.py drain_index_queue` (after ingest, and in the background by `make run`).
"""

import threading
from contextlib import contextmanager

from haystack import connections
from haystack.utils import get_identifier

from articles.models import Article, IndexQueueEntry

BULK_MIN = 2000  # a queue of this many articles is written by several processes at once

_state = threading.local()


def enabled():
    """False inside `suspended()`: bulk work (ingest) queues its changed articles once, at the
    end."""
    return not getattr(_state, "suspended", False)


@contextmanager
def suspended():
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def enqueue_articles(article_ids):
    IndexQueueEntry.objects.bulk_create(
        [IndexQueueEntry(article_id=pk) for pk in sorted(set(article_ids))], batch_size=1000
    )


def drain(batch_size=500, using="default", max_entries=200_000):
    """Apply queued changes to the index; return (updated, removed).

    Each round reads up to `max_entries` queue entries, writes their articles through one writer
    and commits once (Whoosh; several processes when the queue is long), then removes exactly
    those entries. A crash or a busy index (the backend's `writing` raises
    articles.search.backends.base.IndexBusy when another writer holds the lock) loses nothing:
    entries leave the queue only after their change reached the index.
    """
    backend = connections[using].get_backend()
    index = connections[using].get_unified_index().get_index(Article)
    updated = removed = 0
    while True:
        entries = list(
            IndexQueueEntry.objects.order_by("id").values_list("id", "article_id")[:max_entries]
        )
        if not entries:
            if updated or removed:
                backend.warm()  # e.g. the new segments' facet files, which web processes load
            return updated, removed
        article_ids = list(dict.fromkeys(article_id for _, article_id in entries))  # in order
        with backend.writing(bulk=len(article_ids) >= BULK_MIN) as write:
            for first in range(0, len(article_ids), batch_size):
                ids = article_ids[first : first + batch_size]
                articles = list(index.index_queryset(using=using).filter(pk__in=ids))
                gone = sorted(set(ids) - {a.pk for a in articles})
                write(index, articles, [get_identifier(Article(pk=pk)) for pk in gone])
                updated += len(articles)
                removed += len(gone)
        # Only what was applied leaves the queue; entries added meanwhile stay for the next round.
        entry_ids = [entry_id for entry_id, _ in entries]
        for first in range(0, len(entry_ids), batch_size):
            IndexQueueEntry.objects.filter(id__in=entry_ids[first : first + batch_size]).delete()
