"""The article's search document: one faceted field per entity kind, from the kinds registry."""

import pytest

from articles.kinds import KINDS
from articles.models import Article, TagState
from articles.search_indexes import ArticleIndex

pytestmark = pytest.mark.django_db


def test_every_kind_has_a_faceted_field_and_its_exact_copy():
    fields = ArticleIndex.fields
    for kind in KINDS:
        assert fields[kind.index_field].faceted
        assert fields[f"{kind.index_field}_exact"].facet_for == kind.index_field


def test_each_kind_field_holds_the_slugs_of_the_visible_tags(seeded):
    rejected = Article.objects.order_by("pk").first().articleperson_set.first()
    rejected.state = TagState.REJECTED
    rejected.save()
    index = ArticleIndex()
    for article in Article.objects.for_index():
        document = index.full_prepare(article)
        for kind in KINDS:
            visible = (
                kind.tag_model.objects.filter(article=article)
                .exclude(state=TagState.REJECTED)
                .values_list(f"{kind.name}__slug", flat=True)
            )
            assert sorted(document[kind.index_field]) == sorted(visible)
            assert document[f"{kind.index_field}_exact"] == document[kind.index_field]
    assert (
        rejected.person.slug
        not in index.full_prepare(Article.objects.for_index().get(pk=rejected.article_id))["people"]
    )
