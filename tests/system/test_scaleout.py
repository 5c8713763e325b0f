"""Scaling out: several gunicorn workers plus the index drainer (`make serve`) on SQLite and
PostgreSQL, and an archive moved between databases with `export` and `ingest`.

Everything runs as real processes on a data directory of its own. The PostgreSQL cases need a
server whose role may create databases: NEWSARCHIVE_TEST_POSTGRES_URL=postgres://USER:PW@HOST:PORT/DB
(.ci/run and `make test-postgres` start one); each test creates and drops a database of its own.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psutil
import pytest

from tests.webclient import Client, FormFields

ROOT = Path(__file__).resolve().parents[2]

POSTGRES_URL = os.environ.get("NEWSARCHIVE_TEST_POSTGRES_URL")
NO_POSTGRES = (
    "no PostgreSQL server for this test: set "
    "NEWSARCHIVE_TEST_POSTGRES_URL=postgres://USER:PW@HOST:PORT/DB "
    "(a role that may CREATEDB); .ci/run and `make test-postgres` start one"
)
DATABASES = [
    "sqlite",
    pytest.param("postgres", marks=pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)),
]


@pytest.fixture
def database_url(request):
    """None for SQLite in the data dir; else the URL of a fresh PostgreSQL database, dropped
    afterwards."""
    if request.param == "sqlite":
        yield None
        return
    import psycopg

    name = f"newsarchive_scaleout_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(POSTGRES_URL)
    yield urlunsplit(parts._replace(path="/" + name))
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(data_dir, database_url, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SEARCH_URL", "DATABASE_URL", "MAKE", "MFLAGS"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsarchive.settings", NEWSARCHIVE_DATA_DIR=str(data_dir), **extra
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env, *args, timeout=120):
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    return result


def python(env, code, *args, timeout=120):
    return subprocess.Popen(
        [sys.executable, "-c", "import django; django.setup()\n" + code, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def corpus(folder, count, seed):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.corpus",
            str(folder),
            "--count",
            str(count),
            "--seed",
            str(seed),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out after {seconds} s waiting for {what}")


# --- several web workers and the drainer --------------------------------------------------------

RENAME_PEOPLE = """
import sys
from articles.models import Person
token = sys.argv[1]
for person in Person.objects.order_by("pk")[int(sys.argv[2])::4][:5]:
    # aliases are part of each tagged story's indexed text
    person.aliases = [*person.aliases, token]
    person.save()
print(token)
"""

RETITLE_ARTICLES = """
import sys
from articles.models import Article
token = sys.argv[1]
editors = [int(pk) for pk in sys.argv[3].split(",")]  # the admin editor's stories: left to them
for article in Article.objects.exclude(pk__in=editors).order_by("pk")[int(sys.argv[2])::7][:4]:
    article.headline = f"{article.headline} {token}"
    article.save()
print(token)
"""


def fetch(base, path):
    """GET on a new connection, closed afterwards: (status, body)."""
    client = Client(base)
    try:
        status, _, body = client.request("GET", path)
        return status, body
    finally:
        if client.connection is not None:
            client.connection.close()


def admin_retitle(base, password, token, pks, errors):
    """An editor signs in at /admin/ and changes the headlines of stories `pks` through the form.

    The admin form saves every field as it was read, so a script's edit of the same story in the
    meantime would be overwritten (Django's admin has no optimistic locking); the test keeps the
    editor's stories and the scripts' apart."""
    client = Client(base)
    try:
        _, _, page = client.request("GET", "/admin/login/")
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, _, _ = client.request(
            "POST",
            "/admin/login/",
            urlencode(
                {
                    "csrfmiddlewaretoken": csrf,
                    "username": "editor",
                    "password": password,
                    "next": "/admin/",
                }
            ),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 302, f"admin login answered {status}"
        for url in [f"/admin/articles/article/{pk}/change/".encode() for pk in pks]:
            _, _, page = client.request("GET", url.decode())
            form = FormFields(
                "article_form"
            )  # the change form (the page's first POST form is the logout button)
            form.feed(page.decode())
            fields = [[k, v + " " + token if k == "headline" else v] for k, v in form.fields]
            status, _, answer = client.request(
                "POST",
                url.decode(),
                urlencode([*map(tuple, fields), ("_save", "Save")]),
                {"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert status == 302, (status, re.findall(rb"errorlist[^>]*>(.{0,300})", answer))
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(repr(exc))
    finally:
        if client.connection is not None:
            client.connection.close()


def served_processes(server):
    family = [server, *server.children(recursive=True)]
    cmdlines = [p.cmdline() for p in family if p.is_running()]
    workers = [c for c in cmdlines if any(Path(arg).name == "gunicorn" for arg in c[:2])]
    drainers = [c for c in cmdlines if c[1:3] == ["manage.py", "drain_index_queue"]]
    return workers, drainers


@pytest.mark.parametrize("database_url", DATABASES, indirect=True)
def test_two_web_workers_and_the_drainer_lose_no_index_update(tmp_path, database_url):
    data, port, password = tmp_path / "data", free_port(), uuid.uuid4().hex
    env = environment(
        data,
        database_url,
        DJANGO_SECRET_KEY="s" * 20 + uuid.uuid4().hex,
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SUPERUSER_PASSWORD=password,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "ingest", corpus(tmp_path / "corpus", 40, 21))
    manage(env, "drain_index_queue", "-v0")
    manage(
        env, "createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.org"
    )
    venv = Path(sys.executable).parent.parent
    server = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "-o",
            "install",
            "serve",
            f"PY={sys.executable}",
            f"VENV={venv}",
            "HOST=127.0.0.1",
            f"PORT={port}",
            "WORKERS=2",
            "THREADS=2",
            "DRAIN_EVERY=1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:

        def up():
            assert server.poll() is None, server.communicate()
            try:
                return fetch(base, "/")[0] == 200
            except OSError:
                return False

        wait_for(up, 45, "make serve to answer")
        workers, drainers = served_processes(psutil.Process(server.pid))
        assert len(workers) == 3 and len(drainers) == 1, (
            workers,
            drainers,
        )  # gunicorn master + 2 workers

        # Edits from five processes at once: an editor in the admin (served by both workers), two
        # ORM scripts renaming people, one retitling stories, and an ingest of new stories.
        errors = []
        newest = manage(
            env,
            "shell",
            "-v0",
            "-c",
            "from articles.models import Article; "
            "print(','.join(map(str, "
            "Article.objects.order_by('-pk').values_list('pk', flat=True)[:5])))",
        )
        editor_pks = newest.stdout.strip()
        editor = threading.Thread(
            target=admin_retitle, args=(base, password, "zqadmin", editor_pks.split(","), errors)
        )
        editor.start()
        scripts = [
            python(env, RENAME_PEOPLE, "zqalias0", 0),
            python(env, RENAME_PEOPLE, "zqalias1", 1),
            python(env, RETITLE_ARTICLES, "zqorm", 3, editor_pks),
        ]
        ingest = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", str(corpus(tmp_path / "more", 10, 22))],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for process in [*scripts, ingest]:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-2000:]
        editor.join(120)
        assert not errors, errors

        # The drainer (the single writer) catches up by itself; then the index matches the database.
        wait_for(
            lambda: manage(env, "drain_index_queue", "--dry-run").stdout.startswith("0 queued"),
            45,
            "the drainer to empty the index queue",
        )
        check = manage(env, "check_index")
        assert "index matches the database" in check.stdout, check.stdout

        # Every worker answers from the new index: each token finds exactly the stories edited
        # with it.
        expected = json.loads(manage(env, "shell", "-v0", "-c", EXPECTED).stdout)
        assert (
            expected["zqadmin"] == 5
            and expected["zqorm"] == 4
            and expected["zqalias0"]
            and expected["zqalias1"]
        )
        assert expected["articles"] == 50
        for token, count in expected.items():
            if token == "articles":
                continue
            for _ in range(4):  # requests spread over both workers
                status, body = fetch(base, "/api/search/?" + urlencode({"q": token}))
                assert status == 200 and json.loads(body)["count"] == count, (
                    token,
                    count,
                    body[:300],
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            out, err = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            out, err = server.communicate()
    for bad in ("Traceback", "database is locked", "LockError", "locked by another writer"):
        assert bad not in err, err[-3000:]


EXPECTED = """
import json
from django.db.models import Q
from articles.models import Article
def edited(token):
    return Q(headline__contains=token) | Q(articleperson__person__aliases__icontains=token)
counts = {token: Article.objects.filter(edited(token)).distinct().count()
          for token in ("zqadmin", "zqorm", "zqalias0", "zqalias1")}
counts["articles"] = Article.objects.count()
print(json.dumps(counts))
"""


# --- an archive moved between databases ---------------------------------------------------------

CURATE = """
from articles.models import (
    ArticleCountry, ArticlePerson, ArticleTopic, Person, RejectedName, TagState, Topic,
)
xi = Person.objects.get(name="Xi Jinping")
xi.aliases = [*xi.aliases, "習近平", "President Xi"]
xi.description = "General Secretary"
xi.save()
tag = ArticlePerson.objects.filter(person=xi).first()
tag.state, tag.role = TagState.CONFIRMED, "Chinese President"
tag.save()
ArticleCountry.objects.filter(country__code="US").update(state=TagState.REJECTED)
ArticleTopic.objects.filter(pk=ArticleTopic.objects.order_by("pk").first().pk).update(state=TagState.CONFIRMED)
article = tag.article
extra = Topic.objects.exclude(articletopic__article=article).order_by("pk").first()
ArticleTopic.objects.create(article=article, topic=extra, state=TagState.CONFIRMED, origin="editor")
from django.contrib.auth.models import Group, User
editor = User.objects.create_user("ana", password="pw-of-ana", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
RejectedName.objects.create(
    kind=RejectedName.Kind.PERSON, name="Would Be Person", created_by=editor
)
"""

REJECTED = """
from articles.models import RejectedName
print([(r.kind, r.name, r.created_by.username, [g.name for g in r.created_by.groups.all()],
        r.created_by.check_password("pw-of-ana")) for r in RejectedName.objects.all()])
"""


def exported(env, path):
    manage(env, "export", "--format", "jsonl", "-o", path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("database_url", DATABASES, indirect=True)
def test_export_and_ingest_move_a_curated_archive_from_sqlite_to_another_database(
    tmp_path, database_url
):
    source = environment(tmp_path / "source", None)  # SQLite
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "ingest", ROOT / "seeds")
    manage(source, "shell", "-c", CURATE)
    original = exported(source, tmp_path / "archive.jsonl")
    manage(
        source,
        "dumpdata",
        "auth.user",
        "articles.rejectedname",
        "--natural-foreign",
        "--natural-primary",
        "-o",
        tmp_path / "accounts.json",
    )

    target = environment(tmp_path / "target", database_url)
    manage(target, "migrate", "--noinput", "-v0")
    result = manage(target, "ingest", tmp_path / "archive.jsonl")
    assert f"{len(original)} created" in result.stdout
    manage(target, "loaddata", tmp_path / "accounts.json")
    moved = exported(target, tmp_path / "moved.jsonl")

    def without_ids(
        records,
    ):  # stories with the same date come newest-ingested first: compare by slug
        return sorted(
            ({k: v for k, v in r.items() if k != "id"} for r in records), key=lambda r: r["slug"]
        )

    assert without_ids(moved) == without_ids(
        original
    )  # slugs, urls, tags in order, states, roles, aliases
    xi = [p for r in moved for p in r["people"] if p["name"] == "Xi Jinping"]
    assert xi and all("習近平" in p["aliases"] for p in xi)
    assert {"state": "confirmed", "role": "Chinese President"}.items() <= xi[0].items()
    assert not [
        c for r in moved for c in r["countries"] if c["code"] == "US"
    ]  # rejected tags stay out
    assert sum(t["state"] == "confirmed" for r in moved for t in r["topics"]) == 2
    assert manage(target, "shell", "-v0", "-c", REJECTED).stdout.strip() == (
        "[('person', 'Would Be Person', 'ana', ['Editors'], True)]"
    )  # with the editor who rejected it
    again = manage(
        target, "ingest", tmp_path / "archive.jsonl"
    )  # idempotent on the new database too
    assert f"{len(original)} unchanged" in again.stdout
    manage(target, "drain_index_queue", "-v0")
    assert "index matches the database" in manage(target, "check_index").stdout
