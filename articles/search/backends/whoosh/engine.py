"""The Whoosh engine haystack loads (SEARCH_URL unset or whoosh:///PATH): backend and query."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchQuery

from articles.search.backends.whoosh.backend import ArchiveWhooshBackend


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    """haystack's query, which also keeps whether the backend's count and facets are estimates."""

    estimated = False

    def run(self, spelling_query=None, **kwargs):
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = results.get("spelling_suggestion", None)
        self.estimated = results.get("estimated", False)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery
