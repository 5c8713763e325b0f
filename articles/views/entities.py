"""The pages of people, countries and topics: a list of each kind, and one page per entity. One
view class serves every kind; urls.py makes a pattern per kind from the registry."""

import logging

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import ListView

from articles.kinds import kind_of
from articles.models import Article, SlugRedirect
from articles.pages import co_mentions, timeline
from articles.search import PAGE_SIZE, aggregates

log = logging.getLogger(__name__)


class EntityListView(ListView):
    """People, countries or topics with their article counts; sortable, filterable by initial."""

    template_name = "articles/entity_list.html"
    context_object_name = "entities"
    paginate_by = 100
    SORTS = {"count": ("-article_count", "name"), "name": ("name",)}

    def get_queryset(self):
        self.sort = (
            self.request.GET.get("sort") if self.request.GET.get("sort") in self.SORTS else "count"
        )
        self.letter = self.request.GET.get("letter", "")[:1].upper()
        entities = self.model.objects.mentioned()
        if self.letter.isalpha():
            entities = entities.filter(name__istartswith=self.letter)
        elif self.letter == "#":
            entities = entities.exclude(name__regex=r"^[A-Za-z]")
        return entities.order_by(*self.SORTS[self.sort])

    def get_context_data(self, **kwargs):
        initials = sorted(
            {
                (name[:1].upper() if name[:1].isascii() and name[:1].isalpha() else "#")
                for name in self.model.objects.mentioned().values_list("name", flat=True)
            }
        )
        kind = kind_of(self.model)
        return super().get_context_data(
            title=kind.label_plural.capitalize(),
            kind=kind.name,
            sort=self.sort,
            letter=self.letter,
            initials=initials,
            **kwargs,
        )


class SlugRedirectMixin:
    """Find `self.entity` by the URL's slug; a renamed or merged entity's old address redirects
    (301) to its page for good, and an unknown slug is a 404."""

    model = None

    def get(self, request, *args, **kwargs):
        self.entity = self.model.objects.filter(slug=kwargs["slug"]).first()
        if self.entity is not None:
            return super().get(request, *args, **kwargs)
        moved = SlugRedirect.objects.filter(
            kind=kind_of(self.model).name, old_slug=kwargs["slug"]
        ).first()
        target = self.model.objects.filter(pk=moved.target_id).first() if moved else None
        if target is None:
            raise Http404(f"No {self.model._meta.verbose_name} at this address.")
        return redirect(target, permanent=True)


class EntityDetailView(SlugRedirectMixin, ListView):
    """One entity and its stories, newest first, paginated."""

    template_name = "articles/entity_detail.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Article.objects.tagged_with(self.entity).newest_first().with_tag_names()

    def paginate_queryset(self, queryset, page_size):
        """The page of stories from the search index (a tag shared by most stories would cost the
        database a count and a sort of all of them), the database as the fallback."""
        try:
            paginator, page, results, is_paginated = super().paginate_queryset(
                aggregates.stories_tagged(self.entity), page_size
            )
            pks = [int(result.pk) for result in results if result is not None]
        except Http404:
            raise
        except Exception as exc:  # noqa: BLE001 - any engine failure: list from the database
            log.warning("search index unavailable for the stories of %s: %s", self.entity, exc)
            return super().paginate_queryset(queryset, page_size)
        found = Article.objects.with_tag_names().in_bulk(pks)
        page.object_list = [found[pk] for pk in pks if pk in found]
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entity=self.entity,
            kind=kind_of(self.model).name,
            kind_label=kind_of(self.model).label,
            search_within=kind_of(self.model).search_within,
            timeline=timeline(self.entity),
            co_mentions=co_mentions(self.entity),
            **kwargs,
        )
