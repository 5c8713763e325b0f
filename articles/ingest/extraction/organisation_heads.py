"""Names built on an organisation word, read off one run of capitalised words.

"Socialist Party", "Albanian Central Election Commission", "University of Zambia", "Korea
Electric Power Corp": the organisation word (a head, `organisation_words.HEADS`) and the words
that belong to it before and after. The reading depends on the run's text alone, so it is cached
per run; what the words around the run say is `organisations`' and `organisation_cues`' job.
"""

from functools import lru_cache

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.organisation_book import phrase_of
from articles.ingest.extraction.organisation_cues import compound_adjective
from articles.ingest.extraction.organisation_words import (
    CAPITAL_TERMS,
    CLOSING_LEGAL_FORMS,
    ENDING_ONLY,
    FACILITY_WORDS,
    HEADS,
    LEADING_NOISE,
    NAMES_ALONE,
    NOT_NAME_WORDS,
    PARTNERS_TAILS,
    PERSON_TITLES,
    TRAILING_ONLY,
)
from articles.ingest.extraction.tokens import token_fields
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import COMPANY_WORDS, WEEKDAYS

# A Latin American company's form in two parts, "SA de CV" (capital variable) and "S. de R.L."
# (limited liability): the second part after "de" still closes the name.
SOCIEDADES = frozenset(("SA", "S.A.", "SAB", "S.A.B.", "S."))
SOCIEDAD_TAILS = frozenset(("CV", "C.V.", "RL", "R.L."))
# "Press Secretary", "Press Officer": the press's word opening a title.
PRESS_TITLES = frozenset(("Secretary", "Officer", "Attache", "Attaché", "Spokesman", "Aide"))


@lru_cache(maxsize=20_000)  # bounded, as candidates.analyse_run: news repeats its runs
def read_run(run):
    """(tokens, names built on an organisation word) of one run; offsets relative to the run.

    tokens: ((start, end, text, gap, folded), ...); names: ((start, end, name, kind), ...).
    """
    tokens = token_fields(run)
    return tokens, tuple(_head_names(run, tokens))


def _head_names(run, tokens):
    """(start, end, name, kind) of each name built on an organisation word in a run."""
    n = len(tokens)
    i = 0
    while i < n:
        first = name_start(tokens, i)
        h = next((k for k in range(first, n) if _is_head(tokens, k, first)), None)
        if h is None:
            return
        # "Salvador Nasralla of the Liberal Party": with no organisation word before it, what
        # stands before "of" is not part of the name.
        for k in range(first + 1, h + 1):
            if tokens[k][3] in ("of", "of the", "for", "for the"):
                first = k
            elif compound_adjective(tokens[k - 1][2]) and not tokens[k][3]:
                first = k  # "Los Angeles-based Miss Universe Inc."
        end, k = _name_end(tokens, first, h)
        if end is not None and _inside_place(tokens, first, end):
            end = None  # "Republic of the Union of Myanmar": a country's official name
        kind = HEADS.get(tokens[h][2], "government")  # "... Regional Government"
        if end is not None and end > h and tokens[h][2] in TRAILING_ONLY:
            # the name's last organisation word says what it is, not a trade's word inside it
            # ("Jalisco New Generation Cartel", "Ontario Securities Commission"); a ministry's
            # field after "of" is no trade's word here ("Ministry of Construction")
            kind = HEADS.get(tokens[end][2], kind)
        if end is not None and _first_opens_company(tokens, i, first, end):
            first, kind = first - 1, "company"  # "First Union Corp", not "Union Corp"
        if end is not None and (
            end > first or tokens[first][2] not in HEADS or tokens[first][2] in NAMES_ALONE
        ):
            name_tokens = tokens[first : end + 1]
            if not (
                len(name_tokens) == 1
                and name_tokens[0][2] in HEADS
                and name_tokens[0][2] not in NAMES_ALONE
            ) and not (
                _competition(name_tokens)
                or _inside_event(tokens, end)
                or _land_or_stock_reserve(name_tokens)
            ):
                name_end = name_tokens[-1][1]
                name = run[name_tokens[0][0] : name_end]
                yield name_tokens[0][0], name_end, name, kind
        i = max(k, h + 1)


# Words that make a league a competition, an event rather than a body: "Champions League",
# "Egyptian Premier League", "Super League"; not "Arab League" nor "Awami League".
COMPETITION_WORDS = frozenset(("Premier", "Champions", "Europa", "Conference", "Super", "Nations"))


# Words that make a reserve land or a stock rather than a bank: "Central Kalahari Game Reserve",
# "Okavango Nature Reserve", "Strategic Petroleum Reserve"; not "Federal Reserve".
RESERVED_THINGS = frozenset(
    ("Game", "Nature", "Wildlife", "Forest", "Marine", "Biosphere", "Hunting", "Petroleum")
)


def _land_or_stock_reserve(name_tokens):
    return (
        len(name_tokens) > 1
        and name_tokens[-1][2] == "Reserve"
        and name_tokens[-2][2] in RESERVED_THINGS
    )


def _competition(name_tokens):
    return name_tokens[-1][2] == "League" and any(
        t[2] in COMPETITION_WORDS for t in name_tokens[:-1]
    )


# Words that end an event's title: a name before them in the same run is the event's ("CAF
# Confederation Cup", "Africa International Film Festival").
EVENT_TAILS = frozenset(
    ["Cup", "Trophy", "Championship", "Championships", "Festival", "Games", "Awards"]
)


def _inside_event(tokens, end):
    """The run goes on from tokens[end] with capitalised words only, to an event's last word."""
    rest = tokens[end + 1 :]
    return bool(rest) and rest[-1][2] in EVENT_TAILS and not any(t[3] for t in rest)


def _first_opens_company(tokens, i, first, end):
    """ "First" straight before a name that holds a company word is the name's first word
    ("First Union National Bank", "First Republic Bank"); before other names it is an ordinal
    or part of a title ("First Division", "First Minister")."""
    return (
        first > i
        and tokens[first - 1][2] == "First"
        and not tokens[first][3]
        and any(tokens[k][2] in COMPANY_WORDS for k in range(first, end + 1))
    )


CROWN = frozenset({"King", "Queen", "Prince", "Princess"})


def _named_for_a_royal(tokens, i):
    """tokens[i] is a royal's title, and a university's, a hospital's or a foundation's word
    follows their name (a word or two) straight after, with no connector: the body is named for
    them, whatever follows its word ("King Abdullah University of Science and Technology")."""
    return _head_after(tokens, i, ("other", "ngo"), 2, 3)


def _head_after(tokens, i, kinds, nearest, farthest):
    """An organisation word of one of `kinds` is a token `nearest` to `farthest` places after
    tokens[i], with no connector between them."""
    for k in range(i + nearest, min(i + farthest + 1, len(tokens))):
        if any(t[3] for t in tokens[i + 1 : k + 1]):
            return False
        if HEADS.get(tokens[k][2]) in kinds:
            return True
    return False


# Words that open runs as a rank or a byline's word, and a body's name before its head.
NOUNS_BEFORE_HEADS = frozenset(("General", "Writers", "Correspondents", "Premier"))
# Ordinals that number bodies of a kind ("First Environmental Court", "Third Section").
ORDINALS = frozenset(("First", "Second", "Third", "Fourth", "Fifth"))


def name_start(tokens, i):
    """Skip what opens a run before a name: "The", "On Monday", "Governor of the",
    "Tokyo-based"."""
    n = len(tokens)
    while i < n and (
        tokens[i][2] in LEADING_NOISE
        or tokens[i][2] in PERSON_TITLES
        or compound_adjective(tokens[i][2])
    ):
        if _opens_place(tokens, i):
            break  # "New York Stock Exchange": "New" is a month-list word, here a place's
        if tokens[i][2] in NOUNS_BEFORE_HEADS and i + 1 < n and tokens[i + 1][2] in HEADS:
            # "General Administration of Customs": an adjective, not a general's rank; "Writers
            # Guild of America": its members, not a byline's word
            break
        if (
            tokens[i][2] == "General"
            and (i == 0 or tokens[i - 1][2] in LEADING_NOISE)
            and _head_after(tokens, i, ("government",), 2, 2)
        ):
            break  # "General Intelligence Department", "General Security Directorate"
        if tokens[i][2] in CROWN and i + 1 < n and tokens[i + 1][3] in ("'s", "’s"):
            break  # "King's Fund", "Queen's University": named for the crown
        if tokens[i][2] in CROWN and _named_for_a_royal(tokens, i):
            break  # "King Abdullah University Hospital", "Queen Rania Foundation"
        if tokens[i][2] in ORDINALS and i + 1 < n and not tokens[i + 1][3]:
            break  # "First Environmental Court", "Second Circuit": a body's number
        if tokens[i][2] in PERSON_TITLES and _office_of_title(tokens, i):
            break  # "Attorney General's Office": the office named for its holder's title
        i += 1
    # "Governor of the Central Bank": the title's complement, from "Central" on, is the name.
    return i


def _office_of_title(tokens, i):
    """tokens[i:] are a title's words and then "'s" and an organisation word: "Attorney
    General's Office", "Prosecutor General's Office"."""
    k = i + 1
    while k < len(tokens) and not tokens[k][3] and tokens[k][2] in PERSON_TITLES:
        k += 1
    return k < len(tokens) and tokens[k][3] in ("'s", "’s") and tokens[k][2] in HEADS


def _name_end(tokens, first, h):
    """(the last token of the name whose organisation word is tokens[h] or None, where reading
    stopped). Complements and further organisation words belong to it: "University of Zambia",
    "Korea Electric Power Corp"; a title, a function word or a place word ends the name."""
    n = len(tokens)
    end = before_complement = h
    k = h + 1
    while k < n:
        word, gap = tokens[k][2], tokens[k][3]
        if gap == "de" and word in SOCIEDAD_TAILS and tokens[end][2] in SOCIEDADES:
            end = k  # "Autos del Pacífico SA de CV": Mexico's variable-capital company
            k += 1
            continue
        if word == "General" and not gap and tokens[k - 1][2] == "Directorate":
            end = k  # "Directorate General of Trade Remedies": no general's rank
            k += 1
            continue
        if word in PERSON_TITLES and gap == "of the" and k == h + 1 and tokens[h][2] == "Office":
            # "Office of the Superintendent of Financial Institutions", "Office of the Prime
            # Minister": an office named for its holder's title, read whole
            while k + 1 < n and not tokens[k + 1][3] and tokens[k + 1][2] in PERSON_TITLES:
                k += 1
            end = k
            k += 1
            continue
        if word in PERSON_TITLES or gap.startswith("nick:"):
            break
        if gap in ("of", "of the") and (
            tokens[end][2] in CLOSING_LEGAL_FORMS or _firm_of_place(tokens, end, k)
        ):
            break  # "Oakley Inc of the United States", "Bessemer Partners of Menlo Park"
        if word in LEADING_NOISE and not (gap and _opens_place(tokens, k)):
            break  # but "Bank of New Zealand": a place's name after "of" may open with one
        if word in FACILITY_WORDS:
            return None, k
        if word in NOT_NAME_WORDS:
            return before_complement, k
        if _is_head(tokens, k, first):
            before_complement = k
        if not gap and not _is_head(tokens, k, first):
            k = _head_ahead(tokens, k, first)  # "Steel Industry Center": words before a head
        # ("to" stands in a run only where the run was joined for a body's aim: "Committee
        # to Protect Journalists"; "&" joins trades: "Hyundai Engineering & Construction")
        if gap in ("of", "of the", "for", "for the", "and", "&", "to") or _is_head(
            tokens, k, first
        ):
            end = k
            while k + 1 < n and not tokens[k + 1][3] and tokens[k + 1][2] not in PERSON_TITLES:
                if tokens[k + 1][2] in FACILITY_WORDS or tokens[k + 1][2] in WEEKDAYS:
                    break  # "the Securities and Exchange Commission Wednesday approved"
                k += 1
                end = k
            k += 1
            continue
        if h == first == end and HEADS.get(tokens[h][2]) == "media" and _plain_rest(tokens, k):
            return n - 1, n  # a broadcaster named by its medium first: "Radio New Zealand"
        if k == h + 1 == end + 1 == n - 1 and tokens[h][2] == "Daily" and not gap:
            return k, k + 1  # "Philippine Daily Inquirer": "Daily" qualifies the last word
        if end == h == k - 1 and tokens[h][2] in STATION_WORDS and _station_of_place(tokens, k):
            return n - 1, n  # "BBC Radio Leeds", "ABC Radio Melbourne": a local station
        break
    return end, k


# A broadcaster's medium before where its local station is: "BBC Radio Leeds".
STATION_WORDS = frozenset(("Radio", "Television", "TV"))


def _station_of_place(tokens, k):
    """tokens[k:] follow one another with no connector and name a place."""
    return all(not t[3] for t in tokens[k:]) and _names_place(
        fold(phrase_of(tokens, k, len(tokens) - 1))
    )


# A company's closing words that may stand before where the firm is from, not "Co" ("Aluminum Co
# of America" is one name).
_FIRM_ENDINGS_BEFORE_PLACE = TRAILING_ONLY - {"Co", "Cos", "International"}


def _firm_of_place(tokens, end, k):
    """tokens[end] ends a company's name ("Partners", "Securities", "Mining") and tokens[k:] name
    a place: "Bessemer Venture Partners of Menlo Park" is the firm and where it is."""
    if tokens[end][2] not in _FIRM_ENDINGS_BEFORE_PLACE:
        return False
    return _names_place(fold(phrase_of(tokens, k, len(tokens) - 1)))


def _names_place(place):
    """A folded phrase names a country, region, subdivision or city."""
    gaz = gazetteer.load()
    return (
        place in gaz.lookup
        or place in gaz.regions
        or place in gaz.subdivisions
        or place in name_lists.every_city()
        or place in name_lists.city_phrases()
    )


def _plain_rest(tokens, k):
    """tokens[k:] follow one another with no connector, title or place word among them."""
    return all(
        not t[3] and t[2] not in PERSON_TITLES and t[2] not in FACILITY_WORDS for t in tokens[k:]
    )


def _head_ahead(tokens, k, first):
    """The organisation word that the words from tokens[k] lead to without a gap, or k: a head
    may qualify the next one ("Steel Industry Center", "Mining Workers Union")."""
    j = k
    while j < len(tokens) and not tokens[j][3] and tokens[j][2] not in PERSON_TITLES:
        if tokens[j][2] in LEADING_NOISE or tokens[j][2] in FACILITY_WORDS:
            return k
        if _is_head(tokens, j, first):
            return j
        j += 1
    return k


def _inside_place(tokens, first, end):
    """tokens[first..end] end a longer phrase of the run that names a place."""
    lookup = gazetteer.load().lookup
    return any(fold(phrase_of(tokens, j, end)) in lookup for j in range(first))


def _opens_place(tokens, i):
    """tokens[i] and the next token start a place's name ("New York", "New Zealand")."""
    if i + 1 >= len(tokens) or tokens[i + 1][3]:
        return False
    pair = f"{tokens[i][4]} {tokens[i + 1][4]}"
    gaz = gazetteer.load()
    return pair in gaz.lookup or pair in gaz.prefixes


# What makes "Government" a named body's head after a place's name: "Kurdistan Regional
# Government", "Lagos State Government"; "the Government" and "the British Government" are
# the generic references that are never tagged.
SUBNATIONAL_GOVERNMENT = frozenset({"Regional", "State", "Provincial", "Territorial", "Autonomous"})


def _is_head(tokens, k, first):
    word = tokens[k][2]
    if word == "Government":
        return (
            k - 1 > first
            and not tokens[k][3]
            and tokens[k - 1][2] in SUBNATIONAL_GOVERNMENT
            and not tokens[k - 1][3]
        )
    if word not in HEADS:
        return False
    if word == "Press" and k + 1 < len(tokens) and tokens[k + 1][2] in PRESS_TITLES:
        return False  # "White House Press Secretary": a title, not a paper
    if word in PARTNERS_TAILS and tokens[k][3] in ("and", "&") and k > first:
        return True  # "Arthur Yates and Co": the partners end the firm's name
    if word in TRAILING_ONLY:
        if word in ENDING_ONLY and k + 1 < len(tokens) and not tokens[k + 1][3]:
            return False  # "Israeli Defence Minister": a portfolio, not "Diehl Defence"
        if k == first or tokens[k][3]:
            return False
        # "Working Capital $ 5,755": accounting, not "Renaissance Capital"
        return word != "Capital" or tokens[k - 1][4] not in CAPITAL_TERMS
    return True
