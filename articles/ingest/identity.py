"""Story identity that survives small edits: anchors to find candidates, shingles to decide.

A story without a `URL:` used to be known by its first 25 words, so a corrected word in the
opening made a second article, a teaser cut before word 25 never met its full story, and two
stories that opened with the same boilerplate merged. Here:

- **Anchors** find candidates cheaply: hashes of the first few 8-word runs of the body. A story
  shares an anchor with every version of itself that kept any one of those runs intact, so one
  corrected word cannot hide it; the anchors are stored (`StoryAnchor`) and looked up in bulk.
- **Shingles** decide: the sets of 4-word runs of both bodies. Two versions of one story share
  nearly all of them (a corrected word changes four), so their resemblance (shared / all) is
  high; two stories that only share an opening share few. A cut-off teaser is compared by
  containment instead: nearly all its shingles are inside its full story's.

A kicker teaser's deck is often the full story's first sentence, so a story is compared both by
its body and by its deck and body together (`variants`).
"""

import hashlib
import re

from articles.text import fold

KEY_WORDS = 25  # the lede's first words identify a story across corrections further down


def content_key(body, url=""):
    """A stable key: the source URL when there is one, else the lede's first words."""
    if url:
        return "url:" + hashlib.sha256(url.strip().encode()).hexdigest()[:40]
    words = re.findall(r"\w+", fold(body))[:KEY_WORDS]
    return "text:" + hashlib.sha256(" ".join(words).encode()).hexdigest()[:40]


def whole_text_key(body):
    """The key of a story whose opening words are another story's (a shared boilerplate)."""
    words = re.findall(r"\w+", fold(body))
    return "full:" + hashlib.sha256(" ".join(words).encode()).hexdigest()[:40]


ANCHOR_WORDS = 8  # words per anchor run
ANCHORS = 4  # anchor runs taken from the opening
SHINGLE_WORDS = 4
SAME_STORY = 0.8  # resemblance (or a teaser's containment) from which two texts are one story

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


def variants(deck, body):
    """The word lists a story is known by: its body, and its deck and body when it has a deck."""
    found = [story_words(body)]
    if deck:
        found.append(story_words(f"{deck} {body}"))
    return found


def variant_anchors(word_lists):
    """The anchors of every variant, each once."""
    return list(dict.fromkeys(a for words in word_lists for a in anchors(words)))


def resemblance(a, b):
    """Return the share of all shingles of two texts that both hold (0.0 to 1.0)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a, b):
    """Return the share of the smaller shingle set that the other one holds (0.0 to 1.0)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return len(small & large) / len(small)


def same_story(variants_a, variants_b, partial=False):
    """True when two stories (their `variants`) are versions of one story.

    `partial`: one of them is a cut-off teaser, compared by containment in the other.
    """
    measure = containment if partial else resemblance
    return any(
        measure(shingles(a), shingles(b)) >= SAME_STORY for a in variants_a for b in variants_b
    )
