"""Faults: an ingest killed at a random point, a held index lock under the background drainer, and
curation and ingest running at once in several processes. Each runs real `manage.py` processes on
their own data directory (SQLite + Whoosh), then checks the database and `check_index`.

tests/search/test_queue.py and test_views.py cover the index faults in one process: a held lock
during a drain, a missing and a corrupt index (503, the rest of the site works,
`check_index --repair`).
"""

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import process_environment

ROOT = Path(__file__).resolve().parents[2]


def environment(data_dir):
    env = process_environment(data_dir)
    return env


def manage(data_dir, *args, timeout=300, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=environment(data_dir),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check:
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    return result


def start(data_dir, *args):
    return subprocess.Popen(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, "-m", "tests.corpus", str(folder), "--count", "500", "--seed", "11"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


def snapshot(data_dir):
    """Every article and tag, as comparable data."""
    with sqlite3.connect(data_dir / "db.sqlite3") as db:
        articles = sorted(
            (key, headline, hashlib.sha256(body.encode()).hexdigest())
            for key, headline, body in db.execute(
                "select content_key, headline, body from articles_article"
            )
        )
        people = sorted(
            db.execute(
                "select a.content_key, p.name, t.state from articles_articleperson t "
                "join articles_article a on a.id = t.article_id join articles_person p on p.id = "
                "t.person_id"
            )
        )
        countries = sorted(
            db.execute(
                "select a.content_key, c.code from articles_articlecountry t "
                "join articles_article a on a.id = t.article_id join articles_country c on c.id = "
                "t.country_id"
            )
        )
    return articles, people, countries


def assert_index_matches(data_dir):
    manage(data_dir, "drain_index_queue", "-v0")
    result = manage(data_dir, "check_index")
    assert "index matches the database" in result.stdout, result.stdout


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The corpus ingested once without interruption."""
    data = tmp_path_factory.mktemp("reference")
    manage(data, "migrate", "--noinput", "-v0")
    began = time.monotonic()
    manage(data, "ingest", corpus)
    return snapshot(data), time.monotonic() - began


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_ingest_killed_at_a_random_point_loses_and_duplicates_nothing(
    corpus, reference, tmp_path, seed
):
    reference, seconds = reference
    delay = (
        random.Random(seed).uniform(0.3, 0.85) * seconds
    )  # a random point of an uninterrupted run
    for attempt in range(6):
        data = tmp_path / f"data{attempt}"
        manage(data, "migrate", "--noinput", "-v0")
        process = start(data, "ingest", corpus)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        if process.returncode == -signal.SIGKILL:
            break
        delay /= 2  # it finished first: try an earlier point
    assert process.returncode == -signal.SIGKILL, (
        "every run finished before the kill; nothing was tested"
    )
    partial = snapshot(data)[0]
    assert len({key for key, _, _ in partial}) == len(partial)
    manage(data, "ingest", corpus)
    assert snapshot(data) == reference  # nothing missing, doubled or half-stored
    assert_index_matches(data)


def indexed_archive(tmp_path, corpus):
    """A data folder with `corpus` ingested and indexed, each step in its own process."""
    data = tmp_path / "data"
    manage(data, "migrate", "--noinput", "-v0")
    manage(data, "ingest", corpus)
    manage(data, "drain_index_queue", "-v0")
    return data


def test_a_held_index_lock_delays_the_background_drainer_and_loses_nothing(corpus, tmp_path):
    data = indexed_archive(tmp_path, corpus)
    edit = (
        "import django; django.setup(); from articles.models import Person; "
        "[p.save() for p in Person.objects.order_by('pk')[:20] "
        "if not setattr(p, 'name', p.name + ' Jr')]"
    )
    subprocess.run(
        [sys.executable, "-c", edit], cwd=ROOT, env=environment(data), check=True, timeout=120
    )
    assert not manage(data, "drain_index_queue", "--dry-run").stdout.startswith("0 queued")
    hold = subprocess.Popen(  # another writer holds Whoosh's lock until told to let go
        [
            sys.executable,
            "-c",
            "import django, sys; django.setup(); from haystack import connections; "
            "b = connections['default'].get_backend(); b.setup(); w = b.index.writer(); "
            "print('held', flush=True); "
            "sys.stdin.readline(); w.cancel()",
        ],
        cwd=ROOT,
        env=environment(data),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert hold.stdout.readline().strip() == "held"
    drainer = start(data, "drain_index_queue", "--watch", "1")
    try:
        busy = drainer.stderr.readline()  # the drainer meets the lock and keeps the queue
        assert "locked by another writer" in busy, busy
        assert not manage(data, "drain_index_queue", "--dry-run").stdout.startswith("0 queued")
        hold.communicate("release\n", timeout=60)
        deadline = time.time() + 60
        while time.time() < deadline and not manage(
            data, "drain_index_queue", "--dry-run"
        ).stdout.startswith("0 queued"):
            time.sleep(1)
    finally:
        drainer.terminate()
        drainer.communicate(timeout=30)
        if hold.poll() is None:
            hold.kill()
            hold.communicate()
    result = manage(data, "check_index")
    assert "index matches the database" in result.stdout, (
        result.stdout
    )  # every queued change arrived


CURATE = """
import sys, time, django
django.setup()
from django.db import transaction
from articles.models import ArticlePerson, Person, TagState
done = 0
for person in Person.objects.order_by("pk")[int(sys.argv[1])::3][:40]:
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        person.name = person.name + " (curated)"
        person.save()
        for tag in ArticlePerson.objects.filter(person=person):
            tag.state = TagState.CONFIRMED
            tag.save()
    done += 1
print(done)
"""


def test_curation_and_ingest_in_several_processes_lose_no_update(corpus, tmp_path):
    data = indexed_archive(tmp_path, corpus)
    more = tmp_path / "more"
    subprocess.run(
        [sys.executable, "-m", "tests.corpus", str(more), "--count", "120", "--seed", "12"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    processes = [start(data, "ingest", more), start(data, "ingest", corpus)]
    curators = [
        subprocess.Popen(
            [sys.executable, "-c", CURATE, str(i)],
            cwd=ROOT,
            env=environment(data),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    drainer = start(data, "drain_index_queue", "--watch", "1")
    try:
        for process in processes + curators:
            out, err = process.communicate(timeout=600)
            assert process.returncode == 0, err[-2000:]
            assert "Traceback" not in err
    finally:
        drainer.terminate()
        drainer.communicate(timeout=30)
    with sqlite3.connect(data / "db.sqlite3") as db:
        curated = db.execute(
            "select id from articles_person where name like '% (curated)'"
        ).fetchall()
        twice = db.execute(
            "select count(*) from articles_person where name like '% (curated) (curated)'"
        ).fetchone()
        unconfirmed = db.execute(
            "select count(*) from articles_articleperson t join articles_person p on p.id = "
            "t.person_id "
            "where p.name like '% (curated)' and t.state != 'confirmed'"
        ).fetchone()
        articles = db.execute(
            "select count(distinct content_key), count(*) from articles_article"
        ).fetchone()
    assert len(curated) == 120 and twice == (0,)  # every rename landed, once
    assert unconfirmed == (0,)  # no ingest overwrote a confirmation
    reference = tmp_path / "reference"
    manage(reference, "migrate", "--noinput", "-v0")
    manage(reference, "ingest", corpus, more)
    assert articles[0] == articles[1] == len(snapshot(reference)[0])
    assert_index_matches(data)  # every change, from every process, reached the index
