"""Editors curate tags in the admin: in place, in the review queue, everywhere; history and roles."""

import pytest
from django.contrib.auth.models import Group, User
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

pytestmark = pytest.mark.django_db



@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editors_group_has_what_curation_needs(editor_client, seeded):
    assert editor_client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:articles_reviewqueue_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:articles_article_add")).status_code == 403


def test_non_staff_and_anonymous_users_cannot_reach_the_admin(client, db):
    User.objects.create_user("reader", password="pw-for-tests-only")
    for login in (None, "reader"):
        if login:
            client.login(username=login, password="pw-for-tests-only")
        response = client.get(reverse("admin:articles_article_changelist"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


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
    newcomer = Person.objects.create(name="Lucia Topolansky")
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


def test_merge_duplicates_redirects_and_undo_restores(
    editor_client, editor, seeded, django_capture_on_commit_callbacks
):
    from articles.models import EntityMerge, SlugRedirect

    xi = Person.objects.get(name="Xi Jinping")
    twin = Person.objects.create(name="Xi Jin-ping", aliases=["Xi Dada"])
    china_story = Article.objects.get(photo_credit="AP")
    other = Article.objects.exclude(articleperson__person=xi).first()
    ArticlePerson.objects.create(
        article=china_story, person=twin, state=TagState.CONFIRMED
    )  # dropped on merge
    ArticlePerson.objects.create(
        article=other, person=twin, state=TagState.CONFIRMED
    )  # moved on merge
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


def test_ingest_files_from_the_admin(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = SimpleUploadedFile(
        "port.txt",
        b"Dock workers in Mombasa walked off the job on Monday, halting cargo bound for Uganda.\n",
    )
    empty = SimpleUploadedFile("empty.txt", b"")
    page = editor_client.get(reverse("admin:articles_article_upload"))
    assert page.status_code == 200
    response = editor_client.post(
        reverse("admin:articles_article_upload"), {"files": [good, empty], "source": "Upload desk"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Result per file" in html
    assert "port.txt" in html and "empty.txt" in html and "empty file" in html
    assert Article.objects.get().source == "Upload desk"
    assert (
        "Ingest files"
        in editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    )


def test_readers_cannot_upload(client, db):
    User.objects.create_user("reader", password="pw-for-tests-only")
    client.login(username="reader", password="pw-for-tests-only")
    assert client.get(reverse("admin:articles_article_upload")).status_code == 302


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
