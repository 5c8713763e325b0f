"""Atom feeds: the latest stories, and the stories of each entity (one feed class for every
kind; urls.py makes a pattern per kind). The search feed is articles.search's."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles.models import Article

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
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
