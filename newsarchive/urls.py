from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import sitemaps
from articles.search_views import ArchiveSearchView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", ArchiveSearchView.as_view(), name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="django.contrib.sitemaps.views.sitemap"),
    path("", include("articles.urls")),
]
