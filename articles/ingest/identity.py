"""Story identity that survives small edits: anchors to find candidates, shingles to decide.

A story without a `URL:` used to be known by its first 25 words, so a corrected word in the
opening made a second article, a teaser cut before word 25 never met its full story, and two
stories that opened with the same boilerplate merged. Here:

- **Anchors** find candidates cheaply: hashes of the first few 8-word runs of the body. A story
  shares an anchor with every version of itself that kept any one of those runs intact, so one
  corrected word cannot hide it; the anchors are stored (`StoryAnchor`) and looked up in bulk.
- **Shingles** decide: the sets of 4-word runs of both bodies. Two versions of one story share
  nearly all of them (a corrected word changes four); a teaser's are nearly all inside its full
  story's; two stories that only share an opening share few. `containment` compares the smaller
  set with the larger, so a teaser, a trimmed update and an extended update all count as the
  same story.
"""

import hashlib
import re

from articles.text import fold

ANCHOR_WORDS = 8  # words per anchor run
ANCHORS = 4  # anchor runs taken from the opening
SHINGLE_WORDS = 4
SAME_STORY = 0.85  # share of the smaller story's shingles found in the other: the same story

WORD_RE = re.compile(r"\w+")


def story_words(text):
    """The folded words of `text`: what identity compares (case, accents, punctuation ignored)."""
    return WORD_RE.findall(fold(text))


def _digest(words):
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()


def anchors(words):
    """Return the hashes of the opening ANCHORS runs of ANCHOR_WORDS words (fewer if short)."""
    runs = len(words) // ANCHOR_WORDS
    return [
        _digest(words[i * ANCHOR_WORDS : (i + 1) * ANCHOR_WORDS]) for i in range(min(runs, ANCHORS))
    ]


def shingles(words):
    """Return the set of hashes of every SHINGLE_WORDS-word run (the whole text if shorter)."""
    if len(words) < SHINGLE_WORDS:
        return {hash(tuple(words))} if words else set()
    return {
        hash(tuple(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def containment(a, b):
    """Return the share of the smaller shingle set that the other one holds (0.0 to 1.0)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return len(small & large) / len(small)


def same_story(words_a, words_b):
    """True when two bodies are versions of one story (an edit, a teaser, an update)."""
    return containment(shingles(words_a), shingles(words_b)) >= SAME_STORY
