"""Parse article text in the seed format into drafts.

The seed format: one paragraph per line; several articles run together in one file. A line that
opens with an ALL-CAPS kicker followed by ':' or '?' starts a new article; a long line that stops
mid-sentence is a cut-off teaser and ends its article; a line such as 'Photo: AP' is a photo
credit. A file may open with 'Headline:', 'Date:', 'Source:' and 'URL:' lines and a blank line.
"""

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field

from articles.ingest.lexicon import NAME_PARTICLES

HEADER_RE = re.compile(r"^(headline|date|source|url)\s*:\s*(.*)$", re.IGNORECASE)
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
CJK_PAREN_RE = re.compile(r"\s*[(（][\u3400-\u9fff\uf900-\ufaff\s·]+[)）]")

# A line without closing punctuation counts as cut off only when it is this long; shorter lines
# are headlines (at the start of an article) or sub-headings.
TRUNCATED_MIN_WORDS = 16
HEADLINE_MAX_WORDS = 20
DECK_MIN_WORDS = 5
DECK_MAX_WORDS = 60

# Words after which a capitalised word continues the same sentence (so the deck does not end there).
CONTINUING_WORDS = (
    frozenset(
        [
            "a",
            "an",
            "the",
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "from",
            "by",
            "with",
            "and",
            "or",
            "nor",
            "but",
            "as",
            "than",
            "that",
            "which",
            "who",
            "whom",
            "whose",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "said",
            "says",
            "told",
            "into",
            "onto",
            "over",
            "under",
            "about",
            "after",
            "before",
            "between",
            "against",
            "during",
            "without",
            "within",
            "among",
            "across",
            "toward",
            "towards",
            "via",
            "per",
            "like",
            "including",
            "near",
            "his",
            "her",
            "their",
            "its",
            "our",
            "my",
            "your",
            "this",
            "these",
            "those",
            "former",
            "late",
            "new",
            "then",
            "ex-",
            "president",
            "minister",
            "premier",
            "chancellor",
            "leader",
            "chief",
            "general",
            "secretary",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "envoy",
            "ambassador",
            "king",
            "queen",
            "prince",
            "princess",
            "mayor",
            "governor",
            "senator",
            "lawmaker",
            "rival",
            "candidate",
            "opponent",
            "ally",
            "counterpart",
            "director",
            "chairman",
            "chairwoman",
            "head",
            "commander",
            "dictator",
            "pope",
            "officials",
            "official",
            "representative",
            "member",
            "members",
            "party",
            "of-the",
        ]
    )
    | NAME_PARTICLES
)
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
    position: int = 0  # index of the article in its file
    lines: list = field(default_factory=list)  # indexes of the input lines this article holds

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)


WEEKDAY_RE = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
ORDINAL_RE = re.compile(r"(\d)(?:st|nd|rd|th)\b")


def parse_date(value):
    """A date as news texts write it: 2024-05-13, 13 May 2024, May 13, 2024, Thu, Apr 16, 2026, RFC 2822."""
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


def split_deck(text):
    """Split a kicker line's text into (deck, body start).

    Teasers run the deck straight into the body: '... with his wife and dog Tributes poured in'.
    The deck ends where a capitalised word follows a lower-case word with no punctuation between,
    unless that lower-case word is one a sentence continues after ('in Tirana', 'president Jose').
    """
    words = list(WORD_RE.finditer(text))
    for i in range(DECK_MIN_WORDS, min(len(words), DECK_MAX_WORDS)):
        prev, cur = words[i - 1].group(), words[i].group()
        if SENTENCE_END_RE.search(text[words[0].start() : words[i].start()]):
            return "", text  # the deck was a whole sentence: no run-on to split
        if not re.fullmatch(r"[a-z][a-z’'\-]*", prev) or prev in CONTINUING_WORDS:
            continue
        if re.match(r"[“\"‘]?[A-Z][a-z]", cur):
            return text[: words[i - 1].end()].strip(), text[words[i].start() :].strip()
    return "", text


def _clause_boundaries(sentence):
    """Offsets where a headline may stop: clause punctuation or before a long quotation."""
    in_quote = False
    for m in re.finditer(r"[“”\"]|[,;:—–]|\s-\s|\(", sentence):
        ch = m.group()
        if ch in '“"' and not in_quote:
            close = re.search(r"[”\"]", sentence[m.end() :])
            quoted = sentence[m.end() : m.end() + close.start()] if close else sentence[m.end() :]
            if len(quoted.split()) >= 3:
                yield m.start()
            in_quote = True
        elif ch in '”"':
            in_quote = False
        elif not in_quote:
            yield m.start()


def derive_headline(text, min_chars=40, max_chars=110, max_clause_chars=140):
    """A headline from the lede: its first sentence, cut at a clause boundary when long."""
    text = CJK_PAREN_RE.sub("", text).strip()
    first = SENTENCE_END_RE.split(text, maxsplit=1)[0].strip()
    if len(first) <= max_chars:
        return first.rstrip(".")
    for cut in _clause_boundaries(first):
        if min_chars <= cut <= max_clause_chars:
            return first[:cut].strip()
    shortened = first[:max_chars].rsplit(" ", 1)[0].rstrip(",;:—– ")
    return shortened + "…"


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

    def add_paragraph(self, text, number):
        if self.current is None:
            self.start()
        self.current.paragraphs.append(text)
        self.current.lines.append(number)
        if is_cut_off(text):
            self.current.truncated = True
            self.finish()


def parse_text(text, *, published=None, source=""):
    """Parse text into a list of ArticleDraft. Raises ParseError if it holds no article."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = text.split("\n")
    header, lines = split_header(lines)
    builder = _Builder()
    offset = len(text.split("\n")) - len(lines)  # header lines
    for number, raw in enumerate(lines, offset):
        line = " ".join(raw.split())
        if not line:
            continue
        credit = photo_credit(line)
        if credit is not None:
            if builder.current is not None and builder.current.paragraphs:
                builder.current.photo_credit = builder.current.photo_credit or credit
            else:
                builder.pending_credit = credit
            continue
        kicked = kicker_of(line)
        if kicked:
            kicker, rest = kicked
            deck, body = split_deck(rest)
            builder.start(kicker=kicker, deck=deck)
            builder.add_paragraph(body, number)
            continue
        if (
            (builder.current is None or not builder.current.paragraphs)
            and not CLOSING_RE.search(line)
            and len(WORD_RE.findall(line)) <= HEADLINE_MAX_WORDS
            and not (builder.current and builder.current.headline)
        ):
            if builder.current is None:
                builder.start()
            builder.current.headline = line
            builder.current.lines.append(number)
            continue
        builder.add_paragraph(line, number)
    builder.finish()
    drafts = builder.drafts
    if not drafts:
        raise ParseError("no article text found")

    if header.get("date"):
        published = parse_date(header["date"])
    source = header.get("source") or source
    if header.get("headline"):
        drafts[0].headline = header["headline"]
    if header.get("url"):
        # The source link is shown as <a href>: only a web address, never javascript: or data:.
        if not SOURCE_URL_RE.match(header["url"]):
            raise ParseError(f"URL: {header['url'][:60]!r} is not an http:// or https:// address")
        drafts[0].url = header["url"]
    for draft in drafts:
        draft.published = draft.published or published
        draft.source = draft.source or source
        if not draft.headline:
            draft.headline = derive_headline(draft.paragraphs[0])
    return drafts
