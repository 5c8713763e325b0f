"""Drift between the database and the search index: what is missing, stale or outdated, and
whether the index's own files can be read whole (a damaged index is rebuilt, not patched)."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from haystack import connections

from articles.models import Article
from articles.search.queue import drain, enqueue_articles


@dataclass
class Drift:
    articles: int = 0
    documents: int = 0
    missing: list = field(default_factory=list)  # in the database, not in the index
    stale: list = field(default_factory=list)  # in the index, no longer in the database
    outdated: list = field(default_factory=list)  # indexed before the article last changed
    error: str = ""  # the index cannot be read at all, or some of its files are damaged

    @property
    def ok(self):
        return not (self.missing or self.stale or self.outdated or self.error)


def _aware(value):
    if value is None:
        return None
    return timezone.make_aware(value, dt.UTC) if timezone.is_naive(value) else value


def check(using="default", deep=False):
    """Compare the index with the database, after making sure its files read whole: a postings
    file cut short still opens and lists every document, but fails each search that reaches the
    lost part. `deep` reads the files more thoroughly where the engine can (see the backend's
    `damaged_files`)."""
    backend = connections[using].get_backend()
    versions = dict(Article.objects.values_list("pk", "updated"))
    drift = Drift(articles=len(versions))
    try:
        indexed = backend.indexed_versions()
        damage = backend.damaged_files(deep=deep)
    except Exception as exc:  # noqa: BLE001 - a missing or corrupt index is a finding, not a crash
        drift.error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return drift
    if damage:
        more = f" (and {len(damage) - 1} more)" if len(damage) > 1 else ""
        drift.error = f"damaged files: {damage[0]}{more}"
        return drift
    drift.documents = len(indexed)
    drift.missing = sorted(versions.keys() - indexed.keys())
    drift.stale = sorted(indexed.keys() - versions.keys())
    drift.outdated = sorted(
        pk
        for pk in versions.keys() & indexed.keys()
        if indexed[pk] is None or _aware(indexed[pk]) < versions[pk]
    )
    return drift


def repair(drift, using="default"):
    """Queue what drifted (everything, after resetting an unreadable index) and drain the queue."""
    backend = connections[using].get_backend()
    if drift.error:
        backend.reset_index()
        enqueue_articles(Article.objects.values_list("pk", flat=True))
    else:
        enqueue_articles([*drift.missing, *drift.stale, *drift.outdated])
    return drain(using=using)


def rebuild(using="default"):
    """Throw the index away and index every article again (in bulk: one writer, several
    processes)."""
    connections[using].get_backend().reset_index()
    enqueue_articles(Article.objects.values_list("pk", flat=True))
    return drain(using=using)
