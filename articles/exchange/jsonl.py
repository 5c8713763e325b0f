"""The export format (DESIGN.md) and its way back in: one JSON object per article.

Beyond the documented keys each tag carries its `state` (auto or confirmed; rejected tags are not
exported) and people their `role`, so curated tags survive a move between databases.
"""

import datetime as dt

from django.db import transaction

from articles.ingest.store import content_key
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    Person,
    TagOrigin,
    TagState,
    Topic,
)

FIELDS = [
    "id",
    "slug",
    "url",
    "headline",
    "kicker",
    "deck",
    "body",
    "published",
    "source",
    "photo_credit",
    "truncated",
]


class RecordError(ValueError):
    pass


def export_queryset():
    """Articles with their non-rejected tags, newest first."""
    return Article.objects.newest_first().with_tags()


def _in_order(tags):
    """Tags in the order they were stored (pk). Without this the order is the database's: on
    PostgreSQL an updated row moves, so an export would not compare equal after a round trip."""
    return sorted(tags, key=lambda tag: tag.pk)


def article_record(article, base_url=""):
    """The export dict of an article from export_queryset()."""
    return {
        "id": article.pk,
        "slug": article.slug,
        "url": base_url + article.get_absolute_url(),
        "headline": article.headline,
        "kicker": article.kicker,
        "deck": article.deck,
        "body": article.body,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "photo_credit": article.photo_credit,
        "truncated": article.truncated,
        "people": [
            {
                "name": t.person.name,
                "slug": t.person.slug,
                "url": base_url + t.person.get_absolute_url(),
                "aliases": t.person.aliases,
                "role": t.role,
                "state": t.state,
            }
            for t in _in_order(article.articleperson_set.all())
        ],
        "countries": [
            {
                "name": t.country.name,
                "code": t.country.code,
                "url": base_url + t.country.get_absolute_url(),
                "state": t.state,
            }
            for t in _in_order(article.articlecountry_set.all())
        ],
        "topics": [
            {
                "name": t.topic.name,
                "slug": t.topic.slug,
                "url": base_url + t.topic.get_absolute_url(),
                "state": t.state,
            }
            for t in _in_order(article.articletopic_set.all())
        ],
    }


def _state(entry):
    state = entry.get("state", TagState.CONFIRMED)
    return state if state in (TagState.AUTO, TagState.CONFIRMED) else TagState.CONFIRMED


def _text(record, key, limit=None):
    value = record.get(key) or ""
    if not isinstance(value, str):
        raise RecordError(f"{key!r} must be a string")
    return value[:limit] if limit else value


def import_record(record):
    """Create or update an article from an export record; return 'created', 'updated' or 'unchanged'."""
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
            status = "created"
        elif any(getattr(article, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(article, k, v)
            article.save()
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
    kinds = [
        ("people", ArticlePerson, "person", lambda e: _entity(Person, e, name=e["name"])),
        (
            "countries",
            ArticleCountry,
            "country",
            lambda e: _entity(Country, e, code=str(e["code"]).upper()[:2]),
        ),
        ("topics", ArticleTopic, "topic", lambda e: _entity(Topic, e, slug=e.get("slug") or None)),
    ]
    for key, model, field, resolve in kinds:
        entries = record.get(key) or []
        if not isinstance(entries, list):
            raise RecordError(f"{key!r} must be a list")
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise RecordError(f"each of {key!r} needs a 'name'")
            entity = resolve(entry)
            extra = {"role": str(entry.get("role") or "")[:200]} if field == "person" else {}
            tag, created = model.objects.get_or_create(
                article=article,
                **{field: entity},
                defaults={"origin": TagOrigin.IMPORT, "state": _state(entry), **extra},
            )
            changed |= created
    return changed
