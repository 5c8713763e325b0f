"""Search for readers and the API, on top of haystack so any engine behind SEARCH_URL works.

- `parse_query` turns what a reader typed into clauses (words, "phrases", OR, -exclusions); it
  never fails, it only simplifies what it cannot use and says so.
- `run_search` applies the query, entity filters, the date range and the sort, and returns one
  page with facets (people, countries, topics, months) and safe highlighted snippets.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from haystack import connections
from haystack.inputs import Clean, Exact
from haystack.query import SQ, SearchQuerySet

from articles.models import Article, Country, Person, Topic
from articles.sanitize import marked_snippet
from articles.search.aggregates import bucket_counts

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
PAGE_SIZE = 20
FACET_LIMIT = 12
TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD_CHARS_RE = re.compile(r"[\w’'\-]+")


class SearchUnavailable(Exception):
    """The search engine cannot answer (index missing, broken or locked)."""


@dataclass
class Term:
    text: str
    phrase: bool = False
    negate: bool = False


@dataclass
class ParsedQuery:
    groups: list = field(default_factory=list)  # AND of groups; each group is an OR of Terms
    notes: list = field(default_factory=list)  # what we changed, to tell the reader

    @property
    def positive(self):
        return [t for group in self.groups for t in group if not t.negate]

    @property
    def words(self):
        """The words a reader searched for, for highlighting and spelling."""
        return [w for t in self.positive for w in WORD_CHARS_RE.findall(t.text)]

    def __str__(self):
        def show(t):
            text = f'"{t.text}"' if t.phrase else t.text
            return f"-{text}" if t.negate else text

        return " ".join(" OR ".join(show(t) for t in group) for group in self.groups)


def parse_query(raw):
    """Words, "quoted phrases", OR between terms, -term to exclude. Never raises."""
    parsed = ParsedQuery()
    raw = (raw or "").replace("“", '"').replace("”", '"').replace("\x00", "")
    if len(raw) > MAX_QUERY_CHARS:
        raw = raw[:MAX_QUERY_CHARS]
        parsed.notes.append(f"Your query was cut to its first {MAX_QUERY_CHARS} characters.")
    if raw.count('"') % 2:
        parsed.notes.append("An unmatched quotation mark was closed for you.")
    if re.search(r"[()\[\]{}]", raw):
        parsed.notes.append("Brackets are not used for grouping here and were ignored.")
        raw = re.sub(r"[()\[\]{}]", " ", raw)
    pending_or = False
    for m in TOKEN_RE.finditer(raw):
        if m.group(2) is not None:  # a phrase
            words = WORD_CHARS_RE.findall(m.group(2))
            if not words:
                continue
            term = Term(" ".join(words), phrase=len(words) > 1, negate=bool(m.group(1)))
        else:
            token = m.group(3)
            if token == "OR":
                pending_or = bool(parsed.groups)
                continue
            negate = token.startswith("-") and len(token) > 1
            words = WORD_CHARS_RE.findall(token.lstrip("-+"))
            words = [w.strip("-’'") for w in words if w.strip("-’'")]
            if not words:
                continue  # "*", "&&", lone punctuation
            term = Term(" ".join(words), phrase=len(words) > 1, negate=negate)
        if pending_or and not term.negate and not any(t.negate for t in parsed.groups[-1]):
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        pending_or = False
    if sum(len(g) for g in parsed.groups) > MAX_TERMS:
        parsed.groups = parsed.groups[:MAX_TERMS]
        parsed.notes.append(f"Only the first {MAX_TERMS} terms were used.")
    return parsed


def _term_sq(term):
    value = Exact(term.text) if term.phrase else Clean(term.text)
    return SQ(content=value)


@dataclass
class SearchParams:
    q: str = ""
    person: str = ""
    country: str = ""
    topic: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1


@dataclass
class Hit:
    article: Article
    score: float
    highlight: str  # safe HTML: escaped text with <mark> around matches


@dataclass
class SearchPage:
    params: SearchParams
    query: ParsedQuery
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    months: list = field(default_factory=list)  # [(date, count)] for the date histogram
    suggestion: str = ""
    page_obj: object = None
    estimated: bool = False  # count and facets estimated from a sample (a phrase of common words)

    @property
    def has_query(self):
        return bool(
            self.query.groups or self.params.person or self.params.country or self.params.topic
        )


COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold(text):
    if text.isascii():
        return text.lower()
    return COMBINING_RE.sub("", unicodedata.normalize("NFKD", text)).lower()


def highlight(text, words, width=240):
    """An escaped snippet of `text` around the first match, with matches in <mark>; safe HTML."""
    text = " ".join(text.split())
    stems = sorted(
        {_fold(w)[: max(4, len(w) - 2)] if len(w) > 4 else _fold(w) for w in words},
        key=len,
        reverse=True,
    )
    stems = [s for s in stems if s]
    folded = _fold(text)
    if len(folded) != len(text):  # folding changed offsets (rare ligatures): match on the original
        folded = text.lower()
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)
        if stems
        else None
    )
    matches = list(pattern.finditer(folded)) if pattern else []
    start = 0
    if matches:
        start = max(0, matches[0].start() - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    spans = [(m.start(), m.end()) for m in matches if m.start() >= start and m.end() <= end]
    return marked_snippet(text, start, end, spans)


def build_queryset(params, query):
    sqs = SearchQuerySet().models(Article)
    for group in query.groups:
        if all(t.negate for t in group):
            for term in group:
                sqs = sqs.exclude(_term_sq(term))
            continue
        combined = None
        for term in group:
            sq = _term_sq(term)
            combined = sq if combined is None else combined | sq
        sqs = sqs.filter(combined)
    for field_name in ("person", "country", "topic"):
        value = getattr(params, field_name)
        if value:
            sqs = sqs.filter(
                **{FACET_FIELDS[field_name] + "_exact": Clean(value)}
            )  # unanalysed on every engine
    if params.date_from:
        sqs = sqs.filter(published__gte=params.date_from)
    if params.date_to:
        sqs = sqs.filter(published__lte=params.date_to)
    if params.sort == "date":
        sqs = sqs.order_by("-published")
    return sqs


FACET_FIELDS = {"person": "people", "country": "countries", "topic": "topics"}
FACET_MODELS = {"people": Person, "countries": Country, "topics": Topic}


def _facet_entries(counts):
    """haystack facet counts (slug, n) -> [{'name', 'slug', 'count'}] with real names, one query per kind."""
    out = {}
    for kind, pairs in counts.items():
        pairs = [(slug, n) for slug, n in pairs if slug][:FACET_LIMIT]
        names = dict(
            FACET_MODELS[kind]
            .objects.filter(slug__in=[s for s, _ in pairs])
            .values_list("slug", "name")
        )
        out[kind] = [{"name": names[s], "slug": s, "count": n} for s, n in pairs if s in names]
    return out


def run_search(params, tags=True):
    """One page of results for `params` (`tags`: with each story's tags, for pages). Raises
    SearchUnavailable when the engine fails."""
    query = parse_query(params.q)
    result = SearchPage(params=params, query=query)
    if not result.has_query:
        return result
    sqs = build_queryset(params, query)
    sqs = (
        sqs.facet("people", limit=FACET_LIMIT)
        .facet("countries", limit=FACET_LIMIT)
        .facet("topics", limit=FACET_LIMIT)
    )
    span = _date_span(params)
    if span:
        sqs = sqs.date_facet("published", start_date=span[0], end_date=span[1], gap_by=span[2])
    try:
        paginator = Paginator(sqs, PAGE_SIZE)
        try:
            page = paginator.page(params.page)
        except EmptyPage:
            page = paginator.page(paginator.num_pages or 1)
        result.page_obj = page
        result.count = paginator.count
        hits = [r for r in page.object_list if r is not None]
        all_counts = sqs.facet_counts()
        facet_counts = all_counts.get("fields", {})
        date_counts = all_counts.get("dates", {}).get("published", [])
        suggestion = suggest(query.words)
        result.estimated = bool(getattr(sqs.query, "estimated", False))
    except Exception as exc:  # noqa: BLE001 - any engine failure: the page says search is unavailable
        raise SearchUnavailable(str(exc)) from exc
    articles = (Article.objects.with_tag_names() if tags else Article.objects).in_bulk(
        [int(h.pk) for h in hits]
    )
    words = query.words
    for h in hits:
        article = articles.get(int(h.pk))
        if article is not None:
            result.hits.append(Hit(article, round(h.score or 0, 4), highlight(article.body, words)))
    result.facets = _facet_entries({k: facet_counts.get(k, []) for k in FACET_MODELS})
    result.months = _histogram(date_counts, span)
    result.suggestion = suggestion
    return result


def suggest(words):
    """'Did you mean': the words with unknown ones replaced by the closest indexed word, or ''."""
    if not words:
        return ""
    backend = connections["default"].get_backend()
    if hasattr(backend, "suggest_words"):  # our Whoosh backend: checks each word against the index
        suggested = backend.suggest_words(words)
    else:
        suggested = (
            SearchQuerySet().models(Article).spelling_suggestion(" ".join(words)) or ""
        ).split()
    if not suggested or [_fold(w) for w in suggested] == [_fold(w) for w in words]:
        return ""
    return " ".join(suggested)


def _date_span(params):
    """(start, end, gap) covering the dated stories in range: months for short spans, else years."""
    bounds = Article.objects.date_bounds()
    first = max(filter(None, [bounds[0], params.date_from]), default=None)
    last = min(filter(None, [bounds[1], params.date_to]), default=None)
    if not first or not last or first > last:
        return None
    if (last.year - first.year) * 12 + last.month - first.month < 36:
        return (
            dt.date(first.year, first.month, 1),
            _add_months(dt.date(last.year, last.month, 1), 1),
            "month",
        )
    return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1), "year"


def _add_months(day, n):
    month = day.month - 1 + n
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def _histogram(date_counts, span):
    """[{'start', 'end', 'count', 'label'}] for the date facet, empty buckets kept for the shape."""
    if not span:
        return []
    gap = span[2]
    counts = bucket_counts(date_counts)
    buckets, day = [], span[0]
    while day < span[1]:
        following = _add_months(day, 1 if gap == "month" else 12)
        label = day.strftime("%b %Y") if gap == "month" else str(day.year)
        buckets.append(
            {
                "start": day,
                "end": following - dt.timedelta(days=1),
                "count": counts.get(day, 0),
                "label": label,
            }
        )
        day = following
    return buckets


def more_like_this(article, limit=5):
    """Stories whose text resembles `article`'s, best first; [] when search is unavailable."""
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
