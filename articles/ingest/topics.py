"""Topics by keyword rules: the starter taxonomy (data/topics.json) and the scorer.

Editors change a topic's keywords in the admin (Topic.keywords, one per line, 'word=weight'
for a weight other than 1). The scorer is pure: it takes the rules and a text.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# (slug, name, keywords): the starter taxonomy a new archive gets (migration 0002). Keywords
# match whole words, ignoring case and plural endings; the file keeps them one per line.
DEFAULT_TOPICS = [
    (topic["slug"], topic["name"], "\n".join(topic["keywords"]))
    for topic in json.loads(
        Path(__file__).with_name("data").joinpath("topics.json").read_text(encoding="utf-8")
    )
]

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
# Stripped from both ends of whitespace-separated words: str.split() and str.strip() are several
# times faster than a regular expression or str.translate over the whole text.
WORD_EDGE_PUNCTUATION = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»—–…·'"
MIN_SCORE = 4.0  # a topic needs this much weighted evidence...
MIN_KEYWORDS = 2  # ...from at least this many different keywords
MAX_TOPICS = 3
RELATIVE_CUTOFF = 0.35  # and at least this share of the best topic's score
PER_KEYWORD_CAP = 3  # repeats of one keyword stop counting after this


def parse_keywords(text):
    """'coup=3' lines -> [('coup', 3.0)]; blank lines and '#' comments are ignored."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        phrase, _, weight = line.partition("=")
        try:
            value = float(weight) if weight.strip() else 1.0
        except ValueError:
            value = 1.0
        phrase = " ".join(WORD_RE.findall(phrase))
        if phrase:
            rules.append((phrase, value))
    return rules


def _variants(word):
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


@dataclass(frozen=True)
class TopicRules:
    """Keyword rules compiled for fast scoring: one dict for words, one regex for phrases."""

    words: dict  # word form -> [(slug, keyword, weight)]
    phrases: dict  # first word -> [(phrase, slug, weight)]

    @classmethod
    def compile(cls, topics):
        """topics: iterable of (slug, keywords text)."""
        words, phrases = {}, {}
        for slug, text in topics:
            for phrase, weight in parse_keywords(text):
                if " " in phrase:
                    phrases.setdefault(phrase.split()[0], []).append((phrase, slug, weight))
                else:
                    for form in _variants(phrase):
                        words.setdefault(form, []).append((slug, phrase, weight))
        return cls(words, phrases)

    def score(self, lower_text, counts=None):
        """[(slug, score)] for the topics the text is about, best first."""
        if counts is None:
            counts = Counter(w.strip(WORD_EDGE_PUNCTUATION) for w in lower_text.split())
        hits = Counter()
        for word in counts.keys() & self.words.keys():
            n = counts[word]
            for key in self.words[word]:
                hits[key] += n
        # Phrases are counted only when their first word occurs at all.
        for first in counts.keys() & self.phrases.keys():
            for phrase, slug, weight in self.phrases[first]:
                n = lower_text.count(phrase)
                if n:
                    hits[(slug, phrase, weight)] += n
        scores, distinct = Counter(), Counter()
        # Summed and ranked in a fixed order: the hits come out of sets, whose order changes with
        # each process's string hashing, and a tie must not pick a different topic on re-ingest.
        for (slug, _keyword, weight), n in sorted(hits.items()):
            scores[slug] += weight * min(n, PER_KEYWORD_CAP)
            distinct[slug] += 1
        ranked = [
            (slug, s)
            for slug, s in sorted(scores.items(), key=lambda item: (-item[1], item[0]))
            if s >= MIN_SCORE and distinct[slug] >= MIN_KEYWORDS
        ]
        if not ranked:
            return []
        best = ranked[0][1]
        return [
            (slug, round(s, 2)) for slug, s in ranked[:MAX_TOPICS] if s >= best * RELATIVE_CUTOFF
        ]


DEFAULT_RULES = TopicRules.compile((slug, keywords) for slug, _name, keywords in DEFAULT_TOPICS)
