"""A run's candidate checked against the text around it, and roles written in lower case.

What surrounds a phrase often tells an institution or a place from a person where the phrase
alone cannot: "the Legislative Yuan", "near Debre Berhan", "Security Support (MSS)", "... Front
party". A sentence's first word that the text also writes in lower case is not part of a name.
"""

import re

from articles.ingest import gazetteer
from articles.ingest.extraction.candidates import Candidate
from articles.ingest.extraction.name_lists import (
    ALL_SURNAMES,
    cities,
    city_phrases,
    club_or_venue,
    given_names,
    group_noun,
    in_dictionary,
    is_plural_noun,
    ordinary_words,
    plain_word,
    surnames,
)
from articles.ingest.extraction.organisation_words import (
    ANALYST_AT,
    APPOSITIVE_ONE_OF_RE,
    APPOSITIVE_RE,
    BASED_BEFORE_RE,
    CLUB_NOUNS,
    CLUB_STAFF_AFTER_RE,
    EXAMPLE_OPENERS,
    EXAMPLES_BEFORE_RE,
    FIRM_DOES_RE,
    FIRM_OFFICER_AFTER_RE,
    FIRM_POSSESSIVE_RE,
    FIRM_RESULTS_AFTER_RE,
    FIRM_ROLE_PAIRS,
    FIRM_TRADE_SINGULARS,
    FIRM_TRADES_BEFORE,
    FIRMS_ONLY_BEFORE,
    LEGAL_FORM_AFTER_COMMA_RE,
    MEMBER_NOUNS,
    NOUNS_BEFORE,
    OPENING_CLASS_NOUNS,
    PLACE_COMPOUND_WORDS,
    PLURAL_NOUNS,
    SHARES_AFTER_RE,
    STATION_NOUN,
    STOCK_MOVE_RE,
    TICKER_BRACKET_RE,
    firms_listed_before,
    in_match_report,
    kind_noun_calling,
    listed_before_plural,
    noun_before_comma,
    plural_noun_opening_list,
    product_maker_before,
    said_it_after,
    speaks_as_it,
    staff_after,
    team_after_country,
)
from articles.ingest.extraction.tokens import CONNECTORS, is_org_word
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import (
    ABBREVIATED_TITLES,
    COMMON_CAPITALISED,
    FOREIGN_ARTICLES,
    LEGAL_FORMS_BEFORE,
    NAME_SUFFIXES,
    PLACE_NOUNS_BEFORE_OF,
    PLACE_PREFIXES,
    PLACE_WORDS_BEFORE,
    PORTFOLIO_WORDS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    THING_NOUNS_BEFORE,
    TITLE_WORDS_LOWER,
    WORD_SUFFIXES,
)

SENTENCE_STARTERS = '.!?:;\n“"‘('
# "Security Support (MSS)", "Janata Dal (United)": a capitalised word in brackets after a name
# marks an organisation; Chinese characters in brackets mark a person's name (handled apart),
# and so does a country in brackets, as results tables write nationality ("Anna Berg (Sweden)").
ACRONYM_AFTER_RE = re.compile(r"\s*[(（]\s*([A-Z][\w&.\- ]*?)\s*[)）]")
# "... Support mission", "... Front party": an organisation noun straight after the phrase.
ORG_NOUN_AFTER_RE = re.compile(
    r"\s+(?:mission|party|movement|initiative|programme|program|force|forces|agency|group|coalition|"
    r"alliance|council|committee|commission|project|operation|summit|forum|fund|plan|accord|bloc|militia|"
    r"province|district|region|prefecture|county|municipality|township|village|airport|dam|river|valley|"
    r"port|settlement|newspaper|daily|weekly|magazine|index|futures|unit|"
    r"subsidiary|affiliate|division|brand|model|ship|vessel|tanker|ferry|hospital|bank|analyst|"
    r"analysts|economist|strategist|" + "|".join(sorted(CLUB_NOUNS)) + r"|"
    # what is named after a person, not the person: "an Ortega y Gasset award", "the club's
    # Can Bartu training complex"
    r"award|awards|prize|prizes|medal|trophy|fellowship|scholarship|lecture|"
    r"(?:training |sports )?complex)\b"
    r"| (?:and|&) (?:Co|Company|Sons|Partners|Associates)\b"  # "Arthur Yates and Co": a firm
)
# A field, a basin or a mine after the phrase, its resource between: "the Grand Banc gas field",
# "the Vaca Muerta shale formation".
RESOURCE_AFTER_RE = re.compile(
    r"\s+(?:(?:gas|oil|shale|copper|gold|coal|lithium|nickel) )?"
    r"(?:field|fields|basin|formation|deposit|deposits|mine|mines|reservoir)\b"
)
# An apposition that says a name is a place: "Alomella Robles, a small village northeast of".
PLACE_APPOSITIVE_RE = re.compile(
    r", (?:a|an|the) (?:[a-z]+ ){0,2}(?:village|town|city|district|province|region|suburb|"
    r"island|port|hamlet|township|municipality|county|neighbourhood|neighborhood)"
    # the noun ends the apposition: "a town councillor" is a person's
    r"(?=[,.;)]| (?:about|some|in|near|on|of|outside|just|close|north|south|east|west|northeast|"
    r"northwest|southeast|southwest)\b)"
)
# An apposition that says a name is a person's: "Tony Hall, the former BBC director,", "Helena
# Bank, a Dutch-born former private banker,". Up to four words before the noun for what the
# person is or does, which ends the apposition.
_PERSON_NOUNS = sorted(
    {w.lower() for w in ROLE_NOUNS if w.isalpha() and len(w) > 3} | TITLE_WORDS_LOWER,
    key=len,
    reverse=True,
)
PERSON_APPOSITIVE_RE = re.compile(
    r", (?:a|an|the|[A-Z][\w.'’-]*['’]s) (?:[\w.'’-]+ ){0,4}?"
    rf"(?:{'|'.join(map(re.escape, _PERSON_NOUNS))})"
    r"(?=[,.;)]| (?:of|for|at|in|on|who|with|and|to)\b)"
)
# A paper named by the noun after it: "the Yedioth Ahronoth newspaper", "O Globo daily said".
PAPER_AFTER_RE = re.compile(
    r"\s+(?:newspaper|daily|weekly|magazine|tabloid|news agency|broadcaster|"
    + STATION_NOUN
    + r")\b"
)
# A party's elected member after a name: "a Srpska Lista councillor".
MEMBER_AFTER_RE = re.compile(r" (?:" + "|".join(sorted(MEMBER_NOUNS)) + r")\b")
TITLE_STOP_RE = re.compile(r"\.\s[A-Z]")
# Month names that are also names ("Theresa May"), taken for a month before a day's number.
MONTHS_THAT_ARE_NAMES = frozenset(("May", "March", "June", "April", "August"))
DAY_AFTER_RE = re.compile(r"\s+\d{1,2}\b(?![.,]\d)")
# "LITTLE ROCK, Ark.", "Eau Claire, Wisc.": a place before a state's or province's abbreviation.
STATE_AFTER_RE = re.compile(
    r",\s+(?:[A-Z][a-z]{1,4}\.|(?:N\.[JYHCDM]|R\.I|S\.[CD]|D\.C|W\.\s?Va)\.)(?!\s*[A-Z][a-z])"
)
# The lower-case nouns before a name that say it is no person: an organisation's ("consulting
# firm Towers Perrin", "the daily Koha Jone"), or a thing's ("the ferry Trident Seven").
NOUNS_BEFORE_NOT_PEOPLE = NOUNS_BEFORE | THING_NOUNS_BEFORE
QUOTES_BEFORE, QUOTES_AFTER = "\"“‘'", "\"”’'"
# "Werder Bremen 2", "Hansa Rostock (Akpoborie 5th)": a score or a scorer after a name.
SCORE_AFTER_RE = re.compile(r"\s+(?:\|\s+)?(?:\d|\([A-Z])")  # "| 1-0 |" in a table too
# The words that end right before a name in a list of examples ("including ") or after a
# place's compound ("Singapore-based "): looked for before the expressions that read them.
EXAMPLE_OPENERS_BEFORE = tuple(f"{words} " for words in EXAMPLE_OPENERS)
PLACE_COMPOUNDS_BEFORE = tuple(f"{word} " for word in PLACE_COMPOUND_WORDS)


def sentence_start(text, pos):
    i = pos - 1
    while i >= 0 and text[i] in " \t“\"‘'(":
        i -= 1
    return (
        i < 0 or text[i] in SENTENCE_STARTERS or text[i] in "”’" and i > 0 and text[i - 1] in ".!?,"
    )


def _place_or_institution_before(text, start):
    """'the Legislative Yuan', 'near Debre Berhan', 'province of Oddar Meanchey': not a person."""
    before = text[max(0, start - 30) : start]
    if not before.endswith(" "):
        return False
    words = before.lower().split()[-2:]
    if not words:
        return False
    last = words[-1]
    return (
        last == "the"
        or last in PLACE_WORDS_BEFORE
        or (last == "of" and len(words) == 2 and words[0] in PLACE_NOUNS_BEFORE_OF)
    )


# After "the", a person's full name names a work, an era or a case of theirs: "the Tom Cruise
# blockbuster", "the John Major government", "the O.J. Simpson trial".
WORK_OR_ERA_AFTER_RE = re.compile(
    r" (?:film|films|movie|movies|blockbuster|thriller|comedy|musical|show|song|songs|album|"
    r"book|novel|biography|memoir|era|years|government|administration|cabinet|campaign|"
    r"presidency|camp|trial|case|affair|scandal|murder|killing|assassination|kidnapping|"
    r"estate|family)\b"
)


def _attributive_person(text, toks, end):
    """A given name and a surname after "the" and before a work, an era or a case of theirs: the
    person, though "the" before a name otherwise says place or institution."""
    return (
        len(toks) == 2
        and not toks[1].gap
        and toks[0].key in given_names()
        and toks[1].key in surnames()
        and WORK_OR_ERA_AFTER_RE.match(text, end) is not None
    )


def lower_role_before(text, start):
    """A role written in lower case just before a name ('then-Chinese minister of foreign affairs').

    Returns "" when the words before the name hold no title.
    """
    window = text[max(0, start - 80) : start]
    if not window.endswith(" "):
        return ""
    kept = []
    for word in reversed(window.split()[-7:]):
        bare = word.lower()
        if word.endswith((",", ".", ";", ":")):
            break
        if (
            bare in TITLE_WORDS_LOWER
            or bare in CONNECTORS
            or bare in ROLE_MODIFIERS
            or bare.title() in PORTFOLIO_WORDS
            or bare.startswith(("then-", "ex-"))
            or word[:1].isupper()
        ):
            kept.append(word)
        else:
            break
    kept.reverse()
    # The role runs from its first modifier or title to the end; it must hold a title.
    while kept and not (
        kept[0].lower() in TITLE_WORDS_LOWER
        or kept[0].lower() in ROLE_MODIFIERS
        or kept[0].lower().startswith(("then-", "ex-"))
        or kept[0][:1].isupper()
    ):
        kept.pop(0)
    if not any(w.lower() in TITLE_WORDS_LOWER for w in kept):
        return ""
    return " ".join(kept)


# The endings of nouns for what someone does: "forecaster", "informateur", "economist".
AGENT_SUFFIXES = ("er", "or", "eur", "ist", "ant", "ent", "ian")


def _occupation_opening(toks):
    """A sentence's first word that says what the person after it does, before a given name:
    a noun for a doer, no name itself, before a given name or a given name and a surname
    ("Forecaster Rosalind Dizon", "Informateur Willemijn Dekker"; "Walker Jane Smith" is not)."""
    first, family = toks[0].key, surnames(ALL_SURNAMES)
    return (
        first.endswith(AGENT_SUFFIXES)
        # an English word, or the Dutch and French for a go-between ("informateur")
        and (in_dictionary(first) or first.endswith("eur"))
        and not toks[1].gap
        and (toks[1].key in given_names() or (len(toks) == 3 and toks[2].key in family))
        and first not in given_names()
        and first not in family
    )


def _wordy(key, lower_words):
    """An ordinary English word rather than a name: seen in lower case here, or built like one."""
    return key in lower_words or key in COMMON_CAPITALISED or key.endswith(WORD_SUFFIXES)


def _group_name(toks):
    """A name closed by an everyday plural noun ("Managers") whose other words are not one
    person's given name and surname: three words or more ("Taylor Asset Managers"), or a
    dictionary word, however rare, before it ("Federated Farmers"). "Henry Tricks" and "van der
    Pas" stay."""
    last = toks[-1].text
    if len(toks) < 2 or not last.endswith("s") or any(t.gap for t in toks[1:]):
        return False  # the cheap tests first: most names end otherwise
    return (len(toks) >= 3 or plain_word(toks[0].key)) and group_noun(last)


def _organisation_in_brackets(text, end):
    """'Security Support (MSS)': a capitalised word in brackets after the phrase, which is not a
    country or region ('Anna Berg (Sweden)', 'Tom Lund (U.S.)': a nationality)."""
    return ACRONYM_AFTER_RE.match(text, end) is not None and not _nationality_after(text, end)


def names_a_firm(text, cand, start, end):
    """The words around a phrase say it names a firm, a paper or a club, wherever else the story
    writes it: "Duff & Phelps", "consulting firm Towers Perrin", "the daily Koha Jone",
    "Alcatel Alsthom fell 1.7 percent", "Werder Bremen 2" (a city and no given name, then a
    score), "drew 0-0 with Kakamega Homeboyz" (a match's score before it)."""
    if not cand.role:
        in_match = in_match_report(text, start, end)
        if in_match or SCORE_AFTER_RE.match(text, end):
            keys = [t.key for t in cand.tokens]
            if club_or_venue(keys):
                return True
            if (
                len(keys) > 1
                and (in_match or keys[0] in cities())
                and is_plural_noun(cand.tokens[-1].text)
            ):
                # "Sydney Wanderers 3-1": a city that is also a given name; "Golden Arrows |
                # 0-2 |": a plural noun, in a match's result
                return True
            if len(keys) > 1 and in_match and keys[0] not in given_names():
                return True  # "drew 0-0 with Kakamega Homeboyz": no given name, in a match
    if (
        cand.tokens[0].text in OPENING_CLASS_NOUNS
        and len(cand.tokens) > 1
        and sentence_start(text, start)
    ):
        return True  # "Consultancy Integralia, which tracks ..."
    before = text[max(0, start - 20) : start]
    if before.rstrip().endswith("&") or text[end : end + 3].lstrip().startswith("&"):
        return True
    if (
        before.endswith(EXAMPLE_OPENERS_BEFORE)
        and (m := EXAMPLES_BEFORE_RE.search(text, max(0, start - 40), start))
        and m.group(1).lower() in PLURAL_NOUNS
    ):
        return True  # "trading houses including Louis Dreyfus and Sucafina"
    if (
        before.endswith(PLACE_COMPOUNDS_BEFORE)
        and BASED_BEFORE_RE.search(text, max(0, start - 40), start)
        and cand.tokens[0].key not in given_names()
    ):
        return True  # "Singapore-based Tan Kah Marine"
    if text[start - 2 : start] == ", " and noun_before_comma(text, start, end):
        return True  # "his party, Avanza Sur, had"
    if plural_noun_opening_list(text, start, end) not in (None, "parties", "groups"):
        return True  # "three listed companies: Velmont Tiles, Orbano and Castrell"
    if text.endswith((" and ", ", "), 0, start) and firms_listed_before(text, start):
        return True  # "retailers Metro, Rewe and Lidl"
    if text.endswith(("called ", "named ", "itself ", "itself the "), 0, start) and (
        kind_noun_calling(text, start)
    ):
        return True  # "a new party called Vanua Vou", "a group calling itself the ..."
    words = before.split()
    if before.endswith(" ") and words:
        if (
            words[-1].lower() in NOUNS_BEFORE_NOT_PEOPLE
            or words[-1] in FIRM_TRADES_BEFORE
            or (words[-1] in FIRM_TRADE_SINGULARS and _named_as_a_firm(cand.tokens))
            or product_maker_before(text, start)
        ):
            return True
        if words[-1] in LEGAL_FORMS_BEFORE:
            return True  # "PT Matahari Putra Prima": a legal form before the name
        pair = " ".join(words[-2:])
        if pair.lower() in ANALYST_AT:
            return True  # "economists at Credit Suisse": where they work
        if pair in FIRM_ROLE_PAIRS or (
            pair[:1].isupper()
            and pair.lower() in FIRM_ROLE_PAIRS
            and sentence_start(text, start - len(pair) - 1)
        ):
            # "chief executive of Velmar Brask", "a unit of Ostrava Steel"; "Losses at Brakvik
            # Salmon" opening a sentence
            return True
    following = text[end : end + 1]
    if following == "," and (
        APPOSITIVE_RE.match(text, end)
        or APPOSITIVE_ONE_OF_RE.match(text, end)
        or FIRM_DOES_RE.match(text, end)
        or LEGAL_FORM_AFTER_COMMA_RE.match(text, end)
    ):
        return True  # "Kepler Cheuvreux, a French brokerage,", "..., which makes radars,"
    if following in ("'", "’") and FIRM_POSSESSIVE_RE.match(text, end):
        return True  # "Velmora Labs' chief executive"
    if text.startswith(" (", end) and TICKER_BRACKET_RE.match(text, end + 1):
        return True  # "Velmora Labs (NASDAQ: VLMR)"
    if team_after_country(text, start, end):
        return True  # "2. Rolf Brask (Denmark) Orbano Cycling 0:12": his team
    if following == " " and not cand.role and CLUB_STAFF_AFTER_RE.match(text, end):
        return True  # "Gor Mahia coach Francis Odhiambo"
    if following == " " and not cand.role and FIRM_OFFICER_AFTER_RE.match(text, end):
        return True  # "Adebayo Cole chief executive Ifeoma Nwachukwu": no person has one
    if following == " " and not cand.role and staff_after(text, start, end, "") == "firm":
        return True  # "the Bowmans partner", "a Cliffe Dekker Hofmeyr analyst"
    if (
        following == " "
        and not cand.role
        and said_it_after(text, end)
        and speaks_as_it([t.key for t in cand.tokens])
    ):
        return True  # "Kawabata Seiki said on Tuesday it would close its plant"
    return bool(
        STOCK_MOVE_RE.match(text, end)
        or SHARES_AFTER_RE.match(text, end)
        or (FIRM_RESULTS_AFTER_RE.match(text, end) and _named_as_a_firm(cand.tokens))
        or PAPER_AFTER_RE.match(text, end)
    )


def _named_as_a_firm(tokens):
    """A name that holds a word no person's does: a dictionary word that is no name, or an
    organisation's word ("Cahaya Bahari" no; "Skagen Line", "Tanvik Medical" yes). The weaker
    cues (a trade's singular before, results after) ask for one: names from lands no list of
    given names covers ("contractor Oluwaseun Adeyemi") are people's."""
    return any(plain_word(t.key) or is_org_word(t.text) for t in tokens)


def _quoted(text, start, end):
    """The whole phrase in quotes: the title of a work, a slogan ("Forrest Gump")."""
    return start > 0 and text[start - 1] in QUOTES_BEFORE and text[end : end + 1] in QUOTES_AFTER


# A match's result or play "at" a ground before the phrase: "won at Moses Mabhida".
VENUE_BEFORE_RE = re.compile(r"\b(?:won|lost|drew|draws|wins|victory|defeat|played|hosted) at $")
# A plural's possessive before a capitalised word: "Miners' Party", "Growers’ Association".
PLURAL_POSSESSIVE_RE = re.compile(r"['’] [A-Z]")
IRREGULAR_PLURAL_POSSESSIVE_RE = re.compile(r"['’]s [A-Z]")  # "Fishermen's Association"


def names_a_place(text, start, end):
    """The words beside the phrase say it is a place: a field or a mine after it ("the Vaca
    Muerta formation"), an apposition ("Alomella Robles, a small village"), a match won at it
    ("won at Moses Mabhida"), a kind of place and "of" before it ("the village of Lembah Sari").
    The story means that place wherever it writes the phrase."""
    return bool(
        RESOURCE_AFTER_RE.match(text, end)
        or (text.startswith(", ", end) and PLACE_APPOSITIVE_RE.match(text, end))
        or VENUE_BEFORE_RE.search(text, max(0, start - 16), start)
        or (
            text.endswith(" of ", 0, start)
            and text[max(0, start - 20) : start - 4].rsplit(" ", 1)[-1] in PLACE_NOUNS_BEFORE_OF
        )
    )


def _opening_word(token, lower_words):
    """A sentence's first word that the text also writes in lower case, or a plural noun for
    firms or people ("Rivals Qantas and Etihad said"): no part of the name after it."""
    return token.key in lower_words or token.key in FIRMS_ONLY_BEFORE


def in_context(text, cand, offset, lower_words):
    """A run's candidate checked against the text around it.

    Returns a Candidate at offsets into `text` (the run starts at `offset`), or None when the
    context says the phrase is not a person.
    """
    toks = cand.tokens
    start, end, role = cand.start + offset, cand.end + offset, cand.role
    if (
        _organisation_in_brackets(text, end)
        or ORG_NOUN_AFTER_RE.match(text, end)
        or RESOURCE_AFTER_RE.match(text, end)
        or listed_before_plural(text, start, end)
        or (_place_or_institution_before(text, start) and not _attributive_person(text, toks, end))
    ):
        return None  # "the Legislative Yuan", "Security Support (MSS)": institutions, not people
    if VENUE_BEFORE_RE.search(text, max(0, start - 16), start):
        return None  # "Sekhukhune won at Moses Mabhida": a ground, named for a person or not
    if MEMBER_AFTER_RE.match(text, end) and text.endswith((" a ", " an "), 0, start):
        return None  # "a Srpska Lista councillor": the party's name
    if PAPER_AFTER_RE.match(text, end):
        return None  # "The Houthis' Al Masirah television": a station
    if PLURAL_POSSESSIVE_RE.match(text, end) and is_plural_noun(toks[-1].text):
        return None  # "the Kelderman Miners' Party": a group's possessive opens a body's name
    if IRREGULAR_PLURAL_POSSESSIVE_RE.match(text, end) and toks[-1].text.endswith(
        ("men", "Children", "People")
    ):
        return None  # "the Scottish Pelagic Fishermen's Association", "Women's League"
    if toks[-1].text in ABBREVIATED_TITLES and TITLE_STOP_RE.match(text, end):
        return None  # "Georgia Rep. Cynthia McKinney": a place and a title before a name
    if STATE_AFTER_RE.match(text, end) or _quoted(text, start, end):
        return None  # "Little Rock, Ark.", "Forrest Gump" in quotes: a place, a title
    if text.startswith(", ", end) and PLACE_APPOSITIVE_RE.match(text, end):
        return None  # "Alomella Robles, a small village": a place says what it is
    if toks[0].text in FOREIGN_ARTICLES:
        return None  # "El Tiempo", "Te Pati Maori": newspapers, parties
    phrase = fold(text[start:end])
    if toks[0].text in PLACE_PREFIXES or phrase in gazetteer.load().subdivisions:
        return None  # "North Kivu", "Greater Sunrise", "Uttar Pradesh": places
    if phrase in city_phrases():
        return None  # "Little Rock", "Umm Qasr": towns
    if len(toks) > 1 and toks[-1].text in MONTHS_THAT_ARE_NAMES and DAY_AFTER_RE.match(text, end):
        toks = toks[:-1]  # "Emnid May 26": a date after the name, not a surname
        end = toks[-1].end + offset
    if len(toks) > 1 and toks[0].key in NOUNS_BEFORE_NOT_PEOPLE and sentence_start(text, start):
        return None  # "Retailers Tesco and Sainsbury objected": a kind noun opens the sentence
    if len(toks) > 1 and _opening_word(toks[0], lower_words) and sentence_start(text, start):
        toks = toks[1:]
        start, role = toks[0].start + offset, ""
    elif len(toks) > 2 and _occupation_opening(toks) and sentence_start(text, start):
        role = toks[0].text  # "Forecaster Rosalind Dizon", "Informateur Willemijn Dekker"
        toks = toks[1:]
        start = toks[0].start + offset
    words_ = [t.key for t in toks if t.text not in NAME_SUFFIXES]  # "Class II" is words
    if (len(toks) >= 2 or role) and (
        all(_wordy(key, lower_words) for key in words_) or ordinary_words(words_)
    ):
        return None  # capitalised ordinary words ("Public Security", "Sale Amount")
    if _group_name(toks):
        return None  # "Taylor Asset Managers", "Federated Farmers": a group, not a person
    if len(toks) > 5:
        return None
    if cand.surname_is_org_word and not (
        role
        or ABBREVIATED_TITLE_BEFORE_RE.search(text, max(0, start - 8), start)
        or _nationality_after(text, end)
        or PERSON_APPOSITIVE_RE.match(text, end)
    ):
        # "Albert Hall": only a title, a nationality or an apposition saying what they do
        # ("Tony Hall, the former BBC director,") says "Tony Hall" is a person
        return None
    return Candidate(start, end, toks, role, nick=cand.nick)


# "Rep. Tony Hall", "Sen Will Bishop": an abbreviated title, which stands apart from the run.
ABBREVIATED_TITLE_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(ABBREVIATED_TITLES)) + r")\.?\s+\Z"
)


def _nationality_after(text, end):
    """A country or region in brackets after a name, as results tables write nationality
    ("Derek Mills (U.S.)")."""
    bracket = ACRONYM_AFTER_RE.match(text, end)
    if bracket is None:
        return False
    key = fold(bracket.group(1))
    gaz = gazetteer.load()
    return key in gaz.lookup or key in gaz.regions
