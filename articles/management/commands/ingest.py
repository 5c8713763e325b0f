import sys

from django.core.management.base import BaseCommand, CommandError

from articles.diskfull import DiskFull
from articles.ingest.extraction import preload
from articles.ingest.parse import ParseError, parse_date
from articles.ingest.pipeline import ingest_paths
from articles.text import printable as _printable  # names and reasons as one line each


class Command(BaseCommand):
    help = (
        "Ingest article text from files and folders (recursively): .txt in the seed format, .html, "
        "or .jsonl in the export format. Idempotent; a bad file is reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to ingest")
        parser.add_argument(
            "--date", help="publication date YYYY-MM-DD for texts that do not give one"
        )
        parser.add_argument(
            "--source", default="", help="source name for texts that do not give one"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="parse and extract, report, store nothing (with -v 2: every story as read)",
        )

    def handle(self, *args, paths, date, source, dry_run, verbosity, **options):
        try:
            published = parse_date(date) if date else None
        except ParseError as exc:
            raise CommandError(f"--date: {exc}") from None
        show_progress = verbosity >= 1 and self.stderr.isatty()
        preload()  # the extractor's word lists, loaded once and kept out of the collector's way
        try:
            report = ingest_paths(
                paths,
                published=published,
                source=source,
                dry_run=dry_run,
                progress=self._progress if show_progress else None,
                keep_stories=verbosity >= 2,
            )
        except DiskFull as exc:  # the chunk in progress is rolled back; earlier chunks are kept
            raise CommandError(_printable(exc)) from None
        if show_progress:
            self.stderr.write("")
        for story in report.stories or []:
            self._show(story)
        for path, reason in report.failed:
            self.stderr.write(self.style.ERROR(f"failed: {_printable(path)}: {_printable(reason)}"))
        if verbosity >= 1:
            prefix = "dry run, nothing stored: " if dry_run else ""
            summary = (
                f"{prefix}{report.files} file(s): {report.created} created, "
                f"{report.updated} updated, {report.unchanged} unchanged, "
                f"{len(report.failed)} failed"
            )
            if report.skipped:
                summary += f", {report.skipped} skipped (not .txt/.html/.jsonl)"
            self.stdout.write(
                self.style.SUCCESS(summary) if not report.failed else self.style.WARNING(summary)
            )
        if report.failed:
            sys.exit(1)

    def _show(self, story):
        """One story as it was read: what a user checks before storing anything."""
        draft, found = story.draft, story.extraction
        lines = [
            f"{_printable(story.origin)}",
            f"  kicker: {draft.kicker or '-'}",
            f"  headline: {draft.headline}",
            f"  date: {draft.published or 'unknown'}    byline: {draft.byline or '-'}",
            f"  teaser (cut off): {'yes' if draft.truncated else 'no'}    "
            f"paragraphs: {len(draft.paragraphs)}",
            f"  people: {', '.join(p.name for p in found.people) or '-'}",
            f"  organisations: {', '.join(o.name for o in found.organisations) or '-'}",
            f"  countries: {', '.join(c.code for c in found.countries) or '-'}",
        ]
        self.stdout.write("\n".join(lines))

    def _progress(self, done, total, path):
        if total < 2:
            return
        width = 30
        filled = width * done // total
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", ending=""
        )
        self.stderr.flush()
