"""The registry of entity kinds: people, organisations, countries, topics.

Everything that differs between kinds is read here, derived from the models' `_meta`: the tag
through-model is the `through` of Article's many-to-many field, the index field and URL segment
are that field's name, the URL parameter is the model's name. Every other module iterates
`KINDS` (or looks one up with `kind()` / `kind_of()`) instead of spelling the kinds out, so a new
kind takes a model, a tag model, a field on Article, one entry in `_REGISTERED` and a migration.
"""

from dataclasses import dataclass
from functools import cached_property

from articles.models import Article, Country, Organisation, Person, Topic

# The order is the order tags are listed in everywhere: who (people, then organisations), then
# where (countries), then what (topics), as newsrooms' taxonomies list them (persons,
# organisations, places, subjects). It is also the order of the CSV export's tag columns.
_REGISTERED = (Person, Organisation, Country, Topic)


@dataclass(frozen=True, eq=False)
class Kind:
    model: type  # the entity model, e.g. Person

    @cached_property
    def _article_field(self):
        (field,) = (f for f in Article._meta.many_to_many if f.remote_field.model is self.model)
        return field

    @property
    def name(self):
        """'person': the URL parameter, the tag's foreign key, `SlugRedirect.kind`, URL names."""
        return self.model._meta.model_name

    @property
    def param(self):
        """The search parameter that filters by this kind (`/search/?person=SLUG`)."""
        return self.name

    @property
    def plural(self):
        """'people': Article's field, the URL segment, the index field and the facet name."""
        return self._article_field.name

    @property
    def index_field(self):
        return self.plural

    @property
    def tag_model(self):
        return self._article_field.remote_field.through

    @property
    def related_name(self):
        """'articleperson': the entity's query name for its tags (`person.articleperson_set`)."""
        return self.tag_model._meta.model_name

    @property
    def tag_set(self):
        """'articleperson_set': an article's accessor for its tags of this kind."""
        return f"{self.related_name}_set"

    @property
    def label(self):
        return str(self.model._meta.verbose_name)

    @property
    def label_plural(self):
        return str(self.model._meta.verbose_name_plural)

    @property
    def index_aliases(self):
        """Whether a story's search document holds this kind's aliases as well as its names (a
        topic's name is a label, not a way of writing it)."""
        return self.model.INDEX_ALIASES

    @property
    def search_within(self):
        """The entity page's search box: 'Search stories mentioning Edi Rama' ('about Albania')."""
        return self.model.SEARCH_WITHIN

    @property
    def detail_url_name(self):
        return f"articles:{self.name}_detail"

    @property
    def list_url_name(self):
        return f"articles:{self.name}_list"

    @property
    def feed_url_name(self):
        return f"articles:feed_{self.name}"

    def __repr__(self):
        return f"Kind({self.name})"


KINDS = tuple(Kind(model) for model in _REGISTERED)
_BY_NAME = {k.name: k for k in KINDS}
_BY_MODEL = {k.model: k for k in KINDS}
_BY_PLURAL = {k.plural: k for k in KINDS}


def kind(name):
    """The Kind called `name` ('person') or, failing that, `name` as a plural ('people')."""
    return _BY_NAME.get(name) or _BY_PLURAL[name]


def kind_of(entity_or_model):
    """The Kind of an entity instance or model (a tag instance or model works too)."""
    model = entity_or_model if isinstance(entity_or_model, type) else type(entity_or_model)
    if model in _BY_MODEL:
        return _BY_MODEL[model]
    for k in KINDS:
        if k.tag_model is model:
            return k
    raise LookupError(f"{model.__name__} is not an entity kind")


def names():
    """('person', 'organisation', 'country', 'topic'): the kinds' names in tag order."""
    return tuple(k.name for k in KINDS)
