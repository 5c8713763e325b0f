"""Reader-facing pages. Query logic lives in the QuerySets; views stay short."""

import logging

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView

from articles.models import Article, Country, Person, SlugRedirect, Topic
from articles.pages import co_mentions, linked_body, neighbours, related_by_entities, timeline
from articles.search import aggregates as stats
from articles.search.service import more_like_this

log = logging.getLogger(__name__)

PAGE_SIZE = 20
TOP_ENTITIES = 10


class HomeView(ListView):
    template_name = "articles/home.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.newest_first().with_tag_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        top = stats.top_entities(["person", "country", "topic"], TOP_ENTITIES)
        for kind, model in (("person", Person), ("country", Country), ("topic", Topic)):
            if top is None:  # the index cannot answer: count in the database
                entities = list(
                    model.objects.mentioned().order_by("-article_count", "name")[:TOP_ENTITIES]
                )
            else:
                entities = [entity for entity, _ in top[kind]]
                for entity, n in top[kind]:
                    entity.article_count = n
            context[f"top_{model._meta.verbose_name_plural}"] = entities
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.with_tags()

    def get_context_data(self, **kwargs):
        article = self.object
        newer, older = neighbours(article)
        return super().get_context_data(
            body=linked_body(article),
            related=related_by_entities(article),
            more_like_this=more_like_this(article),
            newer=newer,
            older=older,
            **kwargs,
        )


class EntityListView(ListView):
    """People, countries or topics with their article counts; sortable, filterable by initial."""

    template_name = "articles/entity_list.html"
    context_object_name = "entities"
    paginate_by = 100
    title = ""
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
        return super().get_context_data(
            title=self.title,
            kind=self.model._meta.model_name,
            sort=self.sort,
            letter=self.letter,
            initials=initials,
            **kwargs,
        )


class EntityDetailView(ListView):
    """One entity and its stories, newest first, paginated."""

    template_name = "articles/entity_detail.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    model = None

    def get(self, request, *args, **kwargs):
        self.entity = self.model.objects.filter(slug=kwargs["slug"]).first()
        if self.entity is None:
            # A renamed or merged entity: its old address redirects for good.
            moved = SlugRedirect.objects.filter(
                kind=self.model._meta.model_name, old_slug=kwargs["slug"]
            ).first()
            target = self.model.objects.filter(pk=moved.target_id).first() if moved else None
            if target is None:
                raise Http404(f"No {self.model._meta.verbose_name} at this address.")
            return redirect(target, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.tagged_with(self.entity).newest_first().with_tag_names()

    def paginate_queryset(self, queryset, page_size):
        """The page of stories from the search index (a tag shared by most of 100,000 stories costs
        the database a count and a sort of every one of them), the database as the fallback."""
        try:
            paginator, page, results, is_paginated = super().paginate_queryset(
                stats.stories_tagged(self.entity), page_size
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
            kind=self.model._meta.model_name,
            timeline=timeline(self.entity),
            co_mentions=co_mentions(self.entity),
            **kwargs,
        )


class PersonListView(EntityListView):
    model = Person
    title = "People"


class CountryListView(EntityListView):
    model = Country
    title = "Countries"


class TopicListView(EntityListView):
    model = Topic
    title = "Topics"


class PersonDetailView(EntityDetailView):
    model = Person


class CountryDetailView(EntityDetailView):
    model = Country


class TopicDetailView(EntityDetailView):
    model = Topic
