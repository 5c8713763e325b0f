"""Hostile input: XSS vectors through every way in, checked in the HTML and (a sample) in Chromium.

The vectors are in tests/data/xss_vectors.txt. Ways in: ingested .txt files (header fields and
body), ingested .html files, admin edits of names, aliases, descriptions and topic keywords,
search queries (page, API, type-ahead, feed). Ways out: every page showing them, the Atom feeds,
the JSON API, the admin. `dangers()` (tests/hostile.py) must find nothing anywhere.
"""

import codecs
import contextlib
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.ingest.parse import ParseError, parse_text
from articles.models import Article, Person, Topic
from articles.pages import linked_body
from articles.sanitize import clean_html, html_to_text, strip_tags
from articles.search.highlight import highlight
from tests.conftest import SEEDS, change_form_data, process_environment, write
from tests.hostile import dangers, load_vectors

VECTORS = load_vectors()
TEMPLATE_SYNTAX = (
    "{{ request.META }}{% debug %}"  # not markup: must simply come out as the same text
)
# In HTML, '<![CDATA[' opens a bogus comment that swallows the '<script>' after it: harmless even
# raw.
BOGUS_COMMENT = "<![CDATA[<script>alert(1)</script>]]>"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_corpus_has_the_classic_families():
    assert len(VECTORS) >= 60
    joined = "\n".join(VECTORS)
    for family in (
        "<script",
        "onerror=",
        "javascript:",
        "&#106;",
        "jav\tascript",
        "\u200b",
        "<svg",
        "<math",
        "xlink:href",
        "<noscript>",
        "formaction",
        "expression(",
        "url(javascript",
        "data:text/html",
        "vbscript:",
        "srcdoc",
        "<base",
        "http-equiv",
    ):
        assert family in joined, family


def test_the_checker_catches_each_vector_when_it_is_not_escaped():
    """The checker has teeth: every vector, pasted raw into a page, is found in some context."""
    missed = []
    for vector in VECTORS:
        contexts = [f"<p>{vector}</p>", f'<input value="{vector}">', f'<a href="{vector}">x</a>']
        if not any(dangers(page) for page in contexts):
            missed.append(vector)
    assert missed == [TEMPLATE_SYNTAX] or sorted(missed) == sorted(
        [TEMPLATE_SYNTAX, BOGUS_COMMENT]
    ), missed


# --- the sanitiser itself ------------------------------------------------------------------------


def test_clean_html_leaves_nothing_executable():
    for vector in VECTORS:
        assert dangers(clean_html(vector)) == [], vector
        assert dangers(clean_html(vector, linkify=True)) == [], vector
        assert dangers(clean_html(f"See {vector} and https://example.org/a", linkify=True)) == [], (
            vector
        )


def test_linkified_urls_are_nofollow_noopener_and_scripts_are_never_linked():
    out = clean_html("Read https://example.org/report and www.example.com/x today.", linkify=True)
    assert out.count('rel="nofollow noopener"') == 2
    assert "<a" not in clean_html("javascript:alert(1) vbscript:x data:text/html,x", linkify=True)
    for linkify in (False, True):
        existing = clean_html(
            '<a href="https://example.org/" rel="opener" target="_blank">x</a>', linkify=linkify
        )
        assert existing == '<a href="https://example.org/" rel="nofollow noopener">x</a>'
    assert (
        clean_html('<a href="/people/x/" class="entity-link">x</a>')
        == '<a href="/people/x/" class="entity-link">x</a>'
    )


def test_html_to_text_drops_scripts_and_navigation_around_any_vector():
    for vector in VECTORS:
        check_html_to_text(vector)


def check_html_to_text(vector):
    document = (
        f"<html><head><title>{vector}</title><script>alert('head')</script></head><body>"
        f"<nav>menu {vector}</nav><h1>T {vector}</h1><p>a {vector} b</p>"
        f"<script>alert('body')</script></body></html>"
    )
    text = html_to_text(document)  # plain text: whatever it holds is escaped wherever it is shown
    assert "alert('head')" not in text and "alert('body')" not in text and "menu" not in text, (
        vector
    )
    assert "\x00" not in text and "\u200b" not in text
    assert isinstance(strip_tags(vector), str)


def test_search_highlights_escape_the_text():
    for vector in VECTORS:
        for words in (["minister", "alert", "script"], vector.split()):
            assert dangers(str(highlight(f"The minister said {vector} on Monday.", words))) == [], (
                vector
            )


def test_a_source_url_must_be_a_web_address():
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "http://",
        "https://exa mple.org/",
    ):
        with pytest.raises(ParseError, match="not an http"):
            parse_text(f"URL: {bad}\n\nThe port reopened on Monday after the strike.\n")
    (draft,) = parse_text(
        "URL: https://example.org/a?b=1#c\n\nThe port reopened on Monday after the strike.\n"
    )
    assert draft.url == "https://example.org/a?b=1#c"


# --- the site, through every way in -------------------------------------------------------------


def page_dangers(client, url):
    response = client.get(url)
    assert response.status_code in (200, 301, 302, 400, 404), (url, response.status_code)
    if response.status_code in (301, 302):
        return []
    content_type = response.headers["Content-Type"]
    body = response.content.decode()
    if content_type.startswith("text/html"):
        return [f"{url}: {d}" for d in dangers(body)]
    if content_type.startswith("application/json"):
        return [f"{url}: {d}" for d in json_dangers(json.loads(body))]
    if "xml" in content_type:
        return [f"{url}: {d}" for d in feed_dangers(body)]
    raise AssertionError(f"{url}: unexpected content type {content_type}")


def json_dangers(data):
    """Fields of the API that are HTML (highlight) must be clean; the rest is text a client
    escapes."""
    found = []
    for result in data.get("results", []):
        found += dangers(result.get("highlight", ""))
    return found


def feed_dangers(xml):
    root = ET.fromstring(xml)  # well-formed XML, whatever went in
    found = []
    for element in root.iter():
        if element.get("type") == "html":
            found += dangers(element.text or "")
        elif element.tag in (f"{ATOM}summary", f"{ATOM}content", f"{ATOM}title"):
            found += dangers(element.text or "") if element.get("type") == "xhtml" else []
    return found


def site_dangers(client, extra=()):
    urls = [
        "/",
        "/people/",
        "/countries/",
        "/topics/",
        "/people/?sort=name",
        "/archive/",
        "/archive/undated/",
        "/feeds/latest/",
        "/sitemap.xml",
        *extra,
    ]
    for article in Article.objects.all():
        urls += [article.get_absolute_url()]
    for model in (Person, Topic):
        for entity in model.objects.all():
            urls += [entity.get_absolute_url()]
    urls += [f"/feeds/people/{p.slug}/" for p in Person.objects.all()]
    urls += [f"/feeds/topics/{t.slug}/" for t in Topic.objects.all()]
    found = []
    for url in urls:
        found += page_dangers(client, url)
    return found, len(urls)


@pytest.fixture
def indexed(whoosh_index):
    return whoosh_index


def ingest(*paths):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(SystemExit):
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def hostile_files(folder):
    """One .txt and one .html file per vector: in the headline, source, URL path and body."""
    for i, vector in enumerate(VECTORS):
        flat = " ".join(vector.split())
        write(
            folder / f"v{i:03d}.txt",
            (
                f"Headline: Vector {i} {flat}\nSource: Wire {flat}\nURL: "
                f"https://news.example/{i}/{flat.replace(' ', '%20')}\n\n"
                f"The minister in Nairobi said {vector} before the vote number {i} on Monday.\n"
                f"Photo: {flat[:40]}\n"
                f"Raila Odinga answered {vector} as the count went on in Kenya, officials said.\n"
            ),
        )
        write(
            folder / f"v{i:03d}.html",
            (
                f"<html><head><title>Page {i} {vector}</title>"
                f"<script>alert('head {i}')</script></head><body>"
                f"<nav><a href='javascript:alert(1)'>menu</a></nav><h1>Story {i} {vector}</h1>"
                f"<p>Rescuers in Manila {vector} worked through the night number {i}.</p>"
                f"<p onclick='alert(1)'>More rain {vector} is forecast in the Philippines.</p>"
                "</body></html>"
            ),
        )


@pytest.mark.django_db
def test_ingested_text_and_html_files_never_execute(client, indexed, tmp_path):
    hostile_files(tmp_path / "in")
    out, err = ingest(tmp_path / "in")
    assert "Traceback" not in out + err
    failed = [line for line in err.splitlines() if line.strip()]
    assert Article.objects.count() >= 2 * len(VECTORS) - len(failed), (out, err)
    call_command("drain_index_queue", verbosity=0)
    found, pages = site_dangers(
        client,
        extra=[f"/search/?q={q}" for q in ("minister", "Rescuers", "alert", "script onerror")]
        + ["/api/search/?q=minister", "/api/search/?q=rain", "/feeds/search/?q=minister"],
    )
    assert found == [], found[:20]
    assert pages > 2 * len(VECTORS)
    # The vectors are kept as text, not thrown away: the page shows them escaped.
    article = Article.objects.filter(body__contains="<script>alert(1)</script>").first()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert all(dangers(str(linked_body(a))) == [] for a in Article.objects.all())


@pytest.mark.django_db
def test_javascript_source_urls_are_refused_by_name(tmp_path):
    path = write(
        tmp_path / "bad-url.txt",
        "URL: javascript:alert(1)\n\nThe port reopened on Monday after the strike.\n",
    )
    _, err = ingest(path)
    assert "bad-url.txt: URL: 'javascript:alert(1)' is not an http:// or https:// address" in err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_search_queries_never_execute(client, indexed):
    call_command("ingest", str(SEEDS), verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    found = []
    for i, vector in enumerate(VECTORS):
        for base in ("/search/", "/api/search/", "/api/suggest/", "/feeds/search/"):
            bad_params = (
                ({"q": "Rama", "person": vector}, {"q": "Rama", "from": vector})
                if i % 4 == 0
                else ()
            )
            for params in ({"q": vector}, {"q": f"Rama {vector}"}, *bad_params):
                response = client.get(base, params)
                assert response.status_code in (200, 400), (base, params, response.status_code)
                found += page_dangers_of(response, base)
    assert found == [], found[:20]


def page_dangers_of(response, url):
    body = response.content.decode()
    content_type = response.headers["Content-Type"]
    if content_type.startswith("text/html"):
        return [f"{url}: {d}" for d in dangers(body)]
    if content_type.startswith("application/json"):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        return [f"{url}: {d}" for d in json_dangers(json.loads(body))]
    return [f"{url}: {d}" for d in feed_dangers(body)]


@pytest.mark.django_db
def test_admin_edits_of_names_aliases_and_keywords_never_execute(admin_client, client, indexed):
    call_command("ingest", str(SEEDS), verbosity=0)
    people = list(Person.objects.order_by("pk"))
    topics = list(Topic.objects.order_by("pk"))
    assert len(people) >= 5 and len(topics) >= 5
    rejected = []
    for i, vector in enumerate(VECTORS):
        person = people[i % len(people)]
        url = reverse("admin:articles_person_change", args=[person.pk])
        data = change_form_data(admin_client.get(url))
        data.update(
            name=f"{person.name.split(' <')[0][:40]} {vector}"[:200],
            description=vector,
            aliases=json.dumps([vector, f"Alias {i}"]),
        )
        response = admin_client.post(url, data)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:  # the form came back with a message, e.g. a field too long
            rejected.append(vector)
        topic = topics[i % len(topics)]
        url = reverse("admin:articles_topic_change", args=[topic.pk])
        data = change_form_data(admin_client.get(url))
        data.update(
            name=f"Topic {i} {vector}"[:200], keywords=f"{vector}=5\nflood=3\n{vector}\n=\n==x"
        )
        assert admin_client.post(url, data).status_code in (200, 302)
    assert len(rejected) < len(VECTORS) // 10, rejected
    assert any("<script>" in p.name for p in Person.objects.all())
    call_command("drain_index_queue", verbosity=0)
    suggest = client.get("/api/suggest/", {"q": "alias"}).json()["results"]
    assert any(
        "<" in r["name"] for r in suggest
    )  # delivered as data; suggest.js writes it with textContent
    extra = [
        "/api/suggest/?q=script",
        "/api/suggest/?q=alias",
        "/search/?q=alert",
        "/api/search/?q=Alias",
    ]
    found, _ = site_dangers(client, extra=extra)
    # Re-ingest with the edited keyword rules, re-apply them from the admin, drain the queue.
    call_command("ingest", str(SEEDS), verbosity=0)
    assert (
        admin_client.post(
            reverse("admin:articles_topic_changelist"),
            {"action": "reapply_rules", "_selected_action": [topics[0].pk]},
        ).status_code
        == 302
    )
    call_command("drain_index_queue", verbosity=0)
    found += site_dangers(client, extra=extra)[0]
    admin_pages = [
        reverse("admin:articles_person_changelist"),
        reverse("admin:articles_topic_changelist"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_reviewqueue_changelist"),
    ]
    admin_pages += [reverse("admin:articles_person_change", args=[p.pk]) for p in people[:10]]
    admin_pages += [
        reverse("admin:articles_article_change", args=[a.pk]) for a in Article.objects.all()
    ]
    for url in admin_pages:
        found += page_dangers(admin_client, url)
    assert found == [], found[:20]


def test_suggest_js_writes_text_not_html():
    script = (Path(__file__).resolve().parents[2] / "static" / "js" / "suggest.js").read_text()
    assert (
        "innerHTML" not in script
        and "insertAdjacentHTML" not in script
        and "document.write" not in script
    )
    assert "textContent" in script


# --- a sample in the real browser ----------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
BROWSER_SAMPLE = [
    v
    for v in VECTORS
    if any(
        k in v
        for k in (
            "<script>alert(1)</script>",
            "onerror=alert(1)>",
            "<svg onload",
            "xlink:href",
            "<noscript>",
            "formaction",
            "expression(",
            "url(javascript",
            "jav\tascript",
            "\u200b",
            "&#106;",
            "<math href",
            "srcdoc",
            "<base",
            "http-equiv",
            "evil.example/pixel",
            "ontoggle",
            "autofocus",
        )
    )
]


@pytest.fixture
def browser_archive(whoosh_index, tmp_path):
    """Sample vectors ingested as text and HTML and put in a person's name, indexed, before the
    server starts."""
    folder = tmp_path / "in"
    for i, vector in enumerate(BROWSER_SAMPLE):
        flat = " ".join(vector.split())
        write(
            folder / f"b{i:02d}.txt",
            f"Headline: Sample {i} {flat}\nSource: {flat}\n\n"
            f"The minister in Nairobi said {vector} on Monday, officials said.\n",
        )
        write(
            folder / f"b{i:02d}.html",
            f"<html><head><title>Page {i} {vector}</title></head><body>"
            f"<h1>Web {i} {vector}</h1><p>Rescuers said {vector} at night.</p></body></html>",
        )
    ingest(folder, SEEDS)
    person = Person.objects.get(name="Xi Jinping")
    person.name = f"Xi Jinping {BROWSER_SAMPLE[0]}"
    person.aliases = [*person.aliases, *BROWSER_SAMPLE[1:6]]
    person.description = BROWSER_SAMPLE[6]
    person.save()
    call_command("drain_index_queue", verbosity=0)
    return {
        "articles": [
            a.get_absolute_url() for a in Article.objects.filter(headline__contains="Sample")
        ]
        + [a.get_absolute_url() for a in Article.objects.filter(headline__contains="Web")],
        "person": person.get_absolute_url(),
    }


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sample_of_vectors_never_runs_in_chromium(browser_archive, live_server):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    from tests.e2e.test_browser import LAUNCH_ARGS

    assert len(BROWSER_SAMPLE) >= 15
    dialogs, foreign, errors = [], [], []
    urls = [
        "/",
        browser_archive["person"],
        *browser_archive["articles"],
        "/people/",
        "/feeds/latest/",
    ]
    urls += [f"/search/?q={v}" for v in BROWSER_SAMPLE[:8]] + [
        "/search/?q=minister",
        "/search/?q=Rescuers",
    ]

    def route(r):
        if r.request.url.startswith(live_server.url):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            context = chromium.new_context(base_url=live_server.url)
            context.route("**/*", route)
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
            page.on(
                "console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}")
            )
            page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
            for url in urls:
                page.goto(url)
                page.wait_for_load_state("load")
                for link in page.locator("main .story-body a, main .meta a").all()[
                    :6
                ]:  # what vectors target
                    link.hover(timeout=2000)
                    link.focus(timeout=2000)
            # Defence in depth: markup written into our page unescaped is still stopped by the
            # CSP ...
            page.goto("/")
            page.set_content("<p>raw</p><img src=/static/none.png onerror=alert('raw')>")
            page.wait_for_timeout(300)
            blocked = [e for e in errors if "Content Security Policy" in e]
            errors[:] = [e for e in errors if e not in blocked and "404" not in e]
            # ... and the listeners work: without our headers, the same markup does open a dialog.
            page.goto("about:blank")
            page.set_content("<p>raw</p><img src=x onerror=alert('raw')>")
            page.wait_for_timeout(300)
            context.close()
        finally:
            chromium.close()
    assert blocked, "the CSP did not report the inline handler it blocked"
    assert len(dialogs) == 1 and dialogs[0].endswith(": raw"), dialogs
    dialogs.pop()
    assert dialogs == [], dialogs
    assert foreign == [], foreign
    assert errors == [], errors


# --- broken files --------------------------------------------------------------------------------
# (tests/ingest/test_pipeline.py covers empty, PNG bytes, Latin-1, cp1252, a 1 MB line)

STORY = (
    "Dock workers in Mombasa walked off the job on Monday, halting cargo at the busiest port in "
    "East Africa.\n"
    "Kenyan Transport Minister Kipchumba Murkomen said talks with the union would resume.\n"
)


def broken_folder(folder):
    """{file name: expected reason (None: must go in)} for a folder of good and broken files."""
    expect = {}

    def put(name, data, reason=None):
        write(folder / name, data)
        expect[name] = reason

    put("good.txt", STORY)
    put("whitespace.txt", " \n\t\n   \n", "empty file")
    put(
        "nul-late.txt",
        STORY.encode() * 30_000 + b"\x00\x00binary tail",
        "binary file (contains NUL bytes)",
    )
    put("random.txt", bytes(range(256)) * 64, "binary file")
    put(
        "bad-utf8.txt", STORY.encode().replace(b"Mombasa", b"Momb\xc3\x28sa")
    )  # read as cp1252, kept
    put("utf16.txt", STORY.replace("Mombasa", "Mombasa (Kenya)").encode("utf-16"))
    put(
        "utf16-odd.txt",
        codecs.BOM_UTF16_LE + "Dock workers".encode("utf-16-le") + b"\x00\xd8x",
        "invalid UTF-16",
    )
    put(
        "controls.txt",
        "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100,
        "binary file (too many control characters)",
    )
    put(
        "long-line.txt",
        STORY + "word " * 1_000_000 + "\n" + STORY,
        "line 3 is over 100,000 characters",
    )
    put(
        "minified.html",
        "<html><body>"
        + "<div class='x'><span></span></div>" * 10_000
        + f"<p>{STORY.splitlines()[0]}</p></body></html>",
    )
    put(
        "only-script.html",
        "<html><script>alert(1)</script><style>p{}</style></html>",
        "no text in file",
    )
    put(
        "crlf-cp1252.txt",
        STORY.replace("\n", "\r\n").replace("Monday", "Monday “as planned”").encode("cp1252"),
    )
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    expect["loop-a.txt"] = expect["loop-b.txt"] = "symbolic link loop"
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    expect["dangling.txt"] = "cannot read"
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = "not a regular file"
    with open(folder / "sparse-huge.txt", "wb") as handle:  # 70 MB on paper, refused before reading
        handle.truncate(70 * 1024 * 1024)
    expect["sparse-huge.txt"] = "file is 73,400,320 bytes; the limit is"
    if os.geteuid() != 0:  # root reads anything: the check means nothing there
        put("unreadable.txt", STORY.replace("Monday", "Tuesday"), "cannot read: Permission denied")
        (folder / "unreadable.txt").chmod(0)
    return expect


@pytest.mark.django_db
def test_broken_files_are_named_with_a_reason_and_the_rest_go_in(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    expect = broken_folder(folder)
    out, err = ingest(folder)
    assert "Traceback" not in out + err
    reasons = dict(
        line.removeprefix("failed: ").split(": ", 1) for line in err.splitlines() if ": " in line
    )
    reasons = {Path(k).name: v for k, v in reasons.items()}
    for name, reason in expect.items():
        if reason is None:
            assert name not in reasons, (name, reasons.get(name))
        else:
            assert reason in reasons.get(name, ""), (name, reasons.get(name), reason)
    failed = sum(1 for r in expect.values() if r)
    assert f"{failed} failed" in out, out
    bodies = " ".join(Article.objects.values_list("body", flat=True))
    assert "Mombasa (Kenya)" in bodies  # UTF-16
    assert "“as planned”" in bodies  # cp1252 with CRLF
    assert "Momb\u00c3(sa" in bodies  # invalid UTF-8 read as cp1252, not lost
    assert (
        Article.objects.filter(headline__startswith="Dock workers").exists()
        or Article.objects.count() >= 4
    )


MEMORY_PROBE = """
import os, resource, sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from articles.ingest.pipeline import ingest_paths
ingest_paths([sys.argv[1]])  # warm up: imports, gazetteer, caches
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for path in sys.argv[2:]:
    report = ingest_paths([path])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reason = report.failed[0][1] if report.failed else ""
    row = (os.path.basename(path), (peak - base) // 1024, report.created, reason)
    print("\\t".join(map(str, row)), flush=True)
"""


def test_a_50_mb_file_is_streamed(tmp_path):
    """50 MB files in a fresh process: refusals come after the first megabytes (memory barely
    moves); a 50 MB web page (a data blob in a <script>) is ingested holding its text about twice
    at most."""
    import subprocess
    import sys

    story = STORY.splitlines()[0] + "\n"
    write(tmp_path / "warm.txt", story.replace("Monday", "Friday"))
    write(tmp_path / "long-line.txt", story + "word " * 10_000_000 + "\n")
    write(tmp_path / "nul.txt", story.encode() * 40_000 + b"\x00" + story.encode() * 400_000)
    blob = ('{"k": "' + "x" * 1000 + '"},\n') * 50_000
    write(
        tmp_path / "page.html",
        f"<html><body><p>{story}</p><script>var data=[{blob}];</script></body></html>",
    )
    env = process_environment(tmp_path / "data")
    names = ["long-line.txt", "nul.txt", "page.html"]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            MEMORY_PROBE,
            str(tmp_path / "warm.txt"),
            *(str(tmp_path / n) for n in names),
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {
        name: (int(mb), int(created), reason)
        for name, mb, created, reason in (line.split("\t") for line in result.stdout.splitlines())
    }
    assert rows["long-line.txt"][2].startswith("line 2 is over 100,000 characters")
    assert rows["nul.txt"][2].startswith("binary file")
    assert rows["page.html"][1:] == (1, "")
    size_mb = (tmp_path / "page.html").stat().st_size // 2**20
    assert rows["long-line.txt"][0] < 25 and rows["nul.txt"][0] < 25, (
        rows
    )  # stopped early: a few MB
    assert rows["page.html"][0] < 2.5 * size_mb, rows  # generous: the text once, plus one copy


# --- the parser, property-based ------------------------------------------------------------------
# (tests/ingest/test_parse.py has the plain-lines version)

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.ingest.test_parse import check_every_body_line_lands_in_one_article  # noqa: E402

hostile_line = st.one_of(
    st.text(max_size=200),  # anything, separators and surrogate-free controls included
    st.sampled_from(
        [
            "Photo: AP",
            "PHOTO: Reuters",
            "(Photo: CNA)",
            "",
            "   ",
            "\t",
            "WAR? Troops crossed at dawn and",
            "FRAUD ALLEGED: The minister was charged on Monday Prosecutors said",
            "A.",
            "“Quoted.”",
            "Headline: x",
            "Date: 2024-01-02",
            "URL: https://example.org/a",
            "Source: Wire",
            "\u2028",
            "\x0b\x0c\x1c",
            "\ufeff",
            "CANCER: Died aged 81 with his wife and dog Tributes poured in",
            "word " * 40,
            "<script>alert(1)</script>",
        ]
        + VECTORS[:10]
    ),
)
newline = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(hostile_line, newline), max_size=40))
def test_the_parser_never_raises_and_every_body_line_lands_in_one_article(pairs):
    check_every_body_line_lands_in_one_article("".join(line + end for line, end in pairs))
