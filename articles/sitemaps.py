"""/sitemap.xml: every story, and every entity with a story, in one section per kind."""

from django.contrib.sitemaps import Sitemap

from articles.kinds import KINDS
from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.order_by("id")

    def lastmod(self, obj):
        return obj.updated


class EntitySitemap(Sitemap):
    changefreq = "weekly"
    model = None

    def items(self):
        return self.model.objects.mentioned().order_by("id")

    def lastmod(self, obj):
        return obj.updated


sitemaps = {
    "articles": ArticleSitemap,
    **{
        kind.plural: type(f"{kind.model.__name__}Sitemap", (EntitySitemap,), {"model": kind.model})
        for kind in KINDS
    },
}
