"""Everything Whoosh-specific lives here: the schema (accent folding, stemming), the reading path
(a searcher reused per thread and refreshed when the index changes, every query in one pass, no
leaked file handles), spelling, drift checks and resetting a broken index.

Other engines (SEARCH_URL=elasticsearch7://, solr://) use haystack's own backends unchanged.
"""
import os
import shutil
import threading

from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.models import SearchResult
from haystack.utils import get_identifier
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.fields import TEXT
from whoosh.sorting import Count, DateRangeFacet, FieldFacet
from whoosh.support.charset import accent_map
from whoosh.support.relativedelta import relativedelta


def folding_analyzer():
    """Stemmed English with accents folded: 'José' and 'Jose' index alike."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._local = threading.local()

    # --- schema -------------------------------------------------------------------------------

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        # The document field: folded and stemmed, stored for highlighting, but not sortable
        # (haystack's default keeps a sortable copy of every story's full text).
        schema.remove(content_field_name)
        schema.add(content_field_name, TEXT(stored=True, analyzer=folding_analyzer(), spelling=True))
        return content_field_name, schema

    # --- reading ------------------------------------------------------------------------------

    def index_exists(self):
        return self.use_file_storage is False or (os.path.isdir(self.path) and whoosh_index.exists_in(self.path))

    def _searcher(self):
        """This thread's searcher, refreshed if a writer has committed since it was opened.

        Readers never create an index: a missing one is an error the site reports as "search
        unavailable", not an empty archive. Writers (update, clear) create it.
        """
        if not self.index_exists():
            self._close_searcher()
            raise SearchBackendError(f"the search index at {self.path} is missing; run manage.py check_index --repair")
        if not self.setup_complete:
            self._close_searcher()
            self.setup()
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        elif not searcher.up_to_date():
            # A writer committed. Searcher.refresh() would share readers with the old searcher and
            # leak a file handle per refresh, so open anew and close the old one.
            searcher.close()
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    def _close_searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = None

    def _parse(self, query_string):
        query_string = force_str(query_string).strip()
        if query_string in ("", "*", "(*)"):
            return wq.Every()
        return self.parser.parse(query_string)

    def search(self, query_string, sort_by=None, start_offset=0, end_offset=None, facets=None,
               date_facets=None, narrow_queries=None, result_class=None, **kwargs):
        """haystack's search contract, in one pass over the index with a reused searcher."""
        searcher = self._searcher()
        parts = [self._parse(query_string)]
        for narrow in narrow_queries or ():
            parts.append(self._parse(narrow))
        # Only articles are indexed, so haystack's per-model narrowing is left out.
        query = parts[0] if len(parts) == 1 else wq.And(parts)
        groups = {}
        for name in facets or ():
            groups[name] = FieldFacet(name, allow_overlap=True, maptype=Count)
        for name, spec in (date_facets or {}).items():
            gap = relativedelta(**{f"{spec['gap_by']}s": spec.get("gap_amount", 1)})
            groups[name] = DateRangeFacet(name, _datetime(spec["start_date"]), _datetime(spec["end_date"]), gap, maptype=Count)
        sortedby, reverse = None, False
        if sort_by:
            reverse = sort_by[0].startswith("-")
            sortedby = [field.lstrip("-") for field in sort_by]
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        results = searcher.search(
            query, limit=page_num * page_length, sortedby=sortedby, reverse=reverse, groupedby=groups or None
        )
        facet_counts = {"fields": {}, "dates": {}, "queries": {}}
        for name in facets or ():
            facet_counts["fields"][name] = sorted(results.groups(name).items(), key=lambda kv: (-kv[1], kv[0] or ""))
        for name in date_facets or {}:
            facet_counts["dates"][name] = sorted(results.groups(name).items(), key=lambda kv: (kv[0] is None, kv[0] or ()))
        first = (page_num - 1) * page_length
        hits = [self._result(hit, result_class) for hit in results[first : first + page_length]]
        return {
            "results": hits,
            "hits": results.scored_length() if results.scored_length() < len(results) else len(results),
            "facets": facet_counts if groups else {},
            "spelling_suggestion": None,
        }

    def _result(self, hit, result_class=None):
        fields = hit.fields()
        app_label, model_name = fields.pop(DJANGO_CT).split(".")
        pk = fields.pop(DJANGO_ID)
        fields.pop(ID, None)
        fields.pop(self.content_field_name, None)  # the whole text is not needed per hit
        fields = {k: self._to_python(v) for k, v in fields.items()}
        return (result_class or SearchResult)(app_label, model_name, pk, hit.score or 0, **fields)

    def more_like_this(self, model_instance, additional_query_string=None, start_offset=0, end_offset=None,
                       result_class=None, **kwargs):
        searcher = self._searcher()
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        top = end_offset or 10
        filter_query = None
        if additional_query_string and additional_query_string != "*":
            filter_query = self._parse(additional_query_string)
        results = searcher.more_like(docnum, self.content_field_name, top=top, filter=filter_query)
        hits = [self._result(hit, result_class) for hit in results[start_offset or 0 : top]]
        return {"results": hits, "hits": len(hits)}

    def suggest_words(self, words):
        """Each word kept if the index knows it, else replaced by its closest known word."""
        searcher = self._searcher()
        corrector = searcher.corrector(self.content_field_name)
        reader = searcher.reader()
        spell_field = "spell_" + self.content_field_name
        field = spell_field if spell_field in self.schema.names() else self.content_field_name
        out = []
        for word in words:
            key = word.lower()
            if (field, key) in reader:
                out.append(word)
                continue
            suggestions = corrector.suggest(key, limit=1)
            out.append(suggestions[0] if suggestions else word)
        return out

    # --- maintenance --------------------------------------------------------------------------

    def indexed_versions(self):
        """{article id: indexed `updated` datetime} for every document, read straight off the index."""
        out = {}
        for fields in self._searcher().reader().all_stored_fields():
            if fields.get(DJANGO_CT) == "articles.article":
                out[int(fields[DJANGO_ID])] = fields.get("updated")
        return out

    def reset_index(self):
        """Throw the index away and create an empty one (for a corrupt index)."""
        self._close_searcher()
        if self.use_file_storage and os.path.isdir(self.path):
            shutil.rmtree(self.path)
        self.setup_complete = False
        self.setup()


def _datetime(value):
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
