"""What a reader typed, as clauses, and the haystack SearchQuerySet that asks for them.

`parse_query` never fails: it simplifies what it cannot use (brackets, operators, stray quotes,
overlong queries) and says what it changed in `notes`, for the page to show. The querysets are
plain haystack, so any engine behind SEARCH_URL answers them.
"""

import re
from dataclasses import dataclass, field

from haystack.inputs import Clean, Exact
from haystack.query import SQ, SearchQuerySet

from articles.kinds import kind
from articles.models import Article

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD_CHARS_RE = re.compile(r"[\w’'\-]+")
BRACKETS_RE = re.compile(r"[()\[\]{}]")


@dataclass
class Term:
    text: str
    phrase: bool = False
    negate: bool = False

    def __str__(self):
        text = f'"{self.text}"' if self.phrase else self.text
        return f"-{text}" if self.negate else text


@dataclass
class ParsedQuery:
    groups: list = field(default_factory=list)  # AND of groups; each group is an OR of Terms
    notes: list = field(default_factory=list)  # what we changed, to tell the reader

    @property
    def positive(self):
        return [t for group in self.groups for t in group if not t.negate]

    @property
    def words(self):
        """The words a reader searched for, for highlighting and spelling."""
        return [w for t in self.positive for w in WORD_CHARS_RE.findall(t.text)]

    def __str__(self):
        return " ".join(" OR ".join(str(t) for t in group) for group in self.groups)


def _cleaned(raw, notes):
    """Return `raw` cut, with curly quotes straightened and brackets dropped; notes what changed."""
    raw = (raw or "").replace("“", '"').replace("”", '"').replace("\x00", "")
    if len(raw) > MAX_QUERY_CHARS:
        raw = raw[:MAX_QUERY_CHARS]
        notes.append(f"Your query was cut to its first {MAX_QUERY_CHARS} characters.")
    if raw.count('"') % 2:
        notes.append("An unmatched quotation mark was closed for you.")
    if BRACKETS_RE.search(raw):
        notes.append("Brackets are not used for grouping here and were ignored.")
        raw = BRACKETS_RE.sub(" ", raw)
    return raw


def _term(match):
    """Return the Term of one token (a "phrase" or a word), None for an operator or punctuation."""
    if match.group(2) is not None:  # a phrase
        words = WORD_CHARS_RE.findall(match.group(2))
        negate = bool(match.group(1))
    else:
        token = match.group(3)
        negate = token.startswith("-") and len(token) > 1
        words = WORD_CHARS_RE.findall(token.lstrip("-+"))
        words = [w.strip("-’'") for w in words if w.strip("-’'")]
    if not words:
        return None  # "*", "&&", lone punctuation, an empty phrase
    return Term(" ".join(words), phrase=len(words) > 1, negate=negate)


def parse_query(raw):
    """Return the ParsedQuery of words, "quoted phrases", OR between terms, -term. Never raises."""
    parsed = ParsedQuery()
    pending_or = False
    for match in TOKEN_RE.finditer(_cleaned(raw, parsed.notes)):
        if match.group(3) == "OR":
            pending_or = bool(parsed.groups)
            continue
        term = _term(match)
        if term is None:
            continue
        if pending_or and not term.negate and not any(t.negate for t in parsed.groups[-1]):
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        pending_or = False
    if sum(len(g) for g in parsed.groups) > MAX_TERMS:
        parsed.groups = parsed.groups[:MAX_TERMS]
        parsed.notes.append(f"Only the first {MAX_TERMS} terms were used.")
    return parsed


def _term_sq(term):
    value = Exact(term.text) if term.phrase else Clean(term.text)
    return SQ(content=value)


def tag_lookup(kind_name, slug):
    """Return the filter keywords matching stories tagged with entity `slug` of `kind_name`.

    They ask the index field's `_exact` copy, which is unanalysed on every engine.
    """
    return {kind(kind_name).index_field + "_exact": Clean(slug)}


def archive(filters=None):
    """Return a SearchQuerySet of all stories, narrowed by `filters` ({kind name: slug})."""
    sqs = SearchQuerySet().models(Article)
    for kind_name, slug in (filters or {}).items():
        sqs = sqs.filter(**tag_lookup(kind_name, slug))
    return sqs


def build_queryset(params, query):
    """Return the SearchQuerySet for SearchParams `params` and their ParsedQuery `query`."""
    sqs = archive()
    for group in query.groups:
        if all(t.negate for t in group):
            for term in group:
                sqs = sqs.exclude(_term_sq(term))
            continue
        combined = None
        for term in group:
            sq = _term_sq(term)
            combined = sq if combined is None else combined | sq
        sqs = sqs.filter(combined)
    for kind_name, slug in params.filters.items():
        sqs = sqs.filter(**tag_lookup(kind_name, slug))
    if params.date_from:
        sqs = sqs.filter(published__gte=params.date_from)
    if params.date_to:
        sqs = sqs.filter(published__lte=params.date_to)
    if params.newest_first:
        sqs = sqs.order_by("-published")
    return sqs
