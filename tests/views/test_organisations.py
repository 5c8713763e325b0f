"""Organisations everywhere the other kinds are (issue 18): the registry, pages, search filter and
facets, type-ahead, linked names, sitemap, home page, export and import, the admin."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles import kinds
from articles.curation import merging
from articles.models import (
    Article,
    ArticleOrganisation,
    Country,
    EntityMerge,
    Organisation,
    RejectedName,
    TagState,
)
from tests.conftest import SEEDS, export_records, run_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(whoosh_index):
    call_command("ingest", str(SEEDS), verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    return whoosh_index


def test_the_registry_lists_organisations_after_people():
    assert kinds.names() == ("person", "organisation", "country", "topic")
    k = kinds.kind("organisations")
    assert (k.name, k.plural, k.param, k.tag_model) == (
        "organisation",
        "organisations",
        "organisation",
        ArticleOrganisation,
    )
    assert k.index_aliases and k.search_within == "mentioning"
    assert not kinds.kind("topic").index_aliases
    assert RejectedName.Kind.ORGANISATION == "organisation"


def test_seed_stories_are_tagged_with_their_organisations(seeded):
    tagged = set(Organisation.objects.mentioned().values_list("name", flat=True))
    assert tagged == {
        "Interpol",
        "Chinese Communist Party",
        "Socialist Party",
        "Albanian Central Election Commission",
        "European Union",
    }
    ccp = Organisation.objects.get(name="Chinese Communist Party")
    assert "CCP" in ccp.aliases
    tag = ArticleOrganisation.objects.get(organisation__name="Socialist Party")
    assert tag.mentions == 4 and len(tag.offsets) == 3  # one mention is in the headline


def test_list_and_detail_pages(client, indexed):
    page = client.get("/organisations/")
    assert page.status_code == 200
    assert b"Socialist Party" in page.content and b"Interpol" in page.content
    assert b"North Atlantic Treaty" not in page.content  # listed only once mentioned
    detail = client.get("/organisations/chinese-communist-party/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "Political party" in html and "CCP" in html
    assert 'name="organisation" value="chinese-communist-party"' in html
    assert "Search stories mentioning Chinese Communist Party" in html
    assert "/feeds/organisations/chinese-communist-party/" in html
    feed = client.get("/feeds/organisations/chinese-communist-party/")
    assert feed.status_code == 200 and b"<entry>" in feed.content


def test_search_filter_facets_and_type_ahead(client, indexed):
    data = client.get("/api/search/", {"organisation": "socialist-party"}).json()
    assert data["count"] == 1
    assert {f["slug"] for f in data["facets"]["organisations"]} >= {
        "socialist-party",
        "albanian-central-election-commission",
    }
    everything = client.get("/api/search/", {"q": "Albania"}).json()
    assert "organisations" in everything["facets"]
    # Names and aliases are in the indexed text: "CCP" finds the story, as does the full name.
    assert client.get("/api/search/", {"q": "Interpol"}).json()["count"] == 1
    html = client.get("/search/", {"q": "vote", "organisation": "socialist-party"})
    assert html.status_code == 200 and b"Socialist Party" in html.content
    suggest = client.get("/api/suggest/", {"q": "Socia"}).json()["results"]
    assert {"kind": "organisation", "slug": "socialist-party"}.items() <= suggest[0].items()


def test_names_linked_in_text_home_and_sitemap(client, seeded):
    article = Article.objects.get(organisations__name="Interpol")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'class="entity-link entity-organisation" href="/organisations/interpol/"' in html
    assert 'class="tag tag-organisation"' in html
    home = client.get("/").content.decode()
    assert "Organisations" in home and "/organisations/socialist-party/" in home
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/organisations/socialist-party/" in sitemap


def test_export_and_import_round_trip_organisations(tmp_path):
    run_ingest(SEEDS)
    ArticleOrganisation.objects.filter(organisation__name="Interpol").update(
        state=TagState.CONFIRMED
    )
    records = export_records()
    ccp = next(o for r in records for o in r["organisations"] if o["name"].startswith("Chinese"))
    assert set(ccp) == {"name", "slug", "url", "aliases", "state"}
    assert "CCP" in ccp["aliases"] and ccp["state"] == "auto"
    target = tmp_path / "archive.jsonl"
    call_command("export", format="jsonl", output=str(target), verbosity=0)
    Article.objects.all().delete()
    Organisation.objects.filter(well_known=False).delete()
    code, out, _ = run_ingest(target)
    assert code == 0, out
    restored = export_records()
    key = lambda rs: sorted((r["slug"], json.dumps(r["organisations"])) for r in rs)  # noqa: E731
    assert key(restored) == key(records)
    assert ArticleOrganisation.objects.get(organisation__name="Interpol").state == "confirmed"


def test_import_refuses_a_badly_typed_organisation(tmp_path):
    bad = {"headline": "A", "body": "B.", "organisations": [{"name": ["NATO"]}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    code, out, err = run_ingest(path)
    assert code == 1 and "organisations name" in out + err


def test_admin_lists_merges_undoes_and_rejects(admin_client, seeded, settings):
    url = reverse("admin:articles_organisation_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"well_known__exact": "1"}).status_code == 200
    party = Organisation.objects.get(name="Socialist Party")
    twin = Organisation.objects.create(
        name="Socialist Party of Albania", kind="party", country=Country.objects.get(code="AL")
    )
    admin_client.post(url, {"action": "merge_selected", "_selected_action": [party.pk, twin.pk]})
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    restored = EntityMerge.objects.get().undo()
    assert restored.country.code == "AL" and restored.kind == "party"
    merging.merge(party, restored)
    assert admin_client.get(f"/organisations/{restored.slug}/").status_code == 301
    admin_client.post(url, {"action": "reject_everywhere", "_selected_action": [party.pk]})
    assert RejectedName.objects.filter(kind="organisation", name="Socialist Party").exists()
    assert not ArticleOrganisation.objects.filter(organisation=party).exclude(
        state=TagState.REJECTED
    )
    queue = reverse("admin:articles_reviewqueue_changelist")
    assert admin_client.get(queue).status_code == 200
    article = Article.objects.filter(organisations__name="Interpol").get()
    change = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert b"organisation tag" in change.content.lower()
