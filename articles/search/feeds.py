"""/feeds/search/?q=…&person=&country=&topic=&from=&to=&sort= — a saved search as an Atom feed.

The feed holds the first page of results of the same search as /search/ (sort=date for newest
first). Invalid parameters give an empty feed whose title says what is wrong (status 400); an
engine failure gives a plain 503, like the search page.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from articles.search.forms import SearchForm
from articles.search.service import SearchUnavailable, run_search

log = logging.getLogger(__name__)

# The parameters a feed URL keeps; `page` is dropped: a feed is always the first page.
FEED_PARAMS = ("q", "person", "country", "topic", "from", "to", "sort")


@dataclass
class FeedSearch:
    """What one feed request asked for and what the search answered."""

    query: dict  # the kept parameters, non-empty only
    error: str = ""
    hits: list = field(default_factory=list)
    count: int = 0

    @classmethod
    def from_request(cls, request):
        """Validate the parameters and run the search. Raises SearchUnavailable."""
        query = {k: request.GET[k] for k in FEED_PARAMS if request.GET.get(k)}
        form = SearchForm(query)
        if not form.is_valid():
            return cls(query=query, error=form.error_text() or "invalid search")
        params = form.params()
        params.page = 1
        page = run_search(params, tags=False)
        return cls(query=query, hits=page.hits, count=page.count)

    @property
    def q(self):
        return " ".join(self.query.get("q", "").split())

    def describe(self):
        """'search for “q”' plus the filters in force, for the feed's title."""
        text = f"search for “{self.q}”" if self.q else "search"
        filters = [
            f"{name} {self.query[name]}"
            for name in ("person", "country", "topic")
            if self.query.get(name)
        ]
        if self.query.get("from") or self.query.get("to"):
            filters.append(f"dated {self.query.get('from', '…')} to {self.query.get('to', '…')}")
        return f"{text} ({', '.join(filters)})" if filters else text

    def urlencoded(self):
        return urlencode(self.query)


class SearchFeed(Feed):
    feed_type = Atom1Feed

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
        shown = len(search.hits)
        return f"The {'newest' if search.query.get('sort') == 'date' else 'best-matching'} {shown} of {search.count} matching stories."

    def link(self, search):
        """The same search as a web page."""
        encoded = search.urlencoded()
        return reverse("search") + (f"?{encoded}" if encoded else "")

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
