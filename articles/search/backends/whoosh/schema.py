"""The archive's Whoosh schema, built from haystack's fields.

Leaner than haystack's: the text is indexed but not stored (highlights and more-like-this read
the article from the database), there is no sortable copy of the text and no duplicate `_exact`
facet fields (facets are counted on the keyword fields themselves), and a `spelling` field holds
each distinct word once for "did you mean". Indexes on disk were written with this schema, so a
change here is a change to the data on disk.
"""

from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.fields import DATETIME, KEYWORD, STORED, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.qparser import FieldAliasPlugin
from whoosh.support.charset import accent_map

# Every distinct word of the archive once, unstemmed and folded, for "did you mean".
SPELLING = "spelling"
FACET_SUFFIX = "_exact"  # haystack's facet copies; Whoosh counts facets on the keyword field itself


def folding_analyzer():
    """Stemmed English with accents folded: 'José' and 'Jose' index alike."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


def build_schema(fields):
    """(content field name, Schema) for haystack's fields."""
    schema = Schema()
    schema.add(ID, WHOOSH_ID(stored=True, unique=True))
    schema.add(DJANGO_CT, WHOOSH_ID(stored=True))
    schema.add(DJANGO_ID, WHOOSH_ID(stored=True))
    content_field_name = ""
    for field in fields.values():
        name = field.index_fieldname
        if name.endswith(FACET_SUFFIX) and getattr(field, "facet_for", None):
            continue
        if field.document:
            content_field_name = name
            schema.add(name, TEXT(analyzer=folding_analyzer(), stored=False))
        elif not field.indexed:
            schema.add(name, STORED())
        elif field.field_type in ("date", "datetime"):
            schema.add(name, DATETIME(stored=field.stored, sortable=True))
        elif field.is_multivalued:
            schema.add(name, KEYWORD(commas=True, scorable=False, stored=False))
        else:
            schema.add(name, TEXT(analyzer=folding_analyzer(), stored=field.stored))
    schema.add(SPELLING, KEYWORD(scorable=False))
    return content_field_name, schema


def keyword_fields(schema):
    """The names of the tag fields (people, countries, topics): keyword fields but spelling."""
    return [
        name for name, field in schema.items() if isinstance(field, KEYWORD) and name != SPELLING
    ]


def is_keyword(schema, name):
    return name in schema.names() and isinstance(schema[name], KEYWORD)


def is_exact(schema, name):
    """Whether `name` is a field whose terms are whole values (keywords, ids)."""
    return name in schema.names() and isinstance(schema[name], (KEYWORD, WHOOSH_ID))


def facet_alias_plugin(schema):
    """Filters name haystack's exact facet fields (`people_exact`), which on Elasticsearch and Solr
    are unanalysed; here they are the keyword fields themselves."""
    aliases = {
        name: [name + FACET_SUFFIX] for name, field in schema.items() if isinstance(field, KEYWORD)
    }
    return FieldAliasPlugin(aliases)


def field_name(schema, name):
    """Our field for a haystack field name (facets and filters on `people_exact` use `people`)."""
    if name.endswith(FACET_SUFFIX) and name not in schema.names():
        return name[: -len(FACET_SUFFIX)]
    return name
