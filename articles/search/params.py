"""The search parameters: the one place that names them and writes them into search URLs.

/search/, /api/search/, /feeds/search/ and every link into a search (facets, timelines,
co-mentions) take the same parameters: `q`, one filter per entity kind named after the kind
(`person`, `country`, `topic`: see `articles.kinds`), `from`, `to`, `sort` and `page`.
`SearchForm` validates them into a `SearchParams`; `search_url` writes them back.
"""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from articles.kinds import KINDS

Q = "q"
FROM = "from"
TO = "to"
SORT = "sort"
PAGE = "page"
FILTERS = tuple(k.param for k in KINDS)  # one entity filter per kind, in tag order
NAMES = (Q, *FILTERS, FROM, TO, SORT, PAGE)  # every parameter, in the order forms list them

RELEVANCE = "relevance"
NEWEST = "date"
SORTS = ((RELEVANCE, "Relevance"), (NEWEST, "Newest first"))
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y")  # from=2020 means 2020-01-01
MAX_PAGE = 10_000


class SearchParams:
    """What one search asks for, validated and parsed (`SearchForm.params()` makes them).

    Entity filters live in `filters` ({kind parameter: slug}, in kind order, only those in
    force); each is also an attribute (`params.person`, '' when not filtering), which is what
    templates read. A new kind in `articles.kinds` is a new filter here with no edit.
    """

    def __init__(
        self,
        q="",
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        sort=RELEVANCE,
        page=1,
        **filters,
    ):
        unknown = set(filters) - set(FILTERS)
        if unknown:
            raise TypeError(f"SearchParams has no filter {', '.join(sorted(unknown))}")
        self.q = q
        self.filters = {name: filters[name] for name in FILTERS if filters.get(name)}
        self.date_from = date_from
        self.date_to = date_to
        self.sort = sort
        self.page = page

    def __getattr__(self, name):
        if name in FILTERS:
            return self.filters.get(name, "")
        raise AttributeError(f"'SearchParams' object has no attribute {name!r}")

    @property
    def newest_first(self):
        return self.sort == NEWEST

    def _fields(self):
        return (self.q, self.filters, self.date_from, self.date_to, self.sort, self.page)

    def __eq__(self, other):
        return isinstance(other, SearchParams) and self._fields() == other._fields()

    def __repr__(self):
        filters = "".join(f", {name}={slug!r}" for name, slug in self.filters.items())
        return (
            f"SearchParams(q={self.q!r}{filters}, date_from={self.date_from!r}, "
            f"date_to={self.date_to!r}, sort={self.sort!r}, page={self.page!r})"
        )


def query_string(params):
    """Return `params` ({URL parameter: value}) URL-encoded, empty values left out, order kept."""
    return urlencode({name: value for name, value in params.items() if value})


def search_url(**params):
    """Return the /search/ URL for `params` (URL names: `search_url(person=..., **{"from": ...})`).

    Empty values are left out and the order given is kept, so a link reads as it was written.
    """
    encoded = query_string(params)
    return reverse("search") + (f"?{encoded}" if encoded else "")
