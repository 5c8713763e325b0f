"""The home page and the article page. Query logic lives in the QuerySets and pages.py."""

from django.views.generic import DetailView, ListView

from articles.kinds import KINDS, names
from articles.models import Article
from articles.pages import linked_body, neighbours, related_by_entities, tag_sections
from articles.search import PAGE_SIZE, aggregates, more_like_this

TOP_ENTITIES = 10


class HomeView(ListView):
    """The latest stories, and the most-mentioned entities of each kind (`top_entities`, and by
    name: `top_people`...)."""

    template_name = "articles/home.html"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.newest_first().with_tag_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        top = aggregates.top_entities(list(names()), TOP_ENTITIES)
        context["top_entities"] = []
        for kind in KINDS:
            if top is None:  # the index cannot answer: count in the database
                entities = list(
                    kind.model.objects.mentioned().order_by("-article_count", "name")[:TOP_ENTITIES]
                )
            else:
                entities = [entity for entity, _ in top[kind.name]]
                for entity, n in top[kind.name]:
                    entity.article_count = n
            context[f"top_{kind.label_plural}"] = entities
            context["top_entities"].append((kind, entities))
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
            tag_sections=tag_sections(article, show_all=self.request.GET.get("tags") == "all"),
            related=related_by_entities(article),
            more_like_this=more_like_this(article),
            newer=newer,
            older=older,
            **kwargs,
        )
