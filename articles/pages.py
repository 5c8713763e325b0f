"""What entity and article pages show beyond the rows themselves: timelines, co-mentions,
neighbours, related stories and the body with linked names. Each function costs a fixed number of
queries whatever the number of stories.

Counts over many stories (timelines, co-mentions, shared tags) come from the search index's
facets (stats.py), which answer in milliseconds at any size; the database GROUP BYs here are the
fallback when the index cannot answer.
"""

import datetime as dt
import html
from collections import Counter

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.http import urlencode

from articles.models import TAG_MODELS, Article, TagState
from articles.sanitize import cleaned, format_html, format_html_join
from articles.search import aggregates as stats

CO_MENTION_LIMIT = 8


def _kind(entity):
    return type(entity)._meta.model_name


def timeline(entity):
    """Stories per month (or per year over long spans) as [{'label', 'count', 'url'}], one query."""
    counts = stats.months({_kind(entity): entity.slug})
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
    first, last = min(counts), max(counts)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months < 12:  # show at least a year, so a single month is a bar, not a block
        index = first.year * 12 + first.month - 1 - (12 - months)
        first, months = first.replace(year=index // 12, month=index % 12 + 1), 12
    bars = []
    param = _kind(entity)  # the search parameter is named after the kind
    if months <= 60:
        year, month = first.year, first.month
        for _ in range(months):
            n = sum(v for k, v in counts.items() if k.year == year and k.month == month)
            start = f"{year:04d}-{month:02d}-01"
            end_year, end_month = (year + 1, 1) if month == 12 else (year, month + 1)
            bars.append(
                {
                    "label": f"{year}-{month:02d}",
                    "count": n,
                    "url": _search_url(
                        **{
                            param: entity.slug,
                            "from": start,
                            "to": _day_before(end_year, end_month),
                        }
                    ),
                }
            )
            year, month = end_year, end_month
        by = "month"
    else:
        for year in range(first.year, last.year + 1):
            n = sum(v for k, v in counts.items() if k.year == year)
            bars.append(
                {
                    "label": str(year),
                    "count": n,
                    "url": _search_url(
                        **{param: entity.slug, "from": f"{year}-01-01", "to": f"{year}-12-31"}
                    ),
                }
            )
        by = "year"
    return {"bars": bars, "by": by, "svg": _timeline_svg(bars, by)}


def _day_before(year, month):
    return (dt.date(year, month, 1) - dt.timedelta(days=1)).isoformat()


def _search_url(**params):
    return reverse("search") + "?" + urlencode({k: v for k, v in params.items() if v})


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
        '<svg class="timeline" viewBox="0 0 {} {}" role="img" aria-label="{}" preserveAspectRatio="none">'
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
    """For each kind, the entities most often tagged in the same stories, with a link to those stories."""
    kind = _kind(entity)
    top = stats.top_entities(
        list(TAG_MODELS), CO_MENTION_LIMIT, filters={kind: entity.slug}, exclude=entity
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
                "shared_url": _search_url(**{kind: entity.slug, other_kind: other.slug})
                if other_kind != kind
                else _search_url(q=f'"{other.name}"', **{kind: entity.slug}),
            }
            for other, n in pairs
        ]
    return out


def _co_mentions_from_database(entity):
    kind = _kind(entity)
    story_ids = Article.objects.tagged_with(entity).values("pk")
    out = {}
    for other_kind, model in TAG_MODELS.items():
        entity_model = model._meta.get_field(other_kind).related_model
        rows = (
            model.objects.filter(article__in=story_ids)
            .exclude(state=TagState.REJECTED)
            .exclude(**({other_kind: entity} if other_kind == kind else {}))
            .values(other_kind)
            .annotate(n=Count("article", distinct=True))
            .order_by("-n", f"{other_kind}__name")[:CO_MENTION_LIMIT]
        )
        rows = list(rows)
        found = entity_model.objects.in_bulk([row[other_kind] for row in rows])
        out[other_kind] = [
            (found[row[other_kind]], row["n"]) for row in rows if row[other_kind] in found
        ]
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
    """[(story, shared tags)]: stories sharing the most people, countries and topics with `article`."""
    mine = {
        kind: {
            getattr(tag, f"{kind}_id"): getattr(tag, kind).slug
            for tag in getattr(article, f"{model._meta.model_name}_set").all()
        }
        for kind, model in TAG_MODELS.items()
    }
    best = stats.sharing_tags(
        [(kind, slug) for kind, ids in mine.items() for slug in ids.values()], article.pk, limit
    )
    if best is None:
        return _related_from_database(article, mine, limit)
    found = Article.objects.only("id", "slug", "headline", "published").in_bulk(best)
    shared = _shared_tags(best, mine)
    return [(found[pk], shared[pk]) for pk in best if pk in found]


def _shared_tags(pks, mine):
    """{story pk: how many of `mine` ({kind: {entity id: slug}}) it carries}, in one query."""
    parts = [
        model.objects.filter(article__in=pks, **{f"{kind}__in": list(mine[kind])})
        .exclude(state=TagState.REJECTED)
        .values("article")
        .annotate(n=Count("id"))
        .order_by()
        for kind, model in TAG_MODELS.items()
        if mine[kind]
    ]
    shared = Counter()
    if pks and parts:
        for row in parts[0].union(*parts[1:], all=True):
            shared[row["article"]] += row["n"]
    return shared


def _related_from_database(article, mine, limit):
    shared = Counter()
    for kind, model in TAG_MODELS.items():
        if not mine[kind]:
            continue
        rows = (
            model.objects.filter(**{f"{kind}__in": list(mine[kind])})
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
    """The body as safe HTML paragraphs, the first mention of each tagged person and country linked.

    Built from the extractor's offsets into the body; text is escaped and the result passes the
    bleach allow-list in sanitize.py (one pass for the whole body).
    """
    spans = []
    for kind, attr in (("person", "articleperson_set"), ("country", "articlecountry_set")):
        for tag in getattr(article, attr).all():
            offsets = sorted(tuple(o) for o in tag.offsets or () if len(o) == 2)
            if offsets:
                entity = getattr(tag, kind)
                spans.append(
                    (offsets[0][0], offsets[0][1], entity.get_absolute_url(), kind, entity.name)
                )
    spans.sort()
    body = article.body
    paragraphs, start = [], 0
    for text in body.split("\n\n"):
        paragraphs.append((start, text))
        start += len(text) + 2
    out = []
    for p_start, text in paragraphs:
        if not text.strip():
            continue
        p_end = p_start + len(text)
        pieces, cursor = ["<p>"], p_start
        for s, e, url, kind, name in spans:
            if s < cursor or s < p_start or e > p_end:
                continue
            pieces.append(html.escape(body[cursor:s]))
            pieces.append(
                f'<a class="entity-link entity-{kind}" href="{html.escape(url)}" title="{html.escape(name)}">'
                f"{html.escape(body[s:e])}</a>"
            )
            cursor = e
        pieces.append(html.escape(body[cursor:p_end]))
        pieces.append("</p>\n")
        out.append("".join(pieces))
    return cleaned("".join(out))
