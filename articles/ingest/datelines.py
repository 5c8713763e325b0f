"""Bylines and datelines at the start of a story: who wrote it, where, when, for which agency.

Wire copy and many web pages open with a byline line (`By Jane Doe`, `BY JANE DOE and JOHN ROE,
Associated Press`, `By Jane Doe | 14 February 2025`) and a dateline before the first sentence
(`NAIROBI, March 3 (Reuters) - `, `LONDON, 12 March 2024 — `, `PARIS (AFP) -- `, `GENEVA — `).
Left in place they become the story's opening words (and its derived headline and identity), and
their dates are lost. `strip_byline_and_dateline` takes them out and returns what they said.

What is kept where: the byline's person names go to `byline`; the dateline's place (as written,
e.g. "HARARE, Zimbabwe") to `place`; the agency in brackets, or an organisation named after the
byline's names, to `agency`. Job titles ("Staff Writer") are dropped. Nothing of them stays in the
paragraphs.

Dates are read with dateparser, and only full dates count. A dateline's "March 3" has no year, so
it gives a date only when the caller passes `year_hint` from another source in the same file (a
`Date: January 2025` header); the parser is never allowed to fill in the current year.
"""

import datetime as dt
import email.utils
import re
import warnings
from dataclasses import dataclass, field

import dateparser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d\d"
DATE_PART = rf"(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+{MONTH}(?:,?\s+{YEAR})?)"
# An ALL-CAPS place of one to four words: LONDON, LA PAZ, ST. JOHN'S, PORT-AU-PRINCE.
CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*"
DATELINE_RE = re.compile(
    rf"^(?P<place>{CAPS_WORD}(?:\s+{CAPS_WORD}){{0,3}})"
    rf"(?:,\s*(?!{MONTH}\s)(?P<region>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,2}}))?"
    rf"(?:,\s*(?P<date>{DATE_PART}))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:--|[-—–])\s+(?=\S)"
)
BYLINE_RE = re.compile(r"^(?:posted\s+by|words\s+by|by)[:\s]\s*(?P<rest>\S.*)$", re.IGNORECASE)
BYLINE_DATE_SPLIT_RE = re.compile(r"\s+(?:\||[-—–]|·|•)\s+|\s+on\s+(?=\S*\d|" + MONTH + ")")
NAMES_SPLIT_RE = re.compile(r"\s*,\s*|\s+(?:and|&|[|·•])\s+", re.IGNORECASE)
# Labels that look like a place before a dash but are not one.
NOT_PLACES = frozenset(
    [
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
        "COMMENT",
        "WATCH",
        "LIVE",
        "CORRECTION",
        "REVIEW",
        "INTERVIEW",
        "PHOTOS",
        "VIDEO",
        "NATO",
        "OPEC",
        "ASEAN",
        "ECOWAS",
        "UNICEF",
        "UNESCO",
        "FIFA",
        "NASA",
        "WHO",
        "IMF",
        "UN",
        "EU",
        "AU",
        "US",
        "UK",
        "USA",
        "OK",
    ]
)
ROLE_WORDS = frozenset(
    [
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "staff",
        "contributor",
        "columnist",
        "journalist",
        "producer",
        "photographer",
        "analyst",
        "intern",
        "bureau",
        "chief",
        "senior",
        "special",
        "local",
        "democracy",
        "political",
        "business",
        "economics",
        "science",
        "health",
    ]
)
BYLINE_MAX_WORDS = 14
YEAR_RE = re.compile(rf"\b{YEAR}\b")
DATE_IN_TEXT_RE = re.compile(
    rf"\b\d{{4}}-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b|\b{DATE_PART}\b", re.IGNORECASE
)
DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" or "3 hours ago"
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass
class Opening:
    """What the opening lines said, and the paragraphs without them."""

    byline: str | None = None
    published: dt.date | None = None
    place: str | None = None
    agency: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def _dateparser(value):
    """dateparser with full dates required; its warnings about time zones are not ours."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = dateparser.parse(value, languages=["en"], settings=DATEPARSER_SETTINGS)
        except (ValueError, TypeError, OverflowError, AttributeError):
            return None
    return parsed.date() if parsed else None


def _plausible(day):
    return day if day is not None and 1800 <= day.year <= 2200 else None


def parse_date_text(value) -> dt.date | None:
    """A full date from a header or metadata value, or None; never raises, never guesses a year.

    Tries ISO 8601 (a timestamp's date in its own offset), RFC 2822, then dateparser with day,
    month and year all required. A value with a date inside other words ("Posted 14 September
    2023") gives that date. "March 3", "January 2025" and "3 hours ago" give None.
    """
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())[:200]
    if not value:
        return None
    iso = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        return _plausible(dt.datetime.fromisoformat(iso).date())
    except ValueError:
        pass
    try:
        return _plausible(email.utils.parsedate_to_datetime(value).date())
    except (TypeError, ValueError, IndexError):
        pass
    if not YEAR_RE.search(value) or not re.search(r"\d", YEAR_RE.sub("", value)):
        return None  # no year, or a year alone: not a full date
    found = _plausible(_dateparser(value))
    if found is None:
        match = DATE_IN_TEXT_RE.search(value)
        if match and match.group() != value:
            return parse_date_text(match.group())
    return found


def year_of(value) -> int | None:
    """The year a header value names, even when it is not a full date ("January 2025")."""
    if not isinstance(value, str):
        return None
    match = YEAR_RE.search(value[:200])
    return int(match.group()) if match else None


def _dateline_date(text, year_hint):
    """A dateline's date; one without a year is completed from year_hint, else None."""
    if YEAR_RE.search(text):
        return parse_date_text(text)
    if year_hint is None:
        return None
    return _plausible(_dateparser(f"{text} {year_hint}"))


def _title_name(name):
    """A name in capitals in title case (TENDAI O'NEIL-BANDA -> Tendai O'Neil-Banda)."""
    if any(c.islower() for c in name):
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name.lower())


NAME_PARTICLES = frozenset(
    ["de", "da", "van", "von", "al", "bin", "la", "le", "del", "dos", "du", "der", "ter", "ibn"]
)
ORG_WORDS = frozenset(
    [
        "press",
        "news",
        "agency",
        "reuters",
        "afp",
        "ap",
        "upi",
        "dpa",
        "efe",
        "xinhua",
        "ansa",
        "kyodo",
        "bloomberg",
        "wire",
        "wires",
        "service",
        "services",
        "times",
        "post",
        "herald",
        "journal",
        "tribune",
        "gazette",
        "daily",
        "radio",
        "tv",
        "television",
        "network",
        "media",
        "group",
        "desk",
        "partners",
    ]
)


def _words(part):
    return [word.lower().strip(".,") for word in part.split()]


def _is_name(part):
    """A person's name: two to five capitalised words, no digits, no job title, no agency."""
    words = part.split()
    if not 1 < len(words) <= 5 or re.search(r"\d", part):
        return False
    if any(word in ROLE_WORDS or word in ORG_WORDS for word in _words(part)):
        return False
    return all(word[:1].isupper() or word.lower() in NAME_PARTICLES for word in words)


def _is_role(part):
    return any(word in ROLE_WORDS for word in _words(part))


def _is_org(part):
    return any(word in ORG_WORDS for word in _words(part)) and not _is_role(part)


@dataclass
class _Byline:
    names: list
    agency: str | None
    date_text: str | None


def _split_date(rest):
    """(names part, date text or None) for 'Jane Doe | 14 February 2025'."""
    pieces = BYLINE_DATE_SPLIT_RE.split(rest, maxsplit=1)
    if len(pieces) == 2 and parse_date_text(pieces[1]):
        return pieces[0], pieces[1]
    return rest, None


def parse_byline(line: str) -> _Byline | None:
    """The names, agency and date on a byline line, or None when the line is not a byline.

    Names come first; a part after them that names an organisation is the agency, a job title
    is dropped. A line naming only an agency ("By Reuters staff") is a byline with no names.
    """
    match = BYLINE_RE.match(line.strip())
    if not match or len(line.split()) > BYLINE_MAX_WORDS or re.search(r"[.!?]\s+[A-Z]", line):
        return None
    rest, date_text = _split_date(match.group("rest").strip())
    names, agency = [], None
    for part in NAMES_SPLIT_RE.split(rest.strip(" .,")):
        part = part.strip(" .")
        if agency is None and _is_name(part):
            names.append(_title_name(part))
        elif agency is None and _is_org(part):
            agency = part
        elif part and not _is_role(part):
            return None  # words that are neither names, titles nor agencies: a sentence
    if not names and agency is None:
        return None
    return _Byline(names, agency, date_text)


def _find_byline(paragraphs):
    """(index, parsed byline) of a byline line among the first two paragraphs, or (None, None)."""
    for index, paragraph in enumerate(paragraphs[:2]):
        parsed = parse_byline(paragraph)
        if parsed:
            return index, parsed
    return None, None


def match_dateline(paragraph: str):
    """The dateline match at the start of a paragraph, or None (an ordinary sentence)."""
    match = DATELINE_RE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or place.rstrip(".") in NOT_PLACES:
        return None
    rest = paragraph[match.end() :]
    plain = not (match.group("date") or match.group("agency") or match.group("region"))
    if plain and not re.match(r"[\"'“‘(]?[A-Z0-9]", rest):
        return None  # "NATO - the alliance said": a place alone must open a sentence
    return match


def strip_byline_and_dateline(paragraphs: list[str], year_hint: int | None = None) -> Opening:
    """Take the byline line and the dateline prefix off the opening paragraphs.

    The byline is looked for in the first two paragraphs (a line of its own, at most 14 words);
    the dateline at the start of the first paragraph left after it. published is the dateline's
    date if it has a full one (or one completed by year_hint), else the byline line's date, else
    None; the caller prefers a header or page metadata over both.
    """
    paragraphs = list(paragraphs)
    opening = Opening()
    index, byline = _find_byline(paragraphs)
    byline_date = None
    if byline is not None:
        del paragraphs[index]
        opening.byline = " and ".join(byline.names) or None
        opening.agency = byline.agency
        byline_date = parse_date_text(byline.date_text) if byline.date_text else None
    first = next((i for i, p in enumerate(paragraphs) if p.strip()), None)
    match = match_dateline(paragraphs[first].lstrip()) if first is not None else None
    if match:
        text = paragraphs[first].lstrip()
        region = match.group("region")
        opening.place = match.group("place").strip() + (f", {region}" if region else "")
        opening.agency = (match.group("agency") or "").strip() or opening.agency
        if match.group("date"):
            opening.published = _dateline_date(match.group("date"), year_hint)
        paragraphs[first] = text[match.end() :]
    opening.published = opening.published or byline_date
    opening.paragraphs = paragraphs
    return opening
