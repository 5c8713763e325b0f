"""Everything Whoosh-specific: an accent-folding, stemming schema for haystack's Whoosh backend.

Other engines (SEARCH_URL=elasticsearch7://, solr://) use their own backends unchanged.
"""
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.fields import TEXT
from whoosh.support.charset import accent_map


def folding_analyzer():
    """Stemmed English with accents folded: 'José' and 'Jose' index alike."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        # The document field: folded and stemmed, stored for highlighting, but not sortable
        # (haystack's default keeps a sortable copy of every story's full text).
        schema.remove(content_field_name)
        schema.add(content_field_name, TEXT(stored=True, analyzer=folding_analyzer(), spelling=True))
        return content_field_name, schema


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
