"""Counts over the whole archive, read from the search index's facets.

Who is mentioned most, which entities appear together, how many stories per month, which stories
share the most tags: in the database these are GROUP BYs over every tag row, which slow down as
the archive grows; the search engine keeps the same facts as facets and counts them without
reading the rows, on any engine haystack supports.

Every function returns None when the engine cannot answer (missing or broken index); callers fall
back to the database, so pages keep working without search. The index follows the database
within one drain of the queue (seconds with `drain_index_queue --watch`).
"""

import functools
import logging

from haystack.query import SQ

from articles.kinds import kind, kind_of
from articles.models import Article
from articles.search.query import archive, tag_lookup
from articles.text import Month

log = logging.getLogger(__name__)


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
    """Return {kind name: [(entity, count)]}: for each of `kinds` (names), the entities tagged in
    most stories matching `filters` ({kind name: slug}), most first, ties by name.

    `exclude` leaves one entity out. One query per kind for the names.
    """
    sqs = archive(filters)
    extra = 1 if exclude is not None else 0
    for name in kinds:
        sqs = sqs.facet(kind(name).index_field, limit=limit + extra)
    fields = sqs.facet_counts().get("fields", {})
    out = {}
    for name in kinds:
        pairs = [(slug, n) for slug, n in fields.get(kind(name).index_field, []) if slug]
        model = kind(name).model
        entities = model.objects.in_bulk([slug for slug, _ in pairs], field_name="slug")
        ranked = [
            (entities[slug], n)
            for slug, n in pairs
            if slug in entities and entities[slug] != exclude
        ]
        ranked.sort(key=lambda pair: (-pair[1], pair[0].name))
        out[name] = ranked[:limit]
    return out


@_guard
def months(filters=None):
    """Return {first day of month: stories} for the dated stories matching `filters`."""
    first, last = Article.objects.date_bounds()
    if not first:
        return {}
    start, end = Month.of(first).first_day, (Month.of(last) + 1).first_day
    sqs = archive(filters).date_facet("published", start_date=start, end_date=end, gap_by="month")
    return bucket_counts(sqs.facet_counts().get("dates", {}).get("published", []))


def bucket_counts(date_counts):
    """Return haystack's date facet [(bucket, n)] as {first day of the bucket's month: n}.

    Undated stories are left out. Buckets of a month or a year start on the first of a month.
    """
    counts = {}
    for when, n in date_counts:
        if when is None:
            continue  # undated stories
        if isinstance(when, (tuple, list)):  # Whoosh gives (start, end) ranges; others the start
            when = when[0]
        day = Month.of(when).first_day
        counts[day] = counts.get(day, 0) + n
    return counts


@_guard
def sharing_tags(tags, exclude_pk, limit):
    """Return the primary keys of stories carrying most of `tags` ([(kind name, slug)]), best first.

    The engine ranks them: Whoosh counts the shared tags, Solr and Elasticsearch weigh rare tags
    above common ones.
    """
    if not tags:
        return []
    query = None
    for name, slug in tags:
        clause = SQ(**tag_lookup(name, slug))
        query = clause if query is None else query | clause
    results = archive().filter(query)[: limit + 1]
    return [int(r.pk) for r in results if r is not None and int(r.pk) != exclude_pk][:limit]


def stories_tagged(entity):
    """Return a SearchQuerySet of the stories tagged with `entity`, newest first.

    It is lazy: engine errors show when it is evaluated.
    """
    return archive({kind_of(entity).name: entity.slug}).order_by("-published")
