"""The reading path's searchers: one per thread, reused while the index is unchanged.

Opening a searcher maps the segments' files and lists the index folder; a search should do
neither when nothing was written. A thread's searcher is kept and checked with one `stat` of the
folder; after a commit it is replaced (and closed) by one for the new version.
"""

import os
import threading
import time

from haystack.exceptions import SearchBackendError

TRUSTED_AFTER_NS = 1_000_000_000  # a folder time younger than this may hide a second change


class Searchers:
    """The searchers of one backend, one per thread."""

    def __init__(self, backend):
        self.backend = backend
        self.local = threading.local()

    def current(self):
        """This thread's searcher, refreshed if a writer has committed since it was opened.

        Readers never create an index: a missing one is an error the site reports as "search
        unavailable", not an empty archive. Writers (update, clear) create it.
        """
        backend = self.backend
        searcher = getattr(self.local, "searcher", None)
        stamp = self._directory_stamp()
        if (
            searcher is not None
            and stamp is not None
            and stamp == getattr(self.local, "stamp", None)
        ):
            return searcher  # nothing was written since this thread last looked (one stat call)
        if not backend.index_exists():
            self.close()
            raise SearchBackendError(
                f"the search index at {backend.path} is missing; run manage.py check_index --repair"
            )
        if not backend.setup_complete:
            self.close()
            backend.setup()
        searcher = getattr(self.local, "searcher", None)
        if searcher is None:
            searcher = self.local.searcher = backend.index.searcher()
        elif not searcher.up_to_date():
            # A writer committed. Searcher.refresh() would share readers with the old searcher and
            # leak a file handle per refresh, so open anew and close the old one.
            searcher.close()
            searcher = self.local.searcher = backend.index.searcher()
        self.local.stamp = stamp
        return searcher

    def _directory_stamp(self):
        """The index folder's modification time, or None when it cannot vouch that nothing changed.

        A commit creates files in the folder, so while its time stays the same the open searcher is
        current, and listing the folder (what Whoosh does to find the latest version, twice per
        search) can be skipped. A recent time is never trusted: two changes within the file
        system's clock tick would share it.
        """
        if not self.backend.use_file_storage:
            return None
        try:
            stamp = os.stat(self.backend.path).st_mtime_ns
        except OSError:
            return None
        return stamp if time.time_ns() - stamp > TRUSTED_AFTER_NS else None

    def close(self):
        """Close this thread's searcher (it is opened again on the next search)."""
        searcher = getattr(self.local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self.local.searcher = None
