"""What entity and article pages show beyond the rows themselves: timelines, co-mentions,
neighbours, related stories and the body with linked names. Each function costs a fixed number of
queries whatever the number of stories.

Counts over many stories (timelines, co-mentions, shared tags) come from the search index's
facets (`articles.search.aggregates`), which do not grow with the archive as a GROUP BY does; the
database queries here are the fallback when the index cannot answer.
"""

import html
from collections import Counter

from django.db.models import Count
from django.db.models.functions import TruncMonth

from articles.kinds import KINDS, kind_of, names
from articles.models import Article, TagState
from articles.sanitize import cleaned, format_html, format_html_join
from articles.search import aggregates as stats
from articles.search import search_url
from articles.text import Month

CO_MENTION_LIMIT = 8
MONTHLY_UP_TO = 60  # months; a longer timeline has a bar per year
TAGS_SHOWN = 40  # per kind under a story; the rest behind "and N more" (?tags=all)
RELATED_BY_TAGS = 50  # the story's first tags (prominence order) that choose related stories


def timeline(entity):
    """Stories per month (or per year over long spans) as [{'label', 'count', 'url'}], one query."""
    param = kind_of(entity).param
    counts = stats.months({param: entity.slug})
    if counts is None:
        rows = (
            Article.objects.tagged_with(entity)
            .dated()
            .annotate(month=TruncMonth("published"))
            .values("month")
            .annotate(n=Count("id", distinct=True))
        )
        counts = {row["month"]: row["n"] for row in rows}
    if not counts:
        return {"bars": [], "by": ""}
    first, last = Month.of(min(counts)), Month.of(max(counts))
    months = last - first + 1
    if months < 12:  # show at least a year, so a single month is a bar, not a block
        first, months = first - (12 - months), 12
    if months <= MONTHLY_UP_TO:
        per_month = Counter()
        for day, n in counts.items():
            per_month[Month.of(day)] += n
        spans = [(m.label, per_month[m], m.first_day, m.last_day) for m in _months(first, months)]
        by = "month"
    else:
        per_year = Counter()
        for day, n in counts.items():
            per_year[day.year] += n
        spans = [
            (str(year), per_year[year], Month(year, 1).first_day, Month(year, 12).last_day)
            for year in range(first.year, last.year + 1)
        ]
        by = "year"
    bars = [
        {
            "label": label,
            "count": n,
            "url": search_url(
                **{param: entity.slug, "from": start.isoformat(), "to": end.isoformat()}
            ),
        }
        for label, n, start, end in spans
    ]
    return {"bars": bars, "by": by, "svg": _timeline_svg(bars, by)}


def _months(first, count):
    return [first + i for i in range(count)]


def _timeline_svg(bars, by):
    """An inline SVG bar chart drawn on the server; every bar links to its stories."""
    peak = max(b["count"] for b in bars) or 1
    width, height, gap = 640, 120, 1  # bars share the width evenly, at most 40 wide
    slot = width / len(bars)
    bar_w = min(40, max(1, slot - gap))
    rects = []
    for i, bar in enumerate(bars):
        if bar["count"]:
            h = round(height * bar["count"] / peak, 1)
            x = round(i * slot + (slot - bar_w) / 2, 1)
            label = f"{bar['label']}: {bar['count']} stor{'y' if bar['count'] == 1 else 'ies'}"
            rects.append((bar["url"], x, round(height - h, 1), round(bar_w, 1), h, label))
    return format_html(
        '<svg class="timeline" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'preserveAspectRatio="none">'
        '{}<text x="0" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text></svg>',
        width,
        height + 18,
        f"Stories per {by}: {len(bars)} {by}s, at most {peak} in one {by}",
        format_html_join(
            "",
            '<a href="{}"><rect x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect></a>',
            rects,
        ),
        height + 14,
        bars[0]["label"],
        width,
        height + 14,
        bars[-1]["label"],
    )


def co_mentions(entity):
    """For each kind, the entities most often tagged in the same stories as `entity`, each with a
    link to those stories."""
    kind = kind_of(entity).param
    top = stats.top_entities(
        list(names()), CO_MENTION_LIMIT, filters={kind: entity.slug}, exclude=entity
    )
    if top is None:
        top = _co_mentions_from_database(entity)
    out = {}
    for other_kind, pairs in top.items():
        out[other_kind] = [
            {
                "name": other.name,
                "slug": other.slug,
                "count": n,
                "url": other.get_absolute_url(),
                "shared_url": search_url(**{kind: entity.slug, other_kind: other.slug})
                if other_kind != kind
                else search_url(q=f'"{other.name}"', **{kind: entity.slug}),
            }
            for other, n in pairs
        ]
    return out


def _co_mentions_from_database(entity):
    mine = kind_of(entity)
    story_ids = Article.objects.tagged_with(entity).values("pk")
    out = {}
    for other in KINDS:
        key = other.name
        rows = list(
            other.tag_model.objects.filter(article__in=story_ids)
            .exclude(state=TagState.REJECTED)
            .exclude(**({key: entity} if other is mine else {}))
            .values(key)
            .annotate(n=Count("article", distinct=True))
            .order_by("-n", f"{key}__name")[:CO_MENTION_LIMIT]
        )
        found = other.model.objects.in_bulk([row[key] for row in rows])
        out[key] = [(found[row[key]], row["n"]) for row in rows if row[key] in found]
    return out


def neighbours(article):
    """(newer, older) stories in the archive's order: newest first, undated last.

    Each step is a few index look-ups (same day, then the next day with stories), never a scan:
    an OR of date conditions made SQLite read every row (0.3 s at 100,000 stories).
    """
    if article.published:
        newer = _next_dated(article.published, article.pk, newer=True)
        older = _next_dated(article.published, article.pk, newer=False) or (
            Article.objects.undated().order_by("-id").first()
        )
    else:
        newer = Article.objects.undated().filter(id__gt=article.pk).order_by("id").first()
        if newer is None:
            first_day = (
                Article.objects.dated()
                .order_by("published")
                .values_list("published", flat=True)
                .first()
            )
            newer = (
                Article.objects.filter(published=first_day).order_by("id").first()
                if first_day
                else None
            )
        older = Article.objects.undated().filter(id__lt=article.pk).order_by("-id").first()
    return newer, older


def _next_dated(day, pk, newer):
    """The story after (pk, day) in (published, id) order, going forward in time if `newer`."""
    same_day = Article.objects.filter(published=day)
    found = (
        same_day.filter(id__gt=pk).order_by("id")
        if newer
        else same_day.filter(id__lt=pk).order_by("-id")
    ).first()
    if found is not None:
        return found
    days = Article.objects.dated().values_list("published", flat=True)
    next_day = (
        days.filter(published__gt=day).order_by("published")
        if newer
        else days.filter(published__lt=day).order_by("-published")
    ).first()
    if next_day is None:
        return None
    stories = Article.objects.filter(published=next_day)
    return (stories.order_by("id") if newer else stories.order_by("-id")).first()


def related_by_entities(article, limit=5):
    """[(story, shared tags)]: the stories sharing the most tags (of any kind) with `article`.

    Only the story's first RELATED_BY_TAGS tags count: a story with 10,000 tags sent the engine a
    query of 10,000 alternatives (23 s), and its most prominent tags decide what it is about.
    """
    mine = {k.name: {} for k in KINDS}
    chosen = 0
    for k in KINDS:
        for tag in getattr(article, k.tag_set).all():
            if chosen == RELATED_BY_TAGS:
                break
            mine[k.name][getattr(tag, f"{k.name}_id")] = getattr(tag, k.name).slug
            chosen += 1
    best = stats.sharing_tags(
        [(kind, slug) for kind, ids in mine.items() for slug in ids.values()], article.pk, limit
    )
    if best is None:
        return _related_from_database(article, mine, limit)
    found = Article.objects.only("id", "slug", "headline", "published").in_bulk(best)
    shared = _shared_tags(best, mine)
    return [(found[pk], shared[pk]) for pk in best if pk in found]


def tag_sections(article, show_all=False):
    """[(kind, tags shown, how many more)] for the list under a story, kinds without tags left
    out; at most TAGS_SHOWN per kind unless `show_all`, so the page stays small whatever the
    number of tags."""
    out = []
    for k in KINDS:
        tags = list(getattr(article, k.tag_set).all())
        if tags:
            shown = tags if show_all else tags[:TAGS_SHOWN]
            out.append((k, shown, len(tags) - len(shown)))
    return out


def _shared_tags(pks, mine):
    """{story pk: how many of `mine` ({kind: {entity id: slug}}) it carries}, in one query."""
    parts = [
        k.tag_model.objects.filter(article__in=pks, **{f"{k.name}__in": list(mine[k.name])})
        .exclude(state=TagState.REJECTED)
        .values("article")
        .annotate(n=Count("id"))
        .order_by()
        for k in KINDS
        if mine[k.name]
    ]
    shared = Counter()
    if pks and parts:
        for row in parts[0].union(*parts[1:], all=True):
            shared[row["article"]] += row["n"]
    return shared


def _related_from_database(article, mine, limit):
    shared = Counter()
    for k in KINDS:
        if not mine[k.name]:
            continue
        rows = (
            k.tag_model.objects.filter(**{f"{k.name}__in": list(mine[k.name])})
            .exclude(article=article)
            .exclude(state=TagState.REJECTED)
            .values("article")
            .annotate(n=Count("id"))
        )
        for row in rows:
            shared[row["article"]] += row["n"]
    best = [pk for pk, _ in shared.most_common(limit)]
    found = Article.objects.in_bulk(best)
    return [(found[pk], shared[pk]) for pk in best if pk in found]


def linked_body(article):
    """The body as safe HTML paragraphs, the first mention of each tagged entity linked.

    Built from the extractor's offsets into the body (people and countries have them; topics,
    found by keyword rules, have none); text is escaped and the result passes the bleach
    allow-list in sanitize.py (one pass for the whole body). One walk over the paragraphs and
    the sorted links together: the cost grows with text plus tags, not text times tags.
    """
    spans = sorted(_link_spans(article))
    body = article.body
    out, start, i = [], 0, 0
    for text in body.split("\n\n"):
        p_start, p_end = start, start + len(text)
        start = p_end + 2
        while i < len(spans) and spans[i][0] < p_start:
            i += 1  # a link that starts in a blank paragraph or a separator is dropped
        pieces, cursor = ["<p>"], p_start
        while i < len(spans) and spans[i][0] < p_end:
            s, e, url, kind, name = spans[i]
            i += 1
            if s < cursor or e > p_end:
                continue  # overlaps the previous link, or runs into the next paragraph
            pieces.append(html.escape(body[cursor:s]))
            pieces.append(
                f'<a class="entity-link entity-{kind}" href="{html.escape(url)}" '
                f'title="{html.escape(name)}">'
                f"{html.escape(body[s:e])}</a>"
            )
            cursor = e
        if text.strip():
            pieces.append(html.escape(body[cursor:p_end]))
            pieces.append("</p>\n")
            out.append("".join(pieces))
    return cleaned("".join(out))


def _link_spans(article):
    """(start, end, url, kind, name) of the first mention of each tagged entity with offsets
    that no longer mention holds: the "Dubai" of "Dubai Financial Services Authority" is the
    authority's name, so the country is linked where it is named by itself."""
    mentions = []  # (offsets, url, kind, name) of each tag
    for k in KINDS:
        for tag in getattr(article, k.tag_set).all():
            offsets = sorted(tuple(o) for o in tag.offsets or () if len(o) == 2)
            if offsets:
                entity = getattr(tag, k.name)
                mentions.append((offsets, entity.get_absolute_url(), k.name, entity.name))
    inside = _inside_longer({span for offsets, *_ in mentions for span in offsets})
    for offsets, url, kind, name in mentions:
        first = next((span for span in offsets if span not in inside), None)
        if first is not None:
            yield (*first, url, kind, name)


def _inside_longer(spans):
    """The spans that lie inside a longer one of `spans`: one sort and one sweep."""
    inside, reach = set(), -1
    for s, e in sorted(spans, key=lambda span: (span[0], -span[1])):
        if e <= reach:
            inside.add((s, e))
        reach = max(reach, e)
    return inside
