"""The one place bleach is used, and the only ways code outside templates makes safe HTML.

- `html_to_text`: an ingested HTML document reduced to plain text paragraphs.
- `clean_html`: markup we build from stored text (entity links) kept to a strict allow-list;
  `cleaned` marks its result safe for templates.
- `marked_snippet`: escaped text with search matches in <mark>.
- `format_html`, `format_html_join`: Django's builders that escape every value (for the SVG
  timeline); nothing else calls mark_safe.
"""

import html
import re
import threading

import bleach
from bleach.html5lib_shim import Filter
from bleach.linkifier import LinkifyFilter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

__all__ = [
    "clean_html",
    "cleaned",
    "format_html",
    "format_html_join",
    "html_to_text",
    "marked_snippet",
    "strip_tags",
]

# Elements whose content is never article text.
DROP_CONTENT_RE = re.compile(
    r"<(script|style|noscript|template|iframe|object|embed|svg|math|head|nav|footer|aside|form|select|button|textarea)"
    r"\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
BLOCK_END_RE = re.compile(
    r"<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote|/tr|/article|/section|/figcaption|hr)\b[^>]*>", re.I
)
TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
INVISIBLE_RE = re.compile(
    r"[\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)

ALLOWED_TAGS = frozenset({"a", "p", "em", "strong", "mark", "br"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "class", "rel"], "mark": ["class"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def strip_tags(fragment):
    """Text of an HTML fragment, entities decoded, no markup left."""
    text = bleach.clean(fragment, tags=set(), attributes={}, strip=True, strip_comments=True)
    return INVISIBLE_RE.sub("", html.unescape(text))


def html_to_text(document):
    """Reduce an HTML document to text: a 'Headline:' line when it has one, then one paragraph
    per line."""
    document = COMMENT_RE.sub("", document)
    heading = H1_RE.search(document) or TITLE_RE.search(document)
    headline = " ".join(strip_tags(heading.group(1)).split()) if heading else ""
    body = DROP_CONTENT_RE.sub(" ", document)
    body = H1_RE.sub(" ", body, count=1) if headline else body
    body = TITLE_RE.sub(" ", body)
    body = BLOCK_END_RE.sub("\n", body)
    lines = [" ".join(line.split()) for line in strip_tags(body).split("\n")]
    text = "\n".join(line for line in lines if line)
    return f"Headline: {headline}\n\n{text}" if headline else text


EXTERNAL_RE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:|//)", re.IGNORECASE)
LINK_REL = "nofollow noopener"


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


class ExternalLinksFilter(Filter):
    """Every kept link that leaves the site (an absolute URL) gets rel="nofollow noopener"."""

    def __iter__(self):
        for token in super().__iter__():
            is_link = token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a"
            if is_link and EXTERNAL_RE.match(token["data"].get((None, "href"), "")):
                token["data"][(None, "rel")] = LINK_REL
            yield token


_cleaners = threading.local()  # a bleach Cleaner is not thread-safe, and costly to build


def _cleaner(linkify):
    cleaner = getattr(_cleaners, str(linkify), None)
    if cleaner is None:
        filters = (
            [lambda source: LinkifyFilter(source, callbacks=[_nofollow], skip_tags={"a"})]
            if linkify
            else []
        )
        filters.append(ExternalLinksFilter)
        cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            filters=filters,
        )
        setattr(_cleaners, str(linkify), cleaner)
    return cleaner


def clean_html(fragment, linkify=False):
    """Sanitise markup to the allow-list; optionally turn bare URLs into links. Links that leave the
    site always carry rel="nofollow noopener"."""
    return _cleaner(linkify).clean(fragment)


def marked_snippet(text, start, end, spans):
    """text[start:end] escaped, each (s, e) span inside it in <mark>, with ellipses where cut."""
    out, last = [], start
    for s, e in spans:
        out.append(html.escape(text[last:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        last = e
    out.append(html.escape(text[last:end]))
    return mark_safe(("… " if start > 0 else "") + "".join(out) + (" …" if end < len(text) else ""))


def cleaned(fragment):
    """clean_html's result, safe for templates."""
    return mark_safe(clean_html(fragment))
