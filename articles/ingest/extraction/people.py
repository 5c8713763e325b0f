"""People: full names become people; surnames, aliases and known names resolve to them.

A full name is one person per folded form. A shorter form of a name already mentioned ("Ramos
Horta" after "José Ramos-Horta") and a surname alone resolve to the nearest full name mentioned
before them (or, failing that, after). Editors' decisions come first: a confirmed person is
recognised by any of their names and aliases, a rejected name is never proposed.
"""

import re

from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.mentions import PersonMention
from articles.ingest.extraction.name_lists import cities, common_word, given_names
from articles.ingest.extraction.organisation_book import company_book
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import NAME_PARTICLES

# "X, widely known as Y", "X, alias “Y”": Y is another name of X, not another person.
KNOWN_AS_RE = re.compile(
    r",?\s+(?:(?:who\s+is|is|was|widely|better|also|popularly|commonly|often)\s+)*"
    r"(?:known\s+(?:as|by)(?:\s+(?:his|her|the)\s+(?:nom\s+de\s+guerre|alias|nickname))?"
    r"|alias|aka|a\.k\.a\.|nicknamed|dubbed)\s+[“\"‘]?"
)


class _People:
    """The people found so far, by folded key, and the full mentions in text order."""

    def __init__(self):
        self.found = {}  # folded key -> PersonMention
        self.by_token = []  # (start, key, token keys and folded aliases) of full mentions

    def mention(self, key, name, span, role="", aliases=()):
        person = self.found.get(key)
        if person is None:
            person = self.found[key] = PersonMention(name=name)
        if role and not person.role:
            person.role = role
        for alias in aliases:
            if alias and alias not in person.aliases and alias != person.name:
                person.aliases.append(alias)
        person.spans.append(span)
        return person

    def again(self, key, span, aliases=()):
        """Another mention of someone already found."""
        return self.mention(key, self.found[key].name, span, "", aliases)


def people(text, scan, known):
    """Return the PersonMentions of `text` from its Scan, editors' decisions applied."""
    book = _People()
    _full_names(text, scan.full, known, book)
    _lone_names(text, scan.partial, scan.lower_words, known, book)
    _merge_one_word_names(book)
    for m in known.cjk_names(text):
        canonical, aliases = known.people[m.group()]
        book.mention(fold(canonical), canonical, m.span(), "", aliases)
    out = [
        p
        for key, p in book.found.items()
        if key not in known.rejected_people
        and (key in known.people or not _organisation(key, scan.firms, known))
        and (key in known.people or key not in scan.places)
    ]
    for p in out:
        p.spans.sort()
        p.aliases = [a for a in p.aliases if fold(a) != fold(p.name)]
    return out


def _full_names(text, full, known, book):
    """Each full-name candidate: a known person, a shorter form of an earlier name, or new."""
    aliases_at = {}  # start offset of a "known as" name -> the person it belongs to
    for cand in full:
        name = _display_name(cand)
        key = fold(name)
        if key in known.rejected_people:
            continue
        span = (cand.start, cand.end)
        if cand.start in aliases_at:
            book.again(aliases_at[cand.start], span, [name])
            continue
        token_keys = _name_words(cand.tokens)
        # A shorter form of a name already mentioned ("Ramos Horta") is the same person.
        earlier = [e for e in book.by_token if token_keys < e[2] and e[0] < cand.start]
        if key in known.people:
            canonical, aliases = known.people[key]
            key = fold(canonical)
            book.mention(key, canonical, span, cand.role, [*aliases, cand.alias, cand.nick])
        elif earlier:
            key = earlier[-1][1]
            book.again(key, span)
        else:
            existing = book.found.get(key)
            if existing and _accents(name) > _accents(existing.name):
                existing.name = name
            book.mention(key, name, span, cand.role, [cand.alias, cand.nick])
        folded_aliases = {fold(a) for a in book.found[key].aliases}
        book.by_token.append((cand.start, key, token_keys | folded_aliases))
        known_as = KNOWN_AS_RE.match(text, cand.end)
        if known_as:
            aliases_at[known_as.end()] = key


ARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\w)")


def _name_words(tokens):
    """The folded words a shorter mention may use: "Kabariti" for "Abdul-Karim al-Kabariti"."""
    found = set()
    for t in tokens:
        if t.text.lower() not in NAME_PARTICLES:
            found.add(t.key)
            found.add(ARTICLE_PREFIX_RE.sub("", t.key))
    return found


def _lone_names(text, partial, lower_words, known, book):
    """Lone words: an editor-confirmed one-word alias, or a part of a full name found before."""
    name_parts = set().union(*(e[2] for e in book.by_token)) if book.by_token else set()
    for start, end, key in partial:
        ordinary = key in lower_words and sentence_start(text, start)
        if key in known.people and key not in name_parts and not ordinary:
            canonical, aliases = known.people[key]  # "Lula", an editor-confirmed one-word alias
            book.mention(fold(canonical), canonical, (start, end), "", aliases)
            continue
        if key not in name_parts and not ordinary and _named_alone(text, start, end, key):
            book.mention(key, text[start:end], (start, end))
            book.by_token.append((start, key, {key}))
            name_parts.add(key)
            continue
        if key not in name_parts or ordinary or _firm_partner(text, start, end):
            continue
        before = [e for e in book.by_token if key in e[2] and e[0] < start]
        after = [e for e in book.by_token if key in e[2] and e[0] >= start]
        target = before[-1] if before else after[0]
        book.again(target[1], (start, end))


# A name joined to another by "&" is a firm's ("Whitlock & Crane"), even where a person of the
# story shares the surname (its co-founder Robin Crane).
AMPERSAND_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]* & $")
AMPERSAND_AFTER_RE = re.compile(r" & [A-Z]")


def _firm_partner(text, start, end):
    return bool(
        AMPERSAND_AFTER_RE.match(text, end)
        or AMPERSAND_BEFORE_RE.search(text, max(0, start - 40), start)
    )


# Results write players by surname: a goal's minute after it ("(Zorc 59th, Moeller 73rd)"), a
# cricket scorecard's catch and bowler before it ("Saeed Anwar c Croft b Cork 176").
MINUTE_AFTER_RE = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)\b")
SCORECARD_BEFORE_RE = re.compile(r"(?:^|\s)(?:c|b|st|c & b|lbw b)\s+$")


# A leader named by one word, whose government it is: "the Clinton administration" (but "the
# Tory government" is a party's). A quote's speaker named so ("...," Borkus said) was tried and
# left out: in current news it is as often a firm ("...," Mostostal said).
LEADER_AFTER_RE = re.compile(r"\s+(?:administration|presidency)\b")


def _named_alone(text, start, end, key):
    """A surname alone whose context says person: a scorer, a catcher or a bowler in a results
    line, a leader."""
    if not (
        MINUTE_AFTER_RE.match(text, end)
        or SCORECARD_BEFORE_RE.search(text, start - 8, start)
        or LEADER_AFTER_RE.match(text, end)
    ):
        return False
    if text[start:end].rpartition("-")[2].islower():
        return False  # "the Tutsi-led administration"
    return not (common_word(key) or key in cities())


def _organisation(key, firms, known):
    """A known organisation ("Morgan Stanley", on the shipped list or confirmed by an editor,
    or such a name of two words or more after other words), a firm the story names so ("Hallam
    Brisk" of "Brokers Hallam Brisk & Co"), or the short form of such a firm's longer name
    ("Tanvik Medical" of "Tanvik Medical Devices Ltd"): never a person."""
    known_names, companies = known.organisations.folded, company_book().folded
    if key in known_names or key in companies:
        return True
    words = key.split()
    if (
        len(words) > 1
        and (words[0] in known_names or words[0] in companies)
        and words[0] not in given_names()
    ):
        return True  # "Hyundai Rotem": a known firm's name opens it ("Dawn Bowles" is a person)
    for i in range(1, len(words) - 1):
        end = " ".join(words[i:])
        if end in known_names or end in companies:
            return True  # "Lead Underwriter Bear Stearns": a known name of two words ends it
    if key in firms or any(firm.endswith(" " + key) for firm in firms):
        return True
    return " " in key and any(firm.startswith(key + " ") for firm in firms)


def _merge_one_word_names(book):
    """'President Clinton' before 'Bill Clinton': a person known by one word (after a title)
    is the one longer name of the story that holds that word, whichever came first."""
    longer = {}  # word -> keys of the longer names holding it
    for _, key, token_keys in book.by_token:
        if " " in key:
            for word in token_keys:
                longer.setdefault(word, set()).add(key)
    for key in [k for k in book.found if " " not in k]:
        holders = longer.get(key, ())
        if len(holders) != 1:
            continue
        (target,) = holders
        person, into = book.found.pop(key), book.found[target]
        into.spans += person.spans
        into.role = into.role or person.role
        into.aliases += [a for a in person.aliases if a not in into.aliases]


def _accents(name):
    return sum(1 for c in name if ord(c) > 127)


def _display_name(cand):
    """The name as written, without a nickname in quotes or a possessive."""
    name = ""
    for tok in cand.tokens:
        if name:
            gap = "" if tok.gap.startswith("nick:") else tok.gap
            name += " " + (gap if gap.endswith("-") else gap + " " if gap else "")
        name += tok.text
    return name
