"""What the Whoosh backend keeps between searches, in one kind of cache: a locked LRU.

Two lifetimes matter:
- per segment (`SEGMENT_*`): a segment never changes once written (deletions are kept apart and
  applied per index version), so when a writer commits, the new version's searchers reuse what
  the old ones read and only new segments are read again;
- per searcher (`of_searcher`): what depends on one index version's deletions and documents,
  dropped with the searcher.
"""

import threading
import weakref
from collections import OrderedDict


def _one(value):
    return 1


class LRU:
    """A mapping safe to share between threads, the least recently used entries dropped once the
    entries' total weight passes `limit` (None: never). `weigh` gives an entry's weight (1)."""

    def __init__(self, limit=None, weigh=_one):
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.limit = limit
        self.weigh = weigh
        self.size = 0

    def get(self, key, build, keep=True):
        """The value kept for `key`, else `build()` (kept unless `keep` is false).

        `build` runs outside the lock: two threads may both build a missing value, and the last
        one is kept; values are pure functions of their key, so either is right.
        """
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = build()
        if keep:
            self.put(key, value)
        return value

    def put(self, key, value):
        with self.lock:
            if key in self.entries:
                self.size -= self.weigh(self.entries.pop(key))
            self.entries[key] = value
            self.size += self.weigh(value)
            while self.limit is not None and self.size > self.limit and len(self.entries) > 1:
                _, old = self.entries.popitem(last=False)
                self.size -= self.weigh(old)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def __len__(self):
        return len(self.entries)


def _postings_weight(found):
    return 1 if found is None else len(found[0])


# Terms' postings per segment (absent terms too, as None), weighed by postings held.
SEGMENT_POSTINGS = LRU(4_000_000, weigh=_postings_weight)
# Field lengths, sortable columns and facet postings per segment.
SEGMENT_ARRAYS = LRU(1024)
# Terms' collection frequencies per segment (more-like-this's key terms), absent ones too.
SEGMENT_TERMS = LRU(500_000)
# What is combined from the segments for one index version (facet postings, months), shared by
# the threads of a process: an LRU of the last few versions, each an LRU of its arrays.
VERSION_ARRAYS = LRU(3)


def segment_cached(segment, name, build):
    """SEGMENT_ARRAYS's value for (segment id, name); `build()` uncached without a segment id."""
    if segment is None:
        return build()
    return SEGMENT_ARRAYS.get((segment, name), build)


def version_cached(version, name, build):
    """What is built once per index version and process (see VERSION_ARRAYS)."""
    return VERSION_ARRAYS.get(version, LRU).get(name, build)


class SearcherCaches:
    """What is kept for one open searcher (one index version, one thread).

    `matched` holds the last few match sets (haystack asks twice per page: the count, then the
    page), `facets` the last few facet counts, `objects` the searcher's ArrayIndex and
    FacetColumns. None of it may hold the searcher itself, or it would never be dropped.
    """

    def __init__(self):
        self.matched = LRU(8)
        self.facets = LRU(8)
        self.objects = LRU()

    def clear(self):
        for cache in (self.matched, self.facets, self.objects):
            cache.clear()


_PER_SEARCHER = weakref.WeakKeyDictionary()
_PER_SEARCHER_LOCK = threading.Lock()


def of_searcher(searcher):
    """The SearcherCaches of a Whoosh searcher, created on first use, gone with the searcher."""
    with _PER_SEARCHER_LOCK:
        caches = _PER_SEARCHER.get(searcher)
        if caches is None:
            caches = _PER_SEARCHER[searcher] = SearcherCaches()
        return caches
