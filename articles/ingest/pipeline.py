"""Walk the given paths and run read -> parse -> extract -> store for each file.

One bad file is named with a reason and skipped; the rest go in. Returns counts; prints nothing.
"""
import json
import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction

from .. import search_queue
from ..portable import RecordError, import_record
from .extract import extract
from .parse import ParseError, parse_text
from .readers import JSONL_SUFFIXES, SUPPORTED_SUFFIXES, ReadError, read_text
from .store import EntityResolver, known_entities, store_draft


@dataclass
class IngestReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    files: int = 0
    skipped: int = 0  # files in folders that are not of a supported type
    failed: list = field(default_factory=list)  # (path, reason)
    changed_ids: list = field(default_factory=list)
    per_file: list = field(default_factory=list)  # (path, created, updated, unchanged, error)

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
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path, None
            else:
                yield path, f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl"
        elif path.is_symlink():
            yield path, "broken or looping symbolic link"
        else:
            yield path, "no such file or folder"


def _ingest_text_file(path, report, resolver, known, published, source):
    drafts = parse_text(read_text(path), published=published, source=source)
    for draft in drafts:
        head = "\n\n".join(p for p in (draft.headline, draft.deck) if p)
        shift = len(head) + 2 if head else 0
        text = f"{head}\n\n{draft.body}" if head else draft.body
        status, article = store_draft(draft, extract(text, known), resolver, origin=f"{path}#{draft.position}", shift=shift)
        report.count(status, article)


def _ingest_jsonl_file(path, report):
    with open(path, encoding="utf-8", errors="strict") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                status, article = import_record(json.loads(line))
            except (ValueError, RecordError) as exc:
                raise RecordError(f"line {number}: {exc}") from None
            report.count(status, article)


def ingest_paths(paths, *, published=None, source="", dry_run=False, progress=None):
    """Ingest files and folders. `progress(done, total, path)` is called after each file."""
    report = IngestReport()
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
    # A dry run does everything inside one transaction and rolls it back at the end. Saves do not
    # queue index updates one by one: the caller queues report.changed_ids once.
    with transaction.atomic() if dry_run else nullcontext(), search_queue.suspended():
        for done, path in enumerate(todo, 1):
            report.files += 1
            snapshot = (report.created, report.updated, report.unchanged, len(report.changed_ids))
            try:
                with transaction.atomic():
                    if path.suffix.lower() in JSONL_SUFFIXES:
                        _ingest_jsonl_file(path, report)
                    else:
                        _ingest_text_file(path, report, resolver, known, published, source)
            except (ReadError, ParseError, RecordError, UnicodeDecodeError, OSError, DatabaseError) as exc:
                # The whole file is rolled back, so its counts are too.
                report.created, report.updated, report.unchanged = snapshot[:3]
                del report.changed_ids[snapshot[3] :]
                resolver.reset()
                reason = str(exc) if not isinstance(exc, UnicodeDecodeError) else "invalid UTF-8"
                reason = reason.splitlines()[0] if reason else type(exc).__name__
                report.failed.append((str(path), reason))
                report.per_file.append((str(path), 0, 0, 0, reason))
            else:
                report.per_file.append((
                    str(path), report.created - snapshot[0], report.updated - snapshot[1],
                    report.unchanged - snapshot[2], "",
                ))
            if progress:
                progress(done, len(todo), path)
        if dry_run:
            transaction.set_rollback(True)
    if report.changed_ids and not dry_run:
        search_queue.enqueue_articles(report.changed_ids)
    return report
