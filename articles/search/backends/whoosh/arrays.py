"""Queries of terms evaluated on numpy arrays, matching and scoring exactly as Whoosh does.

Whoosh scores each matching document in Python, so a word found in most stories costs a second
at archive scale, and block-max skipping cannot help when every block scores alike. Here a term's
postings are read block by block into arrays once per segment, and BM25F is computed for all of
them at once with Whoosh's own idf, average length and byte-encoded field lengths, so the
ranking is Whoosh's (tests compare the two). What this does not handle raises Unsupported and
goes to Whoosh.
"""

import weakref

import numpy as np
from whoosh import query as wq
from whoosh.util.times import datetime_to_long

from articles.search.backends.whoosh import codec, phrases, ranking
from articles.search.backends.whoosh.caches import LRU, SEGMENT_POSTINGS, of_searcher
from articles.search.backends.whoosh.caches import segment_cached as _segment_cached
from articles.search.backends.whoosh.phrases import Unsupported
from articles.search.backends.whoosh.schema import SPELLING, is_keyword

__all__ = ["ArrayIndex", "Unsupported", "segment_postings"]


def segment_postings(leaf, field, btext, keep=True):
    """(segment-local ids, weights) of a term in one segment, or None; shared by every searcher of
    the process (`keep`: remember them)."""
    key = (codec.segment_id(leaf), field, btext)

    def read():
        if (field, btext) not in leaf:
            SEGMENT_POSTINGS.put(key, None)  # absent terms are remembered too
            return None
        return codec.postings(leaf, field, btext)

    return SEGMENT_POSTINGS.get(key, read, keep=keep)


class ArrayIndex:
    """For one searcher (one index version): postings, field lengths and sortable columns as numpy
    arrays, and queries of terms evaluated on them."""

    MISSING = ranking.MISSING

    def __init__(self, searcher):
        # A proxy: this object is kept for the searcher and must not keep it alive.
        self.searcher = weakref.proxy(searcher)
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.size = searcher.doc_count_all()
        self.leaves = list(self.reader.leaf_readers())
        self.terms = LRU(64)
        self.lengths = {}
        self.columns = {}
        self._live = None

    @classmethod
    def of(cls, searcher):
        """The searcher's ArrayIndex, made once per searcher."""
        return of_searcher(searcher).objects.get(cls, lambda: cls(searcher))

    # --- arrays -------------------------------------------------------------------------------

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
        return self.terms.get((field, text), lambda: self._postings(field, text, keep), keep)

    def _postings(self, field, text, keep):
        from articles.search.backends.whoosh.facets import keyword_segment

        fieldobj = self.schema[field]
        btext = fieldobj.to_bytes(text) if isinstance(text, str) else text
        keyword = is_keyword(self.schema, field) and field != SPELLING
        ids, weights = [], []
        for leaf, offset in self.leaves:
            if keyword and codec.segment_id(leaf) is not None:  # tags: from the facet file
                found = keyword_segment(leaf, field).postings(btext)
            else:
                found = segment_postings(leaf, field, btext, keep)
            if found is not None:
                ids.append(found[0] + offset)
                weights.append(found[1])
        docs = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        tf = np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64)
        live = self.live()[docs]
        return docs[live], tf[live]

    def field_lengths(self, field):
        """Each document's length in `field` as Whoosh scores it (byte-encoded, so approximate)."""
        if field not in self.lengths:
            codes = np.zeros(self.size, dtype=np.uint8)
            for leaf, offset in self.leaves:
                raw = _segment_cached(
                    codec.segment_id(leaf),
                    ("lengths", field),
                    lambda leaf=leaf: codec.length_bytes(leaf, field),
                )
                codes[offset : offset + len(raw)] = raw
            self.lengths[field] = ranking.BYTE_LENGTHS[codes]
        return self.lengths[field]

    def column(self, field):
        """A sortable numeric or date field's value per document (MISSING where it has none)."""
        if field not in self.columns:
            values = np.full(self.size, self.MISSING, dtype=np.uint64)
            for leaf, offset in self.leaves:
                raw = _segment_cached(
                    codec.segment_id(leaf),
                    ("column", field),
                    lambda leaf=leaf: codec.column_values(leaf, field),
                )
                if raw is not None:
                    values[offset : offset + len(raw)] = raw
            self.columns[field] = values
        return self.columns[field]

    # --- queries ------------------------------------------------------------------------------

    def evaluate(self, query):
        """(document numbers sorted, scores): what Whoosh would match and how it would score it;
        with a third item, an Estimate, for a phrase of very many candidates."""
        if not codec.uses_plain_bm25f(self.searcher.weighting):
            raise Unsupported("not the default BM25F scoring")
        if phrases.is_plain_phrase(self.schema, query):
            return phrases.phrase(self, query, estimate=True)
        return self._evaluate(query)

    def _evaluate(self, q):
        kind = type(q)
        if kind is wq.Term:
            return self._term(q)
        if kind is wq.And:
            return self.evaluate_and(q)
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
        if phrases.is_plain_phrase(self.schema, q):
            return phrases.phrase(self, q)
        raise Unsupported(kind.__name__)

    def _term(self, q):
        if q.fieldname not in self.schema.names():
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        docs, tf = self.postings(q.fieldname, q.text)
        if not self.schema[q.fieldname].scorable:
            return docs, tf * q.boost
        idf = self.searcher.idf(q.fieldname, q.text)
        avgfl = self.searcher.avg_field_length(q.fieldname) or 1
        lengths = self.field_lengths(q.fieldname)[docs]
        return docs, ranking.bm25f(tf, lengths, idf, avgfl, self.searcher.weighting) * q.boost

    def evaluate_and(self, q):
        """(docs, scores) of an And query: its positive parts intersected, exclusions removed."""
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
        if len(every) > self.size // 16:  # many postings: sum over the whole range (no sort)
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
        Whoosh) or by sortable fields (`-published`: newest first, undated stories last)."""
        if sort_by:
            order = ranking.top_by_fields(docs, self.column, sort_by, limit)
        else:
            order = ranking.top_by_score(docs, scores, limit)
        return [(int(docs[i]), float(scores[i])) for i in order]
