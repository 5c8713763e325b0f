"""The article admin: an article's tags as inlines (one per kind), their history, the curation
actions shared with the review queue, and the "Ingest files" page."""

from django.contrib import admin, messages
from django.db import models
from django.urls import path

from articles.admin import upload
from articles.curation import tags as curation
from articles.kinds import KINDS
from articles.models import Article, ArticleUpdate, IndexQueueEntry, Tag, TagChange, TagState

_TAG_BASE_FIELDS = {field.name for field in Tag._meta.fields}


class TagInline(admin.TabularInline):
    extra = 0


def _tag_inline(kind):
    """The inline of one kind's tags: the entity (autocomplete), the tag model's own fields (a
    person's role), the state editors set, and read-only provenance."""
    model = kind.tag_model
    own = [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in {*_TAG_BASE_FIELDS, kind.name}
    ]
    readonly = ["origin", model.measure, "set_by", "updated"]
    attrs = {
        "model": model,
        "fields": [kind.name, *own, "state", *readonly],
        "readonly_fields": readonly,
        "autocomplete_fields": [kind.name],
    }
    return type(f"{kind.model.__name__}TagInline", (TagInline,), attrs)


TAG_INLINES = [_tag_inline(k) for k in KINDS]


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


class ArticleUpdateInline(admin.TabularInline):
    """Later versions of the story that changed its text (ingest/versions.py), newest first."""

    model = ArticleUpdate
    verbose_name_plural = "text updates"
    fields = ["created", "origin", "fields"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


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
        for k in KINDS:
            ids.update(k.tag_model.objects.filter(state=value).values_list("article_id", flat=True))
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


class CurationMixin:
    """Tag edits made in an article's inlines record who made them and keep a history."""

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Tag):
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
        return None

    @admin.action(description="Confirm all unreviewed tags of the selected articles")
    def confirm_unreviewed(self, request, queryset):
        n = curation.review_articles(queryset, TagState.CONFIRMED, request.user)
        self.message_user(request, f"{n} tag(s) confirmed.", messages.SUCCESS)

    @admin.action(description="Reject all unreviewed tags of the selected articles")
    def reject_unreviewed(self, request, queryset):
        n = curation.review_articles(queryset, TagState.REJECTED, request.user)
        self.message_user(request, f"{n} tag(s) rejected.", messages.SUCCESS)


class UploadMixin:
    """An "Ingest files" page on the article list (admin/upload.py)."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", view, name="articles_article_upload"), *super().get_urls()]

    def upload_view(self, request):
        return upload.upload_view(self, request)


@admin.register(Article)
class ArticleAdmin(UploadMixin, CurationMixin, admin.ModelAdmin):
    list_display = ["headline", "kicker", "published", "source", "truncated"]
    list_filter = [UnreviewedFilter, TagStateFilter, "truncated", "source", "published"]
    search_fields = ["headline", "kicker", "deck", "body"]
    date_hierarchy = "published"
    readonly_fields = ["content_key", "origin", "created", "updated"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [*TAG_INLINES, TagChangeInline, ArticleUpdateInline]
    actions = ["confirm_unreviewed", "reject_unreviewed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(IndexQueueEntry)
class IndexQueueAdmin(admin.ModelAdmin):
    list_display = ["article_id", "created"]
