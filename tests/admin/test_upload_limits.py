"""How many files one admin upload takes (issue 17, item 8).

Django's default limit, 100 files, answered a larger upload with a bare "Bad Request (400)". Now
one upload takes up to settings.DATA_UPLOAD_MAX_NUMBER_FILES (1,000), and a larger one comes
back to the upload page with the limit explained.
"""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db

COUNTRIES = ["Kenya", "Uganda", "Ghana", "Peru", "Chile", "Norway", "Japan", "Brazil"]


def story(i):
    """A small story file whose text differs from every other one's."""
    where = COUNTRIES[i % len(COUNTRIES)]
    text = (
        f"Story {i}: officials in {where} opened harbour number {i} on Monday after {i + 3} "
        f"years of building, and said traffic would reach {i * 7 + 11} ships a month.\n"
    )
    return SimpleUploadedFile(f"story-{i}.txt", text.encode())


def test_the_limit_is_a_thousand_files():
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 1000


def test_an_upload_of_more_than_100_files_is_ingested(editor_client):
    url = reverse("admin:articles_article_upload")
    response = editor_client.post(url, {"files": [story(i) for i in range(150)]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Result per file" in html and "story-149.txt" in html
    assert Article.objects.count() == 150


def test_an_upload_over_the_limit_explains_the_limit(editor_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    url = reverse("admin:articles_article_upload")
    response = editor_client.post(url, {"files": [story(i) for i in range(6)]}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "more than 5 files, the most one upload can take" in html
    assert "batches of at most 5" in html
    assert Article.objects.count() == 0


def test_at_the_limit_the_upload_goes_through(editor_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    url = reverse("admin:articles_article_upload")
    response = editor_client.post(url, {"files": [story(i) for i in range(5)]})
    assert response.status_code == 200 and "Result per file" in response.content.decode()
    assert Article.objects.count() == 5
