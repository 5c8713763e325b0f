"""{% date_archive_panel %}: the latest months with story counts, for a sidebar (one query)."""
from django import template

from ..archive_views import month_counts

register = template.Library()

PANEL_MONTHS = 8


@register.inclusion_tag("articles/_date_archive.html")
def date_archive_panel(limit=PANEL_MONTHS):
    months, undated = month_counts()
    return {"archive_months": months[:limit], "archive_undated": undated}
