"""{% date_archive_panel %}: the latest months with story counts, for a sidebar.

Only the latest months are counted (an index range), not the whole archive.
"""

from django import template
from django.db.models import Count, Max, Q

from articles.models import Article
from articles.text import Month
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
    last = Month.of(latest)
    for span in (limit, limit * 4, limit * 16):
        months = _window_counts(Month.from_number(max(1, (last - span + 1).number)), last)
        if len(months) >= limit:
            break
    else:
        months, _ = month_counts(Article.objects.dated())
    return {"archive_months": months[:limit], "archive_undated": Article.objects.undated().count()}


def _window_counts(first, last):
    """[(first day of month, stories)] newest first, for the months `first`..`last`: one pass
    over an index range with a count per month (truncating each date costs a function call per
    row in SQLite)."""
    months = [last - i for i in range(last - first + 1)]
    counts = Article.objects.filter(
        published__gte=first.first_day, published__lt=(last + 1).first_day
    ).aggregate(
        **{
            f"m{m.number}": Count(
                "id", filter=Q(published__gte=m.first_day, published__lt=(m + 1).first_day)
            )
            for m in months
        }
    )
    return [(m.first_day, counts[f"m{m.number}"]) for m in months if counts[f"m{m.number}"]]
