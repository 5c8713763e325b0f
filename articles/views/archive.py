"""Browse the archive by date: /archive/, /archive/2024/, /archive/2024/5/, /archive/undated/.

Counts come from one aggregate query grouped by month (`month_counts`); story lists use Django's
date-based generic views, paginated like every other list. Stories without a publication date
have their own page.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.views.generic import ListView, TemplateView
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from articles.models import Article
from articles.search import PAGE_SIZE
from articles.text import Month


@dataclass
class YearCount:
    year: int
    count: int = 0
    months: list = field(default_factory=list)  # [(date of the 1st, count)], newest first


def month_counts(queryset=None):
    """([(first day of month, count)] newest first, count of undated stories): one query.

    Undated stories fall in the NULL bucket of the same GROUP BY, so it costs nothing extra.
    """
    queryset = Article.objects.all() if queryset is None else queryset
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth("published"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by(F("month").desc(nulls_last=True))
        .values_list("month", "n")
    )
    months, undated = [], 0
    for month, n in rows:
        if month is None:
            undated = n
        else:
            months.append((month, n))
    return months, undated


def group_by_year(months):
    """[(month, count)] newest first -> [YearCount] newest first."""
    years = []
    for month, n in months:
        if not years or years[-1].year != month.year:
            years.append(YearCount(month.year))
        years[-1].count += n
        years[-1].months.append((month, n))
    return years


class ArchiveIndexView(TemplateView):
    """Every year and month with stories, with counts, and the stories whose date is unknown."""

    template_name = "articles/archive_index.html"

    def get_context_data(self, **kwargs):
        months, undated = month_counts()
        years = group_by_year(months)
        return super().get_context_data(
            years=years, undated_count=undated, dated_count=sum(y.count for y in years), **kwargs
        )


class DateArchiveMixin:
    """Shared set-up of the year and month views.

    The base queryset stays plain (the archive's story order, no tags) so the previous/next
    lookups Django makes do not prefetch tags; only the listed page gets `.with_tag_names()`.
    """

    date_field = "published"
    allow_empty = False  # an empty year or month is a 404, and previous/next skip empty periods
    allow_future = True  # a story dated ahead is still in the archive index; its page must exist
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.newest_first()

    def get_dated_items(self):
        date_list, articles, extra = super().get_dated_items()
        return date_list, articles.with_tag_names(), extra


class ArticleYearArchiveView(DateArchiveMixin, YearArchiveView):
    template_name = "articles/archive_year.html"
    make_object_list = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = context["year"].year
        months, _undated = month_counts(
            Article.objects.filter(
                published__gte=Month(year, 1).first_day, published__lte=Month(year, 12).last_day
            )
        )
        context["month_counts"] = months
        return context


class ArticleMonthArchiveView(DateArchiveMixin, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"  # /archive/2024/5/ and /archive/2024/05/


class UndatedArticlesView(ListView):
    """Stories whose publication date is unknown, newest ingested first."""

    template_name = "articles/archive_undated.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Article.objects.undated().order_by("-created", "-id").with_tag_names()
