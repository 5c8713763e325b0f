"""Facet counts from the arrays equal Whoosh's own, across segments, deletions and new versions."""

from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from articles.kinds import KINDS
from articles.models import Article
from articles.search.backends.whoosh.arrays import ArrayIndex

pytestmark = pytest.mark.django_db


def _whoosh_counts(searcher, field):
    """Whoosh's own facet counts over every live document."""
    from whoosh import query as wq
    from whoosh import sorting

    results = searcher.search(
        wq.Every(), limit=None, groupedby=sorting.FieldFacet(field, allow_overlap=True)
    )
    return {value: len(docs) for value, docs in results.groups(field).items() if value is not None}


def test_facet_counts_match_whoosh_across_segments_deletions_and_new_versions(archive):
    from articles.search.backends.whoosh.caches import SEGMENT_ARRAYS
    from articles.search.backends.whoosh.facets import FacetColumns

    backend = archive
    searcher = backend._searcher()
    assert len(list(searcher.reader().leaf_readers())) > 1 and searcher.reader().has_deletions()
    everything = np.flatnonzero(ArrayIndex.of(searcher).live())
    for field in ("people", "countries", "topics"):
        ours = dict(FacetColumns.of(searcher).count(field, everything))
        assert ours == _whoosh_counts(searcher, field), field
    old_segments = {leaf._segment.segment_id() for leaf, _ in searcher.reader().leaf_readers()}
    # A new version (an edited story: a deletion in an old segment and a new segment) reuses what
    # was read from the old segments and still counts right.
    before = dict(SEGMENT_ARRAYS.entries)
    from articles.search import queue as search_queue

    search_queue.enqueue_articles([Article.objects.order_by("pk").first().pk])
    call_command("drain_index_queue", verbosity=0)
    searcher = backend._searcher()
    segments = {leaf._segment.segment_id() for leaf, _ in searcher.reader().leaf_readers()}
    kept = old_segments & segments
    assert kept and segments - old_segments
    everything = np.flatnonzero(ArrayIndex.of(searcher).live())
    ours = dict(FacetColumns.of(searcher).count("people", everything))
    assert ours == _whoosh_counts(searcher, "people")
    assert all(
        SEGMENT_ARRAYS.entries[(segment, ("facet", "people"))]
        is before[(segment, ("facet", "people"))]
        for segment in kept
        if (segment, ("facet", "people")) in before
    )


def test_facet_postings_are_shared_through_a_file_per_segment(archive):
    from articles.search.backends.whoosh.facets import FacetColumns, read_keyword_segment

    backend = archive
    call_command("check_index", "--rebuild", verbosity=0)  # a drain writes the new segments' files
    cache = Path(backend.facet_cache_dir)
    searcher = backend._searcher()
    leaves = list(searcher.reader().leaf_readers())
    ids = {leaf._segment.segment_id() for leaf, _ in leaves}
    files = {p.name for p in cache.glob("*.npz")}
    assert files == {f"{segment}-{k.index_field}.npz" for segment in ids for k in KINDS}
    for leaf, _ in leaves:  # read from the segment's postings or loaded from its file: the same
        read = read_keyword_segment(leaf, "people", use_file=False)
        loaded = read_keyword_segment(leaf, "people")
        for name in ("values", "docs", "ids", "weights", "starts"):
            assert np.array_equal(getattr(read, name), getattr(loaded, name)), name
    # A rebuilt index has new segments: the old segments' files are removed, never read.
    old_version = FacetColumns(searcher).version
    call_command("check_index", "--rebuild", verbosity=0)
    searcher = backend._searcher()
    assert FacetColumns(searcher).version != old_version
    new_ids = {leaf._segment.segment_id() for leaf, _ in searcher.reader().leaf_readers()}
    assert not ids & new_ids
    assert {p.name.rsplit("-", 1)[0] for p in cache.glob("*.npz")} == new_ids
