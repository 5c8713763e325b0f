"""{% date_archive_panel %}: the latest months with story counts, for a sidebar.

Only the latest months are counted (an index range), not the whole archive.
"""
import datetime as dt

from django import template
from django.db.models import Max

from ..archive_views import month_counts
from ..models import Article

register = template.Library()

PANEL_MONTHS = 8


@register.inclusion_tag("articles/_date_archive.html")
def date_archive_panel(limit=PANEL_MONTHS):
    latest = Article.objects.aggregate(latest=Max("published"))["latest"]
    if latest is None:
        return {"archive_months": [], "archive_undated": Article.objects.undated().count()}
    # The latest `limit` months with stories: a window of that many months, widened while it holds
    # fewer (gaps), so a dense archive costs one range query however many stories it has.
    span, last = limit, latest.year * 12 + latest.month - 1
    while True:
        first = max(0, last - span + 1)
        months, _ = month_counts(Article.objects.filter(published__gte=dt.date(first // 12, first % 12 + 1, 1)))
        if len(months) >= limit or first == 0 or span > 12 * 200:
            break
        span *= 4
    return {"archive_months": months[:limit], "archive_undated": Article.objects.undated().count()}
