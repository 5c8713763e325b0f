"""The review queue: articles with tags the extractor proposed and no editor has reviewed."""

from django.contrib import admin
from django.db.models import Count, Q

from articles.admin.articles import TAG_INLINES, CurationMixin, TagChangeInline
from articles.curation import tags as curation
from articles.kinds import KINDS
from articles.models import ReviewQueue, TagState


@admin.register(ReviewQueue)
class ReviewQueueAdmin(CurationMixin, admin.ModelAdmin):
    """Articles with unreviewed tags, oldest first; open one to review its tags in place."""

    list_display = ["headline", "created", "unreviewed"]
    ordering = ["created", "id"]
    search_fields = ["headline", "body"]
    actions = ["confirm_unreviewed", "reject_unreviewed"]
    inlines = [*TAG_INLINES, TagChangeInline]
    fields = ["headline", "kicker", "deck", "body", "published", "source"]
    readonly_fields = fields

    def get_queryset(self, request):
        pending = {
            f"pending_{k.related_name}": Count(
                k.related_name,
                filter=Q(**{f"{k.related_name}__state": TagState.AUTO}),
                distinct=True,
            )
            for k in KINDS
        }
        return ReviewQueue.objects.filter(
            pk__in=curation.unreviewed_articles().values("pk")
        ).annotate(**pending)

    def has_add_permission(self, request):
        return False

    @admin.display(description="unreviewed tags")
    def unreviewed(self, obj):
        return sum(getattr(obj, f"pending_{k.related_name}") for k in KINDS)
