"""Entity extraction: people, organisations, countries and topics in English news text.

`extract(text, known)` is a pure function of the text and of what editors have already decided
(`KnownEntities`), so it is easy to test and to swap for a statistical model. Its phases are
modules:

- `scan`: one regular expression finds the runs of capitalised words (`tokens`); each run is
  read by itself once (`candidates`: titles taken off the front as the role, organisations
  recognised by their words) and its candidates are checked against the text around them
  (`context`);
- `countries`: countries and regions read off the runs with the gazetteer;
- `people`: full names become people, surnames and aliases resolve to the nearest full name;
- `organisations`: names built on organisation words, acronyms the text defines, and the
  well-known and confirmed organisations by name and alias (never a person's name or a place);
- topics: the keyword rules of `articles.ingest.topics`;
- `known`: editors' decisions, applied by every phase (confirmed names recognised, rejected
  ones never proposed).
"""

from collections import Counter

from articles.ingest.extraction.countries import country_mentions
from articles.ingest.extraction.known import NOTHING_KNOWN, KnownEntities
from articles.ingest.extraction.mentions import (
    CountryMention,
    Extraction,
    OrganisationMention,
    PersonMention,
    TopicMention,
)
from articles.ingest.extraction.organisation_words import HEADS
from articles.ingest.extraction.organisations import organisations
from articles.ingest.extraction.people import people
from articles.ingest.extraction.scan import scan
from articles.ingest.gazetteer import fold

__all__ = [
    "CountryMention",
    "Extraction",
    "KnownEntities",
    "NOTHING_KNOWN",
    "OrganisationMention",
    "PersonMention",
    "TopicMention",
    "extract",
    "preload",
]


def extract(text, known=None):
    """Extract people, organisations, countries and topics from `text`. Spans are offsets into
    `text`."""
    known = known or NOTHING_KNOWN
    found = scan(text)
    persons = people(text, found, known)
    orgs = organisations(
        text,
        known,
        [span for p in persons for span in p.spans],
        _short(persons, text),
        found.runs,
    )
    return Extraction(
        _not_organisations(persons, orgs, known),
        country_mentions(found.countries, known),
        topic_mentions(text, found.words, known),
        orgs,
    )


def preload():
    """Load the word lists and gazetteers the phases otherwise read on first need (about a
    quarter of a second), so that a process extracting many texts (`manage.py ingest`, a
    benchmark) pays for them before its first text rather than inside it. Caches of runs stay
    empty.

    Then everything loaded so far is frozen out of the garbage collector's sight (`gc.freeze`):
    the lists live as long as the process, and Python's full collections would otherwise walk
    them again and again while a stream of texts allocates (a tenth of extraction's time,
    measured on CoNLL-2003 train)."""
    import gc

    from wordfreq import zipf_frequency

    from articles.ingest import gazetteer
    from articles.ingest.extraction import name_lists
    from articles.ingest.extraction.organisation_book import company_book
    from articles.ingest.extraction.organisation_cues import currency_codes

    gazetteer.load()
    name_lists.given_names()
    name_lists.surnames(name_lists.NAME_LIKE_SURNAMES)
    name_lists.surnames(name_lists.COMMON_SURNAMES)
    name_lists.surnames(name_lists.ALL_SURNAMES)
    name_lists.city_phrases()
    name_lists.cities()
    name_lists.dictionary()
    company_book()  # and name_lists.companies() under it
    currency_codes()
    zipf_frequency("news", "en")  # reads wordfreq's English table
    name_lists.word_frequencies("es")  # and its Spanish one (`name_lists.spanish_phrase`)
    gc.collect()
    gc.freeze()


def _not_organisations(persons, orgs, known):
    """The people, less those whose full name the story also gives an organisation ("won it for
    Gor Mahia" where "Gor Mahia coach Francis Odhiambo" says club): the organisation's rule read
    words beside the name that say what it is. Less, too, those named only inside an
    organisation's name ("the Council of Atacameño Peoples", "Fundação Getulio Vargas"). An
    editor's confirmed person stays."""
    if not persons or not orgs:
        return persons
    names = {fold(form) for org in orgs for form in (org.name, *org.aliases)}
    org_spans = [span for org in orgs for span in org.spans]
    firms_short = {fold(_before_trade(org.name)) for org in orgs if org.kind == "company"}
    kept = []
    for person in persons:
        if fold(person.name) in known.people:
            kept.append(person)
        elif (
            fold(person.name) not in names
            and not _only_inside(person.spans, org_spans)
            and (person.role or fold(person.name) not in firms_short)
        ):
            # a surname the organisation phase read as the family's firm ("meatpacker Tavares"
            # after "Renata Tavares") is the firm's mention, not hers
            claimed = set(org_spans)
            person.spans = [span for span in person.spans if span not in claimed]
            kept.append(person)
    return kept


def _before_trade(name):
    """A firm's name without the company words that end it: "Adjei Crest" of "Adjei Crest
    Minerals", whose later "Adjei Crest had bought" is the firm, not a person."""
    words = name.split()
    while len(words) > 2 and words[-1] in HEADS and HEADS[words[-1]] == "company":
        words.pop()
    return " ".join(words)


def _short(persons, text):
    """The spans where a person is named by part of their name: a surname alone, a shorter
    form ("Al Shamsi" of "Omar Al Shamsi")."""
    return frozenset(
        span
        for p in persons
        for span in p.spans
        if set(text[span[0] : span[1]].split()) < set(p.name.split())
    )


def _only_inside(spans, org_spans):
    """Every one of `spans` lies inside one of `org_spans`."""
    return all(any(s <= start and end <= e for s, e in org_spans) for start, end in spans)


def topic_mentions(text, words, known):
    """The topics the keyword rules find in `text`, without the ones editors rejected."""
    counts = Counter(map(str.lower, words))
    return [
        TopicMention(slug, score)
        for slug, score in known.topic_rules.score(text.lower(), counts)
        if slug not in known.rejected_topics
    ]
