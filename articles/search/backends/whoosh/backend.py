"""The archive's Whoosh backend: haystack's contract (search, more like this, update, remove) and
the archive's (base.ArchiveBackend), each delegated to the module that does the job.

The reading path reuses a searcher per thread (searchers), evaluates queries on arrays
(arrays, ranking, phrases) and counts facets with numpy (facets); the writing path writes a
whole queue through one writer (writing). Other engines use haystack's backends
(elasticsearch7.py, solr.py).
"""

import os
from contextlib import contextmanager

import numpy as np
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.models import SearchResult
from haystack.utils import get_identifier
from whoosh import index as whoosh_index
from whoosh import query as wq

from articles.search.backends.base import ArchiveBackend
from articles.search.backends.whoosh import clauses, codec, schema, similar, spelling
from articles.search.backends.whoosh import writing as whoosh_writing
from articles.search.backends.whoosh.arrays import ArrayIndex, Unsupported
from articles.search.backends.whoosh.caches import of_searcher
from articles.search.backends.whoosh.facets import FacetColumns, facet_counts, scaled
from articles.search.backends.whoosh.searchers import Searchers


class ArchiveWhooshBackend(ArchiveBackend, WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self.searchers = Searchers(self)
        self.lock_timeout = float(connection_options.get("LOCK_TIMEOUT", 10))
        self.procs = int(connection_options.get("PROCS") or min(os.cpu_count() or 1, 4))
        self.limitmb = int(connection_options.get("LIMITMB", 128))
        self.parsing = None

    # --- schema -------------------------------------------------------------------------------

    def build_schema(self, fields):
        """Our own lean schema (see schema.py): haystack's stores and sorts the whole text."""
        return schema.build_schema(fields)

    def setup(self):
        super().setup()
        self.parser.add_plugin(schema.facet_alias_plugin(self.schema))
        self.parsing = clauses.QueryParsing(self.schema, self.parser)

    # --- reading ------------------------------------------------------------------------------

    def index_exists(self):
        return self.use_file_storage is False or (
            os.path.isdir(self.path) and whoosh_index.exists_in(self.path)
        )

    def _searcher(self):
        """This thread's searcher, current with the index (see searchers.Searchers)."""
        return self.searchers.current()

    def _close_searcher(self):
        self.searchers.close()

    def _parse(self, query_string):
        if not self.setup_complete:
            self.setup()
        return self.parsing.parse(query_string)

    def _parse_clauses(self, query_string):
        """The query for a string of haystack's filter clauses, or None (see clauses.py)."""
        return clauses.parse_clauses(self.schema, query_string)

    def evaluate(self, searcher, query):
        """(matching document numbers sorted, their scores, an Estimate or None), the last few kept
        per searcher.

        Queries of terms, AND, OR, NOT and date ranges are evaluated on arrays; anything else
        (wildcards, say) by Whoosh, in one scoring pass. haystack asks twice per page (the count,
        then the page), and the count and every facet need the whole match set, so it is
        computed once.
        """
        return of_searcher(searcher).matched.get(repr(query), lambda: _evaluate(searcher, query))

    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        date_facets=None,
        narrow_queries=None,
        result_class=None,
        **kwargs,
    ):
        """haystack's search contract with a reused searcher, one pass for the count and facets."""
        searcher = self._searcher()
        parts = [self._parse(query_string)]
        parts += [self._parse(narrow) for narrow in narrow_queries or ()]
        # Only articles are indexed, so haystack's per-model narrowing is left out.
        query = parts[0] if len(parts) == 1 else wq.And(parts)
        matched, scores, estimate = self.evaluate(searcher, query)
        # An unsliced run is haystack asking for facets (stock Whoosh returns up to a million hits
        # here); SearchQuerySet reads results only through slices, which run again. So no hits.
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        first = (page_num - 1) * page_length
        hits = []
        if first < len(matched) and end_offset is not None:
            top = ArrayIndex.of(searcher).top(matched, scores, first + page_length, sort_by)
            hits = [
                self._result(searcher.stored_fields(docnum), score, result_class)
                for docnum, score in top[first:]
            ]
        response = {
            "results": hits,
            "hits": estimate.total if estimate else len(matched),
            "facets": {},
            "spelling_suggestion": None,
            "estimated": bool(estimate),
        }
        if facets or date_facets:
            key = (repr(query), repr(facets), repr(date_facets))
            response["facets"] = of_searcher(searcher).facets.get(
                key,
                lambda: self._facet_counts(searcher, matched, estimate, facets, date_facets),
            )
        return response

    def _facet_counts(self, searcher, matched, estimate, facet_specs, date_facets):
        """Exact counts over every matching document, or, for an estimate, counts on the verified
        sample scaled to the estimated total."""
        docnums = estimate.sample if estimate else matched
        counts = facet_counts(
            FacetColumns.of(searcher),
            lambda name: schema.field_name(self.schema, name),
            docnums,
            facet_specs or {},
            date_facets or {},
        )
        return scaled(counts, estimate.scale) if estimate else counts

    def _result(self, fields, score, result_class=None):
        fields = dict(fields)
        app_label, model_name = fields.pop(DJANGO_CT).split(".")
        pk = fields.pop(DJANGO_ID)
        fields.pop(ID, None)
        fields = {k: self._to_python(v) for k, v in fields.items()}
        return (result_class or SearchResult)(app_label, model_name, pk, score or 0, **fields)

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        result_class=None,
        **kwargs,
    ):
        """Stories sharing the key terms of `model_instance`'s text (read from the object, since the
        index does not store texts)."""
        searcher = self._searcher()
        filter_query = None
        if additional_query_string and additional_query_string != "*":
            filter_query = self._parse(additional_query_string)
        index = self._unified_index().get_index(type(model_instance))
        found = similar.more_like(
            searcher,
            model_instance,
            index.prepare_text(model_instance),
            self.content_field_name,
            filter_query,
            start_offset or 0,
            end_offset or 10,
        )
        if found is None:
            return {"results": [], "hits": 0}
        hits = [self._result(fields, score, result_class) for fields, score in found]
        return {"results": hits, "hits": len(hits)}

    def _unified_index(self):
        from haystack import connections

        return connections[self.connection_alias].get_unified_index()

    def suggest_words(self, words):
        """Each word kept if the index knows it, else replaced by the closest known word."""
        return spelling.suggest_words(
            self._searcher().reader(),
            self.schema[self.content_field_name].analyzer,
            self.content_field_name,
            words,
        )

    # --- writing ------------------------------------------------------------------------------

    def _document(self, index, obj):
        """The Whoosh document for `obj`, or None when the index skips it."""
        return whoosh_writing.document(self, index, obj)

    @contextmanager
    def writing(self, bulk=False):
        """One writer for a whole run of changes, committed once at the end (cancelled on error);
        IndexBusy when another process holds the lock past LOCK_TIMEOUT seconds."""
        with whoosh_writing.writing(self, bulk=bulk) as session:
            yield session.write

    def apply_changes(self, index, objects, removed_identifiers=()):
        """Write documents for `objects` and delete `removed_identifiers` in one commit."""
        with self.writing() as write:
            write(index, objects, removed_identifiers)

    def update(self, index, iterable, commit=True):
        self.apply_changes(index, list(iterable))

    def remove(self, obj_or_string, commit=True):
        self.apply_changes(None, [], [get_identifier(obj_or_string)])

    # --- maintenance --------------------------------------------------------------------------

    def indexed_versions(self):
        """{article id: indexed `updated` datetime} for every document, read off the index."""
        out = {}
        for fields in self._searcher().reader().all_stored_fields():
            if fields.get(DJANGO_CT) == "articles.article":
                out[int(fields[DJANGO_ID])] = fields.get("updated")
        return out

    def damaged_files(self, deep=False):
        """What cannot be read in the segments' terms and postings files (see codec.segment_damage):
        every term record is parsed and every postings extent checked against its file's size;
        `deep` also decodes every postings block."""
        reader = self._searcher().reader()
        return [
            message
            for leaf, _ in reader.leaf_readers()
            for message in codec.segment_damage(leaf, deep=deep)
        ]

    @property
    def facet_cache_dir(self):
        return self.path.rstrip("/") + ".facets" if self.use_file_storage else None

    def warm(self):
        """After a commit (the drainer): open the new version and build what searches share."""
        columns = FacetColumns.of(self._searcher())
        for name in schema.keyword_fields(self.schema):
            columns.postings(name)  # reads (and writes a file for) the new segments only
        columns.forget_other_segments()

    def reset_index(self):
        """Throw the index away and create an empty one (for a corrupt index)."""
        whoosh_writing.reset(self)


def _evaluate(searcher, query):
    """(docs, scores, Estimate or None) of a query: on arrays, or by Whoosh when they cannot."""
    try:
        found = ArrayIndex.of(searcher).evaluate(query)
    except Unsupported:
        # Whoosh scores every match once (one pass, not one to count and another to rank);
        # ranking and facets then work on the arrays.
        pairs = sorted(searcher.search(query, limit=None).items())
        found = (
            np.array([d for d, _ in pairs], dtype=np.int64),
            np.array([s for _, s in pairs], dtype=np.float64),
        )
    return found if len(found) == 3 else (*found, None)
