"""Importing the export format (export.py) back: one JSON object per article.

A record's tags come back with their state (auto or confirmed) and the tag model's own fields (a
person's role); each tag's entity is found by its model's `export_lookup` or created.
"""

import json

from django.db import transaction

from articles.exchange import schema
from articles.exchange.export import _own_fields
from articles.exchange.schema import RecordError
from articles.ingest.store import content_key, save_anchors
from articles.kinds import KINDS
from articles.models import Article, TagOrigin

__all__ = ["RecordError", "import_line", "import_record"]


def import_line(line):
    """Import one JSONL line; (status, article) or RecordError with the reason."""
    try:
        record = json.loads(line)
    except RecursionError:  # json.loads recurses once per level: 100,000 levels overflow
        raise RecordError("nested too deeply") from None
    except ValueError as exc:
        raise RecordError(f"not JSON: {str(exc)[:80]}") from None
    return import_record(record)


def import_record(record):
    """Create or update an article from an export record, checked field by field first.

    Returns (status, article), status being 'created', 'updated' or 'unchanged'.
    """
    fields = schema.article(record)
    tags = schema.tags(record, KINDS, _own_fields)
    slug = fields.pop("slug")
    key = content_key(fields["body"])
    with transaction.atomic():
        article = Article.objects.filter(content_key=key).first()
        status = "unchanged"
        if article is None:
            article = Article(content_key=key, origin="import", **fields)
            if slug and not Article.objects.filter(slug=slug).exists():
                article.slug = slug
            article.save()
            save_anchors([article])
            status = "created"
        elif any(getattr(article, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(article, k, v)
            article.save()
            save_anchors([article])
            status = "updated"
        changed = _import_tags(article, tags)
        return ("updated" if status == "unchanged" and changed else status), article


def _entity(model, entry, **lookup):
    entity = model.objects.filter(**lookup).first()
    if entity is None:
        entity = model(name=entry["name"], aliases=entry.get("aliases") or [])
        slug = entry.get("slug") or ""
        if slug and not model.objects.filter(slug=slug).exists():
            entity.slug = slug
        for key, value in lookup.items():
            setattr(entity, key, value)
        entity.save()
    elif entry.get("aliases"):
        missing = [a for a in entry["aliases"] if a not in entity.aliases]
        if missing:
            entity.aliases = [*entity.aliases, *missing]
            entity.save()
    return entity


def _import_tags(article, tags):
    """Tag the article with the checked entries ({kind: [entry]}); True if a tag was added."""
    changed = False
    for kind, entries in tags.items():
        for entry in entries:
            entity = _entity(kind.model, entry, **kind.model.export_lookup(entry))
            extra = {field: entry[field] for field in _own_fields(kind)}
            tag, created = kind.tag_model.objects.get_or_create(
                article=article,
                **{kind.name: entity},
                defaults={"origin": TagOrigin.IMPORT, "state": entry["state"], **extra},
            )
            changed |= created
    return changed
