from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.search.views import SearchView, api_search, api_suggest
from articles.sitemaps import sitemaps

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", SearchView.as_view(), name="search"),
    path("api/search/", api_search, name="api_search"),
    path("api/suggest/", api_suggest, name="api_suggest"),
    path(
        "sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="django.contrib.sitemaps.views.sitemap"
    ),
    path("", include("articles.urls")),
]
