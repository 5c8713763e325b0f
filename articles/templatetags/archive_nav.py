"""{% date_archive_panel %}: the latest months with story counts, for a sidebar.

Only the latest months are counted (an index range), not the whole archive.
"""

import datetime as dt

from django import template
from django.db.models import Count, Max, Q

from articles.models import Article
from articles.views.archive import month_counts

register = template.Library()

PANEL_MONTHS = 8


@register.inclusion_tag("articles/_date_archive.html")
def date_archive_panel(limit=PANEL_MONTHS):
    latest = Article.objects.aggregate(latest=Max("published"))["latest"]
    if latest is None:
        return {"archive_months": [], "archive_undated": Article.objects.undated().count()}
    # The latest `limit` months with stories: a window of that many months, widened while it holds
    # fewer (gaps), so a dense archive costs one range query however many stories it has.
    # A sparse archive (gaps of years) falls back to grouping every dated story.
    last = latest.year * 12 + latest.month - 1
    for span in (limit, limit * 4, limit * 16):
        months = _window_counts(max(1, last - span + 1), last)
        if len(months) >= limit:
            break
    else:
        months, _ = month_counts(Article.objects.dated())
    return {"archive_months": months[:limit], "archive_undated": Article.objects.undated().count()}


def _month(number):
    return dt.date(number // 12, number % 12 + 1, 1)


def _window_counts(first, last):
    """[(first day of month, stories)] newest first, for months number `first`..`last`: one pass
    over an index range with a count per month (truncating each date costs a function call per
    row in SQLite)."""
    counts = Article.objects.filter(
        published__gte=_month(first), published__lt=_month(last + 1)
    ).aggregate(
        **{
            f"m{n}": Count("id", filter=Q(published__gte=_month(n), published__lt=_month(n + 1)))
            for n in range(first, last + 1)
        }
    )
    return [(_month(n), counts[f"m{n}"]) for n in range(last, first - 1, -1) if counts[f"m{n}"]]
