"""`manage.py export`: JSONL records and CSV rows."""

import pytest
from django.core.management import call_command

from tests.conftest import SEEDS, export_records, run_ingest

pytestmark = pytest.mark.django_db


def test_seed_export_has_kicker_teaser_flag_credit_and_xi_on_both_stories():
    run_ingest(SEEDS)
    records = export_records()
    assert len(records) == 5
    china = next(r for r in records if r["body"].startswith("China would train"))
    assert (china["kicker"], china["truncated"], china["photo_credit"]) == ("", False, "AP")
    kickers = sorted(r["kicker"] for r in records if r["kicker"])
    assert kickers == ["CANCER", "EUROPEAN FUTURE?", "FRAUD ALLEGED"]
    assert all(r["truncated"] for r in records if r is not china)
    xi = [r for r in records if any(p["name"] == "Xi Jinping" for p in r["people"])]
    assert len(xi) == 2
    for record in xi:
        person = next(p for p in record["people"] if p["name"] == "Xi Jinping")
        assert person["aliases"] == ["習近平"]
        assert person["url"] == "/people/xi-jinping/"


def test_export_csv_has_header_and_a_row_per_article(tmp_path):
    run_ingest(SEEDS)
    target = tmp_path / "out.csv"
    call_command("export", format="csv", output=str(target), verbosity=0)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,slug,url,headline")
    import csv

    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    assert any("Xi Jinping" in row["people"] for row in rows)
