"""The entity kinds in templates, so pages list every kind without naming them:
`{% entity_kinds as kinds %}`, `article|tags_of:kind`, `"person"|kind_plural`."""

from django import template

from articles.kinds import KINDS, kind

register = template.Library()


@register.simple_tag
def entity_kinds():
    """The registry's kinds, in tag order."""
    return KINDS


@register.filter
def tags_of(article, entity_kind):
    """The article's (prefetched) tags of `entity_kind`."""
    return getattr(article, entity_kind.tag_set).all()


@register.filter
def kind_plural(name):
    """'person' -> 'people': a kind's plural label from its name."""
    return kind(name).label_plural
