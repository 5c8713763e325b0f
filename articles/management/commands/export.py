from django.core.management.base import BaseCommand

from articles.exchange.export import records, write_csv, write_jsonl


class Command(BaseCommand):
    help = "Export every article with its people, countries and topics (rejected tags left out)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url", default="", help="prefix for urls, e.g. https://archive.example.org"
        )

    def handle(self, *args, format, output, base_url, **options):
        write = write_jsonl if format == "jsonl" else write_csv
        if not output:
            self.stdout.ending = ""
            write(self.stdout, records(base_url))
            return
        with open(output, "w", encoding="utf-8", newline="") as handle:
            count = write(handle, records(base_url))
        if options["verbosity"] >= 1:
            self.stderr.write(f"{count} article(s) written to {output}")
