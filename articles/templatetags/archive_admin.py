from django import template

from articles.curation.tags import unreviewed_articles

register = template.Library()


@register.simple_tag
def review_queue_count():
    """How many articles wait for an editor (shown on the admin index)."""
    return unreviewed_articles().count()
