"""Rating agencies, central banks and United States agencies known by their initials join the
shipped list of well-known organisations (`articles/ingest/data/organisations.json`), and the
Fed, the F.B.I. and the C.I.A. get the forms wire copy writes them in.

The migration names what it adds and reads their details from the shipped file: it never
brings back one of 0011's organisations that an editor deleted, and changes an existing row only
by ticking it well known and adding the new aliases.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

SHIPPED_FILE = Path(__file__).resolve().parent.parent / "ingest" / "data" / "organisations.json"

ADDED = (
    "Standard & Poor's",
    "Fitch Ratings",
    "Bank of Japan",
    "Bank of England",
    "Reserve Bank of India",
    "People's Bank of China",
    "Swiss National Bank",
    "Reserve Bank of Australia",
    "Reserve Bank of New Zealand",
    "Bank of Canada",
    "Bank of Korea",
    "Banque de France",
    "Securities and Exchange Commission",
    "Food and Drug Administration",
    "Environmental Protection Agency",
    "U.S. Department of Agriculture",
    "Federal Aviation Administration",
    "Federal Communications Commission",
    "Federal Trade Commission",
    "NASA",
    "National Institutes of Health",
    "Centers for Disease Control and Prevention",
    "Drug Enforcement Administration",
    "Internal Revenue Service",
    "National Security Agency",
    "Federal Emergency Management Agency",
    "Federal Deposit Insurance Corporation",
    "National Transportation Safety Board",
    "Bureau of Alcohol, Tobacco, Firearms and Explosives",
    "Department of Homeland Security",
)
NEW_ALIASES = {
    "Federal Reserve": ("Fed", "U.S. Federal Reserve"),
    "Federal Bureau of Investigation": ("F.B.I.",),
    "Central Intelligence Agency": ("C.I.A.",),
}


def add_organisations(apps, schema_editor):
    add_shipped(apps, ADDED, NEW_ALIASES)


def add_shipped(apps, added, new_aliases):
    """Adds the shipped organisations named in `added`, as the file describes them, and the
    aliases of `new_aliases` ({name: aliases}) to the rows that exist. Later migrations that
    grow the list call it with their own names."""
    Organisation = apps.get_model("articles", "Organisation")
    Country = apps.get_model("articles", "Country")
    shipped = {e["name"]: e for e in json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))}
    countries = dict(Country.objects.values_list("code", "pk"))
    taken = set(Organisation.objects.values_list("slug", flat=True))
    existing = {org.name: org for org in Organisation.objects.all()}
    rows = []
    for name in added:
        entry = shipped.get(name)
        if entry is None:
            continue
        org = existing.get(name)
        if org is not None:  # an editor made it before the list did: tick it, keep their edits
            org.well_known = True
            org.aliases = [*org.aliases, *(a for a in entry["aliases"] if a not in org.aliases)]
            org.save(update_fields=["well_known", "aliases"])
            continue
        slug = base = slugify(name)[:112] or "organisation"
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        rows.append(
            Organisation(
                name=name,
                slug=slug,
                aliases=sorted(entry["aliases"]),
                kind=entry["kind"],
                country_id=countries.get(entry.get("country")),
                well_known=True,
            )
        )
    Organisation.objects.bulk_create(rows)
    for name, aliases in new_aliases.items():
        org = existing.get(name)
        if org is not None:
            org.aliases = [*org.aliases, *(a for a in aliases if a not in org.aliases)]
            org.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_organisations")]

    operations = [migrations.RunPython(add_organisations, migrations.RunPython.noop)]
