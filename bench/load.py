"""A bounded loopback load test: a mixed read workload plus admin edits at the same time.

    python bench/load.py http://127.0.0.1:8000 --seconds 60 --clients 8 --admin USER:PASSWORD

Readers (threads, each with a keep-alive connection) request, by weight: the home page, article
pages, people/country/topic pages, /search/ and /api/search/. Articles and entities come from
/sitemap.xml. One editor signs in to the admin and keeps saving people's descriptions through the
real change form (CSRF token, session cookie) while the readers run; every other save also
changes an alias, which re-indexes the person's stories (`--alias-every`). Prints requests/s,
p50/p95/p99 per kind and overall, and every error (status >= 400 or a failed connection).
Standard library only; nothing leaves the loopback address given.
"""

import argparse
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.webclient import Client, FormFields  # noqa: E402 - after the project root is on the path

WORDS = [
    "minister",
    "election",
    "Kenya",
    "trade agreement",
    "police",
    "budget",
    '"oil prices"',
    "court -protest",
    "Garcia",
    "border OR water",
    "health",
    "Ukraine",
]


def sitemap_paths(base):
    status, _, data = Client(base).request("GET", "/sitemap.xml")
    assert status == 200, status
    paths = [urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", data.decode())]
    entities = [p for p in paths if p.startswith(("/people/", "/countries/", "/topics/"))]
    return [p for p in paths if p.startswith("/articles/")], entities


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = []

    def add(self, kind, seconds, error=None):
        with self.lock:
            self.times[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


def reader(base, stop, stats, articles, entities, seed):
    rng, client = random.Random(seed), Client(base)
    kinds = ["home", "article", "entity", "search", "api"]
    weights = [15, 35, 20, 15, 15]
    while not stop.is_set():
        kind = rng.choices(kinds, weights)[0]
        if kind == "home":
            path = "/"
        elif kind == "article":
            path = rng.choice(articles)
        elif kind == "entity":
            path = rng.choice(entities)
        else:
            params = {"q": rng.choice(WORDS)}
            if rng.random() < 0.3:
                params["sort"] = "date"
            path = ("/search/?" if kind == "search" else "/api/search/?") + urlencode(params)
        began = time.perf_counter()
        try:
            status, _, _ = client.request("GET", path)
            error = f"{status} {path}" if status >= 400 else None
        except OSError as exc:
            error = f"{type(exc).__name__} {path}"
        stats.add(kind, time.perf_counter() - began, error)


def editor(base, stop, stats, login, entities, seed, alias_every=2):
    rng, client = random.Random(seed), Client(base)
    user, password = login.split(":", 1)
    status, _, page = client.request("GET", "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = urlencode(
        {"csrfmiddlewaretoken": token, "username": user, "password": password, "next": "/admin/"}
    )
    status, _, _ = client.request(
        "POST", "/admin/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    if status != 302:
        stats.add("admin-edit", 0, f"admin login answered {status}")
        return
    people = [p for p in entities if p.startswith("/people/")]
    edits = 0
    while not stop.is_set():
        status, _, page = client.request(
            "GET",
            "/admin/articles/person/?" + urlencode({"q": rng.choice(people).split("/")[2][:6]}),
        )
        match = re.search(rb'href="(/admin/articles/person/\d+/change/)', page)
        if not match:
            continue
        url = match.group(1).decode()
        began = time.perf_counter()
        status, _, page = client.request("GET", url)
        form = FormFields("person_form")
        form.feed(page.decode())
        fields = [[k, v] for k, v in form.fields]
        for field in fields:
            # Every `alias_every`-th save also changes an alias: the person's stories are
            # re-indexed.
            if field[0] == "description":
                field[1] = f"Edited under load {edits}"
            elif field[0] == "aliases" and alias_every and edits % alias_every == 0:
                aliases = [
                    a for a in json.loads(field[1] or "[]") if not a.startswith("Load alias")
                ]
                field[1] = json.dumps([*aliases, f"Load alias {edits}"])
        fields.append(["_save", "Save"])
        status, _, _ = client.request(
            "POST",
            url,
            urlencode([tuple(f) for f in fields]),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        edits += 1
        stats.add(
            "admin-edit",
            time.perf_counter() - began,
            None if status == 302 else f"{status} POST {url}",
        )
        stop.wait(0.5)


def percentile(values, p):
    values = sorted(values)
    return (
        values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
        if values
        else float("nan")
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8000 (loopback only)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--admin", metavar="USER:PASSWORD", help="also run one editor saving people in the admin"
    )
    parser.add_argument(
        "--alias-every",
        type=int,
        default=2,
        metavar="N",
        help=(
            "the editor changes an alias (re-indexing the person's stories) every N-th save; "
            "0: never"
        ),
    )
    args = parser.parse_args()
    if urlsplit(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("load tests run on the loopback address only")
    args.seconds = min(args.seconds, 120)  # bounded: at most two minutes
    articles, entities = sitemap_paths(args.base)
    stop, stats = threading.Event(), Stats()
    threads = [
        threading.Thread(target=reader, args=(args.base, stop, stats, articles, entities, i))
        for i in range(args.clients)
    ]
    if args.admin:
        threads.append(
            threading.Thread(
                target=editor,
                args=(args.base, stop, stats, args.admin, entities, 99, args.alias_every),
            )
        )
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = [t for kind, ts in stats.times.items() if kind != "admin-edit" for t in ts]
    print(
        f"{len(articles)} articles, {len(entities)} entities; {args.clients} readers"
        f"{' + 1 editor' if args.admin else ''}; {elapsed:.0f} s"
    )
    print(f"{'kind':<11}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in sorted(stats.times):
        ts = stats.times[kind]
        print(
            f"{kind:<11}{len(ts):>9}"
            f"{percentile(ts, 50) * 1000:>9.0f}{percentile(ts, 95) * 1000:>9.0f}"
            f"{percentile(ts, 99) * 1000:>9.0f}"
        )
    print(
        f"{'reads':<11}{len(every):>9}"
        f"{percentile(every, 50) * 1000:>9.0f}{percentile(every, 95) * 1000:>9.0f}"
        f"{percentile(every, 99) * 1000:>9.0f}"
    )
    print(
        f"throughput: {len(every) / elapsed:.1f} reads/s; mean "
        f"{statistics.fmean(every) * 1000:.0f} ms"
        if every
        else ""
    )
    print(f"errors: {len(stats.errors)}")
    for error in stats.errors[:20]:
        print("  " + error)
    return 1 if stats.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
