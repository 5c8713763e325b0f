from django.contrib import admin, messages
from django.db import models

from .curation import reapply_topic_rules

from .models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    IndexQueueEntry,
    Person,
    RejectedName,
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "kicker", "published", "source", "truncated"]
    list_filter = ["truncated", "source", "published"]
    search_fields = ["headline", "kicker", "deck", "body"]
    date_hierarchy = "published"
    readonly_fields = ["content_key", "origin", "created", "updated"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [PersonTagInline, CountryTagInline, TopicTagInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name", "aliases", "slug"]
    readonly_fields = ["created", "updated"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count


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
    actions = ["reapply_rules"]

    @admin.action(description="Re-apply all topics' keyword rules to every article")
    def reapply_rules(self, request, queryset):
        changed = reapply_topic_rules()
        self.message_user(request, f"Keyword rules re-applied: {changed} article(s) changed.", messages.SUCCESS)


@admin.register(RejectedName)
class RejectedNameAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created", "created_by"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(IndexQueueEntry)
class IndexQueueAdmin(admin.ModelAdmin):
    list_display = ["article_id", "created"]
