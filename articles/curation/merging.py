"""Merging duplicate entities, and undoing a merge.

The survivor takes the other's name as an alias, its aliases and its tags; the old slug redirects;
the merge is logged with a snapshot from which `undo` restores everything as it was.
"""

from django.db import transaction
from django.utils import timezone

from articles.models import TAG_MODELS, EntityMerge, SlugRedirect
from articles.search.queue import enqueue_articles

TAG_FIELDS = ["origin", "state", "mentions", "offsets", "score", "set_by_id"]


def _entity_fields(entity):
    fields = {
        "id": entity.pk,
        "name": entity.name,
        "slug": entity.slug,
        "aliases": entity.aliases,
        "description": entity.description,
    }
    for extra in ("code", "keywords"):
        if hasattr(entity, extra):
            fields[extra] = getattr(entity, extra)
    return fields


@transaction.atomic
def merge(survivor, duplicate, user=None):
    """Fold `duplicate` into `survivor`; returns the EntityMerge log entry."""
    kind = survivor._meta.model_name
    if type(duplicate) is not type(survivor) or duplicate.pk == survivor.pk:
        raise ValueError("merge two different entities of the same kind")
    model = TAG_MODELS[kind]
    already = set(model.objects.filter(**{kind: survivor}).values_list("article_id", flat=True))
    moved, dropped = [], []
    for tag in model.objects.filter(**{kind: duplicate}):
        data = {
            "id": tag.pk,
            "article_id": tag.article_id,
            **{f: getattr(tag, f) for f in TAG_FIELDS},
        }
        if kind == "person":
            data["role"] = tag.role
        if tag.article_id in already:
            dropped.append(data)  # the survivor is tagged there already
            tag.delete()
        else:
            setattr(tag, kind, survivor)
            tag.save()
            moved.append(tag.pk)
    snapshot = {
        "entity": _entity_fields(duplicate),
        "survivor_aliases": list(survivor.aliases),
        "survivor_description": survivor.description,
        "moved_tags": moved,
        "dropped_tags": dropped,
    }
    survivor.aliases = [*survivor.aliases, duplicate.name, *duplicate.aliases]
    survivor.description = survivor.description or duplicate.description
    old_slug = duplicate.slug
    duplicate.delete()
    survivor.save()
    SlugRedirect.objects.update_or_create(
        kind=kind, old_slug=old_slug, defaults={"target_id": survivor.pk}
    )
    enqueue_articles(
        [
            *already,
            *(d["article_id"] for d in dropped),
            *model.objects.filter(pk__in=moved).values_list("article_id", flat=True),
        ]
    )
    return EntityMerge.objects.create(
        kind=kind,
        survivor_id=survivor.pk,
        survivor_name=survivor.name,
        merged_name=snapshot["entity"]["name"],
        snapshot=snapshot,
        user=user,
    )


@transaction.atomic
def undo(log):
    """Restore the merged entity, its tags, its slug and the survivor's aliases."""
    if log.undone:
        raise ValueError("this merge was undone already")
    model = TAG_MODELS[log.kind]
    entity_model = model._meta.get_field(log.kind).related_model
    snap = log.snapshot
    survivor = entity_model.objects.get(pk=log.survivor_id)
    SlugRedirect.objects.filter(kind=log.kind, old_slug=snap["entity"]["slug"]).delete()
    restored = entity_model(**snap["entity"])
    restored.save(force_insert=True)
    model.objects.filter(pk__in=snap["moved_tags"]).update(**{log.kind: restored})
    for data in snap["dropped_tags"]:
        model.objects.create(**{log.kind: restored}, **data)
    survivor.aliases = snap["survivor_aliases"]
    survivor.description = snap["survivor_description"]
    survivor.save()
    enqueue_articles(
        model.objects.filter(**{f"{log.kind}__in": [survivor, restored]}).values_list(
            "article_id", flat=True
        )
    )
    log.undone = timezone.now()
    log.save(update_fields=["undone"])
    return restored
