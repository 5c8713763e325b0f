"""Parse article text into drafts: plain text in any paragraph convention, and web pages.

Plain text is first brought to one paragraph per line (paragraphs.py: hard-wrapped text is
rejoined). Then, as in the seed format: several articles may run together in one file; a line
that opens with an ALL-CAPS kicker followed by ':' or '?' starts a new article, whose deck runs
into the body (decks.py); a long line that stops mid-sentence is a cut-off teaser and ends its
article; a line such as 'Photo: AP' is a photo credit. A file may open with 'Headline:', 'Date:',
'Source:', 'URL:' and 'Byline:' lines and a blank line. A byline line and a dateline at the start
of a story are taken off the body (datelines.py). A web page (webpage.py) is one whole story.
"""

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field

from articles.ingest.datelines import (
    parse_byline,
    parse_date_text,
    strip_byline_and_dateline,
    year_of,
)
from articles.ingest.decks import split_deck
from articles.ingest.headlines import derive_headline
from articles.ingest.paragraphs import logical_lines_numbered

HEADER_RE = re.compile(r"^(headline|date|source|url|byline)\s*:\s*(.*)$", re.IGNORECASE)
KICKER_RE = re.compile(
    r"^(?P<kicker>[A-Z0-9][A-Z0-9 ’'&.,/\-]{1,60}?)\s*(?P<mark>[:?])\s+(?P<rest>\S.*)$"
)
PHOTO_RE = re.compile(
    r"^[(\[]?\s*(?:photo(?:graph)?s?|pictures?|images?|video)"
    r"(?:\s*(?:by|courtesy(?:\s+of)?|credit))?\s*[:：]?\s*(?P<credit>[^\s].{0,80}?)\s*[)\]]?$",
    re.IGNORECASE,
)
PHOTO_WORD_RE = re.compile(
    r"^[(\[]?\s*(?:photo(?:graph)?s?|pictures?|images?|video)\b", re.IGNORECASE
)
CLOSING_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»][.!?…]?$")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD_RE = re.compile(r"\S+")
SOURCE_URL_RE = re.compile(r"^https?://[^\s/?#\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*$", re.IGNORECASE)

# A line without closing punctuation counts as cut off only when it is this long; shorter lines
# are headlines (at the start of an article) or sub-headings.
TRUNCATED_MIN_WORDS = 16
HEADLINE_MAX_WORDS = 20
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
)


class ParseError(ValueError):
    """The text holds no article the parser can use."""


@dataclass
class ArticleDraft:
    paragraphs: list = field(default_factory=list)
    kicker: str = ""
    headline: str = ""
    deck: str = ""
    photo_credit: str = ""
    truncated: bool = False
    published: dt.date | None = None
    source: str = ""
    url: str = ""
    byline: str = ""
    position: int = 0  # index of the article in its file
    lines: list = field(default_factory=list)  # indexes of the input lines this article holds

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)


WEEKDAY_RE = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
ORDINAL_RE = re.compile(r"(\d)(?:st|nd|rd|th)\b")


def parse_date(value):
    """Return the date news texts write: 2024-05-13, 13 May 2024, May 13, 2024, RFC 2822, ...

    Raises ParseError for anything else: the `--date` option and `Date:` headers use it.
    """
    original = value.strip()
    value = ORDINAL_RE.sub(r"\1", WEEKDAY_RE.sub("", original)).replace("Sept ", "Sep ").strip()
    try:
        return email.utils.parsedate_to_datetime(original).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        raise ParseError(f"unreadable date {original[:40]!r} (use YYYY-MM-DD)") from None


def split_header(lines):
    """Return ({field: value}, remaining lines) for an optional header block."""
    header, i = {}, 0
    while i < len(lines) and HEADER_RE.match(lines[i].strip()):
        key, value = HEADER_RE.match(lines[i].strip()).groups()
        header[key.lower()] = value.strip()
        i += 1
    if header and (i == len(lines) or not lines[i].strip()):
        return header, lines[i:]
    return {}, lines


def is_cut_off(line):
    return not CLOSING_RE.search(line) and len(WORD_RE.findall(line)) >= TRUNCATED_MIN_WORDS


def photo_credit(line):
    """The credit of a photo-credit line ('Photo: AP'), or None."""
    if len(line) > 100 or not PHOTO_WORD_RE.match(line):
        return None
    match = PHOTO_RE.match(line)
    if not match:
        return None
    credit = match.group("credit").strip(" .")
    # A credit names an agency or photographer: a few words, no sentence.
    if not credit or len(credit.split()) > 8 or SENTENCE_END_RE.search(credit):
        return None
    return credit


def kicker_of(line):
    """(kicker, rest) when the line opens with an ALL-CAPS kicker, else None."""
    match = KICKER_RE.match(line)
    if not match:
        return None
    kicker = match.group("kicker").strip()
    letters = [c for c in kicker if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return None
    mark = "?" if match.group("mark") == "?" else ""
    return kicker + mark, match.group("rest").strip()


class _Builder:
    """Collects the drafts of one file as its lines are read."""

    def __init__(self):
        self.drafts = []
        self.current = None
        self.pending_credit = ""

    def start(self, **fields):
        self.finish()
        self.current = ArticleDraft(position=len(self.drafts), **fields)
        if self.pending_credit:
            self.current.photo_credit, self.pending_credit = self.pending_credit, ""

    def finish(self):
        draft, self.current = self.current, None
        if draft is None:
            return
        if not draft.paragraphs and (draft.deck or draft.headline):
            # Text without a body is kept as the body rather than lost.
            draft.paragraphs = [p for p in (draft.headline, draft.deck) if p]
            draft.deck = draft.headline = ""
        if draft.paragraphs:
            self.drafts.append(draft)
        elif draft.photo_credit:
            self.pending_credit = draft.photo_credit

    def add_paragraph(self, text, numbers, line=None):
        """Add a paragraph; `line` is the whole line it came from when a deck was taken off it
        (a teaser is judged cut off by its whole line)."""
        if self.current is None:
            self.start()
        self.current.paragraphs.append(text)
        self.current.lines += numbers
        # A kicker teaser's line that stops without closing punctuation is cut off at any length.
        if is_cut_off(text) or (line and not CLOSING_RE.search(line)):
            self.current.truncated = True
            self.finish()


def parse_text(text, *, published=None, source=""):
    """Parse text into a list of ArticleDraft. Raises ParseError if it holds no article.

    `published` and `source` are defaults for stories whose file gives none.
    """
    numbered = logical_lines_numbered(
        # Line ends first, then the byte-order marks: "\r\ufeff\n" is two line breaks.
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", ""),
        alone=lambda line: photo_credit(" ".join(line.split())) is not None,
    )
    header, lines = split_header([text for text, _ in numbered])
    builder = _Builder()
    for raw, numbers in numbered[len(numbered) - len(lines) :]:
        line = " ".join(raw.split())
        if line:
            _read_line(builder, line, numbers)
    builder.finish()
    drafts = builder.drafts
    if not drafts:
        raise ParseError("no article text found")
    day, year_hint = header_date(header.get("date", ""))
    if header.get("headline"):
        drafts[0].headline = header["headline"]
    if header.get("byline"):
        drafts[0].byline = header["byline"][:200]
    if header.get("url"):
        # The source link is shown as <a href>: only a web address, never javascript: or data:.
        if not SOURCE_URL_RE.match(header["url"]):
            raise ParseError(f"URL: {header['url'][:60]!r} is not an http:// or https:// address")
        drafts[0].url = header["url"]
    for draft in drafts:
        _take_opening(draft, year_hint)
        # The order of trust: the header, then the dateline or byline line, then the default.
        draft.published = day or draft.published or published
        draft.source = header.get("source") or draft.source or source
        if not draft.headline:
            first = draft.paragraphs[0]
            draft.headline = derive_headline(first) or " ".join(first.split()[:14])
    return drafts


def _read_line(builder, line, numbers):
    """Add one paragraph line of a plain-text file to the draft being built."""
    credit = photo_credit(line)
    if credit is not None:
        if builder.current is not None and builder.current.paragraphs:
            builder.current.photo_credit = builder.current.photo_credit or credit
        else:
            builder.pending_credit = credit
        return
    kicked = kicker_of(line)
    if kicked:
        kicker, rest = kicked
        deck, body = split_deck(rest)
        builder.start(kicker=kicker, deck=deck)
        builder.add_paragraph(body, numbers, line=rest)
        return
    if (
        (builder.current is None or not builder.current.paragraphs)
        and not CLOSING_RE.search(line)
        and len(WORD_RE.findall(line)) <= HEADLINE_MAX_WORDS
        and not (builder.current and builder.current.headline)
        and parse_byline(line) is None  # "By Jane Doe" is a byline, not a headline
    ):
        if builder.current is None:
            builder.start()
        builder.current.headline = line
        builder.current.lines += numbers
        return
    builder.add_paragraph(line, numbers)


def header_date(value):
    """Return (date, year) from a `Date:` header: a full date, or only a year ("January 2025")."""
    if not value:
        return None, None
    day = parse_date_text(value)
    if day:
        return day, day.year
    year = year_of(value)
    if year:
        return None, year
    return parse_date(value), None  # raises ParseError with the reason


def _take_opening(draft, year_hint):
    """Take a byline line and a dateline off the draft's opening paragraphs.

    The dateline's place and agency are dropped from the body: the place is the story's setting
    (its country is tagged from the text) and the agency is kept as the source when the file
    names none.
    """
    opening = strip_byline_and_dateline(draft.paragraphs, year_hint)
    paragraphs = [p for p in opening.paragraphs if p.strip()]
    if not paragraphs:
        return  # a story that is only a byline or a dateline keeps its text
    draft.paragraphs = paragraphs
    draft.byline = draft.byline or (opening.byline or "")[:200]
    draft.published = draft.published or opening.published
    draft.source = draft.source or (opening.agency or "")[:200]


def page_draft(page, *, published=None, source=""):
    """The draft of a web page (webpage.WebPage): one whole story, never a teaser."""
    if not page.paragraphs:
        raise ParseError("no article text found on the page")
    draft = ArticleDraft(
        paragraphs=list(page.paragraphs),
        headline=page.headline or derive_headline(page.paragraphs[0]),
        deck=page.deck or "",
        byline=(page.byline or "")[:200],
        published=page.published or published,
        source=(page.site_name or page.agency or source or "")[:200],
    )
    return [draft]
