"""Entity extraction: people, countries and topics in English news text.

`extract(text, known)` is a pure function of the text and what editors have already decided
(`KnownEntities`), so it is easy to test and to swap for a statistical model. It finds runs of
capitalised words with one regular expression, reads countries and regions off them with the
gazetteer, takes titles off the front of what is left, and keeps the rest as a person's name when
nothing marks it as an organisation, an event, a place or ordinary words. Surnames alone resolve
to the nearest full name mentioned in the same text.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from articles.ingest import gazetteer
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import (
    COMMON_CAPITALISED,
    DAYS_MONTHS,
    FOREIGN_ARTICLES,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_FINAL_WORDS,
    ORG_WORDS,
    PORTFOLIO_WORDS,
    TITLE_WORDS_LOWER,
    TITLES,
)
from articles.ingest.topics import DEFAULT_RULES, WORD_EDGE_PUNCTUATION

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
TOKEN = rf"[A-Z](?:\.[A-Z])+\.?|[A-Z]\.|[dl]['’][{UPPER}]\w*|[{UPPER}]\w*(?:[’'\-](?!s\b)\w+)*"
NICK = rf"[“\"‘](?:{TOKEN})(?: (?:{TOKEN}))?[”\"’]"
PARTICLE = "|".join(sorted(NAME_PARTICLES | {"of", "the", "for"}, key=len, reverse=True))
RUN_RE = re.compile(  # the look-ahead only makes the scan fail fast on lower-case letters
    rf"(?=[{UPPER}dl])(?<![\w’'])(?:{TOKEN})(?:(?: +(?:(?:{PARTICLE}) +)*| +{NICK} +| +(?:al|el)-)(?:{TOKEN}))*"
)
TOKEN_RE = re.compile(rf"{NICK}|{TOKEN}")
CJK_ALIAS_RE = re.compile(r"\s*[(（]([\u3400-\u9fff\uf900-\ufaff·・]{1,12})[)）]")
CONNECTORS = frozenset({"of", "the", "for"})
SENTENCE_STARTERS = '.!?:;\n“"‘('
# "X, widely known as Y", "X, alias “Y”": Y is another name of X, not another person.
KNOWN_AS_RE = re.compile(
    r",?\s+(?:(?:who\s+is|is|was|widely|better|also|popularly|commonly|often)\s+)*"
    r"(?:known\s+(?:as|by)(?:\s+(?:his|her|the)\s+(?:nom\s+de\s+guerre|alias|nickname))?|alias|aka|a\.k\.a\.|"
    r"nicknamed|dubbed)\s+[“\"‘]?"
)
# "Security Support (MSS)", "Janata Dal (United)": a capitalised word in brackets after a name
# marks an organisation; Chinese characters in brackets mark a person's name (handled apart).
ACRONYM_AFTER_RE = re.compile(r"\s*[(（][A-Z][\w&\- ]*[)）]")
# "... Support mission", "... Front party": an organisation noun straight after the phrase.
ORG_NOUN_AFTER_RE = re.compile(
    r"\s+(?:mission|party|movement|initiative|programme|program|force|forces|agency|group|coalition|"
    r"alliance|council|committee|commission|project|operation|summit|forum|fund|plan|accord|bloc|militia|"
    r"province|district|region|prefecture|county|municipality|township|village|airport|dam|river|valley)\b"
)
PLACE_PREFIXES = frozenset(
    ["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "Central", "Greater", "Inner", "Outer", "Puerto", "Porto", "Port", "Pointe", "Punta", "San", "Santa", "Santo", "São", "Sao", "Saint", "St", "Sainte", "Ciudad", "Villa", "Fort", "Mount", "Lake", "Cape", "Bahía", "Bahia", "Rio", "Río", "Nueva", "Nuevo", "Novo", "Nova", "Bandar", "Kota", "Kuala", "Ras", "Wadi", "Tel", "Kafr", "Bir"]
)
# "near Debre Berhan", "the province of ...": what stands before a place, not a person.
PLACE_WORDS_BEFORE = frozenset(["near", "outside", "toward", "towards"])
PLACE_NOUNS_BEFORE_OF = frozenset(
    ["city", "town", "village", "province", "region", "district", "state", "capital", "port", "island", "county"]
)
WORD_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ity",
    "ive",
    "ance",
    "ence",
    "ship",
    "ness",
    "ical",
    "ism",
    "ogy",
    "ics",
    "ative",
    "ure",
    "ary",
    "ory",
    "ous",
    "able",
    "ible",
    "ing",
    "ist",
    "ists",
    "ers",
    "ies",
    "ful",
    "less",
    "ward",
    "wards",
)


@dataclass
class PersonMention:
    name: str
    aliases: list = field(default_factory=list)
    role: str = ""
    spans: list = field(default_factory=list)


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


@dataclass
class KnownEntities:
    """What editors decided: confirmed people by name and alias, names rejected everywhere."""

    people: dict = field(default_factory=dict)  # folded name or alias -> (name, [aliases])
    rejected_people: frozenset = frozenset()  # folded names
    rejected_countries: frozenset = frozenset()  # ISO codes
    rejected_topics: frozenset = frozenset()  # slugs
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


NOTHING_KNOWN = KnownEntities()
LEADING_NOISE = (FUNCTION_WORDS - TITLES) | DAYS_MONTHS


class _Token:
    __slots__ = ("start", "end", "text", "gap", "key", "place", "place_end", "kind")

    def __init__(self, start, end, text, gap):
        self.start, self.end, self.text, self.gap = start, end, text, gap
        self.key = fold(text)
        self.place = None  # ISO codes the phrase starting here names ([] for a region)
        self.place_end = end  # where that phrase ends ("Republic of Korea")
        self.kind = "word"


def _tokens(text, start, end):
    """The capitalised tokens of a run, each with the connector words before it."""
    tokens, last, nick = [], start, None
    for m in TOKEN_RE.finditer(text, start, end):
        word = m.group()
        if word[0] in '“"‘':
            nick = word.strip('“”"‘’')
            last = m.end()
            continue
        gap = text[last : m.start()].strip()
        tok = _Token(m.start(), m.end(), word, gap)
        if nick:
            tok.gap, nick = "nick:" + nick, None
        tokens.append(tok)
        last = m.end()
    return tokens


def _mark_places(tokens, gaz):
    """Mark tokens that name countries or regions, longest phrase first."""
    i, n = 0, len(tokens)
    while i < n:
        best = None
        phrase = ""
        for j in range(i, min(n, i + gaz.max_words)):
            tok = tokens[j]
            if j > i:
                if tok.gap.startswith("nick:") or (
                    tok.gap and not set(tok.gap.split()) <= CONNECTORS
                ):
                    break
                phrase += " " + (fold(tok.gap) + " " if tok.gap else "")
            phrase += tok.key
            if j == i and phrase in gaz.capitals_only and not tok.text.replace(".", "").isupper():
                break  # "Un" in "Kim Jong Un" is not the UN
            if phrase in gaz.regions:
                best = (j, "")
            elif phrase in gaz.lookup:
                best = (j, gaz.lookup[phrase])
            if phrase not in gaz.prefixes:
                break
        if best is None and "-" in tokens[i].text:
            # "China-Africa forum": each part of a hyphenated word may name a country.
            codes = [gaz.lookup[p] for p in tokens[i].key.split("-") if p in gaz.lookup]
            if codes:
                tokens[i].place, tokens[i].kind = codes, "place"
            i += 1
            continue
        if best is not None:
            j, code = best
            if (
                code
                and j == i
                and tokens[i].key in gaz.ambiguous
                and i + 1 < n
                and _namelike(tokens[i + 1])
            ):
                i += 1  # "Jordan Bardella": a first name, not a country
                continue
            for k in range(i, j + 1):
                tokens[k].place, tokens[k].kind = [], "place"
            tokens[i].place, tokens[i].place_end = [code] if code else [], tokens[j].end
            i = j + 1
        else:
            i += 1


def _is_title(word):
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


def _is_org_word(word):
    return word in ORG_WORDS or ("-" in word and any(p in ORG_WORDS for p in word.split("-")))


def _is_acronym(word):
    """All capitals and not an initial ('W.', 'H.W.') or a numeral suffix ('III')."""
    return len(word) > 1 and word.isupper() and "." not in word and word not in NAME_SUFFIXES


def _namelike(tok):
    text = tok.text
    return (
        len(text) > 1
        and not text.isupper()
        and text not in TITLES
        and text not in ORG_WORDS
        and text not in FUNCTION_WORDS
        and text not in DAYS_MONTHS
    )


def _sentence_start(text, pos):
    i = pos - 1
    while i >= 0 and text[i] in " \t“\"‘'(":
        i -= 1
    return (
        i < 0 or text[i] in SENTENCE_STARTERS or text[i] in "”’" and i > 0 and text[i - 1] in ".!?,"
    )


ROLE_MODIFIERS = frozenset(
    ["former", "late", "acting", "deputy", "vice", "then", "ex", "prime", "foreign", "defence", "defense", "senior", "top", "chief", "opposition", "army", "military", "interim", "outgoing", "incoming", "newly", "elected", "veteran"]
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


def _lower_role_before(text, start):
    """A role written in lower case just before a name: 'then-Chinese minister of foreign affairs'."""
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


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: list
    role: str
    alias: str = ""
    nick: str = ""


def _candidates(text, tokens):
    """Person-name candidates in one run, with the role (titles) that stands before each."""
    # Titles: a leading stretch of titles (and 'of' portfolios after them) is the role.
    i, n = 0, len(tokens)
    out = []
    while i < n:
        tok = tokens[i]
        if tok.kind == "place":
            i += 1
            continue
        role_start = None
        # Walk over function words, days and titles.
        while i < n and tokens[i].kind != "place":
            word = tokens[i].text
            if _is_title(word):
                if role_start is None:
                    role_start = tokens[i].start
                    # a country word right before the title belongs to the role ("Chinese President")
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
            if word in FUNCTION_WORDS or word in DAYS_MONTHS or _is_acronym(word):
                role_start = None
                i += 1
                continue
            break
        # Collect name tokens until something that cannot be in a name.
        j = i
        org = False
        while j < n and tokens[j].kind != "place":
            tok = tokens[j]
            if (
                j > i
                and tok.gap
                and not tok.gap.startswith("nick:")
                and not set(tok.gap.rstrip("-").split()) <= NAME_PARTICLES
            ):
                break
            if _is_org_word(tok.text) or (j > i and tok.text in ORG_FINAL_WORDS):
                org = True
            if (
                tok.text in FUNCTION_WORDS
                or tok.text in DAYS_MONTHS
                or _is_title(tok.text)
                and j > i
            ):
                break
            if _is_acronym(tok.text):
                org = True
            j += 1
        # Anything organisational straight after the name makes the whole phrase an organisation.
        k = j
        while k < n and tokens[k].kind != "place" and not org:
            if _is_org_word(tokens[k].text) or tokens[k].text in ORG_FINAL_WORDS:
                org = True
            k += 1
        name_tokens = tokens[i:j]
        if name_tokens and not org:
            role = text[role_start : name_tokens[0].start].strip() if role_start is not None else ""
            nick = next((t.gap[5:] for t in name_tokens[1:] if t.gap.startswith("nick:")), "")
            out.append(
                _Candidate(name_tokens[0].start, name_tokens[-1].end, name_tokens, role, nick=nick)
            )
        i = max(j, i + 1) if not org else max(k, i + 1)
    return out


def _after_of(tokens, i):
    """True when token i continues a title's portfolio ('Minister of Public Security')."""
    k = i
    while k > 0 and tokens[k].text in PORTFOLIO_WORDS:
        if tokens[k].gap in CONNECTORS or tokens[k].gap in ("of the", "for the"):
            return True
        k -= 1
    return tokens[k].gap in CONNECTORS or tokens[k].text in TITLES


def _wordy(key, lower_words):
    """An ordinary English word rather than a name: seen in lower case here, or built like one."""
    return key in lower_words or key in COMMON_CAPITALISED or key.endswith(WORD_SUFFIXES)


@lru_cache(maxsize=20_000)  # bounded: ingest memory stays flat over 100,000 stories
def _analyse_run(run):
    """What a run says by itself, cached because news repeats its runs ("Prime Minister Edi Rama").

    Returns (places, candidates) with offsets relative to the run; never mutate them.
    """
    tokens = _tokens(run, 0, len(run))
    if not tokens:
        return (), ()
    _mark_places(tokens, gazetteer.load())
    places = tuple((t.start, t.place_end, tuple(t.place)) for t in tokens if t.place)
    return places, tuple(_candidates(run, tokens))


def _in_context(text, cand, offset, lower_words):
    """A run's candidate checked against the text around it: a _Candidate at absolute offsets, or None."""
    toks = cand.tokens
    start, end, role = cand.start + offset, cand.end + offset, cand.role
    if (
        ACRONYM_AFTER_RE.match(text, end)
        or ORG_NOUN_AFTER_RE.match(text, end)
        or _place_or_institution_before(text, start)
    ):
        return None  # "the Legislative Yuan", "Security Support (MSS)": institutions, not people
    if toks[0].text in FOREIGN_ARTICLES:
        return None  # "El Tiempo", "Te Pati Maori": newspapers, parties
    if toks[0].text in PLACE_PREFIXES or fold(text[start:end]) in gazetteer.load().subdivisions:
        return None  # "North Kivu", "Greater Sunrise", "Uttar Pradesh": places
    if len(toks) > 1 and toks[0].key in lower_words and _sentence_start(text, start):
        toks = toks[1:]  # a sentence's first word that the text also writes in lower case
        start, role = toks[0].start + offset, ""
    if len(toks) >= 2 and all(_wordy(t.key, lower_words) for t in toks):
        return None  # capitalised ordinary words ("Public Security", "Development Community")
    if len(toks) > 5:
        return None
    return _Candidate(start, end, toks, role, nick=cand.nick)


def extract(text, known=None):
    """Extract people, countries and topics from `text`. Spans are offsets into `text`."""
    known = known or NOTHING_KNOWN
    gaz = gazetteer.load()
    words = [w.strip(WORD_EDGE_PUNCTUATION) for w in text.split()]
    lower_words = frozenset(filter(str.islower, words))  # words this text also writes in lower case

    countries = {}
    full, partial = [], []  # full-name candidates and single tokens to resolve
    lookup, regions, prefixes, capitals_only = (
        gaz.lookup,
        gaz.regions,
        gaz.prefixes,
        gaz.capitals_only,
    )
    for run in RUN_RE.finditer(text):
        word = run.group()
        start, end = run.span()
        # Drop opening words that are never part of a name or place ("On Monday", "The ...").
        while word in LEADING_NOISE or word.partition(" ")[0] in LEADING_NOISE:
            first, space, rest = word.partition(" ")
            if space and fold(first) in prefixes:
                break  # "New Zealand", "South Africa"
            if not space:
                word = ""
                break
            start += len(first) + 1
            word = rest.lstrip(" ")
            start = end - len(word)
        if not word or word in TITLES:
            continue
        if " " not in word and "-" not in word and "’" not in word and "'" not in word:
            # Fast path for a lone capitalised word: a country, or a surname to resolve later.
            key = fold(word)
            code = lookup.get(key)
            if key in capitals_only and not word.replace(".", "").isupper():
                code, key = None, word  # "Us", "Un": not the abbreviation
            if code is not None:
                countries.setdefault(code, []).append((start, end))
            elif key not in regions and not _is_acronym(word) and word not in ORG_WORDS:
                partial.append((start, end, key))
            continue
        places, candidates = _analyse_run(word)
        for s, e, codes in places:
            for code in codes:
                countries.setdefault(code, []).append((s + start, e + start))
        for raw in candidates:
            cand = _in_context(text, raw, start, lower_words)
            if cand is None:
                continue
            if len(cand.tokens) == 1:
                partial.append((cand.start, cand.end, cand.tokens[0].key))
                continue
            if end == cand.end:
                alias = CJK_ALIAS_RE.match(text, cand.end)
                if alias:
                    cand.alias = alias.group(1)
            if not cand.role:
                cand.role = _lower_role_before(text, cand.start)
            full.append(cand)

    people = {}  # folded key -> PersonMention
    by_token = []  # (start, key, token keys) of full mentions, in text order

    def mention(key, name, span, role="", aliases=()):
        person = people.get(key)
        if person is None:
            person = people[key] = PersonMention(name=name)
        if role and not person.role:
            person.role = role
        for alias in aliases:
            if alias and alias not in person.aliases and alias != person.name:
                person.aliases.append(alias)
        person.spans.append(span)
        return person

    aliases_at = {}  # start offset of a "known as" name -> the person it belongs to
    for cand in full:
        toks = cand.tokens
        name = _display_name(text, cand)
        key = fold(name)
        if key in known.rejected_people:
            continue
        if cand.start in aliases_at:
            mention(
                aliases_at[cand.start],
                people[aliases_at[cand.start]].name,
                (cand.start, cand.end),
                "",
                [name],
            )
            continue
        token_keys = {t.key for t in toks if t.text.lower() not in NAME_PARTICLES}
        # A shorter form of a name already mentioned ("Ramos Horta") is the same person.
        earlier = [e for e in by_token if token_keys < e[2] and e[0] < cand.start]
        if key in known.people:
            canonical, aliases = known.people[key]
            key = fold(canonical)
            mention(
                key, canonical, (cand.start, cand.end), cand.role, [*aliases, cand.alias, cand.nick]
            )
        elif earlier:
            key = earlier[-1][1]
            mention(key, people[key].name, (cand.start, cand.end))
        else:
            existing = people.get(key)
            if existing and _accents(name) > _accents(existing.name):
                existing.name = name
            mention(key, name, (cand.start, cand.end), cand.role, [cand.alias, cand.nick])
        by_token.append((cand.start, key, token_keys | {fold(a) for a in people[key].aliases}))
        known_as = KNOWN_AS_RE.match(text, cand.end)
        if known_as:
            aliases_at[known_as.end()] = key

    name_parts = set().union(*(e[2] for e in by_token)) if by_token else set()
    for start, end, key in partial:
        if (
            key in known.people
            and key not in name_parts
            and not (key in lower_words and _sentence_start(text, start))
        ):
            canonical, aliases = known.people[key]  # "Lula", an editor-confirmed one-word alias
            mention(fold(canonical), canonical, (start, end), "", aliases)
            continue
        if key not in name_parts or (key in lower_words and _sentence_start(text, start)):
            continue
        before = [e for e in by_token if key in e[2] and e[0] < start]
        after = [e for e in by_token if key in e[2] and e[0] >= start]
        target = before[-1] if before else after[0]
        mention(target[1], people[target[1]].name, (start, end))

    if known._cjk_re is not None:
        for m in known._cjk_re.finditer(text):
            canonical, aliases = known.people[m.group()]
            mention(fold(canonical), canonical, m.span(), "", aliases)

    people_out = [p for key, p in people.items() if key not in known.rejected_people]
    for p in people_out:
        p.spans.sort()
        p.aliases = [a for a in p.aliases if fold(a) != fold(p.name)]
    country_out = [
        CountryMention(code, sorted(spans))
        for code, spans in countries.items()
        if code not in known.rejected_countries
    ]
    topics = [
        TopicMention(slug, score)
        for slug, score in known.topic_rules.score(text.lower(), Counter(map(str.lower, words)))
        if slug not in known.rejected_topics
    ]
    return Extraction(people_out, country_out, topics)


def _accents(name):
    return sum(1 for c in name if ord(c) > 127)


def _display_name(text, cand):
    """The name as written, without a nickname in quotes or a possessive."""
    name = ""
    for tok in cand.tokens:
        if name:
            gap = "" if tok.gap.startswith("nick:") else tok.gap
            name += " " + (gap if gap.endswith("-") else gap + " " if gap else "")
        name += tok.text
    return name
