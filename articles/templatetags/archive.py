import re

from django import template

from articles.ingest.headlines import teaser_text

register = template.Library()
SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*$")


@register.filter
def script_lang(text):
    """'zh' for text in Chinese characters, 'ja' for kana, 'ko' for hangul, else '' (the page's)."""
    for char in str(text):
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            return "ja"
        if 0xAC00 <= code <= 0xD7AF:
            return "ko"
        if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
            return "zh"
    return ""


@register.filter
def list_teaser(article):
    """The text under a headline in a story list (ingest/headlines.py teaser_text): never the
    headline again, and ending with '…' when it stops short of the story's end."""
    text, cut = teaser_text(article.headline, article.deck, article.paragraphs)
    # Shortened at a sentence end, the full stop already says where it stops: no "….".
    return f"{text}…" if text and cut and not SENTENCE_END_RE.search(text) else text
