"""Acronyms and the names they abbreviate: whether a name's initials spell an acronym, and the
capitalised name bracketed after an acronym or before it that it spells ("Liberation Tigers of
Tamil Eelam (LTTE)", "LTTE (Liberation Tigers of Tamil Eelam)"), after the Schwartz-Hearst rule
for abbreviation definitions (2003), kept to capitalised names with a word of no dictionary among
them, or whose acronym is said to speak ("the Open Rivers Project (ORP) said").
"""

import re

from articles.ingest.extraction import name_lists
from articles.ingest.extraction.organisation_words import NOT_NAME_WORDS, PERSON_TITLES
from articles.ingest.gazetteer import fold


def initials_spell(name, acronym):
    """The acronym is spelled by the initials of the name's capitalised words, in order, from
    the first word's to the last's: "Organisation for Security and Cooperation in Europe",
    OSCE."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if not initials or initials[0] != acronym[0] or initials[-1] != acronym[-1]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in acronym)


# A bracketed acronym ("(LTTE)"), and the words that may stand inside the name before it.
BRACKETED_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_NAME_WORD_RE = re.compile(r"[\w'’&.-]+")
_SPELLED_LINKS = frozenset({"of", "for", "the", "and", "in", "on", "&", "de", "du", "des", "del"})


def spelled_name(text, bracket, acronym):
    """(name, span) of the longest capitalised name ending right before `bracket` whose
    initials spell `acronym`, or None. A name of dictionary words only names a concept ("Most
    Favoured Nation (MFN)", "Consumer Price Index (CPI)") unless the name or its acronym
    speaks, which only a body does: "the Constitutional Rights Project (CRP) believes",
    "CRP said"."""
    line_start = text.rfind("\n", 0, bracket) + 1
    words_ = list(_NAME_WORD_RE.finditer(text, line_start, bracket))
    chain = []  # the words before the bracket, nearest first, while they may be a name's
    for w in reversed(words_):
        word = w.group()
        if text[w.end() : (chain[-1].start() if chain else bracket)].strip():
            break  # punctuation between words: "said, Liberation ..."
        if not (word[:1].isupper() or word in _SPELLED_LINKS) or len(chain) > 2 * len(acronym) + 3:
            break
        chain.append(w)
    for first in reversed(chain):
        if not first.group()[:1].isupper():
            continue
        name = text[first.start() : chain[0].end()]
        capitals = [w for w in name.split() if w[:1].isupper()]
        if len(capitals) < 2 or len(capitals) > len(acronym) + 2:
            continue
        if capitals[0] in PERSON_TITLES:
            return None
        if not initials_spell(name, acronym):
            continue
        concept = capitals[-1] in NOT_NAME_WORDS or not any(proper_word(w) for w in capitals)
        if concept and not _speaks(text, bracket, acronym):
            # "the Global Security Initiative (GSI)": a policy; "Most Favoured Nation (MFN)":
            # dictionary words name a concept
            return None
        return name, (first.start(), chain[0].end())
    return None


# What a body does and a concept never does, said of it right after its acronym.
_SPEAKS_AFTER_RE = re.compile(
    r"\)? (?:said|says|believes|believe|told|announced|reported|warned|urged|accused|demanded|"
    r"condemned|criticised|criticized|welcomed|appealed|alleged|claimed|protested)\b"
)


def _speaks(text, bracket, acronym):
    """The acronym bracketed at `bracket`, or a later use of it, is followed by a verb of
    saying or judging: the name is a body's."""
    if _SPEAKS_AFTER_RE.match(text, bracket + len(acronym) + 1):
        return True
    return any(
        _SPEAKS_AFTER_RE.match(text, m.end())
        for m in re.compile(rf"(?<![\w(]){re.escape(acronym)}\b").finditer(text, bracket)
    )


# A capitalised name in brackets, and the acronym right before it that may stand for it: "the
# LTTE (Liberation Tigers of Tamil Eelam)". The pattern opens with its literal " (", which the
# engine finds fast; the acronym is looked for only there.
NAME_IN_BRACKETS_RE = re.compile(r" \(([A-Z][\w'’&.-]*(?: [\w'’&.-]+){1,12})\)")
_ACRONYM_BEFORE_RE = re.compile(r"(?<![\w&])([A-Z][A-Z&]{1,7})$")


def acronym_before(text, bracket):
    """The acronym that ends right before `bracket` ("LTTE" of "LTTE (Liberation ..."), or
    None."""
    m = _ACRONYM_BEFORE_RE.search(text, max(0, bracket - 9), bracket)
    return m.group(1) if m else None


def name_after(match):
    """(name, span) of the bracketed name (`NAME_IN_BRACKETS_RE`) when it is a capitalised name
    alone, or None. Whether the acronym before it stands for it is the caller's to say: its
    initials may spell it, or another rule found the name there ("PKK (Kurdistan Workers'
    Party)", whose acronym is Kurdish)."""
    words_ = match.group(1).split()
    capitals = [w for w in words_ if w[:1].isupper()]
    if any(not (w[:1].isupper() or w in _SPELLED_LINKS) for w in words_):
        return None  # "NATO (which ...)": not a name alone
    if len(capitals) < 2 or capitals[-1] in NOT_NAME_WORDS:
        return None
    return match.group(1), match.span(1)


def proper_word(word):
    """A word of no English dictionary, in its British or American spelling ("Eelam",
    "Beirut"; not "Optimised")."""
    key = fold(word)
    american = key.replace("isation", "ization").replace("ise", "ize").replace("our", "or")
    return not (name_lists.in_dictionary(key) or name_lists.in_dictionary(american))
