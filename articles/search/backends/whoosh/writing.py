"""Writing the Whoosh index: one writer for a whole run of changes, committed once.

Segments are written uncompounded, so opening a searcher maps files instead of copying them; a
long queue is analysed by several processes (Whoosh's MpWriter) in one commit. A held lock is
waited for up to LOCK_TIMEOUT seconds and then reported as IndexBusy: a change is never dropped
silently (haystack's Whoosh backend logs and drops what meets a held lock).
"""

from contextlib import contextmanager

from haystack.constants import ID
from haystack.exceptions import SkipDocument
from whoosh.index import LockError

from articles.search.backends.base import IndexBusy, remove_index_path
from articles.search.backends.whoosh import codec
from articles.search.backends.whoosh.schema import SPELLING
from articles.search.backends.whoosh.spelling import Spelled


def document(backend, index, obj):
    """The Whoosh document for `obj`, or None when the index skips it."""
    try:
        doc = index.full_prepare(obj)
    except SkipDocument:
        return None
    names = backend.schema.names()
    return {key: backend._from_python(value) for key, value in doc.items() if key in names}


class WriteSession:
    """The documents written through one writer: new ones are added, known ones replaced."""

    def __init__(self, backend, writer, bulk=False):
        self.backend = backend
        self.writer = writer
        self.empty = not any(segment.doc_count_all() for segment in writer.segments)
        # A long run, or the first filling of an empty index, gives each word to the spelling
        # field once, not once per story: the field only has to know that a word exists.
        self.spelled = Spelled(once=bulk or self.empty)

    def write(self, index, objects, removed_identifiers=()):
        """Delete `removed_identifiers`, then add or replace the documents of `objects`."""
        for identifier in removed_identifiers:
            self.writer.delete_by_term(ID, identifier)
        for obj in objects:
            doc = document(self.backend, index, obj)
            if doc is None:
                continue
            doc[SPELLING] = self.spelled.field_text(doc.get(self.backend.content_field_name) or "")
            if self.empty:  # nothing to replace: skip update_document's look-up per document
                self.writer.add_document(**doc)
            else:
                self.writer.update_document(**doc)


def open_writer(backend, bulk):
    """A writer on the backend's index; IndexBusy when another process holds the lock."""
    options = {"timeout": backend.lock_timeout, "limitmb": backend.limitmb, "compound": False}
    if bulk and backend.procs > 1:
        options.update(procs=backend.procs, multisegment=True, batchsize=250)
    try:
        return backend.index.writer(**options)
    except LockError as exc:
        raise IndexBusy(
            f"the search index is locked by another writer ({exc}); try again shortly"
        ) from exc


@contextmanager
def writing(backend, bulk=False):
    """A WriteSession committed once at the end (cancelled on error)."""
    if not backend.setup_complete:
        backend.setup()
    writer = open_writer(backend, bulk)
    try:
        yield WriteSession(backend, writer, bulk=bulk)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def reset(backend):
    """Throw the index (and its facet files) away and create an empty one, numbered above the one
    it replaces.

    Whatever is at the index path goes (a folder, a file, a link), and nothing above it. Whoosh
    would start the new index at generation 0 and its first commit would be numbered 1 again:
    a process that opened the old generation 1 would take it for current and go on serving the
    old (perhaps broken) files.
    """
    backend.searchers.close()
    replaced = -1
    if backend.use_file_storage:
        indexname = backend.index.indexname if backend.setup_complete else None
        replaced = codec.latest_generation(backend.path, indexname)
        remove_index_path(backend.path)
        remove_index_path(backend.facet_cache_dir)
    backend.setup_complete = False
    backend.setup()
    if replaced >= 0:
        codec.start_empty_generation(
            backend.storage, backend.schema, backend.index.indexname, replaced + 1
        )
