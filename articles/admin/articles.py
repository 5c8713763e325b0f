import tempfile
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path

from articles.curation import merging
from articles.curation import tags as curation
from articles.ingest.pipeline import ingest_paths
from articles.models import (
    TAG_MODELS,
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    EntityMerge,
    IndexQueueEntry,
    Person,
    RejectedName,
    ReviewQueue,
    TagChange,
    TagState,
    Topic,
)
from articles.search.forms import UploadForm


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
        for model in TAG_MODELS.values():
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


class UploadMixin:
    """An "Ingest files" page on the article list: upload texts, see what happened to each file."""

    def get_urls(self):
        upload = path(
            "upload/", self.admin_site.admin_view(self.upload_view), name="articles_article_upload"
        )
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        results = None
        if request.method == "POST" and form.is_valid():
            with tempfile.TemporaryDirectory(prefix="newsarchive-upload-") as folder:
                paths = []
                for index, upload in enumerate(form.cleaned_data["files"]):
                    name = f"{index:03d}-{Path(upload.name).name}"
                    target = Path(folder, name)
                    with target.open("wb") as out:
                        for chunk in upload.chunks():
                            out.write(chunk)
                    paths.append(target)
                report = ingest_paths(
                    paths, published=form.cleaned_data["date"], source=form.cleaned_data["source"]
                )
            results = [(Path(p).name.split("-", 1)[1], *rest) for p, *rest in report.per_file]
            results += [
                (Path(p).name.split("-", 1)[-1], 0, 0, 0, reason)
                for p, reason in report.failed
                if all(Path(p).name != Path(r[0]).name for r in report.per_file)
            ]
            level = messages.WARNING if report.failed else messages.SUCCESS
            self.message_user(
                request,
                f"{report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {len(report.failed)} failed.",
                level,
            )
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest files",
            "form": form,
            "results": results,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/upload.html", context)


@admin.register(Article)
class ArticleAdmin(UploadMixin, CurationMixin, admin.ModelAdmin):
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
        pending = {
            f"pending_{name}": Count(
                name, filter=Q(**{f"{name}__state": TagState.AUTO}), distinct=True
            )
            for name in ("articleperson", "articlecountry", "articletopic")
        }
        return ReviewQueue.objects.filter(
            pk__in=curation.unreviewed_articles().values("pk")
        ).annotate(**pending)

    def has_add_permission(self, request):
        return False

    @admin.display(description="unreviewed tags")
    def unreviewed(self, obj):
        return obj.pending_articleperson + obj.pending_articlecountry + obj.pending_articletopic


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name", "aliases", "slug"]
    readonly_fields = ["created", "updated"]

    actions = ["merge_selected", "reject_everywhere"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.action(
        description="Merge selected into the one with the most stories (undo under Entity merges)",
        permissions=["change"],
    )
    def merge_selected(self, request, queryset):
        entities = sorted(queryset, key=lambda e: (-e.article_count, e.pk))
        if len(entities) < 2:
            self.message_user(request, "Select two or more to merge.", messages.WARNING)
            return
        survivor = entities[0]
        for duplicate in entities[1:]:
            merging.merge(survivor, duplicate, request.user)
        self.message_user(
            request,
            f"Merged {', '.join(e.name for e in entities[1:])} into {survivor.name}.",
            messages.SUCCESS,
        )

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count

    @admin.action(
        description="Reject everywhere: untag from all articles and never propose again",
        permissions=["change"],
    )
    def reject_everywhere(self, request, queryset):
        n = sum(curation.reject_everywhere(entity, request.user) for entity in queryset)
        self.message_user(
            request,
            f"{len(queryset)} name(s) rejected everywhere; {n} tag(s) rejected.",
            messages.SUCCESS,
        )


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
        self.message_user(
            request, f"Keyword rules re-applied: {changed} article(s) changed.", messages.SUCCESS
        )


@admin.register(RejectedName)
class RejectedNameAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created", "created_by"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(IndexQueueEntry)
class IndexQueueAdmin(admin.ModelAdmin):
    list_display = ["article_id", "created"]


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "survivor_name", "kind", "user", "created", "undone"]
    list_filter = ["kind"]
    readonly_fields = [
        "kind",
        "survivor_id",
        "survivor_name",
        "merged_name",
        "snapshot",
        "user",
        "created",
        "undone",
    ]
    actions = ["undo_merges"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Undo the selected merges", permissions=["change"])
    def undo_merges(self, request, queryset):
        undone = 0
        for log in queryset.filter(undone__isnull=True).order_by("-created", "-id"):
            merging.undo(log)
            undone += 1
        self.message_user(request, f"{undone} merge(s) undone.", messages.SUCCESS)
