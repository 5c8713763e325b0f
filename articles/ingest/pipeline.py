"""Walk the given paths and run read -> parse -> extract -> store for each file.

One bad file is named with a reason and skipped; the rest go in. Returns counts; prints nothing.

Files are committed in chunks (one transaction per CHUNK_FILES files, a savepoint per file), and
each chunk's changed articles are queued for the index in the same transaction: a process killed
mid-run leaves whole chunks behind, each already queued, and a re-run stores the rest.
"""

import os
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from django.db import DatabaseError, IntegrityError, transaction

from articles.diskfull import DiskFull, is_disk_full
from articles.exchange.jsonl import RecordError, import_line
from articles.ingest.extraction import extract
from articles.ingest.limits import StoryTooLong, cap_tags, check_body
from articles.ingest.parse import ParseError, page_draft, parse_text
from articles.ingest.readers import (
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    ReadError,
    read_document,
    read_jsonl_lines,
)
from articles.ingest.store import EntityResolver, PreparedStory, known_entities, store_drafts
from articles.ingest.webpage import WebPage
from articles.search import queue as search_queue

CHUNK_FILES = 200


class FileResult(NamedTuple):
    """What became of one file: its counts, or the reason it failed ('' when it went in)."""

    path: str
    created: int
    updated: int
    unchanged: int
    error: str


class _Mark(NamedTuple):
    """The report's counts at one moment, to undo what a file added when it is rolled back."""

    created: int
    updated: int
    unchanged: int
    changed: int
    files: int


@dataclass
class PreparedFile:
    """A small file read, parsed and extracted, not stored yet; a JSONL file has no stories
    here (it is imported record by record)."""

    path: Path
    stories: list | None  # [PreparedStory], or None for a JSONL file (imported record by record)


@dataclass
class IngestReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    files: int = 0
    skipped: int = 0  # files in folders that are not of a supported type
    failed: list = field(default_factory=list)  # (path, reason)
    changed_ids: list = field(default_factory=list)
    per_file: list = field(default_factory=list)  # [FileResult]
    seconds: Counter = field(default_factory=Counter)  # time per stage: read, parse, extract, store
    stories: list | None = None  # [PreparedStory] read, when the caller asked to see them

    @contextmanager
    def timing(self, stage):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start

    def mark(self):
        return _Mark(
            self.created, self.updated, self.unchanged, len(self.changed_ids), len(self.per_file)
        )

    def since(self, mark, path):
        """The FileResult of `path`: what was counted since `mark`."""
        return FileResult(
            str(path),
            self.created - mark.created,
            self.updated - mark.updated,
            self.unchanged - mark.unchanged,
            "",
        )

    def roll_back(self, mark):
        """Forget what was counted since `mark` (its transaction was rolled back)."""
        self.created, self.updated, self.unchanged = mark.created, mark.updated, mark.unchanged
        del self.changed_ids[mark.changed :]
        del self.per_file[mark.files :]

    def count(self, status, article):
        setattr(self, status, getattr(self, status) + 1)
        if status != "unchanged":
            self.changed_ids.append(article.pk)


def discover(paths):
    """Yield (path, error) for every file to ingest under `paths`, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root, name)
                    yield child, (None if child.suffix.lower() in SUPPORTED_SUFFIXES else "skip")
        elif path.exists():  # a FIFO or device too: the reader names it "not a regular file"
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path, None
            else:
                yield (
                    path,
                    f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl",
                )
        elif path.is_symlink():
            yield path, "broken or looping symbolic link"
        else:
            yield path, "no such file or folder"


def _read_text_file(path, report, published, source):
    """Read and parse one text or HTML file into its drafts, each checked against the limits."""
    with report.timing("read"):
        document = read_document(path)
    with report.timing("parse"):
        if isinstance(document, WebPage):
            drafts = page_draft(document, published=published, source=source)
        else:
            drafts = parse_text(document, published=published, source=source)
    for draft in drafts:  # before extraction, which costs memory and time with the length
        check_body(_body_chars(draft), draft.position, draft.headline)
    return drafts


def _body_chars(draft):
    """len(draft.body), without joining the paragraphs."""
    return sum(map(len, draft.paragraphs)) + 2 * (len(draft.paragraphs) - 1)


def _extract_drafts(path, drafts, report, known):
    """The drafts of one file extracted: [PreparedStory]."""
    stories = []
    for draft in drafts:
        head = "\n\n".join(p for p in (draft.headline, draft.deck) if p)
        shift = len(head) + 2 if head else 0
        with report.timing("extract"):
            extraction = cap_tags(extract(f"{head}\n\n{draft.body}" if head else draft.body, known))
        stories.append(PreparedStory(draft, extraction, f"{path}#{draft.position}", shift))
    if report.stories is not None:
        report.stories += stories
    return stories


def _batches(drafts, budget):
    """The drafts in runs of about `budget` body characters (at least one draft each)."""
    batch, chars = [], 0
    for draft in drafts:
        batch.append(draft)
        chars += _body_chars(draft)
        if chars >= budget:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _ingest_jsonl_file(path, report):
    """Import a .jsonl file record by record, each in its own savepoint: a bad record is named
    with its line number and skipped (report.failed), the file's good records go in."""
    for number, line in read_jsonl_lines(path):
        try:
            if isinstance(line, ReadError):
                raise line
            with transaction.atomic():
                status, article = import_line(line)
        except (ReadError, RecordError, IntegrityError) as exc:
            if is_disk_full(exc):
                raise
            report.failed.append((f"{path} line {number}", _reason(exc)))
            continue
        report.count(status, article)


def ingest_paths(
    paths, *, published=None, source="", dry_run=False, progress=None, keep_stories=False
):
    """Ingest files and folders. `progress(done, total, path)` is called after each file;
    `keep_stories` keeps every story read in `report.stories`, for a user to check them."""
    report = IngestReport(stories=[] if keep_stories else None)
    todo = []
    for path, error in discover(paths):
        if error == "skip":
            report.skipped += 1
        elif error:
            report.failed.append((str(path), error))
        else:
            todo.append(path)
    resolver = EntityResolver()
    known = known_entities()
    # Saves do not queue index updates one by one: each chunk queues its changed articles once.
    # A dry run does everything inside one transaction and rolls it back at the end.
    with transaction.atomic() if dry_run else nullcontext(), search_queue.suspended():
        for first in range(0, len(todo), CHUNK_FILES):
            chunk = todo[first : first + CHUNK_FILES]
            with transaction.atomic():
                queued = len(report.changed_ids)
                _ingest_chunk(
                    chunk, first, len(todo), report, resolver, known, published, source, progress
                )
                if not dry_run:
                    with report.timing("store"):
                        search_queue.enqueue_articles(report.changed_ids[queued:])
        if dry_run:
            transaction.set_rollback(True)
    return report


READ_ERRORS = (ReadError, ParseError, RecordError, StoryTooLong, UnicodeDecodeError, OSError)

# Stories are extracted and stored in batches of about this much body text. Extraction results,
# identity word lists and unsaved rows of a batch are held together: one 50 MB file of 2,200
# stories peaked at 1.5 GB when all of them were held at once.
BATCH_CHARS = 2_000_000


def _ingest_chunk(chunk, offset, total, report, resolver, known, published, source, progress):
    """Read, parse, extract and store the files of a chunk.

    Small files are gathered and stored together, in batches of about BATCH_CHARS of text. A file
    larger than that is stored on its own, batch by batch, inside its own savepoint. A file that
    cannot be read or parsed is named and skipped.
    """
    pending, pending_chars = [], 0  # [PreparedFile] extracted, not stored yet
    for done, path in enumerate(chunk, offset + 1):
        report.files += 1
        if path.suffix.lower() in JSONL_SUFFIXES:
            _store_files([PreparedFile(path, None)], report, resolver)
        else:
            try:
                drafts = _read_text_file(path, report, published, source)
                chars = sum(map(_body_chars, drafts))
                if chars > BATCH_CHARS:
                    _store_large_file(path, drafts, report, resolver, known)
                else:
                    stories = _extract_drafts(path, drafts, report, known)
                    pending.append(PreparedFile(path, stories))
                    pending_chars += chars
            except READ_ERRORS as exc:
                _fail(report, path, exc)
        if pending_chars > BATCH_CHARS:
            _store_pending(pending, report, resolver)
            pending, pending_chars = [], 0
        if progress:
            progress(done, total, path)
    _store_pending(pending, report, resolver)


def _store_pending(prepared, report, resolver):
    """Store several small PreparedFiles at once. If that fails, store them again file by file,
    each in its own savepoint, so only the culprit is skipped."""
    if not prepared:
        return
    try:
        with transaction.atomic():
            _store_prepared(prepared, report, resolver)
    except (DatabaseError, OSError) as exc:
        if is_disk_full(exc):
            others = f" and {len(prepared) - 1} other file(s)" if len(prepared) > 1 else ""
            raise DiskFull(
                f"no space left on device while storing {prepared[0].path}{others}"
            ) from exc
        if not isinstance(exc, DatabaseError):
            raise
        resolver.reset()
        _store_files(prepared, report, resolver)


def _store_large_file(path, drafts, report, resolver, known):
    """Extract and store one large file's stories batch by batch, in one savepoint."""
    with _file_savepoint(path, report, resolver) as mark:
        for batch in _batches(drafts, BATCH_CHARS):
            stories = _extract_drafts(path, batch, report, known)
            with report.timing("store"):
                results = store_drafts(stories, resolver)
            for status, article in results:
                report.count(status, article)
        report.per_file.append(report.since(mark, path))


def _store_prepared(prepared, report, resolver):
    """Store the stories of several PreparedFiles at once and count them file by file."""
    stories = [story for file in prepared for story in file.stories]
    with report.timing("store"):
        results = iter(store_drafts(stories, resolver))
    for file in prepared:
        counts = Counter()
        for _ in file.stories:
            status, article = next(results)
            report.count(status, article)
            counts[status] += 1
        report.per_file.append(
            FileResult(
                str(file.path), counts["created"], counts["updated"], counts["unchanged"], ""
            )
        )


def _store_files(prepared, report, resolver):
    """Store each file in its own savepoint; a file that fails is rolled back and named."""
    for file in prepared:
        with _file_savepoint(file.path, report, resolver) as mark:
            if file.stories is None:
                _ingest_jsonl_file(file.path, report)
                report.per_file.append(report.since(mark, file.path))
            else:
                _store_prepared([file], report, resolver)


@contextmanager
def _file_savepoint(path, report, resolver):
    """One file's savepoint: if storing it fails, the file is rolled back, its counts are
    forgotten and it is named with the reason; a full disk stops the run. Yields the report's
    mark from before the file."""
    mark = report.mark()
    try:
        with transaction.atomic():
            yield mark
    except (*READ_ERRORS, DatabaseError) as exc:
        if is_disk_full(exc):
            raise DiskFull(f"no space left on device while storing {path}") from exc
        report.roll_back(mark)  # the whole file is rolled back, so its counts are too
        resolver.reset()
        _fail(report, path, exc)


def _reason(exc):
    """The one-line reason of a failure."""
    reason = str(exc) if not isinstance(exc, UnicodeDecodeError) else "invalid UTF-8"
    return reason.splitlines()[0] if reason.strip() else type(exc).__name__


def _fail(report, path, exc):
    reason = _reason(exc)
    report.failed.append((str(path), reason))
    report.per_file.append(FileResult(str(path), 0, 0, 0, reason))
