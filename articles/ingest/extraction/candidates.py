"""Person-name candidates in one run of capitalised words, with the role that stands before each.

A leading stretch of titles ("Chinese Minister of Public Security") is the role; the name tokens
after it are a candidate unless an organisation word, an acronym or a document word ("Bill" at
the end) makes the phrase an organisation. This reads the run alone, so the result is cached per
run text; `context` then checks each candidate against the text around it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.ingest import gazetteer
from articles.ingest.extraction.countries import mark_places
from articles.ingest.extraction.name_lists import given_names, spanish_phrase, surnames
from articles.ingest.extraction.tokens import (
    CONNECTORS,
    brand_word,
    describing_compound,
    is_acronym,
    is_org_word,
    is_title,
    namelike,
    run_tokens,
)
from articles.ingest.lexicon import (
    BODY_PARTICLES,
    COMPANY_WORDS,
    CREED_WORDS,
    DAYS_MONTHS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_FINAL_WORDS,
    PORTFOLIO_WORDS,
    RANKING_SUFFIXES,
    ROLE_NOUNS,
    TITLES,
)


@dataclass
class Candidate:
    start: int
    end: int
    tokens: list
    role: str
    alias: str = ""
    nick: str = ""
    # "Derek Mills", "Tony Hall": a given name before a word that is both a surname and an
    # organisation's or a place's word. A person only where the text around says so (`context`).
    surname_is_org_word: bool = False


@lru_cache(maxsize=20_000)  # bounded: ingest memory stays flat over 100,000 stories
def analyse_run(run):
    """What a run says by itself, cached because news repeats its runs ("Prime Minister Edi Rama").

    Returns (places, candidates, firms) with offsets relative to the run; never mutate them.
    """
    tokens = run_tokens(run)
    if not tokens:
        return (), (), ()
    mark_places(tokens, gazetteer.load())
    places = tuple((t.start, t.place_end, tuple(t.place)) for t in tokens if t.place)
    return places, tuple(candidates(run, tokens)), firm_names(tokens)


def firm_names(tokens):
    """The folded names that stand right before a company word ("Sierra Semiconductor Corp"):
    written alone elsewhere in the story ("Sierra Semiconductor jumps"), they name the firm."""
    firms = []
    for k in range(1, len(tokens)):
        if tokens[k].text not in COMPANY_WORDS or tokens[k].gap:
            continue
        j = k
        while j > 0 and namelike(tokens[j - 1]) and tokens[j - 1].text not in COMPANY_WORDS:
            j -= 1
            if tokens[j].gap:
                break
        if j < k:
            firms.append(" ".join(t.key for t in tokens[j:k]))
    return tuple(firms)


def candidates(text, tokens):
    """Person-name candidates in one run, with the role (titles) that stands before each."""
    i, n = 0, len(tokens)
    out = []
    while i < n:
        if tokens[i].kind == "place":
            i += 1
            continue
        i, role_start = _skip_role(tokens, i)
        j, org = _name_end(tokens, i)
        if org and _east_asian_name(tokens[i:j]):
            org = False  # "Park Ji-won": a surname that is also a place's word
        k, org = _organisation_end(tokens, j, org, i)
        name_tokens = tokens[i:j]
        doubtful = org and _given_name_and_org_word_surname(name_tokens)
        if (
            name_tokens
            and (doubtful or not org)
            and not (len(name_tokens) > 1 and spanish_phrase(tuple(t.text for t in name_tokens)))
        ):
            role = text[role_start : name_tokens[0].start].strip() if role_start is not None else ""
            nick = next((t.gap[5:] for t in name_tokens[1:] if t.gap.startswith("nick:")), "")
            out.append(
                Candidate(
                    name_tokens[0].start,
                    name_tokens[-1].end,
                    name_tokens,
                    role,
                    nick=nick,
                    surname_is_org_word=doubtful,
                )
            )
        i = max(j, i + 1) if not org else max(k, i + 1)
    return out


# A Korean or Chinese given name of two syllables joined by a hyphen, the second in lower case:
# "Ji-won", "Jae-myung", "Ching-te".
EAST_ASIAN_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,6}")


def _east_asian_name(name_tokens):
    """A short surname and an East Asian given name after it, which no organisation's or
    place's name writes: "Park Ji-won", "Park Jung-ho" (Park is also a place's word)."""
    if len(name_tokens) != 2 or name_tokens[1].gap:
        return False
    surname, given = name_tokens[0].text, name_tokens[1].text
    return (
        len(surname) <= 5
        and surname.istitle()
        and EAST_ASIAN_GIVEN_NAME_RE.fullmatch(given) is not None
        and not describing_compound(given)
    )


def _given_name_and_org_word_surname(name_tokens):
    """Two words, a given name then a common surname that is also an organisation's or a
    place's word: "Derek Mills", "Tony Hall" (but also "Albert Hall")."""
    if len(name_tokens) != 2 or name_tokens[1].gap:
        return False
    first, last = name_tokens
    return (
        first.key in given_names()
        and not is_org_word(first.text)
        and first.text not in CREED_WORDS
        and (is_org_word(last.text) or last.text in ORG_FINAL_WORDS)
        and last.key in surnames()
    )


def _skip_role(tokens, i):
    """Walk over titles, their portfolios, function words and days: (next index, role start).

    The role starts at the first title, or at a country word right before it ("Chinese
    President"); a function word, a day or an acronym after a title ends that role.
    """
    n = len(tokens)
    role_start = None
    while i < n and tokens[i].kind != "place":
        word = tokens[i].text
        if is_title(word) or _role_noun(tokens, i):
            if role_start is None:
                k = i
                while k > 0 and tokens[k - 1].kind == "place" and not tokens[k].gap:
                    k -= 1
                role_start = tokens[k].start
            i += 1
            continue
        if (
            role_start is not None
            and (word in PORTFOLIO_WORDS)
            and (
                tokens[i].gap in CONNECTORS
                or tokens[i].gap in ("of the", "for the")
                or not tokens[i].gap
            )
            and _after_of(tokens, i)
        ):
            i += 1
            continue
        if (
            word in FUNCTION_WORDS
            or word in DAYS_MONTHS
            or is_acronym(word)
            or describing_compound(word)
        ):
            role_start = None
            i += 1
            continue
        if word in PORTFOLIO_WORDS and _two_name_words_after_portfolio(tokens, i):
            i += 1  # "(Minister of Trade and) Industry Tungky Ariwibowo": the end of a title
            continue
        break
    return i, role_start


def _two_name_words_after_portfolio(tokens, i):
    """Portfolio words from i, then two name words: the portfolio closes a title that the run
    does not hold ("Secretary for Near Eastern Affairs Robert Pelletreau")."""
    k = i
    while k < len(tokens) and tokens[k].text in PORTFOLIO_WORDS:
        k += 1
    following = tokens[k : k + 2]
    return len(following) == 2 and all(
        t.kind != "place" and not t.gap and namelike(t) and t.text not in PORTFOLIO_WORDS
        for t in following
    )


def _role_noun(tokens, i):
    """An occupation, nationality or ranking before a full name ("Economist Alonso Cervera",
    "Third-seeded Wayne Ferreira"). Only before two name words: "Dane Coles" is a name."""
    word = tokens[i].text
    if word not in ROLE_NOUNS and not word.lower().endswith(RANKING_SUFFIXES):
        return False
    following = tokens[i + 1 : i + 3]
    return len(following) == 2 and all(
        t.kind != "place" and _particles_only(t.gap) and namelike(t) and not is_title(t.text)
        for t in following
    )


def _particles_only(gap):
    """No words between two name tokens, or only particles ("Piero dal Bosco")."""
    return not gap or set(gap.split()) <= NAME_PARTICLES


def _name_end(tokens, i):
    """Collect name tokens from i until something that cannot be in a name: (end, organisation)."""
    n = len(tokens)
    j = i
    org = False
    while j < n and tokens[j].kind != "place":
        tok = tokens[j]
        if j > i and tok.gap and not tok.gap.startswith("nick:"):
            gap_words = set(tok.gap.rstrip("-").split())
            if gap_words & BODY_PARTICLES and gap_words <= NAME_PARTICLES | BODY_PARTICLES:
                org = True  # "Unión por la Patria": a body's name, read to its end
            elif not gap_words <= NAME_PARTICLES:
                break
        if (
            is_org_word(tok.text)
            or tok.text in CREED_WORDS
            or (j > i and tok.text in ORG_FINAL_WORDS)
        ):
            org = True
        if tok.text in FUNCTION_WORDS or tok.text in DAYS_MONTHS:
            break
        if j > i and is_title(tok.text) and j + 1 < n:
            break  # a title before another name; last in the run it is a surname ("John Head")
        if is_acronym(tok.text) or any(c.isdigit() for c in tok.text):
            org = True  # "Taleban MiG-19": a model's number is in no person's name
        elif j > i and brand_word(tok.text):
            org = True  # "Thomson BankWatch": a brand's capital inside a word
        j += 1
    return j, org


def _organisation_end(tokens, j, org, i=None):
    """Anything organisational straight after the name makes the whole phrase an organisation,
    except after "of" or "of the" that follows a full name: "Sara Lind of the Riverside
    Veterinary Clinic" is a person of an organisation.

    Returns (where the organisation's phrase ends, organisation).
    """
    n = len(tokens)
    k = j
    if not org and i is not None and j - i >= 2 and j < n and tokens[j].gap in ("of", "of the"):
        return j, False
    while k < n and tokens[k].kind != "place" and not org:
        if is_title(tokens[k].text) and not is_org_word(tokens[k].text):
            break  # a title opens the next person's name: "Glaciologist Dr Marcelo Andino of ..."
        if is_org_word(tokens[k].text) or tokens[k].text in ORG_FINAL_WORDS:
            org = True
        k += 1
    return k, org


def _after_of(tokens, i):
    """True when token i continues a title's portfolio ('Minister of Public Security')."""
    k = i
    while k > 0 and tokens[k].text in PORTFOLIO_WORDS:
        if tokens[k].gap in CONNECTORS or tokens[k].gap in ("of the", "for the"):
            return True
        k -= 1
    return tokens[k].gap in CONNECTORS or tokens[k].text in TITLES
