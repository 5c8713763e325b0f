"""The archive: articles, the entities they mention, and the tags that link them.

A tag is an explicit through-model row that records where it came from (the extractor or an
editor), its review state and where the entity is mentioned in the body.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse

from articles.ingest.limits import MAX_BODY_CHARS
from articles.querysets import (
    STORY_ORDER,
    ArticleQuerySet,
    EntityQuerySet,
    TagOrigin,
    TagState,
    attach_tag_links,
)
from articles.text import clean_instance_text, slug_url, unique_slug


def _kinds():
    """The kinds registry, imported when first used: it is derived from the models defined here."""
    from articles import kinds

    return kinds


class Entity(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names, one per entry.")
    description = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()

    SEARCH_FIELDS = ("slug", "name", "aliases")  # what an article's search document holds of it
    # The export format (DESIGN.md, articles/exchange/): the keys of the entity in an exported
    # tag, in order ("url" is its page), and the key its kind's CSV column lists.
    EXPORT_KEYS = ("name", "slug", "url")
    EXPORT_CSV_KEY = "name"
    # The entity page's search box: "Search stories about Albania", "... mentioning Edi Rama".
    SEARCH_WITHIN = "about"
    # Whether a story's search document holds the entity's aliases as well as its name.
    INDEX_ALIASES = True

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Fill in a missing slug and tidy the aliases. Renaming, which must leave a redirect
        behind, is `rename()`; saving with `update_fields` outside SEARCH_FIELDS tells the index
        queue that no story's search document changed."""
        self.tidy()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url(_kinds().kind_of(self).detail_url_name, self.slug)

    def clean(self):
        """Admin forms: text without control characters or non-characters, as every other way
        in stores it (articles.text.clean_text)."""
        clean_instance_text(self)

    @transaction.atomic
    def rename(self, name=None, slug=None, aliases=None):
        """Change the entity's name, slug or aliases (those given) and save.

        The old slug becomes a redirect so published addresses keep working, and the save names
        SEARCH_FIELDS so the stories tagged with the entity are re-indexed.
        """
        if name is not None:
            self.name = name
        if slug is not None:
            self.slug = slug
        if aliases is not None:
            self.aliases = aliases
        if self.pk is None:
            self.save()
            return
        model = type(self)
        old_slug = model.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        self.save(update_fields=[*self.SEARCH_FIELDS, "updated"])
        if old_slug and old_slug != self.slug:
            SlugRedirect.objects.update_or_create(
                kind=_kinds().kind_of(model).name,
                old_slug=old_slug,
                defaults={"target_id": self.pk},
            )

    def get_feed_url(self):
        return reverse(_kinds().kind_of(self).feed_url_name, args=[self.slug])

    def tidy(self):
        """Give the entity a slug if it has none, and its aliases as stored: stripped, sorted,
        each once, without the name (what `save()` does; callers comparing values use it too)."""
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk)
        self.aliases = sorted(
            {a.strip() for a in self.aliases or [] if a and a.strip() and a.strip() != self.name}
        )

    @classmethod
    def export_lookup(cls, entry):
        """The lookup that finds the entity of an exported tag (`entry`) again on import."""
        return {"slug": entry.get("slug") or None}

    @property
    def rejected_name(self):
        """What `RejectedName.name` holds when an editor rejects this entity everywhere: the key
        the extractor looks candidates up by (a person's name; a country's code, a topic's slug)."""
        return self.name


class Person(Entity):
    EXPORT_KEYS = ("name", "slug", "url", "aliases")
    SEARCH_WITHIN = "mentioning"

    class Meta(Entity.Meta):
        verbose_name_plural = "people"

    @classmethod
    def export_lookup(cls, entry):
        return {"name": entry["name"]}


class Country(Entity):
    code = models.CharField("ISO 3166-1 alpha-2", max_length=2, unique=True)

    EXPORT_KEYS = ("name", "code", "url")
    EXPORT_CSV_KEY = "code"

    class Meta(Entity.Meta):
        verbose_name_plural = "countries"

    @classmethod
    def export_lookup(cls, entry):
        return {"code": str(entry["code"]).upper()[:2]}

    @property
    def rejected_name(self):
        return self.code

    @property
    def flag(self):
        """The flag emoji, built from the code's regional-indicator letters."""
        if len(self.code) != 2 or not self.code.isalpha():
            return ""
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in self.code.upper())


class Topic(Entity):
    INDEX_ALIASES = False  # a topic's name is a label, not a way the story may be written

    keywords = models.TextField(
        blank=True,
        help_text="One keyword or phrase per line. Matching ignores case and simple plural "
        "endings; a line like 'coup=3' gives that keyword weight 3.",
    )

    @property
    def rejected_name(self):
        return self.slug


class Organisation(Entity):
    """A named organisation: a party, a ministry, a company, an alliance, an armed group...

    `well_known` organisations are recognised in every story by their names and aliases, defined
    there or not (NATO, EU, UN: the shipped list `ingest/data/organisations.json`, seeded by a
    migration); any other organisation is found by its full name, and an acronym the story
    defines ("the Chinese Communist Party (CCP)") becomes its alias.
    """

    class OrganisationKind(models.TextChoices):
        PARTY = "party", "political party"
        GOVERNMENT = "government", "government body"
        INTERNATIONAL = "international", "international organisation"
        COMPANY = "company", "company"
        ARMED_GROUP = "armed_group", "armed group"
        NGO = "ngo", "NGO"
        MEDIA = "media", "media"
        OTHER = "other", "other"

    kind = models.CharField(
        max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="Where the organisation belongs, when that is evident.",
    )
    well_known = models.BooleanField(
        default=False,
        help_text="Recognise it in every story by its name and aliases, acronyms included, even "
        "where the story does not spell it out (the shipped list: NATO, EU, UN...).",
    )

    EXPORT_KEYS = ("name", "slug", "url", "aliases")
    SEARCH_WITHIN = "mentioning"


class RejectedName(models.Model):
    """A name an editor rejected everywhere: the extractor never proposes it again."""

    class Kind(models.TextChoices):
        PERSON = "person", "person"
        COUNTRY = "country", "country"
        TOPIC = "topic", "topic"
        ORGANISATION = "organisation", "organisation"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="unique_rejected_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.kind})"


class Article(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    headline = models.CharField(max_length=300)
    kicker = models.CharField(
        max_length=120, blank=True, help_text="The ALL-CAPS label above a headline."
    )
    deck = models.TextField(blank=True, help_text="The standfirst under the headline.")
    body = models.TextField(help_text="Paragraphs separated by blank lines.")
    published = models.DateField(null=True, blank=True, db_index=True)
    source = models.CharField(max_length=200, blank=True)
    byline = models.CharField(
        max_length=200, blank=True, help_text="The writers' names, as the story credits them."
    )
    source_url = models.URLField(max_length=500, blank=True)
    photo_credit = models.CharField(max_length=200, blank=True)
    truncated = models.BooleanField(default=False, help_text="The text is a cut-off teaser.")
    content_key = models.CharField(
        max_length=80,
        unique=True,
        editable=False,
        help_text="Stable identity of the text, so it is stored once.",
    )
    origin = models.CharField(
        max_length=500, blank=True, editable=False, help_text="Where the text was ingested from."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    people = models.ManyToManyField(Person, through="ArticlePerson", related_name="articles")
    organisations = models.ManyToManyField(
        Organisation, through="ArticleOrganisation", related_name="articles"
    )
    countries = models.ManyToManyField(Country, through="ArticleCountry", related_name="articles")
    topics = models.ManyToManyField(Topic, through="ArticleTopic", related_name="articles")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = list(STORY_ORDER)
        indexes = [models.Index(fields=["published", "created"])]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:article_detail", self.slug)

    def clean(self):
        """Admin forms: cleaned text (articles.text.clean_text) and the story limit of ingest."""
        clean_instance_text(self)
        if len(self.body) > MAX_BODY_CHARS:
            raise ValidationError(
                {"body": f"{len(self.body):,} characters; a story is at most {MAX_BODY_CHARS:,}."}
            )

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def tag_links(self):
        """[TagLink] of the visible tags (read with the list by `with_tag_names`, else now)."""
        if "_tag_links" not in self.__dict__:
            attach_tag_links([self])
        return self._tag_links

    def index_tags(self):
        """tag_links with the entities' aliases, which the search document holds."""
        if "_tag_links" not in self.__dict__ or any(
            link.aliases is None for link in self._tag_links
        ):
            attach_tag_links([self], aliases=True)
        return self._tag_links


class Tag(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    origin = models.CharField(max_length=10, choices=TagOrigin.choices, default=TagOrigin.EXTRACTOR)
    state = models.CharField(
        max_length=10, choices=TagState.choices, default=TagState.AUTO, db_index=True
    )
    mentions = models.PositiveIntegerField(
        default=0, help_text="How often the text mentions the entity."
    )
    offsets = models.JSONField(
        default=list,
        blank=True,
        help_text="[start, end] character spans of the mentions in the body.",
    )
    score = models.FloatField(default=0.0)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated = models.DateTimeField(auto_now=True)

    # How strongly the article is about the entity, as editors see it: mentions counted in the
    # text, or (topics) the keyword rules' score.
    measure = "mentions"

    class Meta:
        abstract = True
        ordering = ["pk"]  # the order they were stored in, on every database

    @property
    def entity(self):
        """The entity (person, organisation, country, topic) the tag links its article to."""
        return getattr(self, _kinds().kind_of(self).name)

    @property
    def is_curated(self):
        """Editors' decisions that no machine may undo."""
        return self.state != TagState.AUTO or self.origin == TagOrigin.EDITOR


class ArticlePerson(Tag):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    role = models.CharField(
        max_length=200, blank=True, help_text="The role the text gives the person."
    )

    class Meta(Tag.Meta):
        verbose_name = "person tag"
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="unique_article_person")
        ]

    def __str__(self):
        return f"{self.person} in {self.article_id}"


class ArticleOrganisation(Tag):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)

    class Meta(Tag.Meta):
        verbose_name = "organisation tag"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organisation"], name="unique_article_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.article_id}"


class ArticleCountry(Tag):
    country = models.ForeignKey(Country, on_delete=models.CASCADE)

    class Meta(Tag.Meta):
        verbose_name = "country tag"
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="unique_article_country")
        ]

    def __str__(self):
        return f"{self.country} in {self.article_id}"


class ArticleTopic(Tag):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE)

    measure = "score"

    class Meta(Tag.Meta):
        verbose_name = "topic tag"
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="unique_article_topic")
        ]

    def __str__(self):
        return f"{self.topic} in {self.article_id}"


class ReviewQueue(Article):
    """Articles with tags the extractor proposed and no editor has reviewed yet (admin only)."""

    class Meta:
        proxy = True
        verbose_name = "article awaiting review"
        verbose_name_plural = "review queue"


class EntityMerge(models.Model):
    """A merge of duplicate entities, logged with enough to undo it."""

    kind = models.CharField(max_length=20)  # a kind's name (articles.kinds): person, ...
    survivor_id = models.BigIntegerField()
    survivor_name = models.CharField(max_length=200)
    merged_name = models.CharField(max_length=200)
    snapshot = models.JSONField(help_text="The merged entity and its tags, as they were.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)
    undone = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.merged_name} → {self.survivor_name}"

    def undo(self):
        """Restore the merged entity, its tags, its address and the survivor as they were;
        return the restored entity. The work is in curation.merging, beside `merge`."""
        from articles.curation import merging

        return merging.undo(self)


# Bookkeeping rows live in records.py; importing them here keeps `articles.models` the one place
# models are imported from.
from articles.records import (  # noqa: E402, F401
    ArticleUpdate,
    IndexQueueEntry,
    LoginAttempts,
    SlugRedirect,
    StoryAnchor,
    TagChange,
)
