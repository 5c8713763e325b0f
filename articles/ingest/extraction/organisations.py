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

This module reads a text run by run and decides; the parts it asks are in their own modules:
- `organisation_words`: the word lists and patterns;
- `organisation_heads`: the names built on an organisation word inside one run;
- `organisation_cues`: what the words beside a run say;
- `organisation_lists`: the names listed with a firm, a party or a paper;
- `organisation_book` and `organisation_known`: the organisations known by name, and where a
  known name stands for one;
- `acronyms`: the names an acronym spells.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.acronyms import (
    BRACKETED_ACRONYM_RE,
    NAME_IN_BRACKETS_RE,
    acronym_before,
    initials_spell,
    name_after,
    proper_word,
    spelled_name,
)
from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.mentions import OrganisationMention, overlaps
from articles.ingest.extraction.organisation_book import (
    OrganisationBook,
    acronym_like,
    company_book,
)
from articles.ingest.extraction.organisation_cues import (
    SURE_FIRM,
    beside_noun,
    credit,
    defined_after,
    digest_papers,
    is_place,
    newspaper_titles,
    noun_before,
    papers_of_places,
)
from articles.ingest.extraction.organisation_heads import name_start, read_run
from articles.ingest.extraction.organisation_known import company_forms, known_names
from articles.ingest.extraction.organisation_lists import partners_in_lists
from articles.ingest.extraction.organisation_words import (
    APPOSITIVE_ONE_OF_RE,
    APPOSITIVE_RE,
    COMPANY_ABBREVIATIONS,
    FIELDS_BEFORE_COUNTRY,
    FIRM_ROLE_PAIRS,
    FIRMS_ONLY_BEFORE,
    HEADS,
    INDUSTRY_WORDS,
    JOINERS,
    LEADING_NOISE,
    LEGAL_FORM_AFTER_COMMA_RE,
    LIST_GAPS,
    NOT_ORGANISATION_ACRONYMS,
    NOUN_PAIRS_BEFORE,
    NOUNS_BEFORE,
    NUMBER_IN_NAME_RE,
    OFFICE_POSSESSIVES,
    OFFICER_TITLES,
    OPENING_CLASS_NOUNS,
    PARTNERS_CHAIN_RE,
    PARTNERS_TAILS,
    PERSON_TITLES,
    PLACE_BASED_OPENING_RE,
    PLURAL_NOUNS,
    POSSESSIVE_WORDS,
    TICKER_BRACKET_RE,
    TRAILING_ONLY,
    noun_before_comma,
    plural_noun_opening_list,
)
from articles.ingest.extraction.tokens import RUN_RE
from articles.ingest.gazetteer import country_names, fold
from articles.ingest.lexicon import (
    BODY_OPENERS,
    BODY_PARTICLES,
    COMPANY_OPENERS,
    DATE_ENDS,
    DAYS_MONTHS,
    LEGAL_FORMS_BEFORE,
    VESSEL_PREFIXES,
    WEEKDAYS,
)

COMPANY_OPENING_WORDS = LEGAL_FORMS_BEFORE | COMPANY_OPENERS


class _Found:
    """The organisations of one text, by folded name, and the short forms it defined."""

    def __init__(self):
        self.by_key = {}
        # The folded aliases of the organisations found: a later "Microsoft" is the "Microsoft
        # Corp" the story named first, not a second organisation.
        self.by_alias = {}
        self.defined = OrganisationBook()  # this text's aliases -> (name, ())

    def add(self, name, span, kind="other", aliases=(), join_alias=True):
        """The organisation `name` names, with `span` and `aliases` added: the one found under
        that name, else (with `join_alias`) the one that has it as an alias, else a new one."""
        key = fold(name)
        org = self.by_key.get(key) or (self.by_alias.get(key) if join_alias else None)
        if org is None:
            org = self.by_key[key] = OrganisationMention(name=name, kind=kind)
            org.country = _country_of(name)
        for alias in aliases:
            if alias and alias != org.name and alias not in org.aliases:
                org.aliases.append(alias)
                self.by_alias.setdefault(fold(alias), org)
        if span not in org.spans:
            org.spans.append(span)
        return org

    def absorb(self, org, other):
        """`other`, taken out of `by_key`, becomes part of `org`: its spans, and its aliases'
        later uses."""
        org.spans += [s for s in other.spans if s not in org.spans]
        for key, found in self.by_alias.items():
            if found is other:
                self.by_alias[key] = org

    def spans(self):
        """Every span of every organisation found so far."""
        return {span for org in self.by_key.values() for span in org.spans}

    def define(self, org, alias):
        """A short form the text defines for `org`: an alias, and a name for later mentions."""
        if alias == org.name or len(alias) > 60:
            return
        if alias not in org.aliases:
            org.aliases.append(alias)
            self.by_alias.setdefault(fold(alias), org)
        self.defined.add(alias, entry=(org.name, ()))


@dataclass
class _Story:
    """One text being read: what editors decided, the people found, the organisations so far."""

    text: str
    book: object  # OrganisationBook
    rejected: frozenset
    people: list  # the people's spans, sorted
    surnames: set  # the people's last words, folded
    found: _Found
    short: frozenset = frozenset()  # the people's spans that hold part of a name ("Tavares")
    listed: tuple | None = None  # (end, noun) of a name read after a plural noun


def organisations(text, known, people_spans=(), short_spans=frozenset(), runs=None):
    """Return the OrganisationMentions of `text`, editors' decisions (`known`) applied.

    `people_spans` are the spans of the people found in `text`: a single word that is both a
    listed organisation and a person's name or surname there ("Bloomberg") is the person's.
    `short_spans` are those of them that name a person by part of the name (a surname alone):
    a noun or an apposition that says firm makes such a one the family's firm ("Brazilian
    meatpacker Tavares", after "Renata Tavares").
    `runs` are the (start, end) of `tokens.RUN_RE`'s matches in `text`, where the scan found
    them already.
    """
    people = sorted(people_spans)
    story = _Story(
        text,
        known.organisations,
        known.rejected_organisations,
        people,
        {fold(text[s:e].rsplit(" ", 1)[-1]) for s, e in people},
        _Found(),
        short_spans,
    )
    tickers = [m.span() for m in TICKER_BRACKET_RE.finditer(text)] if "(" in text else []
    # first, so that a short form they define ("the uMkhonto weSizwe Party (MK)") is known to
    # the runs after them
    _known_in_lower_case(story)
    loose = []  # runs no rule claimed before `_named_beside_noun` read them
    reach = 0  # where the names claimed so far end: past their run, "... on School Research"
    if runs is None:
        runs = [m.span() for m in RUN_RE.finditer(text)]
    for start, end in _runs(text, story.book, people, runs):
        if start < reach:
            continue  # inside a name claimed from an earlier run
        if end - start < 10 and text[start:end] in LEADING_NOISE:
            continue  # "The", "He", "Monday": a sixth of the runs, and no rule names them
        if tickers and overlaps((start, end), tickers):
            continue  # "NASDAQ" and "VLMR" of "(NASDAQ: VLMR)": a company's ticker
        opening, noun = _opening_class_noun(text, start, end)
        if not opening and "-" in text[start:end]:
            opening, noun = _place_based_opening(text, start, end)
        if opening:  # "Consultancy Integralia": the noun before the name
            start += len(opening) + 1
        if " of " in text[start:end] and " & " in text[start:end]:
            start = _after_person_of(story, start, end)  # "Miles Kan of Hambrecht & Quist"
        if (cut := _without_weekday(text, start, end)) is not None:
            end = cut  # "USDA Thursday forecast": the day is no part of the name
        run = text[start:end]
        tokens, heads = read_run(run)
        if len(tokens) > 1 and tokens[0][2] in VESSEL_PREFIXES:
            continue  # "the MV Ocean Dawn": a ship, whatever its name holds
        if run[-1].isdigit() and run[run.rfind(" ") + 1 :].isdigit():
            tokens = _number_token(run, tokens)
        claimed = _named_by_heads(story, start, heads, end) if heads else []
        if not claimed and tokens and tokens[-1][2] in HEADS_WITH_SUBJECT:
            _lone_head_on_subject(story, start, end, tokens, claimed)
        if not claimed and any(t[3] for t in tokens) and BODY_PARTICLE_RE.search(run):
            _named_with_body_particle(story, start, tokens, claimed)
        if not claimed and tokens and tokens[-1][2] in PARTY_MEMBERS:
            _party_by_its_members(story, start, tokens, claimed)
        known_names(story, start, end, run, tokens, claimed)
        if claimed:
            _goes_on_listing(story, start, end)
            reach = max(reach, *(e for _, e in claimed))
        if not claimed and not _only_noise_or_a_country(tokens):
            if tokens[-1][2] in INDUSTRY_WORDS and _country_and_industry(story, start, tokens):
                continue
            if _field_and_country(story, start, tokens):
                continue
            _named_beside_noun(story, start, end, run, tokens, noun)
            loose.append((start, end, tokens))
    if loose and story.found.by_key:
        partners_in_lists(story, loose)
    if "PRESS DIGEST" in text[:300].upper():
        digest_papers(text, story.found, story.rejected)
    _spelled_by_acronyms(story)
    _acronyms_of_found_names(story)
    _short_names_of_found(story)
    _legal_forms_after_commas(story)
    papers_of_places(text, story.found, story.rejected)
    newspaper_titles(text, story.found)
    out = []
    for org in story.found.by_key.values():
        if fold(org.name) in story.rejected or any(fold(a) in story.rejected for a in org.aliases):
            continue
        org.spans.sort()
        _with_article(text, org)
        out.append(org)
    return out


# Arabic's article, written in lower case before a capitalised name: "the official al-Akhbar
# newspaper", "the al-Aqsa Martyrs Brigades". Runs open on a capital, so the name found lacks it.
ARTICLE_PREFIXES = ("al-", "el-")


def _with_article(text, org):
    """Give `org` the article written before its name as the text writes it ("al-Akhbar", not
    "Akhbar"), on every span of that name."""
    start, end = org.spans[0]
    if (
        text[start:end] != org.name
        or not text.endswith(ARTICLE_PREFIXES, 0, start)
        or (start > 3 and text[start - 4].isalnum())
    ):
        return
    org.name = text[start - 3 : end]
    org.spans = [
        (s - 3, e)
        if text[s:e] == text[start:end] and text.endswith(ARTICLE_PREFIXES, 0, s)
        else (s, e)
        for s, e in org.spans
    ]


def _known_in_lower_case(story):
    """Known names that open with a lower-case letter, which no run holds: "Fighters of
    al-Qaeda attacked", "flights on easyJet". Read before the runs, when nothing else is found
    yet; the hits of one expression never overlap one another."""
    found = story.found
    for span, entry in story.book.lower_case_hits(story.text):
        if fold(entry[0]) in story.rejected or overlaps(span, story.people):
            continue
        head = _HEAD_AFTER_RE.match(story.text, span[1])
        if head and head.group(1) in HEADS and head.group(1) not in TRAILING_ONLY:
            # "the uMkhonto weSizwe Party (MK)": the known name opens a longer one, as written
            span = (span[0], head.end())
            longer = story.text[span[0] : span[1]]
            org = found.add(longer, span, HEADS[head.group(1)], (entry[0], *entry[1]))
        else:
            org = found.add(entry[0], span, "other", entry[1])
        defined_after(story.text, span[1], org, found)


_HEAD_AFTER_RE = re.compile(r" ([A-Z][a-z]+)\b")


def _named_by_heads(story, start, heads, end):
    """The run's names built on an organisation word; returns the spans they claim."""
    text, found, claimed = story.text, story.found, []
    for rel_start, rel_end, name, kind in heads:
        span = (start + rel_start, start + rel_end)
        if span[1] < end and _country_ends_run(text, span[1], end):
            # the body's unit or its own name in a country: "Tata Steel UK", "Securities
            # Commission Malaysia"
            name, span = text[span[0] : end], (span[0], end)
        if text.endswith(("anti-", "pro-"), 0, span[0]) and " " in name:
            cut = name.index(" ") + 1  # "the anti-Rangoon Karen National Union"
            name, span = name[cut:], (span[0] + cut, span[1])
        if " of the " in name and _ATTRIBUTIVE_PLACE_AFTER_RE.match(text, span[1]):
            # "the Joint War Committee of the London insurance market": the place is the
            # market's
            cut = name.rindex(" of the ")
            name, span = name[:cut], (span[0], span[0] + cut)
        if " of " in name and (cut := _person_after_of(story, span)):
            name, span = name[: cut - span[0]], (span[0], cut)  # "... Party of Masoud Barzani"
        if _legal_form_stop(text, span[1]) and _legal_form_last(name):
            name, span = name + ".", (span[0], span[1] + 1)  # "Microsoft Corp."
        if fold(name) in story.rejected or is_place(name) or credit(text, span):
            continue
        if span in story.people and _given_name_and_surname(name):
            # The people phase read a person there, which a given name and a surname that is an
            # organisation's word take evidence for: "Helena Bank, a former private banker,"
            continue
        if _partisan_chamber(name):
            continue
        if m := _IN_PLACE_DEFINED_RE.match(text, span[1]):
            longer = f"{name} in {m.group(1)}"
            if initials_spell(longer, m.group(2)) and not initials_spell(name, m.group(2)):
                name, span = longer, (span[0], m.end(1))
        elif (
            name.rsplit(" ", 1)[-1] in HEADS_WITH_SUBJECT
            and (subject := _on_subject(text, span[1]))
        ) or (subject := _AGAINST_RE.match(text, span[1])):
            span = (span[0], subject.end(1))  # "... on Human Rights", "... Against Corruption"
            if fields := _more_fields(text, span[1], everyday=True):
                span = (span[0], fields.end())  # "Council on Energy, Environment and Water"
            name = text[span[0] : span[1]]
        elif (
            (kind == "government" and " of " in name)
            or " for " in name
            or (" of " in name and _adjective_last(name))
        ) and (fields := _more_fields(text, span[1], everyday=" of " not in name)):
            name, span = name + fields.group(), (span[0], fields.end())
        # A known organisation's full name wins over the head rule ("World Food Programme"); a
        # listed company keeps the name the text gives it, the list's forms as aliases.
        entry = story.book.get(name) or found.defined.get(name)
        if entry:
            org = found.add(entry[0], span, kind, entry[1])
        else:
            org = found.add(name, span, kind, company_forms(_listed_company(name)))
        claimed.append(span)
        defined_after(text, span[1], org, found)
    return claimed


def _given_name_and_surname(name):
    """Two words, a given name and another: "Helena Bank", "Tomas Post"."""
    first, space, last = name.partition(" ")
    return bool(space) and " " not in last and fold(first) in name_lists.given_names()


def _adjective_last(name):
    """The name ends in an adjective, where no name ends: its fields go on after a comma
    ("Institute of Statistical, Social and Economic Research")."""
    last = name.rsplit(" ", 1)[-1]
    return last.endswith(("al", "ic")) and name_lists.plain_word(fold(last)) and not is_place(last)


# A chamber named by the party that holds it: "the Republican Congress", "a Democratic Senate"
# (a party's own name has more words: "Indian National Congress").
_PARTISAN = frozenset(
    [
        "Republican",
        "Democratic",
        "Democrat",
        "Conservative",
        "Labour",
        "Liberal",
        "Socialist",
        "Tory",
        "Green",
    ]
)
_CHAMBERS = frozenset(["Congress", "Senate", "House", "Parliament", "Assembly", "Legislature"])


def _partisan_chamber(name):
    words = name.split()
    return len(words) == 2 and words[0] in _PARTISAN and words[1] in _CHAMBERS


_WEEKDAY_END_RE = re.compile(r" (?:" + "|".join(sorted(WEEKDAYS)) + r")$")


def _without_weekday(text, start, end):
    """Where the run ends without the weekday after an acronym ("USDA Thursday forecast"), or
    None; a word and a day may be a club's name ("Sheffield Wednesday")."""
    m = _WEEKDAY_END_RE.search(text, start, end)
    if m is None or m.start() <= start or not text[start : m.start()].isupper():
        return None
    return m.start()


def _listed_before_firm(text, prev_start, right):
    """A name after commas of a list and before "and" a firm's: "Cargill, Mitsui, Continental
    and Louis Dreyfus Corp" are four firms, not one."""
    return text.endswith(", ", 0, prev_start) and HEADS.get(right.rsplit(" ", 1)[-1]) == "company"


# A market or a region after a body's "of the" and a place: the place is theirs.
_ATTRIBUTIVE_PLACE_AFTER_RE = re.compile(r" (?:[a-z]+ )?(?:market|markets|region|area)\b")


def _after_person_of(story, start, end):
    """Where the run's name starts when a person "of" it opens the run ("Miles Kan of
    Hambrecht & Quist": at "Hambrecht"), else `start`."""
    for s, e in story.people:
        if start <= s and e < end and story.text.startswith(" of ", e):
            return e + 4
    return start


def _country_ends_run(text, name_end, end):
    """Nothing but a country's name follows the name in its run, and no possessive or name
    after the run ("Tata Steel UK said", not "Deutsche Bank Germany's")."""
    rest = text[name_end:end]
    return (
        rest[:1] == " "
        and fold(rest[1:]) in country_names()
        and not text.startswith(("'s", "’s", "'", "’"), end)
    )


def _person_after_of(story, span):
    """Where " of " stands before a person's name inside `span` (the name's complement is its
    leader, not part of it: "the Kurdistan Democratic Party of Masoud Barzani"), or None."""
    for start, end in story.people:
        if span[0] < start and end <= span[1] and story.text.endswith(" of ", 0, start):
            # a lone head before it is no name: "the Council of Atacameño Peoples" stays whole
            return start - 4 if " " in story.text[span[0] : start - 4] else None
    return None


# A portfolio of several fields after a ministry's first one: "Ministry of Economy, Trade and
# Industry", "Department of Trade, Industry and Competition".
_MORE_FIELDS_RE = re.compile(
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?){1,3},? and [A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w'’-]| [A-Z])"
)
_FIELD_RE = re.compile(r"[A-Z][a-z]+")


def _more_fields(text, end, everyday=False):
    """The match of the further fields of a ministry's portfolio after `end`, or None when a
    field is a place, a title or an organisation ("the Ministry of Defence, France and
    Germany"), a listed company among them. A body "for" its fields lists everyday words only
    ("Commission for Conciliation, Mediation and Arbitration", not "Institute for Fiscal
    Studies, Oxfam and Save the Children")."""
    m = _MORE_FIELDS_RE.match(text, end)
    if m is None:
        return None
    words = _FIELD_RE.findall(m.group())
    if everyday and not all(name_lists.ordinary_words((fold(w),)) for w in words):
        return None
    lookup = gazetteer.load().lookup
    if any(
        w in PERSON_TITLES
        or (w in HEADS and w not in TRAILING_ONLY)  # a field may be a trade: "... Research"
        or w in DATE_ENDS  # "Labour" is a field: "Ministry of Health, Labour and Welfare"
        or fold(w) in lookup
        for w in words
    ):
        return None
    fields = _FIELDS_SPLIT_RE.split(m.group())
    if any(company_book().get(f) is not None for f in fields if f):
        return None  # "the Ministry of Defence, Goldman Sachs and Morgan Stanley": firms
    return m


_FIELDS_SPLIT_RE = re.compile(r",? and |, ")


# "... Cooperation in Europe (OSCE)": a place after "in", then an acronym. The place is part of
# the name when the acronym spells it.
_IN_PLACE_DEFINED_RE = re.compile(r" in ([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}) ?\(([A-Z]{2,8})\)")


# A body named after its subject with "on": "Commission on Human Rights", "Intergovernmental
# Authority on Development", "Council on Foreign Relations", "Office on Drugs and Crime",
# "Consortium on School Research", "Forum on Forests", "Institute on Taxation".
HEADS_WITH_SUBJECT = frozenset(
    [
        "Commission",
        "Committee",
        "Council",
        "Authority",
        "Office",
        "Panel",
        "Centre",
        "Center",
        "Consortium",
        "Forum",
        "Coalition",
        "Institute",
    ]
)
# A body named for what it fights, "Against" in capitals as part of its name: "Coalition
# Against Domestic Violence", "Investigating Directorate Against Corruption" (never "the
# Commission against Google").
_AGAINST_RE = re.compile(
    r" Against ((?:the )?[A-Z][\w'’-]+(?: (?:and |of |the )?[A-Z][\w'’-]+){0,4})"
)
_ON_SUBJECT_RE = re.compile(r" on ([A-Z][\w'’-]+(?: (?:and |for |of |the )?[A-Z][\w'’-]+){0,4})")


def _on_subject(text, end):
    """The match of a body's subject after `end` ("... on Human Rights"), or None; never a day
    or a month ("the Commission on Monday")."""
    m = _ON_SUBJECT_RE.match(text, end)
    return m if m and m.group(1).split(" ", 1)[0] not in DAYS_MONTHS else None


def _lone_head_on_subject(story, start, end, tokens, claimed):
    """ "The Commission on Human Rights": a lone head, generic by itself, named by its subject."""
    if any(t[2] not in LEADING_NOISE for t in tokens[:-1]):
        return
    if subject := _on_subject(story.text, end):
        span = (start + tokens[-1][0], subject.end(1))
        if fields := _more_fields(story.text, span[1], everyday=True):
            span = (span[0], fields.end())  # "the Council on Energy, Environment and Water"
        name = story.text[span[0] : span[1]]
        if fold(name) not in story.rejected:
            claimed.append(span)
            story.found.add(name, span, HEADS[tokens[-1][2]])


BODY_PARTICLE_RE = re.compile(r" (?:" + "|".join(sorted(BODY_PARTICLES)) + r") ")


def _named_with_body_particle(story, start, tokens, claimed):
    """A name with a word only bodies' names hold ("Juntos por el Cambio", "Ferrovie dello Stato
    Italiane", `lexicon.BODY_PARTICLES`), from its first word after any opening title or "The"."""
    first = name_start(tokens, 0)
    if first >= len(tokens) - 1 or BODY_PARTICLES & set(tokens[first][3].split()):
        return
    span = (start + tokens[first][0], start + tokens[-1][1])
    name = story.text[span[0] : span[1]]
    if fold(name) in story.rejected or is_place(name) or overlaps(span, story.people):
        return
    claimed.append(span)
    story.found.add(name, span, "other")


# A party named by its members, as a body only after "the": "the Liberals lost three seats",
# "The Conservatives said"; "fellow Democrats", "House Republicans" and "Conservatives say" name
# people of a party or a leaning. (The Greens and Labour are on the shipped list.)
PARTY_MEMBERS = frozenset(
    [
        "Conservatives",
        "Liberals",
        "Nationals",
        "Democrats",
        "Republicans",
        "Socialists",
        "Communists",
        "Tories",
    ]
)


def _party_by_its_members(story, start, tokens, claimed):
    text = story.text
    if len(tokens) == 2 and tokens[0][2] == "The" and not tokens[1][3]:
        token = tokens[1]
    elif len(tokens) == 1 and text.endswith(" the ", 0, start):
        token = tokens[0]
    else:
        return
    span = (start + token[0], start + token[1])
    if fold(token[2]) not in story.rejected:
        claimed.append(span)
        story.found.add(token[2], span, "party")


def _spelled_by_acronyms(story):
    """A name whose capitalised words' initials spell the acronym bracketed after it, "the
    Liberation Tigers of Tamil Eelam (LTTE)", or bracketed after the acronym, "the LTTE
    (Liberation Tigers of Tamil Eelam)": an organisation though no organisation word says so
    (`acronyms`: a concept such as "gross domestic product (GDP)" is written in lower case, or in
    dictionary words). Runs after the other rules: a name they found that reaches past this one
    wins, and one inside it was cut short ("Kelderman Metals" of "Kelderman Metals Research
    (KMR)") and joins it. Later uses of the acronym join it too."""
    text, found = story.text, story.found
    for m in BRACKETED_ACRONYM_RE.finditer(text):
        acronym = m.group(1)
        if len(acronym) < 3 or acronym in NOT_ORGANISATION_ACRONYMS:
            continue
        if named := spelled_name(text, m.start(), acronym):
            _join_acronym(story, *named, acronym, m.span(1))
    for m in NAME_IN_BRACKETS_RE.finditer(text):
        acronym = acronym_before(text, m.start())
        if acronym is None or len(acronym) < 3 or acronym in NOT_ORGANISATION_ACRONYMS:
            continue
        if not (named := name_after(m)):
            continue
        name, span = named
        spelled = initials_spell(name, acronym) and any(proper_word(w) for w in name.split())
        if spelled or span in found.spans():
            _join_acronym(story, name, span, acronym, (m.start() - len(acronym), m.start()))


# An acronym standing alone: three to six capitals, no letter, digit or "&" beside it. The
# look-behind follows the first capital, so that a search jumps from capital to capital (see
# `_MATCH_SCORE_RE`).
LONE_ACRONYM_RE = re.compile(r"[A-Z](?<![\w&.’'-][A-Z])[A-Z]{2,5}(?![\w&’'-]|\.\w)")


def _acronyms_of_found_names(story):
    """An acronym the story never defines but that is exactly the initials of one organisation
    it names in full ("the Reserve Bank of India" ... "RBI said") stands for that
    organisation: an alias, and its uses are the organisation's. Not in a line of capitals
    (a headline's words), nor where the acronym is a place or already read as something."""
    text, found = story.text, story.found
    by_initials = {}
    for org in found.by_key.values():
        capitals = [w for w in org.name.split() if w[:1].isupper()]
        if len(capitals) >= 3 and all(w[:1].isalpha() for w in capitals):
            initials = "".join(w[0] for w in capitals)
            by_initials[initials] = None if initials in by_initials else org  # one org only
    if not by_initials:
        return
    for acronym, org in by_initials.items():
        alone = found.by_key.get(fold(acronym))
        if fold(acronym) in story.rejected:
            by_initials[acronym] = None  # an editor rejected it: neither its own nor an alias
        elif org is not None and alone is not None and alone.name == acronym and not alone.aliases:
            del found.by_key[fold(acronym)]  # "VCB staff", read alone by another rule
            found.define(org, acronym)
            found.absorb(org, alone)
    taken = sorted(found.spans()) + story.people
    lookup = gazetteer.load().lookup
    for m in LONE_ACRONYM_RE.finditer(text):
        org = by_initials.get(m.group())
        if org is None or overlaps(m.span(), taken) or fold(m.group()) in lookup:
            continue
        if _in_capitals_line(text, m.start(), m.end()):
            continue
        found.define(org, m.group())
        org.spans.append(m.span())


def _short_names_of_found(story):
    """A name found by itself that opens exactly one longer name the story gives, whose other
    words are organisation words (`_organisation_words`), is that organisation by its short
    name: "Bastion" of "Bastion Fertilisers", "Heron" of "Heron Airways", "OCP" of "OCP Group".
    It becomes an alias, and its uses the longer name's. A name with an organisation word of
    its own ("Deutsche Bank" beside "Deutsche Bank Securities"), or one the book knows, is one
    of its own; so is a short name two longer ones open ("Tata" of "Tata Steel" and "Tata
    Motors")."""
    found = story.found
    # each name's openings whose rest is organisation words -> the names: one pass, not a
    # look at every name for every name (a long story names hundreds)
    longer = {}
    for org in found.by_key.values():
        words = org.name.split(" ")
        for k in range(1, len(words)):
            if _organisation_words(" ".join(words[k:])):
                longer.setdefault(" ".join(words[:k]), []).append(org)
    live = {id(org) for org in found.by_key.values()}
    for key, short in list(found.by_key.items()):
        candidates = [org for org in longer.get(short.name, ()) if id(org) in live]
        if (
            len(candidates) != 1
            or any(w in HEADS for w in short.name.split())
            or story.book.get(short.name) is not None
            or key in story.rejected  # dropped by itself, never with the longer name
        ):
            continue
        org = candidates[0]
        del found.by_key[key]
        live.discard(id(short))
        if short.name not in org.aliases:
            org.aliases.append(short.name)
        found.by_alias.setdefault(key, org)
        found.absorb(org, short)


def _organisation_words(rest):
    """One organisation word ("Airways", "Group", "Movement"), or a firm's words only ("Group
    Plc", "Mining Ltd"); not "Research Institute Ltd", a body of its own."""
    words = rest.split()
    return (len(words) == 1 and words[0] in HEADS) or all(HEADS.get(w) == "company" for w in words)


def _legal_forms_after_commas(story):
    """A legal form after a comma belongs to the company's name where it is written there
    ("BioVest Research, Inc said"): the mention reaches over it (and its period, as
    `_legal_form_stop` says), the name stays as the story first gave it."""
    text = story.text
    for org in story.found.by_key.values():
        for k, (start, end) in enumerate(org.spans):
            if m := LEGAL_FORM_AFTER_COMMA_RE.match(text, end):
                stop = m.end() + 1 if _legal_form_stop(text, m.end()) else m.end()
                org.spans[k] = (start, stop)


def _in_capitals_line(text, start, end):
    """A word of capitals with another word of capitals beside it on its line: a headline or a
    table row."""
    before = text[max(0, start - 20) : start].rpartition("\n")[2].split()
    after = text[end : end + 20].partition("\n")[0].split()
    return any(w.isupper() and len(w) > 1 and w.isalpha() for w in (before[-1:] + after[:1]))


def _join_acronym(story, name, span, acronym, acronym_span):
    """Adds the organisation `name` at `span`, which `acronym` (at `acronym_span`) abbreviates;
    the organisations found inside the span, the acronym found alone and the acronym's other
    uses join it."""
    text, found = story.text, story.found
    if overlaps(span, story.people) or is_place(name):
        return
    if fold(name) in story.rejected or fold(acronym) in story.rejected:
        return
    inside = [o for o in found.by_key.values() if overlaps(span, o.spans)]
    if any(
        overlaps(span, [s]) and not (span[0] <= s[0] and s[1] <= span[1])
        for o in inside
        for s in o.spans
    ):
        return
    kind = inside[0].kind if inside else "other"
    org = found.add(name, span, kind, join_alias=False)  # the name, not what it is an alias of
    found.define(org, acronym)
    alone = [found.by_key.pop(fold(o.name)) for o in inside if o is not org]
    alone += filter(None, [found.by_key.pop(fold(acronym), None)])  # "LTTE" found alone
    for other in alone:
        if other is not org:
            found.absorb(org, other)
    for later in re.finditer(rf"\b{re.escape(acronym)}\b", text):
        if later.start() >= acronym_span[0] and later.span() not in org.spans:
            org.spans.append(later.span())


def _opening_class_noun(text, start, end):
    """(the word, the noun) that opens a sentence and the run there, and says what the name
    after it is ("Consultancy Integralia", "Rival LATAM Airlines"), or ("", None)."""
    word, space, _ = text[start:end].partition(" ")
    if not space or not sentence_start(text, start):
        return "", None
    if word in OPENING_CLASS_NOUNS:
        return word, word.lower()
    if word in ("Rival", "Rivals"):
        return word, "rivals"  # a firm's only where no person is named there
    return "", None


def _place_based_opening(text, start, end):
    """(the compound, "firm") when a place's compound opens the run and a name that opens with
    no given name follows it ("Singapore-based Tan Kah Marine", "Hong Kong-listed Velmar"), or
    ("", None). The people phase reads the same (`context.names_a_firm`)."""
    m = PLACE_BASED_OPENING_RE.match(text, start, end)
    if m is None or m.end() >= end:
        return "", None
    name = text[m.end() : end]
    first = fold(name.split(" ", 1)[0])
    if first in name_lists.given_names() or (" " not in name and name_lists.in_dictionary(first)):
        return "", None  # "London-based Sarah Jones"; "Cyprus-based Arabic monthly newspaper"
    return m.group()[:-1], "firm"


# The people of a body, opening a sentence's run before it: "Members of the Marburger Bund".
PEOPLE_OF = frozenset(
    [
        "Members",
        "Leaders",
        "Officials",
        "Supporters",
        "Employees",
        "Workers",
        "Staff",
        "Delegates",
        "Representatives",
    ]
)


def _named_beside_noun(story, start, end, run, tokens, opening=None):
    """A run no rule claimed, named by a lower-case noun beside it ("the daily ...") or by the
    noun that opens its sentence (`opening`, in lower case)."""
    if _inside_a_full_name(story, start, end):
        # Whatever the words beside it say, what this finds there is dropped as the person's
        # (`_family_firm` reads only surnames alone): a fifth of the runs, not read at all.
        return
    text = story.text
    before = opening or noun_before(text, start)
    if before is None and len(tokens) > 1:
        lead = run[: tokens[1][0]].rstrip()
        if lead in FIRM_ROLE_PAIRS or (
            lead.lower() in NOUN_PAIRS_BEFORE and sentence_start(text, start)
        ):
            # "CEO of Velmar Brask"; "Shares of Velmora Labs" opening a sentence
            cut = tokens[1][0]
            before = lead if lead in FIRM_ROLE_PAIRS else lead.lower()
            start, run = start + cut, run[cut:]
            tokens = read_run(run)[0]
    if len(tokens) > 1 and tokens[0][2] in PEOPLE_OF and tokens[1][3] in ("of", "of the"):
        # "Members of the Marburger Bund, which represents doctors": the body is after "of"
        cut = tokens[1][0]
        start, run = start + cut, run[cut:]
        tokens = read_run(run)[0]
    if before is None and len(tokens) > 2 and (k := _officer_title_at(tokens)):
        # "Velmar Chief Executive Jan Vos": the name before a firm's officer's title
        end, run, tokens, before = (
            start + tokens[k - 1][1],
            run[: tokens[k - 1][1]],
            tokens[:k],
            SURE_FIRM,
        )
    if before is None and text[start - 2 : start] in (", ", ": "):
        # "a new movement, Vanua Vou, that"; "listed companies: Velmont Tiles, Orbano and ..."
        before = noun_before_comma(text, start, end) or plural_noun_opening_list(text, start, end)
    if before is None and story.listed and text[story.listed[0] : start] in LIST_GAPS:
        before = story.listed[1]  # "retailers Metro, Rewe and Lidl"
    # the first word after "The" and the like ("The Universidad de Chile")
    k = next((k for k, t in enumerate(tokens[:-1]) if t[2] not in LEADING_NOISE), None)
    if k is not None and before is None and tokens[k][2] not in OPENERS:
        k = _opener_after_persons_of(story, start, tokens) or k
    opener = None if k is None else tokens[k][2]
    if k and before is None and opener in OPENERS:
        cut = tokens[k][0]
        start, run = start + cut, run[cut:]
        tokens = read_run(run)[0]
    if before is None and opener in COMPANY_OPENING_WORDS:
        # "PT Matahari Putra Prima", "RAO Gazprom", "Grupo Bimbo": a legal form or a company's
        # word opens it
        before = "company"
    elif before is None and opener in BODY_OPENERS:
        before = "organisation"  # "Universidad de Chile", "Institut Pasteur"
    nouned = beside_noun(text, start, end, run, tokens, before)
    if not nouned:
        return
    if not _family_firm(story, nouned[1], before):
        if overlaps(nouned[1], story.people):
            return
        if len(tokens) > 1 and tokens[-1][4] in story.surnames and " & " not in run:
            return  # "Le Pen said" after "Jean-Marie Le Pen": the person again
    name, span, kind = nouned
    if kind == "team":  # a club or a city's team in results: "Toronto 9 Texas 13"
        kind = "other"
    elif is_place(name) and kind != "government":
        return
    if fold(name) not in story.rejected:
        org = story.found.add(name, span, kind)
        defined_after(text, end, org, story.found)
        if before in PLURAL_NOUNS:
            story.listed = (end, before)


OPENERS = COMPANY_OPENING_WORDS | BODY_OPENERS


def _inside_a_full_name(story, start, end):
    """start..end lies inside a person's span that is not a surname alone (`story.short`)."""
    k = bisect_right(story.people, (start, len(story.text) + 1)) - 1
    if k < 0:
        return False
    span = story.people[k]
    return span[1] >= end and span not in story.short


def _opener_after_persons_of(story, start, tokens):
    """The index of a body's or a firm's opening word after "of" that follows a person found
    there ("Dr Marcelo Andino of the Escuela Politécnica Nacional"), or None."""
    for j in range(1, len(tokens) - 1):
        if (
            tokens[j][3] in ("of", "of the")
            and tokens[j][2] in OPENERS
            and overlaps((start + tokens[j - 1][0], start + tokens[j - 1][1]), story.people)
        ):
            return j
    return None


def _family_firm(story, span, before):
    """A person's surname, or a shorter form of their name, that a firm's noun before it
    ("Brazilian meatpacker Tavares", "conglomerate Al Shamsi") or an apposition after it
    ("Ossandón, Chile's second-largest department store chain,") names as a firm: the family's.
    A rival or a peer may be a person ("rival Tavares"). Where no person is found at all
    there, a surname of the story's people is the firm's on the same words."""
    if span not in story.short and overlaps(span, story.people):
        return False
    if before is not None:
        return before in NOUNS_BEFORE
    text, end = story.text, span[1]
    if text.startswith(" (", end):
        return TICKER_BRACKET_RE.match(text, end + 1) is not None  # "Tavares (TAVR3.SA)"
    return text.startswith(", ", end) and bool(
        APPOSITIVE_RE.match(text, end) or APPOSITIVE_ONE_OF_RE.match(text, end)
    )


def _only_noise_or_a_country(tokens):
    """Nothing but "The", "He", weekdays and the like, and at most one country or region (a
    city may be a team): the words beside such a run never make it a name, as `beside_noun`
    drops every one of its words. A third of a story's runs; skipping them saves the look."""
    keys = [t[4] for t in tokens if t[2] not in LEADING_NOISE]
    if not keys:
        return True
    if len(keys) > 1:
        return False
    gaz = gazetteer.load()
    return (keys[0] in gaz.lookup and keys[0] not in gaz.cities) or keys[0] in gaz.regions


def _goes_on_listing(story, start, end):
    """A name found by any rule after a plural noun ("rivals Anglo Platinum, ...") or in a list
    after one keeps the list going: the names after it are of the same kind."""
    text = story.text
    if story.listed and text[story.listed[0] : start] in LIST_GAPS:
        story.listed = (end, story.listed[1])
    elif (noun := noun_before(text, start)) in PLURAL_NOUNS:
        story.listed = (end, noun)


def _country_and_industry(story, start, tokens):
    """A run that is a country's name (or a demonym) and one or two industry words is a company:
    "Korea Zinc", "China Mobile", "Indian Oil". Returns whether one was found."""
    first = 1 if tokens[0][2] in LEADING_NOISE else 0
    gaz = gazetteer.load()
    for k in (first + 1, first + 2):
        rest = tokens[k:]
        if not 1 <= len(rest) <= 2 or any(t[3] or t[2] not in INDUSTRY_WORDS for t in rest):
            continue
        if any(t[3] for t in tokens[first + 1 : k]):
            return False
        place = " ".join(t[4] for t in tokens[first:k])
        if place not in gaz.lookup and place not in gaz.regions:
            continue
        span = (start + tokens[first][0], start + tokens[-1][1])
        name = story.text[span[0] : span[1]]
        if overlaps(span, story.people) or fold(name) in story.rejected or is_place(name):
            return False
        story.found.add(name, span, "company")
        return True
    return False


def _field_and_country(story, start, tokens):
    """A run that is a field or an industry and then a country's name, and nothing else, is a
    public body or a company: "Health Canada", "Cricket Australia", "Power New Zealand" (never
    a demonym: "Gas Russian"). Returns whether one was found."""
    first = 1 if tokens[0][2] in LEADING_NOISE else 0
    if first >= len(tokens) - 1 or any(t[3] for t in tokens[first + 1 :]):
        return False
    kind = FIELDS_BEFORE_COUNTRY.get(tokens[first][2])
    if kind is None or " ".join(t[4] for t in tokens[first + 1 :]) not in country_names():
        return False
    span = (start + tokens[first][0], start + tokens[-1][1])
    name = story.text[span[0] : span[1]]
    if overlaps(span, story.people) or fold(name) in story.rejected:
        return False
    story.found.add(name, span, kind)
    return True


def _officer_title_at(tokens):
    """The index of the first token after the first that opens a firm's officer's title, or
    None (a name, a title and a person's name: three tokens at least)."""
    for k in range(1, len(tokens) - 1):
        word = tokens[k][2]
        if word in OFFICER_TITLES and not tokens[k][3]:
            second = OFFICER_TITLES[word]
            if second is None or (tokens[k + 1][2] in second and not tokens[k + 1][3]):
                return k
    return None


def _runs(text, book, people, found):
    """The text's runs of capitalised words (`found`) as (start, end), joined across 'and', '&'
    and the possessives that stand inside names; not across 'and' after a person's name ("Nelson
    Mandela and African National Congress leaders"), while "Johnson & Johnson" stays one name."""
    runs = []
    for start, end in found:
        if runs and start - runs[-1][1] <= 5:
            prev_start, prev_end = runs[-1]
            gap = text[prev_end:start]
            if _run_joins(text, book, people, prev_start, prev_end, gap, start, end):
                runs[-1] = (prev_start, end)
                # The left word of an "and" that the shorter run refused may join the longer:
                # "Insurance and Private Pension Regulation and Supervision Agency"
                if len(runs) > 1 and gap == " and " and text[runs[-2][1] : prev_start] == gap:
                    left_start, left_end = runs[-2]
                    if _run_joins(text, book, people, left_start, left_end, gap, prev_start, end):
                        runs[-2:] = [(left_start, end)]
                continue
        runs.append((start, end))
    return [(start, _number_end(text, end)) for start, end in runs]


def _number_end(text, end):
    """Where a run ends with the number that is part of its name ("Climate 200, the fundraising
    group"; `NUMBER_IN_NAME_RE`), or `end`."""
    if not text[end + 1 : end + 2].isdigit() or text[end : end + 1] != " ":
        return end
    m = NUMBER_IN_NAME_RE.match(text, end)
    return m.end() if m else end


def _number_token(run, tokens):
    """`tokens` with the number that ends `run` ("Teamsters Local 700") as its last token, so
    that the name read from the tokens keeps it."""
    k = run.rindex(" ") + 1
    return (*tokens, (k, len(run), run[k:], "", run[k:]))


def _run_joins(text, book, people, prev_start, prev_end, gap, start, end):
    """The run at (start, end) goes on the name of the run before it, `gap` between."""
    return (
        gap in JOINERS
        and _joins(text[prev_start:prev_end], gap, text[start:end], book)
        and not (gap == " and " and _ends_person(text, prev_end, people))
        and not (gap == " and " and _listed_before_firm(text, prev_start, text[start:end]))
    ) or (
        (gap == ", " and _partners_go_on(text, prev_start, prev_end))
        or (gap == " and " and _last_partner(text, prev_start, prev_end, start, end))
    )


def _partners_go_on(text, start, end):
    """The run names a partner of a firm whose name lists its partners, commas and all
    ("Keefe, Bruyette & Woods"): its first is no place, weekday or title ("In Lagos, Smith &
    Nephew said")."""
    chain = PARTNERS_CHAIN_RE.match(text, end)
    if not chain:
        return False
    first = text[start:end]
    if chain.group().endswith("which") and not _surnames_only(first + chain.group()):
        return False  # "Velmar, Pampa and Kestro, which ...": a list of firms, not partners
    if ", " in first:
        return True  # a partner after the first
    words = first.split()
    return (
        len(words) <= 2
        and words[0] not in LEADING_NOISE
        and words[0] not in PERSON_TITLES
        and not is_place(first)
    )


def _last_partner(text, prev_start, prev_end, start, end):
    """The one word after "and" that ends a chain of partners joined by commas ("Bailard,
    Biehl and Kaiser, which ..."), `_partners_go_on` having joined the ones before it."""
    return (
        ", " in text[prev_start:prev_end]
        and " " not in text[start:end]
        and text.startswith(", which", end)
        and _surnames_only(text[start:end])
    )


def _surnames_only(chain):
    """Every capitalised word of `chain` is a surname: partners' names."""
    family = name_lists.surnames(name_lists.ALL_SURNAMES)
    return all(fold(w) in family for w in re.findall(r"[A-Z][\w'’.-]*", chain) if w != "Co")


def _ends_person(text, end, people):
    """A person's name, or a word of the story that stands for one, ends at `end`."""
    return any(e == end for s, e in people)


# The heads of a body whose name lists its portfolios: "the Treasury and Finance Ministry".
PORTFOLIO_HEADS = frozenset({"Ministry", "Department"})


def _joins(left, gap, right, book):
    last = left.rsplit(" ", 1)[-1]
    right_words = right.split()
    right_head = any(w in HEADS and w not in TRAILING_ONLY for w in right_words)
    if gap in ("'s ", "’s ", "' ", "’ "):
        # "Moody's Investors Service": a listed company's possessive before an organisation word
        listed = " " not in left and company_book().get(left + gap.rstrip()) is not None
        if gap in ("' ", "’ ") and right_head and name_lists.is_plural_noun(last):
            return True  # "Kelderman Miners' Party": a group's possessive
        return last in POSSESSIVE_WORDS or (right_head and (last in OFFICE_POSSESSIVES or listed))
    if gap == " & ":
        return True
    if gap == " to ":
        # A body named for its aim: "Committee to Protect Journalists", "Campaign to Stop
        # Killer Robots"; not "the Commission to Brussels"
        return (
            last in HEADS
            and last not in TRAILING_ONLY
            and len(right_words) <= 4
            and name_lists.in_dictionary(fold(right_words[0]))
            and not is_place(right)
        )
    tail, _, forms = right.partition(" ")
    if tail in PARTNERS_TAILS and all(f in COMPANY_ABBREVIATIONS for f in forms.split()):
        return not is_place(left)  # "Arthur Yates and Co", "Morgan Stanley and Co Inc"
    # the left half's words from its first that is not "The" or a weekday
    core = left.split()
    while core and core[0] in LEADING_NOISE and not _opens_place_words(core):
        core = core[1:]
    if len(core) > 1 and fold(core[0]) in FIRMS_ONLY_BEFORE:
        core = core[1:]  # "Rivals Emirates and Etihad Airways": the noun opens a list
    ampersand = " ".join([*core, "&", right])
    if core and (book.get(ampersand) is not None or company_book().get(ampersand) is not None):
        return True  # "Procter and Gamble", "McKinsey and Company": a known name's "&"
    if len(right_words) == 1 and acronym_like(right) and right.isupper():
        return False  # "the Council of Europe and NATO": two names
    if _paired_fields(last, right_words):
        return True  # "Turkish Radio and Television Corporation"
    # " and ": the second half ends the name started by the first ("Department of Latin
    # American and Caribbean Affairs", "International Cooperation and Development Fund").
    left_words = left.split()
    left_head = any(w in HEADS and w not in TRAILING_ONLY for w in left_words)
    if _head_then_complement(left_words):
        # but "the Bank of England and Deutsche Bank": each half has its own organisation word
        return len(right_words) <= 3 and right_words[-1] not in left_words
    left_words = core
    if book.get(" ".join(left_words)) is not None:
        return False  # "Amnesty International and Human Rights Watch": a known name ends there
    # A lone organisation word on the left is one of a ministry's portfolios: "the Treasury and
    # Finance Ministry" (but "the Army and Air Force" are two).
    # So is an industry's word before a public body's name: "Insurance and Private Pension
    # Regulation and Supervision Agency".
    lone_head = (
        len(left_words) == 1
        and left_words[0] in HEADS
        and (
            right_words[-1] in PORTFOLIO_HEADS
            or (HEADS[left_words[0]] == "company" and HEADS.get(right_words[-1]) == "government")
        )
    )
    # One word joins when it is an ordinary word ("Securities and Exchange Commission", "Truth
    # and Reconciliation Commission"); a lone name ("Clinton and Senate Republicans") does not,
    # nor does a listed company's whole name ("Standard Chartered and Rand Merchant Bank",
    # "Shares of Tokyo Electron and Screen Holdings").
    return (
        right_head
        and (not left_head or lone_head)
        and (right_words[0] not in HEADS or len(right_words) > 1)
        and bool(left_words)
        and (len(left_words) >= 2 or _everyday_portfolio(fold(left_words[0]), right_words))
        and not is_place(" ".join(left_words))
        and not _ends_listed_company(left_words)
        and not _two_names(left_words, right_words)
    )


def _head_then_complement(words):
    """The words hold an organisation word and then "of" or "for" and its complement, which
    "and" may go on ("Department of Latin American"), unlike a noun's "of" before a name
    ("Shares of Deutsche Bank", "Governor of the Central Bank")."""
    seen_head = False
    for word in words:
        if word in ("of", "for") and seen_head:
            return True
        seen_head = seen_head or (word in HEADS and word not in TRAILING_ONLY)
    return False


def _paired_fields(last, right_words):
    """Two different organisation words of one kind on either side of "and", the second opening
    a name that ends on an organisation word: the pair qualifies that word ("Turkish Radio and
    Television Corporation", "Radio and Television Supreme Council", "the Army and Navy Club"),
    where "Fox News and News Corp" names two."""
    first = right_words[0]
    return (
        len(right_words) > 1
        and last != first
        and last in HEADS
        and HEADS[last] == HEADS.get(first)
        and right_words[-1] in HEADS
        and right_words[-1] not in TRAILING_ONLY
    )


def _everyday_portfolio(key, right_words):
    """A lone word before "and" that is one of a body's fields: an everyday word that is no
    name ("Securities and Exchange Commission"), or an everyday word that is also a name before
    a public body's word ("Peace and Security Council", "Justice and Development Party"). A
    person's name there is not joined (`_runs`)."""
    if _ordinary(key):
        return True
    return HEADS.get(right_words[-1]) in ("government", "party") and name_lists.everyday_word(key)


def _two_names(left_words, right_words):
    """Names on both sides of "and", each whole: "Hoa Phat and Formosa Ha Tinh Steel" (a name
    of two words no dictionary holds, and three words or more after), unlike "Securities and
    Exchange Commission" or "Oil and Natural Gas Corporation"."""
    return (
        len(left_words) >= 2
        and len(right_words) >= 3
        and not any(name_lists.in_dictionary(fold(w)) for w in left_words)
        and not _opens_place_words(left_words)
    )


def _ends_listed_company(left_words):
    """The words end with a listed company's whole name: "Shares of Tokyo Electron" (and Screen
    Holdings) ends there."""
    book = company_book()
    return any(book.get(" ".join(left_words[i:])) is not None for i in range(len(left_words)))


def _ordinary(key):
    """An everyday English word, plurals in -ies too ("securities")."""
    return name_lists.ordinary_words((key,)) or (
        key.endswith("ies") and name_lists.ordinary_words((key[:-3] + "y",))
    )


def _opens_place_words(words_):
    return len(words_) > 1 and fold(" ".join(words_[:2])) in gazetteer.load().prefixes


def _listed_company(name):
    """The company book's entry for a name with or without its legal form, or None."""
    book = company_book()
    entry = book.get(name)
    if entry is None and " " in name:
        rest, last = name.rstrip(".").rsplit(" ", 1)
        if fold(last) in name_lists.COMPANY_TAIL_WORDS:
            entry = book.get(rest)
    return entry


def _legal_form_stop(text, end):
    """The period after an abbreviated legal form is the name's ("Microsoft Corp. said"), but
    not at the end of a line: there it closes the sentence as much as the name, and newswire
    annotation (CoNLL-2003) leaves it out. The name's key ignores it either way."""
    return text[end : end + 1] == "." and text[end + 1 : end + 2] not in ("\n", "")


def _legal_form_last(name):
    """The name ends in an abbreviated legal form ("Corp", "Inc"), whose period the run leaves."""
    return name.rsplit(" ", 1)[-1] in COMPANY_ABBREVIATIONS


def _country_of(name):
    """The country a name opens with ("Albanian Central Election Commission": AL), or ""."""
    first = name.split(" ", 1)[0]
    code = gazetteer.load().lookup.get(fold(first))
    return code if isinstance(code, str) else ""
