"""Store drafts and their mentions, one transaction per article, keeping editors' decisions.

Curation survives the machine: a confirmed tag, an editor's tag and a rejected tag are never
changed by re-ingesting; only the extractor's own unreviewed tags follow the text.
"""

import hashlib
import re
from collections import Counter

from django.db import transaction
from django.db.models import Q

from articles.ingest import gazetteer
from articles.ingest.extraction import KnownEntities
from articles.ingest.gazetteer import fold
from articles.ingest.topics import TopicRules
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    Person,
    RejectedName,
    TagOrigin,
    TagState,
    Topic,
)
from articles.text import unique_slugs

KEY_WORDS = 25  # the lede's first words identify a story across corrections further down


def content_key(body, url=""):
    """A stable key: the source URL when there is one, else the lede's first words."""
    if url:
        return "url:" + hashlib.sha256(url.strip().encode()).hexdigest()[:40]
    words = re.findall(r"\w+", fold(body))[:KEY_WORDS]
    return "text:" + hashlib.sha256(" ".join(words).encode()).hexdigest()[:40]


def known_entities():
    """Editors' decisions as the extractor's input."""
    confirmed = Person.objects.filter(
        Q(articleperson__state=TagState.CONFIRMED) | Q(articleperson__origin=TagOrigin.EDITOR)
    )
    rejected = RejectedName.objects.values_list("kind", "name")
    return KnownEntities.from_people(
        ((p.name, p.aliases) for p in confirmed.distinct()),
        rejected_people=frozenset(fold(n) for k, n in rejected if k == RejectedName.Kind.PERSON),
        rejected_countries=frozenset(
            n.upper() for k, n in rejected if k == RejectedName.Kind.COUNTRY
        ),
        rejected_topics=frozenset(n for k, n in rejected if k == RejectedName.Kind.TOPIC),
        topic_rules=TopicRules.compile(Topic.objects.values_list("slug", "keywords")),
    )


def ensure_countries():
    """Create a Country row for every ISO 3166-1 code the gazetteer knows (idempotent)."""
    existing = set(Country.objects.values_list("code", flat=True))
    new = [
        Country(code=info.code, name=info.name, aliases=list(info.aliases))
        for info in gazetteer.load().countries.values()
        if info.code not in existing
    ]
    for country in new:
        country.save()
    return len(new)


class EntityResolver:
    """Finds or creates the Person, Country and Topic rows for mentions, with per-run caches."""

    def __init__(self):
        self.reset()

    def reset(self):
        self._people = None
        self._countries = None
        self._topics = None

    def _load_people(self):
        index = {}
        for person in Person.objects.only("id", "name", "aliases", "description"):
            index.setdefault(fold(person.name), person)
        for person in Person.objects.only("id", "name", "aliases", "description"):
            for alias in person.aliases:
                index.setdefault(fold(alias), person)
        return index

    def person(self, mention):
        if self._people is None:
            self._people = self._load_people()
        person = self._people.get(fold(mention.name))
        if person is None:
            person = next(
                (self._people[fold(a)] for a in mention.aliases if fold(a) in self._people), None
            )
        if person is None:
            person = Person(
                name=mention.name, aliases=list(mention.aliases), description=mention.role
            )
            person.save()
        else:
            new_aliases = [
                a for a in mention.aliases if a not in person.aliases and a != person.name
            ]
            if new_aliases or (mention.role and not person.description):
                person.aliases = [*person.aliases, *new_aliases]
                person.description = person.description or mention.role
                person.save(update_fields=["aliases", "description", "updated"])
        for form in (person.name, *person.aliases):
            self._people.setdefault(fold(form), person)
        return person

    def country(self, code):
        if self._countries is None:
            self._countries = {
                c.code: c for c in Country.objects.only("id", "code", "name", "slug")
            }
        country = self._countries.get(code)
        if country is None:
            info = gazetteer.load().country(code)
            country = Country(
                code=code,
                name=info.name if info else code,
                aliases=list(info.aliases) if info else [],
            )
            country.save()
            self._countries[code] = country
        return country

    def topic(self, slug):
        if self._topics is None:
            self._topics = {t.slug: t for t in Topic.objects.only("id", "slug", "name")}
        return self._topics.get(slug)


def sync_tags(article, model, field, wanted, new=False):
    """Make the extractor's tags of one kind match `wanted` ({entity: values}); return True if changed.

    For a `new` article there is nothing to keep, so the tags go in with one bulk insert.
    """
    if new:
        model.objects.bulk_create(
            [
                model(article=article, **{field: entity}, origin=TagOrigin.EXTRACTOR, **values)
                for entity, values in wanted.items()
            ]
        )
        return bool(wanted)
    changed = False
    existing = {getattr(tag, f"{field}_id"): tag for tag in model.objects.filter(article=article)}
    for entity, values in wanted.items():
        tag = existing.pop(entity.pk, None)
        if tag is None:
            model.objects.create(
                article=article, **{field: entity}, origin=TagOrigin.EXTRACTOR, **values
            )
            changed = True
        elif tag.state == TagState.REJECTED:
            continue  # an editor said no: never brought back
        elif any(getattr(tag, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(tag, k, v)
            tag.save()
            changed = True
    for tag in existing.values():
        if not tag.is_curated:
            tag.delete()
            changed = True
    return changed


def _body_spans(spans, shift):
    return [[s - shift, e - shift] for s, e in spans if s >= shift]


def _wanted_tags(extraction, resolver, shift):
    """({person: values}, {country: values}, {topic: values}) for an extraction."""
    people, countries, topics = {}, {}, {}
    for m in extraction.people:
        person = resolver.person(m)
        entry = people.setdefault(person, {"mentions": 0, "offsets": [], "role": m.role[:200]})
        entry["mentions"] += len(m.spans)
        entry["offsets"] += _body_spans(m.spans, shift)
    for m in extraction.countries:
        countries[resolver.country(m.code)] = {
            "mentions": len(m.spans),
            "offsets": _body_spans(m.spans, shift),
        }
    for m in extraction.topics:
        topic = resolver.topic(m.slug)
        if topic is not None:
            topics[topic] = {"score": m.score}
    return people, countries, topics


def store_tags(article, extraction, resolver, shift=0, new=False):
    """Attach the extraction's entities to the article. Spans are shifted into the body."""
    people, countries, topics = _wanted_tags(extraction, resolver, shift)
    changed = sync_tags(article, ArticlePerson, "person", people, new)
    changed |= sync_tags(article, ArticleCountry, "country", countries, new)
    changed |= sync_tags(article, ArticleTopic, "topic", topics, new)
    return changed


def store_drafts(items, resolver):
    """Store many (draft, extraction, origin, shift) at once; return [(status, article)] in order.

    Stories that are new (their key is neither in the database nor twice in `items`) go in with
    bulk inserts: one for the articles, one per tag kind. The rest go through store_draft one by
    one, in order, so updates, teasers and duplicates behave exactly as they do singly.
    """
    keys = [content_key(draft.body, draft.url) for draft, *_ in items]
    existing = set(
        Article.objects.filter(content_key__in=set(keys)).values_list("content_key", flat=True)
    )
    seen = Counter(keys)
    new = [i for i, key in enumerate(keys) if key not in existing and seen[key] == 1]
    results = [None] * len(items)
    articles = [
        Article(content_key=keys[i], origin=items[i][2][:500], **_article_fields(items[i][0]))
        for i in new
    ]
    for article, slug in zip(articles, unique_slugs(Article, [a.headline for a in articles])):
        article.slug = slug
    Article.objects.bulk_create(articles, batch_size=500)
    tags = {ArticlePerson: [], ArticleCountry: [], ArticleTopic: []}
    for i, article in zip(new, articles):
        _, extraction, _, shift = items[i]
        people, countries, topics = _wanted_tags(extraction, resolver, shift)
        for model, field, wanted in (
            (ArticlePerson, "person", people),
            (ArticleCountry, "country", countries),
            (ArticleTopic, "topic", topics),
        ):
            tags[model] += [
                model(article=article, **{field: entity}, origin=TagOrigin.EXTRACTOR, **values)
                for entity, values in wanted.items()
            ]
        results[i] = ("created", article)
    for model, rows in tags.items():
        model.objects.bulk_create(rows, batch_size=500)
    for i, item in enumerate(items):
        if results[i] is None:
            draft, extraction, origin, shift = item
            results[i] = store_draft(draft, extraction, resolver, origin=origin, shift=shift)
    return results


def _article_fields(draft):
    return {
        "headline": draft.headline[:300],
        "kicker": draft.kicker[:120],
        "deck": draft.deck,
        "body": draft.body,
        "published": draft.published,
        "source": draft.source[:200],
        "source_url": draft.url[:500],
        "photo_credit": draft.photo_credit[:200],
        "truncated": draft.truncated,
    }


def store_draft(draft, extraction, resolver, origin="", shift=0):
    """Create or update the article for a draft; return 'created', 'updated' or 'unchanged'."""
    key = content_key(draft.body, draft.url)
    fields = _article_fields(draft)
    with transaction.atomic(savepoint=False):  # callers that batch work hold the savepoint
        article = Article.objects.select_for_update().filter(content_key=key).first()
        if article is None:
            article = Article(content_key=key, origin=origin[:500], **fields)
            article.save()
            store_tags(article, extraction, resolver, shift, new=True)
            return "created", article
        if draft.truncated and not article.truncated:
            return "unchanged", article  # never replace a full story with its teaser
        for name in ("published", "source", "source_url", "photo_credit", "kicker", "deck"):
            if not fields[name]:
                fields[name] = getattr(article, name)  # a later text without the detail keeps it
        changed = [name for name, value in fields.items() if getattr(article, name) != value]
        for name in changed:
            setattr(article, name, fields[name])
        if changed:
            article.save()
        tags_changed = store_tags(article, extraction, resolver, shift)
        return ("updated" if changed or tags_changed else "unchanged"), article
