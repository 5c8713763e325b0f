"""Reader-facing pages. Query logic lives in the QuerySets; views stay short."""
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Country, Person, Topic
from .search import more_like_this

PAGE_SIZE = 20


class HomeView(ListView):
    template_name = "articles/home.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.newest_first().with_tags()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["top_people"] = Person.objects.mentioned().order_by("-article_count", "name")[:10]
        context["top_countries"] = Country.objects.mentioned().order_by("-article_count", "name")[:10]
        context["top_topics"] = Topic.objects.mentioned().order_by("-article_count", "name")[:10]
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.with_tags()

    def get_context_data(self, **kwargs):
        return super().get_context_data(more_like_this=more_like_this(self.object), **kwargs)


class EntityListView(ListView):
    """People, countries or topics with their article counts."""

    template_name = "articles/entity_list.html"
    context_object_name = "entities"
    paginate_by = 100
    title = ""

    def get_queryset(self):
        return self.model.objects.mentioned().order_by("-article_count", "name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, kind=self.model._meta.model_name, **kwargs)


class EntityDetailView(ListView):
    """One entity and its stories, newest first, paginated."""

    template_name = "articles/entity_detail.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    model = None

    def get_queryset(self):
        self.entity = get_object_or_404(self.model, slug=self.kwargs["slug"])
        return Article.objects.tagged_with(self.entity).newest_first().with_tags()

    def get_context_data(self, **kwargs):
        return super().get_context_data(entity=self.entity, kind=self.model._meta.model_name, **kwargs)


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
