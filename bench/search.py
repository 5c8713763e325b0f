#!/usr/bin/env python
"""Search latency: /api/search/ and /search/ (facets, highlights) against raw Whoosh, same run.

Builds a throw-away archive from the synthetic corpus (bench/corpus.py), ingests and indexes it,
then times a fixed query mix. Figures are ratios against raw Whoosh with a reused searcher on the
same index in the same process, since the machine is shared and noisy.

    python bench/search.py [--count 2000] [--repeat 15]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="newsarchive-bench-")
    os.environ["NEWSARCHIVE_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    os.environ.pop("SEARCH_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from haystack import connections

    from articles.models import Person
    from bench.corpus import write_corpus

    call_command("migrate", verbosity=0)
    corpus = write_corpus(Path(data_dir) / "corpus", args.count)
    start = time.perf_counter()
    call_command("ingest", str(corpus), verbosity=0)
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    call_command("drain_index_queue", verbosity=0)
    index_s = time.perf_counter() - start
    print(f"archive: {args.count} synthetic stories; ingest {args.count / ingest_s:,.0f}/s, "
          f"index (queue drain) {args.count / index_s:,.0f}/s")

    person = Person.objects.with_counts().order_by("-article_count").first()
    queries = {
        "common word": {"q": "government"},
        "rare word": {"q": "aajkzrmcn"},
        "two words": {"q": "budget security"},
        "phrase": {"q": '"told reporters"'},
        "word + person": {"q": "election", "person": person.slug},
        "date-sorted": {"q": "border", "sort": "date"},
    }
    backend = connections["default"].get_backend()
    client = Client()
    client.get("/api/search/", {"q": "warm up"})
    rows = []
    for label, params in queries.items():
        raw_q = params["q"].replace('"', '"')
        times = {"raw": [], "api": [], "page": []}
        for _ in range(args.repeat):
            t = time.perf_counter()
            searcher = backend._searcher()
            searcher.search(backend.parser.parse(raw_q), limit=20)
            times["raw"].append(time.perf_counter() - t)
            t = time.perf_counter()
            assert client.get("/api/search/", params).status_code == 200
            times["api"].append(time.perf_counter() - t)
            t = time.perf_counter()
            assert client.get("/search/", params).status_code == 200
            times["page"].append(time.perf_counter() - t)
        rows.append((label, times))

    print(f"\n{'query':<15}{'raw p50':>9}{'api p50':>9}{'api p95':>9}{'api p99':>9}{'page p50':>10}{'page p95':>10}{'api/raw':>9}")
    all_api, all_raw = [], []
    for label, times in rows:
        ms = {k: [v * 1000 for v in vals] for k, vals in times.items()}
        all_api += ms["api"]
        all_raw += ms["raw"]
        print(f"{label:<15}{statistics.median(ms['raw']):9.1f}{statistics.median(ms['api']):9.1f}"
              f"{percentile(ms['api'], 95):9.1f}{percentile(ms['api'], 99):9.1f}"
              f"{statistics.median(ms['page']):10.1f}{percentile(ms['page'], 95):10.1f}"
              f"{statistics.median(ms['api']) / max(statistics.median(ms['raw']), 1e-6):9.1f}")
    print(f"\nall queries: api p50 {statistics.median(all_api):.1f} ms, p95 {percentile(all_api, 95):.1f} ms, "
          f"p99 {percentile(all_api, 99):.1f} ms; raw Whoosh p50 {statistics.median(all_raw):.1f} ms "
          "(milliseconds; api includes facets, highlights and the database)")


if __name__ == "__main__":
    main()
