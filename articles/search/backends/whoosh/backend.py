"""Everything Whoosh-specific lives here: the schema (accent folding, stemming), the reading path
(a searcher reused per thread and refreshed when the index changes, every query in one pass, no
leaked file handles), facet counting, spelling, bulk writing, drift checks and resetting a broken
index.

Other engines (SEARCH_URL=elasticsearch7://, solr://) use haystack's own backends unchanged.

What makes it fast at archive scale (see BENCHMARKS.md):
- a lean schema: the text is indexed but not stored (highlights and more-like-this read the
  article from the database), no sortable copy of the text, no duplicate `_exact` facet fields;
- segments are written uncompounded, so opening a searcher maps files instead of copying them;
- spelling data is each distinct word once (a keyword field), not a second analysis of every text;
- large queues are written by one writer over several processes, in one commit;
- facets are counted with numpy; what is read from a segment (postings, lengths, dates, facet
  postings) is kept per process and reused by later index versions, since a segment never
  changes once written.
"""

import bisect
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.models import SearchResult
from haystack.utils import get_identifier
from whoosh import classify
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, _lenfield
from whoosh.fields import DATETIME, KEYWORD, STORED, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.qparser import FieldAliasPlugin
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.support.charset import accent_map
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long

SPELLING = (
    "spelling"  # every distinct word of the archive once, unstemmed and folded, for "did you mean"
)
FACET_SUFFIX = "_exact"  # haystack's facet copies; Whoosh counts facets on the keyword field itself
BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
# A phrase's candidates (stories with all its words) are checked one by one (about 0.2 ms each
# when they are spread over the index); past PHRASE_EXACT a sample is, and the count is estimated.
PHRASE_EXACT = 1000
PHRASE_SAMPLE = 300  # candidates checked to estimate a phrase's count and facets
PHRASE_PAGES = 40  # phrase hits looked for among the best-scoring candidates (two pages)
PHRASE_WALK = 600  # best-scoring candidates checked at most, for those pages
MLT_CHARS = 1500  # more-like-this reads a story's first characters for its key terms
SPELL_WORD_RE = re.compile(r"[^\W\d_]{3,30}")


def folding_analyzer():
    """Stemmed English with accents folded: 'José' and 'Jose' index alike."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._local = threading.local()
        self.lock_timeout = float(connection_options.get("LOCK_TIMEOUT", 10))
        self.procs = int(connection_options.get("PROCS") or min(os.cpu_count() or 1, 4))
        self.limitmb = int(connection_options.get("LIMITMB", 128))

    # --- schema -------------------------------------------------------------------------------

    def build_schema(self, fields):
        """Our own lean schema from haystack's fields (haystack's stores and sorts the whole text)."""
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

    def setup(self):
        super().setup()
        # Filters name haystack's exact facet fields (`people_exact`), which on Elasticsearch and
        # Solr are unanalysed; here they are the keyword fields themselves.
        aliases = {
            name: [name + FACET_SUFFIX]
            for name, field in self.schema.items()
            if isinstance(field, KEYWORD)
        }
        self.parser.add_plugin(FieldAliasPlugin(aliases))

    # --- reading ------------------------------------------------------------------------------

    def index_exists(self):
        return self.use_file_storage is False or (
            os.path.isdir(self.path) and whoosh_index.exists_in(self.path)
        )

    def _searcher(self):
        """This thread's searcher, refreshed if a writer has committed since it was opened.

        Readers never create an index: a missing one is an error the site reports as "search
        unavailable", not an empty archive. Writers (update, clear) create it.
        """
        searcher = getattr(self._local, "searcher", None)
        stamp = self._directory_stamp()
        if (
            searcher is not None
            and stamp is not None
            and stamp == getattr(self._local, "stamp", None)
        ):
            return searcher  # nothing was written since this thread last looked (one stat call)
        if not self.index_exists():
            self._close_searcher()
            raise SearchBackendError(
                f"the search index at {self.path} is missing; run manage.py check_index --repair"
            )
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
        self._local.stamp = stamp
        return searcher

    def _directory_stamp(self):
        """The index folder's modification time, or None when it cannot vouch that nothing changed.

        A commit creates files in the folder, so while its time stays the same the open searcher is
        current, and listing the folder (what Whoosh does to find the latest version, twice per
        search) can be skipped. A time under a second old is never trusted: two changes within the
        file system's clock tick would share it.
        """
        if not self.use_file_storage:
            return None
        try:
            stamp = os.stat(self.path).st_mtime_ns
        except OSError:
            return None
        return stamp if time.time_ns() - stamp > 1_000_000_000 else None

    def _close_searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = None

    def _parse(self, query_string):
        query_string = force_str(query_string).strip()
        if query_string in ("", "*", "(*)"):
            return wq.Every()
        cache = self.__dict__.setdefault("_parsed", OrderedDict())  # Whoosh queries are values
        found = cache.get(query_string)
        if found is None:
            found = self._parse_clauses(query_string) or self.parser.parse(query_string)
            cache[query_string] = found
            if len(cache) > 512:
                cache.popitem(last=False)
        return found

    def _parse_clauses(self, query_string):
        """The query for a string of exact clauses as haystack writes filters (`(people_exact:(x)
        OR countries_exact:('a-b'))`), or None for anything else: Whoosh's parser takes 0.2-0.4 ms
        per clause and an article's related stories ask for a dozen. Tests check both agree."""
        tokens, position = [], 0
        while position < len(query_string):
            match = CLAUSE_TOKEN_RE.match(query_string, position)
            if match is None:
                return None
            position = match.end()
            if match["field"]:
                field = self._field(match["field"])
                if field not in self.schema.names() or not isinstance(
                    self.schema[field], (KEYWORD, WHOOSH_ID)
                ):
                    return None
                tokens.append(("term", wq.Term(field, match["quoted"] or match["bare"])))
            else:
                tokens.append(
                    ("open", None)
                    if match["open"]
                    else ("close", None)
                    if match["close"]
                    else ("op", match["op"])
                )
        query, end = _clause_group(tokens, 0)
        return (
            query.normalize() if query is not None and end == len(tokens) else None
        )  # as the parser does

    def _field(self, name):
        """Our field for a haystack field name (facets and filters on `people_exact` use `people`)."""
        if name.endswith(FACET_SUFFIX) and name not in self.schema.names():
            return name[: -len(FACET_SUFFIX)]
        return name

    def evaluate(self, searcher, query):
        """(matching document numbers sorted, their scores, an Estimate or None), the last few kept
        per searcher.

        Queries of terms, AND, OR, NOT and date ranges are evaluated on numpy arrays (exact BM25F,
        as Whoosh scores); anything else (phrases, wildcards) by Whoosh, in one scoring pass.
        haystack asks twice per page (the count, then the page), and the count and every facet
        need the whole match set, so it is computed once.
        """
        cache = searcher.__dict__.setdefault("_archive_matched", OrderedDict())
        key = repr(query)
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        try:
            found = ArrayIndex.of(searcher).evaluate(query)
        except Unsupported:
            # Whoosh scores every match once (one pass, not one to count and another to rank);
            # ranking and facets then work on the arrays.
            results = searcher.search(query, limit=None)
            pairs = sorted(results.items())
            found = (
                np.array([d for d, _ in pairs], dtype=np.int64),
                np.array([s for _, s in pairs], dtype=np.float64),
            )
        if len(found) == 2:
            found = (*found, None)
        cache[key] = found
        if len(cache) > 8:
            cache.popitem(last=False)
        return found

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
        for narrow in narrow_queries or ():
            parts.append(self._parse(narrow))
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
                self._result_for(searcher, docnum, score, result_class)
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
            # haystack counts (one run) and then fetches the page (another): count facets once.
            cache = searcher.__dict__.setdefault("_archive_facets", OrderedDict())
            key = (repr(query), repr(facets), repr(date_facets))
            if key not in cache:
                if estimate:  # counted on the verified sample, scaled to the estimated total
                    counts = self._facet_counts(
                        searcher, estimate.sample, facets or {}, date_facets or {}
                    )
                    cache[key] = _scaled(counts, estimate.scale)
                else:
                    cache[key] = self._facet_counts(
                        searcher, matched, facets or {}, date_facets or {}
                    )
                if len(cache) > 8:
                    cache.popitem(last=False)
            response["facets"] = cache[key]
        return response

    def _facet_counts(self, searcher, matched, facets, date_facets):
        """Exact counts over every matching document, from per-index-version columns (numpy).

        whoosh.sorting rebuilds per-document value lists from the whole field on every query
        (500+ ms at 100k stories) and runs one range query per date bucket.
        """
        columns = FacetColumns.of(searcher)
        counts = {"fields": {}, "dates": {}, "queries": {}}
        for name in facets:
            limit = facets[name].get("limit") if isinstance(facets, dict) else None
            counts["fields"][name] = columns.count(self._field(name), matched, limit)
        for name, spec in date_facets.items():
            counts["dates"][name] = columns.date_histogram(
                self._field(name),
                matched,
                _datetime(spec["start_date"]),
                _datetime(spec["end_date"]),
                spec["gap_by"],
            )
        return counts

    def _result_for(self, searcher, docnum, score, result_class=None):
        return self._result(_Hit(searcher.stored_fields(docnum), score), result_class)

    def _result(self, hit, result_class=None):
        fields = hit.fields()
        app_label, model_name = fields.pop(DJANGO_CT).split(".")
        pk = fields.pop(DJANGO_ID)
        fields.pop(ID, None)
        fields = {k: self._to_python(v) for k, v in fields.items()}
        return (result_class or SearchResult)(app_label, model_name, pk, hit.score or 0, **fields)

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
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        top = end_offset or 10
        filter_query = None
        if additional_query_string and additional_query_string != "*":
            filter_query = self._parse(additional_query_string)
        index = self._unified_index().get_index(type(model_instance))
        text = (
            index.prepare_text(model_instance)
            if hasattr(index, "prepare_text")
            else str(model_instance)
        )
        # Whoosh's more_like, with the OR of the key terms ranked on arrays. The key terms come
        # from the opening (headline, standfirst, lede): what a story is about, at half the cost.
        expander = classify.Expander(
            ArrayIndex.of(searcher).term_stats, self.content_field_name, model=classify.Bo1Model
        )
        expander.add_text(text[:MLT_CHARS])
        key_terms = expander.expanded_terms(5, normalize=False)  # what searcher.more_like computes
        query = wq.Or(
            [wq.Term(self.content_field_name, word, boost=weight) for word, weight in key_terms]
        )
        if filter_query is not None:
            query = wq.And([query, filter_query])
        try:
            docs, scores = ArrayIndex.of(searcher).evaluate(query)
        except Unsupported:
            results = searcher.more_like(
                docnum, self.content_field_name, text=text, top=top, filter=filter_query
            )
            hits = [self._result(hit, result_class) for hit in results[start_offset or 0 : top]]
        else:
            keep = docs != docnum
            ranked = ArrayIndex.of(searcher).top(docs[keep], scores[keep], top)
            hits = [
                self._result_for(searcher, d, score, result_class)
                for d, score in ranked[start_offset or 0 :]
            ]
        return {"results": hits, "hits": len(hits)}

    def _unified_index(self):
        from haystack import connections

        return connections[self.connection_alias].get_unified_index()

    def suggest_words(self, words):
        """Each word kept if the index knows it, else replaced by the closest known word.

        Candidates come from the spelling field (one or two edits away); among the closest, the
        word whose stem is in most stories wins.
        """
        searcher = self._searcher()
        reader = searcher.reader()
        analyzer = self.schema[self.content_field_name].analyzer
        out = []
        for word in words:
            key = fold(word)
            if (SPELLING, key) in reader or len(key) < 3:
                out.append(word)
                continue
            best = word
            for distance in (1, 2):
                candidates = set(reader.terms_within(SPELLING, key, distance, prefix=1)) - {key}
                if candidates:

                    def stories(candidate):
                        stems = [t.text for t in analyzer(candidate)]
                        return max(
                            (reader.doc_frequency(self.content_field_name, t) for t in stems),
                            default=0,
                        )

                    best = max(sorted(candidates), key=stories)
                    break
            out.append(best)
        return out

    # --- writing ------------------------------------------------------------------------------

    def _document(self, index, obj):
        """The Whoosh document for `obj`, or None when the index skips it."""
        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        names = self.schema.names()
        doc = {key: self._from_python(value) for key, value in doc.items() if key in names}
        return doc

    @contextmanager
    def writing(self, bulk=False):
        """One writer for a whole run of changes, committed once at the end (cancelled on error).

        `bulk` spreads the analysis over several processes (Whoosh's MpWriter), for long queues.
        Waits up to LOCK_TIMEOUT seconds for the lock, then raises whoosh's LockError: a change is
        never dropped silently (haystack's Whoosh backend logs and drops what meets a held lock).
        """
        if not self.setup_complete:
            self.setup()
        options = {"timeout": self.lock_timeout, "limitmb": self.limitmb, "compound": False}
        if bulk and self.procs > 1:
            options.update(procs=self.procs, multisegment=True, batchsize=250)
        writer = self.index.writer(**options)
        session = WriteSession(self, writer, bulk=bulk)
        try:
            yield session
            writer.commit()
        except BaseException:
            writer.cancel()
            raise

    def apply_changes(self, index, objects, removed_identifiers=()):
        """Write documents for `objects` and delete `removed_identifiers` in one commit."""
        with self.writing() as session:
            session.write(index, objects, removed_identifiers)

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

    @property
    def facet_cache_dir(self):
        return self.path.rstrip("/") + ".facets" if self.use_file_storage else None

    def warm(self):
        """After a commit (the drainer): open the new version and build what searches share."""
        searcher = self._searcher()
        columns = FacetColumns.of(searcher)
        for name, field in self.schema.items():
            if isinstance(field, KEYWORD) and name != SPELLING:
                columns._postings(name)  # reads (and writes a file for) the new segments only
        columns.forget_other_segments()

    def reset_index(self):
        """Throw the index away and create an empty one (for a corrupt index)."""
        self._close_searcher()
        if self.use_file_storage:
            shutil.rmtree(self.path, ignore_errors=True)
            shutil.rmtree(self.facet_cache_dir, ignore_errors=True)
        self.setup_complete = False
        self.setup()


# A haystack filter clause (field:(value) or field:('value')), a parenthesis or AND/OR.
CLAUSE_TOKEN_RE = re.compile(
    r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<op>AND|OR)(?=[\s(])"
    r"|(?P<field>\w+):\((?:'(?P<quoted>[^',\s()\\]+)'|(?P<bare>[\w.]+))\))\s*"
)


def _clause_group(tokens, i):
    """(query, next token) for `item (op item)*` from tokens[i:], one operator per group (as
    haystack writes them); (None, i) when the tokens say anything else."""
    items, operator, expecting_item = [], None, True
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "close":
            break
        if kind == "op":
            if expecting_item or operator not in (None, value):
                return None, i
            operator, expecting_item = value, True
            i += 1
            continue
        if not expecting_item:
            return None, i  # two items without an operator between them
        if kind == "open":
            query, i = _clause_group(tokens, i + 1)
            if query is None or i >= len(tokens) or tokens[i][0] != "close":
                return None, i
            i += 1
        else:
            query, i = value, i + 1
        items.append(query)
        expecting_item = False
    if expecting_item:
        return None, i
    if len(items) == 1:
        return items[0], i
    return (wq.And(items) if operator == "AND" else wq.Or(items)), i


class WriteSession:
    """The documents written through one writer: new ones are added, known ones replaced."""

    def __init__(self, backend, writer, bulk=False):
        self.backend = backend
        self.writer = writer
        self.empty = not any(segment.doc_count_all() for segment in writer.segments)
        self.written = 0
        # A long run, or the first filling of an empty index, gives each word to the spelling
        # field once, not once per story: the field only has to know that a word exists.
        self.spelled = set() if bulk or self.empty else None

    def _spelling(self, text):
        words = spelling_words(text)
        if self.spelled is not None:
            words -= self.spelled
            self.spelled |= words
        return " ".join(sorted(words))

    def write(self, index, objects, removed_identifiers=()):
        for identifier in removed_identifiers:
            self.writer.delete_by_term(ID, identifier)
        for obj in objects:
            doc = self.backend._document(index, obj)
            if doc is None:
                continue
            doc[SPELLING] = self._spelling(doc.get(self.backend.content_field_name) or "")
            if self.empty:  # nothing to replace: skip update_document's look-up per document
                self.writer.add_document(**doc)
            else:
                self.writer.update_document(**doc)
            self.written += 1


def fold(word):
    """Lower case without accents: how the spelling field holds words."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def spelling_words(text):
    """The distinct words of `text` worth suggesting (letters only, 3-30 long), folded."""
    return {w if w.isascii() else fold(w) for w in set(SPELL_WORD_RE.findall(text.lower()))}


class _Hit:
    def __init__(self, fields, score):
        self._fields = fields
        self.score = score

    def fields(self):
        return dict(self._fields)


class TermStats:
    """The reader calls of Whoosh's key-term Expander (is a term there, its collection frequency).

    Each segment's figures come from SEGMENT_TERMS, shared by every thread and index version:
    article pages ask about the same common words again and again, and a term look-up costs
    one hash probe per segment.
    """

    def __init__(self, reader):
        self.reader = reader
        self.schema = reader.schema
        self.leaves = [leaf for leaf, _ in reader.leaf_readers()]
        self.totals = {}

    def doc_count_all(self):
        return self.reader.doc_count_all()

    def field_length(self, fieldname):
        if fieldname not in self.totals:
            self.totals[fieldname] = self.reader.field_length(fieldname)
        return self.totals[fieldname]

    def frequency(self, fieldname, text):
        btext = self.schema[fieldname].to_bytes(text) if isinstance(text, str) else text
        return sum(
            SEGMENT_TERMS.get(leaf, (fieldname, btext), lambda: leaf.frequency(fieldname, btext))
            for leaf in self.leaves
        )

    def __contains__(self, key):
        return self.frequency(*key) > 0


class Unsupported(Exception):
    """A query the array evaluator does not handle; Whoosh evaluates it instead."""


class ArrayIndex:
    """For one searcher (one index version): postings, field lengths and sortable columns as numpy
    arrays, and queries of terms evaluated on them.

    Whoosh scores each matching document in Python (about 10 us each): a word in most stories
    costs a second at 100,000 stories, and block-max skipping cannot help when every block scores
    alike. Here a term's postings are read block by block into arrays once per segment and
    BM25F is computed for all of them at once, with Whoosh's own idf, average length and
    byte-encoded field lengths, so the ranking is Whoosh's (tests compare the two).
    """

    MISSING = 2**64 - 1  # a sortable column's value for a document without one

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.size = searcher.doc_count_all()
        self.leaves = list(self.reader.leaf_readers())
        self.terms = OrderedDict()
        self.lengths = {}
        self.columns = {}
        self._live = None
        self.term_stats = TermStats(self.reader)

    @classmethod
    def of(cls, searcher):
        arrays = searcher.__dict__.get("_archive_arrays")
        if arrays is None:
            arrays = searcher.__dict__["_archive_arrays"] = cls(searcher)
        return arrays

    # --- arrays --------------------------------------------------------------------------------

    def live(self):
        """True for every document that is not deleted."""
        if self._live is None:
            live = np.ones(self.size, dtype=bool)
            for leaf, offset in self.leaves:
                deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
                if deleted:
                    live[np.fromiter(deleted, dtype=np.int64) + offset] = False
            self._live = live
        return self._live

    def postings(self, field, text, keep=True):
        """(document numbers, weights) of a term, live documents only; `keep` caches them."""
        key = (field, text)
        if key in self.terms:
            self.terms.move_to_end(key)
            return self.terms[key]
        ids, weights = [], []
        fieldobj = self.schema[field]
        btext = fieldobj.to_bytes(text) if isinstance(text, str) else text
        keyword = isinstance(fieldobj, KEYWORD) and field != SPELLING
        for leaf, offset in self.leaves:
            if keyword and hasattr(leaf, "_segment"):  # entity tags: from the segment's facet file
                found = keyword_segment(leaf, field).postings(btext)
            else:
                found = SEGMENT_POSTINGS.get(leaf, field, btext, keep)
            if found is not None:
                ids.append(found[0] + offset)
                weights.append(found[1])
        docs = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        tf = np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64)
        live = self.live()[docs]
        found = (docs[live], tf[live])
        if keep:
            self.terms[key] = found
            if len(self.terms) > 64:
                self.terms.popitem(last=False)
        return found

    def field_lengths(self, field):
        """Each document's length in `field` as Whoosh scores it (byte-encoded, so approximate)."""
        if field not in self.lengths:
            codes = np.zeros(self.size, dtype=np.uint8)
            for leaf, offset in self.leaves:
                raw = SEGMENT_ARRAYS.get(
                    leaf, ("lengths", field), lambda: _segment_lengths(leaf, field)
                )
                codes[offset : offset + len(raw)] = raw
            self.lengths[field] = BYTE_LENGTHS[codes]
        return self.lengths[field]

    def column(self, field):
        """A sortable numeric or date field's value per document (MISSING where it has none)."""
        if field not in self.columns:
            values = np.full(self.size, self.MISSING, dtype=np.uint64)
            for leaf, offset in self.leaves:
                raw = SEGMENT_ARRAYS.get(
                    leaf, ("column", field), lambda: _segment_column(leaf, field)
                )
                if raw is not None:
                    values[offset : offset + len(raw)] = raw
            self.columns[field] = values
        return self.columns[field]

    # --- queries -------------------------------------------------------------------------------

    def evaluate(self, query):
        """(document numbers sorted, scores): what Whoosh would match and how it would score it."""
        weighting = self.searcher.weighting
        if type(weighting) is not BM25F or weighting._field_B:
            raise Unsupported("not the default BM25F scoring")
        if type(query) is wq.Phrase and self._is_plain_phrase(query):
            return self._phrase(query, estimate=True)  # (docs, scores, Estimate or None)
        return self._evaluate(query)

    def _is_plain_phrase(self, q):
        return q.slop == 1 and self.schema[q.fieldname].scorable

    def _evaluate(self, q):
        kind = type(q)
        if kind is wq.Term:
            return self._term(q)
        if kind is wq.And:
            return self._and(q)
        if kind is wq.Or and q.scale is None:
            return self._or(q)
        if kind is wq.AndNot:
            docs, scores = self._evaluate(q.a)
            gone, _ = self._evaluate(q.b)
            keep = ~np.isin(docs, gone, assume_unique=True)
            return docs[keep], scores[keep]
        if kind is wq.Every and not q.fieldname:
            docs = np.flatnonzero(self.live())
            return docs, np.full(len(docs), q.boost)
        if (
            kind in (wq.NumericRange, wq.DateRange)
            and q.constantscore
            and self.schema[q.fieldname].sortable_typecode
        ):
            return self._range(q)
        if kind is wq.NullQuery.__class__:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        if kind is wq.Phrase and self._is_plain_phrase(q):
            return self._phrase(q)
        raise Unsupported(kind.__name__)

    def _phrase(self, q, estimate=False):
        """A phrase: the stories with all its words (arrays), then Whoosh checks the word positions
        of each candidate. Beyond PHRASE_EXACT candidates (a phrase of common words: seconds of
        position checks) a systematic sample is checked, the total and facets are estimated from
        it and say so, and the pages are filled from the best-scoring candidates that check out
        (with the sample's hits: as many stories as were checked and found).

        Stories are ranked by their words' BM25F (Whoosh scores a phrase by its frequency). Only
        a whole query may be estimated (`estimate`); a large phrase inside one goes to Whoosh.
        """
        candidates, scores = self._and(wq.And([wq.Term(q.fieldname, word) for word in q.words]))
        if len(candidates) <= PHRASE_EXACT:
            keep = self._has_phrase(q, candidates)
            return candidates[keep], scores[keep] * q.boost
        if not estimate:
            raise Unsupported("a phrase in very many stories inside a larger query")
        step = len(candidates) / PHRASE_SAMPLE
        sample = np.unique((np.arange(PHRASE_SAMPLE) * step).astype(np.int64))
        in_sample = self._has_phrase(q, candidates[sample])
        sample_hits = candidates[sample][in_sample]
        # The best candidates by score, checked until a few pages are full (or PHRASE_WALK checked).
        best = np.argsort(-scores, kind="stable")[:PHRASE_WALK]
        top = []
        for first in range(0, len(best), PHRASE_SAMPLE):
            chunk = np.sort(best[first : first + PHRASE_SAMPLE])
            top.extend(chunk[self._has_phrase(q, candidates[chunk])].tolist())
            if len(top) >= PHRASE_PAGES:
                break
        shown = np.unique(np.concatenate([sample[in_sample], np.array(top, dtype=np.int64)]))
        total = max(len(shown), round(len(candidates) * in_sample.mean()))
        estimate = Estimate(total=total, sample=sample_hits, scale=len(candidates) / len(sample))
        return candidates[shown], scores[shown] * q.boost, estimate

    def _has_phrase(self, q, docs):
        """For sorted document numbers that have every word of the phrase, whether the words stand
        in a row. Each word's postings are read only in the blocks that hold candidates (Whoosh's
        phrase matcher would check the positions of every candidate in between)."""
        found = np.zeros(len(docs), dtype=bool)
        for leaf, offset in self.leaves:
            lo, hi = np.searchsorted(docs, [offset, offset + leaf.doc_count_all()])
            if lo == hi:
                continue
            local = (docs[lo:hi] - offset).tolist()
            fieldobj = leaf.schema[q.fieldname]
            try:  # the segment's own matchers: the candidates are live, so no deletion filter
                matchers = [
                    leaf._terms.matcher(q.fieldname, fieldobj.to_bytes(word), fieldobj.format)
                    for word in q.words
                ]
            except TermNotFound:
                continue
            values = [_values_at(matcher, local) for matcher in matchers]
            decode = fieldobj.format.decode_positions
            for i, docnum in enumerate(local):
                if not all(docnum in word_values for word_values in values):
                    continue
                starts = set(decode(values[0][docnum]))
                for k, word_values in enumerate(values[1:], 1):
                    following = set(decode(word_values[docnum]))
                    starts = {p for p in starts if p + k in following}
                found[lo + i] = bool(starts)
        return found

    def _term(self, q):
        if q.fieldname not in self.schema.names():
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        docs, tf = self.postings(q.fieldname, q.text)
        weighting = self.searcher.weighting
        if not self.schema[q.fieldname].scorable:
            return docs, tf * q.boost
        idf = self.searcher.idf(q.fieldname, q.text)
        avgfl = self.searcher.avg_field_length(q.fieldname) or 1
        fl = self.field_lengths(q.fieldname)[docs]
        b, k1 = weighting.B, weighting.K1
        return docs, idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl))) * q.boost

    def _and(self, q):
        positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negative = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        if not positive:
            raise Unsupported("AND of exclusions only")
        docs, scores = self._evaluate(positive[0])
        for sub in positive[1:]:
            other, other_scores = self._evaluate(sub)
            docs, mine, theirs = np.intersect1d(
                docs, other, assume_unique=True, return_indices=True
            )
            scores = scores[mine] + other_scores[theirs]
        for sub in negative:
            gone, _ = self._evaluate(sub)
            keep = ~np.isin(docs, gone, assume_unique=True)
            docs, scores = docs[keep], scores[keep] + 1.0  # Whoosh scores each exclusion 1
        return docs, scores * q.boost

    def _or(self, q):
        if any(isinstance(s, wq.Not) for s in q.subqueries):
            raise Unsupported("OR with an exclusion")
        parts = [self._evaluate(s) for s in q.subqueries]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        every = np.concatenate([d for d, _ in parts])
        weights = np.concatenate([s for _, s in parts])
        if (
            len(every) > self.size // 16
        ):  # many postings: sum over the whole document range (no sort)
            present = np.bincount(every, minlength=self.size) > 0
            docs = np.flatnonzero(present)
            scores = np.bincount(every, weights=weights, minlength=self.size)[docs]
        else:
            docs, inverse = np.unique(every, return_inverse=True)
            scores = np.bincount(inverse, weights=weights, minlength=len(docs))
        return docs, scores * q.boost

    def _range(self, q):
        values = self.column(q.fieldname)
        start, end = q.start, q.end
        if isinstance(q, wq.DateRange):
            start = datetime_to_long(start) if start is not None else None
            end = datetime_to_long(end) if end is not None else None
        keep = self.live() & (values != self.MISSING)
        if start is not None:
            keep &= (values > start) if q.startexcl else (values >= start)
        if end is not None:
            keep &= (values < end) if q.endexcl else (values <= end)
        docs = np.flatnonzero(keep)
        return docs, np.full(len(docs), float(q.boost))

    def top(self, docs, scores, limit, sort_by=None):
        """[(document number, score)]: the best `limit`, by score (ties: lower number first, as
        Whoosh) or by sortable fields (`-published`: newest first, ties as Whoosh breaks them,
        undated stories last)."""
        if not sort_by:
            if len(docs) > limit * 4:
                cut = np.argpartition(-scores, limit - 1)[:limit]
                threshold = scores[cut].min()
                candidates = np.flatnonzero(scores >= threshold)
            else:
                candidates = np.arange(len(docs))
            order = candidates[np.lexsort((docs[candidates], -scores[candidates]))][:limit]
        else:
            # Whoosh reverses the whole order when the first field is descending, ties included.
            reverse = sort_by[0].startswith("-")
            keys = [-docs if reverse else docs]
            for field in reversed(sort_by):
                values = self.column(field.lstrip("-"))[docs]
                if reverse:  # descending, but documents without a value still last (Whoosh: first)
                    values = np.where(values == self.MISSING, self.MISSING, ~values)
                keys.append(values)
            if len(docs) > limit * 4:  # sort only what can make the page: the `limit` best firsts
                primary = keys[-1]
                candidates = np.flatnonzero(primary <= np.partition(primary, limit - 1)[limit - 1])
            else:
                candidates = np.arange(len(docs))
            order = candidates[np.lexsort([key[candidates] for key in keys])][:limit]
        return [(int(docs[i]), float(scores[i])) for i in order]


@dataclass
class Estimate:
    """A count estimated from a checked sample: `sample` (document numbers that matched) stands
    for the whole, each counting `scale` stories."""

    total: int
    sample: object
    scale: float


def _scaled(counts, scale):
    """Facet counts from a sample, scaled to the whole and rounded."""
    fields = {
        name: [(value, max(1, round(n * scale))) for value, n in pairs]
        for name, pairs in counts["fields"].items()
    }
    dates = {
        name: [(bucket, max(1, round(n * scale))) for bucket, n in pairs]
        for name, pairs in counts["dates"].items()
    }
    return {"fields": fields, "dates": dates, "queries": counts["queries"]}


class SegmentPostings:
    """Terms' postings per segment, shared by every searcher of the process.

    A segment never changes once written (deletions are kept apart), so when a writer commits,
    the new version's searchers reuse what the old ones read: only new segments are read again.
    Without this, every drain (every few seconds while editors work) made each web thread read
    the common words' postings again.
    """

    def __init__(self, limit_postings=4_000_000):  # about 64 MB
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.size = 0
        self.limit = limit_postings

    def get(self, leaf, field, btext, keep=True):
        """(segment-local ids, weights) of a term in one segment reader, or None."""
        key = (leaf._segment.segment_id(), field, btext)
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        if (field, btext) not in leaf:
            with self.lock:  # absent terms are remembered too (one probe per segment saved)
                self.entries[key] = None
                self.size += 1
            return None
        matcher = leaf._terms.matcher(
            field, btext, leaf.schema[field].format
        )  # deletions: see live()
        if isinstance(matcher, W3LeafMatcher):
            ids, weights = [], []
            while matcher.is_active():  # a block (up to 128 postings) at a time
                block_ids, block_weights = _block_arrays(matcher)
                ids.append(block_ids)
                weights.append(block_weights)
                matcher._next_block()
            found = (np.concatenate(ids), np.concatenate(weights))
        else:  # short postings lists stored inline in the term record
            pairs = [(matcher.id(), matcher.weight()) for _ in _each(matcher)]
            found = (
                np.array([i for i, _ in pairs], dtype=np.int64),
                np.array([w for _, w in pairs], dtype=np.float64),
            )
        if keep:
            with self.lock:
                self.entries[key] = found
                self.size += len(found[0])
                while self.size > self.limit and len(self.entries) > 1:
                    _, old = self.entries.popitem(last=False)
                    self.size -= 1 if old is None else len(old[0])
        return found


SEGMENT_POSTINGS = SegmentPostings()


class SegmentCache:
    """What is read from one segment, shared by every searcher of the process, the least recently
    used dropped beyond `limit` entries. A segment never changes once written, so a new index
    version (one per drain while editors work) reads only its new segments; deletions are applied
    per version (ArrayIndex.live)."""

    def __init__(self, limit=1024):
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.limit = limit

    def get(self, leaf, name, build):
        segment = getattr(leaf, "_segment", None)
        if segment is None:  # not a Whoosh 3 segment: nothing to share it by
            return build()
        key = (segment.segment_id(), name)
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        found = build()
        with self.lock:
            self.entries[key] = found
            while len(self.entries) > self.limit:
                self.entries.popitem(last=False)
        return found


SEGMENT_ARRAYS = SegmentCache(1024)  # field lengths, sortable columns, facet postings
SEGMENT_TERMS = SegmentCache(
    500_000
)  # terms' collection frequencies (more-like-this), absent ones too


class VersionArrays:
    """What is combined from the segments for one index version (facet postings, months), shared
    by the threads of the process; the last few versions are kept."""

    def __init__(self, versions=3):
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.versions = versions

    def get(self, version, name, build):
        with self.lock:
            found = self.entries.get(version, {}).get(name)
        if found is None:
            found = build()
            with self.lock:
                self.entries.setdefault(version, {})[name] = found
                self.entries.move_to_end(version)
                while len(self.entries) > self.versions:
                    self.entries.popitem(last=False)
        return found


VERSION_ARRAYS = VersionArrays()


def _segment_lengths(leaf, field):
    """One segment's byte-encoded lengths of `field`, one per document."""
    name = W3Codec.column_filename(leaf._segment, _lenfield(field))
    if not leaf._storage.file_exists(name):
        return np.zeros(0, dtype=np.uint8)
    with leaf._storage.open_file(name) as handle:
        raw = np.frombuffer(handle.read(), dtype=np.uint8)
    return raw[: leaf.doc_count_all()].copy()


def _segment_column(leaf, field):
    """One segment's values of a sortable field (uint64), or None when it has none."""
    if not leaf.has_column(field):
        return None
    reader = leaf.column_reader(field, translate=False)
    n = leaf.doc_count_all()
    name = W3Codec.column_filename(leaf._segment, field)
    if n and leaf._storage.file_length(name) == 8 * n:  # fixed-width, big-endian: read it whole
        with leaf._storage.open_file(name) as handle:
            raw = np.frombuffer(handle.read(), dtype=">u8")
        if raw[0] == reader[0] and raw[-1] == reader[n - 1]:
            return raw.astype(np.uint64)
    return np.array([reader[d] for d in range(n)], dtype=np.uint64)


class KeywordSegment:
    """Every (document, value) pair of a keyword field (people, countries, topics) in one segment,
    grouped by value: `values` in lexicon order, `docs` segment-local, `ids` each pair's value
    number (ascending), `weights` its term frequency."""

    def __init__(self, values, docs, ids, weights):
        self.values, self.docs, self.ids, self.weights = values, docs, ids, weights
        self.starts = np.searchsorted(ids, np.arange(len(values) + 1))

    def postings(self, btext):
        """(segment-local ids, weights) of one value, or None: a slice, nothing decoded."""
        text = btext.decode("utf-8")
        i = int(np.searchsorted(self.values, text))
        if i == len(self.values) or self.values[i] != text:
            return None
        return self.docs[self.starts[i] : self.starts[i + 1]], self.weights[
            self.starts[i] : self.starts[i + 1]
        ]


def keyword_segment(leaf, field):
    """One segment's KeywordSegment for `field`, shared by every searcher of the process."""
    return SEGMENT_ARRAYS.get(leaf, ("facet", field), lambda: read_keyword_segment(leaf, field))


def facet_file(leaf, field):
    """Where a segment's keyword postings are kept: `<index>.facets/<segment id>-<field>.npz`."""
    folder = getattr(leaf._storage, "folder", None)
    if not folder or not hasattr(leaf, "_segment"):
        return None
    return os.path.join(folder.rstrip("/") + ".facets", f"{leaf._segment.segment_id()}-{field}.npz")


def read_keyword_segment(leaf, field, use_file=True):
    """A segment's KeywordSegment, from its file if the drainer (or another process) wrote it,
    else read from the postings (0.3 s for 50,000 stories) and written for the others."""
    path = facet_file(leaf, field) if use_file else None
    if path:
        try:
            with np.load(path, allow_pickle=False) as saved:
                return KeywordSegment(
                    saved["values"], saved["docs"], saved["ids"], saved["weights"]
                )
        except (OSError, KeyError, ValueError, TypeError):
            pass  # not written yet (or unreadable): read it
    values, docs, ids, weights = [], [], [], []
    if field in leaf.schema.names():
        for number, term in enumerate(leaf.lexicon(field)):
            found = SEGMENT_POSTINGS.get(leaf, field, term, keep=False)
            if found is None:
                continue
            values.append(term.decode("utf-8"))
            docs.append(found[0])
            ids.append(np.full(len(found[0]), len(values) - 1, dtype=np.int64))
            weights.append(found[1])
    found = KeywordSegment(
        np.array(values, dtype=str),
        np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
        np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
        np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64),
    )
    if path:
        _save_atomically(
            path, values=found.values, docs=found.docs, ids=found.ids, weights=found.weights
        )
    return found


def _save_atomically(path, **arrays):
    """Write an npz file whole or not at all (another process may be reading); a cache, so a
    failure only means the next process reads the segment again."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **arrays)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError:
        pass


def _block_arrays(matcher):
    """The current block of a Whoosh 3 postings matcher as (ids, weights) arrays, decoded with
    numpy (Whoosh decodes the id deltas and weights one posting at a time)."""
    if matcher._data is None:
        matcher._read_data()
    raw_ids, raw_weights = matcher._data[0], matcher._data[1]
    ids = np.array(raw_ids, dtype=np.int64)
    if not matcher._byteids:
        ids = np.cumsum(ids)  # stored as differences
    if raw_weights is None:
        weights = np.ones(len(ids))
    elif isinstance(raw_weights, float):
        weights = np.full(len(ids), raw_weights)
    else:
        weights = np.array(raw_weights, dtype=np.float64)
    return ids, weights


def _values_at(matcher, docnums):
    """{docnum: encoded value (word positions)} for those of the sorted `docnums` in a term's
    postings. A Whoosh 3 matcher is read a block at a time: blocks without a wanted document are
    passed by their header, the others are decoded once and searched with numpy."""
    found = {}
    if not isinstance(matcher, W3LeafMatcher):  # a short list stored in the term record
        for _ in _each(matcher):
            found[matcher.id()] = matcher.value()
        wanted = set(docnums)
        return {docnum: value for docnum, value in found.items() if docnum in wanted}
    i, n = 0, len(docnums)
    while i < n and matcher.is_active():
        last = matcher.block_max_id()
        if docnums[i] > last:
            matcher._next_block()
            continue
        j = bisect.bisect_right(docnums, last, i)
        ids, _ = _block_arrays(matcher)
        matcher._read_values()
        wanted = np.array(docnums[i:j], dtype=np.int64)
        at = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
        for docnum, k in zip(docnums[i:j], at.tolist()):
            if ids[k] == docnum:
                found[docnum] = matcher._values[k]
        i = j
        matcher._next_block()
    return found


def _each(matcher):
    while matcher.is_active():
        yield
        matcher.next()


class FacetColumns:
    """For one searcher (one index version): facet postings and each document's month, as arrays.

    Facet postings are read per segment (KeywordSegment, kept in a file per segment that the
    drainer writes after each commit), so a new version, thread or process loads them instead of
    reading every posting again (0.3 s at 100,000 stories); a version only combines them and
    drops deleted documents.
    """

    def __init__(self, searcher):
        self.arrays = ArrayIndex.of(searcher)
        self.reader = searcher.reader()
        self.size = searcher.doc_count_all()
        self.generation = self.reader.generation()
        self.leaves = list(self.reader.leaf_readers())
        # The version's name: its generation plus its segments (ids and deletions; a segment only
        # ever gains deletions), so two versions never share a name, even across rebuilt indexes.
        segments = sorted(
            f"{leaf._segment.segment_id()}:{leaf._segment.deleted_count()}"
            for leaf, _ in self.leaves
            if hasattr(leaf, "_segment")
        )
        self.version = (
            f"{self.generation}-{hashlib.sha1(' '.join(segments).encode()).hexdigest()[:12]}"
        )
        self.fields = {}
        self.months = {}

    @classmethod
    def of(cls, searcher):
        columns = getattr(searcher, "_archive_facet_columns", None)
        if columns is None:
            columns = searcher._archive_facet_columns = cls(searcher)
        return columns

    def _postings(self, field):
        """(values, docnums, value numbers): every (live document, value) pair of a keyword field,
        values in lexicon order."""
        if field not in self.fields:
            self.fields[field] = VERSION_ARRAYS.get(
                self.version, ("facet", field), lambda: self._combine(field)
            )
        return self.fields[field]

    def _combine(self, field):
        parts = [(keyword_segment(leaf, field), offset) for leaf, offset in self.leaves]
        parts = [(segment, offset) for segment, offset in parts if len(segment.values)]
        if not parts:
            return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        every = np.unique(
            np.concatenate([segment.values for segment, _ in parts])
        )  # code point order = UTF-8 order
        docs = np.concatenate([segment.docs + offset for segment, offset in parts])
        ids = np.concatenate(
            [np.searchsorted(every, segment.values)[segment.ids] for segment, _ in parts]
        )
        live = self.arrays.live()[docs]
        return every.tolist(), docs[live], ids[live]

    def forget_other_segments(self):
        """Remove the files of segments this version no longer has (merged away); a reader still
        on an older version reads those segments itself."""
        files = {facet_file(leaf, "x") for leaf, _ in self.leaves} - {None}
        if not files:
            return
        folder = os.path.dirname(files.pop())
        mine = {leaf._segment.segment_id() for leaf, _ in self.leaves}
        for name in os.listdir(folder) if os.path.isdir(folder) else ():
            if name.endswith((".npz", ".tmp")) and name.rsplit("-", 1)[0] not in mine:
                try:
                    os.remove(os.path.join(folder, name))
                except OSError:
                    pass

    def _mask(self, docnums):
        mask = np.zeros(self.size, dtype=bool)
        mask[docnums] = True
        return mask

    def count(self, field, docnums, limit=None):
        """[(value, count)] over `docnums`, most frequent first (ties by value), at most `limit`."""
        values, docs, ids = self._postings(field)
        if not values or not len(docnums):
            return []
        counts = np.bincount(ids[self._mask(docnums)[docs]], minlength=len(values))
        if limit is not None and 0 <= limit < len(values):
            if limit == 0:
                return []
            least = max(
                1, -np.partition(-counts, limit - 1)[limit - 1]
            )  # the limit-th highest count
            candidates = np.flatnonzero(counts >= least)
        else:
            candidates = np.flatnonzero(counts)
        # Most first; values are in lexicon order, so ties go by value.
        order = candidates[np.lexsort((candidates, -counts[candidates]))][:limit]
        return [(values[i], int(counts[i])) for i in order]

    def _months(self, field):
        """Month number (year * 12 + month - 1) of each document, or -1 when it has no date."""
        if field not in self.months:
            self.months[field] = VERSION_ARRAYS.get(
                self.version, ("months", field), lambda: self._month_numbers(field)
            )
        return self.months[field]

    def _month_numbers(self, field):
        months = np.full(self.size, -1, dtype=np.int64)
        if field in self.reader.schema.names() and self.reader.schema[field].sortable_typecode:
            raw = self.arrays.column(field)  # microseconds since 0001-01-01
            dated = raw != ArrayIndex.MISSING
            days = (raw[dated] // 86_400_000_000).astype("timedelta64[D]")
            month = (
                (np.datetime64("0001-01-01", "D") + days).astype("datetime64[M]").astype(np.int64)
            )
            months[dated] = month + (1970 * 12)  # datetime64[M] counts months from 1970-01
        return months

    def date_histogram(self, field, docnums, start, end, gap_by):
        """[((bucket start, bucket end), count)] like whoosh.sorting.DateRangeFacet, plus (None, n)."""
        months = self._months(field)[docnums]
        undated = int(np.count_nonzero(months < 0))
        first = start.year * 12 + start.month - 1
        last = end.year * 12 + end.month - 1
        step = 12 if gap_by == "year" else 1
        inside = months[(months >= first) & (months < last)]
        per_bucket = np.bincount(
            (inside - first) // step, minlength=max(0, -(-(last - first) // step))
        )
        out = [
            ((_month_start(first + i * step), _month_start(first + (i + 1) * step)), int(n))
            for i, n in enumerate(per_bucket)
            if n
        ]
        if undated:
            out.append((None, undated))
        return out


def _month_start(month_number):
    return dt.datetime(month_number // 12, month_number % 12 + 1, 1)


def _datetime(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    """haystack's query, which also keeps whether the backend's count and facets are estimates."""

    estimated = False

    def run(self, spelling_query=None, **kwargs):
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = results.get("spelling_suggestion", None)
        self.estimated = results.get("estimated", False)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery
