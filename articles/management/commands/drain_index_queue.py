import time

from django.core.management.base import BaseCommand, CommandError

from articles.diskfull import is_disk_full
from articles.models import IndexQueueEntry
from articles.search.backends.base import IndexBusy
from articles.search.queue import drain


class Command(BaseCommand):
    help = "Apply queued article changes to the search index (the index's single writer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--watch", type=float, metavar="SECONDS", help="keep draining every SECONDS"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report the queue length, change nothing"
        )

    def handle(self, *args, watch, dry_run, verbosity, **options):
        if dry_run:
            self.stdout.write(f"{IndexQueueEntry.objects.count()} queued change(s)")
            return
        while True:
            try:
                updated, removed = drain()
            except IndexBusy as exc:
                if not watch:
                    raise CommandError(str(exc)) from None
                self.stderr.write(str(exc))
            except Exception as exc:
                # Entries leave the queue only once their change is in the index: nothing lost.
                if is_disk_full(exc):
                    raise CommandError("no space left on device while writing the index") from None
                raise
            else:
                if verbosity >= 1 and (updated or removed or not watch):
                    self.stdout.write(f"index: {updated} updated, {removed} removed")
            if not watch:
                return
            time.sleep(watch)
