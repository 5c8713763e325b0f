"""Importing the export format (export.py) back: one JSON object per article.

A record's tags come back with their state (auto or confirmed) and the tag model's own fields (a
person's role); each tag's entity is found by its model's `export_lookup` or created.
"""

import datetime as dt

from django.db import transaction

from articles.exchange.export import _own_fields
from articles.ingest.store import content_key, save_anchors
from articles.kinds import KINDS
from articles.models import Article, TagOrigin, TagState


class RecordError(ValueError):
    pass


def _state(entry):
    state = entry.get("state", TagState.CONFIRMED)
    return state if state in (TagState.AUTO, TagState.CONFIRMED) else TagState.CONFIRMED


def _text(record, key, limit=None):
    value = record.get(key) or ""
    if not isinstance(value, str):
        raise RecordError(f"{key!r} must be a string")
    return value[:limit] if limit else value


def import_record(record):
    """Create or update an article from an export record.

    Returns (status, article), status being 'created', 'updated' or 'unchanged'.
    """
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object")
    body, headline = _text(record, "body"), _text(record, "headline", 300)
    if not body.strip() or not headline.strip():
        raise RecordError("a record needs 'headline' and 'body'")
    published = record.get("published")
    try:
        published = dt.date.fromisoformat(published) if published else None
    except (TypeError, ValueError):
        raise RecordError(f"'published' {published!r} is not YYYY-MM-DD") from None
    fields = {
        "headline": headline,
        "kicker": _text(record, "kicker", 120),
        "deck": _text(record, "deck"),
        "body": body,
        "published": published,
        "source": _text(record, "source", 200),
        "byline": _text(record, "byline", 200),
        "photo_credit": _text(record, "photo_credit", 200),
        "truncated": bool(record.get("truncated")),
    }
    key = content_key(body)
    with transaction.atomic():
        article = Article.objects.filter(content_key=key).first()
        status = "unchanged"
        if article is None:
            slug = _text(record, "slug", 120)
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
        changed = _import_tags(article, record)
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


def _import_tags(article, record):
    changed = False
    for kind in KINDS:
        key = kind.plural
        entries = record.get(key) or []
        if not isinstance(entries, list):
            raise RecordError(f"{key!r} must be a list")
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise RecordError(f"each of {key!r} needs a 'name'")
            entity = _entity(kind.model, entry, **kind.model.export_lookup(entry))
            extra = {
                field: str(entry.get(field) or "")[
                    : kind.tag_model._meta.get_field(field).max_length
                ]
                for field in _own_fields(kind)
            }
            tag, created = kind.tag_model.objects.get_or_create(
                article=article,
                **{kind.name: entity},
                defaults={"origin": TagOrigin.IMPORT, "state": _state(entry), **extra},
            )
            changed |= created
    return changed
