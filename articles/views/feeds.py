"""Atom feeds: the latest stories, and the stories of each entity (one feed class for every
kind; urls.py makes a pattern per kind). The search feed is articles.search's.

Every feed is an `AtomFeed`, whose writer drops the characters XML 1.0 forbids: stored text may
hold a control character (a `.jsonl` story, an admin edit), and Django's writer answers such text
with a 500, or writes U+FFFE and lone surrogates into a document no reader can parse.
"""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator

from articles.models import Article

FEED_SIZE = 30

# What XML 1.0's Char production leaves out: C0 controls but tab, newline and carriage return;
# surrogates (a lone one cannot even be encoded); U+FFFE and U+FFFF.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text):
    """`text` without the characters XML 1.0 forbids (anything else is kept as it is)."""
    return XML_FORBIDDEN.sub("", text) if text else text


class XmlSafeGenerator(SimplerXMLGenerator):
    """Django's XML writer, cleaning text and attribute values instead of refusing them."""

    def characters(self, content):
        super().characters(xml_safe(content))

    def startElement(self, name, attrs):
        if attrs:
            attrs = {key: xml_safe(value) for key, value in attrs.items()}
        super().startElement(name, attrs)


class XmlSafeAtom1Feed(Atom1Feed):
    """The Atom writer of every feed: Atom1Feed.write with the cleaning generator."""

    def write(self, outfile, encoding):
        handler = XmlSafeGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class AtomFeed(Feed):
    """The base of every feed of the site (latest, entities, search): always well-formed XML."""

    feed_type = XmlSafeAtom1Feed


class LatestArticlesFeed(AtomFeed):
    title = "newsarchive: latest stories"
    subtitle = "The newest stories in the archive."

    def link(self):
        return reverse("articles:home")

    def items(self):
        return Article.objects.newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # Feed readers treat the summary as HTML: the text is escaped, never passed through.
        return escape(item.deck or (item.paragraphs[0] if item.paragraphs else ""))

    def item_pubdate(self, item):
        if item.published:
            return datetime.datetime.combine(item.published, datetime.time(), tzinfo=datetime.UTC)
        return item.created

    def item_updateddate(self, item):
        return item.updated


class EntityFeed(LatestArticlesFeed):
    """The stories of one entity; `EntityFeed(Person)` serves every person's feed."""

    model = None

    def __init__(self, model=None):
        super().__init__()
        self.model = model or self.model

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, obj):
        return f"newsarchive: {obj.name}"

    def subtitle(self, obj):
        return f"Stories that mention {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return Article.objects.tagged_with(obj).newest_first()[:FEED_SIZE]
