from django.core.management.base import BaseCommand, CommandError

from articles.search import drift as index_check


class Command(BaseCommand):
    help = (
        "Check that the search index's files read whole and report drift between the database "
        "and the index; --repair fixes it (rebuilding a damaged index), --rebuild starts over."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            dest="fix",
            help="re-index what drifted (rebuild an unreadable index)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="only report (the default without --repair)"
        )
        parser.add_argument(
            "--deep",
            action="store_true",
            help="also decode every postings block (finds bytes overwritten inside a file; slower)",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="throw the index away and index every article again (in bulk)",
        )

    def handle(self, *args, fix, dry_run, rebuild, deep, verbosity, **options):
        if rebuild:
            if dry_run:
                self.stdout.write(
                    "dry run: the index would be thrown away and every article indexed again"
                )
                return
            updated, _ = index_check.rebuild()
            self.stdout.write(self.style.SUCCESS(f"rebuilt: {updated} article(s) indexed"))
            return
        drift = index_check.check(deep=deep)
        if drift.error:
            self.stdout.write(self.style.ERROR(f"index unreadable: {drift.error}"))
        else:
            self.stdout.write(
                f"{drift.articles} article(s), {drift.documents} indexed: "
                f"{len(drift.missing)} missing, "
                f"{len(drift.stale)} stale, {len(drift.outdated)} outdated"
            )
            if verbosity >= 2:
                for label in ("missing", "stale", "outdated"):
                    ids = getattr(drift, label)
                    if ids:
                        more = " …" if len(ids) > 50 else ""
                        self.stdout.write(f"  {label}: {', '.join(map(str, ids[:50]))}{more}")
        if drift.ok:
            self.stdout.write(self.style.SUCCESS("index matches the database"))
            return
        if not fix or dry_run:
            problem = "cannot be read whole" if drift.error else "has drifted"
            raise CommandError(f"the index {problem}; run `manage.py check_index --repair`")
        updated, removed = index_check.repair(drift)
        self.stdout.write(self.style.SUCCESS(f"repaired: {updated} re-indexed, {removed} removed"))
