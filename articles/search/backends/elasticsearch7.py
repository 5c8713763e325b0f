"""Elasticsearch 7 (SEARCH_URL=elasticsearch7://...): haystack's backend with the archive's
contract at its defaults."""

from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
)

from articles.search.backends.base import ArchiveBackend


class ArchiveElasticsearch7Backend(ArchiveBackend, Elasticsearch7SearchBackend):
    pass


class ArchiveElasticsearch7Engine(Elasticsearch7SearchEngine):
    backend = ArchiveElasticsearch7Backend
