"""Companies and brands that today's news names bare, and that neither the shipped list nor the
stock-index list knew under the name stories use: platforms ("Google", "Facebook", "YouTube",
"WhatsApp"), makers known by one word ("Toyota", "Honda", "Cisco"), national carriers and
railways ("Amtrak", "SNCF", "Avianca", "Telstra"), retailers ("Aldi", "Lidl", "Carrefour").
The stock-index list holds some only under a longer name ("Alphabet Inc.", "Cisco Systems") or
leaves out one-word names that are also words or cities ("Apple", "Toyota"); in the shipped
list, a name that is also an everyday word counts only where nothing says it is the word.

Like 0012 to 0015 it names what it adds and reads their details from the shipped file.
"""

from importlib import import_module

from django.db import migrations

ADDED = (
    "Google",
    "Alphabet",
    "Apple",
    "Meta",
    "Facebook",
    "Instagram",
    "WhatsApp",
    "YouTube",
    "Twitter",
    "Oracle",
    "Cisco",
    "Adobe",
    "Dell",
    "Hewlett-Packard",
    "Zoom",
    "Lyft",
    "Advanced Micro Devices",
    "Infineon",
    "Wipro",
    "Flipkart",
    "Paytm",
    "Zomato",
    "Gojek",
    "Shopee",
    "Jumia",
    "Telstra",
    "Vodacom",
    "NTT",
    "Toyota",
    "Honda",
    "Ford",
    "Chrysler",
    "Fiat",
    "Peugeot",
    "Ferrari",
    "Pirelli",
    "Lockheed Martin",
    "Raytheon",
    "NIO",
    "Xpeng",
    "Chevron",
    "ExxonMobil",
    "Alcan",
    "Alcoa",
    "Starbucks",
    "Disney",
    "Roche",
    "Bayer",
    "Philips",
    "Carlsberg",
    "Carrefour",
    "Aldi",
    "Lidl",
    "Zara",
    "Visa",
    "Viacom",
    "Paramount",
    "Warner Bros. Discovery",
    "Amtrak",
    "SNCF",
    "Avianca",
)


def add_companies_and_brands(apps, schema_editor):
    grow = import_module("articles.migrations.0012_more_well_known_organisations")
    grow.add_shipped(apps, ADDED, {})


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_investment_banks_and_brokers")]

    operations = [migrations.RunPython(add_companies_and_brands, migrations.RunPython.noop)]
