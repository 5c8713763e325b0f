#!/usr/bin/env python
"""The archive-scale benchmark: ingest, index, search and pages at 1k, 10k or 100k stories.

    python bench/run.py --count 10000 [--corpus DIR] [--keep DIR] [--queries 20]

Builds a throw-away archive from the deterministic synthetic corpus (tests/corpus.py) and prints:
- ingest throughput by stage (read+parse, extract, store, index) and the peak RSS of each process;
- the same documents indexed by raw Whoosh with the same schema and writer settings (and with one
  plain writer), in the same run, and the ratio of our indexing stage to it;
- search latency p50/p95/p99 for /api/search/ and /search/ (facets, highlights) over a fixed mix
  of queries, each query new to the process, against raw Whoosh on the same index;
- page latency p95 and SQL queries per page for home, article, person, country and topic pages;
- a web process's first search after start, and its RSS after the mixed load; the index size.

Each stage runs in its own process (`--stage`), so RSS figures are per process. The machine is
shared and noisy: read the ratios, not the absolute figures.
"""

import argparse
import json
import os
import pickle
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def rss_mb():
    """Current resident set size of this process, in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024


def setup_django(data_dir):
    os.environ["NEWSARCHIVE_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsarchive.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    os.environ.pop("SEARCH_URL", None)
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def dir_mb(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1024 / 1024


# --- stages, each in its own process --------------------------------------------------------


def stage_ingest(data_dir, corpus):
    setup_django(data_dir)
    from django.core.management import call_command

    from articles.ingest.pipeline import ingest_paths

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    report = ingest_paths([corpus])
    total = time.perf_counter() - start
    return {
        "seconds": total,
        "stages": dict(report.seconds),
        "created": report.created,
        "failed": len(report.failed),
        "peak_mb": peak_mb(),
    }


def stage_index(data_dir):
    setup_django(data_dir)
    from articles.search import queue as search_queue

    start = time.perf_counter()
    updated, removed = search_queue.drain()
    return {
        "seconds": time.perf_counter() - start,
        "updated": updated,
        "peak_mb": peak_mb(),
        "children_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
    }


def stage_dump_documents(data_dir, out):
    """Write the documents our indexing stage produced, for the raw Whoosh baseline (not timed)."""
    setup_django(data_dir)
    from haystack import connections

    from articles.models import Article
    from articles.search.backends.whoosh.schema import SPELLING
    from articles.search.backends.whoosh.spelling import spelling_words

    backend = connections["default"].get_backend()
    backend.setup()
    index = connections["default"].get_unified_index().get_index(Article)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    spelled = set()
    with open(out, "wb") as handle:
        for first in range(0, len(ids), 500):
            for article in index.index_queryset().filter(pk__in=ids[first : first + 500]):
                doc = backend._document(index, article)
                words = spelling_words(doc.get(backend.content_field_name) or "") - spelled
                spelled |= words
                doc[SPELLING] = " ".join(sorted(words))
                pickle.dump(doc, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {"documents": len(ids)}


def stage_raw_index(data_dir, docs_file, out_dir, parallel):
    """Raw Whoosh: the same documents and schema, no Django, no database. `parallel`: with the
    drain's writer settings (several processes from BULK_MIN stories), else one plain writer."""
    setup_django(data_dir)
    from haystack import connections
    from whoosh.filedb.filestore import FileStorage

    from articles.models import Article
    from articles.search.queue import BULK_MIN

    backend = connections["default"].get_backend()
    backend.setup()
    parallel = parallel and Article.objects.count() >= BULK_MIN  # as the drain decides
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    ix = FileStorage(out_dir).create_index(backend.schema)
    start = time.perf_counter()
    options = {"limitmb": backend.limitmb, "compound": False}
    if parallel:
        options.update(procs=backend.procs, multisegment=True, batchsize=250)
    writer = ix.writer(**options)
    n = 0
    with open(docs_file, "rb") as handle:
        while True:
            try:
                doc = pickle.load(handle)
            except EOFError:
                break
            writer.add_document(**doc)
            n += 1
    writer.commit()
    ix.close()
    return {
        "seconds": time.perf_counter() - start,
        "documents": n,
        "parallel": parallel,
        "peak_mb": peak_mb(),
        "children_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
        "index_mb": dir_mb(out_dir),
    }


def query_mix(data_dir, per_kind, seed=11):
    """{kind: [params]}: a fixed, seeded mix of queries of six kinds, `per_kind` of each."""
    setup_django(data_dir)
    from haystack import connections

    from articles.models import Person
    from articles.search.backends.whoosh.schema import SPELLING

    rng = random.Random(seed)
    backend = connections["default"].get_backend()
    reader = backend._searcher().reader()
    text = backend.content_field_name
    by_freq = sorted(
        (
            (reader.doc_frequency(SPELLING, w) or 0, w.decode() if isinstance(w, bytes) else w)
            for w in reader.lexicon(SPELLING)
        ),
    )
    words = [w for _, w in by_freq]
    frequency = {
        w: reader.doc_frequency(text, list(backend.schema[text].analyzer(w))[0].text)
        for w in rng.sample(words, min(len(words), 4000))
        if list(backend.schema[text].analyzer(w))
    }
    ranked = sorted(frequency, key=frequency.get, reverse=True)
    docs = max(1, reader.doc_count())
    common = [w for w in ranked if frequency[w] > docs * 0.2][: per_kind * 3] or ranked[
        : per_kind * 3
    ]
    middle = [w for w in ranked if docs * 0.01 < frequency[w] <= docs * 0.2] or ranked
    rare = [w for w in ranked if 0 < frequency[w] <= max(2, docs * 0.0005)] or ranked[-per_kind:]
    people = list(
        Person.objects.with_counts().order_by("-article_count").values_list("slug", flat=True)[:50]
    )
    from articles.models import Article

    ids = sorted(Article.objects.values_list("pk", flat=True))
    chosen = rng.sample(ids, min(len(ids), per_kind * 2))  # the same stories on every run
    found = Article.objects.in_bulk(chosen)
    bodies = [found[pk].body for pk in chosen if pk in found]
    phrases = []
    for body in bodies:
        tokens = [t for t in body.split() if t.isalpha() and t.islower()]
        if len(tokens) > 3:
            i = rng.randrange(len(tokens) - 2)
            phrases.append(f'"{tokens[i]} {tokens[i + 1]}"')
    return {
        "common word": [{"q": w} for w in rng.sample(common, min(per_kind, len(common)))],
        "rare word": [{"q": w} for w in rng.sample(rare, min(per_kind, len(rare)))],
        "two words": [
            {"q": f"{a} {b}"}
            for a, b in zip(rng.sample(middle, per_kind), rng.sample(middle, per_kind))
        ],
        "phrase": [{"q": p} for p in phrases[:per_kind]],
        "word + person": [
            {"q": rng.choice(common), "person": rng.choice(people)} for _ in range(per_kind)
        ],
        "date-sorted": [{"q": rng.choice(middle), "sort": "date"} for _ in range(per_kind)],
    }


def _sample(rng, entities, n):
    """The addresses of n entities picked by `rng` (the same ones on every run)."""
    entities = list(entities)
    return [e.get_absolute_url() for e in rng.sample(entities, min(n, len(entities)))]


def stage_web(data_dir, per_kind, pages):
    """A web process: first search after start, the query mix, pages, RSS after the load."""
    started = time.perf_counter()
    setup_django(data_dir)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from haystack import connections

    from articles.models import Article, Country, Person, Topic

    client = Client()
    response = client.get("/api/search/", {"q": "government"})
    first_search = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    mix = query_mix(data_dir, per_kind)
    backend = connections["default"].get_backend()
    rows = {}
    for kind, queries in mix.items():
        times = {"raw": [], "api": [], "page": []}
        for params in queries:
            # Raw Whoosh: the same words through the same parser, top 20, no facets, no database.
            searcher = backend._searcher()
            t = time.perf_counter()
            searcher.search(backend.parser.parse(params["q"]), limit=20)
            times["raw"].append(time.perf_counter() - t)
            for endpoint, key in (("/api/search/", "api"), ("/search/", "page")):
                _forget_matches(backend)
                t = time.perf_counter()
                response = client.get(endpoint, params)
                times[key].append(time.perf_counter() - t)
                assert response.status_code == 200, (endpoint, params, response.status_code)
        rows[kind] = times

    rng = random.Random(5)
    articles = list(Article.objects.only("slug"))
    targets = {
        "home": ["/"] * pages,
        "article": [a.get_absolute_url() for a in rng.sample(articles, min(pages, len(articles)))],
        "person": _sample(rng, Person.objects.order_by("pk"), pages),
        "country": _sample(
            rng, Country.objects.with_counts().filter(article_count__gt=0).order_by("pk"), pages
        ),
        "topic": _sample(rng, Topic.objects.order_by("pk"), pages),
    }
    page_rows = {}
    for kind, urls in targets.items():
        times, queries = [], []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                t = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
            queries.append(len(captured))
        page_rows[kind] = {"times": times, "queries": max(queries) if queries else 0}
    return {
        "first_search": first_search,
        "search": rows,
        "pages": page_rows,
        "rss_mb": rss_mb(),
        "peak_mb": peak_mb(),
    }


def _forget_matches(backend):
    """Each timed request must count and rank its matches itself, as a new query would."""
    from articles.search.backends.whoosh.caches import of_searcher

    caches = of_searcher(backend._searcher())
    caches.matched.clear()
    caches.facets.clear()


STAGES = {
    "ingest": lambda a: stage_ingest(a.data, a.corpus),
    "index": lambda a: stage_index(a.data),
    "dump": lambda a: stage_dump_documents(a.data, a.docs),
    "raw": lambda a: stage_raw_index(a.data, a.docs, a.raw_dir, a.parallel),
    "web": lambda a: stage_web(a.data, a.queries, a.pages),
}


def run_stage(name, **options):
    """Run one stage in a fresh interpreter; return its JSON result."""
    args = [sys.executable, __file__, "--stage", name]
    for key, value in options.items():
        if value is True:
            args.append(f"--{key.replace('_', '-')}")
        elif value not in (None, False):
            args += [f"--{key.replace('_', '-')}", str(value)]
    out = subprocess.run(args, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--corpus", help="reuse (or create) the synthetic corpus in this folder")
    parser.add_argument("--keep", help="build the archive in this folder and keep it")
    parser.add_argument("--queries", type=int, default=20, help="queries of each kind")
    parser.add_argument("--pages", type=int, default=30, help="pages of each kind")
    parser.add_argument("--skip-raw", action="store_true", help="skip the raw Whoosh baselines")
    parser.add_argument(
        "--skip-plain", action="store_true", help="skip the one-plain-writer raw baseline"
    )
    parser.add_argument(
        "--reuse", help="measure search and pages only, on an archive kept with --keep"
    )
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--docs", help=argparse.SUPPRESS)
    parser.add_argument("--raw-dir", help=argparse.SUPPRESS)
    parser.add_argument("--parallel", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.stage:
        print(json.dumps(STAGES[args.stage](args)))
        return

    if args.reuse:
        report_web(
            run_stage("web", data=Path(args.reuse), queries=args.queries, pages=args.pages), args
        )
        return

    from tests.corpus import write_corpus

    work = Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    corpus = Path(args.corpus) if args.corpus else work / "corpus"
    if not (corpus / "done").exists() or (corpus / "done").read_text().strip() != str(args.count):
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(corpus, args.count)
        (corpus / "done").write_text(str(args.count))
    data = Path(args.keep) if args.keep else work / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    n = args.count
    print(
        f"newsarchive benchmark: {n:,} synthetic stories, {os.cpu_count()} CPUs, Python "
        f"{sys.version.split()[0]}"
    )

    ingest = run_stage("ingest", data=data, corpus=corpus)
    index = run_stage("index", data=data)
    index_mb = dir_mb(data / "whoosh_index")
    s = ingest["stages"]
    total = ingest["seconds"] + index["seconds"]
    print("\n## Ingest (stories/s; each stage's own time)")
    print(f"{'stage':<18}{'seconds':>10}{'stories/s':>12}")
    for label, seconds in (
        ("read + parse", s.get("read", 0) + s.get("parse", 0)),
        ("extract", s.get("extract", 0)),
        ("store", s.get("store", 0)),
        ("index", index["seconds"]),
        ("whole ingest", total),
    ):
        print(f"{label:<18}{seconds:10.1f}{n / seconds if seconds else float('inf'):12,.0f}")
    print(
        f"created {ingest['created']:,}, failed {ingest['failed']}; "
        f"whole ingest {total / 60:.1f} min"
    )
    print(
        f"peak RSS: ingest {ingest['peak_mb']:.0f} MB, index {index['peak_mb']:.0f} MB "
        f"(its writer processes {index['children_peak_mb']:.0f} MB each at most); index on disk "
        f"{index_mb:,.0f} MB"
    )

    if not args.skip_raw:
        docs = work / "docs.pickle"
        run_stage("dump", data=data, docs=docs)
        raw_mp = run_stage("raw", data=data, docs=docs, raw_dir=work / "raw-mp", parallel=True)
        raw_one = (
            None
            if args.skip_plain
            else run_stage("raw", data=data, docs=docs, raw_dir=work / "raw-one")
        )
        docs.unlink()
        print("\n## Indexing against raw Whoosh (same documents, same schema, same run)")
        print(f"{'writer':<44}{'seconds':>9}{'stories/s':>11}{'ours / raw':>12}")
        print(
            f"{'ours: queue -> database -> documents -> Whoosh':<44}"
            f"{index['seconds']:9.1f}{n / index['seconds']:11,.0f}{'':>12}"
        )
        same = "processes" if raw_mp["parallel"] else "one writer"
        for label, raw in (
            (f"raw Whoosh, same writer ({same}, 1 commit)", raw_mp),
            ("raw Whoosh, one plain writer, 1 commit", raw_one),
        ):
            if raw is None:
                continue
            print(
                f"{label:<44}{raw['seconds']:9.1f}{n / raw['seconds']:11,.0f}"
                f"{index['seconds'] / raw['seconds']:12.2f}"
            )
        shutil.rmtree(work / "raw-mp", ignore_errors=True)
        shutil.rmtree(work / "raw-one", ignore_errors=True)

    report_web(run_stage("web", data=data, queries=args.queries, pages=args.pages), args)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def report_web(web, args):
    print(
        f"\n## Search (ms; {args.queries} different queries of each kind, each new to the process)"
    )
    print(
        f"{'query':<15}{'raw p50':>9}{'api p50':>9}{'api p95':>9}{'api p99':>9}"
        f"{'page p50':>10}{'page p95':>10}{'page p99':>10}"
    )
    all_api, all_page, all_raw = [], [], []
    for kind, times in web["search"].items():
        ms = {k: [v * 1000 for v in vals] for k, vals in times.items()}
        all_api += ms["api"]
        all_page += ms["page"]
        all_raw += ms["raw"]
        print(
            f"{kind:<15}{statistics.median(ms['raw']):9.1f}{statistics.median(ms['api']):9.1f}"
            f"{percentile(ms['api'], 95):9.1f}{percentile(ms['api'], 99):9.1f}"
            f"{statistics.median(ms['page']):10.1f}"
            f"{percentile(ms['page'], 95):10.1f}{percentile(ms['page'], 99):10.1f}"
        )
    print(
        f"{'all':<15}{statistics.median(all_raw):9.1f}{statistics.median(all_api):9.1f}"
        f"{percentile(all_api, 95):9.1f}{percentile(all_api, 99):9.1f}"
        f"{statistics.median(all_page):10.1f}"
        f"{percentile(all_page, 95):10.1f}{percentile(all_page, 99):10.1f}"
    )
    print(f"api p95 / raw Whoosh p95: {percentile(all_api, 95) / percentile(all_raw, 95):.1f}")
    print("\n## Pages (ms)")
    print(f"{'page':<10}{'p50':>8}{'p95':>8}{'SQL queries':>13}")
    for kind, row in web["pages"].items():
        ms = [t * 1000 for t in row["times"]]
        print(f"{kind:<10}{statistics.median(ms):8.1f}{percentile(ms, 95):8.1f}{row['queries']:13}")
    print(
        f"\nweb process: first search {web['first_search'] * 1000:.0f} ms after start "
        "(Django set-up included); "
        f"RSS after the load {web['rss_mb']:.0f} MB (peak {web['peak_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
