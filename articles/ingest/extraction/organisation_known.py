"""Organisations known by name in a run: editors' book (the shipped list and the confirmed
ones), the acronyms and short names a story defined, and the listed companies.

A known name still has to stand for the organisation where it is written: a name that opens or
ends a longer one belongs to the longer name ("Hyundai Engineering", "San Antonio Spurs"), a
company's name before a model number is a product's ("Boeing 707"), a name a person holds there
is the person's ("Bloomberg"), and a name that is also an everyday word ("Labour", "Shell")
counts only where nothing says it is the word.
"""

import re

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.mentions import overlaps
from articles.ingest.extraction.organisation_book import acronym_like, company_book, phrase_of
from articles.ingest.extraction.organisation_cues import compound_adjective, credit, defined_after
from articles.ingest.extraction.organisation_words import (
    FACILITY_OPENERS,
    LEADING_NOISE,
    PERSON_TITLES,
    TOLD_BEFORE,
)
from articles.ingest.extraction.tokens import is_title
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import BODY_OPENERS, ROLE_NOUNS


def known_names(story, start, end, run, tokens, claimed):
    """The run's names the book knows, the story defined or a listed company bears; adds their
    spans to `claimed`."""
    text, found, book = story.text, story.found, story.book
    if text[end : end + 1] == "+" and (entry := book.get(tokens[-1][2] + "+")):
        span = (start + tokens[-1][0], end + 1)  # "OPEC+": the run stops before the "+"
        claimed.append(span)
        found.add(entry[0], span, "other", entry[1])
    if text[end : end + 2] in ("'s", "’s") and (
        entry := _listed_possessive(story, start, end, tokens)
    ):
        span = (start, end + 2)  # "Moody's said": the run stops before the "'s"
        claimed.append(span)
        found.add(text[span[0] : span[1]], span, "company", company_forms(entry))
    # A known name opening a longer one is that name's ("Hyundai Engineering", "Al Ahly
    # Pharos"); a title after it is not ("Taliban Foreign Minister"). One ending a longer one is
    # that name's too ("San Antonio Spurs").
    known = book.hits(run, tokens)
    hits = [
        _national_society(tokens, h)
        for h in known
        if _known_alone(tokens, h[0], h[1]) and not _named_before(tokens, h[0])
    ]
    if found.defined.exact or found.defined.folded:
        # What the story defined goes first where both start on one word, and so wins: "Indian
        # Oil Corp (IOC)" makes a later "IOC" the company's, not the Olympic committee's.
        hits = sorted([*found.defined.lookups(tokens), *hits], key=lambda h: h[0])
    if hits:
        _add_known(story, start, tokens, hits, claimed, "other")
    listed = company_book().hits(run, tokens)
    if listed:
        companies = [
            hit
            for hit in listed
            if _company_alone(text, start, tokens, hit) and not _named_before(tokens, hit[0])
        ]
        _add_known(story, start, tokens, companies, claimed, "company")
    # "told Reuters Germany would ...": two names, not Reuters' unit in Germany
    if (known or listed) and not text.endswith(TOLD_BEFORE, 0, start):
        for hit in known:
            _national_unit(story, start, tokens, hit, claimed, "other")  # "Greenpeace Germany"
        for hit in listed:
            _national_unit(story, start, tokens, hit, claimed, "company")


def _national_unit(story, start, tokens, hit, claimed, kind):
    """A known name and a country's or a region's that end the run name the organisation's unit
    there: "Toyota Australia", "Microsoft India", "Greenpeace Africa" (tagged as written); an
    exchange group's and a city's, its market there ("Euronext Lisbon", "Nasdaq Stockholm")."""
    i, j, entry = hit
    rest = tokens[j + 1 :]
    branch = _branch_of_place(tokens, i, j)
    if (
        not rest
        or any(t[3] for t in rest[1 if branch else 0 :])
        or (rest[0][3] and not branch)
        or _named_before(tokens, i)
    ):
        return
    key = " ".join(t[4] for t in rest)
    gaz = gazetteer.load()
    if key in gaz.cities:
        if entry[0] not in EXCHANGE_GROUPS and not branch:
            # a city after a name is where it is, but an exchange group's market's, and an
            # institute's branch named for its city ("Institut Pasteur de Dakar")
            return
    elif not (isinstance(gaz.lookup.get(key), str) or key in gaz.regions):
        return  # a country or a region ("Greenpeace Africa", "Nikkei Asia")
    span = (start + tokens[i][0], start + tokens[-1][1])
    name = story.text[span[0] : span[1]]
    if overlaps(span, claimed) or overlaps(span, story.people) or fold(name) in story.rejected:
        return
    claimed.append(span)
    story.found.add(name, span, kind)


# "of" in French, Spanish, Portuguese and Italian, before the place an institute's branch is named
# for: "Institut Pasteur de Dakar".
PLACE_PARTICLES = frozenset(("de", "du", "di", "da", "do"))


def _branch_of_place(tokens, i, j):
    """tokens[i:j + 1] are a known institute's name, and "de" and one word, as a place may be,
    follow: "Institut Pasteur de Dakar" (`_national_unit` reads the place)."""
    return (
        j + 2 == len(tokens)
        and tokens[j + 1][3] in PLACE_PARTICLES
        and tokens[i][2] in BODY_OPENERS
    )


# Groups that run stock exchanges in several cities, each named "Group City".
EXCHANGE_GROUPS = frozenset(("Euronext", "Nasdaq"))
# Movements whose national societies carry their country's name: "the Kenya Red Cross", "the
# Turkish Red Crescent" are each a society of their own.
NATIONAL_SOCIETIES = frozenset(("Red Cross", "Red Crescent"))


def _national_society(tokens, hit):
    """The hit, or the national society a country's name or demonym before it names."""
    i, j, entry = hit
    if entry[0] not in NATIONAL_SOCIETIES or i == 0 or tokens[i][3]:
        return hit
    gaz, key = gazetteer.load(), tokens[i - 1][4]
    if not isinstance(gaz.lookup.get(key), str) or key in gaz.cities:
        return hit  # a city's branch ("Lagos Red Cross") is the society's
    return i - 1, j, (phrase_of(tokens, i - 1, j), ())


def _listed_possessive(story, start, end, tokens):
    """The company book's entry for a one-word run and the "'s" after it ("Moody's",
    "Sainsbury's"), unless the word is a person's here; else None. The caller has seen the
    "'s" (most runs have none, and skip the call)."""
    text = story.text
    if (
        len(tokens) == 1
        and not text[end + 2 : end + 3].isalnum()
        and not overlaps((start, end), story.people)
    ):
        return company_book().get(tokens[0][2] + "'s")
    return None


PRODUCT_NUMBER_RE = re.compile(r" [A-Z]?\d")  # a model after a maker: "Airbus A310", "Boeing 707"


NUMBER_BEFORE_RE = re.compile(r"\d ?$")


def _company_alone(text, start, tokens, hit):
    """A listed company's name that is not the start of a longer name ("HSBC Markets") nor a
    product's ("Boeing 707", "Airbus A310")."""
    i, j = hit[0], hit[1]
    if j + 1 < len(tokens) and not tokens[j + 1][3] and tokens[j + 1][2] not in PERSON_TITLES:
        return False
    if (
        i == j
        and len(tokens[i][2]) <= 3
        and NUMBER_BEFORE_RE.search(text, max(0, start - 2), start)
    ):
        return False  # "5 BP": a unit after a number (basis points), not the company
    return not PRODUCT_NUMBER_RE.match(text, start + tokens[j][1])


def _named_before(tokens, i):
    """A word of a longer name stands right before tokens[i] in its run ("San Antonio Spurs",
    "Mitsubishi UFJ Morgan Stanley"): not "The", a day, a title, a place or a demonym ("Kenyan
    Simba", "Scottish Labour"), a word of the dictionary that is no name or a role
    ("Conglomerate Bollore", "Islamist Hamas"), nor a code ("W160 Marubeni")."""
    if i == 0 or tokens[i][3]:
        return False
    word, key = tokens[i - 1][2], tokens[i - 1][4]
    if word in FACILITY_OPENERS:
        return True  # "Estadio BBVA": the sponsor's name is the stadium's
    if word in LEADING_NOISE or is_title(word) or word in ROLE_NOUNS or compound_adjective(word):
        return False  # "Third-placed Besiktas", "Rwanda-backed M23": a description
    gaz = gazetteer.load()
    if key in gaz.lookup or key in gaz.regions or any(c.isdigit() for c in word):
        return False
    return not name_lists.plain_word(key)


def _known_alone(tokens, i, j):
    """No capitalised word follows tokens[j] in its run but a title, its members ("MPs") or one
    after a connector, save the place of an institute's branch (`_branch_of_place`, from
    tokens[i])."""
    return (
        j + 1 == len(tokens)
        or (bool(tokens[j + 1][3]) and not _branch_of_place(tokens, i, j))
        or is_title(tokens[j + 1][2])
        or tokens[j + 1][2] in MEMBERS_TITLES
    )


def _add_known(story, start, tokens, hits, claimed, kind):
    text, found = story.text, story.found
    for i, j, entry in hits:
        span = (start + tokens[i][0], start + tokens[j][1])
        if overlaps(span, claimed):
            continue
        if (
            i == j
            and not acronym_like(tokens[i][2])
            and (tokens[i][4] in story.surnames or overlaps(span, story.people))
        ):
            continue  # "Bloomberg" where the text names Michael Bloomberg
        if fold(entry[0]) in story.rejected or credit(text, span):
            continue
        if (
            i == j
            and kind != "company"
            and not acronym_like(tokens[i][2])
            and name_lists.everyday_word(tokens[i][4])
            and not _word_name_alone(text, start, tokens, i)
        ):
            continue
        if kind == "company":  # as the text names it, the list's forms as aliases
            org = found.add(text[span[0] : span[1]], span, kind, company_forms(entry))
        else:
            org = found.add(entry[0], span, kind, entry[1])
        claimed.append(span)
        defined_after(text, span[1], org, found)


# Titles that follow a portfolio, not a party: "Labour Minister", "Labor Secretary".
PORTFOLIO_TITLES = frozenset(("Minister", "Secretary", "Commissioner"))
# The body's people or government after its name: "Labour leader Chris Hipkins", "Fed officials".
MEMBERS_AFTER_RE = re.compile(
    r" (?:leader|lawmakers?|MPs?|candidates?|government|spokes(?:man|woman|person)|officials"
    r"|members|chair(?:man|woman)?)\b"
)
# Members of a party in capitals after its name: "Several Labour MPs from the city".
MEMBERS_TITLES = frozenset(("MPs", "MEPs", "MSPs", "MLAs", "TDs", "Senators", "Councillors"))
# A portfolio of two fields: "Labour and Social Welfare Minister".
PORTFOLIO_AFTER_RE = re.compile(r" and (?:[A-Z][a-z]+ ){1,3}(?:Minister|Ministry|Secretary)\b")


def _word_name_alone(text, start, tokens, i):
    """Whether a known name that is also a common word ("Labour", "Greens", "Fed") stands for
    the organisation at tokens[i]: not inside a longer name or a portfolio ("Labour Day",
    "Minister of Labour", "Labour Minister", "Labour and Social Welfare Minister"), and not a
    sentence's first word ("Labour costs rose") unless its people follow ("Labour leader") or
    the story also writes it mid-sentence."""
    at = start + tokens[i][0]
    if tokens[i][3] == "of" or text.endswith("of ", 0, at):
        return False
    if i + 1 < len(tokens):  # only a title may follow: "Labour MP Jane Doe", "Fed Chair"
        title = tokens[i + 1][2]
        return not tokens[i + 1][3] and (
            (title in PERSON_TITLES and title not in PORTFOLIO_TITLES) or title in MEMBERS_TITLES
        )
    if PORTFOLIO_AFTER_RE.match(text, start + tokens[i][1]):
        return False
    if sentence_start(text, at) and not MEMBERS_AFTER_RE.match(text, start + tokens[i][1]):
        word = re.escape(tokens[i][2])
        # mid-sentence, and neither a portfolio nor the start of a longer name there
        return re.search(rf"(?<=[a-z;])(?<! of) {word}\b(?!(?: and)? [A-Z])", text) is not None
    return True


def company_forms(entry):
    """Every form of a listed company's name (`company_book` entry), or () for None: as aliases,
    they lead the store to one organisation whichever form a story used."""
    return (entry[0], *entry[1]) if entry else ()
