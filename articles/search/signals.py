"""Every change that alters an article's search document is queued for the index writer.

haystack's signal processor (HAYSTACK_SIGNAL_PROCESSOR), queued rather than real-time: its
handlers only add rows to the index queue after the transaction commits and never touch the
index, which one writer updates (`manage.py drain_index_queue`, see queue.py).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from haystack.signals import BaseSignalProcessor

from articles.kinds import KINDS, kind_of
from articles.models import Article
from articles.search import queue as search_queue


def queue_articles(ids):
    """Queue the articles `ids` once the transaction commits (not inside `queue.suspended()`)."""
    ids = list(ids)
    if ids and search_queue.enabled():
        transaction.on_commit(lambda: search_queue.enqueue_articles(ids))


def changes_documents(instance, created=False, update_fields=None):
    """Whether saving an entity can change the search documents of the articles tagged with it.

    A new entity has no tags yet; a save limited to fields outside `SEARCH_FIELDS` (the name,
    slug and aliases, which documents hold) changes none.
    """
    if update_fields is None:
        return not created
    return not created and bool(set(update_fields) & set(instance.SEARCH_FIELDS))


class QueuedSignalProcessor(BaseSignalProcessor):
    """Queues articles whose documents change: an article saved or deleted, a tag added, changed
    or removed, an entity renamed or given new aliases (all its articles)."""

    def connections_made(self):
        """[(signal, receiver, sender)]: what `setup` connects and `teardown` disconnects."""
        made = [
            (post_save, self.handle_save, Article),
            (post_delete, self.handle_delete, Article),
        ]
        for kind in KINDS:
            made += [
                (post_save, self.handle_save, kind.tag_model),
                (post_delete, self.handle_delete, kind.tag_model),
                (post_save, self.handle_entity_save, kind.model),
            ]
        return made

    def setup(self):
        for signal, receiver, sender in self.connections_made():
            signal.connect(receiver, sender=sender)

    def teardown(self):
        for signal, receiver, sender in self.connections_made():
            signal.disconnect(receiver, sender=sender)

    def handle_save(self, sender, instance, **kwargs):
        """An article or one of its tags was saved."""
        queue_articles([instance.pk if sender is Article else instance.article_id])

    def handle_delete(self, sender, instance, **kwargs):
        """An article or one of its tags was deleted."""
        queue_articles([instance.pk if sender is Article else instance.article_id])

    def handle_entity_save(self, sender, instance, created=False, update_fields=None, **kwargs):
        """An entity was saved: its articles, when their documents may change."""
        if changes_documents(instance, created, update_fields):
            kind = kind_of(sender)
            tagged = Article.objects.filter(**{f"{kind.related_name}__{kind.name}": instance})
            queue_articles(tagged.values_list("pk", flat=True))
