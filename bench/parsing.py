#!/usr/bin/env python
"""How well plain-text files and web pages are read, on the hand-written gold set.

    python bench/parsing.py [--gold tests/data/parsing] [--show]

For each category of tests/data/parsing/ (see its README) it prints the share of checks that
are right:
- boundaries: a kicker teaser's deck/body boundary (the deck exactly as the gold gives it);
- wrapped: hard-wrapped text read into the right paragraphs (count and opening words);
- html: headline, date, byline, opening words, paragraph count, and no page clutter in the body;
- datelines: byline, date, opening words, and no dateline or byline left in the body;
- headlines: derived headlines keep the rules (at most 14 words, not ending on a function word,
  no open quotation, not cut after an abbreviation); given headlines are kept exactly;
- truncated: the cut-off flag;
- duplicates: two files ingested one after the other end as one article, or stay two.

`--show` lists every failed check. The set was written for this purpose, in our own words.
"""

import argparse
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "at",
    "by",
    "from",
    "as",
    "or",
    "and",
    "but",
    "nor",
    "its",
    "their",
    "his",
    "her",
    "our",
    "that",
    "which",
    "who",
    "whose",
    "whom",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
}
ABBREVIATION_END = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Gen|Col|Lt|Sen|Gov|Prof|Capt|St|No|Jr)\.?…?$")


def setup_django():
    os.environ.setdefault("NEWSARCHIVE_DATA_DIR", tempfile.mkdtemp(prefix="parsing-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsarchive.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def drafts_of(path):
    from articles.ingest.parse import page_draft, parse_text
    from articles.ingest.readers import read_document
    from articles.ingest.webpage import WebPage

    document = read_document(path)
    if isinstance(document, WebPage):
        return page_draft(document)
    return parse_text(document)


def opening(body, n=8):
    return " ".join(body.split()[:n])


def headline_keeps_rules(headline):
    words = headline.rstrip("…").split()
    last = re.sub(r"\W+$", "", words[-1]).lower() if words else ""
    quotes_open = headline.count("“") > headline.count("”") or headline.count('"') % 2
    return (
        0 < len(words) <= 14
        and last not in FUNCTION_WORDS
        and not quotes_open
        and not ABBREVIATION_END.search(headline)
    )


class Score:
    def __init__(self):
        self.right, self.total, self.misses = defaultdict(int), defaultdict(int), []

    def check(self, category, ok, what):
        self.total[category] += 1
        self.right[category] += bool(ok)
        if not ok:
            self.misses.append(f"{category}: {what}")


def score_story(score, name, story, gold):
    body = story.body
    category = name.split("_")[0]
    if gold["kicker"] is not None:
        got = story.deck or None
        score.check("boundaries", got == gold["deck"], f"{name}: deck {got!r}")
    if category in ("wrapped", "html", "dateline"):
        key = {"wrapped": "wrapped", "html": "html", "dateline": "datelines"}[category]
        got = opening(body, len(gold["body_starts"].split()))
        score.check(key, got == gold["body_starts"], f"{name}: body starts {got!r}")
        score.check(
            key,
            len(story.paragraphs) == gold["paragraphs"],
            f"{name}: {len(story.paragraphs)} paragraphs, not {gold['paragraphs']}",
        )
        for clutter in gold["must_not_contain"]:
            score.check(key, clutter not in body, f"{name}: body holds {clutter!r}")
    if category in ("html", "dateline"):
        key = "html" if category == "html" else "datelines"
        date = story.published.isoformat() if story.published else None
        score.check(key, date == gold["date"], f"{name}: date {date}, not {gold['date']}")
        byline = story.byline or None
        score.check(key, byline == gold["byline"], f"{name}: byline {byline!r}")
    if gold["headline"] is not None:
        ok = story.headline == gold["headline"]
        score.check("headlines", ok, f"{name}: headline {story.headline!r}")
    else:
        ok = headline_keeps_rules(story.headline)
        score.check("headlines", ok, f"{name}: derived headline {story.headline!r}")
    ok = story.truncated == gold["truncated"]
    score.check("truncated", ok, f"{name}: truncated {story.truncated}")


def score_files(score, folder, gold):
    for name, stories in sorted(gold.items()):
        if name == "duplicates":
            continue
        try:
            drafts = drafts_of(folder / name)
        except Exception as exc:  # noqa: BLE001 - a file the reader refuses is a miss, not a stop
            score.check("files read", False, f"{name}: {type(exc).__name__}: {exc}")
            continue
        score.check("files read", True, name)
        ok = len(drafts) == len(stories)
        score.check("story count", ok, f"{name}: {len(drafts)} stories, not {len(stories)}")
        for draft, expected in zip(drafts, stories):
            score_story(score, name, draft, expected)


def score_duplicates(score, folder, cases):
    from django.db import transaction

    from articles.ingest.pipeline import ingest_paths
    from articles.models import Article

    for case in cases:
        with transaction.atomic():
            before = Article.objects.count()
            for name in case["files"]:
                ingest_paths([folder / name])
            made = Article.objects.count() - before
            transaction.set_rollback(True)
        expected = 1 if case["same"] else 2
        score.check("duplicates", made == expected, f"{case['files']}: {made} articles")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "tests" / "data" / "parsing"))
    parser.add_argument("--show", action="store_true", help="list every failed check")
    args = parser.parse_args()
    setup_django()
    folder = Path(args.gold)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    score = Score()
    score_files(score, folder, gold)
    score_duplicates(score, folder, gold.get("duplicates", []))
    print(f"{'category':<14}{'right':>7}{'checks':>8}{'share':>8}")
    for category in sorted(score.total):
        right, total = score.right[category], score.total[category]
        print(f"{category:<14}{right:>7}{total:>8}{right / total:>8.0%}")
    right, total = sum(score.right.values()), sum(score.total.values())
    print(f"{'all':<14}{right:>7}{total:>8}{right / total:>8.0%}")
    if args.show:
        print("\n".join(["", "Misses:", *score.misses]))


if __name__ == "__main__":
    main()
