"""/search/ (HTML), /api/search/ (JSON) and /api/suggest/ (type-ahead).

A malformed query gets results or a helpful message; an engine failure gets a 503 page.
"""

import logging
from urllib.parse import urlencode

from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.views import View

from articles.models import Country, Person, Topic
from articles.search.forms import SearchForm
from articles.search.service import SearchUnavailable, run_search

log = logging.getLogger(__name__)
SUGGEST_LIMIT = 8


class SearchView(View):
    template_name = "search/search.html"

    def get(self, request):
        form = SearchForm(request.GET)
        context = {"form": form, "query": request.GET.get("q", "")}
        if not form.is_valid():
            context["error"] = form.error_text()
            return render(request, self.template_name, context, status=400)
        try:
            page = run_search(form.params())
        except SearchUnavailable as exc:
            log.warning("search unavailable: %s", exc)
            return render(request, "search/unavailable.html", context, status=503)
        links = FacetLinks(request.GET, page)
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
    """The URLs that narrow or widen the current search, keeping every other parameter."""

    FILTERS = {"people": "person", "countries": "country", "topics": "topic"}

    def __init__(self, query, result):
        self.query = {k: v for k, v in query.items() if v and k != "page"}
        self.result = result

    def url(self, **changes):
        params = {k: v for k, v in {**self.query, **changes}.items() if v}
        return "?" + urlencode(params)

    def facets(self):
        """{'people': [{name, slug, count, url, active}], ...}: a click narrows, a second widens."""
        out = {}
        for kind, entries in self.result.facets.items():
            param = self.FILTERS[kind]
            current = self.query.get(param, "")
            out[kind] = [
                {
                    **e,
                    "active": e["slug"] == current,
                    "url": self.url(**{param: "" if e["slug"] == current else e["slug"]}),
                }
                for e in entries
            ]
        return out

    def active_filters(self):
        """[(label, remove url, is an entity)] for the filters in force."""
        models = {"person": Person, "country": Country, "topic": Topic}
        out = []
        for param, model in models.items():
            slug = self.query.get(param)
            if slug:
                name = (
                    model.objects.filter(slug=slug).values_list("name", flat=True).first() or slug
                )
                out.append((name, self.url(**{param: ""}), True))
        if self.query.get("from") or self.query.get("to"):
            label = f"{self.query.get('from', '…')} – {self.query.get('to', '…')}"
            out.append((label, self.url(**{"from": "", "to": ""}), False))
        return out

    def months(self):
        peak = max((b["count"] for b in self.result.months), default=0) or 1
        return [
            {
                **b,
                "pct": round(100 * b["count"] / peak),
                "url": self.url(**{"from": b["start"].isoformat(), "to": b["end"].isoformat()}),
            }
            for b in self.result.months
        ]

    def page(self, number):
        return self.url(page=number)

    def suggestion(self):
        return self.url(q=self.result.suggestion) if self.result.suggestion else ""


def api_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_text()}, status=400)
    try:
        page = run_search(form.params(), tags=False)
    except SearchUnavailable as exc:
        log.warning("search unavailable: %s", exc)
        return JsonResponse({"error": "search is unavailable; try again later"}, status=503)
    return JsonResponse(
        {
            "count": page.count,
            "estimated": page.estimated,
            "page": page.page_obj.number if page.page_obj else 1,
            "results": [
                {
                    "id": hit.article.pk,
                    "slug": hit.article.slug,
                    "url": hit.article.get_absolute_url(),
                    "headline": hit.article.headline,
                    "published": hit.article.published.isoformat()
                    if hit.article.published
                    else None,
                    "score": hit.score,
                    "highlight": str(hit.highlight),
                }
                for hit in page.hits
            ],
            "facets": {
                **page.facets,
                "months": [
                    {
                        "start": b["start"].isoformat(),
                        "end": b["end"].isoformat(),
                        "count": b["count"],
                    }
                    for b in page.months
                ],
            },
            "suggestion": page.suggestion,
            "notes": page.query.notes,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def api_suggest(request):
    """Type-ahead: people, countries and topics whose name or alias starts with the typed text."""
    text = " ".join(request.GET.get("q", "").split())[:100]
    if len(text) < 2:
        return JsonResponse({"results": []})
    out = []
    for kind, model in (("person", Person), ("country", Country), ("topic", Topic)):
        matches = (
            model.objects.mentioned()
            .filter(
                Q(name__istartswith=text)
                | Q(name__icontains=" " + text)
                | Q(aliases__icontains=text)
            )
            .order_by("-article_count", "name")[:SUGGEST_LIMIT]
        )
        out += [
            {
                "kind": kind,
                "name": e.name,
                "slug": e.slug,
                "url": e.get_absolute_url(),
                "count": e.article_count,
            }
            for e in matches
        ]
    out.sort(key=lambda r: (-r["count"], r["name"]))
    return JsonResponse({"results": out[:SUGGEST_LIMIT]}, json_dumps_params={"ensure_ascii": False})
