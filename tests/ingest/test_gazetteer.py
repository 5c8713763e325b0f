"""The shipped gazetteer files (articles/ingest/data/countries.json, regions.json) are consistent.

Editors and contributors change these files by hand; a duplicate or a clash between two codes
would silently make one country win a name. Strings are compared in a normalised form (curly
apostrophes straightened, accents stripped, case-folded, whitespace collapsed), so near-duplicates
such as "Côte d’Ivoire" / "Cote d'Ivoire" count as the same string.
"""

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "articles" / "ingest" / "data"
EXTRA_CODES = {"XK"}  # Kosovo: user-assigned, not in ISO 3166-1
LIST_FIELDS = ("aliases", "demonyms", "cities", "ambiguous")


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


@pytest.fixture(scope="module")
def countries():
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def regions():
    data = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def names_of(entry):
    """The entry's name, aliases, demonyms and cities: every string that maps to its code."""
    return [entry["name"], *entry["aliases"], *entry["demonyms"], *entry["cities"]]


def test_every_iso_code_and_no_other(countries):
    expected = {c.alpha_2 for c in pycountry.countries} | EXTRA_CODES
    assert sorted(expected - set(countries)) == []
    assert sorted(set(countries) - expected) == []


def test_entries_have_a_name_and_lists_of_trimmed_strings(countries):
    problems = []
    for code, entry in sorted(countries.items()):
        if set(entry) != {"name", *LIST_FIELDS}:
            problems.append(f"{code}: fields {sorted(entry)}")
            continue
        values = [entry["name"], *(v for f in LIST_FIELDS for v in entry[f])]
        if not all(isinstance(entry[f], list) for f in LIST_FIELDS):
            problems.append(f"{code}: a field is not a list")
        for v in values:
            if not isinstance(v, str) or not v.strip() or v != v.strip():
                problems.append(f"{code}: bad value {v!r}")
    assert problems == []


def test_no_duplicates_within_an_entry(countries):
    problems = []
    for code, entry in sorted(countries.items()):
        seen = names_of(entry)
        problems += [f"{code}: duplicate {v!r}" for v in set(seen) if seen.count(v) > 1]
    assert problems == []


def test_ambiguous_forms_are_forms_of_their_country(countries):
    problems = [
        f"{code}: {a!r}"
        for code, entry in sorted(countries.items())
        for a in entry["ambiguous"]
        if a not in names_of(entry)
    ]
    assert problems == []


def test_no_string_names_two_countries(countries):
    owner = defaultdict(set)
    for code, entry in countries.items():
        for v in names_of(entry):
            owner[norm(v)].add(code)
    assert sorted((key, sorted(codes)) for key, codes in owner.items() if len(codes) > 1) == []


def test_regions_are_unique_strings_and_never_countries(countries, regions):
    assert all(isinstance(r, str) and r.strip() for r in regions)
    assert sorted(r for r in set(regions) if regions.count(r) > 1) == []
    country_forms = {norm(v) for entry in countries.values() for v in names_of(entry)}
    assert sorted(r for r in regions if norm(r) in country_forms) == []
