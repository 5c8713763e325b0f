"""More like this: stories sharing the key terms of a story's opening, ranked on arrays.

The index does not store texts, so the story's text is prepared from the object. The key terms
are what Whoosh's `more_like` picks (Bo1 over the opening: headline, standfirst, lede, which say
what a story is about); their OR is ranked by the array evaluator, and Whoosh's own `more_like`
answers when that cannot.
"""

from haystack.constants import ID
from haystack.utils import get_identifier
from whoosh import classify
from whoosh import query as wq

from articles.search.backends.whoosh import codec
from articles.search.backends.whoosh.arrays import ArrayIndex, Unsupported
from articles.search.backends.whoosh.caches import SEGMENT_TERMS, of_searcher

MLT_CHARS = 1500  # more-like-this reads a story's first characters for its key terms
KEY_TERMS = 5  # what searcher.more_like uses


class TermStats:
    """The reader calls of Whoosh's key-term Expander (is a term there, its collection frequency).

    Each segment's figures come from SEGMENT_TERMS, shared by every thread and index version:
    article pages ask about the same common words again and again, and a term look-up costs
    one hash probe per segment.
    """

    def __init__(self, reader):
        self.reader = reader
        self.schema = reader.schema
        self.leaves = [leaf for leaf, _ in reader.leaf_readers()]
        self.totals = {}

    @classmethod
    def of(cls, searcher):
        return of_searcher(searcher).objects.get(cls, lambda: cls(searcher.reader()))

    def doc_count_all(self):
        return self.reader.doc_count_all()

    def field_length(self, fieldname):
        if fieldname not in self.totals:
            self.totals[fieldname] = self.reader.field_length(fieldname)
        return self.totals[fieldname]

    def frequency(self, fieldname, text):
        btext = self.schema[fieldname].to_bytes(text) if isinstance(text, str) else text
        return sum(_frequency(leaf, fieldname, btext) for leaf in self.leaves)

    def __contains__(self, key):
        return self.frequency(*key) > 0


def _frequency(leaf, fieldname, btext):
    segment = codec.segment_id(leaf)
    if segment is None:
        return leaf.frequency(fieldname, btext)
    return SEGMENT_TERMS.get(
        (segment, (fieldname, btext)), lambda: leaf.frequency(fieldname, btext)
    )


def key_terms_query(searcher, field, text):
    """The OR of the key terms of `text`, each boosted by its weight."""
    expander = classify.Expander(TermStats.of(searcher), field, model=classify.Bo1Model)
    expander.add_text(text[:MLT_CHARS])
    terms = expander.expanded_terms(KEY_TERMS, normalize=False)
    return wq.Or([wq.Term(field, word, boost=weight) for word, weight in terms])


def more_like(searcher, instance, text, field, filter_query, start, top):
    """[(stored fields, score)] of the stories most like `instance` but itself, from `start` to
    `top`; None when `instance` is not in the index."""
    docnum = searcher.document_number(**{ID: get_identifier(instance)})
    if docnum is None:
        return None
    query = key_terms_query(searcher, field, text)
    if filter_query is not None:
        query = wq.And([query, filter_query])
    arrays = ArrayIndex.of(searcher)
    try:
        docs, scores = arrays.evaluate(query)
    except Unsupported:
        results = searcher.more_like(docnum, field, text=text, top=top, filter=filter_query)
        return [(hit.fields(), hit.score) for hit in results[start:top]]
    keep = docs != docnum
    ranked = arrays.top(docs[keep], scores[keep], top)[start:]
    return [(searcher.stored_fields(d), score) for d, score in ranked]
