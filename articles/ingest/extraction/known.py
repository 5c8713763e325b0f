"""What editors decided, as the extractor's input: curation outlives re-extraction.

A confirmed person is recognised by any of their names and aliases (even a one-word alias such as
"Lula", or a name in Chinese characters); so is a confirmed or well-known organisation (NATO, "the
EU"); a rejected name, country or topic is never proposed.
"""

import re
from dataclasses import dataclass, field

from articles.ingest.extraction.organisation_book import DEFAULT_BOOK
from articles.ingest.gazetteer import fold
from articles.ingest.topics import DEFAULT_RULES


@dataclass
class KnownEntities:
    """What editors decided: confirmed people by name and alias, names rejected everywhere."""

    people: dict = field(default_factory=dict)  # folded name or alias -> (name, [aliases])
    rejected_people: frozenset = frozenset()  # folded names
    rejected_countries: frozenset = frozenset()  # ISO codes
    rejected_topics: frozenset = frozenset()  # slugs
    # Organisations recognised by name and alias: the well-known and the confirmed ones
    # (organisations.OrganisationBook; by default the shipped list).
    organisations: object = DEFAULT_BOOK
    rejected_organisations: frozenset = frozenset()  # folded names
    topic_rules: object = DEFAULT_RULES
    _cjk_re: object = None

    def __post_init__(self):
        cjk = [k for k in self.people if any("\u3400" <= c <= "\u9fff" for c in k)]
        if cjk:
            self._cjk_re = re.compile(
                "|".join(re.escape(k) for k in sorted(cjk, key=len, reverse=True))
            )

    @classmethod
    def from_people(cls, people, **kwargs):
        """people: iterable of (name, aliases)."""
        index = {}
        for name, aliases in people:
            for form in (name, *aliases):
                index.setdefault(fold(form), (name, list(aliases)))
        return cls(people=index, **kwargs)

    def cjk_names(self, text):
        """Known names in Chinese characters found in `text`: they need no capitalised run."""
        return self._cjk_re.finditer(text) if self._cjk_re is not None else ()


NOTHING_KNOWN = KnownEntities()
