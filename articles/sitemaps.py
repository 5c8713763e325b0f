from django.contrib.sitemaps import Sitemap

from articles.models import Article, Country, Person, Topic


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


class PersonSitemap(EntitySitemap):
    model = Person


class CountrySitemap(EntitySitemap):
    model = Country


class TopicSitemap(EntitySitemap):
    model = Topic


sitemaps = {
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "countries": CountrySitemap,
    "topics": TopicSitemap,
}
