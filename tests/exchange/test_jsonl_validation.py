"""JSONL records are checked field by field; a bad one is named by line and skipped (issue 17).

Before: slugs such as `a b/c` were stored as given, `"code": null` tagged Norway, a name given as
a list was stored as its repr, an alias string split into letters, `[1, 2]` as aliases or a
document nested 100,000 deep aborted the whole run with a traceback, and one malformed line
dropped every good record of its file.
"""

import contextlib
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.exchange.jsonl import import_line
from articles.exchange.schema import RecordError
from articles.models import Article, ArticleCountry, Country, Person
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db

GOOD = {"headline": "Port strike ends", "body": "Dock workers in Mombasa went back to work."}
OTHER = {"headline": "Rail line opens", "body": "The new railway to the coast opened on Monday."}


def jsonl(*records):
    return "".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in records)


def ingest_records(tmp_path, *records, name="in.jsonl"):
    return run_ingest(write(tmp_path / name, jsonl(*records)))


def test_an_invalid_slug_is_derived_again_from_the_headline(tmp_path):
    code, _, err = ingest_records(tmp_path, {**GOOD, "slug": "a b/c"})
    assert code == 0, err
    assert Article.objects.get().slug == "port-strike-ends"
    person = {"name": "Ann Lee", "slug": "ann lee/x", "aliases": []}
    ingest_records(tmp_path, {**OTHER, "people": [person]}, name="p.jsonl")
    assert Person.objects.get().slug == "ann-lee"


@pytest.mark.parametrize(
    "entry, reason",
    [
        ({"name": "Norway?", "code": None}, "needs a 'code'"),
        ({"name": "Nowhere", "code": ""}, "needs a 'code'"),
        ({"name": "Nowhere", "code": "XX"}, "not ISO 3166-1 alpha-2"),
        ({"name": ["Kenya"], "code": "KE"}, "must be a string, not list"),
    ],
)
def test_a_bad_country_is_refused_and_no_country_is_made_up(tmp_path, entry, reason):
    countries = Country.objects.count()
    code, _, err = ingest_records(tmp_path, GOOD, {**OTHER, "countries": [entry]})
    assert code == 1 and "in.jsonl line 2: " in err and reason in err
    assert Country.objects.count() == countries and not ArticleCountry.objects.exists()
    assert list(Article.objects.values_list("headline", flat=True)) == [GOOD["headline"]]


@pytest.mark.parametrize(
    "person, reason",
    [
        ({"name": ["Ann", "Lee"]}, "'people name' must be a string, not list"),
        ({"name": "Ann Lee", "aliases": "Annie"}, "'aliases' must be a list of names, not str"),
        ({"name": "Ann Lee", "aliases": [1, 2]}, "'aliases' must be a string, not int"),
        ({"name": ""}, "is missing or empty"),
        ("Ann Lee", "must be a JSON object"),
    ],
)
def test_a_bad_person_fails_its_record_only(tmp_path, person, reason):
    code, _, err = ingest_records(tmp_path, {**GOOD, "people": [person]}, OTHER)
    assert code == 1 and "line 1: " in err and reason in err, err
    assert not Person.objects.exists()
    assert list(Article.objects.values_list("headline", flat=True)) == [OTHER["headline"]]


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"headline": ["A"]}, "'headline' must be a string, not list"),
        ({"body": ""}, "'body' is missing or empty"),
        ({"headline": "x" * 301}, "'headline' is 301 characters long; at most 300"),
        ({"body": "word " * 40_001}, "'body' is 200,005 characters long; at most 200,000"),
        ({"published": "13 May 2024"}, "is not YYYY-MM-DD"),
        ({"published": "0001-01-01"}, "outside 1000-2999"),
        ({"truncated": "yes"}, "'truncated' must be true or false"),
        ({"people": {"name": "A"}}, "'people' must be a list"),
        ({"people": [{"name": f"P{i}"} for i in range(501)]}, "more than 500 tags"),
        ({"topics": [{"name": "T", "state": "rejected"}]}, "'state' must be one of"),
    ],
)
def test_each_field_is_checked(tmp_path, change, reason):
    code, _, err = ingest_records(tmp_path, OTHER, {**GOOD, **change})
    assert code == 1 and "in.jsonl line 2: " in err and reason in err, err
    assert Article.objects.count() == 1


def test_deep_nesting_and_malformed_lines_fail_alone_and_the_run_goes_on(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000 + "\n"
    write(tmp_path / "run" / "a.jsonl", jsonl(GOOD, deep, "{not json\n", [1, 2], OTHER))
    write(tmp_path / "run" / "b.txt", "Headline: Talks resume\n\nNegotiators met again on Friday.")
    code, out, err = run_ingest(tmp_path / "run")
    assert code == 1 and "Traceback" not in err
    assert "a.jsonl line 2: nested too deeply" in err
    assert "a.jsonl line 3: not JSON" in err
    assert "a.jsonl line 4: a record must be a JSON object, not list" in err
    assert "3 created" in out and "3 failed" in out
    assert set(Article.objects.values_list("headline", flat=True)) == {
        GOOD["headline"],
        OTHER["headline"],
        "Talks resume",
    }


def test_strings_are_cleaned_of_control_characters_and_non_characters(tmp_path):
    dirty = {
        "headline": "Port\x01 strike\ufffe ends",
        "body": "Dock\x00 workers\x1b went\ud800 back\U0010ffff.\tThen\x0cmore.",
        "people": [{"name": "Ann\x07 Lee", "aliases": ["A.\x1f Lee"], "role": "mayor\x08"}],
    }
    code, _, err = ingest_records(tmp_path, dirty)
    assert code == 0, err
    article = Article.objects.get()
    assert article.headline == "Port strike ends"
    assert article.body == "Dock workers went back.\tThen\nmore."
    person = Person.objects.get()
    assert (person.name, person.aliases) == ("Ann Lee", ["A. Lee"])
    assert Client().get("/feeds/latest/").status_code == 200


def test_import_line_raises_only_record_errors():
    with pytest.raises(RecordError):
        import_line("[" * 100_000)
    with pytest.raises(RecordError):
        import_line('{"headline": "A", "body": "B", "people": [{"name": "X", "aliases": [1]}]}')


# Fuzz: arbitrary JSON values and arbitrary lines never raise anything but a named failure.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children)
    ),
    max_leaves=12,
)
record_like = st.fixed_dictionaries(
    {"headline": st.text(min_size=1, max_size=30), "body": st.text(min_size=1, max_size=60)},
    optional={
        "slug": json_values,
        "published": json_values | st.dates().map(str),
        "truncated": json_values,
        "people": st.lists(
            st.fixed_dictionaries(
                {"name": json_values | st.text(max_size=10)},
                optional={"aliases": json_values, "role": json_values, "state": json_values},
            ),
            max_size=3,
        )
        | json_values,
        "countries": st.lists(
            st.fixed_dictionaries(
                {"name": st.text(max_size=10)}, optional={"code": json_values | st.text(max_size=3)}
            ),
            max_size=3,
        ),
        "topics": json_values,
    },
)
lines = st.one_of(
    record_like.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=80).filter(lambda s: "\n" not in s and "\r" not in s),
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fuzzed=st.lists(lines, min_size=1, max_size=4))
def test_fuzzed_lines_never_raise_and_the_good_record_goes_in(tmp_path, fuzzed):
    Article.objects.all().delete()
    marker = {"headline": "Marker story", "body": "A marker story that is always valid here."}
    path = write(tmp_path / "fuzz.jsonl", "\n".join([*fuzzed, json.dumps(marker)]) + "\n")
    err = io.StringIO()
    with contextlib.suppress(SystemExit):  # a bad record: exit status 1, its line named
        call_command("ingest", str(path), verbosity=0, stderr=err)
    assert "Traceback" not in err.getvalue()
    assert Article.objects.filter(headline="Marker story").exists()
    for article in Article.objects.all():
        assert Client().get(article.get_absolute_url()).status_code == 200
