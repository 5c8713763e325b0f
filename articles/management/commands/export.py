import csv
import json

from django.core.management.base import BaseCommand

from articles.exchange.jsonl import article_record, export_queryset

CSV_COLUMNS = [
    "id",
    "slug",
    "url",
    "headline",
    "kicker",
    "deck",
    "body",
    "published",
    "source",
    "photo_credit",
    "truncated",
    "people",
    "countries",
    "topics",
]


class Command(BaseCommand):
    help = "Export every article with its people, countries and topics (rejected tags left out)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url", default="", help="prefix for urls, e.g. https://archive.example.org"
        )

    def handle(self, *args, format, output, base_url, **options):
        if output:
            handle = open(output, "w", encoding="utf-8", newline="")
        else:
            handle, self.stdout.ending = self.stdout, ""
        try:
            records = (
                article_record(a, base_url.rstrip("/"))
                for a in export_queryset().iterator(chunk_size=500)
            )
            count = (
                self._write_jsonl(handle, records)
                if format == "jsonl"
                else self._write_csv(handle, records)
            )
        finally:
            if output:
                handle.close()
        if output and options["verbosity"] >= 1:
            self.stderr.write(f"{count} article(s) written to {output}")

    def _write_jsonl(self, handle, records):
        count = 0
        for count, record in enumerate(records, 1):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count

    def _write_csv(self, handle, records):
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        count = 0
        for count, record in enumerate(records, 1):
            record["people"] = "; ".join(p["name"] for p in record["people"])
            record["countries"] = "; ".join(c["code"] for c in record["countries"])
            record["topics"] = "; ".join(t["name"] for t in record["topics"])
            writer.writerow(record)
        return count
