"""Admin login rate limit: too many failed sign-ins from one address, or for one username, get 429.

Failures are counted by the `user_login_failed` signal in a cache shared by all server processes
(settings.CACHES["login_throttle"], files in the data directory), per client address and per
username, in a sliding window of LOGIN_THROTTLE_WINDOW seconds. While either count is at
LOGIN_THROTTLE_LIMIT, the login form answers 429 with a plain message and checks no password at
all, so guessing stays slow whatever the password hasher costs. A successful sign-in clears the
address's and username's counts.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import reverse

CACHE_ALIAS = "login_throttle"


def _limit():
    return getattr(settings, "LOGIN_THROTTLE_LIMIT", 10)


def _window():
    return getattr(settings, "LOGIN_THROTTLE_WINDOW", 900)


def client_address(request):
    """The client's address; behind a proxy (DJANGO_BEHIND_PROXY) the one the proxy appended last."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def _keys(request, username):
    keys = ["ip:" + client_address(request)]
    if username:
        keys.append("user:" + username.strip().lower())
    return ["login-throttle:" + hashlib.sha256(k.encode()).hexdigest()[:32] for k in keys]


def _recent(cache, key, now):
    return [t for t in (cache.get(key) or []) if now - t < _window()]


def is_blocked(request, username=""):
    cache, now = caches[CACHE_ALIAS], time.time()
    return any(len(_recent(cache, key, now)) >= _limit() for key in _keys(request, username))


@receiver(user_login_failed)
def _record_failure(sender, credentials=None, request=None, **kwargs):
    if request is None:
        return
    cache, now = caches[CACHE_ALIAS], time.time()
    for key in _keys(request, (credentials or {}).get("username", "")):
        cache.set(key, [*_recent(cache, key, now), now][-_limit() * 2 :], _window())


@receiver(user_logged_in)
def _clear_on_success(sender, request=None, user=None, **kwargs):
    if request is None or user is None:
        return
    caches[CACHE_ALIAS].delete_many(_keys(request, user.get_username()))


class LoginThrottleMiddleware:
    """Refuses sign-in attempts at the admin login while the address or username is over the limit."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.login_path = None

    def __call__(self, request):
        if request.method == "POST":
            if self.login_path is None:
                self.login_path = reverse("admin:login")
            if request.path == self.login_path and is_blocked(
                request, request.POST.get("username", "")
            ):
                minutes = max(1, _window() // 60)
                response = HttpResponse(
                    f"Too many failed sign-in attempts. Try again in {minutes} minutes.\n",
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
                response["Retry-After"] = str(_window())
                return response
        return self.get_response(request)
