"""Merging duplicate entities: redirects, and an undo that restores."""

import pytest
from django.urls import reverse

from articles.models import Article, ArticlePerson, Person, TagState
from tests.factories import make_person, tag

pytestmark = pytest.mark.django_db


def test_merge_duplicates_redirects_and_undo_restores(
    editor_client, editor, seeded, django_capture_on_commit_callbacks
):
    from articles.models import EntityMerge, SlugRedirect

    xi = Person.objects.get(name="Xi Jinping")
    twin = make_person("Xi Jin-ping", aliases=["Xi Dada"])
    china_story = Article.objects.get(photo_credit="AP")
    other = Article.objects.exclude(articleperson__person=xi).first()
    tag(china_story, twin, state=TagState.CONFIRMED)  # dropped on merge
    tag(other, twin, state=TagState.CONFIRMED)  # moved on merge
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:articles_person_changelist"),
            {"action": "merge_selected", "_selected_action": [xi.pk, twin.pk]},
        )
    xi.refresh_from_db()
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert {"Xi Jin-ping", "Xi Dada", "習近平"} <= set(xi.aliases)
    assert ArticlePerson.objects.filter(person=xi, article=other, state=TagState.CONFIRMED).exists()
    assert editor_client.get("/people/xi-jin-ping/")["Location"] == "/people/xi-jinping/"
    log = EntityMerge.objects.get()
    assert log.user == editor and log.merged_name == "Xi Jin-ping"

    editor_client.post(
        reverse("admin:articles_entitymerge_changelist"),
        {"action": "undo_merges", "_selected_action": [log.pk]},
    )
    restored = Person.objects.get(pk=twin.pk)
    assert restored.slug == "xi-jin-ping" and restored.aliases == ["Xi Dada"]
    xi.refresh_from_db()
    assert xi.aliases == ["習近平"]
    assert set(
        ArticlePerson.objects.filter(person=restored).values_list("article_id", flat=True)
    ) == {china_story.pk, other.pk}
    assert not SlugRedirect.objects.filter(old_slug="xi-jin-ping").exists()
    assert editor_client.get("/people/xi-jin-ping/").status_code == 200
