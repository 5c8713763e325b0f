"""The archive's contract with a search engine, beyond haystack's, with defaults for any engine.

haystack's backends index and search. The archive also writes a whole queue of changes as one
run (`writing`), throws a broken index away (`reset_index`), prepares a new index version for
readers (`warm`), compares the index with the database (`indexed_versions`), reads its own files
whole to find damage (`damaged_files`) and says "did you mean" (`suggest_words`). Each engine's
backend mixes `ArchiveBackend` in and overrides what it can do better; callers use the methods and
never probe for them.
"""

import os
import shutil
from contextlib import contextmanager


class IndexBusy(Exception):
    """Another process holds the index's write lock: the queue keeps everything for the next
    round."""


class SearchUnavailable(Exception):
    """The search engine cannot answer (index missing, broken or locked)."""


class ArchiveBackend:
    """A mixin for haystack backends (it uses only haystack's backend methods)."""

    @contextmanager
    def writing(self, bulk=False):
        """Yield write(index, objects, removed_identifiers) for a run of changes.

        `bulk` says the run is long (the Whoosh backend spreads it over several processes). The
        default sends each call to haystack's update and remove.
        """

        def write(index, objects, removed_identifiers=()):
            if objects:
                self.update(index, objects)
            for identifier in removed_identifiers:
                self.remove(identifier)

        yield write

    def reset_index(self):
        """Throw the index away and start an empty one (for an index that cannot be read).

        An engine keeping its index in files removes whatever is at its index path, a folder, a
        file or a link, with `remove_index_path` (never anything above it), and numbers the new
        index above the one it replaces, so that running processes see that it changed.
        """
        self.clear()

    def damaged_files(self, deep=False):
        """Messages naming index files that cannot be read whole ([] when all can).

        Answering queries reads only what they touch, so damage can hide until the wrong search.
        The default knows no files and vouches for nothing beyond `indexed_versions`; `deep` asks
        for the slower, thorough read where an engine has one.
        """
        return []

    def warm(self):
        """Prepare what searches of a newly written index share (after the drainer's commit)."""

    def indexed_versions(self):
        """{article id: the `updated` datetime it was indexed with} for every indexed article."""
        from haystack.query import SearchQuerySet

        from articles.models import Article

        found = SearchQuerySet(using=self.connection_alias).models(Article)
        return {int(pk): updated for pk, updated in found.values_list("pk", "updated")}

    def suggest_words(self, words):
        """The words, each unknown one replaced by a close known one ("did you mean")."""
        from haystack.query import SearchQuerySet

        from articles.models import Article

        found = SearchQuerySet(using=self.connection_alias).models(Article)
        return (found.spelling_suggestion(" ".join(words)) or "").split()


def remove_index_path(path):
    """Remove what is at an index path, whatever it is: a folder with its files, a file, or a link
    (the link, never what it points to); nothing above the path. Returns whether something was
    there. A file or link there would otherwise stop a new index from being created."""
    path = os.path.normpath(path)
    if path in (os.sep, os.curdir, os.pardir) or not os.path.basename(path):
        raise ValueError(f"refusing to remove {path!r} as an index path")
    if os.path.islink(path) or (os.path.lexists(path) and not os.path.isdir(path)):
        os.remove(path)
        return True
    if os.path.isdir(path):
        shutil.rmtree(path)
        return True
    return False
