"""Fuzzing every search parameter (issue 17, items 1 and 2): no input gives a 500 or a traceback.

Every parameter of /search/, /api/search/, /api/suggest/ and /feeds/search/, and the slug of the
entity feeds, gets arbitrary text: control characters, U+FFFE and U+FFFF, lone surrogates (sent
as the broken UTF-8 a browser would send), huge values, and dates at and beyond the ends of the
calendar. Pages answer 200 or 400, the APIs JSON, the feeds well-formed XML.
"""

import json
import logging
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.kinds import KINDS
from articles.search import params as names

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = ["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800", "\udfff"]
DATES = [
    "0001-01-01", "9999-12-31", "0999-12-31", "1000-01-01", "2999-12-31", "3000-01-01",
    "2020-02-30", "2020-13", "0000", "-1", "99999-01-01", "2020",
]  # fmt: skip

text = st.one_of(
    st.text(st.characters(codec=None), max_size=40),
    st.text(st.sampled_from(NASTY + list('ab -"*:()')), max_size=30),
    st.sampled_from(DATES),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["a", "é", "\x01", "(", '"']), st.integers(0, 6000)
    ),
    st.integers(-(10**20), 10**20).map(str),
)
query = st.dictionaries(st.sampled_from([*names.NAMES, "unknown"]), text, max_size=6)


def encoded(params):
    """The query string a client would send, lone surrogates as their (invalid) UTF-8 bytes."""
    return "&".join(
        f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'), safe='')}"
        for k, v in params.items()
    )


def no_traceback(response, caplog):
    assert response.status_code not in (500, 503), response.status_code
    assert b"Traceback" not in response.content
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    caplog.clear()


@pytest.fixture
def quiet(caplog):
    caplog.set_level(logging.WARNING)
    return caplog


@FUZZ
@given(params=query)
def test_the_search_page_never_fails(client, archive, quiet, params):
    response = client.get(f"/search/?{encoded(params)}")
    no_traceback(response, quiet)
    assert response.status_code in (200, 400)


@FUZZ
@given(params=query)
def test_the_search_api_answers_json(client, archive, quiet, params):
    response = client.get(f"/api/search/?{encoded(params)}")
    no_traceback(response, quiet)
    data = json.loads(response.content)
    assert response.status_code == 200 or (response.status_code == 400 and data["error"])


@FUZZ
@given(params=query)
def test_suggestions_answer_json(client, archive, quiet, params):
    response = client.get(f"/api/suggest/?{encoded(params)}")
    no_traceback(response, quiet)
    assert response.status_code == 200 and "results" in json.loads(response.content)


@FUZZ
@given(params=query)
def test_the_search_feed_is_well_formed(client, archive, quiet, params):
    response = client.get(f"/feeds/search/?{encoded(params)}")
    no_traceback(response, quiet)
    assert response.status_code in (200, 400)
    ElementTree.fromstring(response.content)


@FUZZ
@given(kind=st.sampled_from(KINDS), slug=text, params=query)
def test_entity_feeds_are_well_formed_or_not_found(client, archive, quiet, kind, slug, params):
    path = quote(slug.encode("utf-8", "surrogatepass"), safe="") or "x"
    response = client.get(f"/feeds/{kind.plural}/{path}/?{encoded(params)}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        ElementTree.fromstring(response.content)
    quiet.clear()  # a 404 is logged as a warning, which is not a failure


@pytest.mark.parametrize("name", [names.FROM, names.TO])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0999-12-31", "3000-01-01"])
def test_dates_out_of_range_are_a_400_not_a_503(client, archive, name, day):
    api = client.get("/api/search/", {"q": "x", name: day})
    assert api.status_code == 400 and "between the years 1000 and 2999" in api.json()["error"]
    page = client.get("/search/", {"q": "x", name: day})
    assert page.status_code == 400
    assert "between the years 1000 and 2999" in page.content.decode()


def test_the_ends_of_the_range_are_searched(client, archive):
    assert client.get("/api/search/", {"q": "x", "from": "1000-01-01"}).status_code == 200
    assert client.get("/api/search/", {"q": "x", "to": "2999-12-31"}).status_code == 200


def test_normalised_drops_controls_and_non_characters():
    got = names.normalised({"q": "a\x01b\tc\ufffe\U0010ffff\ud800\x85d", "other": "x"})
    assert got == {"q": "ab cd"}
