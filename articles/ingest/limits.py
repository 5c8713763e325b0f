"""The per-story limits every way in enforces (README, "Limits").

A story's page, search document and feed entry grow with its body and its tags: one 50 MB text
file read as one story took 1 GB to ingest and 13-25 s to render, and a JSONL story with 10,000
people 7.7 s. So a story is refused by name before extraction when its body is too long, and the
extractor's tags are cut to the most-mentioned; the JSONL schema refuses a record over either.
"""

from dataclasses import replace

MAX_BODY_CHARS = 200_000  # a story's body; a long feature is about 50,000
MAX_TAGS = 500  # tags per story, every kind together


class StoryTooLong(ValueError):
    """A story's body is over MAX_BODY_CHARS; the message names the story."""


def check_body(body_chars, position, headline):
    """Raise StoryTooLong when a story of `body_chars` characters is over the limit."""
    if body_chars > MAX_BODY_CHARS:
        raise StoryTooLong(
            f"story {position + 1} ({headline[:60]!r}) is {body_chars:,} characters long; "
            f"a story is at most {MAX_BODY_CHARS:,} (split the text into stories)"
        )


def _weight(mention):
    """How strongly a mention belongs: its mentions in the text, or a topic's score."""
    spans = getattr(mention, "spans", None)
    return len(spans) if spans is not None else mention.score


def cap_tags(extraction, limit=MAX_TAGS):
    """The extraction with at most `limit` mentions in all: topics and countries first (there are
    few of them), then the most-mentioned organisations, then people; the kept ones stay in their
    order."""
    budget, kept = limit, {}
    for name in ("topics", "countries", "organisations", "people"):
        mentions = getattr(extraction, name)
        if len(mentions) > budget:
            ranked = sorted(range(len(mentions)), key=lambda i: -_weight(mentions[i]))
            chosen = set(ranked[:budget])
            mentions = [m for i, m in enumerate(mentions) if i in chosen]
        kept[name] = mentions
        budget -= len(mentions)
    return replace(extraction, **kept)
