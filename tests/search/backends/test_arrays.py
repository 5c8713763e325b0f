"""The array evaluator (search_backend.ArrayIndex) matches and ranks exactly as Whoosh does."""

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from haystack.inputs import Clean
from haystack.query import SQ
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Person
from articles.search import SearchParams
from articles.search.backends.whoosh.arrays import ArrayIndex
from articles.search.query import build_queryset, parse_query

from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(whoosh_index):
    """Seeds plus 150 synthetic stories over 20 years, indexed in two drains, with deletions."""
    from tests.corpus import Generator

    call_command("ingest", str(SEEDS), verbosity=0)
    with tempfile.TemporaryDirectory() as folder:
        generator = Generator(seed=3)
        for i in range(150):
            Path(folder, f"{i:03d}.txt").write_text(generator.story(i), encoding="utf-8")
        call_command("ingest", folder, verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    from articles.search_indexes import ArticleIndex

    writer = whoosh_index.index.writer()  # a second segment, replacing 40 stories of the first
    index = ArticleIndex()
    for article in Article.objects.for_index().order_by("pk")[:40]:
        writer.update_document(**whoosh_index._document(index, article), spelling="")
    writer.commit(merge=False)
    writer = whoosh_index.index.writer()  # deletions that no merge has cleaned up yet
    for article in Article.objects.order_by("-pk")[:10]:
        writer.delete_by_term("id", f"articles.article.{article.pk}")
    writer.commit(merge=False)
    return whoosh_index


def queries():
    person = Person.objects.mentioned().order_by("-article_count").first()
    return [
        SearchParams(q="government"),
        SearchParams(q="budget security"),
        SearchParams(q="budget OR security"),
        SearchParams(q="election -budget"),
        SearchParams(q="Rama"),
        SearchParams(q="said", person=person.slug),
        SearchParams(q="border", sort="date"),
        SearchParams(q="water", date_from=dt.date(2010, 1, 1), date_to=dt.date(2015, 5, 1)),
        SearchParams(q="oil OR water OR health", sort="date"),
        SearchParams(q="Albania", sort="date"),  # seed stories without a date among them
        SearchParams(q="nosuchwordanywhere"),
        SearchParams(q="", country="albania"),
    ]


def test_array_evaluation_matches_and_ranks_like_whoosh(archive):
    backend = archive
    searcher = backend._searcher()
    arrays = ArrayIndex.of(searcher)
    assert arrays.live().sum() < arrays.size  # the fixture really left deletions behind
    for params in queries():
        query = backend._parse(build_queryset(params, parse_query(params.q)).query.build_query())
        docs, scores = arrays.evaluate(query)
        expected = np.array(sorted(searcher.docs_for_query(query)), dtype=np.int64)
        assert np.array_equal(docs, expected), params
        if params.sort == "date":
            # Whoosh puts stories without a date first when sorting newest first; we put them last.
            ours = [d for d, _ in arrays.top(docs, scores, len(docs), ["-published"])]
            theirs = [
                h.docnum
                for h in searcher.search(query, limit=None, sortedby="published", reverse=True)
            ]
            undated = set(np.flatnonzero(arrays.column("published") == arrays.MISSING).tolist())
            assert ours == [d for d in theirs if d not in undated] + [
                d for d in theirs if d in undated
            ], params
            continue
        ours = arrays.top(docs, scores, 20)
        theirs = searcher.search(query, limit=20)
        assert [d for d, _ in ours] == [hit.docnum for hit in theirs], params
        assert [round(s, 9) for _, s in ours] == [round(hit.score, 9) for hit in theirs], params


def test_phrases_match_exactly_what_whoosh_matches(archive):
    backend = archive
    searcher = backend._searcher()
    for text in ('"Edi Rama"', '"said the"', '"told reporters"', '"no such phrase here"'):
        query = backend._parse(text)
        docs, scores = ArrayIndex.of(searcher).evaluate(query)
        assert np.array_equal(
            docs, np.array(sorted(searcher.docs_for_query(query)), dtype=np.int64)
        ), text


def test_a_phrase_in_very_many_stories_is_estimated_and_says_so(archive, client, monkeypatch):
    import articles.search.backends.whoosh.phrases as sb
    from articles.search.backends.whoosh.caches import of_searcher

    query_text = '"told reporters"'
    exact = client.get("/api/search/", {"q": query_text}).json()
    assert exact["estimated"] is False and exact["count"] > 20
    monkeypatch.setattr(sb, "PHRASE_EXACT", 10)
    monkeypatch.setattr(sb, "PHRASE_SAMPLE", 8)
    monkeypatch.setattr(sb, "PHRASE_PAGES", 20)
    of_searcher(archive._searcher()).matched.clear()
    of_searcher(archive._searcher()).facets.clear()
    estimated = client.get("/api/search/", {"q": query_text}).json()
    assert estimated["estimated"] is True
    assert 0.5 * exact["count"] <= estimated["count"] <= 1.5 * exact["count"]
    # Every story listed really contains the phrase.
    for hit in estimated["results"]:
        assert Article.objects.get(pk=hit["id"]).body.lower().count("told reporters") >= 1
    page = client.get("/search/", {"q": query_text}).content.decode()
    assert "About " in page and "estimated from a sample" in page


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
    assert files == {
        f"{segment}-{field}.npz" for segment in ids for field in ("people", "countries", "topics")
    }
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


slugs = st.from_regex(r"[a-zA-Z0-9_][-a-zA-Z0-9_.]{0,20}", fullmatch=True)  # what a SlugField holds


@st.composite
def filter_trees(draw, values=slugs, depth=0):
    """A haystack filter as SQ objects: exact clauses on the tag fields, ANDed and ORed."""
    if depth > 2 or draw(st.booleans()):
        field = draw(
            st.sampled_from(["people_exact", "countries_exact", "topics_exact", "django_ct"])
        )
        return SQ(**{field: Clean(draw(values))})
    parts = draw(st.lists(filter_trees(values=values, depth=depth + 1), min_size=2, max_size=4))
    combined = parts[0]
    use_or = draw(st.booleans())
    for part in parts[1:]:
        combined = combined | part if use_or else combined & part
    return combined


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=filter_trees())
def test_haystack_filters_skip_the_query_parser_and_mean_the_same(whoosh_index, tree):
    from haystack.query import SearchQuerySet

    backend = whoosh_index
    backend.setup()
    query_string = SearchQuerySet().filter(tree).query.build_query()
    fast = backend._parse_clauses(query_string)
    assert fast is not None, query_string
    assert repr(fast) == repr(backend.parser.parse(query_string)), query_string


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=filter_trees(values=st.text(min_size=1, max_size=12)), raw=st.text(max_size=40))
def test_any_other_text_takes_the_fast_path_only_when_it_means_the_same(whoosh_index, tree, raw):
    from haystack.query import SearchQuerySet

    backend = whoosh_index
    backend.setup()
    for query_string in (SearchQuerySet().filter(tree).query.build_query(), raw):
        fast = backend._parse_clauses(query_string.strip())
        if fast is not None:
            assert repr(fast) == repr(backend.parser.parse(query_string.strip())), query_string


def test_other_query_strings_go_to_the_query_parser(whoosh_index):
    backend = whoosh_index
    backend.setup()
    for query_string in [
        "budget",
        "people_exact:(a) people_exact:(b)",
        "people_exact:(a,b)",
        "text:(budget)",
        "people_exact:(a) AND people_exact:(b) OR people_exact:(c)",
        "people_exact:(a) OR",
        "people_exact:(a*)",
        "NOT people_exact:(a)",
        "people_exact:('a b')",
    ]:
        assert backend._parse_clauses(query_string) is None, query_string


def test_a_searcher_is_reused_while_the_index_folder_is_unchanged_and_renewed_after_a_commit(
    archive, monkeypatch
):
    import os
    import time

    backend = archive
    past = time.time() - 60
    os.utime(backend.path, (past, past))  # a folder untouched for a minute
    first = backend._searcher()
    calls = []
    real_exists = backend.index_exists
    monkeypatch.setattr(backend, "index_exists", lambda: calls.append(1) or real_exists())
    assert backend._searcher() is first and calls == []  # one stat, no folder listing
    from articles.search import queue as search_queue

    search_queue.enqueue_articles([Article.objects.order_by("pk").first().pk])
    call_command("drain_index_queue", verbosity=0)  # a commit: new files, a new folder time
    renewed = backend._searcher()
    assert calls and renewed is not first and renewed.up_to_date()
