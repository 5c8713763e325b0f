"""The Whoosh backend tests share an archive of several segments, with deletions."""

import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.conftest import SEEDS


@pytest.fixture
def archive(whoosh_index):
    """Seeds plus 150 synthetic stories over 20 years, indexed in two drains, with deletions."""
    from tests.corpus import Generator

    call_command("ingest", str(SEEDS), verbosity=0)
    with tempfile.TemporaryDirectory() as folder:
        generator = Generator(seed=3)
        for i in range(150):
            Path(folder, f"{i:03d}.txt").write_text(generator.story(i), encoding="utf-8")
        call_command("ingest", folder, verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    from articles.search_indexes import ArticleIndex

    writer = whoosh_index.index.writer()  # a second segment, replacing 40 stories of the first
    index = ArticleIndex()
    for article in Article.objects.for_index().order_by("pk")[:40]:
        writer.update_document(**whoosh_index._document(index, article), spelling="")
    writer.commit(merge=False)
    writer = whoosh_index.index.writer()  # deletions that no merge has cleaned up yet
    for article in Article.objects.order_by("-pk")[:10]:
        writer.delete_by_term("id", f"articles.article.{article.pk}")
    writer.commit(merge=False)
    return whoosh_index
