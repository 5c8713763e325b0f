from django.urls import path

from articles.search import feeds as search_feed
from articles.views import archive as archive_views
from articles.views import articles as views
from articles.views import feeds

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("countries/", views.CountryListView.as_view(), name="country_list"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country_detail"),
    path("topics/", views.TopicListView.as_view(), name="topic_list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
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
    path("feeds/people/<slug:slug>/", feeds.PersonFeed(), name="feed_person"),
    path("feeds/countries/<slug:slug>/", feeds.CountryFeed(), name="feed_country"),
    path("feeds/topics/<slug:slug>/", feeds.TopicFeed(), name="feed_topic"),
]
