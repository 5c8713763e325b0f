"""The admin: registered models, login required, topic rules re-applied in one action."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article, ArticleTopic, TagState, Topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["article", "person", "country", "topic", "rejectedname", "indexqueueentry"]
)
def test_admin_changelists_render(admin_client, seeded, model):
    assert admin_client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200


def test_article_change_page_shows_tag_inlines(admin_client, seeded):
    article = Article.objects.get(photo_credit="AP")
    page = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert "Xi Jinping" in page and "person tag" in page.lower()


def test_anonymous_users_are_sent_to_login(client, db):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reapply_rules_after_a_keyword_edit(admin_client, seeded):
    obituaries = Topic.objects.get(slug="obituaries")
    confirmed = ArticleTopic.objects.filter(topic__slug="elections").first()
    confirmed.state = TagState.CONFIRMED
    confirmed.save()
    assert ArticleTopic.objects.filter(topic=obituaries).count() == 1
    obituaries.keywords = "no such word here=5\nnor this one=5"
    obituaries.save()
    elections = Topic.objects.get(slug="elections")
    elections.keywords = ""
    elections.save()
    response = admin_client.post(
        reverse("admin:articles_topic_changelist"),
        {"action": "reapply_rules", "_selected_action": [obituaries.pk]},
        follow=True,
    )
    assert "Keyword rules re-applied" in response.content.decode()
    assert ArticleTopic.objects.filter(topic=obituaries).count() == 0
    assert ArticleTopic.objects.filter(pk=confirmed.pk).exists()  # curated tag kept


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
