"""Capitalised tokens: the unit every later phase reads.

One regular expression finds runs of capitalised words (with the particles, quoted nicknames and
"al-" joins that stay inside names); a run is then cut into tokens, each remembering the
lower-case connector words before it, and the word tests below say what a token may be.
"""

import re
from functools import lru_cache

from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import (
    BODY_PARTICLES,
    DAYS_MONTHS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_WORDS,
    TITLE_WORDS_LOWER,
    TITLES,
)

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
# The forms of a token, each as (its first character, the rest), in the order they are tried.
TOKEN_FORMS = (
    ("[A-Z]", r"[A-Z]{0,2}&[A-Z]{1,3}\b"),  # "S&P", "AT&T": one word
    ("[AIKP]", r"/S\b"),  # Danish and Norwegian legal forms: "Maersk A/S"
    ("[A-Z]", r"(?:\.[A-Z])+\.?"),  # initials: "J.K."
    ("[A-Z]", r"\."),  # "J."
    ("[dl]", rf"['’][{UPPER}]\w*"),  # "d'Estaing", "l'Oréal"
    (f"[{UPPER}]", r"\w*(?:[’'\-](?!s\b)\w+)*"),  # "Mandela", "Jean-Marie", "O'Neill"
)
TOKEN = "|".join(first + rest for first, rest in TOKEN_FORMS)
# A run's first token, the same forms opening on one character and looking behind it after (no
# letter, digit or apostrophe before it), so that a search over a text jumps from capital to
# capital: opening on the look-behind made it try every character (a fifth of extraction's
# regular-expression time).
FIRST_TOKEN = (
    rf"[{UPPER}dl](?<![\w’'].)(?:"
    + "|".join(f"(?<={first}){rest}" for first, rest in TOKEN_FORMS)
    + ")"
)
NICK = rf"[“\"‘](?:{TOKEN})(?: (?:{TOKEN}))?[”\"’]"
PARTICLE = "|".join(
    sorted(NAME_PARTICLES | BODY_PARTICLES | {"of", "the", "for"}, key=len, reverse=True)
)
RUN_RE = re.compile(
    rf"{FIRST_TOKEN}(?:(?: +(?:(?:{PARTICLE}) +)*| +{NICK} +| +(?:al|el)-)(?:{TOKEN}))*"
)
TOKEN_RE = re.compile(rf"{NICK}|{TOKEN}")
CONNECTORS = frozenset({"of", "the", "for"})


class Token:
    """One capitalised word of a run; `gap` holds the connector words (or "nick:...") before it."""

    __slots__ = ("start", "end", "text", "gap", "key", "place", "place_end", "kind")

    def __init__(self, start, end, text, gap, key=None):
        self.start, self.end, self.text, self.gap = start, end, text, gap
        self.key = fold(text) if key is None else key
        self.place = None  # ISO codes the phrase starting here names ([] for a region)
        self.place_end = end  # where that phrase ends ("Republic of Korea")
        self.kind = "word"


def run_tokens(run):
    """The capitalised tokens of a run, each with the connector words before it, as Tokens
    that the person phase may mark (places, kinds)."""
    return [Token(*fields) for fields in token_fields(run)]


@lru_cache(maxsize=20_000)  # bounded, as the runs' readings: news repeats its runs
def token_fields(run):
    """((start, end, text, gap, folded), ...) of the capitalised tokens of a run. Both the
    person and the organisation phase read most runs, so a run is cut into tokens once."""
    tokens, last, nick = [], 0, None
    for m in TOKEN_RE.finditer(run):
        word = m.group()
        if word[0] in '“"‘':
            nick = word.strip('“”"‘’')
            last = m.end()
            continue
        gap = run[last : m.start()].strip()
        if nick:
            gap, nick = "nick:" + nick, None
        tokens.append((m.start(), m.end(), word, gap, fold(word)))
        last = m.end()
    return tuple(tokens)


def is_title(word):
    """A title, including hyphenated ones: 'Director-General', 'Co-leader', 'Then-Chancellor'."""
    if word in TITLES:
        return True
    if "-" in word:
        parts = word.split("-")
        return any(
            p.title() in TITLES or p.lower() in TITLE_WORDS_LOWER for p in parts
        ) and not any(
            p[:1].islower()
            and p.lower() not in TITLE_WORDS_LOWER
            and p.lower() not in ("then", "ex", "co", "vice")
            for p in parts[1:]
        )
    return False


def is_org_word(word):
    """A word that makes its phrase an organisation, event or place, hyphenated ones too."""
    return word in ORG_WORDS or ("-" in word and any(p in ORG_WORDS for p in word.split("-")))


def describing_compound(word):
    """'Third-placed', 'Rwanda-backed', 'Tokyo-based', 'Swiss-born': a hyphened description
    that stands before a name and is never a word of it. Narrower than
    `organisation_cues.compound_adjective`, which any lower-case ending makes one: a person's
    name may write one ("Abdul-rahman"), a description ends in a participle."""
    head, dash, last = word.rpartition("-")
    return bool(dash) and last.islower() and (last.endswith("ed") or last in ("born", "run"))


def is_acronym(word):
    """All capitals and not an initial ('W.', 'H.W.') or a numeral suffix ('III')."""
    return len(word) > 1 and word.isupper() and "." not in word and word not in NAME_SUFFIXES


# A capital inside a word, as brands write their names ("BankWatch", "PowerGen", "WorldCom"); a
# surname's prefix before one is a person's ("McDonald", "DiMaggio", "LeBlanc", "VanDyke").
INNER_CAPITAL_RE = re.compile(r"[a-z][A-Z]")
SURNAME_PREFIX_RE = re.compile(
    r"(?:Mc|Mac|Fitz|De|Di|Da|Du|Del|Della|La|Le|Lo|Van|Von|St)[A-Z][a-z]"
)


def brand_word(word):
    """A word with a capital inside it that no surname's prefix explains: a brand's. Each part
    of a hyphenated word is read by itself ("Schultz-McCarthy")."""
    return INNER_CAPITAL_RE.search(word) is not None and any(
        INNER_CAPITAL_RE.search(part) and not SURNAME_PREFIX_RE.match(part)
        for part in re.split(r"[-'’]", word)
    )


def namelike(tok):
    """Could stand in a name: it tells "Jordan Bardella" (a first name) from "Jordan" alone."""
    text = tok.text
    return (
        len(text) > 1
        and not text.isupper()
        and text not in TITLES
        and text not in ORG_WORDS
        and text not in FUNCTION_WORDS
        and text not in DAYS_MONTHS
    )
