#!/usr/bin/env python
"""Validate countries.json and regions.json (the country gazetteer).

Run:  python articles/ingest/data/check_gazetteer.py
Exits 0 when everything is consistent, 1 otherwise (problems are printed).

Checks:
  * both files parse; countries.json is an object, regions.json a list of strings;
  * every pycountry ISO 3166-1 alpha-2 code (plus "XK", Kosovo) is present,
    and there are no other keys;
  * each entry has name (str) and aliases/demonyms/cities/ambiguous (lists of
    non-empty, trimmed strings) and no other fields; no exact duplicates
    inside an entry;
  * every "ambiguous" string also appears in that entry's name/aliases/
    demonyms/cities;
  * no string is used by two different codes;
  * no region string appears anywhere in countries.json.
Collision checks compare a normalised form (curly apostrophes -> ', accents
stripped, case-folded, whitespace collapsed), so near-duplicates such as
"Côte d’Ivoire" / "Cote d'Ivoire" are treated as the same string.
"""

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
COUNTRIES = HERE / "countries.json"
REGIONS = HERE / "regions.json"
EXTRA_CODES = {"XK"}  # Kosovo: user-assigned, not in ISO 3166-1
LIST_FIELDS = ("aliases", "demonyms", "cities", "ambiguous")
MATCH_FIELDS = ("aliases", "demonyms", "cities")  # plus "name"


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


def main():
    problems = []

    try:
        countries = json.loads(COUNTRIES.read_text(encoding="utf-8"))
        regions = json.loads(REGIONS.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"PARSE ERROR: {exc}")
        return 1
    if not isinstance(countries, dict):
        print("countries.json must be a JSON object")
        return 1
    if not isinstance(regions, list) or not all(isinstance(r, str) and r.strip() for r in regions):
        print("regions.json must be a JSON list of non-empty strings")
        return 1

    # 1. code coverage
    try:
        import pycountry
    except ImportError:
        print("pycountry is not installed (use the project venv)")
        return 1
    expected = {c.alpha_2 for c in pycountry.countries} | EXTRA_CODES
    for code in sorted(expected - set(countries)):
        problems.append(f"missing code {code}")
    for code in sorted(set(countries) - expected):
        problems.append(f"unexpected code {code}")

    # 2. entry shape
    owner = defaultdict(set)  # normalised string -> codes
    shown = {}  # normalised string -> an original spelling
    counts = dict.fromkeys(LIST_FIELDS, 0)
    for code, entry in sorted(countries.items()):
        if not isinstance(entry, dict):
            problems.append(f"{code}: entry is not an object")
            continue
        extra = set(entry) - {"name", *LIST_FIELDS}
        if extra:
            problems.append(f"{code}: unexpected fields {sorted(extra)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            problems.append(f"{code}: bad name {name!r}")
            continue
        seen = [name]
        for field in LIST_FIELDS:
            values = entry.get(field)
            if not isinstance(values, list):
                problems.append(f"{code}.{field}: missing or not a list")
                continue
            counts[field] += len(values)
            for v in values:
                if not isinstance(v, str) or not v.strip() or v != v.strip():
                    problems.append(f"{code}.{field}: bad value {v!r}")
                elif field != "ambiguous":
                    if v in seen:
                        problems.append(f"{code}.{field}: duplicate {v!r}")
                    seen.append(v)
        for a in entry.get("ambiguous") or []:
            if a not in seen:
                problems.append(
                    f"{code}.ambiguous: {a!r} is not a name/alias/demonym/city of {code}"
                )
        for v in seen:
            owner[norm(v)].add(code)
            shown.setdefault(norm(v), v)

    # 3. cross-code collisions
    for key, codes in sorted(owner.items()):
        if len(codes) > 1:
            problems.append(f"collision: {shown[key]!r} used by {sorted(codes)}")

    # 4. regions
    rnorm = defaultdict(list)
    for r in regions:
        rnorm[norm(r)].append(r)
    for key, vals in sorted(rnorm.items()):
        if len(vals) > 1 and len(set(vals)) < len(vals):
            problems.append(f"regions.json: duplicate {vals[0]!r}")
        if key in owner:
            problems.append(f"region {vals[0]!r} also in countries.json under {sorted(owner[key])}")

    for p in problems:
        print("PROBLEM:", p)
    print(
        f"{len(countries)} codes, {counts['aliases']} aliases, {counts['demonyms']} demonyms, "
        f"{counts['cities']} cities, {counts['ambiguous']} ambiguous flags; {len(regions)} regions"
    )
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
