"""Security settings: deploy checks, Content-Security-Policy, cookies, admin login rate limit."""

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.urls import reverse

from articles.models import Article, Person
from tests.conftest import ROOT, process_environment

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-" + "x7Q9mZ2p" * 8,
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "DJANGO_BEHIND_PROXY": "1",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
}


def run(args, tmp_path, **env):
    environment = process_environment(tmp_path, **env)
    return subprocess.run(
        args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_at_warning_level_with_production_settings(tmp_path):
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_https_settings_are_left_out(tmp_path):
    env = {
        k: v
        for k, v in PRODUCTION.items()
        if k not in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_HSTS_SECONDS")
    }
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        **env,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_production_settings_have_secure_cookies(tmp_path):
    result = run([sys.executable, "manage.py", "diffsettings", "--all"], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    values = dict(re.findall(r"^(?:### )?(\w+) = (.*)$", result.stdout, re.MULTILINE))
    for name in (
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_CONTENT_TYPE_NOSNIFF",
    ):
        assert values[name] == "True", name
    assert values["DEBUG"] == "False"


def test_the_wsgi_app_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run([sys.executable, "-c", "import newsarchive.wsgi"], tmp_path, **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_the_wsgi_app_starts_in_production_with_a_secret_key(tmp_path):
    result = run([sys.executable, "-c", "import newsarchive.wsgi"], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr


# --- Content-Security-Policy ---------------------------------------------------------------------


def policy(response):
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, <style> blocks, style and on*
    attributes."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._script_without_src = False

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        if tag == "script" and "src" not in names:
            self._script_without_src = True
        if tag == "style":
            self.found.append("<style> element")
        self.found += [f"{tag}[{n}]" for n in names if n == "style" or n.startswith("on")]
        self.found += [
            f"{tag}[{n}=javascript:]"
            for n, v in attrs
            if v and v.strip().lower().startswith("javascript:")
        ]

    def handle_data(self, data):
        if self._script_without_src and data.strip():
            self.found.append(f"inline script: {data.strip()[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_without_src = False


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.mark.django_db
def test_every_page_has_a_strict_policy(client, seeded):
    response = client.get("/")
    directives = policy(response)
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"] and directives["form-action"] == ["'self'"]
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header and "*" not in header
    for url in ("/api/search/?q=x", "/feeds/latest/", "/admin/login/"):
        assert "script-src 'self'" in client.get(url).headers.get("Content-Security-Policy", ""), (
            url
        )


@pytest.mark.django_db
def test_no_page_needs_inline_script_or_style(admin_client, seeded, whoosh_index):
    from django.core.management import call_command

    call_command("drain_index_queue", verbosity=0)
    article = Article.objects.get(photo_credit="AP")
    person = Person.objects.get(name="Xi Jinping")
    public = [
        "/",
        article.get_absolute_url(),
        person.get_absolute_url(),
        "/people/",
        "/countries/?sort=name",
        "/topics/",
        "/archive/",
        "/archive/undated/",
        "/search/?q=Rama",
        "/no-such-page/",
    ]
    admin = [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_person_change", args=[person.pk]),
        reverse("admin:articles_reviewqueue_changelist"),
        reverse("admin:articles_article_upload"),
        reverse("admin:articles_topic_changelist"),
    ]
    for url in public + admin:
        response = admin_client.get(url)
        assert response.status_code in (200, 404), url
        assert inline_code(response.content.decode()) == [], url


def test_the_inline_code_finder_finds_inline_code():
    assert inline_code(
        '<script>alert(1)</script><p style="x" onclick="y">a</p><style>p{}</style>'
    ) == ["inline script: 'alert(1)'", "p[style]", "p[onclick]", "<style> element"]
    assert inline_code('<script src="/static/js/suggest.js" defer></script>') == []


# --- Admin login rate limit ----------------------------------------------------------------------


@pytest.fixture
def throttle(db, settings):
    settings.LOGIN_THROTTLE_LIMIT = 5
    caches["login_throttle"].clear()
    User.objects.create_superuser("boss", password="the-right-password-123")
    yield
    caches["login_throttle"].clear()


def login(client, password, username="boss", address="127.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_admin_login_is_rate_limited(client, throttle):
    for _ in range(5):
        assert login(client, "wrong").status_code == 200  # the form again, with its error
    blocked = login(client, "the-right-password-123")
    assert (
        blocked.status_code == 429
        and "Too many failed sign-in attempts" in blocked.content.decode()
    )
    assert int(blocked["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session  # not even the right password gets in


def test_the_limit_counts_per_address_and_username_never_per_username_alone(client, throttle):
    """Issue 17: failures for a username from other addresses no longer lock its owner out; the
    (address, username) pair that failed is refused."""
    for _ in range(5):
        login(client, "wrong", address="10.0.0.1")
    assert login(client, "the-right-password-123", address="10.0.0.1").status_code == 429
    assert login(client, "the-right-password-123", address="10.0.0.99").status_code == 302


def test_the_limit_counts_per_address_across_usernames(client, throttle):
    for i in range(5):
        login(client, "wrong", username=f"guess{i}", address="10.1.1.1")
    assert login(client, "the-right-password-123", address="10.1.1.1").status_code == 429


def test_a_successful_sign_in_below_the_limit_clears_the_count(client, throttle):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, "the-right-password-123").status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "wrong")
    assert login(client, "the-right-password-123").status_code == 302
