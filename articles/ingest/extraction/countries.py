"""Countries and regions: read off the tokens with the gazetteer, longest phrase first.

A phrase that names a country is a place, never part of a person's name; a region ("Central
Asia", "EU") is a place too but names no country. Editors' rejected countries are dropped last.
"""

from articles.ingest.extraction.mentions import CountryMention
from articles.ingest.extraction.name_lists import given_names
from articles.ingest.extraction.tokens import CONNECTORS, namelike
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import COURTESY_TITLES

# Prefixes before "American" that make it the Americas': "Inter-American", "Pan-American".
REGION_PREFIXES = frozenset(("inter", "pan"))


def mark_places(tokens, gaz):
    """Mark tokens that name countries or regions, longest phrase first."""
    i, n = 0, len(tokens)
    while i < n:
        best, start = None, i
        phrase = ""
        for j in range(i, min(n, i + gaz.max_words)):
            tok = tokens[j]
            if j > i:
                if tok.gap.startswith("nick:") or (
                    tok.gap and not set(tok.gap.split()) <= CONNECTORS
                ):
                    break
                phrase += " " + (fold(tok.gap) + " " if tok.gap else "")
            phrase += tok.key
            if j == i and phrase in gaz.capitals_only and not tok.text.replace(".", "").isupper():
                break  # "Un" in "Kim Jong Un" is not the UN
            if phrase in gaz.regions:
                best = (j, "")
            elif phrase in gaz.lookup:
                best = (j, gaz.lookup[phrase])
            if phrase not in gaz.prefixes:
                break
        if best is None and tokens[i].text == "New":
            # "New Mexico", "New South Wales", "New Bern": a place of its own that the
            # gazetteer does not hold, not Mexico, Wales or Bern ("New York" is held)
            i += 1
            while i < n and i < start + 3 and not tokens[i].gap and namelike(tokens[i]):
                i += 1
            continue
        if best is None and "-" in tokens[i].text:
            # "China-Africa forum": each part of a hyphenated word may name a country; but
            # "Inter-American" and "Pan-American" are the Americas' ("Trans-Canada" is Canada's)
            parts = tokens[i].key.split("-")
            if parts[0] in REGION_PREFIXES and parts[1:] == ["american"]:
                parts = []
            codes = [gaz.lookup[p] for p in parts if p in gaz.lookup]
            if codes:
                tokens[i].place, tokens[i].kind = codes, "place"
            i += 1
            continue
        if best is not None:
            j, code = best
            if (
                code
                and j == i
                and tokens[i].key in gaz.ambiguous
                and i + 1 < n
                and namelike(tokens[i + 1])
            ):
                i += 1  # "Jordan Bardella": a first name, not a country
                continue
            if code and j == i and _after_given_name(tokens, i):
                i += 1  # "Wayne Jordan", "Ann Chad": a surname, not a country
                continue
            if (
                code
                and j == i
                and i
                and not tokens[i].gap
                and tokens[i - 1].text in COURTESY_TITLES
            ):
                i += 1  # "Mr Jordan", "Dr Oman": a surname, not a country
                continue
            for k in range(i, j + 1):
                tokens[k].place, tokens[k].kind = [], "place"
            tokens[i].place, tokens[i].place_end = [code] if code else [], tokens[j].end
            i = j + 1
        else:
            i += 1


def _after_given_name(tokens, i):
    """Token i follows a given name in the same name ("Wayne Jordan")."""
    if i == 0 or tokens[i].gap or tokens[i].text.isupper():
        return False
    before = tokens[i - 1]
    return before.kind != "place" and namelike(before) and before.key in given_names()


def country_mentions(countries, known):
    """CountryMentions for {code: [(start, end)]}, without the codes editors rejected."""
    return [
        CountryMention(code, sorted(spans))
        for code, spans in countries.items()
        if code not in known.rejected_countries
    ]
