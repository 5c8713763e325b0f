from django.contrib import admin, messages
from django.db import models

from . import curation
from .models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    IndexQueueEntry,
    Person,
    RejectedName,
    ReviewQueue,
    TagChange,
    TagState,
    Topic,
)


class TagInline(admin.TabularInline):
    extra = 0
    readonly_fields = ["origin", "mentions", "set_by", "updated"]


class PersonTagInline(TagInline):
    model = ArticlePerson
    fields = ["person", "role", "state", "origin", "mentions", "set_by", "updated"]
    autocomplete_fields = ["person"]


class CountryTagInline(TagInline):
    model = ArticleCountry
    fields = ["country", "state", "origin", "mentions", "set_by", "updated"]
    autocomplete_fields = ["country"]


class TopicTagInline(TagInline):
    model = ArticleTopic
    fields = ["topic", "state", "origin", "score", "set_by", "updated"]
    readonly_fields = ["origin", "score", "set_by", "updated"]
    autocomplete_fields = ["topic"]


class TagStateFilter(admin.SimpleListFilter):
    title = "tag state"
    parameter_name = "tag_state"

    def lookups(self, request, model_admin):
        return TagState.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value not in TagState.values:
            return queryset
        ids = set()
        for model in curation.TAG_MODELS:
            ids.update(model.objects.filter(state=value).values_list("article_id", flat=True))
        return queryset.filter(pk__in=ids)


class UnreviewedFilter(admin.SimpleListFilter):
    title = "unreviewed tags"
    parameter_name = "unreviewed"

    def lookups(self, request, model_admin):
        return [("yes", "has unreviewed tags"), ("no", "all tags reviewed")]

    def queryset(self, request, queryset):
        pending = curation.unreviewed_articles().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=pending)
        if self.value() == "no":
            return queryset.exclude(pk__in=pending)
        return queryset


class TagChangeInline(admin.TabularInline):
    model = TagChange
    verbose_name_plural = "history of tag changes"
    fields = ["created", "user", "action", "kind", "entity_name"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-created", "-id"]

    def has_add_permission(self, request, obj=None):
        return False


class CurationMixin:
    """Tag edits made in an article's inlines record who made them and keep a history."""

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, (ArticlePerson, ArticleCountry, ArticleTopic)):
            return super().save_formset(request, form, formset, change)
        previous = {f.instance.pk: f.initial.get("state") for f in formset.forms if f.instance.pk}
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            curation.record(obj, TagChange.Action.REMOVED, request.user)
            obj.delete()
        for tag in instances:
            created = tag.pk is None
            curation.editor_saved_tag(tag, created, previous.get(tag.pk), request.user)
        formset.save_m2m()

    @admin.action(description="Confirm all unreviewed tags of the selected articles")
    def confirm_unreviewed(self, request, queryset):
        n = curation.review_articles(queryset, TagState.CONFIRMED, request.user)
        self.message_user(request, f"{n} tag(s) confirmed.", messages.SUCCESS)

    @admin.action(description="Reject all unreviewed tags of the selected articles")
    def reject_unreviewed(self, request, queryset):
        n = curation.review_articles(queryset, TagState.REJECTED, request.user)
        self.message_user(request, f"{n} tag(s) rejected.", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(CurationMixin, admin.ModelAdmin):
    list_display = ["headline", "kicker", "published", "source", "truncated"]
    list_filter = [UnreviewedFilter, TagStateFilter, "truncated", "source", "published"]
    search_fields = ["headline", "kicker", "deck", "body"]
    date_hierarchy = "published"
    readonly_fields = ["content_key", "origin", "created", "updated"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [PersonTagInline, CountryTagInline, TopicTagInline, TagChangeInline]
    actions = ["confirm_unreviewed", "reject_unreviewed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ReviewQueue)
class ReviewQueueAdmin(CurationMixin, admin.ModelAdmin):
    """Articles with unreviewed tags, oldest first; open one to review its tags in place."""

    list_display = ["headline", "created", "unreviewed"]
    ordering = ["created", "id"]
    search_fields = ["headline", "body"]
    actions = ["confirm_unreviewed", "reject_unreviewed"]
    inlines = [PersonTagInline, CountryTagInline, TopicTagInline, TagChangeInline]
    fields = ["headline", "kicker", "deck", "body", "published", "source"]
    readonly_fields = fields

    def get_queryset(self, request):
        return ReviewQueue.objects.filter(pk__in=curation.unreviewed_articles().values("pk")).order_by("created", "id")

    def has_add_permission(self, request):
        return False

    @admin.display(description="unreviewed tags")
    def unreviewed(self, obj):
        return sum(model.objects.filter(article_id=obj.pk, state=TagState.AUTO).count() for model in curation.TAG_MODELS)


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name", "aliases", "slug"]
    readonly_fields = ["created", "updated"]

    actions = ["reject_everywhere"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count

    @admin.action(description="Reject everywhere: untag from all articles and never propose again")
    def reject_everywhere(self, request, queryset):
        n = sum(curation.reject_everywhere(entity, request.user) for entity in queryset)
        self.message_user(request, f"{len(queryset)} name(s) rejected everywhere; {n} tag(s) rejected.", messages.SUCCESS)


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    list_display = ["name", "description", "article_count"]


@admin.register(Country)
class CountryAdmin(EntityAdmin):
    list_display = ["name", "code", "article_count"]
    search_fields = ["name", "code", "aliases"]


@admin.register(Topic)
class TopicAdmin(EntityAdmin):
    list_display = ["name", "slug", "article_count"]
    actions = ["reapply_rules", "reject_everywhere"]

    @admin.action(description="Re-apply all topics' keyword rules to every article")
    def reapply_rules(self, request, queryset):
        changed = curation.reapply_topic_rules()
        self.message_user(request, f"Keyword rules re-applied: {changed} article(s) changed.", messages.SUCCESS)


@admin.register(RejectedName)
class RejectedNameAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created", "created_by"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(IndexQueueEntry)
class IndexQueueAdmin(admin.ModelAdmin):
    list_display = ["article_id", "created"]
