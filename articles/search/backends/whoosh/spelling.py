"""'Did you mean': the spelling field and the closest known word.

The spelling field holds each distinct word of the archive once (letters only, 3 to 30 long,
folded with `articles.text.fold`, the fold every other part of the archive compares words with),
not a second analysis of every text: it only has to know that a word exists.
"""

import re

from articles.search.backends.whoosh.schema import SPELLING
from articles.text import fold

SPELL_WORD_RE = re.compile(r"[^\W\d_]{3,30}")


def spelling_words(text):
    """The distinct words of `text` worth suggesting (letters only, 3-30 long), folded."""
    return {w if w.isascii() else fold(w) for w in set(SPELL_WORD_RE.findall(text.lower()))}


class Spelled:
    """The words already given to the spelling field by one writer, or None to give every
    story's words (a short run over a filled index, where most words are known already)."""

    def __init__(self, once):
        self.seen = set() if once else None

    def field_text(self, text):
        """The spelling field's value for a story: its words not seen yet, space-separated."""
        words = spelling_words(text)
        if self.seen is not None:
            words -= self.seen
            self.seen |= words
        return " ".join(sorted(words))


def suggest_words(reader, analyzer, content_field, words):
    """Each word kept if the index knows it, else replaced by the closest known word.

    Candidates come from the spelling field (one or two edits away); among the closest, the word
    whose stem is in most stories wins.
    """

    def stories(candidate):
        stems = [t.text for t in analyzer(candidate)]
        return max((reader.doc_frequency(content_field, t) for t in stems), default=0)

    out = []
    for word in words:
        key = fold(word)
        if (SPELLING, key) in reader or len(key) < 3:
            out.append(word)
            continue
        best = word
        for distance in (1, 2):
            candidates = set(reader.terms_within(SPELLING, key, distance, prefix=1)) - {key}
            if candidates:
                best = max(sorted(candidates), key=stories)
                break
        out.append(best)
    return out
