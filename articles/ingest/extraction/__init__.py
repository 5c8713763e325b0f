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
]


def extract(text, known=None):
    """Extract people, organisations, countries and topics from `text`. Spans are offsets into
    `text`."""
    known = known or NOTHING_KNOWN
    found = scan(text)
    persons = people(text, found, known)
    orgs = organisations(text, known, [span for p in persons for span in p.spans])
    return Extraction(
        _not_organisations(persons, orgs, known),
        country_mentions(found.countries, known),
        topic_mentions(text, found.words, known),
        orgs,
    )


def _not_organisations(persons, orgs, known):
    """The people, less those whose full name the story also gives an organisation ("won it for
    Gor Mahia" where "Gor Mahia coach Francis Odhiambo" says club): the organisation's rule read
    words beside the name that say what it is. An editor's confirmed person stays."""
    if not persons or not orgs:
        return persons
    names = {fold(form) for org in orgs for form in (org.name, *org.aliases)}
    return [
        person
        for person in persons
        if fold(person.name) not in names or fold(person.name) in known.people
    ]


def topic_mentions(text, words, known):
    """The topics the keyword rules find in `text`, without the ones editors rejected."""
    counts = Counter(map(str.lower, words))
    return [
        TopicMention(slug, score)
        for slug, score in known.topic_rules.score(text.lower(), counts)
        if slug not in known.rejected_topics
    ]
