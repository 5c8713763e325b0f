"""Investment banks and brokers that wire copy names bare ("said analysts at Merrill Lynch",
"Lead underwriter Bear Stearns") join the shipped list of well-known organisations
(`articles/ingest/data/organisations.json`), those of today and those an archive's older stories
name: Lehman Brothers, Salomon Brothers, Kleinwort Benson, Paribas, Yamaichi. Many are named for
their founders, so without the list "Merrill Lynch" and "Dean Witter" read as people.

Like 0012 to 0014 it names what it adds and reads their details from the shipped file.
"""

from importlib import import_module

from django.db import migrations

ADDED = (
    "Merrill Lynch",
    "Lehman Brothers",
    "Bear Stearns",
    "Salomon Brothers",
    "Smith Barney",
    "Dean Witter",
    "PaineWebber",
    "Donaldson, Lufkin & Jenrette",
    "Kidder, Peabody & Co",
    "Dillon, Read & Co",
    "Drexel Burnham Lambert",
    "Shearson Lehman Brothers",
    "Prudential-Bache Securities",
    "Credit Suisse First Boston",
    "Stifel",
    "Instinet",
    "Kleinwort Benson",
    "Dresdner Kleinwort",
    "Cazenove",
    "S.G. Warburg",
    "Hoare Govett",
    "Morgan Grenfell",
    "Barings",
    "James Capel",
    "Barclays de Zoete Wedd",
    "NatWest Markets",
    "Swiss Bank Corporation",
    "Paribas",
    "Crédit Lyonnais",
    "Crédit Agricole",
    "Natixis",
    "Mediobanca",
    "Yamaichi Securities",
    "Nikko Securities",
    "Haitong Securities",
)


def add_investment_banks_and_brokers(apps, schema_editor):
    grow = import_module("articles.migrations.0012_more_well_known_organisations")
    grow.add_shipped(apps, ADDED, {})


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_media_sport_and_institutions")]

    operations = [
        migrations.RunPython(add_investment_banks_and_brokers, migrations.RunPython.noop)
    ]
