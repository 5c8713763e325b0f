"""Test data built by hand: the fewest fields a row needs, unique where the model asks for it.

Tests pass the fields they are about and let these fill in the rest, so a new required field is
added here once instead of in every test that builds an article.
"""

from itertools import count

from articles.kinds import kind_of
from articles.models import Article, Person

_keys = count()


def make_article(headline=None, body="A body.", **fields):
    """Return a new stored Article; `content_key` (unique) and the headline default per call."""
    n = next(_keys)
    fields.setdefault("content_key", f"test-{n}")
    return Article.objects.create(headline=headline or f"Story {n}", body=body, **fields)


def make_person(name, **fields):
    """Return a new stored Person called `name`."""
    return Person.objects.create(name=name, **fields)


def tag(article, entity, **fields):
    """Return a new tag of `entity` (a person, country or topic) on `article`, through the tag
    model of the entity's kind; `state`, `role`, `offsets` ... as keyword arguments."""
    kind = kind_of(entity)
    return kind.tag_model.objects.create(article=article, **{kind.name: entity}, **fields)


def tag_all(article, *entities):
    """Tag `article` with each of `entities`, in order, with the tag models' defaults."""
    for entity in entities:
        tag(article, entity)
