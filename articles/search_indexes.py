from haystack import indexes

from .models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(model_attr="headline", indexed=False)
    published = indexes.DateField(model_attr="published", null=True)
    updated = indexes.DateTimeField(model_attr="updated", indexed=False)  # lets check_index spot drift
    people = indexes.MultiValueField(faceted=True)
    countries = indexes.MultiValueField(faceted=True)
    topics = indexes.MultiValueField(faceted=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.for_index()  # rejected tags are left out of the prefetch

    def prepare_text(self, obj):
        """The searchable text: the story, then the names of what it is tagged with (and aliases),
        so a search for "Xi" or "Côte d'Ivoire" finds the story however the text spells it."""
        parts = [obj.kicker, obj.headline, obj.deck, obj.body]
        for tag in obj.articleperson_set.all():
            parts += [tag.person.name, *tag.person.aliases]
        for tag in obj.articlecountry_set.all():
            parts += [tag.country.name, *tag.country.aliases]
        parts += [tag.topic.name for tag in obj.articletopic_set.all()]
        return "\n".join(p for p in parts if p)

    # Facet values are slugs in unanalysed keyword fields (never stemmed); pages show the names.
    def prepare_people(self, obj):
        return [t.person.slug for t in obj.articleperson_set.all()]

    def prepare_countries(self, obj):
        return [t.country.slug for t in obj.articlecountry_set.all()]

    def prepare_topics(self, obj):
        return [t.topic.slug for t in obj.articletopic_set.all()]
