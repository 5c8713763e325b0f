"""Snippets of a story around the words a reader searched for, with the matches marked.

Words are compared folded (`articles.text.fold`: no case, no accents), the same fold the index
and "did you mean" use, so *Jose* marks *José*. Folding can change the length of the text (a
ligature becomes two letters, an accent written as a separate mark disappears), so the text is
folded one character at a time and every match is mapped back to the characters it came from.
"""

import re

from articles.sanitize import marked_snippet
from articles.text import fold

NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _stems(words):
    """Return the folded stems to look for, longest first: long words lose their last letters so
    that *elections* also marks *election*."""
    stems = {fold(w)[: max(4, len(w) - 2)] if len(w) > 4 else fold(w) for w in words}
    return sorted((s for s in stems if s), key=len, reverse=True)


def fold_mapped(text):
    """Return (folded text, origin): origin[j] is the index in `text` of the character folded
    position j comes from, plus a last entry len(text)."""
    parts, origin, done = [], [], 0
    for run in NON_ASCII_RE.finditer(text):
        parts.append(text[done : run.start()].lower())  # ASCII folds one to one
        origin.extend(range(done, run.start()))
        for i in range(run.start(), run.end()):
            folded = fold(text[i])
            parts.append(folded)
            origin.extend([i] * len(folded))
        done = run.end()
    parts.append(text[done:].lower())
    origin.extend(range(done, len(text) + 1))
    return "".join(parts), origin


def match_spans(text, words):
    """Return [(start, end)] in `text` of the words that begin with a stem of `words`."""
    stems = _stems(words)
    if not stems:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)
    if text.isascii():
        return [m.span() for m in pattern.finditer(text.lower())]
    folded, origin = fold_mapped(text)
    # A match ends after the last character it covers, and after any accent marks that follow
    # that character and folded to nothing.
    return [
        (origin[m.start()], max(origin[m.end() - 1] + 1, origin[m.end()]))
        for m in pattern.finditer(folded)
    ]


def _window(text, first, width):
    """Return (start, end) of the `width` characters to show, cut at spaces, the first match
    (at `first`, or None) a third of the way in."""
    start = 0
    if first is not None:
        start = max(0, first - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def highlight(text, words, width=240):
    """Return an escaped snippet of `text` around the first match, matches in <mark>; safe HTML."""
    text = " ".join(text.split())
    spans = match_spans(text, words)
    start, end = _window(text, spans[0][0] if spans else None, width)
    shown = [(s, e) for s, e in spans if s >= start and e <= end]
    return marked_snippet(text, start, end, shown)
