from haystack import indexes

from articles.kinds import KINDS, kind
from articles.models import Article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(model_attr="headline", indexed=False)
    published = indexes.DateField(model_attr="published", null=True)
    # `updated` lets check_index spot drift.
    updated = indexes.DateTimeField(model_attr="updated", indexed=False)
    # One faceted field per entity kind, named by the registry (people, organisations, ...).
    # haystack collects fields from the class body when the class is created, so they are added
    # to it here, after the others, in the order of KINDS.
    locals().update({k.index_field: indexes.MultiValueField(faceted=True) for k in KINDS})

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.for_index()  # visible tags only, as plain values

    def prepare_text(self, obj):
        """The searchable text: the story, then the names of what it is tagged with (and aliases),
        so a search for "Xi" or "Côte d'Ivoire" finds the story however the text spells it."""
        parts = [obj.kicker, obj.headline, obj.deck, obj.body]
        for tag in obj.index_tags():
            parts += [tag.name, *tag.aliases] if kind(tag.kind).index_aliases else [tag.name]
        return "\n".join(p for p in parts if p)

    def prepare(self, obj):
        """haystack's prepared fields, each kind's field holding the slugs of the story's visible
        tags of that kind in tag order: facet values are slugs in unanalysed keyword fields (never
        stemmed); pages show the names."""
        data = super().prepare(obj)
        slugs = {k.name: [] for k in KINDS}
        for tag in obj.index_tags():
            slugs[tag.kind].append(tag.slug)
        for k in KINDS:
            data[self.fields[k.index_field].index_fieldname] = slugs[k.name]
        return data
