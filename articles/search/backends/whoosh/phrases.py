"""Phrases on arrays: the stories with all the words, then the word positions of each candidate.

A phrase of common words has very many candidates, and each one's positions must be read. Past
PHRASE_EXACT candidates a systematic sample is checked instead: the total and the facets are
estimated from it (and the page says so), and the pages are filled from the best-scoring
candidates that check out.
"""

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.reading import TermNotFound

from articles.search.backends.whoosh import codec

PHRASE_EXACT = 1000  # candidates checked one by one; beyond, a sample is
PHRASE_SAMPLE = 300  # candidates checked to estimate a phrase's count and facets
PHRASE_PAGES = 40  # phrase hits looked for among the best-scoring candidates (two pages)
PHRASE_WALK = 600  # best-scoring candidates checked at most, for those pages


class Unsupported(Exception):
    """A query the array evaluator does not handle; Whoosh evaluates it instead."""


@dataclass
class Estimate:
    """A count estimated from a checked sample: `sample` (document numbers that matched) stands
    for the whole, each counting `scale` stories."""

    total: int
    sample: object
    scale: float


def is_plain_phrase(schema, q):
    return type(q) is wq.Phrase and q.slop == 1 and schema[q.fieldname].scorable


def phrase(arrays, q, estimate=False):
    """(docs, scores) of a phrase, or (docs, scores, Estimate) past PHRASE_EXACT candidates.

    Stories are ranked by their words' BM25F (Whoosh scores a phrase by its frequency). Only a
    whole query may be estimated (`estimate`); a large phrase inside one goes to Whoosh.
    """
    candidates, scores = arrays.evaluate_and(
        wq.And([wq.Term(q.fieldname, word) for word in q.words])
    )
    if len(candidates) <= PHRASE_EXACT:
        keep = has_phrase(arrays.leaves, q, candidates)
        return candidates[keep], scores[keep] * q.boost
    if not estimate:
        raise Unsupported("a phrase in very many stories inside a larger query")
    step = len(candidates) / PHRASE_SAMPLE
    sample = np.unique((np.arange(PHRASE_SAMPLE) * step).astype(np.int64))
    in_sample = has_phrase(arrays.leaves, q, candidates[sample])
    top = _best_hits(arrays.leaves, q, candidates, scores)
    shown = np.unique(np.concatenate([sample[in_sample], np.array(top, dtype=np.int64)]))
    total = max(len(shown), round(len(candidates) * in_sample.mean()))
    found = Estimate(
        total=total,
        sample=candidates[sample][in_sample],
        scale=len(candidates) / len(sample),
    )
    return candidates[shown], scores[shown] * q.boost, found


def _best_hits(leaves, q, candidates, scores):
    """Positions (in `candidates`) of phrase hits among the best-scoring candidates, checked until
    a few pages are full or PHRASE_WALK were checked."""
    best = np.argsort(-scores, kind="stable")[:PHRASE_WALK]
    top = []
    for first in range(0, len(best), PHRASE_SAMPLE):
        chunk = np.sort(best[first : first + PHRASE_SAMPLE])
        top.extend(chunk[has_phrase(leaves, q, candidates[chunk])].tolist())
        if len(top) >= PHRASE_PAGES:
            break
    return top


def has_phrase(leaves, q, docs):
    """For sorted document numbers that have every word of the phrase, whether the words stand
    in a row. Each word's postings are read only in the blocks that hold candidates (Whoosh's
    phrase matcher would check the positions of every candidate in between)."""
    found = np.zeros(len(docs), dtype=bool)
    for leaf, offset in leaves:
        lo, hi = np.searchsorted(docs, [offset, offset + leaf.doc_count_all()])
        if lo == hi:
            continue
        local = (docs[lo:hi] - offset).tolist()
        fieldobj = leaf.schema[q.fieldname]
        try:  # the segment's own matchers: the candidates are live, so no deletion filter
            matchers = [
                codec.term_matcher(leaf, q.fieldname, fieldobj.to_bytes(word)) for word in q.words
            ]
        except TermNotFound:
            continue
        values = [codec.values_at(matcher, local) for matcher in matchers]
        decode = fieldobj.format.decode_positions
        for i, docnum in enumerate(local):
            if all(docnum in word_values for word_values in values):
                found[lo + i] = _in_a_row([decode(v[docnum]) for v in values])
    return found


def _in_a_row(positions):
    """Whether some position of the first word is followed by the second word, then the third..."""
    starts = set(positions[0])
    for k, following in enumerate(positions[1:], 1):
        following = set(following)
        starts = {p for p in starts if p + k in following}
    return bool(starts)
