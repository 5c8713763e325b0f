"""People, organisations, countries and topics: editing (a rename is `Entity.rename()`), merging
duplicates and undoing merges, rejecting a name everywhere, re-applying topics' keyword rules, and
the list of well-known organisations."""

from django.contrib import admin, messages

from articles.curation import merging
from articles.curation import tags as curation
from articles.curation.topics import reapply_topic_rules
from articles.kinds import KINDS
from articles.models import Country, EntityMerge, Organisation, Person, RejectedName, Topic


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name", "aliases", "slug"]
    readonly_fields = ["created", "updated"]

    actions = ["merge_selected", "reject_everywhere"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def save_model(self, request, obj, form, change):
        """A change to what stories' search documents hold is a rename (a redirect for the old
        slug, the stories re-indexed); any other change saves just those fields, so a new
        description re-indexes nothing.

        The search fields are compared with the stored row, tidied as saving would: a form
        posted without its hidden initial values reports an unchanged JSON list as changed.
        """
        if not change:
            return super().save_model(request, obj, form, change)
        stored = type(obj).objects.values(*obj.SEARCH_FIELDS).get(pk=obj.pk)
        obj.tidy()
        renamed = {f: getattr(obj, f) for f in obj.SEARCH_FIELDS if getattr(obj, f) != stored[f]}
        others = [f for f in form.changed_data if f not in obj.SEARCH_FIELDS]
        if others or not renamed:
            obj.save(update_fields=[*others, "updated"])
        if renamed:
            obj.rename(**renamed)
        return None

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count

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


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    """Editors keep the list of well-known organisations here: a ticked `well_known` one is
    recognised in every story by its name and aliases (acronyms included), defined there or not."""

    list_display = ["name", "kind", "country", "well_known", "article_count"]
    list_filter = ["kind", "well_known"]
    list_select_related = ["country"]
    autocomplete_fields = ["country"]


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
        changed = reapply_topic_rules()
        self.message_user(
            request, f"Keyword rules re-applied: {changed} article(s) changed.", messages.SUCCESS
        )


# A kind without an admin of its own above gets the plain one.
for _kind in KINDS:
    if not admin.site.is_registered(_kind.model):
        admin.site.register(_kind.model, EntityAdmin)


@admin.register(RejectedName)
class RejectedNameAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created", "created_by"]
    list_filter = ["kind"]
    search_fields = ["name"]


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
            log.undo()
            undone += 1
        self.message_user(request, f"{undone} merge(s) undone.", messages.SUCCESS)
