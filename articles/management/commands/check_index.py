from django.core.management.base import BaseCommand, CommandError

from articles import index_check


class Command(BaseCommand):
    help = "Report drift between the database and the search index; --repair fixes it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", dest="fix", help="re-index what drifted (rebuild an unreadable index)"
        )
        parser.add_argument("--dry-run", action="store_true", help="only report (the default without --repair)")

    def handle(self, *args, fix, dry_run, verbosity, **options):
        drift = index_check.check()
        if drift.error:
            self.stdout.write(self.style.ERROR(f"index unreadable: {drift.error}"))
        else:
            self.stdout.write(
                f"{drift.articles} article(s), {drift.documents} indexed: {len(drift.missing)} missing, "
                f"{len(drift.stale)} stale, {len(drift.outdated)} outdated"
            )
            if verbosity >= 2:
                for label in ("missing", "stale", "outdated"):
                    ids = getattr(drift, label)
                    if ids:
                        self.stdout.write(f"  {label}: {', '.join(map(str, ids[:50]))}{' …' if len(ids) > 50 else ''}")
        if drift.ok:
            self.stdout.write(self.style.SUCCESS("index matches the database"))
            return
        if not fix or dry_run:
            raise CommandError("the index has drifted; run `manage.py check_index --repair`")
        updated, removed = index_check.repair(drift)
        self.stdout.write(self.style.SUCCESS(f"repaired: {updated} re-indexed, {removed} removed"))

