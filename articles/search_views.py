"""The /search/ page, through haystack. A missing or broken index gives a 503 page, not a 500."""
import logging

from django.shortcuts import render
from haystack.forms import SearchForm
from haystack.generic_views import SearchView

log = logging.getLogger(__name__)


class ArchiveSearchView(SearchView):
    template_name = "search/search.html"
    form_class = SearchForm
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
            response.render()
            return response
        except Exception:  # noqa: BLE001 - any engine failure means search is unavailable
            log.exception("search failed")
            return render(request, "search/unavailable.html", {"query": request.GET.get("q", "")}, status=503)
