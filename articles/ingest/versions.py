"""Which stored article, if any, each new story is a version of (identity.py decides).

A story with a `URL:` is known by its URL alone. Any other story is first looked up by its
content key (its opening words) and then by its anchors; a stored story counts only when the two
texts are versions of one story (`same_story`). A story whose opening words are another story's
but whose text is not (a shared boilerplate opening) gets a key of its whole text instead, so
it is stored apart and found again when it is ingested again.
"""

from collections import Counter, defaultdict

from articles.ingest.identity import same_story, variant_anchors, variants, whole_text_key
from articles.models import Article, StoryAnchor


def match_versions(stories):
    """Set `match` (the stored article's pk) on the stories that are versions of a stored story,
    replace the key of those that only share another story's opening, and return, for each
    story, the index of an earlier story of the same batch it is a version of (or None).
    """
    texts = [i for i, story in enumerate(stories) if not story.draft.url]
    stored = _stored_candidates([stories[i] for i in texts])
    earlier = [None] * len(stories)
    seen = {}  # anchor -> index of the first story of the batch that has it
    keys = {}  # content key -> index of the first story of the batch that has it
    for i in texts:
        story = stories[i]
        found = _best(story, stored.get(story.key, []) + _anchored(story, stored))
        first = keys.setdefault(story.key, i)
        if found is not None:
            story.match = found
        elif any(a.content_key == story.key for a in stored.get(story.key, [])) or (
            first != i and not _same(story, stories[first])
        ):
            story.key = whole_text_key(story.draft.body)  # a shared opening, another story
        story_anchors = variant_anchors(story.words)
        for other in dict.fromkeys(seen[a] for a in story_anchors if a in seen):
            if story.match is None and _same(story, stories[other]):
                earlier[i] = other
                break
        for anchor in story_anchors:
            seen.setdefault(anchor, i)
    return earlier


def _stored_candidates(stories):
    """{content key or anchor: [stored Article (pk, key, body)]} for the stories, in 2 queries."""
    keys = {story.key for story in stories}
    wanted = {a for story in stories for a in variant_anchors(story.words)}
    by_anchor = defaultdict(set)
    for article_id, key in StoryAnchor.objects.filter(key__in=wanted).values_list(
        "article_id", "key"
    ):
        by_anchor[key].add(article_id)
    ids = set().union(*by_anchor.values()) if by_anchor else set()
    found = defaultdict(list)
    rows = Article.objects.filter(content_key__in=keys) | Article.objects.filter(pk__in=ids)
    articles = {a.pk: a for a in rows.only("pk", "content_key", "deck", "body", "truncated")}
    for article in articles.values():
        found[article.content_key].append(article)
    for key, article_ids in by_anchor.items():
        found[key] += [articles[pk] for pk in sorted(article_ids) if pk in articles]
    return found


def _same(story, other):
    partial = story.draft.truncated or other.draft.truncated
    return same_story(story.words, other.words, partial)


def _anchored(story, stored):
    return [article for a in variant_anchors(story.words) for article in stored.get(a, [])]


# Stored stories compared with each new one, those sharing most anchors first. A version shares
# nearly all of them; texts built from a few phrases share anchors with hundreds of stories, and
# comparing every one made a 50 MB file of 2,200 such stories take an hour.
MAX_COMPARED = 8


def _best(story, candidates):
    """The pk of the first candidate whose text is a version of the story's, or None.
    `candidates` holds a stored article once per content key or anchor it shares."""
    shared = Counter(candidates)
    ranked = sorted(shared, key=lambda article: -shared[article])  # stable: key matches first
    for article in ranked[:MAX_COMPARED]:
        partial = story.draft.truncated or article.truncated
        if same_story(story.words, variants(article.deck, article.body), partial):
            return article.pk
    return None
