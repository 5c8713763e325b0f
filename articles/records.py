"""The archive's bookkeeping rows: the index queue, old-slug redirects, story identity's anchors,
a story's text updates, the history of tag changes, and the admin sign-in attempt counts.

They are imported into `articles.models`, which stays the one place to import models from.
"""

from django.conf import settings
from django.db import models

from articles.models import Article


class IndexQueueEntry(models.Model):
    """An article whose search document must be rewritten (or removed) by the single index writer.

    Web processes and ingest only add rows here; `manage.py drain_index_queue` is the one writer.
    """

    article_id = models.BigIntegerField(db_index=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "index queue entry"
        verbose_name_plural = "index queue"

    def __str__(self):
        return f"article {self.article_id}"


class SlugRedirect(models.Model):
    """An entity's old slug (after a slug edit or a merge): its URL redirects to the entity."""

    kind = models.CharField(max_length=20)  # a kind's name (articles.kinds): person, ...
    old_slug = models.SlugField(max_length=120)
    target_id = models.BigIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "old_slug"], name="unique_old_slug")]

    def __str__(self):
        return f"{self.kind} {self.old_slug} -> {self.target_id}"


class ArticleUpdate(models.Model):
    """A later version of a story that changed the stored article: the story's text history."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="updates")
    origin = models.CharField(max_length=500, help_text="The file the new version came from.")
    fields = models.JSONField(default=list, help_text="The fields the new version changed.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{', '.join(self.fields)} from {self.origin}"


class StoryAnchor(models.Model):
    """A hash of one of the opening word runs of a story's body (articles/ingest/identity.py).

    Ingest looks up a new story's anchors to find the stored versions of the same story (a
    corrected word, a teaser and its full text), which the stories' shingles then confirm.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="anchors")
    key = models.CharField(max_length=16, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="unique_story_anchor")
        ]

    def __str__(self):
        return f"{self.key} -> {self.article_id}"


class LoginAttempts(models.Model):
    """Sign-in attempts per key (an address, or an address with a username), counted by
    newsarchive.login_throttle with one atomic UPDATE per attempt; a row restarts at 1 once its
    window has passed. Keys are hashes: no address or username is stored in clear."""

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    started = models.FloatField(help_text="When the current window began (Unix time).")

    class Meta:
        verbose_name_plural = "login attempts"

    def __str__(self):
        return f"{self.key[:12]}…: {self.count}"


class TagChange(models.Model):
    """One editor's change to an article's tags: the history shown on the article's admin page."""

    class Action(models.TextChoices):
        ADDED = "added", "added"
        CONFIRMED = "confirmed", "confirmed"
        REJECTED = "rejected", "rejected"
        REOPENED = "auto", "set back to unreviewed"
        REMOVED = "removed", "removed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tag_changes")
    kind = models.CharField(max_length=20)  # a kind's name (articles.kinds): person, ...
    entity_name = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.entity_name} {self.action}"
