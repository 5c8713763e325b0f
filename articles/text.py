"""The archive's text helpers, each written once: cleaning, folding, months and slugs.

`fold` is how every part of the archive compares words and names (search highlighting, "did you
mean", the gazetteer, the spelling field), so that they can never disagree about what matches.
`clean_text` is what every way in (readers, the JSONL import, admin forms) applies before text is
stored or indexed, so no stored text holds a character XML or a feed reader refuses.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.utils.text import slugify

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# Controls that end a line (vertical tab, form feed, the C0 separators, NEL) become a line end, so
# the words either side stay apart; every other control but tab, LF and CR is dropped, as are the
# Unicode non-characters (U+FDD0-U+FDEF, the last two code points of each plane) and surrogates
# (in a str only a lone one can be: a pair is one code point).
_LINE_ENDS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
_UNWANTED = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def clean_text(text):
    """`text` without control characters (tab, LF and CR kept; line-ending controls become LF),
    non-characters or lone surrogates: the one normaliser for every way text comes in."""
    if not text or (text.isascii() and text.isprintable()):
        return text
    return _UNWANTED.sub("", _LINE_ENDS.sub("\n", text))


def printable(text):
    """A name (a file's, say) as one line of a report: line breaks and other characters that are
    not printable escaped, so a name cannot forge a line or hide what it is."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


def clean_instance_text(instance):
    """Apply clean_text to every string field of a model instance, and to the strings of its
    JSON lists (a person's aliases): what a model's `clean()` does for admin forms."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            setattr(instance, field.attname, clean_text(value))
        elif isinstance(value, list):
            cleaned = [clean_text(v) if isinstance(v, str) else v for v in value]
            setattr(instance, field.attname, cleaned)


def fold(text):
    """Return `text` lower-cased, without accents and with straight apostrophes.

    Decomposed characters keep their base letters ("José" -> "jose", "ﬁ" -> "fi"), so the result
    can be longer than the input; callers that map positions back fold one character at a time.
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; its `number` (year * 12 + month - 1) makes month arithmetic plain."""

    year: int
    month: int

    @classmethod
    def of(cls, day):
        return cls(day.year, day.month)

    @classmethod
    def from_number(cls, number):
        return cls(number // 12, number % 12 + 1)

    @property
    def number(self):
        return self.year * 12 + self.month - 1

    def __add__(self, months):
        return Month.from_number(self.number + months)

    def __sub__(self, other):
        """Month - n is a month; Month - Month is the number of months between them."""
        if isinstance(other, Month):
            return self.number - other.number
        return Month.from_number(self.number - other)

    @property
    def first_day(self):
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self):
        return (self + 1).first_day - dt.timedelta(days=1)

    @property
    def label(self):
        return f"{self.year:04d}-{self.month:02d}"


# Slugs ---------------------------------------------------------------------------------------


def slug_base(text, model, max_length=120):
    """The slug `text` would get before numbering (the model's name when nothing is left)."""
    return slugify(text)[: max_length - 8].strip("-") or model._meta.model_name


def unique_slug(model, text, max_length=120, exclude_pk=None):
    """Return a slug for `text` that no other row of `model` uses (ASCII; numbered on collision)."""
    base = slug_base(text, model, max_length)
    slug, n = base, 2
    qs = model._default_manager.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def unique_slugs(model, texts, max_length=120):
    """unique_slug for several new rows at once: one query unless a slug is already taken."""
    bases = [slug_base(text, model, max_length) for text in texts]
    rows = model._default_manager.all()
    taken = set(rows.filter(slug__in=set(bases)).values_list("slug", flat=True))
    widened, out = set(), []
    for base in bases:
        slug = base
        if slug in taken:
            if base not in widened:
                taken |= set(
                    rows.filter(slug__startswith=base + "-").values_list("slug", flat=True)
                )
                widened.add(base)
            n = 2
            while f"{base}-{n}" in taken:
                n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out.append(slug)
    return out


@lru_cache(maxsize=64)
def _slug_url_pattern(name, prefix):
    return reverse(name, args=["--slug--"])


def slug_url(name, slug):
    """Return reverse(name, args=[slug]) for a slug-only URL, resolving each URL name once.

    A story list links a few hundred names, and reverse() costs tens of microseconds each time.
    """
    return _slug_url_pattern(name, get_script_prefix()).replace("--slug--", quote(slug, safe=""))
