"""Search for readers and the API, on top of haystack so any engine behind SEARCH_URL works.

`run_search` applies the query (`query.py`), entity filters, the date range and the sort, and
returns one page with facets (one per entity kind, plus months) and safe highlighted snippets
(`highlight.py`). `suggest` offers "did you mean"; `more_like_this` finds related stories.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from haystack import connections
from haystack.query import SearchQuerySet

from articles.kinds import KINDS
from articles.models import Article
from articles.search.aggregates import bucket_counts
from articles.search.backends.base import SearchUnavailable
from articles.search.highlight import highlight
from articles.search.params import SearchParams
from articles.search.query import ParsedQuery, build_queryset, parse_query
from articles.text import Month, fold

PAGE_SIZE = 20  # stories per page, for search results and every story list
FACET_LIMIT = 12
HISTOGRAM_MONTHS = 36  # a date range shorter than this is counted by month, a longer one by year


@dataclass
class Hit:
    article: Article
    score: float
    highlight: str  # safe HTML: escaped text with <mark> around matches


@dataclass
class SearchPage:
    """One page of results, with everything the page and the API show about the whole search."""

    params: SearchParams
    query: ParsedQuery
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # {kind plural: [{'name', 'slug', 'count'}]}
    months: list = field(default_factory=list)  # [{'start', 'end', 'count', 'label'}]
    suggestion: str = ""
    page_obj: object = None
    estimated: bool = False  # count and facets estimated from a sample (a phrase of common words)

    @property
    def has_query(self):
        return bool(self.query.groups or self.params.filters)


@dataclass(frozen=True)
class DateSpan:
    """The months a date histogram covers, counted by month or by year."""

    first: Month
    last: Month
    by_year: bool

    @property
    def gap(self):
        return "year" if self.by_year else "month"

    def buckets(self):
        """Return the first Month of every bucket, in order."""
        step = 12 if self.by_year else 1
        return [self.first + n for n in range(0, self.last - self.first + 1, step)]


def run_search(params, tags=True):
    """Return one SearchPage for `params` (`tags`: with each story's tags, for pages).

    Raises SearchUnavailable when the engine fails.
    """
    query = parse_query(params.q)
    result = SearchPage(params=params, query=query)
    if not result.has_query:
        return result
    sqs = build_queryset(params, query)
    for kind in KINDS:
        sqs = sqs.facet(kind.index_field, limit=FACET_LIMIT)
    span = _date_span(params)
    if span:
        sqs = sqs.date_facet(
            "published",
            start_date=span.first.first_day,
            end_date=(span.last + 1).first_day,
            gap_by=span.gap,
        )
    try:
        hits, all_counts = _fetch(sqs, params.page, result)
        result.suggestion = suggest(query.words)
    except Exception as exc:  # noqa: BLE001 - any engine failure: the page says search is unavailable
        raise SearchUnavailable(str(exc)) from exc
    result.hits = _hits(hits, query.words, tags)
    fields = all_counts.get("fields", {})
    result.facets = _facet_entries({k.plural: fields.get(k.index_field, []) for k in KINDS})
    result.months = _histogram(all_counts.get("dates", {}).get("published", []), span)
    return result


def _fetch(sqs, number, result):
    """Return (the page's search results, the facet counts); fills in the page and the count."""
    paginator = Paginator(sqs, PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        page = paginator.page(paginator.num_pages or 1)
    result.page_obj = page
    result.count = paginator.count
    hits = [r for r in page.object_list if r is not None]
    counts = sqs.facet_counts()
    result.estimated = bool(getattr(sqs.query, "estimated", False))
    return hits, counts


def _hits(results, words, tags):
    """Return a Hit per search result whose story still exists, with its snippet."""
    stories = Article.objects.with_tag_names() if tags else Article.objects
    articles = stories.in_bulk([int(r.pk) for r in results])
    hits = []
    for r in results:
        article = articles.get(int(r.pk))
        if article is not None:
            hits.append(Hit(article, round(r.score or 0, 4), highlight(article.body, words)))
    return hits


def _facet_entries(counts):
    """Return {plural: [{'name', 'slug', 'count'}]} with real names from haystack's facet counts
    ({plural: [(slug, n)]}), one query per kind."""
    out = {}
    for kind in KINDS:
        pairs = [(slug, n) for slug, n in counts.get(kind.plural, []) if slug][:FACET_LIMIT]
        names = dict(
            kind.model.objects.filter(slug__in=[s for s, _ in pairs]).values_list("slug", "name")
        )
        out[kind.plural] = [
            {"name": names[s], "slug": s, "count": n} for s, n in pairs if s in names
        ]
    return out


def suggest(words):
    """Return 'did you mean': `words` with unknown ones replaced by the closest indexed word,
    or '' when that changes nothing but case and accents."""
    if not words:
        return ""
    backend = connections["default"].get_backend()
    suggested = backend.suggest_words(words)
    if not suggested or [fold(w) for w in suggested] == [fold(w) for w in words]:
        return ""
    return " ".join(suggested)


def _date_span(params):
    """Return the DateSpan covering the dated stories in range, or None when there are none."""
    bounds = Article.objects.date_bounds()
    first = max(filter(None, [bounds[0], params.date_from]), default=None)
    last = min(filter(None, [bounds[1], params.date_to]), default=None)
    if not first or not last or first > last:
        return None
    first, last = Month.of(first), Month.of(last)
    if last - first < HISTOGRAM_MONTHS:
        return DateSpan(first, last, by_year=False)
    return DateSpan(Month(first.year, 1), Month(last.year, 12), by_year=True)


def _histogram(date_counts, span):
    """Return [{'start', 'end', 'count', 'label'}] for the date facet, empty buckets kept for
    the shape."""
    if not span:
        return []
    counts = bucket_counts(date_counts)
    buckets = []
    for month in span.buckets():
        start = month.first_day
        end = (month + (11 if span.by_year else 0)).last_day
        label = str(month.year) if span.by_year else start.strftime("%b %Y")
        buckets.append({"start": start, "end": end, "count": counts.get(start, 0), "label": label})
    return buckets


def more_like_this(article, limit=5):
    """Return the stories whose text resembles `article`'s, best first; [] when search is
    unavailable."""
    try:
        ids = [
            int(r.pk)
            for r in SearchQuerySet().models(Article).more_like_this(article)[:limit]
            if r is not None
        ]
    except Exception:  # noqa: BLE001 - related stories are a nicety; the article page must not fail
        return []
    found = Article.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found and pk != article.pk]
