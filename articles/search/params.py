"""The search parameters: the one place that names them and writes them into search URLs.

/search/, /api/search/, /feeds/search/ and every link into a search (facets, timelines,
co-mentions) take the same parameters: `q`, one filter per entity kind named after the kind
(`person`, `country`, `topic`: see `articles.kinds`), `from`, `to`, `sort` and `page`.
`SearchForm` validates them into a `SearchParams`; `search_url` writes them back.

Every value is normalised here first (`normalised`), whichever page, API or feed reads it: a
control character or a non-character in a query means nothing to the search, and passed on it
broke the feeds' XML (issue 17).
"""

import datetime as dt
import re
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
# The years a search may name: the backends store dates as timestamps, and a day before year 1000
# or after 2999 is either a typing error or past what every backend can compare (year 1 or 9999
# overflowed into a 503).
FIRST_YEAR, LAST_YEAR = 1000, 2999
MAX_PAGE = 10_000

# Dropped from every parameter: C0 and C1 controls (tab, newline and carriage return become
# spaces), surrogates (a lone one arrives from a broken %-escape), and the Unicode non-characters
# (U+FDD0-U+FDEF and the last two code points of each plane).
_DROPPED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)
_SPACES = re.compile("[\t\n\r]")


def clean_value(text):
    """`text` with control characters and non-characters dropped, tabs and line ends as spaces."""
    return _SPACES.sub(" ", _DROPPED.sub("", text))


def normalised(query):
    """{name: cleaned value} of the search parameters in `query` (a QueryDict or a dict); other
    names are left out. The one place parameters are normalised before anything reads them."""
    return {name: clean_value(str(query.get(name, ""))) for name in NAMES if name in query}


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
