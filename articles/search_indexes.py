from haystack import indexes

from articles.models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(model_attr="headline", indexed=False)
    published = indexes.DateField(model_attr="published", null=True)
    updated = indexes.DateTimeField(
        model_attr="updated", indexed=False
    )  # lets check_index spot drift
    people = indexes.MultiValueField(faceted=True)
    countries = indexes.MultiValueField(faceted=True)
    topics = indexes.MultiValueField(faceted=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.for_index()  # visible tags only, as plain values

    def prepare_text(self, obj):
        """The searchable text: the story, then the names of what it is tagged with (and aliases),
        so a search for "Xi" or "Côte d'Ivoire" finds the story however the text spells it."""
        parts = [obj.kicker, obj.headline, obj.deck, obj.body]
        for tag in obj.index_tags():
            parts += [tag.name] if tag.kind == "topic" else [tag.name, *tag.aliases]
        return "\n".join(p for p in parts if p)

    # Facet values are slugs in unanalysed keyword fields (never stemmed); pages show the names.
    def prepare_people(self, obj):
        return [t.slug for t in obj.index_tags() if t.kind == "person"]

    def prepare_countries(self, obj):
        return [t.slug for t in obj.index_tags() if t.kind == "country"]

    def prepare_topics(self, obj):
        return [t.slug for t in obj.index_tags() if t.kind == "topic"]
