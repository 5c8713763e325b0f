"""Store drafts and their mentions, one transaction per article, keeping editors' decisions.

Curation survives the machine: a confirmed tag, an editor's tag and a rejected tag are never
changed by re-ingesting; only the extractor's own unreviewed tags follow the text.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.db import transaction
from django.db.models import Q

from articles.ingest import gazetteer
from articles.ingest.extraction import Extraction, KnownEntities
from articles.ingest.extraction.organisation_book import OrganisationBook
from articles.ingest.gazetteer import fold
from articles.ingest.identity import content_key, variant_anchors, variants
from articles.ingest.parse import ArticleDraft
from articles.ingest.topics import TopicRules
from articles.ingest.versions import match_versions
from articles.kinds import KINDS, kind
from articles.models import (
    Article,
    ArticleUpdate,
    Country,
    Organisation,
    Person,
    RejectedName,
    StoryAnchor,
    TagOrigin,
    TagState,
    Topic,
)
from articles.text import unique_slugs


def save_anchors(articles):
    """Store the anchors of the given articles' bodies (existing ones are kept)."""
    rows = [
        StoryAnchor(article_id=article.pk, key=key)
        for article in articles
        for key in variant_anchors(variants(article.deck, article.body))
    ]
    StoryAnchor.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


@dataclass
class PreparedStory:
    """One story read, parsed and extracted: what the pipeline hands to the store."""

    draft: ArticleDraft
    extraction: Extraction
    origin: str  # where it came from, "path#position" (Article.origin)
    # Extraction reads the headline and deck before the body: its spans minus `shift` are
    # offsets into the body, where the tags point.
    shift: int = 0
    match: int | None = None  # the stored article this story is a version of (versions.py)

    @cached_property
    def key(self):
        """The story's content key, which finds it again when it is ingested again."""
        return content_key(self.draft.body, self.draft.url)

    @cached_property
    def words(self):
        """The story's word lists for identity (identity.variants)."""
        return variants(self.draft.deck, self.draft.body)


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
        organisations=known_organisations(),
        rejected_organisations=frozenset(
            fold(n) for k, n in rejected if k == RejectedName.Kind.ORGANISATION
        ),
    )


def known_organisations():
    """The organisations recognised by name and alias in every story: the well-known ones (the
    shipped list, as editors keep it in the admin) and those an editor confirmed or added."""
    recognised = Organisation.objects.filter(
        Q(well_known=True)
        | Q(articleorganisation__state=TagState.CONFIRMED)
        | Q(articleorganisation__origin=TagOrigin.EDITOR)
    )
    return OrganisationBook.compile(recognised.distinct().values_list("name", "aliases"))


def _name_index(entities):
    """{folded name or alias: entity}, read in one query; a name wins over another entity's
    alias."""
    rows = list(entities)
    index = {fold(entity.name): entity for entity in reversed(rows)}  # the first of a name wins
    for entity in rows:
        for alias in entity.aliases:
            index.setdefault(fold(alias), entity)
    return index


class EntityResolver:
    """Finds or creates the Person, Organisation, Country and Topic rows for mentions, with
    per-run caches."""

    def __init__(self):
        self.reset()

    def reset(self):
        self._people = None
        self._organisations = None
        self._countries = None
        self._topics = None

    def person(self, mention):
        if self._people is None:
            self._people = _name_index(Person.objects.only("id", "name", "aliases", "description"))
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

    def organisation(self, mention):
        """The organisation of a mention, found by name or alias (folded), or created with the
        kind and country the extractor guessed; aliases the text defined are added."""
        if self._organisations is None:
            self._organisations = _name_index(
                Organisation.objects.only("id", "name", "slug", "aliases")
            )
        forms = (mention.name, *mention.aliases)
        org = next(
            (self._organisations[fold(f)] for f in forms if fold(f) in self._organisations), None
        )
        if org is None:
            org = Organisation(
                name=mention.name[:200],
                aliases=[a[:200] for a in mention.aliases],
                kind=mention.kind,
                country=self.country(mention.country) if mention.country else None,
            )
            org.save()
        else:
            new = [a for a in mention.aliases if a not in org.aliases and a != org.name]
            if new:
                org.aliases = [*org.aliases, *new]
                org.save(update_fields=["aliases", "updated"])
        for form in (org.name, *org.aliases):
            self._organisations.setdefault(fold(form), org)
        return org

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


def _new_tags(article, model, field, wanted):
    """Unsaved extractor tags of one kind (`model`, its foreign key `field`) for `wanted`."""
    return [
        model(article=article, **{field: entity}, origin=TagOrigin.EXTRACTOR, **values)
        for entity, values in wanted.items()
    ]


def sync_tags(article, model, field, wanted, new=False):
    """Make the extractor's tags of one kind match `wanted` ({entity: values}).

    Returns True if anything changed. For a `new` article there is nothing to keep, so the tags
    go in with one bulk insert.
    """
    if new:
        model.objects.bulk_create(_new_tags(article, model, field, wanted))
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
    """{Kind: {entity: tag values}} for an extraction, each mention resolved to its row."""
    people, organisations, countries, topics = {}, {}, {}, {}
    for m in extraction.people:
        person = resolver.person(m)
        entry = people.setdefault(person, {"mentions": 0, "offsets": [], "role": m.role[:200]})
        entry["mentions"] += len(m.spans)
        entry["offsets"] += _body_spans(m.spans, shift)
    for m in extraction.organisations:
        entry = organisations.setdefault(resolver.organisation(m), {"mentions": 0, "offsets": []})
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
    return {
        kind("person"): people,
        kind("organisation"): organisations,
        kind("country"): countries,
        kind("topic"): topics,
    }


def store_tags(article, extraction, resolver, shift=0, new=False):
    """Attach the extraction's entities to the article. Spans are shifted into the body."""
    wanted = _wanted_tags(extraction, resolver, shift)
    changed = False
    for k in KINDS:
        changed |= sync_tags(article, k.tag_model, k.name, wanted[k], new)
    return changed


def store_drafts(stories, resolver):
    """Store many PreparedStory at once; return [(status, article)] in order.

    Stories that are new (no stored version: versions.py; their key not twice in `stories`) go in
    with bulk inserts: one for the articles, one per tag kind, one for their anchors. The rest go
    through store_draft one by one, in order, so updates, teasers and duplicates behave exactly
    as they do singly.
    """
    earlier = match_versions(stories)
    keys = [story.key for story in stories]
    existing = set(
        Article.objects.filter(content_key__in=set(keys)).values_list("content_key", flat=True)
    )
    seen = Counter(keys)
    new = [
        i
        for i, story in enumerate(stories)
        if story.match is None
        and earlier[i] is None
        and story.key not in existing
        and seen[story.key] == 1
    ]
    results = [None] * len(stories)
    articles = [
        Article(content_key=story.key, origin=story.origin[:500], **_article_fields(story.draft))
        for story in (stories[i] for i in new)
    ]
    for article, slug in zip(articles, unique_slugs(Article, [a.headline for a in articles])):
        article.slug = slug
    Article.objects.bulk_create(articles, batch_size=500)
    save_anchors(articles)
    tags = {k: [] for k in KINDS}
    for i, article in zip(new, articles):
        wanted = _wanted_tags(stories[i].extraction, resolver, stories[i].shift)
        for k in KINDS:
            tags[k] += _new_tags(article, k.tag_model, k.name, wanted[k])
        results[i] = ("created", article)
    for k, rows in tags.items():
        k.tag_model.objects.bulk_create(rows, batch_size=500)
    for i, story in enumerate(stories):
        if results[i] is None:
            if earlier[i] is not None:
                story.match = results[earlier[i]][1].pk
            results[i] = store_draft(story, resolver)
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
        "byline": draft.byline[:200],
        "truncated": draft.truncated,
    }


def store_draft(story, resolver):
    """Create or update the article for a PreparedStory.

    Returns (status, article), the status 'created', 'updated' or 'unchanged'.
    """
    draft, extraction, shift = story.draft, story.extraction, story.shift
    key = story.key
    fields = _article_fields(draft)
    with transaction.atomic(savepoint=False):  # callers that batch work hold the savepoint
        stored = Article.objects.select_for_update()
        if story.match is not None:
            article = stored.filter(pk=story.match).first()
        else:
            article = stored.filter(content_key=key).first()
        if article is None:
            article = Article(content_key=key, origin=story.origin[:500], **fields)
            article.save()
            save_anchors([article])
            store_tags(article, extraction, resolver, shift, new=True)
            return "created", article
        if draft.truncated and not article.truncated:
            return "unchanged", article  # never replace a full story with its teaser
        for name in (
            "published",
            "source",
            "source_url",
            "photo_credit",
            "kicker",
            "deck",
            "byline",
        ):
            if not fields[name]:
                fields[name] = getattr(article, name)  # a later text without the detail keeps it
        changed = [name for name, value in fields.items() if getattr(article, name) != value]
        for name in changed:
            setattr(article, name, fields[name])
        if changed:
            article.save()
            save_anchors([article])  # a new version's opening finds the story too
            ArticleUpdate.objects.create(
                article=article, origin=story.origin[:500], fields=sorted(changed)
            )
        tags_changed = store_tags(article, extraction, resolver, shift)
        return ("updated" if changed or tags_changed else "unchanged"), article
