"""/search/ (HTML), /api/search/ (JSON) and /api/suggest/ (type-ahead).

A malformed query gets results or a helpful message (status 400 for parameters that cannot be
read); an engine failure gets a 503 page.
"""

import logging

from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.views import View

from articles.kinds import KINDS
from articles.search import params as names
from articles.search.forms import SearchForm
from articles.search.params import query_string
from articles.search.service import SearchUnavailable, run_search

log = logging.getLogger(__name__)
SUGGEST_LIMIT = 8


class SearchView(View):
    template_name = "search/search.html"

    def get(self, request):
        query = names.normalised(request.GET)
        form = SearchForm(query)
        context = {"form": form, "query": query.get(names.Q, ""), "kinds": KINDS}
        context["kept_filters"] = [(name, query[name]) for name in names.FILTERS if query.get(name)]
        if not form.is_valid():
            context["error"] = form.error_text()
            return render(request, self.template_name, context, status=400)
        try:
            page = run_search(form.params())
        except SearchUnavailable as exc:
            log.warning("search unavailable: %s", exc)
            return render(request, "search/unavailable.html", context, status=503)
        links = FacetLinks(query, page)
        page_obj = page.page_obj
        active_filters = links.active_filters()
        context.update(
            result=page,
            facets=links.facets(),
            active_filters=active_filters,
            scope=next((label for label, _url, is_entity in active_filters if is_entity), ""),
            months=links.months(),
            suggestion_url=links.suggestion(),
            prev_url=links.page(page_obj.previous_page_number())
            if page_obj and page_obj.has_previous()
            else "",
            next_url=links.page(page_obj.next_page_number())
            if page_obj and page_obj.has_next()
            else "",
        )
        return render(request, self.template_name, context)


class FacetLinks:
    """The URLs that narrow or widen the current search, keeping every other parameter.

    They keep the parameters as the reader wrote them (`from=2020` stays `2020`), so a link
    changes only what it says it changes.
    """

    def __init__(self, query, result):
        self.query = {k: v for k, v in query.items() if v and k != names.PAGE}
        self.result = result

    def url(self, changes):
        """Return the relative URL of this search with `changes` ({parameter: value or ''})."""
        return "?" + query_string({**self.query, **changes})

    def facets(self):
        """Return [{'title', 'entries': [{name, slug, count, url, active}]}] per kind: a click on
        an entry narrows the search to it, a second click widens it again."""
        out = []
        for kind in KINDS:
            current = self.query.get(kind.param, "")
            entries = [
                {
                    **e,
                    "active": e["slug"] == current,
                    "url": self.url({kind.param: "" if e["slug"] == current else e["slug"]}),
                }
                for e in self.result.facets.get(kind.plural, [])
            ]
            out.append({"title": capfirst(kind.label_plural), "entries": entries})
        return out

    def active_filters(self):
        """Return [(label, remove url, is an entity)] for the filters in force."""
        out = []
        for kind in KINDS:
            slug = self.query.get(kind.param)
            if slug:
                found = kind.model.objects.filter(slug=slug).values_list("name", flat=True)
                out.append((found.first() or slug, self.url({kind.param: ""}), True))
        date_from, date_to = self.query.get(names.FROM), self.query.get(names.TO)
        if date_from or date_to:
            label = f"{date_from or '…'} – {date_to or '…'}"
            out.append((label, self.url({names.FROM: "", names.TO: ""}), False))
        return out

    def months(self):
        """Return the histogram's buckets with a bar length (percent of the peak) and a URL."""
        peak = max((b["count"] for b in self.result.months), default=0) or 1
        return [
            {
                **b,
                "pct": round(100 * b["count"] / peak),
                "url": self.url(
                    {names.FROM: b["start"].isoformat(), names.TO: b["end"].isoformat()}
                ),
            }
            for b in self.result.months
        ]

    def page(self, number):
        return self.url({names.PAGE: number})

    def suggestion(self):
        return self.url({names.Q: self.result.suggestion}) if self.result.suggestion else ""


def _result(hit):
    article = hit.article
    return {
        "id": article.pk,
        "slug": article.slug,
        "url": article.get_absolute_url(),
        "headline": article.headline,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "score": hit.score,
        "highlight": str(hit.highlight),
    }


def api_search(request):
    """The JSON API: the same parameters and results as /search/; 400 for bad parameters."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_text()}, status=400)
    try:
        page = run_search(form.params(), tags=False)
    except SearchUnavailable as exc:
        log.warning("search unavailable: %s", exc)
        return JsonResponse({"error": "search is unavailable; try again later"}, status=503)
    months = [
        {"start": b["start"].isoformat(), "end": b["end"].isoformat(), "count": b["count"]}
        for b in page.months
    ]
    return JsonResponse(
        {
            "count": page.count,
            "estimated": page.estimated,
            "page": page.page_obj.number if page.page_obj else 1,
            "results": [_result(hit) for hit in page.hits],
            "facets": {**page.facets, "months": months},
            "suggestion": page.suggestion,
            "notes": page.query.notes,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def api_suggest(request):
    """Type-ahead: entities of every kind whose name or alias starts with the typed text."""
    text = " ".join(names.normalised(request.GET).get(names.Q, "").split())[:100]
    if len(text) < 2:
        return JsonResponse({"results": []})
    out = []
    for kind in KINDS:
        matches = (
            kind.model.objects.mentioned()
            .filter(
                Q(name__istartswith=text)
                | Q(name__icontains=" " + text)
                | Q(aliases__icontains=text)
            )
            .order_by("-article_count", "name")[:SUGGEST_LIMIT]
        )
        out += [
            {
                "kind": kind.name,
                "name": e.name,
                "slug": e.slug,
                "url": e.get_absolute_url(),
                "count": e.article_count,
            }
            for e in matches
        ]
    out.sort(key=lambda r: (-r["count"], r["name"]))
    return JsonResponse({"results": out[:SUGGEST_LIMIT]}, json_dumps_params={"ensure_ascii": False})
