"""Editors curate tags in the admin: in place, in the review queue, everywhere, with history."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    IndexQueueEntry,
    Person,
    RejectedName,
    TagChange,
    TagOrigin,
    TagState,
)
from tests.conftest import SEEDS, change_form_data
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_confirm_and_add_tags_in_place_with_history(
    editor_client, editor, seeded, django_capture_on_commit_callbacks
):
    article = Article.objects.get(kicker="CANCER")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    prefix = "articleperson_set"
    first = next(k for k in data if k.startswith(f"{prefix}-0-state"))
    data[first] = TagState.CONFIRMED
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    newcomer = make_person("Lucia Topolansky")
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": total + 1,
            f"{prefix}-{total}-person": newcomer.pk,
            f"{prefix}-{total}-state": TagState.AUTO,
            f"{prefix}-{total}-role": "",
        }
    )
    IndexQueueEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    confirmed = ArticlePerson.objects.filter(
        article=article, state=TagState.CONFIRMED, set_by=editor
    )
    assert confirmed.count() == 2
    added = ArticlePerson.objects.get(article=article, person=newcomer)
    assert added.origin == TagOrigin.EDITOR and added.state == TagState.CONFIRMED
    actions = sorted(TagChange.objects.filter(article=article).values_list("action", "entity_name"))
    assert ("added", "Lucia Topolansky") in actions and any(a == "confirmed" for a, _ in actions)
    page = editor_client.get(url).content.decode()
    assert "history of tag changes" in page.lower() and "Lucia Topolansky" in page
    assert IndexQueueEntry.objects.filter(
        article_id=article.pk
    ).exists()  # readers see it after the drain


def test_review_queue_oldest_first_with_bulk_actions(editor_client, seeded):
    queue = editor_client.get(reverse("admin:articles_reviewqueue_changelist"))
    listed = list(queue.context["cl"].queryset)
    assert len(listed) == 5 and listed == sorted(listed, key=lambda a: (a.created, a.pk))
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "5</strong> articles with unreviewed tags" in index
    first, second = listed[0], listed[1]
    editor_client.post(
        reverse("admin:articles_reviewqueue_changelist"),
        {"action": "confirm_unreviewed", "_selected_action": [first.pk]},
    )
    editor_client.post(
        reverse("admin:articles_reviewqueue_changelist"),
        {"action": "reject_unreviewed", "_selected_action": [second.pk]},
    )
    assert (
        not ArticlePerson.objects.filter(article=first).exclude(state=TagState.CONFIRMED).exists()
    )
    assert (
        not ArticleCountry.objects.filter(article=second).exclude(state=TagState.REJECTED).exists()
    )
    assert (
        len(
            editor_client.get(reverse("admin:articles_reviewqueue_changelist"))
            .context["cl"]
            .queryset
        )
        == 3
    )


def test_reject_a_name_everywhere_and_it_stays_rejected(editor_client, editor):
    call_command("ingest", str(SEEDS), verbosity=0)
    rama = Person.objects.get(name="Edi Rama")
    editor_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "reject_everywhere", "_selected_action": [rama.pk]},
    )
    assert RejectedName.objects.filter(kind="person", name="Edi Rama", created_by=editor).exists()
    assert set(ArticlePerson.objects.filter(person=rama).values_list("state", flat=True)) == {
        TagState.REJECTED
    }
    call_command("ingest", str(SEEDS), verbosity=0)
    assert set(ArticlePerson.objects.filter(person=rama).values_list("state", flat=True)) == {
        TagState.REJECTED
    }
    assert 'href="/people/edi-rama/"' not in editor_client.get("/").content.decode()
