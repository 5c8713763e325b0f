"""What the words beside a capitalised phrase say about it, for the organisation phase: a
noun before or after it ("the daily ...", "... news agency"), a definition after it ("(CCP)"),
a wire credit ("(Reuters) -"), a speaker ("USDA said"), a press digest's paper names.
"""

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.organisation_book import acronym_like
from articles.ingest.extraction.organisation_words import (
    APPOSITIVE_KINDS,
    APPOSITIVE_ONE_OF_RE,
    APPOSITIVE_PLURALS,
    APPOSITIVE_RE,
    ARMED_NOUNS,
    CALLING_WORDS,
    CLASS_NOUNS,
    CLUB_NOUNS,
    CLUB_WORDS,
    COMPANY_NOUNS,
    DEFINED_RE,
    DIGEST_PAPER_RE,
    EXAMPLE_OPENERS,
    EXAMPLES_BEFORE_RE,
    FIRM_DOES_RE,
    FIRM_OFFICER_AFTER_RE,
    FIRM_POSSESSIVE_RE,
    FIRM_RESULTS_AFTER_RE,
    FIRM_VERB_AFTER_RE,
    FIRMS_ONLY_BEFORE,
    HEADS,
    LEADING_NOISE,
    LEGAL_FORM_AFTER_COMMA_RE,
    MASTHEAD_WORDS,
    MEDIA_NOUNS,
    MEMBER_NOUNS,
    NAMES_ALONE,
    NOT_FIRM_WORDS,
    NOT_NAME_WORDS,
    NOT_ORGANISATION_ACRONYMS,
    NOT_ORGANISATIONS,
    NOUN_AFTER_RE,
    NOUN_KINDS,
    NOUN_PAIRS_BEFORE,
    NOUNS_BEFORE,
    PERSON_TITLES,
    PLURAL_NOUNS,
    SAID_AFTER_RE,
    SCORE,
    SEATS_OF_POWER,
    STOCK_MOVE_RE,
    TABLE_HEADINGS,
    TICKER_BRACKET_RE,
    TOLD_BEFORE,
    in_match_report,
    kind_noun_calling,
    listed_before_plural,
    product_maker_before,
    said_it_after,
    speaks_as_it,
    staff_after,
    team_after_country,
)
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import CREED_WORDS, DAYS_MONTHS

# The last word of what opens a plural's examples: "as" of "lenders such as Absa".
EXAMPLE_LAST_WORDS = frozenset(opener.rsplit(" ", 1)[-1] for opener in EXAMPLE_OPENERS)
# The cue a ticker, a firm's officer or its board gives: no noun, but surer than one.
SURE_FIRM = "listed company"


# A short form in brackets after a name: "(DUH)", "(BAAINBw)".
SHORT_FORM_IN_BRACKETS_RE = re.compile(r" \([A-Z][A-Za-z&.-]{1,11}\)")


# A spokesperson named after a name: "Icelandair spokesperson Birta Sól Ragnarsdóttir".
SPOKESPERSON_NAMED_RE = re.compile(r" spokes(?:man|woman|person) [A-Z]")


def _coined_name_speaks(text, end, tokens):
    """A named spokesperson follows a one-word name that is no word and no person's name, with
    no article before it: "Icelandair spokesperson Birta Sól Ragnarsdóttir" ("Trump
    spokeswoman Karoline Leavitt" speaks for a person)."""
    if len(tokens) != 1 or not SPOKESPERSON_NAMED_RE.match(text, end):
        return False
    key = tokens[0][4]
    return not (
        name_lists.in_dictionary(key)
        or key in name_lists.given_names()
        or key in name_lists.surnames(name_lists.ALL_SURNAMES)
    )


def beside_noun(text, start, end, run, tokens, before):
    """(name, span, kind) when the words beside the run say it names an organisation: a
    lower-case organisation noun after it or `before` it, an apposition after it that says what
    it is, what only a firm has or does (a ticker, a chief executive, "which makes ...", "a ...
    spokeswoman"), a share price moving after it, a verb of saying after an acronym (or "told"
    before it), a side in results or a match report, or "A & B" inside it."""
    m = NOUN_AFTER_RE.match(text, end + 1 if _in_quotes(text, start, end) else end)
    after = (m.group(1) or m.group(2) or m.group(3)) if m else None
    if after in CLASS_NOUNS and _names_the_next(text, m.end()):
        return None  # "Banking group ING", "the Bengali newspaper Banglabazar Patrika"
    appositive = None
    if after is None and before is None and text.startswith((" and ", ", ", " "), end):
        after = listed_before_plural(text, start, end)  # "the CGT and SUD Culture unions"
    if after is None and before is None:
        # The cues below each open with one character; it is looked at first, as most runs
        # have none of them.
        following = text[end : end + 1]
        if following == ",":
            if m := APPOSITIVE_RE.match(text, end):
                after = appositive = m.group(1)  # "Codelco, the Chilean state copper company,"
            elif m := APPOSITIVE_ONE_OF_RE.match(text, end):
                after = appositive = APPOSITIVE_PLURALS[m.group(1)]  # ", one of the biggest banks"
            elif FIRM_DOES_RE.match(text, end):
                after = "firm"  # "Velmar, which makes radars,"
            elif LEGAL_FORM_AFTER_COMMA_RE.match(text, end):
                after = SURE_FIRM  # "Hallam Foods, Ltd. said"
        elif following == " ":
            if text.startswith(" (", end) and TICKER_BRACKET_RE.match(text, end + 1):
                after = SURE_FIRM  # "Velmora Labs (NASDAQ: VLMR)"
            elif (
                text.startswith(" (", end)
                and (short := SHORT_FORM_IN_BRACKETS_RE.match(text, end))
                and (m := APPOSITIVE_RE.match(text, short.end()))
            ):
                # "Deutsche Umwelthilfe (DUH), the environmental group that ...": the
                # apposition after the short form
                after = appositive = m.group(1)
            elif FIRM_VERB_AFTER_RE.match(text, end) or FIRM_RESULTS_AFTER_RE.match(text, end):
                after = SURE_FIRM  # "VNDirect cut its target price", "Implats posted profit"
            elif FIRM_OFFICER_AFTER_RE.match(text, end):
                after = SURE_FIRM  # "Azul chief executive John Rodgerson"
            elif said_it_after(text, end):
                after = IT_SPEAKS  # "Kawabata Seiki said on Tuesday it would close"
            else:
                after = staff_after(text, start, end, tokens[0][2])  # "a Velmar spokeswoman"
                if after is None and _coined_name_speaks(text, end, tokens):
                    after = "spokesperson"  # "Icelandair spokesperson Birta Sól Ragnarsdóttir"
        elif following in ("'", "’") and FIRM_POSSESSIVE_RE.match(text, end):
            after = SURE_FIRM  # "Renk's chief executive"
    if after is None and before is None and " & " not in run:
        if STOCK_MOVE_RE.match(text, end):
            after = "shares"
        elif (SAID_AFTER_RE.match(text, end) or text.endswith(TOLD_BEFORE, 0, start)) and (
            lone_acronym(tokens) or seat_of_power(tokens)
        ):
            after = "said"
        elif rare_acronym(text, start, end, tokens):
            after = "said"  # read as an acronym that speaks
        elif team_in_results(text, start, end) or (
            in_match_report(text, start, end)
            and not (len(tokens) == 1 and tokens[0][4] in name_lists.surnames())
        ):
            # "Cannes 0 Monaco 2", "drew 0-0 with X"; "Higgins beat Vos 10-7" names players
            return _team(text, start, end, tokens)
        else:
            return None
    first = 0
    while first < len(tokens) and tokens[first][2] in LEADING_NOISE:
        first += 1
    if first == len(tokens) or tokens[first][2] in PERSON_TITLES:
        return None
    lone = tokens[first][2] if first == len(tokens) - 1 else None
    if (
        lone in HEADS
        and lone not in NAMES_ALONE
        and (HEADS[lone] != "media" or text[start - 1 : start] == "-")
    ):
        # "the Fund, a think tank": an organisation's word alone is generic; a masthead's is a
        # paper's title ("The Times newspaper"), unless a word is joined to it ("pay-TV group")
        return None
    if any(t[2] in PERSON_TITLES or compound_adjective(t[2]) for t in tokens[first:]):
        return None
    gaz = gazetteer.load()
    if all(t[4] in gaz.lookup or t[4] in gaz.regions for t in tokens[first:]):
        return None  # "an Iraqi Kurdish group": demonyms and places, not a name
    name = text[start + tokens[first][0] : start + tokens[-1][1]]
    span = (start + tokens[first][0], end)
    if after == IT_SPEAKS:
        if not speaks_as_it([t[4] for t in tokens[first:]]):
            return None
        return name, span, "government" if seat_of_power(tokens) else "other"
    if after == "said":
        if seat_of_power(tokens):
            return name, span, "government"
        return name, span, "other"
    if SURE_FIRM in (after, before):
        # Capitals at a sentence's start say nothing, but a ticker or a chief executive does.
        keys = tuple(t[4] for t in tokens[first:])
        if any(t[2] in NOT_FIRM_WORDS for t in tokens[first:]) or name_lists.ordinary_words(keys):
            return None
        return name, span, "company"
    noun = after or (before if first == 0 else None)
    if (
        noun
        and lone
        and noun != appositive  # "Intact, the country's largest insurer,": a name
        and sentence_start(text, span[0])
        and name_lists.ordinary_words((tokens[first][4],))
    ):
        return None  # "Unknown group kidnaps ...": a sentence's first word, not a name
    if noun and lone in CREED_ADJECTIVES:
        return None  # "the largest Christian bloc", "a Sunni party": a creed, not a name
    if noun in MEMBER_NOUNS and name_lists.ordinary_words(tuple(t[4] for t in tokens[first:])):
        return None  # "a Republican lawmaker", "a Green MP": a party's adjective, not its name
    if noun:
        # "Sterling fell 1 percent", "Steel shares", "Nikkei", "State television": everyday
        # words and markets, not a firm or a paper.
        # At a sentence's start, capitals say nothing: there, dictionary words are words.
        keys = tuple(t[4] for t in tokens[first:])
        if noun in ARMED_NOUNS and (
            any(t[2] in CREED_WORDS for t in _before_of(tokens, first))
            or (len(tokens) - first == 1 and tokens[first][4] in name_lists.given_names())
        ):
            # "Moslem militants", "Basque rebels", "Karen rebels": a people's; the people a
            # name is "of" does not make it one ("Liberation Tigers of Tamil Eelam rebels")
            return None
        if (
            noun in COMPANY_NOUNS
            or noun in MEDIA_NOUNS
            or noun in CLUB_NOUNS
            or noun in ARMED_NOUNS
        ) and (
            any(t[2] in NOT_FIRM_WORDS or t[2] in NOT_NAME_WORDS for t in tokens[first:])
            or (
                not _described_in_apposition(noun, appositive, keys)
                and (
                    (after and noun not in PRINT_NOUNS and name_lists.ordinary_words(keys))
                    or (sentence_start(text, span[0]) and all(map(name_lists.in_dictionary, keys)))
                )
            )
        ):
            return None
        if noun == appositive:
            return name, span, APPOSITIVE_KINDS[noun]
        kind = "company" if noun in COMPANY_NOUNS else NOUN_KINDS.get(noun, "other")
        return name, span, kind
    if " & " in name:
        return name, span, "company"
    return None


# A creed or a people alone before a kind noun describes it; "Christian" and "Shia" are given
# names or spellings the people phase must not read as creeds, so they are added here only.
CREED_ADJECTIVES = CREED_WORDS | {"Christian", "Shia"}
# `beside_noun`'s reading of a name that the story calls "it" after a verb of saying.
IT_SPEAKS = "said it"


def _described_in_apposition(noun, appositive, keys):
    """Words an apposition describes are a name, everyday words or not, at a sentence's start
    or not ("Intact, the country's largest insurer,"; "Sage, the accounting software company,"),
    but not an adverb opening the sentence ("Ultimately, the bank, which ...")."""
    return noun == appositive and not keys[-1].endswith("ly")


def _before_of(tokens, first):
    """tokens[first:] up to the first joined by "of" ("Liberation Tigers" of "Liberation Tigers
    of Tamil Eelam")."""
    for k in range(first + 1, len(tokens)):
        if tokens[k][3] in ("of", "of the"):
            return tokens[first:k]
    return tokens[first:]


# Titles in print are everyday words as often as not ("Vogue magazine", "Fortune magazine"):
# before these nouns, capitals in mid-sentence say name.
PRINT_NOUNS = frozenset(("magazine", "newspaper", "weekly", "tabloid", "newsletter"))


# A capitalised word right after a kind noun (`CLASS_NOUNS`): the noun is that name's.
_NEXT_NAME_RE = re.compile(r" ([A-Z][\w'’&.-]*)")


def _names_the_next(text, end):
    """A name follows the noun that ends at `end`, not a title, a day or a month ("the Likud
    party Chairman", "the Hamas group Sunday")."""
    m = _NEXT_NAME_RE.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return not (word in PERSON_TITLES or word in LEADING_NOISE or word in DAYS_MONTHS)


# A results line: teams with their scores ("Cannes 0 Monaco 2", "Played Friday: Canberra 30
# Auckland 6") or a standings row ("Bastia 4 2 2 0 4 1 8").
SCORES_AFTER_RE = re.compile(
    rf"((?:[ \t]+{SCORE})+)(?:[ \t]+\(\d+\))?(?=[ \t]+[A-Z(]|[ \t]+\.\d{{3}}\b|[ \t]*$)", re.M
)
# A fixture: "Fulham v Carlisle", "Lyngby (Denmark) v Club Brugge".
FIXTURE_AFTER_RE = re.compile(r"(?:[ \t]+\([A-Z][\w ]+\))?[ \t]+vs?[ \t]+[A-Z]")
FIXTURE_BEFORE_RE = re.compile(r"[\w)][ \t]+vs?[ \t]+$")
OPPONENT_RE = re.compile(rf"[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,3}}[ \t]+{SCORE}")
LINE_OPENS_RE = re.compile(r"(?:^|:[ \t]+|\)[ \t]+)$")  # a line's start, a heading, a note
SCORE_BEFORE_RE = re.compile(rf"(?:^|[^\d,.\-/:]){SCORE}(?:[ \t]+\(\d+\))?[ \t]+$")
STANDINGS_COLUMNS = 3


def team_in_results(text, start, end):
    """The run is a team in a results line: the second of a pair after its opponent's score, the
    first before its opponent ("Cannes 0 Monaco 2"), a standings row or an innings opening a
    line, a side of a fixture ("Fulham v Carlisle"), or a rider's or a driver's team after
    their country ("3. Lance Armstrong (U.S.) Motorola 4")."""
    if not _results_mark_beside(text, start, end):
        return False
    before = text[max(text.rfind("\n", 0, start) + 1, start - 16) : start]
    if FIXTURE_AFTER_RE.match(text, end) or FIXTURE_BEFORE_RE.search(before):
        return True
    if team_after_country(text, start, end):
        return True
    m = SCORES_AFTER_RE.match(text, end)
    if not m:
        return False
    if SCORE_BEFORE_RE.search(before):
        return True
    if not LINE_OPENS_RE.search(before):
        return False
    return (
        len(m.group(1).split()) >= STANDINGS_COLUMNS
        or bool(OPPONENT_RE.match(text, m.end()))
        or text.startswith(" (", m.end())  # an innings and its scorers: "Durham 326 (D. Cox 95"
    )


def _results_mark_beside(text, start, end):
    """What every cue of `team_in_results` needs beside the run, past spaces and tabs: a score,
    a "v" or a bracket after it, or a "v", "vs" or a bracket before it. Most runs have none, and
    this look is cheaper than the expressions; where only spaces are seen, it says yes."""
    after = text[end : end + 8].lstrip(" \t")
    if not after or after[0].isdigit() or after[0] in "v(":
        return True
    before = text[max(0, start - 8) : start].rstrip(" \t")
    return not before or before[-1] in "vs)"


def _team(text, start, end, tokens):
    """(name, span, "team") of a team in results: a club ("Monaco", "Werder Bremen") or a city's
    team ("Toronto"); a country's national team is the country (None)."""
    if not 0 < len(tokens) <= 4 or any(
        t[2] in LEADING_NOISE or t[2] in PERSON_TITLES for t in tokens
    ):
        return None  # "The Airbus 310": results name teams bare, in a few words
    gaz = gazetteer.load()
    of = next((k for k, t in enumerate(tokens) if k and t[3] == "of"), None)
    if of is not None and fold(text[start + tokens[of][0] : end]) in gaz.lookup:
        end, tokens = start + tokens[of - 1][1], tokens[:of]  # "Nijmeh of Lebanon": the club
    name = text[start + tokens[0][0] : end]
    key = fold(name)
    if (key in gaz.lookup and key not in gaz.cities) or key in gaz.regions:
        return None
    if (
        key not in gaz.cities
        and name_lists.ordinary_words(tuple(t[4] for t in tokens))
        and not _club_of_words(text, end, tokens)
    ):
        return None  # a table's row: "Net Income 821 512", "Education 42 6"
    return name, (start + tokens[0][0], end), "team"


def _club_of_words(text, end, tokens):
    """A team whose name is everyday words: a club word after a first word ("Manchester City"),
    or a name with one score after it that the text never writes in lower case ("Stoke 2"),
    where a table's row has several figures ("Net Income 821 512")."""
    if len(tokens) > 1 and tokens[-1][2] in CLUB_WORDS:
        return True
    if any(t[2] in TABLE_HEADINGS for t in tokens):
        return False
    m = SCORES_AFTER_RE.match(text, end)
    if not m or len(m.group(1).split()) > 1:
        return False
    return not any(re.search(rf"\b{re.escape(t[2].lower())}\b", text) for t in tokens)


def _in_quotes(text, start, end):
    """The run stands in quotes: a title ("the popular “Janakantha” newspaper")."""
    return text[start - 1 : start] in QUOTES_OPEN and text[end : end + 1] in QUOTES_CLOSE


QUOTES_OPEN, QUOTES_CLOSE = ('"', "“", "‘"), ('"', "”", "’")


def noun_before(text, start):
    """The lower-case organisation noun that stands right before `start` ("firm ", "shares of "),
    or None: a look at the one or two words before, cheaper than a scan of the whole text."""
    if text[start - 1 : start] in QUOTES_OPEN:
        start -= 1  # construction journal “Building”: the noun before the quotes
    if text[start - 1 : start] != " ":
        return None
    i = text.rfind(" ", max(0, start - 30), start - 1)
    word = text[i + 1 : start - 1]
    if not word.islower():
        return None
    if i > 0:
        j = text.rfind(" ", max(0, i - 30), i)
        pair = text[j + 1 : start - 1]
        if pair in NOUN_PAIRS_BEFORE:
            return pair
        if pair[:1].isupper() and pair.lower() in NOUN_PAIRS_BEFORE and sentence_start(text, j + 1):
            return pair.lower()  # "Analysts at Bernstein" opening a sentence
    if word in NOUNS_BEFORE or word in FIRMS_ONLY_BEFORE:
        return word
    if word in ("maker", "makers"):
        return product_maker_before(text, start)  # "television maker Warta"
    if word in CALLING_WORDS:
        return kind_noun_calling(text, start)
    if word in EXAMPLE_LAST_WORDS and (m := EXAMPLES_BEFORE_RE.search(text, i - 30, start)):
        return m.group(1).lower() if m.group(1).lower() in PLURAL_NOUNS else None
    return None


def digest_papers(text, found, rejected):
    """A press digest lists stories under each paper's name, a line of capitals of its own
    ("HAARETZ", then "- Palestinian President ..."): those names are newspapers. A country
    ("IRAQ") or a section ("FRONT PAGE") heads a list too, and is not one."""
    for m in DIGEST_PAPER_RE.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if name.rsplit(" ", 1)[-1] in ("PAGE", "PAGES") or fold(name) in rejected:
            continue
        if not is_place(name):
            found.add(name, m.span(group), "media")


# A paper's one-word title after a "The" in capitals that follows a lower-case word or a comma.
_MASTHEAD = "|".join(sorted(MASTHEAD_WORDS))
LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,;")
# Opens with its literal "The " so the scan is fast; the word before is checked apart.
LONE_MASTHEAD_RE = re.compile(rf"The ((?:{_MASTHEAD}) and )?({_MASTHEAD})\b(?! [A-Z])(?!-)")


# What a paper does when a sentence opens with it: "The Sun reported", "The Times said".
MASTHEAD_SAYS_RE = re.compile(r" (?:said|says|reported|reports|wrote|quoted|cited|added)\b")


# A place's name and a masthead's word that is no organisation word by itself: "the Vancouver
# Sun", "Toronto Star", "Boston Globe", "Manila Chronicle". ("Times", "Post" and "Herald" are
# organisation words already; "Express" names trains and airlines as often.)
_PLACE_MASTHEADS = "Sun|Star|Globe|Chronicle|Observer|Examiner|Courier|Sentinel|Inquirer|Monitor"
# Looked for first, as few texts hold one; the words before are read only then.
PLACE_MASTHEAD_RE = re.compile(rf" ({_PLACE_MASTHEADS})\b(?![\w'’-]| [A-Z])")
PLACE_WORDS_BEFORE_RE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w.'’-]* ){1,3})$")


def papers_of_places(text, found, rejected):
    """A place's name before a masthead's word is a newspaper: "the Vancouver Sun reported"."""
    for m in PLACE_MASTHEAD_RE.finditer(text):
        before = PLACE_WORDS_BEFORE_RE.search(text, max(0, m.start() - 60), m.start() + 1)
        if before is None:
            continue
        words_ = before.group(1).split()
        while words_ and words_[0] in LEADING_NOISE:
            words_.pop(0)
        place = fold(" ".join(words_))
        gaz = gazetteer.load()
        if not place or not (
            place in gaz.cities
            or place in name_lists.every_city()
            or place in name_lists.city_phrases()
            or isinstance(gaz.lookup.get(place), str)
        ):
            continue
        start = m.start() - len(" ".join(words_))
        name = text[start : m.end()]
        if fold(name) not in rejected:
            found.add(name, (start, m.end()), "media")


def newspaper_titles(text, found):
    """A newspaper's title keeps the "The" written before it in capitals: "The Washington Post"
    (the name without it stays an alias, so both forms are one paper). A one-word title is a
    paper after such a "The" in mid-sentence ("at The Sun and The Times", "told The Globe and
    Mail"), or opening a sentence before a verb of reporting ("The Sun reported")."""
    for m in LONE_MASTHEAD_RE.finditer(text):
        mid_sentence = (
            m.start() >= 2 and text[m.start() - 1] == " " and text[m.start() - 2] in LOWER_OR_COMMA
        )
        if not mid_sentence and not (
            MASTHEAD_SAYS_RE.match(text, m.end()) and sentence_start(text, m.start())
        ):
            continue
        start = m.start(1) if m.group(1) else m.start(2)
        found.add(text[start : m.end()], (start, m.end()), "media")
    for key, org in list(found.by_key.items()):
        if org.name.rsplit(" ", 1)[-1] not in MASTHEAD_WORDS:
            continue
        # (each span once: the book's "The Guardian" may hold the masthead's "Guardian" too)
        titled = list(
            dict.fromkeys((s - 4, e) if text[s - 4 : s] == "The " else (s, e) for s, e in org.spans)
        )
        if titled != org.spans and org.kind in ("media", "other"):
            org.spans, org.kind = titled, "media"
            if org.name.startswith("The "):
                continue  # the book's name holds it already: "The New York Times"
            named = found.by_key.get(fold("The " + org.name))
            if named is not None:  # the book's "The Guardian" and a masthead's "Guardian"
                del found.by_key[key]
                found.absorb(named, org)
                continue
            org.aliases.insert(0, org.name)
            org.name = "The " + org.name


def lone_acronym(tokens):
    """One acronym of 2 to 6 letters after any opening words ("The KFTA"); initials with full
    stops ("J.K.") and common abbreviations ("GMT", "AIDS") are not."""
    rest = [t[2] for t in tokens if t[2] not in LEADING_NOISE]
    if len(rest) != 1 or "." in rest[0] or rest[0] in NOT_ORGANISATION_ACRONYMS:
        return False
    return acronym_like(rest[0]) and 2 <= sum(c.isalpha() for c in rest[0]) <= 6


# About once in 3 million words: "NATO" and "LNG" are more frequent, "PDVSA" and "FDLR" rarer.
RARE_ACRONYM_ZIPF = 2.5
ROMAN_RE = re.compile(r"[IVXLCDM]+")
INDEX_AFTER_RE = re.compile(r" (?:[Ii]ndex|[Ii]ndices|[Ff]utures|\d)")


def rare_acronym(text, start, end, tokens):
    """An acronym of three to six capitals in a sentence written in lower case, which English
    text rarely holds (wordfreq) and which names no currency or market index: news uses such
    acronyms for organisations ("PDVSA", "FDLR", "the RBI"), and everyday ones are frequent
    ("GDP", "CEO", "LNG"). One the story defines as something else is that thing: "the Global
    Security Initiative (GSI)", "the cash reserve ratio (CRR)" (an organisation's definition
    resolved it before this is asked)."""
    word = tokens[-1][2] if tokens else ""
    if not (3 <= len(word) <= 6 and word.isupper() and word.isalpha()) or ROMAN_RE.fullmatch(word):
        return False  # first, as most runs are no acronym
    if not lone_acronym(tokens):
        return False
    if f"({word})" in text:
        return False
    if word in currency_codes() or INDEX_AFTER_RE.match(text, end):
        return False
    if zipf_frequency(word.lower(), "en") >= RARE_ACRONYM_ZIPF:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return sum(c.islower() for c in letters) * 2 > len(letters)  # not a line of capitals


@lru_cache(maxsize=1)
def currency_codes():
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def seat_of_power(tokens):
    words_ = [t[4] for t in tokens if t[2] not in LEADING_NOISE]
    return 0 < len(words_) <= 2 and " ".join(words_) in SEATS_OF_POWER


def defined_after(text, end, org, found):
    """An acronym or short name defined right after an organisation's name."""
    m = DEFINED_RE.match(text, end)
    if m is None:
        return
    alias = (m.group(1) or m.group(2) or "").strip()
    key = fold(alias)
    gaz = gazetteer.load()
    if alias and key not in gaz.lookup and key not in gaz.regions and not alias.isdigit():
        found.define(org, alias)


def credit(text, span):
    """'(Reuters) -', '(AFP) —': the agency credit of a dateline, not a mention."""
    s, e = span
    return text[s - 1 : s] == "(" and text[e : e + 3] in (") -", ") —", ") –")


def compound_adjective(word):
    """'Tokyo-based', 'Iran-aligned', 'LDP-dominated': describes a name, is not one. A name
    joined by a particle ("Jamaat-i-Islami", "Tehreek-e-Insaf") ends in a capital."""
    _, dash, rest = word.partition("-")
    return bool(dash) and rest[:1].islower() and rest.rsplit("-", 1)[-1][:1].islower()


def is_place(name):
    gaz = gazetteer.load()
    key = fold(name)
    return key in gaz.lookup or key in gaz.regions or key in NOT_ORGANISATIONS
