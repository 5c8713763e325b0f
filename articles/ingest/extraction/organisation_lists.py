"""Names listed with a firm, a party or a paper are of its kind.

"Nishat Mills and Interloop, which makes socks", "Aviva Canada and Desjardins also opened
offices", "the Socialist Party (PS), Livre, the Left Bloc and ...": one name of the list is
known or has a cue beside it, the others have none. A list is names joined by commas and one
"and"; its loose names (runs no rule claimed) take the kind of the organisation listed with
them, unless they read as a person, a place or everyday words.
"""

import re

from articles.ingest.extraction import name_lists
from articles.ingest.extraction.context import sentence_start
from articles.ingest.extraction.mentions import overlaps
from articles.ingest.extraction.organisation_cues import is_place
from articles.ingest.extraction.organisation_words import LEADING_NOISE, PERSON_TITLES
from articles.ingest.gazetteer import fold

# The kinds a list passes on: firms, parties and media are listed with their peers; a
# government body or an "other" is as often listed with a person or a place.
LISTED_KINDS = frozenset({"company", "party", "media"})
# Between two names of a list.
_LIST_GAPS = (" and ", ", ", ", and ", " and the ", ", the ", ", and the ")
PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")
_AND_AHEAD_RE = re.compile(
    r"(?:, (?:the )?[A-Z][\w'’&.+-]*(?: [A-Z][\w'’&.+-]*){0,3})*,? and (?:the )?[A-Z]"
)


def partners_in_lists(story, loose):
    """Add to `story.found` the loose runs [(start, end, tokens)] (no rule claimed them when
    they were read, though one may have named them since) that stand in a list with an
    organisation of a listed kind, of that kind; the lists are followed both ways until nothing
    more is added ("Vista, Pampa, Tecpetrol and Pluspetrol")."""
    text, found = story.text, story.found
    taken = None  # the spans found so far, read when a run first stands beside a listed one
    ends, starts = {}, {}
    for org in found.by_key.values():
        if org.kind in LISTED_KINDS:
            for start, end in org.spans:
                ends[end], starts[start] = org.kind, org.kind
                if text.startswith(")", end):
                    ends[end + 1] = org.kind  # "the Socialist Party (PS), Livre, ..."
    added = True
    while added and (ends or starts):
        added = False
        for item in list(loose):
            start, end, tokens = item
            kind = _listed_kind(text, start, end, ends, starts)
            if kind is None:
                continue
            loose.remove(item)
            taken = found.spans() if taken is None else taken
            if overlaps((start, end), taken):
                continue  # a rule named it after all ("Sana Kliniken" by its head word)
            span = _listed_span(story, start, end, tokens)
            if span is None:
                continue
            found.add(text[span[0] : span[1]], span, kind)
            taken.add(span)
            ends[span[1]], starts[span[0]] = kind, kind
            added = True


def _listed_kind(text, start, end, ends, starts):
    """The kind of an organisation next to the run in a list, or None. Across a bare comma the
    list must go on to an "and" ("Velmar, Smith said" is no list)."""
    for gap in _LIST_GAPS:
        comma = not gap.startswith((" and", ", and"))
        kind = ends.get(start - len(gap))
        if kind and text.endswith(gap, 0, start) and (not comma or _AND_AHEAD_RE.match(text, end)):
            return kind  # "Pluspetrol" after "... Tecpetrol and "; "Pampa" in "Vista, Pampa, ..."
        kind = starts.get(end + len(gap))
        if kind and text.startswith(gap, end) and (not comma or _AND_AHEAD_RE.match(text, end)):
            return kind  # "Nishat Mills" before " and Interloop"
    return None


def _listed_span(story, start, end, tokens):
    """The span of the run's name, from its first word that is not "The" or a weekday, or None
    when it reads as a person, a title, a place or everyday words."""
    first = 0
    while first < len(tokens) and tokens[first][2] in LEADING_NOISE:
        first += 1
    if first == len(tokens) or any(t[2] in PERSON_TITLES for t in tokens[first:]):
        return None
    keys = tuple(t[4] for t in tokens[first:])
    name = story.text[start + tokens[first][0] : end]
    span = (start + tokens[first][0], end)
    if len(keys) == 1 and PLURAL_ACRONYM_RE.fullmatch(tokens[first][2]):
        return None  # "electric SUVs and Veloce": things, not a name
    if (
        overlaps(span, story.people)
        or fold(name) in story.rejected
        or is_place(name)
        or name_lists.ordinary_words(keys)
        or (len(keys) == 1 and keys[0] in name_lists.given_names())
        or (sentence_start(story.text, span[0]) and all(map(name_lists.in_dictionary, keys)))
    ):
        return None
    return span
