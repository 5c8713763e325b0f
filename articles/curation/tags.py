"""Editors' operations on tags: state changes with history, reviewing articles, and rejecting a
name everywhere. Every change reaches the search index through the queue (tag saves are queued
by the signal processor)."""

import operator
from functools import reduce

from django.db import transaction
from django.db.models import Exists, OuterRef

from articles.kinds import KINDS, kind_of
from articles.models import Article, RejectedName, TagChange, TagOrigin, TagState


def unreviewed_articles():
    """Articles with at least one unreviewed tag the extractor proposed, oldest first."""
    pending = (
        Exists(k.tag_model.objects.filter(article=OuterRef("pk"), state=TagState.AUTO))
        for k in KINDS
    )
    return Article.objects.filter(reduce(operator.or_, pending)).order_by("created", "id")


def record(tag, action, user):
    """Log an editor's change to `tag` in the article's history of tag changes."""
    k = kind_of(tag)
    TagChange.objects.create(
        article_id=tag.article_id,
        kind=k.name,
        entity_name=getattr(tag, k.name).name,
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
        tag
        for k in KINDS
        for tag in k.tag_model.objects.filter(
            article_id__in=ids, state=TagState.AUTO
        ).select_related(k.name)
    ]
    return set_state(tags, state, user)


def reject_everywhere(entity, user):
    """The name is never proposed again and every tag of it is rejected; returns tags changed."""
    k = kind_of(entity)
    RejectedName.objects.get_or_create(
        kind=k.name, name=entity.rejected_name, defaults={"created_by": user}
    )
    tags = (
        k.tag_model.objects.filter(**{k.name: entity})
        .exclude(state=TagState.REJECTED)
        .select_related(k.name)
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
