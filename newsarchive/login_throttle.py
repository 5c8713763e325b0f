"""Admin login rate limit: too many sign-in attempts from one address get 429.

Every POST to the admin login first reserves an attempt, before any password is checked: one
atomic `UPDATE ... SET count = count + 1 ... RETURNING count` on a database row per key, so
parallel requests can never all read the same count (the cache list used before let 60 parallel
attempts check 13 passwords against a limit of 10). An attempt that finds a count over
LOGIN_THROTTLE_LIMIT within LOGIN_THROTTLE_WINDOW seconds answers 429 with Retry-After and checks
no password at all, so guessing stays slow whatever the password hasher costs.

Two keys are counted: the client address, and the (address, username) pair. A username alone is
never a key, so nobody can lock `admin` out from everywhere: a correct sign-in from an address
that never failed always succeeds. A successful sign-in clears its address's and pair's counts.
"""

import hashlib
import sqlite3
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import OperationalError, connection
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import reverse


def _limit():
    return getattr(settings, "LOGIN_THROTTLE_LIMIT", 10)


def _window():
    return getattr(settings, "LOGIN_THROTTLE_WINDOW", 900)


def client_address(request):
    """The client's address; behind a proxy (DJANGO_BEHIND_PROXY), the one it appended last."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def keys(address, username):
    """The counted keys of an attempt: the address, and the address with the username (hashed,
    so the table holds no usernames or addresses in clear)."""
    plain = ["ip:" + address]
    if username:
        plain.append(f"pair:{address}\n{username.strip().lower()}")
    return [hashlib.sha256(k.encode()).hexdigest()[:40] for k in plain]


def _table():
    from articles.models import LoginAttempts

    meta = LoginAttempts._meta
    quote = connection.ops.quote_name
    return quote(meta.db_table), {
        f.name: quote(f.column) for f in meta.fields if f.name in ("key", "count", "started")
    }


def _check_database():
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError("the login limit needs SQLite 3.35 or newer (UPDATE ... RETURNING)")


def reserve(key, now=None):
    """Count one attempt for `key` atomically; return (attempts in the window, its start time).

    A window older than LOGIN_THROTTLE_WINDOW restarts at 1. Each statement is atomic on its
    own (SQLite's write lock, PostgreSQL's row lock), so concurrent attempts get distinct counts.
    """
    _check_database()
    now = time.time() if now is None else now
    expired = now - _window()
    table, col = _table()
    insert = (
        f"INSERT INTO {table} ({col['key']}, {col['count']}, {col['started']}) "
        f"VALUES (%s, 0, %s) ON CONFLICT ({col['key']}) DO NOTHING"
    )
    update = (
        f"UPDATE {table} SET "
        f"{col['count']} = CASE WHEN {col['started']} < %s THEN 1 ELSE {col['count']} + 1 END, "
        f"{col['started']} = CASE WHEN {col['started']} < %s THEN %s ELSE {col['started']} END "
        f"WHERE {col['key']} = %s RETURNING {col['count']}, {col['started']}"
    )
    with connection.cursor() as cursor:
        _execute(cursor, insert, [key, now])
        _execute(cursor, update, [expired, expired, now, key])
        count, started = cursor.fetchone()
    return count, started


def _execute(cursor, sql, params, tries=200):
    """Run one autocommitted statement; retry while SQLite says a table is locked.

    A file database waits for its write lock (the busy timeout), but a shared-cache memory
    database (the test database) answers "table is locked" at once. A refused statement changed
    nothing, so running it again counts the attempt once.
    """
    for attempt in range(tries):
        try:
            return cursor.execute(sql, params)
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.005)
    return None


def clear(keys_to_clear):
    """Forget the attempts of `keys_to_clear` (a successful sign-in), and any expired rows."""
    from articles.models import LoginAttempts

    LoginAttempts.objects.filter(key__in=keys_to_clear).delete()
    LoginAttempts.objects.filter(started__lt=time.time() - _window()).delete()


def reserve_attempt(address, username):
    """Reserve one sign-in attempt; return 0 if the password may be checked, else the seconds
    until the blocking window ends (at least 1)."""
    now = time.time()
    wait = 0
    for key in keys(address, username):
        count, started = reserve(key, now)
        if count > _limit():
            wait = max(wait, int(started + _window() - now) + 1)
    return wait


@receiver(user_logged_in)
def _clear_on_success(sender, request=None, user=None, **kwargs):
    if request is None or user is None:
        return
    clear(keys(client_address(request), user.get_username()))


class LoginThrottleMiddleware:
    """Reserves an attempt for every sign-in POST at the admin login; 429 over the limit."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.login_path = None

    def __call__(self, request):
        if request.method == "POST":
            if self.login_path is None:
                self.login_path = reverse("admin:login")
            if request.path == self.login_path:
                wait = reserve_attempt(client_address(request), request.POST.get("username", ""))
                if wait:
                    return self._refused(wait)
        return self.get_response(request)

    @staticmethod
    def _refused(wait):
        minutes = max(1, (wait + 59) // 60)
        response = HttpResponse(
            f"Too many failed sign-in attempts. Try again in {minutes} minutes.\n",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(wait)
        return response
