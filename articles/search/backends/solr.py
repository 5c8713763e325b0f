"""Solr (SEARCH_URL=solr://...): haystack's backend with the archive's contract at its
defaults."""

from haystack.backends.solr_backend import SolrEngine, SolrSearchBackend

from articles.search.backends.base import ArchiveBackend


class ArchiveSolrBackend(ArchiveBackend, SolrSearchBackend):
    pass


class ArchiveSolrEngine(SolrEngine):
    backend = ArchiveSolrBackend
