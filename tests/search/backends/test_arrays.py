"""The array evaluator (search_backend.ArrayIndex) matches and ranks exactly as Whoosh does."""

import datetime as dt

import numpy as np
import pytest

from articles.models import Article, Person
from articles.search import SearchParams
from articles.search.backends.whoosh.arrays import ArrayIndex
from articles.search.query import build_queryset, parse_query

pytestmark = pytest.mark.django_db


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
