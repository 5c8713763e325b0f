"""One pass over a text's runs of capitalised words: countries, full names and lone words.

The phases after it (people, countries, topics) read only what the pass collected. A lone
capitalised word takes a fast path (a country, or a surname to resolve later); a longer run is
analysed once per distinct run text (`candidates.analyse_run`) and then checked in context.
"""

import re
from dataclasses import dataclass, field

from articles.ingest import gazetteer
from articles.ingest.extraction.candidates import analyse_run
from articles.ingest.extraction.context import (
    in_context,
    lower_role_before,
    names_a_firm,
    names_a_place,
)
from articles.ingest.extraction.organisation_words import SCORE
from articles.ingest.extraction.tokens import RUN_RE, is_acronym
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import (
    COURTESY_TITLES,
    DAYS_MONTHS,
    FUNCTION_WORDS,
    ORG_WORDS,
    TITLES,
)
from articles.ingest.topics import WORD_EDGE_PUNCTUATION

CJK_ALIAS_RE = re.compile(r"\s*[(（]([\u3400-\u9fff\uf900-\ufaff·・]{1,12})[)）]")
LEADING_NOISE = (FUNCTION_WORDS - TITLES) | DAYS_MONTHS


@dataclass
class Scan:
    """What the pass found, in text order."""

    words: list  # the text's words without edge punctuation (topics count them)
    lower_words: frozenset  # words this text also writes in lower case
    runs: list  # (start, end) of every run of capitalised words (the organisations read them too)
    countries: dict = field(default_factory=dict)  # code -> [(start, end)]
    full: list = field(default_factory=list)  # Candidates of two tokens, or one after a title
    partial: list = field(default_factory=list)  # (start, end, folded key) of lone tokens
    firms: set = field(default_factory=set)  # folded names the story gives to companies
    places: set = field(default_factory=set)  # folded names the story gives to places


def scan(text):
    """Return the Scan of `text`."""
    words = [w.strip(WORD_EDGE_PUNCTUATION) for w in text.split()]
    runs = [m.span() for m in RUN_RE.finditer(text)]
    found = Scan(words, frozenset(filter(str.islower, words)), runs)
    gaz = gazetteer.load()
    lookup, regions, capitals_only = gaz.lookup, gaz.regions, gaz.capitals_only
    countries, partial = found.countries, found.partial
    for start, end in runs:
        word = text[start:end]
        if word.partition(" ")[0] in LEADING_NOISE:
            word, start = _without_leading_noise(word, end, gaz.prefixes)
        if not word or word in TITLES:
            continue
        if " " in word or "-" in word or "’" in word or "'" in word:
            _run(found, text, word, start, end)
            continue
        # Fast path for a lone capitalised word (most runs): a country, or a surname to resolve
        # later. It stays inline because it runs for nearly every capitalised word of a text.
        key = fold(word)
        code = lookup.get(key)
        if key in capitals_only and not word.replace(".", "").isupper():
            code, key = None, word  # "Us", "Un": not the abbreviation
        elif code is not None and COURTESY_TITLE_BEFORE_RE.search(text, max(0, start - 8), start):
            code = None  # "Mr. Jordan", "Dr. Oman": a surname (without the full stop, the title
            # is in the run, and `countries.mark_places` reads it)
        if code is not None:
            if key in gaz.cities and TEAM_SCORE_AFTER_RE.match(text, end):
                continue  # "Toronto 9 Texas 13": a team in a results line, not the country
            if in_another_country(text, end, code, gaz):
                continue  # "Paris, Texas", "Lebanon, Pennsylvania": a town of that state
            countries.setdefault(code, []).append((start, end))
        elif (
            key not in regions
            and not is_acronym(word)
            and (word not in ORG_WORDS or _surname_said_before(found, text, start, key))
        ):
            partial.append((start, end, key))
    return found


def _surname_said_before(found, text, start, key):
    """An organisation's or a place's word alone is the surname of a full name found before it
    ("Park Ji-won ... Park said", "Tony Hall ... Hall said"), unless "the" stands before it
    ("the Park")."""
    return not text.endswith(("the ", "The "), 0, start) and any(
        cand.tokens[-1].key == key or cand.tokens[0].key == key for cand in found.full
    )


# A score or a standings row after a city: "Toronto 9 (10)", "Auckland 21 11 0 10"; never a
# date ("TORONTO 1996-08-22"), a decimal or an amount ("London 5 percent").
TEAM_SCORE_AFTER_RE = re.compile(
    rf"\s+{SCORE}(?!\s*(?:%|percent|per cent|pct|million|billion|mln|bln))"
)


# A title of courtesy with its full stop right before a word: "Mr. ", "Dr. ".
COURTESY_TITLE_BEFORE_RE = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(COURTESY_TITLES))})\. \Z")

# A state's or province's name after a comma ("Paris, Texas,"), where the phrase ends.
STATE_NAME_AFTER_RE = re.compile(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-]| [A-Z])")


def in_another_country(text, end, code, gaz):
    """A place's name at `end` is followed by a state or province of another country: the town
    of that name there ("Birmingham, Alabama", "Lebanon, Pennsylvania"), not `code`."""
    if not text.startswith(", ", end):
        return False  # most places: a look at two characters, before the expression
    m = STATE_NAME_AFTER_RE.match(text, end)
    if m is None:
        return False
    country = gaz.states.get(fold(m.group(1)))
    return country is not None and country != code


def _without_leading_noise(word, end, prefixes):
    """Drop opening words that are never part of a name or place ("On Monday", "The ...").

    Returns (what is left, where it starts); a place that opens with such a word ("New
    Zealand", "South Africa") is kept whole.
    """
    while word.partition(" ")[0] in LEADING_NOISE:
        first, space, rest = word.partition(" ")
        if space and fold(first) in prefixes:
            break
        if not space:
            return "", end
        word = rest.lstrip(" ")
    return word, end - len(word)


def _run(found, text, word, start, end):
    """A run of several words: its places, and its name candidates checked in context."""
    places, candidates, firms = analyse_run(word)
    gaz = gazetteer.load()
    for s, e, codes in places:
        if fold(word[s:e]) in gaz.cities and TEAM_SCORE_AFTER_RE.match(text, e + start):
            continue  # "New York 4 Chicago 10": teams in a results line
        for code in codes:
            if in_another_country(text, e + start, code, gaz):
                continue  # "Birmingham, Alabama"
            found.countries.setdefault(code, []).append((s + start, e + start))
    found.firms.update(firms)
    for raw in candidates:
        if names_a_firm(text, raw, raw.start + start, raw.end + start):
            found.firms.add(" ".join(t.key for t in raw.tokens))
            continue
        if names_a_place(text, raw.start + start, raw.end + start):
            found.places.add(" ".join(t.key for t in raw.tokens))
            continue
        cand = in_context(text, raw, start, found.lower_words)
        if cand is None:
            continue
        if len(cand.tokens) == 1 and not cand.role:
            found.partial.append((cand.start, cand.end, cand.tokens[0].key))
            continue  # a lone word is a name only after a title ("King Birendra")
        if end == cand.end:
            alias = CJK_ALIAS_RE.match(text, cand.end)
            if alias:
                cand.alias = alias.group(1)
        if not cand.role:
            cand.role = lower_role_before(text, cand.start)
        found.full.append(cand)
