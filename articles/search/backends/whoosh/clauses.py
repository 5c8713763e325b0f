"""haystack's query strings as Whoosh queries, filter clauses without Whoosh's query parser.

haystack writes every filter (tags, the model) as exact clauses such as
`(people_exact:(x) OR countries_exact:('a-b'))`; an article's related stories ask for a dozen.
Those are turned into Term queries here directly, and anything else goes to Whoosh's parser.
Both ways give the same query (tests check it).
"""

import re

from django.utils.encoding import force_str
from whoosh import query as wq

from articles.search.backends.whoosh.caches import LRU
from articles.search.backends.whoosh.schema import field_name, is_exact

# A haystack filter clause (field:(value) or field:('value')), a parenthesis or AND/OR.
CLAUSE_TOKEN_RE = re.compile(
    r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<op>AND|OR)(?=[\s(])"
    r"|(?P<field>\w+):\((?:'(?P<quoted>[^',\s()\\]+)'|(?P<bare>[\w.]+))\))\s*"
)


class QueryParsing:
    """Query strings to Whoosh queries for one schema, the last few hundred kept (Whoosh queries
    are values, and the same filters come back with every page)."""

    def __init__(self, schema, parser):
        self.schema = schema
        self.parser = parser
        self.parsed = LRU(512)

    def parse(self, query_string):
        query_string = force_str(query_string).strip()
        if query_string in ("", "*", "(*)"):
            return wq.Every()
        return self.parsed.get(
            query_string,
            lambda: parse_clauses(self.schema, query_string) or self.parser.parse(query_string),
        )


def parse_clauses(schema, query_string):
    """The query for a string of exact clauses as haystack writes filters, or None for anything
    else (which then goes to Whoosh's parser)."""
    tokens = _tokens(schema, query_string)
    if tokens is None:
        return None
    query, end = _clause_group(tokens, 0)
    if query is None or end != len(tokens):
        return None
    return query.normalize()  # as the parser does


def _tokens(schema, query_string):
    """[(kind, value)] for the clauses, parentheses and operators, or None."""
    tokens, position = [], 0
    while position < len(query_string):
        match = CLAUSE_TOKEN_RE.match(query_string, position)
        if match is None:
            return None
        position = match.end()
        if match["field"]:
            field = field_name(schema, match["field"])
            if not is_exact(schema, field):
                return None
            tokens.append(("term", wq.Term(field, match["quoted"] or match["bare"])))
        elif match["open"]:
            tokens.append(("open", None))
        elif match["close"]:
            tokens.append(("close", None))
        else:
            tokens.append(("op", match["op"]))
    return tokens


def _clause_group(tokens, i):
    """(query, next token) for `item (op item)*` from tokens[i:], one operator per group (as
    haystack writes them); (None, i) when the tokens say anything else."""
    items, operator, expecting_item = [], None, True
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "close":
            break
        if kind == "op":
            if expecting_item or operator not in (None, value):
                return None, i
            operator, expecting_item = value, True
            i += 1
            continue
        if not expecting_item:
            return None, i  # two items without an operator between them
        if kind == "open":
            query, i = _clause_group(tokens, i + 1)
            if query is None or i >= len(tokens) or tokens[i][0] != "close":
                return None, i
            i += 1
        else:
            query, i = value, i + 1
        items.append(query)
        expecting_item = False
    if expecting_item:
        return None, i
    if len(items) == 1:
        return items[0], i
    return (wq.And(items) if operator == "AND" else wq.Or(items)), i
