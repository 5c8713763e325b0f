"""Country names, demonyms and cities, and the regions that are not countries.

Built once per process from `data/countries.json` (curated: names as news media write them,
demonyms, capitals and major cities) with pycountry's ISO names and official names on top.
"""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from articles import text

DATA = Path(__file__).with_name("data")


def _fold(phrase):
    return text.fold(phrase).strip()


_fold_name = lru_cache(maxsize=50_000)(_fold)


def fold(phrase):
    """Return the lookup key of a name or word: `articles.text.fold`, without outer whitespace.

    Names and words are cached, since the extractor folds the same ones over and over; long texts
    are not (a cache of whole stories would grow the ingest process with every story).
    """
    return _fold_name(phrase) if len(phrase) <= 80 else _fold(phrase)


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    aliases: tuple


@dataclass
class Gazetteer:
    countries: dict  # code -> CountryInfo
    lookup: dict  # folded phrase -> code
    regions: frozenset  # folded phrases that are regions, never countries
    ambiguous: frozenset  # folded phrases that are also first names or common words
    max_words: int
    subdivisions: frozenset  # folded ISO 3166-2 names (states, provinces): places, never people
    prefixes: frozenset  # every leading part of a multi-word phrase, to stop a lookup early
    capitals_only: frozenset  # abbreviations ("US", "UN") that match only when written in capitals
    cities: frozenset = frozenset()  # folded phrases that name a city, not the country itself
    # folded names of the states and provinces of federations whose towns share names with
    # places abroad ("Paris, Texas", "Perth, Ontario"), to the federation's code
    states: dict = field(default_factory=dict)

    def country(self, code):
        return self.countries.get(code)


@lru_cache(maxsize=1)
def load():
    """Return the Gazetteer, built once per process."""
    curated = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    regions = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    countries = _countries(curated)
    lookup, ambiguous = _lookup(curated, countries)
    region_keys = frozenset(fold(r) for r in regions)
    for key in region_keys:
        lookup.pop(key, None)
    max_words = max(len(k.split()) for k in list(lookup) + list(region_keys))
    subdivisions = frozenset(fold(s.name) for s in pycountry.subdivisions if " " in s.name)
    prefixes = frozenset(
        " ".join(words[:n])
        for key in (*lookup, *region_keys)
        for words in [key.split()]
        for n in range(1, len(words))
    )
    abbreviations = {
        fold(p)
        for entry in curated.values()
        for p in [*entry.get("aliases", []), *entry.get("demonyms", [])]
        if p.replace(".", "").isupper() and len(p) <= 6
    } | {fold(r) for r in regions if r.replace(".", "").isupper() and len(r) <= 6}
    return Gazetteer(
        countries,
        lookup,
        region_keys,
        frozenset(ambiguous),
        max_words,
        subdivisions,
        prefixes,
        frozenset(abbreviations),
        _city_keys(curated, lookup),
        _states(lookup),
    )


# Federations whose towns are often named after places abroad and written "Town, State".
FEDERATIONS = ("US", "CA", "AU")


def _states(lookup):
    """{folded state or province name: its country's code} for `FEDERATIONS`; a name that is
    also a country's ("Georgia") is left out."""
    return {
        fold(s.name): s.country_code
        for code in FEDERATIONS
        for s in pycountry.subdivisions.get(country_code=code)
        if s.type in ("State", "Province", "Territory", "District") and fold(s.name) not in lookup
    }


@lru_cache(maxsize=1)
def country_names():
    """Folded names of the countries themselves, never a demonym or a city: "new zealand",
    "canada", "united states"."""
    return frozenset(
        key
        for info in load().countries.values()
        for name in (info.name, *info.aliases)
        if (key := fold(name))
    )


def _city_keys(curated, lookup):
    """Folded city names that stand for their country in the lookup ("toronto"), but not where a
    city shares its name with the country ("singapore", "monaco")."""
    names = {
        fold(p)
        for entry in curated.values()
        for p in [entry.get("name", ""), *entry.get("aliases", []), *entry.get("demonyms", [])]
    }
    return frozenset(
        key
        for entry in curated.values()
        for city in entry.get("cities", [])
        if (key := fold(city)) in lookup and key not in names
    )


def _countries(curated):
    """{code: CountryInfo}: pycountry's countries named as the curated file says, then the rest."""
    countries = {}
    for record in pycountry.countries:
        code = record.alpha_2
        entry = curated.get(code, {})
        name = entry.get("name") or getattr(record, "common_name", None) or record.name
        aliases = {
            record.name,
            getattr(record, "official_name", record.name),
            *entry.get("aliases", []),
        } - {name}
        countries[code] = CountryInfo(code, name, tuple(sorted(aliases)))
    for code, entry in curated.items():
        if code not in countries:
            countries[code] = CountryInfo(
                code, entry["name"], tuple(sorted(entry.get("aliases", [])))
            )
    return countries


def _lookup(curated, countries):
    """({folded phrase: code}, folded ambiguous phrases).

    Curated forms go in first, so they win over pycountry's formal names on a clash.
    """
    lookup, ambiguous = {}, set()

    def add(phrase, code):
        key = fold(phrase)
        if key.startswith("the "):
            key = key[4:]
        if key:
            lookup.setdefault(key, code)

    for code, entry in curated.items():
        for phrase in [
            entry.get("name", ""),
            *entry.get("aliases", []),
            *entry.get("demonyms", []),
            *entry.get("cities", []),
        ]:
            add(phrase, code)
        ambiguous.update(fold(a) for a in entry.get("ambiguous", []))
    for info in countries.values():
        for phrase in (info.name, *info.aliases):
            add(phrase, info.code)
    return lookup, ambiguous
