"""The JSONL record schema: every field of an imported record checked before anything is stored.

A record comes from outside (another archive's export, or a hand-written file), so nothing in it
is trusted: a wrong type, an over-long field, an unknown country code or a list where a name
belongs is refused with the field's name (RecordError), and the importer skips that record. An
invalid slug is not a reason to refuse a story: it is dropped and derived again from the name or
headline, as a new story's would be. Every string is cleaned (articles.text.clean_text).
"""

import datetime as dt
import re

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify

from articles.ingest.limits import MAX_BODY_CHARS, MAX_TAGS
from articles.models import TagState
from articles.text import clean_text


class RecordError(ValueError):
    """The record is refused; the message names the field and says why."""


# Article fields: (key, longest, required). A deck is a standfirst: a paragraph or two.
ARTICLE_TEXT = (
    ("headline", 300, True),
    ("body", MAX_BODY_CHARS, True),
    ("kicker", 120, False),
    ("deck", 5_000, False),
    ("source", 200, False),
    ("byline", 200, False),
    ("photo_credit", 200, False),
)
MAX_NAME_CHARS = 200
MAX_SLUG_CHARS = 120
MAX_ALIASES = 100
STATES = (TagState.AUTO, TagState.CONFIRMED)
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIRST_YEAR, LAST_YEAR = 1000, 2999  # what every search backend can store (search/params.py)


def text(value, key, longest, required=False):
    """A cleaned string field: absent or null is '', anything but a string is refused."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(f"{key!r} must be a string, not {type(value).__name__}")
    value = clean_text(value)
    if required and not value.strip():
        raise RecordError(f"{key!r} is missing or empty")
    if len(value) > longest:
        raise RecordError(f"{key!r} is {len(value):,} characters long; at most {longest:,}")
    return value


def slug(value, key, fallback):
    """A valid slug, else one derived from `fallback` (a name or headline), else ''."""
    value = text(value, key, 10_000)
    try:
        validate_slug(value)
        if len(value) <= MAX_SLUG_CHARS:
            return value
    except ValidationError:
        pass
    return slugify(fallback)[: MAX_SLUG_CHARS - 8].strip("-")


def published(value):
    """A date YYYY-MM-DD between FIRST_YEAR and LAST_YEAR, or None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not DATE_RE.fullmatch(value):
        raise RecordError(f"'published' {str(value)[:40]!r} is not YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"'published' {value!r} is not a date") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise RecordError(f"'published' {value!r} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return day


def article(record):
    """The article fields of a record, checked and cleaned: {field: value}."""
    if not isinstance(record, dict):
        raise RecordError(f"a record must be a JSON object, not {type(record).__name__}")
    fields = {key: text(record.get(key), key, longest, need) for key, longest, need in ARTICLE_TEXT}
    truncated = record.get("truncated")
    if truncated is not None and not isinstance(truncated, bool):
        raise RecordError("'truncated' must be true or false")
    fields["truncated"] = bool(truncated)
    fields["published"] = published(record.get("published"))
    fields["slug"] = slug(record.get("slug"), "slug", fields["headline"])
    return fields


def country_code(value):
    """An ISO 3166-1 alpha-2 code pycountry knows, upper-case."""
    if not isinstance(value, str) or not value.strip():
        raise RecordError("a country needs a 'code' (ISO 3166-1 alpha-2)")
    code = value.strip().upper()
    if len(code) != 2 or not code.isascii() or pycountry.countries.get(alpha_2=code) is None:
        raise RecordError(f"country code {value[:20]!r} is not ISO 3166-1 alpha-2")
    return code


def aliases(value):
    """A list of at most MAX_ALIASES strings (never a string, which would split into letters)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"'aliases' must be a list of names, not {type(value).__name__}")
    if len(value) > MAX_ALIASES:
        raise RecordError(f"{len(value):,} aliases; at most {MAX_ALIASES}")
    return [text(alias, "aliases", MAX_NAME_CHARS) for alias in value]


def tag(entry, kind, own_fields):
    """One exported tag of `kind`, checked: a dict the importer reads by key."""
    where = f"each of {kind.plural!r}"
    if not isinstance(entry, dict):
        raise RecordError(f"{where} must be a JSON object")
    name = text(entry.get("name"), f"{kind.plural} name", MAX_NAME_CHARS, required=True)
    out = {"name": name, "slug": slug(entry.get("slug"), f"{kind.plural} slug", name)}
    if "code" in kind.model.EXPORT_KEYS:
        out["code"] = country_code(entry.get("code"))
    if "aliases" in kind.model.EXPORT_KEYS:
        out["aliases"] = aliases(entry.get("aliases"))
    for field in own_fields:
        longest = kind.tag_model._meta.get_field(field).max_length or MAX_NAME_CHARS
        out[field] = text(entry.get(field), f"{kind.plural} {field}", longest)
    state = entry.get("state", TagState.CONFIRMED)
    if state not in STATES:
        raise RecordError(f"{where}: 'state' must be one of {', '.join(STATES)}")
    out["state"] = state
    return out


def tags(record, kinds, own_fields):
    """{kind: [checked entries]} of a record, at most MAX_TAGS in all."""
    out, total = {}, 0
    for kind in kinds:
        entries = record.get(kind.plural)
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise RecordError(f"{kind.plural!r} must be a list")
        total += len(entries)
        if total > MAX_TAGS:
            raise RecordError(f"more than {MAX_TAGS} tags; a story has at most {MAX_TAGS}")
        out[kind] = [tag(entry, kind, own_fields(kind)) for entry in entries]
    return out
