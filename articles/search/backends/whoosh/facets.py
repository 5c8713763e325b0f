"""Facet counts on arrays: tag postings per segment (kept in facet files), combined per index
version, counted with numpy; and the date histogram.

whoosh.sorting rebuilds per-document value lists from the whole field on every query and runs one
range query per date bucket. Here each segment's (document, value) pairs are read once, saved
next to the index in `<index>.facets/<segment id>-<field>.npz` (the drainer writes them after
each commit), and a new index version, thread or process loads them instead of reading every
posting again; a version only combines them and drops deleted documents.
"""

import contextlib
import datetime as dt
import hashlib
import os
import tempfile

import numpy as np

from articles.search.backends.whoosh import codec
from articles.search.backends.whoosh.arrays import ArrayIndex, segment_postings
from articles.search.backends.whoosh.caches import of_searcher, segment_cached, version_cached
from articles.text import Month


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
        span = slice(self.starts[i], self.starts[i + 1])
        return self.docs[span], self.weights[span]


def keyword_segment(leaf, field):
    """One segment's KeywordSegment for `field`, shared by every searcher of the process."""
    return segment_cached(
        codec.segment_id(leaf), ("facet", field), lambda: read_keyword_segment(leaf, field)
    )


def facet_file(leaf, field):
    """Where a segment's keyword postings are kept: `<index>.facets/<segment id>-<field>.npz`."""
    folder = codec.storage_folder(leaf)
    segment = codec.segment_id(leaf)
    if not folder or segment is None:
        return None
    return os.path.join(folder.rstrip("/") + ".facets", f"{segment}-{field}.npz")


def read_keyword_segment(leaf, field, use_file=True):
    """A segment's KeywordSegment, from its file if the drainer (or another process) wrote it,
    else read from the postings and written for the others."""
    path = facet_file(leaf, field) if use_file else None
    if path:
        try:
            with np.load(path, allow_pickle=False) as saved:
                return KeywordSegment(
                    saved["values"], saved["docs"], saved["ids"], saved["weights"]
                )
        except (OSError, KeyError, ValueError, TypeError):
            pass  # not written yet (or unreadable): read it
    found = _read_postings(leaf, field)
    if path:
        _save_atomically(
            path, values=found.values, docs=found.docs, ids=found.ids, weights=found.weights
        )
    return found


def _read_postings(leaf, field):
    values, docs, ids, weights = [], [], [], []
    if field in leaf.schema.names():
        for term in leaf.lexicon(field):
            found = segment_postings(leaf, field, term, keep=False)
            if found is None:
                continue
            values.append(term.decode("utf-8"))
            docs.append(found[0])
            ids.append(np.full(len(found[0]), len(values) - 1, dtype=np.int64))
            weights.append(found[1])
    return KeywordSegment(
        np.array(values, dtype=str),
        np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
        np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
        np.concatenate(weights) if weights else np.zeros(0, dtype=np.float64),
    )


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


class FacetColumns:
    """For one searcher (one index version): facet postings and each document's month, as arrays,
    combined from the segments' KeywordSegments."""

    def __init__(self, searcher):
        self.arrays = ArrayIndex.of(searcher)
        self.reader = searcher.reader()
        self.size = searcher.doc_count_all()
        self.generation = self.reader.generation()
        self.leaves = list(self.reader.leaf_readers())
        # The version's name: its generation plus its segments (ids and deletions), so two
        # versions never share a name, even across rebuilt indexes.
        segments = sorted(filter(None, (codec.segment_version(leaf) for leaf, _ in self.leaves)))
        digest = hashlib.sha1(" ".join(segments).encode()).hexdigest()[:12]
        self.version = f"{self.generation}-{digest}"
        self.fields = {}
        self.months = {}

    @classmethod
    def of(cls, searcher):
        """The searcher's FacetColumns, made once per searcher."""
        return of_searcher(searcher).objects.get(cls, lambda: cls(searcher))

    def postings(self, field):
        """(values, docnums, value numbers): every (live document, value) pair of a keyword field,
        values in lexicon order."""
        if field not in self.fields:
            self.fields[field] = version_cached(
                self.version, ("facet", field), lambda: self._combine(field)
            )
        return self.fields[field]

    def _combine(self, field):
        parts = [(keyword_segment(leaf, field), offset) for leaf, offset in self.leaves]
        parts = [(segment, offset) for segment, offset in parts if len(segment.values)]
        if not parts:
            return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        # Code point order is UTF-8 order, the lexicon's.
        every = np.unique(np.concatenate([segment.values for segment, _ in parts]))
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
        mine = {codec.segment_id(leaf) for leaf, _ in self.leaves}
        for name in os.listdir(folder) if os.path.isdir(folder) else ():
            if name.endswith((".npz", ".tmp")) and name.rsplit("-", 1)[0] not in mine:
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(folder, name))

    def _mask(self, docnums):
        mask = np.zeros(self.size, dtype=bool)
        mask[docnums] = True
        return mask

    def count(self, field, docnums, limit=None):
        """[(value, count)] over `docnums`, most frequent first (ties by value), at most `limit`."""
        values, docs, ids = self.postings(field)
        if not values or not len(docnums):
            return []
        counts = np.bincount(ids[self._mask(docnums)[docs]], minlength=len(values))
        if limit is not None and 0 <= limit < len(values):
            if limit == 0:
                return []
            least = max(1, -np.partition(-counts, limit - 1)[limit - 1])  # the limit-th highest
            candidates = np.flatnonzero(counts >= least)
        else:
            candidates = np.flatnonzero(counts)
        # Most first; values are in lexicon order, so ties go by value.
        order = candidates[np.lexsort((candidates, -counts[candidates]))][:limit]
        return [(values[i], int(counts[i])) for i in order]

    def _months(self, field):
        """Month number (year * 12 + month - 1) of each document, or -1 when it has no date."""
        if field not in self.months:
            self.months[field] = version_cached(
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
        """[((bucket start, bucket end), count)] as whoosh.sorting.DateRangeFacet gives them, plus
        (None, n) for the undated."""
        months = self._months(field)[docnums]
        undated = int(np.count_nonzero(months < 0))
        first, last = Month.of(start).number, Month.of(end).number
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


def _month_start(number):
    month = Month.from_number(number)
    return dt.datetime(month.year, month.month, 1)


def _datetime(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def facet_counts(columns, field_of, matched, facets, date_facets):
    """haystack's facet counts over every matching document: fields and dates (`field_of` maps
    haystack's field names to ours)."""
    counts = {"fields": {}, "dates": {}, "queries": {}}
    for name in facets:
        limit = facets[name].get("limit") if isinstance(facets, dict) else None
        counts["fields"][name] = columns.count(field_of(name), matched, limit)
    for name, spec in date_facets.items():
        counts["dates"][name] = columns.date_histogram(
            field_of(name),
            matched,
            _datetime(spec["start_date"]),
            _datetime(spec["end_date"]),
            spec["gap_by"],
        )
    return counts


def scaled(counts, scale):
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
