"""The index queue: changes are recorded in the database and applied by one writer.

Whoosh allows one writer per index; web processes never open one. `drain()` is run by
`manage.py drain_index_queue` (after ingest, and in the background by `make run`).
"""
import threading
from contextlib import contextmanager

from haystack import connections
from whoosh.index import LockError

from .models import Article, IndexQueueEntry

_state = threading.local()


def enabled():
    """False inside `suspended()`: bulk work (ingest) queues its changed articles once at the end."""
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


class IndexBusy(Exception):
    """Another process holds the index's write lock; the queue keeps everything for the next round."""


def drain(batch_size=500, using="default"):
    """Apply queued changes to the index; return (updated, removed).

    Entries leave the queue only after their change reached the index, so a crash or a busy
    index (IndexBusy, when another writer holds the lock) loses nothing.
    """
    backend = connections[using].get_backend()
    index = connections[using].get_unified_index().get_index(Article)
    updated = removed = 0
    while True:
        entries = list(IndexQueueEntry.objects.order_by("id")[:batch_size])
        if not entries:
            return updated, removed
        ids = {e.article_id for e in entries}
        articles = list(index.index_queryset(using=using).filter(pk__in=ids))
        gone = [f"articles.article.{pk}" for pk in sorted(ids - {a.pk for a in articles})]
        try:
            if hasattr(backend, "apply_changes"):  # Whoosh: one writer, one commit per batch
                backend.apply_changes(index, articles, gone)
            else:
                if articles:
                    backend.update(index, articles)
                for identifier in gone:
                    backend.remove(identifier)
        except LockError as exc:
            raise IndexBusy(f"the search index is locked by another writer ({exc}); try again shortly") from exc
        updated += len(articles)
        removed += len(gone)
        # Only what was applied leaves the queue; entries added meanwhile stay for the next round.
        IndexQueueEntry.objects.filter(id__lte=entries[-1].id, article_id__in=ids).delete()

