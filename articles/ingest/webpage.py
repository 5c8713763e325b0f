"""A news web page to its story: headline, paragraphs, byline, date, site name and standfirst.

trafilatura finds the main text and the page metadata. What it leaves behind is fixed here, each
rule measured on the hand-written pages of tests/data/parsing:

- Headline: the article's own <h1>/<h2> (inside <article>, <main> or a story container, never a
  logo's or site title's heading) over trafilatura's title, which can be the site's name; then
  JSON-LD `headline`, og:title, and <title> without its " | Site" suffix.
- Text: "By ..." lines (they become the byline), "Read more", related and most-read lists, share,
  cookie and advert lines, captions and the standfirst are dropped; a wire dateline is taken off
  the first paragraph (articles.ingest.datelines).
- Date: the publication date only (JSON-LD `datePublished`, `article:published_time`, a <time>
  or a visible "Posted 14 September 2023" that is not an update), never `dateModified`. A date
  trafilatura (htmldate) reports is used only when the page itself writes it, so no date is
  guessed.

Hostile pages: scripts, styles, comments, SVG and embeds are cut out before any parser sees them,
every returned string is plain text (anything markup-like goes through articles.sanitize), and a
page with no readable story raises WebPageError with a one-line reason. Memory: trafilatura holds
about 30 times its input, so it is given at most MAX_MARKUP_CHARS of markup (scripts already cut),
read from the top; a page longer than that is read in part and `WebPage.cut` says so.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from articles.ingest.datelines import (
    DATE_IN_TEXT_RE,
    parse_byline,
    parse_date_text,
    strip_byline_and_dateline,
)
from articles.sanitize import strip_tags

MAX_MARKUP_CHARS = 2_000_000  # about 70 MB of trafilatura's working memory at most
MAX_JSON_LD_CHARS = 200_000
DROP_OPEN_RE = re.compile(
    r"<!--|<(script|style|noscript|template|svg|math|iframe|object|embed)\b[^<>]{0,2000}>", re.I
)
LOGO_RE = re.compile(r"logo|site-?title|site-?name|brand|masthead|blog-?name", re.I)
STORY_RE = re.compile(r"article|story|post|entry|content|wire|headline|main", re.I)
TITLE_CLASS_RE = re.compile(r"headline|entry-title|article-title|story-title|post-title", re.I)
DECK_RE = re.compile(r"standfirst|\bdek\b|\bdeck\b|summary|sub-?head|strapline|excerpt", re.I)
BYLINE_CLASS_RE = re.compile(r"byline|author", re.I)
DATE_CLASS_RE = re.compile(r"date|time|posted|published|meta", re.I)
POSTED_RE = re.compile(r"(?:posted|(?:first )?published)\b|date\s*:", re.I)
UPDATED_RE = re.compile(r"updat|modif|edited|ago\b", re.I)
COMMENTS_RE = re.compile(r"comment|respond|reply", re.I)
TITLE_SPLIT_RE = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
CLUTTER_RE = re.compile(
    r"^(?:read more|related(?: stories| coverage| articles)?|more from|most (?:read|popular)"
    r"|trending|advertisement|sponsored|share (?:on|this|via)|post on|tweet|email|print"
    r"|sign up|subscribe|follow us|newsletter|posted in|filed under|tags?:|categories?:"
    r"|photo(?:graph)?:|image:|credit:|comments?\b|leave a (?:reply|comment)|we use cookies"
    r"|accept(?: all)? cookies|cookie settings|this site uses|back to top|top of page)",
    re.I,
)
CLUTTER_MAX_WORDS = 20
MIN_STORY_WORDS = 8  # less than this left after clutter ("Home", "Menu") is no story


OUTSIDE_STORY = {"nav", "header", "footer", "aside", "form", "figure", "figcaption"}


class WebPageError(ValueError):
    """The page holds no story trafilatura can read; the message says why in one line."""


@dataclass
class WebPage:
    headline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    byline: str | None = None  # person names only, joined with " and "
    published: dt.date | None = None
    site_name: str = ""
    deck: str = ""  # the standfirst, when the page shows one
    place: str | None = None  # a wire dateline's place, taken off the first paragraph
    agency: str | None = None
    cut: bool = False  # the page was longer than MAX_MARKUP_CHARS and was read in part


def _dropped_end(html, opener, tag):
    """Where a dropped element ends. An unclosed comment, script or style runs to the end, as a
    browser reads it; <embed> has no content, and an unclosed <svg> or <iframe> loses its tag only.
    """
    if tag == "embed":
        return opener.end()
    close = re.compile(rf"</{tag}\s*>" if tag else "-->", re.I).search(html, opener.end())
    if close:
        return close.end()
    return len(html) if tag in (None, "script", "style") else opener.end()


def prepare_markup(html: str, limit: int = MAX_MARKUP_CHARS) -> tuple[str, bool]:
    """(markup without scripts, styles, comments or embeds, at most `limit` chars, cut?).

    One forward scan; it stops as soon as `limit` characters are kept, so a 50 MB page costs no
    more than a small one. JSON-LD scripts are kept (trafilatura and we read metadata from them).
    """
    kept, size, pos = [], 0, 0
    while pos < len(html) and size < limit:
        opener = DROP_OPEN_RE.search(html, pos)
        stop = opener.start() if opener else len(html)
        piece = html[pos : min(stop, pos + limit - size)]
        kept.append(piece)
        size += len(piece)
        if size >= limit or opener is None:
            pos += len(piece)
            break
        tag = opener.group(1).lower() if opener.group(1) else None
        end = _dropped_end(html, opener, tag)
        json_ld = tag == "script" and "ld+json" in opener.group().lower()
        if json_ld and end - opener.start() <= MAX_JSON_LD_CHARS:
            kept.append(html[opener.start() : end])
            size += end - opener.start()
        kept.append(" ")  # so "<scr" + "ipt>" around a dropped block never forms a new tag
        size += 1
        pos = end
    cut = pos < len(html) and bool(html[pos : pos + 4096].strip())
    text = "".join(kept)
    if cut:
        text = text[: text.rfind("<")] if "<" in text else text
    return text, cut


def _text(element):
    return " ".join("".join(element.itertext()).split())


def _classes(element):
    return f"{element.get('class', '')} {element.get('id', '')}"


def _in_story(element):
    """Is the element inside <article>, <main> or a container named like a story?"""
    for node in element.iterancestors():
        if node.tag in ("article", "main") or STORY_RE.search(_classes(node)):
            return True
    return False


def _is_logo(element):
    if LOGO_RE.search(_classes(element)):
        return True
    return any(LOGO_RE.search(_classes(a)) or a.tag == "nav" for a in element.iterancestors())


def _own_heading(tree):
    """The article's own heading: an h1/h2 in the story, or a titled element, never a logo."""
    candidates = []
    for rank, path in enumerate(("//h1", "//h2", "//*[@class]")):
        for element in tree.xpath(path):
            if rank == 2 and not TITLE_CLASS_RE.search(element.get("class", "")):
                continue
            text = _text(element)
            if not text or _is_logo(element) or len(text.split()) > 30:
                continue
            story = _in_story(element) or TITLE_CLASS_RE.search(_classes(element))
            candidates.append((0 if story else 1, rank, text))
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2] if candidates and candidates[0][0] == 0 else ""


def _json_ld(tree):
    """Every JSON-LD object on the page, @graph members included; broken blocks are skipped."""
    found = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
    return found


def _meta(tree, *names):
    for name in names:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            if values and values[0].strip():
                return " ".join(values[0].split())
    return ""


def _strip_site_name(title, site_name):
    """'Story | Site' or 'Site :: Story' -> 'Story': the part that is not the site's name.

    Without a known site name, the shorter side of the last separator is taken for the site.
    """
    parts = TITLE_SPLIT_RE.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        rest = [p for p in parts if p.strip() and p.strip().lower() != site_name.lower()]
        if len(rest) < len(parts):
            return " - ".join(rest) if rest else title
    head, tail = TITLE_SPLIT_RE.split(title, maxsplit=1)[0], parts[-1]
    if len(parts) == 2:
        return head if len(head) >= len(tail) else tail
    return title[: title.rfind(tail)].rstrip(" |-–—:·»") or title


def _visible_extension(tree, title):
    """A short visible line that starts with the <title>'s words and says more (old table layouts
    put the full headline in <b> or <font>, and a shortened one in <title>)."""
    if len(title.split()) < 3:
        return ""
    for element in tree.xpath("//b | //strong | //font | //span | //div | //td | //p"):
        text = _text(element)
        if text != title and text.startswith(title) and len(text.split()) <= 25:
            return text
    return ""


def _headline(tree, document, ld_items, site_name):
    own = _own_heading(tree)
    if own:
        return own
    for item in ld_items:
        if isinstance(item.get("headline"), str) and item["headline"].strip():
            return " ".join(item["headline"].split())
    title = _meta(tree, "og:title") or (document.title if document else "") or ""
    if not title or title == site_name:
        page_title = tree.xpath("//title")
        title = _text(page_title[0]) if page_title else ""
    title = _strip_site_name(title, site_name)
    return _visible_extension(tree, title) or title


def _author_names(value):
    """Person names from a JSON-LD author value (dict, list or string)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and item.get("@type") not in (None, "Person"):
            continue
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _byline(tree, document, ld_items):
    """Person names: the visible byline, else JSON-LD authors, else meta/trafilatura's author."""
    sources = []
    for element in tree.xpath("//*[@class or @rel or @itemprop]"):
        marker = f"{_classes(element)} {element.get('rel', '')} {element.get('itemprop', '')}"
        if BYLINE_CLASS_RE.search(marker) and not _is_logo(element):
            sources.append(_text(element))
    for item in ld_items:
        if item.get("author"):
            sources.append(", ".join(_author_names(item["author"])))
    for line in _posted_lines(tree):
        match = re.search(r"\bby\s+(\S.*)$", line, re.I)
        sources.append(match.group(1) if match else "")
    sources += [
        _meta(tree, "author"),
        (document.author or "").replace(";", ",") if document else "",
    ]
    for text in sources:
        text = re.sub(r"^(?:posted|words|written)\s+", "", text.strip(), flags=re.I)
        parsed = parse_byline(text if re.match(r"by\b", text, re.I) else f"By {text}")
        if parsed and parsed.names:
            return " and ".join(parsed.names)
    return None


def _before(element):
    """The text just before an element (", updated " before a second <time>)."""
    previous = element.getprevious()
    if previous is not None:
        return previous.tail or ""
    parent = element.getparent()
    return (parent.text or "") if parent is not None else ""


def _in_comments(element):
    return any(COMMENTS_RE.search(_classes(a)) for a in element.iterancestors())


def _visible_date(tree):
    """A publication date the page writes: <time datetime> or a dated meta line, not updates."""
    for element in tree.xpath("//time | //*[@class]"):
        if element.tag != "time" and not DATE_CLASS_RE.search(_classes(element)):
            continue
        value = element.get("datetime") or _text(element)
        context = f"{_classes(element)} {_before(element)[-40:]} {_text(element)}"
        if len(value) > 80 or UPDATED_RE.search(context) or _in_comments(element):
            continue
        found = parse_date_text(value)
        if found:
            return found
    return None


def _posted_lines(tree):
    """Short visible lines such as 'Posted 14 September 2023 by Jane Doe', top of page first."""
    for element in tree.iter():
        text = (element.text or "").strip() if isinstance(element.tag, str) else ""
        if POSTED_RE.match(text) and len(text.split()) <= 20 and not UPDATED_RE.search(text):
            yield " ".join(text.split())


def _posted_date(tree):
    for line in _posted_lines(tree):
        match = DATE_IN_TEXT_RE.search(line)
        found = parse_date_text(match.group()) if match else None
        if found:
            return found
    return None


def _published(tree, document, ld_items, page_text):
    for item in ld_items:
        if isinstance(item.get("datePublished"), str):
            found = parse_date_text(item["datePublished"])
            if found:
                return found
    for name in ("article:published_time", "datePublished", "og:published_time", "pubdate"):
        found = parse_date_text(_meta(tree, name))
        if found:
            return found
    found = _visible_date(tree) or _posted_date(tree)
    if found:
        return found
    guessed = parse_date_text(document.date) if document and document.date else None
    return guessed if guessed and guessed.isoformat() in page_text else None


def _drop_texts(tree):
    """Texts on the page that are never story paragraphs: captions, bylines, dated meta lines."""
    drop = set()
    for element in tree.xpath("//figcaption | //*[@class]"):
        if element.tag == "figcaption" or BYLINE_CLASS_RE.search(_classes(element)):
            drop.add(_text(element))
    return {text for text in drop if text}


def _is_clutter(line, drop):
    if line in drop or any(line.startswith(text) for text in drop if len(text) > 20):
        return True
    return len(line.split()) <= CLUTTER_MAX_WORDS and bool(CLUTTER_RE.match(line))


def _deck(tree):
    """The standfirst shown on the page (a deck/summary element in the story), if any."""
    for element in tree.xpath("//*[@class]"):
        if DECK_RE.search(element.get("class", "")) and _in_story(element):
            text = _text(element)
            if 4 <= len(text.split()) <= 80:
                return text
    return ""


def _plain(text):
    """Plain text: a line that could hold markup goes through the bleach module."""
    return " ".join((strip_tags(text) if "<" in text else text).split())


def _extract(markup):
    """(tree, trafilatura document) for prepared markup, or WebPageError."""
    tree = load_html(markup) if markup.strip() else None
    if tree is None:
        raise WebPageError("not an HTML page (no document could be parsed)")
    try:
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise WebPageError(f"trafilatura could not read the page: {exc}") from None
    return tree, document


def _paragraphs(tree, document):
    """The story's paragraphs as plain lines.

    On a page too small or too plain for its article finder, trafilatura falls back to the
    page's text with a line break at every element, splitting paragraphs at inline tags ("in
    <b>Manila</b> worked"); the page's own <p> elements are read instead then.
    """
    body = document.body if document is not None else None
    blocks = list(body) if body is not None else []
    if len(blocks) <= 1:
        own = [
            " ".join("".join(p.itertext()).split())
            for p in tree.iter("p")
            if not any(a.tag in OUTSIDE_STORY for a in p.iterancestors())
        ]
        if any(own):
            return [_plain(text) for text in own]
    text = (document.text or "") if document is not None else ""
    return [_plain(line) for line in text.split("\n")]


def read_web_page(html: str, url: str = "") -> WebPage:
    """The story on a web page, as plain text. Raises WebPageError when there is none."""
    markup, cut = prepare_markup(html)
    tree, document = _extract(markup)
    lines = _paragraphs(tree, document)
    if not any(lines):
        raise WebPageError("no article text found on the page")
    ld_items = _json_ld(tree)
    site_name = _meta(tree, "og:site_name") or (document.sitename if document else "") or ""
    page = WebPage(site_name=_plain(site_name), cut=cut)
    page.headline = _plain(_headline(tree, document, ld_items, page.site_name))
    page.byline = _byline(tree, document, ld_items)
    page.published = _published(tree, document, ld_items, f"{markup} {url}")
    page.deck = _plain(_deck(tree))
    drop = _drop_texts(tree) | {page.headline, page.deck}
    paragraphs = [line for line in lines if line and not _is_clutter(line, drop)]
    year = page.published.year if page.published else None
    opening = strip_byline_and_dateline(paragraphs, year)
    page.paragraphs = [p for p in opening.paragraphs if p.strip()]
    page.byline = page.byline or opening.byline
    page.published = page.published or opening.published
    page.place, page.agency = opening.place, opening.agency
    if sum(len(p.split()) for p in page.paragraphs) < MIN_STORY_WORDS:
        raise WebPageError("no article text found on the page (only navigation or clutter)")
    return page
