"""The organisations the extractor knows by name: the shipped list of well-known ones and the
ones editors confirmed, as an `OrganisationBook` that finds their names in a run's tokens.

The shipped list (data/organisations.json) becomes Organisation rows with `well_known` set
(migration 0011); editors change it in the admin, and `store.known_entities()` builds the book
from the database. Without a database (tests, benchmarks) the file itself is the default book.
"""

import json
import re
from dataclasses import dataclass, field
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

    exact: dict = field(default_factory=dict)  # "NATO" -> (name, aliases)
    folded: dict = field(default_factory=dict)  # "european union" -> (name, aliases)
    # The folded first word of each folded form -> the most words a form opened by it has: where
    # a look-up may start, and how far it need look.
    firsts: dict = field(default_factory=dict)
    # Forms as written that open with a lower-case letter ("al-Qaeda", "easyJet", "eNCA"): no
    # run of capitalised words holds them, so the text is searched for them (`lower_case_hits`).
    lower_case: dict = field(default_factory=dict)

    @classmethod
    def compile(cls, organisations):
        """organisations: iterable of (name, aliases)."""
        book = cls()
        for name, aliases in organisations:
            book.add(name, aliases)
        return book

    def add(self, name, aliases=(), entry=None):
        """Know `name` and `aliases` as forms of (name, aliases), or of `entry`."""
        # rebuilt from the grown book on their next use
        self.__dict__.pop("_spoken_forms", None)
        self.__dict__.pop("_opening_words", None)
        self.__dict__.pop("_lower_case_re", None)
        entry = entry or (name, tuple(aliases))
        for form in (name, *aliases):
            form = " ".join(form.split())
            if not form:
                continue
            if form[0].islower():
                self.lower_case.setdefault(form, entry)
            if acronym_like(form):  # one word: acronyms have no spaces
                self.exact.setdefault(form, entry)
            else:
                self.folded.setdefault(fold(form), entry)
                first = fold(form.split(" ", 1)[0])
                self.firsts[first] = max(self.firsts.get(first, 0), form.count(" ") + 1)

    def get(self, phrase):
        """The entry of a form of a name, "and" standing for the "&" it writes ("Procter and
        Gamble" for "Procter & Gamble"), or None."""
        found = self.exact_form(phrase) or self.folded.get(fold(phrase))
        if found is None and " and " in phrase:
            found = self.folded.get(fold(phrase.replace(" and ", " & ")))
        return found

    def exact_form(self, word):
        """The entry of an acronym as written, or as house styles that write acronyms spoken as
        words in title case write it ("Nato", "Opec", "Unicef" for NATO, OPEC, UNICEF)."""
        return self.exact.get(word) or self._spoken().get(word)

    def _spoken(self):
        """{"Nato": entry} for the book's acronyms that may be spoken as words, built on first
        use: the word lists it reads are loaded only by processes that extract."""
        spoken = self.__dict__.get("_spoken_forms")
        if spoken is None:
            spoken = self.__dict__["_spoken_forms"] = {
                form.title(): entry
                for form, entry in self.exact.items()
                if form.isalpha() and form.isupper() and spoken_acronym(form.title())
            }
        return spoken

    def hits(self, run, tokens):
        """The phrases of a run this book knows, [(i, j, entry)], cached per run: a book lives
        as long as the editors' decisions it was made from, and news repeats its runs."""
        cache = self.__dict__.setdefault("_hits", {})
        found = cache.get(run)
        if found is None:
            if len(cache) >= 20_000:  # bounded: ingest memory stays flat
                cache.clear()
            openers = self._openers()
            if any(t[4] in openers or t[2] in openers for t in tokens):
                found = tuple(self.lookups(tokens))
            else:
                found = ()  # most runs: no word of theirs opens a form the book knows
            cache[run] = found
        return found

    def lower_case_hits(self, text):
        """(span, entry) of each form opening with a lower-case letter written in `text`, as
        a whole word ("Fighters of al-Qaeda attacked"; not the "ifo" of "info")."""
        if not any(form in text for form in self.lower_case):
            return []  # most texts: a substring search each is cheaper than the expression
        pattern = self.__dict__.get("_lower_case_re")
        if pattern is None:
            forms = sorted(self.lower_case, key=len, reverse=True)
            pattern = self.__dict__["_lower_case_re"] = re.compile(
                "(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])"
            )
        return [
            (m.span(), self.lower_case[m.group()])
            for m in pattern.finditer(text)
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-")
        ]  # the word's start is checked after a match: a look-behind first is dearer

    def _openers(self):
        """Every word a form may open with: folded (`firsts`) and as written (acronyms, and the
        words they are spoken as). A run none of whose words is one holds no form."""
        openers = self.__dict__.get("_opening_words")
        if openers is None:
            openers = self.__dict__["_opening_words"] = frozenset(
                (*self.firsts, *self.exact, *self._spoken())
            )
        return openers

    def lookups(self, tokens):
        """(i, j, entry) for the longest phrases tokens[i..j] the book knows, left to right."""
        n, i = len(tokens), 0
        spoken = self._spoken()
        while i < n:
            # a form of more words has no fewer tokens: the words joining tokens ("of the")
            # count as words of the form
            word = tokens[i][2]
            longest = self.firsts.get(tokens[i][4], 0) or (word in self.exact or word in spoken)
            hit = None
            for j in range(min(n, i + longest) - 1, i - 1, -1):
                if any(tokens[k][3].startswith("nick:") for k in range(i + 1, j + 1)):
                    continue
                entry = self.get(phrase_of(tokens, i, j))
                if entry:
                    hit = (i, j, entry)
                    break
            if hit:
                yield hit
                i = hit[1] + 1
            else:
                i += 1


def acronym_like(form):
    """'NATO', 'U.N.', 'G7', 'OPEC+', 'AfDB': matched with their case."""
    letters = [c for c in form if c.isalpha()]
    return (
        " " not in form
        and bool(letters)
        and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)
    )


def spoken_acronym(word):
    """A title-case word of four letters or more that is no dictionary word and no common name:
    it may be an acronym spoken as a word ("Nato", "Fifa"); "Care", "Isis" and "Sana" are not."""
    if len(word) < 4 or not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    key = fold(word)
    return not (
        name_lists.plain_word(key)
        or key in name_lists.given_names()
        or key in name_lists.surnames(name_lists.NAME_LIKE_SURNAMES)
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
    book = OrganisationBook()
    for name, found in forms.items():
        entry = (name, tuple(f for f in found if f != name))
        for form in found:  # the name itself only if it passed the list's filter ("Next")
            book.add(form, entry=entry)
    return book


def phrase_of(tokens, i, j):
    words = [tokens[i][2]]
    for k in range(i + 1, j + 1):
        if tokens[k][3]:
            words.append(tokens[k][3])
        words.append(tokens[k][2])
    return " ".join(words)
