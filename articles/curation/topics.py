"""Re-applying the topics' keyword rules to every article after an editor changed them."""

from django.db import transaction

from articles.ingest.store import sync_tags
from articles.ingest.topics import TopicRules
from articles.kinds import kind_of
from articles.models import Article, Topic
from articles.search.queue import enqueue_articles, suspended


def reapply_topic_rules(batch_size=500):
    """Score every article against the current keyword rules; return the number of articles changed.

    Only the extractor's unreviewed topic tags change: confirmed, rejected and editor-added
    tags stay as the editors left them.
    """
    topic_kind = kind_of(Topic)
    topics = {t.slug: t for t in Topic.objects.all()}
    rules = TopicRules.compile((t.slug, t.keywords) for t in topics.values())
    changed = []
    articles = Article.objects.only("id", "headline", "deck", "body").order_by("id")
    for start in range(0, articles.count(), batch_size):
        with transaction.atomic(), suspended():
            for article in articles[start : start + batch_size]:
                text = "\n\n".join(
                    p for p in (article.headline, article.deck, article.body) if p
                ).lower()
                wanted = {
                    topics[slug]: {"score": score}
                    for slug, score in rules.score(text)
                    if slug in topics
                }
                if sync_tags(article, topic_kind.tag_model, topic_kind.name, wanted):
                    changed.append(article.pk)
    enqueue_articles(changed)
    return len(changed)
