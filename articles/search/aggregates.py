"""Counts over the whole archive, read from the search index's facets.

Who is mentioned most, which entities appear together, how many stories per month, which stories
share the most tags: in the database these are GROUP BYs over every tag row, so they slow down
as the archive grows (0.2-1 s at 100,000 stories). The search engine keeps the same facts as
facets and answers in milliseconds, on any engine haystack supports.

Every function returns None when the engine cannot answer (missing or broken index); callers fall
back to the database, so pages keep working without search. The index follows the database
within one drain of the queue (seconds with `drain_index_queue --watch`).
"""

import datetime as dt
import functools
import logging

from haystack.inputs import Clean
from haystack.query import SQ, SearchQuerySet

from articles.models import Article, Country, Person, Topic

log = logging.getLogger(__name__)

INDEX_FIELDS = {"person": "people", "country": "countries", "topic": "topics"}
MODELS = {"person": Person, "country": Country, "topic": Topic}


def _archive(filters=None):
    sqs = SearchQuerySet().models(Article)
    for kind, slug in (filters or {}).items():
        sqs = sqs.filter(
            **{INDEX_FIELDS[kind] + "_exact": Clean(slug)}
        )  # unanalysed on every engine
    return sqs


def _guard(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any engine failure: the caller uses the database
            log.warning("search index unavailable for %s: %s", function.__name__, exc)
            return None

    return wrapper


@_guard
def top_entities(kinds, limit, filters=None, exclude=None):
    """{kind: [(entity, count)]}: the entities tagged in most stories (matching `filters`), most
    first, ties by name; `exclude` leaves one entity out. One query per kind for the names."""
    sqs = _archive(filters)
    extra = 1 if exclude is not None else 0
    for kind in kinds:
        sqs = sqs.facet(INDEX_FIELDS[kind], limit=limit + extra)
    fields = sqs.facet_counts().get("fields", {})
    out = {}
    for kind in kinds:
        pairs = [(slug, n) for slug, n in fields.get(INDEX_FIELDS[kind], []) if slug]
        entities = MODELS[kind].objects.in_bulk([slug for slug, _ in pairs], field_name="slug")
        ranked = [
            (entities[slug], n)
            for slug, n in pairs
            if slug in entities and entities[slug] != exclude
        ]
        ranked.sort(key=lambda pair: (-pair[1], pair[0].name))
        out[kind] = ranked[:limit]
    return out


@_guard
def months(filters=None):
    """{first day of month: stories} for the stories matching `filters` (dated stories only)."""
    first, last = Article.objects.date_bounds()
    if not first:
        return {}
    start = dt.date(first.year, first.month, 1)
    end = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    sqs = _archive(filters).date_facet("published", start_date=start, end_date=end, gap_by="month")
    return bucket_counts(sqs.facet_counts().get("dates", {}).get("published", []))


def bucket_counts(date_counts):
    """haystack's date facet [(bucket, n)] as {first day of the bucket: n}, undated left out."""
    counts = {}
    for when, n in date_counts:
        if when is None:
            continue  # undated stories
        if isinstance(when, (tuple, list)):  # Whoosh gives (start, end) ranges; others the start
            when = when[0]
        day = when.date() if isinstance(when, dt.datetime) else when
        counts[day] = counts.get(day, 0) + n
    return counts


@_guard
def sharing_tags(tags, exclude_pk, limit):
    """Primary keys of stories carrying the most of `tags` ([(kind, slug)]), best first.

    The engine ranks them: Whoosh counts the shared tags, Solr and Elasticsearch weigh rare tags
    above common ones.
    """
    if not tags:
        return []
    query = None
    for kind, slug in tags:
        clause = SQ(**{INDEX_FIELDS[kind] + "_exact": Clean(slug)})
        query = clause if query is None else query | clause
    results = _archive().filter(query)[: limit + 1]
    return [int(r.pk) for r in results if r is not None and int(r.pk) != exclude_pk][:limit]


def stories_tagged(entity):
    """A SearchQuerySet of the stories tagged with `entity`, newest first (lazy: errors show when
    it is evaluated)."""
    return _archive({entity._meta.model_name: entity.slug}).order_by("-published")
