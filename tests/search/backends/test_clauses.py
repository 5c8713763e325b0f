"""Haystack filters take the fast clause path only when it means what the query parser means."""

import pytest
from haystack.inputs import Clean
from haystack.query import SQ
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


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
