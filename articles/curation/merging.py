"""Merging duplicate entities, and undoing a merge.

The survivor takes the other's name as an alias, its aliases and its tags; the old slug redirects;
the merge is logged (`EntityMerge`) with a snapshot from which `EntityMerge.undo()`, which calls
`undo` here, restores everything as it was.
"""

from django.db import transaction
from django.utils import timezone

from articles.kinds import kind, kind_of
from articles.models import EntityMerge, SlugRedirect
from articles.search.queue import enqueue_articles

# What a tag holds beyond its article and entity: snapshotted so an undo restores it exactly.
TAG_FIELDS = ["origin", "state", "mentions", "offsets", "score", "set_by_id"]
# What an entity holds beyond its name, slug, aliases and description (a country's code, an
# organisation's kind and country...).
_ENTITY_BASE_FIELDS = {"id", "name", "slug", "aliases", "description", "created", "updated"}


def _entity_fields(entity):
    fields = {
        "id": entity.pk,
        "name": entity.name,
        "slug": entity.slug,
        "aliases": entity.aliases,
        "description": entity.description,
    }
    for field in entity._meta.concrete_fields:
        if field.name not in _ENTITY_BASE_FIELDS:
            # By attname: a foreign key (an organisation's country) is restored by its id.
            fields[field.attname] = getattr(entity, field.attname)
    return fields


def _tag_fields(tag, k):
    """The snapshot of a tag, its kind's own fields (a person's role) included."""
    data = {"id": tag.pk, "article_id": tag.article_id, **{f: getattr(tag, f) for f in TAG_FIELDS}}
    own = {"id", "article", k.name, *(f.removesuffix("_id") for f in TAG_FIELDS), "updated"}
    for field in k.tag_model._meta.concrete_fields:
        if field.name not in own:
            data[field.attname] = getattr(tag, field.attname)
    return data


def _move_tags(k, survivor, duplicate):
    """Give the duplicate's tags to the survivor; returns (articles the survivor had, moved tag
    pks, snapshots of the tags dropped because the survivor was tagged there already)."""
    tags = k.tag_model.objects
    already = set(tags.filter(**{k.name: survivor}).values_list("article_id", flat=True))
    moved, dropped = [], []
    for tag in tags.filter(**{k.name: duplicate}):
        if tag.article_id in already:
            dropped.append(_tag_fields(tag, k))
            tag.delete()
        else:
            setattr(tag, k.name, survivor)
            tag.save()
            moved.append(tag.pk)
    return already, moved, dropped


@transaction.atomic
def merge(survivor, duplicate, user=None):
    """Fold `duplicate` into `survivor`; returns the EntityMerge log entry."""
    if type(duplicate) is not type(survivor) or duplicate.pk == survivor.pk:
        raise ValueError("merge two different entities of the same kind")
    k = kind_of(survivor)
    already, moved, dropped = _move_tags(k, survivor, duplicate)
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
        kind=k.name, old_slug=old_slug, defaults={"target_id": survivor.pk}
    )
    enqueue_articles(
        [
            *already,
            *(d["article_id"] for d in dropped),
            *k.tag_model.objects.filter(pk__in=moved).values_list("article_id", flat=True),
        ]
    )
    return EntityMerge.objects.create(
        kind=k.name,
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
    k = kind(log.kind)
    snap = log.snapshot
    survivor = k.model.objects.get(pk=log.survivor_id)
    SlugRedirect.objects.filter(kind=k.name, old_slug=snap["entity"]["slug"]).delete()
    restored = k.model(**snap["entity"])
    restored.save(force_insert=True)
    k.tag_model.objects.filter(pk__in=snap["moved_tags"]).update(**{k.name: restored})
    for data in snap["dropped_tags"]:
        k.tag_model.objects.create(**{k.name: restored}, **data)
    survivor.aliases = snap["survivor_aliases"]
    survivor.description = snap["survivor_description"]
    survivor.save()
    enqueue_articles(
        k.tag_model.objects.filter(**{f"{k.name}__in": [survivor, restored]}).values_list(
            "article_id", flat=True
        )
    )
    log.undone = timezone.now()
    log.save(update_fields=["undone"])
    return restored
