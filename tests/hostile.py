"""Helpers for the hostile-input tests: the XSS vector corpus and a checker for executable markup.

`dangers(html)` lists everything in a page that could run script or make the browser fetch from
another origin: elements that have no business in our pages (script without one of our static
files, iframe, object, style, math, noscript, base, ...), event-handler and style attributes,
`formaction`/`srcdoc`/namespaced attributes, and URL attributes that carry javascript:, vbscript:
or data: (after removing the whitespace, control and invisible characters browsers ignore) or
that load from another origin. It parses with the standard library's HTML parser; the real
browser test in test_hostile.py covers a sample of the vectors in Chromium itself.
"""

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

VECTORS_FILE = Path(__file__).parent / "data" / "xss_vectors.txt"
ESCAPE_RE = re.compile(r"\\(t|n|r|\\|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")


def _unescape(match):
    code = match.group(1)
    return {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(code) or chr(int(code[1:], 16))


def load_vectors():
    lines = VECTORS_FILE.read_text(encoding="utf-8").splitlines()
    return [
        ESCAPE_RE.sub(_unescape, line)
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


# Elements our templates (and Django's admin) produce; anything else in a page came from input.
OWN_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "script",
        "a",
        "abbr",
        "article",
        "aside",
        "br",
        "button",
        "caption",
        "code",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "input",
        "label",
        "legend",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "option",
        "p",
        "path",
        "rect",
        "section",
        "select",
        "small",
        "span",
        "strong",
        "summary",
        "svg",
        "symbol",
        "table",
        "tbody",
        "td",
        "text",
        "textarea",
        "th",
        "thead",
        "time",
        "tr",
        "ul",
        "use",
        "g",
        "line",
    ]
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "data",
        "background",
        "poster",
        "to",
        "from",
        "values",
        "formaction",
        "xlink:href",
        "codebase",
        "cite",
        "srcset",
        "ping",
        "dynsrc",
        "lowsrc",
    }
)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
OWN_LINK_RELS = {"stylesheet", "icon", "canonical", "alternate", "shortcut"}


def normalise_url(value):
    """A URL as a browser reads its scheme: no whitespace, control or invisible characters, lower
    case (and, as old Internet Explorer read it, no backtick or quote in front)."""
    return "".join(
        c
        for c in value.lstrip("`'\"")
        if ord(c) > 0x20 and unicodedata.category(c) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
    ).lower()


def _foreign(url, own_hosts):
    match = re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#]*)", url)
    return bool(match) and match.group(1).rsplit("@", 1)[-1].split(":")[0] not in own_hosts


def _own_path(value, fragment=False):
    """A path on our own site (our static files, the admin's scripts), or a #fragment."""
    url = normalise_url(value)
    return (url.startswith("/") and not url.startswith("//")) or (fragment and url.startswith("#"))


class DangerFinder(HTMLParser):
    def __init__(self, own_hosts):
        super().__init__(convert_charrefs=True)
        self.own_hosts = own_hosts
        self.found = []

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in OWN_ELEMENTS:
            self.found.append(f"<{tag}> element")
        if tag == "script" and not _own_path(attributes.get("src") or ""):
            self.found.append(f"<script src={attributes.get('src')!r}>")
        if tag == "meta" and "http-equiv" in attributes:
            self.found.append("<meta http-equiv>")
        if (
            tag == "link"
            and not set((attributes.get("rel") or "").lower().split()) <= OWN_LINK_RELS
        ):
            self.found.append(f"<link rel={attributes.get('rel')!r}>")
        for name, value in attrs:
            value = value or ""
            own_xlink = name == "xlink:href" and _own_path(value, fragment=True)
            if (
                name.startswith("on")
                or name in ("style", "formaction", "srcdoc", "autofocus")
                or (":" in name and not own_xlink)
            ):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES:
                url = normalise_url(value)
                if url.startswith(BAD_SCHEMES):
                    self.found.append(f"<{tag} {name}={value[:40]!r}>")
                elif _foreign(url, self.own_hosts):
                    if tag == "a" and name == "href":
                        rel = set((attributes.get("rel") or "").split())
                        if not {"nofollow", "noopener"} <= rel:
                            self.found.append(
                                f"<a href={value[:40]!r}> without rel=nofollow noopener"
                            )
                    elif (
                        tag == "link"
                        and name == "href"
                        and set((attributes.get("rel") or "").split()) & {"canonical", "alternate"}
                    ):
                        pass  # a link relation, never fetched
                    else:
                        self.found.append(
                            f"<{tag} {name}={value[:40]!r}> loads from another origin"
                        )


def dangers(html, own_hosts=("testserver", "localhost", "127.0.0.1")):
    finder = DangerFinder(set(own_hosts))
    finder.feed(html)
    finder.close()
    return finder.found
