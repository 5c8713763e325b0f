"""Query parsing: what the parser changed is explained."""

import pytest

from articles.search.query import parse_query

pytestmark = pytest.mark.django_db


def test_query_parser_explains_what_it_changed():
    parsed = parse_query('"open quote and (brackets)')
    assert any("quotation mark" in n for n in parsed.notes) and any(
        "Brackets" in n for n in parsed.notes
    )
    assert str(parse_query("a OR b -c")) == "a OR b -c"
    assert parse_query("*").groups == []
