"""A damaged search index: `check_index` finds each kind of damage, `--repair` restores search, and
a process already serving searches sees the rebuilt index within seconds, without a restart.

The damage is what a crash, a full disk or a careless hand leaves: a postings or terms file cut to
half its size, segment files overwritten with random bytes, the table of contents gone, a file or
a dangling link where the index folder should be, an empty folder.
"""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ROOT, SEEDS
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def _segment_files(index, suffix=None):
    files = [f for f in index.iterdir() if f.name.startswith("MAIN_") and "LOCK" not in f.name]
    return [f for f in files if suffix is None or f.suffix == suffix]


def _truncate_half(files):
    assert files
    for path in files:
        os.truncate(path, path.stat().st_size // 2)


def truncated_postings(index):
    _truncate_half(_segment_files(index, ".pst"))


def truncated_terms(index):
    _truncate_half(_segment_files(index, ".trm"))


def garbage_segments(index):
    for path in _segment_files(index):
        path.write_bytes(os.urandom(max(path.stat().st_size, 64)))


def missing_toc(index):
    tocs = list(index.glob("_MAIN_*.toc"))
    assert tocs
    for toc in tocs:
        toc.unlink()


def path_is_a_file(index):
    shutil.rmtree(index)
    index.write_text("not an index\n")


def dangling_link(index):
    shutil.rmtree(index)
    index.symlink_to(index.parent / "nowhere")


def empty_folder(index):
    for path in index.iterdir():
        path.unlink()


DAMAGE = [
    truncated_postings,
    truncated_terms,
    garbage_segments,
    missing_toc,
    path_is_a_file,
    dangling_link,
    empty_folder,
]


def _index_path(settings):
    return Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])


@pytest.fixture(autouse=True)
def _no_file_left_at_the_index_path(settings):
    """The suite's clean-up removes index folders only: a file or link left here would break the
    next test."""
    yield
    index = _index_path(settings)
    if index.is_symlink() or index.is_file():
        index.unlink()


def _forget_what_was_read(backend):
    """Close this thread's searcher and drop the per-segment caches, as a new process would start:
    the damage is then read from disk (and no mapped file is cut under an open searcher)."""
    from articles.search.backends.whoosh import caches

    backend._close_searcher()
    for cache in (caches.SEGMENT_POSTINGS, caches.SEGMENT_ARRAYS, caches.SEGMENT_TERMS):
        cache.clear()
    caches.VERSION_ARRAYS.clear()


def _check(*args):
    out = io.StringIO()
    call_command("check_index", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
def test_check_index_finds_the_damage_and_repair_restores_search(client, archive, settings, damage):
    index = _index_path(settings)
    sibling = index.parent / "next-to-the-index.txt"
    sibling.write_text("kept")
    _forget_what_was_read(archive)
    damage(index)

    assert api(client, q="Rama")[0] == 503
    with pytest.raises(CommandError, match="repair"):
        _check()
    assert "repaired" in _check("--repair")

    status, data = api(client, q="Rama")
    assert status == 200 and data["count"] == 2
    assert "index matches the database" in _check()
    assert index.is_dir() and not index.is_symlink()
    assert sibling.read_text() == "kept"  # only the index path was removed, never its parent


def test_the_check_reads_every_postings_list_when_asked(client, archive, settings):
    """`--deep` decodes every postings block: bytes overwritten inside a postings file (its size
    unchanged) are found too."""
    index = _index_path(settings)
    _forget_what_was_read(archive)
    for path in _segment_files(index, ".pst"):
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.seek(size // 3)
            handle.write(os.urandom(size // 3))
    with pytest.raises(CommandError, match="repair"):
        _check("--deep")
    assert "repaired" in _check("--deep", "--repair")
    assert "index matches the database" in _check("--deep")
    assert api(client, q="Rama")[1]["count"] == 2


def _generation(index):
    return max(int(toc.name.split("_")[2].split(".")[0]) for toc in index.glob("_MAIN_*.toc"))


def test_a_rebuild_writes_a_newer_generation(archive, settings):
    """Processes compare generations to see that the index changed: a rebuilt index must not start
    again at the number of the one it replaces."""
    index = _index_path(settings)
    before = _generation(index)
    _check("--rebuild")
    assert _generation(index) > before
    after = _generation(index)
    truncated_postings(index)
    _forget_what_was_read(archive)
    _check("--repair")
    assert _generation(index) > after


def test_a_searcher_sees_an_index_made_again_at_the_same_generation(client, archive, settings):
    """Whoosh numbers a new index from 0 again, so a lost index made again by a writer reaches the
    old generation number: open searchers tell versions apart by their table of contents file."""
    from articles.models import Article
    from articles.search.queue import drain, enqueue_articles

    index = _index_path(settings)
    first = Article.objects.order_by("pk").first()
    assert api(client, q="zqxagain")[1]["count"] == 0  # this thread's searcher is open
    generation = _generation(index)
    Article.objects.filter(pk=first.pk).update(headline=first.headline + " zqxagain")
    shutil.rmtree(index)
    archive.setup_complete = False  # as in a new process: the writer creates the index
    enqueue_articles(Article.objects.values_list("pk", flat=True))
    drain()
    assert _generation(index) == generation
    assert api(client, q="zqxagain")[1]["count"] == 1


# --- a process that keeps serving searches -------------------------------------------------------

SERVE = """
import sys
import django
django.setup()
from django.test import Client
client = Client()
for line in sys.stdin:
    response = client.get("/api/search/", {"q": line.strip()})
    count = response.json().get("count") if response.status_code == 200 else None
    print(response.status_code, count, flush=True)
"""


class Searching:
    """A long-lived process answering searches through the site, one thread and one reused
    searcher, like a web worker's thread."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def search(self, q):
        self.process.stdin.write(q + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, self.process.communicate(timeout=10)
        status, count = line.split()
        return int(status), None if count == "None" else int(count)

    def until(self, q, answer, seconds=5):
        """The first answer equal to `answer` within `seconds`, else the last one."""
        deadline = time.monotonic() + seconds
        while True:
            got = self.search(q)
            if got == answer or time.monotonic() > deadline:
                return got
            time.sleep(0.2)

    def stop(self):
        self.process.communicate(timeout=10)  # closes its input: the loop ends


def _environment(data_dir):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SEARCH_URL", "DATABASE_URL", "NEWSARCHIVE_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="newsarchive.settings", NEWSARCHIVE_DATA_DIR=str(data_dir))
    return env


def _manage(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    return result


@pytest.fixture
def seeded_data(tmp_path):
    """A data directory of its own (database and index) holding the seed archive, indexed."""
    env = _environment(tmp_path / "data")
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "ingest", SEEDS, "-v0")
    _manage(env, "drain_index_queue", "-v0")
    return tmp_path / "data", env


def test_a_running_process_answering_503_answers_200_after_the_repair(seeded_data):
    data, env = seeded_data
    truncated_postings(data / "whoosh_index")
    worker = Searching(env)
    try:
        assert worker.search("Rama") == (503, None)
        assert worker.search("Rama") == (503, None)  # the broken index stays broken
        assert _manage(env, "check_index", check=False).returncode != 0
        _manage(env, "check_index", "--repair")
        assert worker.until("Rama", (200, 2)) == (200, 2)
    finally:
        worker.stop()


def test_a_running_process_sees_the_rebuilt_index(seeded_data):
    data, env = seeded_data
    worker = Searching(env)
    try:
        assert worker.search("Rama") == (200, 2)
        assert worker.search("zqxrebuilt") == (200, 0)
        # A change the queue never heard of (straight to the database): only a rebuild finds it.
        with sqlite3.connect(data / "db.sqlite3") as db:
            db.execute(
                "update articles_article set headline = headline || ' zqxrebuilt' "
                "where id = (select min(id) from articles_article)"
            )
        _manage(env, "check_index", "--rebuild")
        assert worker.until("zqxrebuilt", (200, 1)) == (200, 1)
        assert worker.search("Rama") == (200, 2)
    finally:
        worker.stop()
