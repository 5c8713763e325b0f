"""The export format (DESIGN.md): one record per article, written as JSON lines or CSV.

Beyond the documented keys each tag carries its `state` (auto or confirmed; rejected tags are not
exported) and the tag model's own fields (a person's `role`), so curated tags survive a move
between databases. Which keys an entity of each kind carries is the model's `EXPORT_KEYS`.
"""

import csv
import json

from articles.kinds import KINDS
from articles.models import Article, Tag

ARTICLE_KEYS = [
    "id",
    "slug",
    "url",
    "headline",
    "kicker",
    "deck",
    "body",
    "published",
    "source",
    "byline",
    "photo_credit",
    "truncated",
]
CSV_COLUMNS = [*ARTICLE_KEYS, *(k.plural for k in KINDS)]
_TAG_BASE_FIELDS = {field.name for field in Tag._meta.fields}


def export_queryset():
    """Articles with their non-rejected tags, newest first."""
    return Article.objects.newest_first().with_tags()


def _in_order(tags):
    """Tags in the order they were stored (pk). Without this the order is the database's: on
    PostgreSQL an updated row moves, so an export would not compare equal after a round trip."""
    return sorted(tags, key=lambda tag: tag.pk)


def _own_fields(kind):
    """The tag model's fields beyond every tag's and its entity (a person's role)."""
    return [
        field.name
        for field in kind.tag_model._meta.concrete_fields
        if not field.primary_key and field.name not in {*_TAG_BASE_FIELDS, kind.name}
    ]


def tag_record(tag, kind, base_url=""):
    """The export dict of one tag: its entity's EXPORT_KEYS, the tag's own fields, its state."""
    entity = getattr(tag, kind.name)
    out = {
        key: base_url + entity.get_absolute_url() if key == "url" else getattr(entity, key)
        for key in entity.EXPORT_KEYS
    }
    out.update({field: getattr(tag, field) for field in _own_fields(kind)})
    out["state"] = tag.state
    return out


def article_record(article, base_url=""):
    """The export dict of an article from export_queryset()."""
    record = {
        "id": article.pk,
        "slug": article.slug,
        "url": base_url + article.get_absolute_url(),
        "headline": article.headline,
        "kicker": article.kicker,
        "deck": article.deck,
        "body": article.body,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "byline": article.byline,
        "photo_credit": article.photo_credit,
        "truncated": article.truncated,
    }
    for kind in KINDS:
        record[kind.plural] = [
            tag_record(tag, kind, base_url)
            for tag in _in_order(getattr(article, kind.tag_set).all())
        ]
    return record


def records(base_url=""):
    """Every article's export record, newest first, read in chunks."""
    base_url = base_url.rstrip("/")
    for article in export_queryset().iterator(chunk_size=500):
        yield article_record(article, base_url)


def write_jsonl(handle, records):
    """Write one JSON object per line; return how many."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(handle, records):
    """Write a CSV row per record, each kind's tags as one "; "-joined column; return how many."""
    csv_keys = {k.plural: k.model.EXPORT_CSV_KEY for k in KINDS}
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        count += 1
        for column, key in csv_keys.items():
            record[column] = "; ".join(entry[key] for entry in record[column])
        writer.writerow(record)
    return count
