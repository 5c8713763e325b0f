"""A full disk stops ingest and the drain with one line and a non-zero status, losing nothing
(issue 17, item 8). Before, both died with a traceback."""

import errno
import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError

from articles.ingest import pipeline
from articles.models import Article, IndexQueueEntry
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db


def texts(folder, count):
    for i in range(count):
        write(folder / f"{i}.txt", f"Headline: Story {i}\n\nStory number {i} happened on day {i}.")
    return folder


def full_after(calls, real, error):
    """A stand-in for `real` that raises `error` from its `calls`-th call on."""
    done = []

    def fake(*args, **kwargs):
        done.append(1)
        if len(done) > calls:
            raise error
        return real(*args, **kwargs)

    return fake


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_ingest_stops_with_one_line_and_keeps_what_was_committed(tmp_path, monkeypatch, error):
    folder = texts(tmp_path / "in", 3)
    monkeypatch.setattr(pipeline, "CHUNK_FILES", 1)
    monkeypatch.setattr(pipeline, "store_drafts", full_after(1, pipeline.store_drafts, error))
    with pytest.raises(CommandError) as caught:
        run_ingest(folder)
    message = str(caught.value)
    assert message.startswith("no space left on device while storing ") and "1.txt" in message
    assert "\n" not in message
    assert Article.objects.count() == 1 and IndexQueueEntry.objects.count() == 1
    monkeypatch.undo()
    code, out, _ = run_ingest(folder)  # space freed: a re-run stores the rest
    assert code == 0 and "2 created, 0 updated, 1 unchanged" in out


def test_a_full_disk_while_importing_jsonl_is_not_a_bad_record(tmp_path, monkeypatch):
    from articles.exchange import jsonl

    path = write(tmp_path / "a.jsonl", '{"headline": "A", "body": "Story A."}\n')
    error = OperationalError("database or disk is full")
    monkeypatch.setattr(jsonl, "save_anchors", full_after(0, jsonl.save_anchors, error))
    with pytest.raises(CommandError, match="no space left on device while storing .*a.jsonl"):
        run_ingest(path)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OperationalError(str(sqlite3.OperationalError("database or disk is full"))),
    ],
)
def test_the_drain_stops_with_one_line_and_keeps_the_queue(tmp_path, monkeypatch, error):
    from articles.search import queue

    run_ingest(texts(tmp_path / "in", 2))
    assert IndexQueueEntry.objects.count() == 2

    def drain(*args, **kwargs):
        raise error

    monkeypatch.setattr("articles.management.commands.drain_index_queue.drain", drain)
    with pytest.raises(CommandError) as caught:
        call_command("drain_index_queue", verbosity=0)
    assert str(caught.value) == "no space left on device while writing the index"
    assert IndexQueueEntry.objects.count() == 2
    monkeypatch.undo()
    assert queue.drain() == (2, 0)


def test_other_errors_are_not_taken_for_a_full_disk(monkeypatch):
    monkeypatch.setattr(
        "articles.management.commands.drain_index_queue.drain",
        lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EACCES, "Permission denied")),
    )
    with pytest.raises(OSError):
        call_command("drain_index_queue", verbosity=0)
