"""The QuerySets of the archive's models, the tag states they filter by, and the visible tags
story lists show (`TagLink`), read in one query of plain values.

models.py builds its managers from these; the entity kinds come from articles.kinds, imported
when first used because the registry is derived from the models.
"""

from typing import NamedTuple

from django.db import models
from django.db.models import Count, Prefetch, Q

from articles.text import slug_url

# The archive's one story order: newest first, undated stories last, ties by ingestion.
STORY_ORDER = (models.F("published").desc(nulls_last=True), "-created", "-id")


def _kinds():
    """The kinds registry, imported when first used: it is derived from the models."""
    from articles import kinds

    return kinds


class TagState(models.TextChoices):
    AUTO = "auto", "auto (unreviewed)"
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"


class TagOrigin(models.TextChoices):
    EXTRACTOR = "extractor", "extractor"
    EDITOR = "editor", "editor"
    IMPORT = "import", "import"


class EntityQuerySet(models.QuerySet):
    def with_counts(self):
        """Annotate `article_count`: articles tagged with the entity, rejected tags excluded."""
        tag = _kinds().kind_of(self.model).related_name
        return self.annotate(
            article_count=Count(
                tag, filter=~Q(**{f"{tag}__state": TagState.REJECTED}), distinct=True
            )
        )

    def mentioned(self):
        return self.with_counts().filter(article_count__gt=0)


class TagLink(NamedTuple):
    """A visible tag as a story list shows it."""

    kind: str  # person, country or topic
    name: str
    slug: str
    aliases: tuple = None  # loaded for the search index only (None: not loaded)

    @property
    def url(self):
        return slug_url(_kinds().kind(self.kind).detail_url_name, self.slug)


def attach_tag_links(articles, aliases=False, chunk=300):
    """Set each article's `tag_links` (visible tags: people, then countries, then topics, each in
    tag order), in one query of plain values per `chunk` articles; `aliases` loads those too."""
    kinds = _kinds().KINDS
    by_pk = {article.pk: article for article in articles}
    for article in articles:
        article._tag_links = []
    order = {k.name: i for i, k in enumerate(kinds)}
    pks = list(by_pk)
    rows = []
    for start in range(0, len(pks), chunk):
        batch = pks[start : start + chunk]
        parts = [
            k.tag_model.objects.filter(article__in=batch)
            .exclude(state=TagState.REJECTED)
            .annotate(kind=models.Value(k.name, output_field=models.CharField()))
            .values_list(
                "pk",
                "article_id",
                "kind",
                f"{k.name}__name",
                f"{k.name}__slug",
                *([f"{k.name}__aliases"] if aliases else []),
            )
            .order_by()
            for k in kinds
        ]
        rows += parts[0].union(*parts[1:], all=True)
    for _, article_id, kind, name, slug, *more in sorted(
        rows, key=lambda row: (row[1], order[row[2]], row[0])
    ):
        found = tuple(more[0] or ()) if aliases else None
        by_pk[article_id]._tag_links.append(TagLink(kind, name, slug, found))


class ArticleQuerySet(models.QuerySet):
    def dated(self):
        return self.filter(published__isnull=False)

    def undated(self):
        return self.filter(published__isnull=True)

    def newest_first(self):
        return self.order_by(*STORY_ORDER)

    def date_bounds(self):
        """(earliest, latest) publication date, or (None, None): two index look-ups (one query with
        MIN and MAX together reads every row in SQLite)."""
        days = self.dated().order_by().values_list("published", flat=True)
        return days.order_by("published").first(), days.order_by("-published").first()

    def with_tags(self):
        """Visible tags prefetched with their entities (whole rows, for the article page and the
        export): one query per tag kind, not per row."""
        return self.prefetch_related(
            *(
                Prefetch(
                    k.tag_set,
                    k.tag_model.objects.exclude(state=TagState.REJECTED).select_related(k.name),
                )
                for k in _kinds().KINDS
            )
        )

    def with_tag_names(self):
        """Each story's visible tags as links for story lists (`Article.tag_links`), read in one
        query of plain values when the stories are: model instances for the ten-odd tags of each
        of twenty stories cost more than the rest of a list page's queries together."""
        clone = self._chain()
        clone._tag_links = "names"
        return clone

    _tag_links = None  # None, "names", or "aliases" (with_tag_names, for_index)

    def _clone(self):
        clone = super()._clone()
        clone._tag_links = self._tag_links
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._tag_links:
            attach_tag_links(
                [row for row in self._result_cache if isinstance(row, self.model)],
                aliases=self._tag_links == "aliases",
            )

    def for_index(self):
        """What a search document is made of: the text, dates and visible tags' names and aliases
        (`tag_links`, plain values in one query)."""
        clone = self.only(
            "id", "kicker", "headline", "deck", "body", "published", "updated"
        )._chain()
        clone._tag_links = "aliases"
        return clone

    def tagged_with(self, entity):
        """Articles carrying a non-rejected tag for `entity` (a Person, Country or Topic)."""
        kind = _kinds().kind_of(entity)
        return self.filter(**{f"{kind.related_name}__{kind.name}": entity}).exclude(
            **{f"{kind.related_name}__state": TagState.REJECTED}
        )
