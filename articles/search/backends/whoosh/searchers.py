"""The reading path's searchers: one per thread, reused while the index is unchanged.

Opening a searcher maps the segments' files and lists the index folder; a search should do
neither when nothing was written. A thread's searcher is kept and checked with one `stat` of the
folder; after a commit or a rebuild it is replaced (and closed) by one for the new version, told
apart by its table of contents file, not only by its generation number.
"""

import os
import threading
import time

from haystack.exceptions import SearchBackendError

from articles.search.backends.whoosh import codec

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
        version = self._version()  # before opening: a commit in between only costs a reopening
        searcher = getattr(self.local, "searcher", None)
        if searcher is not None and not self._is_current(searcher, version):
            # A writer committed, or the index was rebuilt. Searcher.refresh() would share readers
            # with the old searcher and leak a file handle per refresh: open anew, close the old.
            self.close()
            searcher = None
        if searcher is None:
            searcher = self.local.searcher = backend.index.searcher()
        self.local.stamp, self.local.version = stamp, version
        return searcher

    def _version(self):
        """Which table of contents the index is at: (generation, inode, time, size) of its newest
        one, or None when it cannot be told (memory storage, or a commit removed it meanwhile).

        The generation alone is not enough: a rebuilt index, or one whose table of contents was
        lost, starts numbering again, and a searcher of the old files would pass for current.
        A new table of contents is a new file, with its own inode and time.
        """
        backend = self.backend
        if not backend.use_file_storage:
            return None
        generation = backend.index.latest_generation()
        try:
            found = os.stat(codec.toc_path(backend.path, backend.index.indexname, generation))
        except OSError:
            return None
        return generation, found.st_ino, found.st_mtime_ns, found.st_size

    def _is_current(self, searcher, version):
        if not self.backend.use_file_storage:
            return searcher.up_to_date()
        return version is not None and version == getattr(self.local, "version", None)

    def _directory_stamp(self):
        """The index folder's identity and modification time, or None when it cannot vouch that
        nothing changed.

        A commit creates files in the folder, so while its time stays the same the open searcher is
        current, and listing the folder (what Whoosh does to find the latest version, twice per
        search) can be skipped. A rebuild replaces the folder (a new inode). A recent time is never
        trusted: two changes within the file system's clock tick would share it.
        """
        if not self.backend.use_file_storage:
            return None
        try:
            found = os.stat(self.backend.path)
        except OSError:
            return None
        if time.time_ns() - found.st_mtime_ns <= TRUSTED_AFTER_NS:
            return None
        return found.st_dev, found.st_ino, found.st_mtime_ns

    def close(self):
        """Close this thread's searcher (it is opened again on the next search)."""
        searcher = getattr(self.local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self.local.searcher = None
