"""Editors' operations on tags: state changes with history, rejecting a name everywhere, and
re-applying topic keyword rules. Every change reaches the search index through the queue."""

from django.db import transaction
from django.db.models import Exists, OuterRef

from articles.ingest.store import sync_tags
from articles.ingest.topics import TopicRules
from articles.models import (
    TAG_MODELS,
    Article,
    ArticleTopic,
    RejectedName,
    TagChange,
    TagOrigin,
    TagState,
    Topic,
)
from articles.search.queue import enqueue_articles, suspended


def unreviewed_articles():
    """Articles with at least one unreviewed tag the extractor proposed, oldest first."""
    pending = [
        Exists(model.objects.filter(article=OuterRef("pk"), state=TagState.AUTO))
        for model in TAG_MODELS.values()
    ]
    return Article.objects.filter(pending[0] | pending[1] | pending[2]).order_by("created", "id")


def record(tag, action, user):
    entity = getattr(tag, tag.entity_field)
    TagChange.objects.create(
        article_id=tag.article_id,
        kind=tag.entity_field,
        entity_name=entity.name,
        action=action,
        user=user,
    )


def set_state(tags, state, user):
    """Set tags' state as an editor; returns how many changed. History and index follow."""
    changed = 0
    with transaction.atomic():
        for tag in tags:
            if tag.state == state:
                continue
            tag.state, tag.set_by = state, user
            tag.save()
            record(tag, state, user)
            changed += 1
    return changed


def review_articles(articles, state, user):
    """Confirm or reject every unreviewed tag of `articles`."""
    ids = [a.pk for a in articles]
    tags = [
        t
        for model in TAG_MODELS.values()
        for t in model.objects.filter(article_id__in=ids, state=TagState.AUTO).select_related(
            model.entity_field
        )
    ]
    return set_state(tags, state, user)


def reject_everywhere(entity, user):
    """The name is never proposed again and every tag of it is rejected; returns tags changed."""
    kind = entity._meta.model_name
    RejectedName.objects.get_or_create(
        kind=kind,
        name=entity.code if kind == "country" else entity.slug if kind == "topic" else entity.name,
        defaults={"created_by": user},
    )
    model = TAG_MODELS[kind]
    tags = (
        model.objects.filter(**{kind: entity}).exclude(state=TagState.REJECTED).select_related(kind)
    )
    return set_state(list(tags), TagState.REJECTED, user)


def editor_saved_tag(tag, created, previous_state, user):
    """An editor added or edited a tag in the admin: who and what, recorded."""
    tag.set_by = user
    if created:
        tag.origin = TagOrigin.EDITOR
        if tag.state == TagState.AUTO:
            tag.state = TagState.CONFIRMED  # an editor's own tag is reviewed by definition
    tag.save()
    if created:
        record(tag, TagChange.Action.ADDED, user)
    elif previous_state != tag.state:
        record(tag, tag.state, user)


def reapply_topic_rules(batch_size=500):
    """Score every article against the current keyword rules; return the number of articles changed.

    Only the extractor's unreviewed topic tags change: confirmed, rejected and editor-added
    tags stay as the editors left them.
    """
    topics = {t.slug: t for t in Topic.objects.all()}
    rules = TopicRules.compile((t.slug, t.keywords) for t in topics.values())
    changed = []
    articles = Article.objects.only("id", "headline", "deck", "body").order_by("id")
    for start in range(0, articles.count(), batch_size):
        with transaction.atomic(), suspended():
            for article in articles[start : start + batch_size]:
                text = "\n\n".join(
                    p for p in (article.headline, article.deck, article.body) if p
                ).lower()
                wanted = {
                    topics[slug]: {"score": score}
                    for slug, score in rules.score(text)
                    if slug in topics
                }
                if sync_tags(article, ArticleTopic, "topic", wanted):
                    changed.append(article.pk)
    enqueue_articles(changed)
    return len(changed)
