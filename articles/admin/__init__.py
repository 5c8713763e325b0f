"""The admin, by model group; Django imports this package to register them."""

from articles.admin import articles, entities, review  # noqa: F401
