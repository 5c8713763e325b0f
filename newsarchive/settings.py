"""Settings for newsarchive: one module, driven by environment variables.

Defaults are safe for development on one machine; see README "Configuration" for production.
"""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .databaseurl import database_config
from .searchurl import haystack_connection

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


DATA_DIR = Path(os.environ.get("NEWSARCHIVE_DATA_DIR") or BASE_DIR / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG", True)


def _secret_key():
    key = os.environ.get("DJANGO_SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    # Development: a random key kept in the data directory, never one committed to the repo.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "DJANGO_ALLOWED_HOSTS", "" if not DEBUG else "localhost,127.0.0.1,[::1]"
    ).split(",")
    if h.strip()
]
if DEBUG:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "haystack",
    "csp",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "articles.admin.upload.UploadLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsarchive.login_throttle.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsarchive.wsgi.application"

# DATABASE_URL: unset = SQLite in the data dir (WAL, IMMEDIATE transactions: SQLite only);
# postgres://USER:PASSWORD@HOST:PORT/NAME for PostgreSQL. See README "Scaling out".
DATABASES = {
    "default": database_config(
        os.environ.get("DATABASE_URL"),
        DATA_DIR,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SEARCH_URL: unset = Whoosh in the data dir; elasticsearch7://... or solr://... for a search
# cluster (newsarchive/searchurl.py, README "Scaling out"). A bad URL stops the app here.
HAYSTACK_CONNECTIONS = {"default": haystack_connection(os.environ.get("SEARCH_URL"), DATA_DIR)}
# Changes are queued, never indexed inside a web request; see articles/search/queue.py.
HAYSTACK_SIGNAL_PROCESSOR = "articles.search.signals.QueuedSignalProcessor"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"  # filled by `collectstatic` for production (DJANGO_DEBUG=0)
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security: production-safe unless DEBUG. See README "Security and reliability".
# TLS is normally terminated by a proxy in front: set DJANGO_BEHIND_PROXY=1 (trust its
# X-Forwarded-Proto), DJANGO_SECURE_SSL_REDIRECT=1 and DJANGO_HSTS_SECONDS=31536000 there; with
# those `manage.py check --deploy --fail-level WARNING` is clean.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

# Content-Security-Policy (django-csp): scripts, styles and everything else only from our own
# origin; no inline script or style, no plugins, no framing, forms post only to us. Templates keep
# all JavaScript in static/js/ and all CSS in static/css/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Admin sign-in rate limit (newsarchive/login_throttle.py): after LOGIN_THROTTLE_LIMIT attempts
# from one address, or from one address for one username, within LOGIN_THROTTLE_WINDOW seconds
# the login answers 429. Attempts are counted in the database (one atomic UPDATE each), so every
# server process sees the same counts.
LOGIN_THROTTLE_LIMIT = int(os.environ.get("DJANGO_LOGIN_THROTTLE_LIMIT", "10"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("DJANGO_LOGIN_THROTTLE_WINDOW", "900"))
# After sign-in without a safe `next=` (a foreign one is ignored): the admin, a real page (the
# default, /accounts/profile/, does not exist here).
LOGIN_REDIRECT_URL = "admin:index"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # No longer used by the login limit (it counts in the database since issue 17); kept only
    # because older tests still clear it.
    "login_throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# Uploads: the admin "Ingest files" page takes up to this many files in one request (Django's
# default, 100, answered larger batches with a bare 400). Above it the page explains the limit
# (articles/admin/upload.py, UploadLimitMiddleware).
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DJANGO_UPLOAD_MAX_FILES", "1000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
