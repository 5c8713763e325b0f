"""Edits reach the index through the queue; only edits to what the index holds queue anything."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.kinds import KINDS
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    IndexQueueEntry,
    Person,
    TagState,
)
from tests.conftest import change_form_data
from tests.factories import make_person
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


class TestIndexStaysRight:
    def test_editing_an_article_reaches_the_index_through_the_queue(
        self, client, archive, django_capture_on_commit_callbacks
    ):
        article = Article.objects.get(kicker="CANCER")
        article.body += "\n\nA zanzibarian detail."
        with django_capture_on_commit_callbacks(execute=True):
            article.save()
        assert IndexQueueEntry.objects.filter(article_id=article.pk).exists()
        assert api(client, q="zanzibarian")[1]["count"] == 0  # nothing written by the web process
        call_command("drain_index_queue", verbosity=0)
        assert api(client, q="zanzibarian")[1]["count"] == 1

    def test_deleting_an_article_removes_it(
        self, client, archive, django_capture_on_commit_callbacks
    ):
        article = Article.objects.get(kicker="CANCER")
        with django_capture_on_commit_callbacks(execute=True):
            article.delete()
        call_command("drain_index_queue", verbosity=0)
        assert api(client, q="Mujica")[1]["count"] == 0

    def test_rejecting_a_tag_and_renaming_an_entity_reach_the_index(
        self, client, archive, django_capture_on_commit_callbacks
    ):
        ArticleCountry.objects.filter(country__code="AL").update(
            state=TagState.REJECTED
        )  # bulk: no signals
        tag = ArticlePerson.objects.filter(person__name="Edi Rama").first()
        tag.state = TagState.REJECTED
        person = Person.objects.get(name="Sali Berisha")
        person.aliases = ["Berisha Sali Ram"]
        with django_capture_on_commit_callbacks(execute=True):
            tag.save()
            person.save()
        call_command("drain_index_queue", verbosity=0)
        assert api(client, q="Berisha Sali Ram")[1]["count"] == 1
        assert len(api(client, q="Rama", person="edi-rama")[1]["results"]) == 1


def test_only_edits_to_what_the_index_holds_reindex_an_entitys_stories(
    editor_client, seeded, django_capture_on_commit_callbacks
):
    person = Person.objects.mentioned().order_by("-article_count").first()
    tagged = set(Article.objects.tagged_with(person).values_list("pk", flat=True))
    assert tagged
    url = reverse("admin:articles_person_change", args=[person.pk])

    def save(**changes):
        IndexQueueEntry.objects.all().delete()
        data = change_form_data(editor_client.get(url))
        data.update(changes)
        with django_capture_on_commit_callbacks(execute=True):
            assert editor_client.post(url, data).status_code == 302
        return set(IndexQueueEntry.objects.values_list("article_id", flat=True))

    assert save(description="A new description only an entity page shows.") == set()
    assert save(aliases='["Another Name"]') == tagged
    assert save(name=person.name + " Jr") == tagged
    person.refresh_from_db()
    assert person.aliases == ["Another Name"] and person.name.endswith(" Jr")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_an_entity_save_queues_its_articles_unless_it_leaves_out_what_documents_hold(
    kind, seeded, django_capture_on_commit_callbacks
):
    entity = kind.model.objects.mentioned().order_by("-article_count").first()
    tagged = set(Article.objects.tagged_with(entity).values_list("pk", flat=True))
    assert tagged

    def queued(change):
        IndexQueueEntry.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return set(IndexQueueEntry.objects.values_list("article_id", flat=True))

    entity.description = "Seen only on the entity's own page."
    assert queued(lambda: entity.save(update_fields=["description", "updated"])) == set()
    assert queued(entity.save) == tagged
    assert queued(lambda: entity.rename(name=entity.name + " II")) == tagged
    assert queued(lambda: entity.rename(aliases=["Another Name"])) == tagged


def test_a_new_entity_queues_nothing(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_person("Nobody Tagged Yet")
    assert not IndexQueueEntry.objects.exists()
