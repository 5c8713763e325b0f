"""The reader's URLs. Each entity kind gets its list, its pages and its feed from the registry,
under the kind's plural (`/people/`, `/people/<slug>/`, `/feeds/people/<slug>/`)."""

from django.urls import path

from articles.kinds import KINDS
from articles.search import feeds as search_feed
from articles.views import archive as archive_views
from articles.views import articles as views
from articles.views import feeds
from articles.views.entities import EntityDetailView, EntityListView

app_name = "articles"


def _name(url_name):
    """'articles:person_list' -> 'person_list': the kind's URL names, within this namespace."""
    return url_name.removeprefix(f"{app_name}:")


def _entity_patterns(kind):
    return [
        path(
            f"{kind.plural}/",
            EntityListView.as_view(model=kind.model),
            name=_name(kind.list_url_name),
        ),
        path(
            f"{kind.plural}/<slug:slug>/",
            EntityDetailView.as_view(model=kind.model),
            name=_name(kind.detail_url_name),
        ),
    ]


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    *(pattern for kind in KINDS for pattern in _entity_patterns(kind)),
    path("archive/", archive_views.ArchiveIndexView.as_view(), name="archive_index"),
    path("archive/undated/", archive_views.UndatedArticlesView.as_view(), name="archive_undated"),
    path(
        "archive/<int:year>/", archive_views.ArticleYearArchiveView.as_view(), name="archive_year"
    ),
    path(
        "archive/<int:year>/<int:month>/",
        archive_views.ArticleMonthArchiveView.as_view(),
        name="archive_month",
    ),
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed_latest"),
    path("feeds/search/", search_feed.SearchFeed(), name="feed_search"),
    *(
        path(
            f"feeds/{kind.plural}/<slug:slug>/",
            feeds.EntityFeed(kind.model),
            name=_name(kind.feed_url_name),
        )
        for kind in KINDS
    ),
]
