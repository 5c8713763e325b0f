#!/usr/bin/env python
"""How long the article page of the largest story allowed takes to render (issue 17, item 5).

    python bench/pages_limits.py [--chars 200000] [--tags 500] [--runs 5] [--also 10000]

Builds a throw-away archive holding one story of `--chars` characters (ordinary paragraphs) tagged
with `--tags` people, each mentioned once in the body with its offsets, plus a few hundred other
stories sharing those people; indexes it; then renders the story's page `--runs` times through
Django's test client and prints the median and the slowest time, the page size and the SQL query
count. `--also N` repeats it for a story tagged with N people (a `.jsonl` story could carry 10,000
before ingest limited tags). Goal: under 1 s for 200,000 characters and 500 tags.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = (
    "the council met on monday to discuss the harbour budget while ministers argued over "
    "fuel prices and the new railway line that would link the coast to the capital"
)
WORDS = SENTENCE.split(" ")


def setup_django():
    os.environ["NEWSARCHIVE_DATA_DIR"] = tempfile.mkdtemp(prefix="newsarchive-bench-pages-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsarchive.settings"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.pop("SEARCH_URL", None)
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def body_with_names(chars, names):
    """A body of about `chars` characters in paragraphs of ~600, each name mentioned once, spread
    evenly; return (body, {name: (start, end)})."""
    paragraphs, offsets, length, i, word = [], {}, 0, 0, 0
    per_paragraph = max(1, len(names) // max(1, chars // 600) + 1)
    while length < chars:
        parts = []
        for _ in range(per_paragraph):
            if i < len(names):
                parts.append(names[i])
                i += 1
            parts.extend(WORDS[(word + k) % len(WORDS)] for k in range(12))
            word += 12
        while sum(len(p) + 1 for p in parts) < 600:
            parts.append(WORDS[word % len(WORDS)])
            word += 1
        text = " ".join(parts) + "."
        start = length + (2 if paragraphs else 0)
        cursor = 0
        for part in parts:
            if part in names and part not in offsets:
                offsets[part] = (start + cursor, start + cursor + len(part))
            cursor += len(part) + 1
        paragraphs.append(text)
        length = start + len(text)
    return "\n\n".join(paragraphs)[: max(chars, length)], offsets


def build(chars, tags, others=200):
    """Store the big story and `others` small stories sharing its people; return its URL."""
    from django.core.management import call_command

    from articles.models import Article, ArticlePerson, Person

    stamp = f"{tags}-{time.time_ns()}"
    names = [f"Person{stamp.replace('-', '')}n{i:05d}" for i in range(tags)]
    people = Person.objects.bulk_create(
        [Person(name=n, slug=f"p-{stamp}-{i}") for i, n in enumerate(names)]
    )
    body, offsets = body_with_names(chars, names)
    big = Article.objects.create(
        headline=f"The largest story ({tags} tags)",
        slug=f"largest-{stamp}",
        body=body,
        content_key=f"largest-{stamp}",
    )
    links = [
        ArticlePerson(
            article=big,
            person=p,
            mentions=1,
            offsets=[list(offsets[p.name])] if p.name in offsets else [],
        )
        for p in people
    ]
    for n in range(others):
        small = Article.objects.create(
            headline=f"Small story {stamp} {n}",
            slug=f"small-{stamp}-{n}",
            body=" ".join(WORDS) + f" {names[n % tags]}.",
            content_key=f"small-{stamp}-{n}",
        )
        links += [ArticlePerson(article=small, person=people[(n + k) % tags]) for k in range(3)]
    ArticlePerson.objects.bulk_create(links)
    call_command("rebuild_index", interactive=False, verbosity=0)
    return big.get_absolute_url(), len(body)


def measure(url, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    times, size, queries = [], 0, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        size, queries = len(response.content), len(captured)
    return times, size, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--tags", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--also", type=int, nargs="*", default=[10_000])
    args = parser.parse_args()
    setup_django()
    print(f"{'chars':>8} {'tags':>6} {'median s':>9} {'max s':>7} {'page KB':>8} {'queries':>8}")
    worst = 0.0
    for tags in [args.tags, *args.also]:
        url, chars = build(args.chars, tags)
        times, size, queries = measure(url, args.runs)
        median = statistics.median(times)
        print(
            f"{chars:>8} {tags:>6} {median:>9.3f} {max(times):>7.3f} {size / 1024:>8.0f} "
            f"{queries:>8}"
        )
        if tags == args.tags:
            worst = max(times)
    verdict = "met" if worst < 1 else "NOT met"
    print(f"goal (largest story allowed, {args.tags} tags, under 1 s): {verdict}")


if __name__ == "__main__":
    main()
