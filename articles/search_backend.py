"""Everything Whoosh-specific lives here: the schema (accent folding, stemming), the reading path
(a searcher reused per thread and refreshed when the index changes, every query in one pass, no
leaked file handles), spelling, drift checks and resetting a broken index.

Other engines (SEARCH_URL=elasticsearch7://, solr://) use haystack's own backends unchanged.
"""
import datetime as dt
import os
import shutil
import threading
from collections import Counter
from itertools import chain

from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.models import SearchResult
from haystack.utils import get_identifier
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.fields import TEXT
from whoosh.support.charset import accent_map
from whoosh.util.times import long_to_datetime


def folding_analyzer():
    """Stemmed English with accents folded: 'José' and 'Jose' index alike."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._local = threading.local()
        self.lock_timeout = float(connection_options.get("LOCK_TIMEOUT", 10))

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
        """haystack's search contract with a reused searcher; facets counted by FacetColumns."""
        searcher = self._searcher()
        parts = [self._parse(query_string)]
        for narrow in narrow_queries or ():
            parts.append(self._parse(narrow))
        # Only articles are indexed, so haystack's per-model narrowing is left out.
        query = parts[0] if len(parts) == 1 else wq.And(parts)
        sortedby, reverse = None, False
        if sort_by:
            reverse = sort_by[0].startswith("-")
            sortedby = [field.lstrip("-") for field in sort_by]
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        results = searcher.search(query, limit=page_num * page_length, sortedby=sortedby, reverse=reverse)
        first = (page_num - 1) * page_length
        hits = [self._result(hit, result_class) for hit in results[first : first + page_length]]
        response = {"results": hits, "hits": len(results), "facets": {}, "spelling_suggestion": None}
        if facets or date_facets:
            response["facets"] = self._facet_counts(searcher, query, facets or (), date_facets or {})
        return response

    def _facet_counts(self, searcher, query, facets, date_facets):
        """Counts over every matching document, from per-index-version columns.

        whoosh.sorting rebuilds per-document value lists from the whole field on every query and
        runs one range query per date bucket; here each column is built once per index version
        and a query only walks its own matches. haystack asks twice per page (count, then the
        page), so the last answer is kept per thread.
        """
        key = (id(searcher), repr(query), tuple(facets), repr(sorted(date_facets.items())))
        memo = getattr(self._local, "facets", None)
        if memo and memo[0] == key:
            return memo[1]
        columns = FacetColumns.of(searcher)
        matched = list(searcher.docs_for_query(query))
        counts = {"fields": {}, "dates": {}, "queries": {}}
        for name in facets:
            counts["fields"][name] = sorted(columns.count(name, matched).items(), key=lambda kv: (-kv[1], kv[0]))
        for name, spec in date_facets.items():
            counts["dates"][name] = columns.date_histogram(
                name, matched, _datetime(spec["start_date"]), _datetime(spec["end_date"]), spec["gap_by"]
            )
        self._local.facets = (key, counts)
        return counts

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

    # --- writing ------------------------------------------------------------------------------

    def apply_changes(self, index, objects, removed_identifiers=()):
        """Write documents for `objects` and delete `removed_identifiers` in one commit.

        One writer, one commit; waits up to LOCK_TIMEOUT seconds for the lock and then raises
        whoosh's LockError, never losing a change silently (haystack's Whoosh backend logs and
        drops deletes that meet a held lock).
        """
        if not self.setup_complete:
            self.setup()
        writer = self.index.writer(timeout=self.lock_timeout)
        try:
            for obj in objects:
                try:
                    doc = index.full_prepare(obj)
                except SkipDocument:
                    continue
                doc = {key: self._from_python(value) for key, value in doc.items() if key != "boost"}
                writer.update_document(**doc)
            for identifier in removed_identifiers:
                writer.delete_by_term(ID, identifier)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise

    def update(self, index, iterable, commit=True):
        self.apply_changes(index, list(iterable))

    def remove(self, obj_or_string, commit=True):
        self.apply_changes(None, [], [get_identifier(obj_or_string)])

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


class FacetColumns:
    """For one searcher (one index version): each document's facet values and month, as lists."""

    MISSING = 2**64 - 1  # how Whoosh stores a missing date in a column

    def __init__(self, searcher):
        self.reader = searcher.reader()
        self.size = searcher.doc_count_all()
        self.values = {}
        self.months = {}

    @classmethod
    def of(cls, searcher):
        columns = getattr(searcher, "_archive_facet_columns", None)
        if columns is None:
            columns = searcher._archive_facet_columns = cls(searcher)
        return columns

    def _values(self, field):
        if field not in self.values:
            per_doc = [()] * self.size
            for term in self.reader.lexicon(field):
                value = term.decode("utf-8")
                for docnum in self.reader.postings(field, term).all_ids():
                    per_doc[docnum] = (*per_doc[docnum], value)
            self.values[field] = per_doc
        return self.values[field]

    def count(self, field, docnums):
        per_doc = self._values(field)
        return Counter(chain.from_iterable(per_doc[d] for d in docnums))

    def _months(self, field):
        """Month number (year * 12 + month - 1) of each document, or -1 when it has no date."""
        if field not in self.months:
            months = [-1] * self.size
            if self.reader.has_column(field):
                for leaf, offset in self.reader.leaf_readers():
                    column = leaf.column_reader(field, translate=False)
                    for docnum in leaf.all_doc_ids():
                        raw = column[docnum]
                        if raw != self.MISSING:
                            when = long_to_datetime(raw)
                            months[offset + docnum] = when.year * 12 + when.month - 1
            self.months[field] = months
        return self.months[field]

    def date_histogram(self, field, docnums, start, end, gap_by):
        """[((bucket start, bucket end), count)] like whoosh.sorting.DateRangeFacet, plus (None, n)."""
        months = self._months(field)
        per_month = Counter(months[d] for d in docnums)
        step = 12 if gap_by == "year" else 1
        first = start.year * 12 + start.month - 1
        last = end.year * 12 + end.month - 1
        out = []
        for bucket in range(first, last, step):
            n = sum(per_month.get(m, 0) for m in range(bucket, min(bucket + step, last)))
            if n:
                out.append(((_month_start(bucket), _month_start(bucket + step)), n))
        undated = per_month.get(-1, 0)
        if undated:
            out.append((None, undated))
        return out


def _month_start(month_number):
    return dt.datetime(month_number // 12, month_number % 12 + 1, 1)


def _datetime(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
