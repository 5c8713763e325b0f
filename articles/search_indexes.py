from haystack import indexes

from .models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    headline = indexes.CharField(model_attr="headline", indexed=False)
    published = indexes.DateField(model_attr="published", null=True)
    updated = indexes.DateTimeField(model_attr="updated", indexed=False)  # lets check_index spot drift
    people = indexes.MultiValueField(faceted=True)
    countries = indexes.MultiValueField(faceted=True)
    topics = indexes.MultiValueField(faceted=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.with_tags()  # rejected tags are left out of the prefetch

    # Facet values are slugs in unanalysed keyword fields (never stemmed); pages show the names.
    def prepare_people(self, obj):
        return [t.person.slug for t in obj.articleperson_set.all()]

    def prepare_countries(self, obj):
        return [t.country.slug for t in obj.articlecountry_set.all()]

    def prepare_topics(self, obj):
        return [t.topic.slug for t in obj.articletopic_set.all()]
