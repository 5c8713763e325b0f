"""Every change that alters an article's search document is queued for the index writer.

Receivers only add rows to the queue (after the transaction commits); they never touch the index.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    Person,
    Topic,
)
from articles.search import queue as search_queue


def _queue(ids):
    ids = list(ids)
    if ids and search_queue.enabled():
        transaction.on_commit(lambda: search_queue.enqueue_articles(ids))


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def article_changed(sender, instance, **kwargs):
    _queue([instance.pk])


@receiver(post_save, sender=ArticlePerson)
@receiver(post_delete, sender=ArticlePerson)
@receiver(post_save, sender=ArticleCountry)
@receiver(post_delete, sender=ArticleCountry)
@receiver(post_save, sender=ArticleTopic)
@receiver(post_delete, sender=ArticleTopic)
def tag_changed(sender, instance, **kwargs):
    _queue([instance.article_id])


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Country)
@receiver(post_save, sender=Topic)
def entity_changed(sender, instance, created=False, **kwargs):
    """A renamed entity or a new alias changes the document of every article tagged with it; a new
    description changes none."""
    if not created and getattr(instance, "search_fields_changed", True):
        _queue(
            Article.objects.filter(
                **{f"{sender.tag_related_name}__{sender._meta.model_name}": instance}
            ).values_list("pk", flat=True)
        )
