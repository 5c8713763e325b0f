"""What the extractor returns: mentions of people, organisations, countries and topics, with
their spans.

Spans are (start, end) offsets into the text given to `extract()`, so the store can shift them
into the article's body and highlight them there.
"""

from dataclasses import dataclass, field


@dataclass
class PersonMention:
    name: str
    aliases: list = field(default_factory=list)
    role: str = ""
    spans: list = field(default_factory=list)


@dataclass
class OrganisationMention:
    name: str
    aliases: list = field(default_factory=list)  # short forms the text defines ("CCP")
    spans: list = field(default_factory=list)
    kind: str = "other"  # a guess from the name (Organisation.kind), for a new organisation
    country: str = ""  # ISO code of a country the name opens with ("Albanian ..."), or ""


@dataclass
class CountryMention:
    code: str
    spans: list = field(default_factory=list)


@dataclass
class TopicMention:
    slug: str
    score: float


@dataclass
class Extraction:
    people: list
    countries: list
    topics: list
    organisations: list = field(default_factory=list)


def overlaps(span, spans):
    """`span` shares a character with one of `spans` ((start, end) pairs)."""
    return any(span[0] < e and s < span[1] for s, e in spans)
