"""/feeds/search/?q=…&from=…&sort=… — a saved search as an Atom feed.

The feed takes the parameters of /search/ and holds the first page of its results (sort=date
for newest first). Invalid parameters give an empty feed whose title says what is wrong (status
400); an engine failure gives a plain 503, like the search page.
"""

import logging
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import strip_tags

from articles.search import params as names
from articles.search.forms import SearchForm
from articles.search.params import query_string, search_url
from articles.search.service import SearchUnavailable, run_search
from articles.views.feeds import AtomFeed

log = logging.getLogger(__name__)

# The parameters a feed URL keeps; `page` is dropped: a feed is always the first page.
FEED_PARAMS = tuple(name for name in names.NAMES if name != names.PAGE)


@dataclass
class FeedSearch:
    """What one feed request asked for and what the search answered."""

    query: dict  # the kept parameters, non-empty only
    error: str = ""
    hits: list = field(default_factory=list)
    count: int = 0

    @classmethod
    def from_request(cls, request):
        """Return the FeedSearch of `request`: its parameters validated and searched.

        Raises SearchUnavailable.
        """
        query = {k: v for k, v in names.normalised(request.GET).items() if k in FEED_PARAMS}
        form = SearchForm(query)
        if not form.is_valid():
            return cls(query=query, error=form.error_text() or "invalid search")
        params = form.params()
        params.page = 1
        page = run_search(params, tags=False)
        return cls(query=query, hits=page.hits, count=page.count)

    @property
    def q(self):
        return " ".join(self.query.get(names.Q, "").split())

    @property
    def newest_first(self):
        return self.query.get(names.SORT) == names.NEWEST

    def describe(self):
        """Return 'search for “q”' plus the filters in force, for the feed's title."""
        text = f"search for “{self.q}”" if self.q else "search"
        filters = [f"{name} {self.query[name]}" for name in names.FILTERS if self.query.get(name)]
        date_from, date_to = self.query.get(names.FROM), self.query.get(names.TO)
        if date_from or date_to:
            filters.append(f"dated {date_from or '…'} to {date_to or '…'}")
        return f"{text} ({', '.join(filters)})" if filters else text

    def urlencoded(self):
        return query_string(self.query)


class SearchFeed(AtomFeed):
    """The search feed; AtomFeed's writer keeps it well-formed whatever the query or stories."""

    def __call__(self, request, *args, **kwargs):
        try:
            search = FeedSearch.from_request(request)
        except SearchUnavailable as exc:
            log.warning("search feed unavailable: %s", exc)
            return HttpResponse(
                "search unavailable",
                status=503,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": "120"},
            )
        response = super().__call__(request, *args, search=search, **kwargs)
        if search.error:
            response.status_code = 400
        return response

    def get_object(self, request, search):
        return search

    def title(self, search):
        if search.error:
            return f"newsarchive: invalid search: {search.error}"
        return f"newsarchive: {search.describe()}"

    def subtitle(self, search):
        if search.error:
            return "The feed address has invalid parameters; this feed will stay empty."
        if not search.hits:
            return "No stories match this search yet."
        which = "newest" if search.newest_first else "best-matching"
        return f"The {which} {len(search.hits)} of {search.count} matching stories."

    def link(self, search):
        """Return the same search as a web page."""
        return search_url(**search.query)

    def feed_url(self, search):
        encoded = search.urlencoded()
        return reverse("articles:feed_search") + (f"?{encoded}" if encoded else "")

    def items(self, search):
        return search.hits

    def item_title(self, hit):
        return hit.article.headline

    def item_link(self, hit):
        return hit.article.get_absolute_url()

    def item_description(self, hit):
        # Atom summaries are type="html": the snippet is already escaped text with <mark> around
        # matches, so dropping the tags leaves escaped plain text (never raw article text).
        return strip_tags(str(hit.highlight))

    def item_pubdate(self, hit):
        return hit.article.created

    def item_updateddate(self, hit):
        return hit.article.updated
