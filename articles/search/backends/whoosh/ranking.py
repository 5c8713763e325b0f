"""Ranking on arrays as Whoosh ranks: BM25F scores of whole postings lists, and the top documents by
score or by sortable fields, with ties broken as Whoosh breaks them (tests compare the two)."""

import numpy as np
from whoosh.util.numeric import byte_to_length

# Whoosh stores each document's field length in one byte; this decodes all 256 codes at once.
BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
MISSING = 2**64 - 1  # a sortable column's value for a document without one


def bm25f(tf, lengths, idf, avg_length, weighting):
    """BM25F for every posting of one term: `tf` its frequencies, `lengths` the documents' field
    lengths, with Whoosh's own idf and average field length."""
    b, k1 = weighting.B, weighting.K1
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths / avg_length)))


def top_by_score(docs, scores, limit):
    """Indexes into `docs` of the best `limit` by score, ties by lower document number."""
    if len(docs) > limit * 4:
        cut = np.argpartition(-scores, limit - 1)[:limit]
        threshold = scores[cut].min()
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(docs))
    return candidates[np.lexsort((docs[candidates], -scores[candidates]))][:limit]


def top_by_fields(docs, columns, sort_by, limit):
    """Indexes into `docs` of the first `limit` by sortable fields (`-published`: newest first).

    `columns(field)` gives a field's value per document. Whoosh reverses the whole order when the
    first field is descending, ties included; documents without a value come last here (Whoosh
    puts them first).
    """
    reverse = sort_by[0].startswith("-")
    keys = [-docs if reverse else docs]
    for field in reversed(sort_by):
        values = columns(field.lstrip("-"))[docs]
        if reverse:
            values = np.where(values == MISSING, MISSING, ~values)
        keys.append(values)
    if len(docs) > limit * 4:  # sort only what can make the page: the `limit` best firsts
        primary = keys[-1]
        candidates = np.flatnonzero(primary <= np.partition(primary, limit - 1)[limit - 1])
    else:
        candidates = np.arange(len(docs))
    return candidates[np.lexsort([key[candidates] for key in keys])][:limit]
