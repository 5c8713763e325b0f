"""The Super Rugby club the shipped list names "Fiji Drua" plays as the Fijian Drua, as copy
writes it: the form joins its aliases, so a story's "Fijian Drua" is the club's (found on the
dev31 gold set). The row keeps its name and slug, and so its pages' addresses."""

from importlib import import_module

from django.db import migrations

NEW_ALIASES = {"Fiji Drua": ["Fijian Drua"]}


def add_aliases(apps, schema_editor):
    grow = import_module("articles.migrations.0012_more_well_known_organisations")
    grow.add_shipped(apps, (), NEW_ALIASES)


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_clubs_companies_and_bodies")]

    operations = [migrations.RunPython(add_aliases, migrations.RunPython.noop)]
