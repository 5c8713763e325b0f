"""Ingesting files from the admin: editors may, readers may not."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db


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
