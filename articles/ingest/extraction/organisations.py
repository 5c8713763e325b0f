"""Organisations: full names, the acronyms a story defines, and the well-known ones.

Three kinds of evidence, all read off the runs of capitalised words (`tokens.RUN_RE`):

- a name built on an organisation word: "Socialist Party", "Albanian Central Election
  Commission", "University of Zambia", "Korea Electric Power Corp". The organisation word alone
  ("the Party", "the Commission", "Parliament") is a generic reference, never tagged; so is a
  lower-case one ("the party");
- a capitalised name beside a lower-case organisation noun ("the governing Libre party",
  "football club Sheriff Tiraspol"), and "A & B" company names;
- organisations editors know (`KnownEntities.organisations`): the shipped list of well-known
  ones (`data/organisations.json`: NATO, EU, UN, WHO, IMF...), which editors change in the admin
  (`Organisation.well_known`), and every organisation an editor confirmed. They are recognised by
  name and alias, acronyms matched with their case ("WHO", never "Who").

An acronym or short name a story defines ("the Chinese Communist Party (CCP)", "Khangai Copper
Resources LLC ("Khangai Copper")", "..., known as INGD") becomes an alias, and its later uses
resolve to that organisation. A name that is a country or a region is a place, never an
organisation (the EU is an organisation because the list says so); a name a person holds is the
person's (`extract()` passes the people's spans).
"""

from functools import lru_cache

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.mentions import OrganisationMention
from articles.ingest.extraction.organisation_book import (
    OrganisationBook,
    acronym_like,
    lookups,
    phrase_of,
)
from articles.ingest.extraction.organisation_words import (
    COMPANY_ABBREVIATIONS,
    COMPANY_NOUNS,
    DEFINED_RE,
    DIGEST_PAPER_RE,
    FACILITY_WORDS,
    HEADS,
    JOINERS,
    LEADING_NOISE,
    LIST_GAPS,
    MEDIA_NOUNS,
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
    POSSESSIVE_WORDS,
    SAID_AFTER_RE,
    SEATS_OF_POWER,
    STOCK_MOVE_RE,
    TOLD_BEFORE,
    TRAILING_ONLY,
)
from articles.ingest.extraction.tokens import RUN_RE, run_tokens
from articles.ingest.gazetteer import fold


class _Found:
    """The organisations of one text, by folded name, and the short forms it defined."""

    def __init__(self):
        self.by_key = {}
        self.defined = OrganisationBook({}, {}, 1, set())  # this text's aliases -> (name, ())

    def add(self, name, span, kind="other", aliases=()):
        key = fold(name)
        org = self.by_key.get(key)
        if org is None:
            org = self.by_key[key] = OrganisationMention(name=name, kind=kind)
            org.country = _country_of(name)
        for alias in aliases:
            if alias and alias != org.name and alias not in org.aliases:
                org.aliases.append(alias)
        org.spans.append(span)
        return org

    def define(self, org, alias):
        """A short form the text defines for `org`: an alias, and a name for later mentions."""
        if alias == org.name or len(alias) > 60:
            return
        if alias not in org.aliases:
            org.aliases.append(alias)
        self.defined.add(alias, entry=(org.name, ()))


def organisations(text, known, people_spans=()):
    """Return the OrganisationMentions of `text`, editors' decisions (`known`) applied.

    `people_spans` are the spans of the people found in `text`: a single word that is both a
    listed organisation and a person's name or surname there ("Bloomberg") is the person's.
    """
    book = known.organisations
    rejected = known.rejected_organisations
    found = _Found()
    # Where a lower-case organisation noun stands after or before a run: one scan each.
    listed = None  # (end, noun) of the last name read after a plural noun: a list may go on
    people = sorted(people_spans)
    surnames = {fold(text[s:e].rsplit(" ", 1)[-1]) for s, e in people}
    for start, end in _runs(text):
        run = text[start:end]
        tokens, heads = _analyse(run)
        claimed = []
        for rel_start, rel_end, name, kind in heads:
            span = (start + rel_start, start + rel_end)
            if text[span[1] : span[1] + 1] == "." and _legal_form_last(name):
                name, span = name + ".", (span[0], span[1] + 1)  # "Microsoft Corp."
            if fold(name) in rejected or _is_place(name) or _credit(text, span):
                continue
            # A known organisation's full name wins over the head rule ("World Food Programme").
            entry = book.get(name) or found.defined.get(name)
            org = (
                found.add(entry[0], span, kind, entry[1]) if entry else found.add(name, span, kind)
            )
            claimed.append(span)
            _defined_after(text, span[1], org, found)
        if text[end : end + 1] == "+" and (entry := book.get(tokens[-1][2] + "+")):
            span = (start + tokens[-1][0], end + 1)  # "OPEC+": the run stops before the "+"
            claimed.append(span)
            found.add(entry[0], span, "other", entry[1])
        hits = book.hits(run, tokens)
        if found.defined.exact or found.defined.folded:
            hits = sorted({*hits, *lookups(tokens, (found.defined,))}, key=lambda h: h[0])
        for i, j, entry in hits:
            span = (start + tokens[i][0], start + tokens[j][1])
            if _overlaps(span, claimed):
                continue
            if (
                i == j
                and not acronym_like(tokens[i][2])
                and (tokens[i][4] in surnames or _overlaps(span, people))
            ):
                continue  # "Bloomberg" where the text names Michael Bloomberg
            if fold(entry[0]) in rejected or _credit(text, span):
                continue
            org = found.add(entry[0], span, "other", entry[1])
            claimed.append(span)
            _defined_after(text, span[1], org, found)
        if not claimed and tokens:
            before = _noun_before(text, start)
            if before is None and listed and text[listed[0] : start] in LIST_GAPS:
                before = listed[1]  # "retailers Metro, Rewe and Lidl"
            nouned = _beside_noun(text, start, end, run, tokens, before)
            if nouned and not _overlaps(nouned[1], people):
                name, span, kind = nouned
                if fold(name) not in rejected and (kind == "government" or not _is_place(name)):
                    org = found.add(name, span, kind)
                    claimed.append(span)
                    _defined_after(text, end, org, found)
                    if before in PLURAL_NOUNS:
                        listed = (end, before)
    if "PRESS DIGEST" in text[:300].upper():
        _digest_papers(text, found, rejected)
    out = []
    for org in found.by_key.values():
        if fold(org.name) in rejected or any(fold(a) in rejected for a in org.aliases):
            continue
        org.spans.sort()
        out.append(org)
    return out


def _digest_papers(text, found, rejected):
    """A press digest lists stories under each paper's name, a line of capitals of its own
    ("HAARETZ", then "- Palestinian President ..."): those names are newspapers. A country
    ("IRAQ") or a section ("FRONT PAGE") heads a list too, and is not one."""
    for m in DIGEST_PAPER_RE.finditer(text):
        name = m.group(1)
        if name.rsplit(" ", 1)[-1] in ("PAGE", "PAGES") or fold(name) in rejected:
            continue
        if not _is_place(name):
            found.add(name, m.span(1), "media")


def _runs(text):
    """The text's runs of capitalised words as (start, end), joined across 'and', '&' and the
    possessives that stand inside names."""
    runs = []
    for m in RUN_RE.finditer(text):
        start, end = m.span()
        if runs and start - runs[-1][1] <= 5:
            prev_start, prev_end = runs[-1]
            gap = text[prev_end:start]
            if gap in JOINERS and _joins(text[prev_start:prev_end], gap, text[start:end]):
                runs[-1] = (prev_start, end)
                continue
        runs.append((start, end))
    return runs


def _joins(left, gap, right):
    last = left.rsplit(" ", 1)[-1]
    if gap in ("'s ", "’s ", "' ", "’ "):
        return last in POSSESSIVE_WORDS
    right_words = right.split()
    if gap == " & ":
        return True
    # " and ": the second half ends the name started by the first ("Department of Latin
    # American and Caribbean Affairs", "International Cooperation and Development Fund").
    left_words = left.split()
    right_head = any(w in HEADS and w not in TRAILING_ONLY for w in right_words)
    left_head = any(w in HEADS and w not in TRAILING_ONLY for w in left_words)
    if left_head and (" of " in f" {left} " or " for " in f" {left} "):
        return len(right_words) <= 3
    while left_words and left_words[0] in LEADING_NOISE and not _opens_place_words(left_words):
        left_words = left_words[1:]
    # One word joins when it is an ordinary word ("Securities and Exchange Commission", "Truth
    # and Reconciliation Commission"); a lone name ("Clinton and Senate Republicans") does not.
    return (
        right_head
        and not left_head
        and (right_words[0] not in HEADS or len(right_words) > 1)
        and bool(left_words)
        and (len(left_words) >= 2 or _ordinary(fold(left_words[0])))
        and not _is_place(" ".join(left_words))
    )


def _ordinary(key):
    """An everyday English word, plurals in -ies too ("securities")."""
    return name_lists.ordinary_words((key,)) or (
        key.endswith("ies") and name_lists.ordinary_words((key[:-3] + "y",))
    )


def _opens_place_words(words_):
    return len(words_) > 1 and fold(" ".join(words_[:2])) in gazetteer.load().prefixes


@lru_cache(maxsize=20_000)  # bounded, as candidates.analyse_run: news repeats its runs
def _analyse(run):
    """(tokens, names built on an organisation word) of one run; offsets relative to the run.

    tokens: ((start, end, text, gap, folded), ...); names: ((start, end, name, kind), ...).
    """
    tokens = tuple((t.start, t.end, t.text, t.gap, t.key) for t in run_tokens(run, 0, len(run)))
    return tokens, tuple(_head_names(run, tokens))


def _head_names(run, tokens):
    n = len(tokens)
    i = 0
    while i < n:
        # Skip what opens a run before a name: "The", "On Monday", "Governor of the",
        # "Tokyo-based".
        while i < n and (
            tokens[i][2] in LEADING_NOISE
            or tokens[i][2] in PERSON_TITLES
            or _compound_adjective(tokens[i][2])
        ):
            if _opens_place(tokens, i):
                break  # "New York Stock Exchange": "New" is a month-list word, here a place's
            i += 1
        while i < n and tokens[i][3] in ("of", "of the", "for", "for the", "the"):
            if i > 0 and tokens[i - 1][2] in PERSON_TITLES:
                i += 1  # "Governor of the Central Bank": the title's complement is the name
                continue
            break
        first = i
        h = next((k for k in range(first, n) if _is_head(tokens, k, first)), None)
        if h is None:
            return
        # "Salvador Nasralla of the Liberal Party": with no organisation word before it, what
        # stands before "of" is not part of the name.
        for k in range(first + 1, h + 1):
            if tokens[k][3] in ("of", "of the", "for", "for the"):
                first = k
        end = h
        before_complement = h
        # Complements and further organisation words: "University of Zambia", "Korea Electric
        # Power Corp"; a title, a function word or a place word ends the name.
        k = h + 1
        while k < n:
            word, gap = tokens[k][2], tokens[k][3]
            if word in PERSON_TITLES or word in LEADING_NOISE or gap.startswith("nick:"):
                break
            if word in FACILITY_WORDS:
                end = None
                break
            if word in NOT_NAME_WORDS:
                end = before_complement
                break
            if _is_head(tokens, k, first):
                before_complement = k
            if gap in ("of", "of the", "for", "for the", "and") or _is_head(tokens, k, first):
                end = k
                while k + 1 < n and not tokens[k + 1][3] and tokens[k + 1][2] not in PERSON_TITLES:
                    if tokens[k + 1][2] in FACILITY_WORDS:
                        break
                    k += 1
                    end = k
                k += 1
                continue
            break
        if end is not None and _inside_place(tokens, first, end):
            end = None  # "Republic of the Union of Myanmar": a country's official name
        if end is not None and (
            end > first or tokens[first][2] not in HEADS or tokens[first][2] in NAMES_ALONE
        ):
            name_tokens = tokens[first : end + 1]
            if not (
                len(name_tokens) == 1
                and name_tokens[0][2] in HEADS
                and name_tokens[0][2] not in NAMES_ALONE
            ):
                name_end = name_tokens[-1][1]
                name = run[name_tokens[0][0] : name_end]
                yield name_tokens[0][0], name_end, name, HEADS[tokens[h][2]]
        i = max(k, h + 1)


def _credit(text, span):
    """'(Reuters) -', '(AFP) —': the agency credit of a dateline, not a mention."""
    s, e = span
    return text[s - 1 : s] == "(" and text[e : e + 3] in (") -", ") —", ") –")


def _legal_form_last(name):
    """The name ends in an abbreviated legal form ("Corp", "Inc"), whose period the run leaves."""
    return name.rsplit(" ", 1)[-1] in COMPANY_ABBREVIATIONS


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


def _compound_adjective(word):
    """'Tokyo-based', 'Iran-aligned', 'LDP-dominated': describes a name, is not one."""
    _, dash, rest = word.partition("-")
    return bool(dash) and rest[:1].islower()


def _is_head(tokens, k, first):
    word = tokens[k][2]
    if word not in HEADS:
        return False
    if word in TRAILING_ONLY:
        return k > first and not tokens[k][3]
    return True


def _beside_noun(text, start, end, run, tokens, before):
    """(name, span, kind) when the words beside the run say it names an organisation: a
    lower-case organisation noun after it or `before` it, a share price moving after it, a verb
    of saying after an acronym (or "told" before it), or "A & B" inside it."""
    m = NOUN_AFTER_RE.match(text, end)
    after = m.group(1) if m else None
    if after is None and before is None and " & " not in run:
        if STOCK_MOVE_RE.match(text, end):
            after = "shares"
        elif (SAID_AFTER_RE.match(text, end) or text.endswith(TOLD_BEFORE, 0, start)) and (
            _lone_acronym(tokens) or _seat_of_power(tokens)
        ):
            after = "said"
        else:
            return None
    first = 0
    while first < len(tokens) and tokens[first][2] in LEADING_NOISE:
        first += 1
    if first == len(tokens) or tokens[first][2] in PERSON_TITLES:
        return None
    if any(t[2] in PERSON_TITLES or _compound_adjective(t[2]) for t in tokens[first:]):
        return None
    gaz = gazetteer.load()
    if all(t[4] in gaz.lookup or t[4] in gaz.regions for t in tokens[first:]):
        return None  # "an Iraqi Kurdish group": demonyms and places, not a name
    name = text[start + tokens[first][0] : start + tokens[-1][1]]
    span = (start + tokens[first][0], end)
    if after == "said":
        if _seat_of_power(tokens):
            return name, span, "government"
        return name, span, "other"
    noun = after or (before if first == 0 else None)
    if noun:
        # "Sterling fell 1 percent", "Steel shares", "Nikkei", "State television": everyday
        # words and markets, not a firm or a paper.
        # At a sentence's start, capitals say nothing: there, dictionary words are words.
        keys = tuple(t[4] for t in tokens[first:])
        if (noun in COMPANY_NOUNS or noun in MEDIA_NOUNS) and (
            any(t[2] in NOT_FIRM_WORDS for t in tokens[first:])
            or name_lists.ordinary_words(keys)
            or (sentence_start(text, span[0]) and all(map(name_lists.in_dictionary, keys)))
        ):
            return None
        kind = "company" if noun in COMPANY_NOUNS else NOUN_KINDS.get(noun, "other")
        return name, span, kind
    if " & " in name:
        return name, span, "company"
    return None


def _noun_before(text, start):
    """The lower-case organisation noun that stands right before `start` ("firm ", "shares of "),
    or None: a look at the one or two words before, cheaper than a scan of the whole text."""
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
    return word if word in NOUNS_BEFORE else None


def _lone_acronym(tokens):
    """One acronym of 2 to 6 letters after any opening words ("The KFTA"); initials with full
    stops ("J.K.") and common abbreviations ("GMT", "AIDS") are not."""
    rest = [t[2] for t in tokens if t[2] not in LEADING_NOISE]
    if len(rest) != 1 or "." in rest[0] or rest[0] in NOT_ORGANISATION_ACRONYMS:
        return False
    return acronym_like(rest[0]) and 2 <= sum(c.isalpha() for c in rest[0]) <= 6


def _seat_of_power(tokens):
    words_ = [t[4] for t in tokens if t[2] not in LEADING_NOISE]
    return 0 < len(words_) <= 2 and " ".join(words_) in SEATS_OF_POWER


def _defined_after(text, end, org, found):
    """An acronym or short name defined right after an organisation's name."""
    m = DEFINED_RE.match(text, end)
    if m is None:
        return
    alias = (m.group(1) or m.group(2) or "").strip()
    key = fold(alias)
    gaz = gazetteer.load()
    if alias and key not in gaz.lookup and key not in gaz.regions and not alias.isdigit():
        found.define(org, alias)


def _is_place(name):
    gaz = gazetteer.load()
    key = fold(name)
    return key in gaz.lookup or key in gaz.regions or key in NOT_ORGANISATIONS


def _country_of(name):
    """The country a name opens with ("Albanian Central Election Commission": AL), or ""."""
    first = name.split(" ", 1)[0]
    code = gazetteer.load().lookup.get(fold(first))
    return code if isinstance(code, str) else ""


def _overlaps(span, spans):
    return any(span[0] < e and s < span[1] for s, e in spans)
