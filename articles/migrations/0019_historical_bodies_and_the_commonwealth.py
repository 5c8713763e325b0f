"""Bodies an archive's older stories name bare join the shipped list: the Khmer Rouge, the
Missionaries of Charity, the Islamic Salvation Front, the Kosovo Liberation Army, the Irish
Republican Army and Trans World Airlines (TWA). Their acronyms that also name other things stay
out (FIS is skiing's federation, IRA a retirement account, KLA and ETA are no safer). The
Commonwealth of Nations gets the name copy calls it by, "the Commonwealth"; a longer name it
opens ("Commonwealth Games", "Commonwealth Bank") stays the longer name's. Like 0012 to 0018 it
names what it adds and reads their details from the shipped file."""

from importlib import import_module

from django.db import migrations

ADDED = (
    "Khmer Rouge",
    "Missionaries of Charity",
    "Islamic Salvation Front",
    "Kosovo Liberation Army",
    "Irish Republican Army",
    "Trans World Airlines",
)
NEW_ALIASES = {"Commonwealth of Nations": ["Commonwealth"]}


def add_bodies(apps, schema_editor):
    grow = import_module("articles.migrations.0012_more_well_known_organisations")
    grow.add_shipped(apps, ADDED, NEW_ALIASES)


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_fijian_drua")]

    operations = [migrations.RunPython(add_bodies, migrations.RunPython.noop)]
