"""Search: the one package views import.

Views, pages and feeds use what is exported here; what lies behind it (query parsing, the
parameters, the service, highlighting, aggregates, the index queue, the engine backends) can
change without touching them.
"""

from articles.search import aggregates
from articles.search.params import SearchParams, search_url
from articles.search.service import (
    PAGE_SIZE,
    SearchPage,
    SearchUnavailable,
    more_like_this,
    run_search,
    suggest,
)

__all__ = [
    "PAGE_SIZE",
    "SearchPage",
    "SearchParams",
    "SearchUnavailable",
    "aggregates",
    "more_like_this",
    "run_search",
    "search_url",
    "suggest",
]
