"""Starter data: the topic taxonomy with its keyword rules, and every ISO 3166-1 country."""
from django.db import migrations
from django.utils.text import slugify


def add_topics(apps, schema_editor):
    from articles.ingest.topics import DEFAULT_TOPICS

    Topic = apps.get_model("articles", "Topic")
    for slug, name, keywords in DEFAULT_TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "keywords": keywords})


def add_countries(apps, schema_editor):
    from articles.ingest import gazetteer

    Country = apps.get_model("articles", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    taken = set(Country.objects.values_list("slug", flat=True))
    rows = []
    for info in gazetteer.load().countries.values():
        if info.code in existing:
            continue
        slug = slugify(info.name) or info.code.lower()
        if slug in taken:
            slug = f"{slug}-{info.code.lower()}"
        taken.add(slug)
        rows.append(Country(code=info.code, name=info.name, slug=slug, aliases=sorted(info.aliases)))
    Country.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.RunPython(add_topics, migrations.RunPython.noop),
        migrations.RunPython(add_countries, migrations.RunPython.noop),
    ]
