"""The organisations the extractor knows by name: the shipped list of well-known ones and the
ones editors confirmed, as an `OrganisationBook` that finds their names in a run's tokens.

The shipped list (data/organisations.json) becomes Organisation rows with `well_known` set
(migration 0011); editors change it in the admin, and `store.known_entities()` builds the book
from the database. Without a database (tests, benchmarks) the file itself is the default book.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.ingest.extraction import name_lists
from articles.ingest.gazetteer import fold


@dataclass(frozen=True)
class ShippedOrganisation:
    name: str
    aliases: tuple
    kind: str
    country: str  # ISO code, or ""


# The shipped list of well-known organisations; migration 0011 makes them Organisation rows with
# `well_known` set, which editors change in the admin. The extractor uses the file only when no
# editors' decisions are given (tests, benchmarks, a dry run outside a database).
SHIPPED = tuple(
    ShippedOrganisation(e["name"], tuple(e.get("aliases", ())), e["kind"], e.get("country", ""))
    for e in json.loads(
        Path(__file__)
        .resolve()
        .parent.parent.joinpath("data", "organisations.json")
        .read_text(encoding="utf-8")
    )
)


@dataclass(eq=False)  # shared as a default, never compared
class OrganisationBook:
    """Organisations recognised by name: acronyms by their exact text, other forms folded."""

    exact: dict  # "NATO" -> (name, aliases)
    folded: dict  # "european union" -> (name, aliases)
    max_words: int = 1
    firsts: set = None  # the folded first words of the folded forms: where a look-up may start

    @classmethod
    def compile(cls, organisations):
        """organisations: iterable of (name, aliases)."""
        book = cls({}, {}, 1, set())
        for name, aliases in organisations:
            book.add(name, aliases)
        return book

    def add(self, name, aliases=(), entry=None):
        """Know `name` and `aliases` as forms of (name, aliases), or of `entry`."""
        entry = entry or (name, tuple(aliases))
        for form in (name, *aliases):
            form = " ".join(form.split())
            if not form:
                continue
            if acronym_like(form):
                self.exact.setdefault(form, entry)
            else:
                self.folded.setdefault(fold(form), entry)
                self.firsts.add(fold(form.split(" ", 1)[0]))
            if len(form.split()) > self.max_words:
                self.max_words = len(form.split())

    def get(self, phrase):
        return self.exact.get(phrase) or self.folded.get(fold(phrase))

    def may_start(self, word, key):
        return word in self.exact or key in self.firsts

    def hits(self, run, tokens):
        """The phrases of a run this book knows, [(i, j, entry)], cached per run: a book lives
        as long as the editors' decisions it was made from, and news repeats its runs."""
        cache = self.__dict__.setdefault("_hits", {})
        found = cache.get(run)
        if found is None:
            if len(cache) >= 20_000:  # bounded: ingest memory stays flat
                cache.clear()
            found = cache[run] = tuple(lookups(tokens, (self,)))
        return found


def acronym_like(form):
    """'NATO', 'U.N.', 'G7', 'OPEC+', 'AfDB': matched with their case."""
    letters = [c for c in form if c.isalpha()]
    return (
        " " not in form
        and bool(letters)
        and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)
    )


DEFAULT_BOOK = OrganisationBook.compile((o.name, o.aliases) for o in SHIPPED)


@lru_cache(maxsize=1)
def company_book():
    """The listed companies (`name_lists.companies`) by every form of their names. A reference
    list, not editors' knowledge: a name found here is proposed like any other, and an editor's
    decision about it wins."""
    forms = {}
    for form, name in name_lists.companies().items():
        forms.setdefault(name, []).append(form)
    book = OrganisationBook({}, {}, 1, set())
    for name, found in forms.items():
        entry = (name, tuple(f for f in found if f != name))
        for form in found:  # the name itself only if it passed the list's filter ("Next")
            book.add(form, entry=entry)
    return book


def lookups(tokens, books):
    """(i, j, entry) for the longest phrases tokens[i..j] some book knows, left to right."""
    n = len(tokens)
    i = 0
    longest = max(b.max_words for b in books)
    while i < n:
        hit = None
        word, key = tokens[i][2], tokens[i][4]  # the token's folded form
        if not any(b.may_start(word, key) for b in books):
            i += 1
            continue
        for j in range(min(n, i + longest) - 1, i - 1, -1):
            if any(tokens[k][3].startswith("nick:") for k in range(i + 1, j + 1)):
                continue
            phrase = phrase_of(tokens, i, j)
            entry = next((e for b in books if (e := b.get(phrase))), None)
            if entry:
                hit = (i, j, entry)
                break
        if hit:
            yield hit
            i = hit[1] + 1
        else:
            i += 1


def phrase_of(tokens, i, j):
    words = [tokens[i][2]]
    for k in range(i + 1, j + 1):
        if tokens[k][3]:
            words.append(tokens[k][3])
        words.append(tokens[k][2])
    return " ".join(words)
