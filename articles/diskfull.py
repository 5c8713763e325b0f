"""A full disk, told apart from other errors, so commands stop with one line instead of a traceback.

When the disk fills, every later file would fail the same way, and a traceback hides the reason.
Ingest and the index drain stop at the first such error with "no space left on device while
...": the transaction in progress rolls back, what was committed stays, and a re-run after
freeing space does the rest.
"""

import errno

from django.db import DatabaseError

NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
# What the databases say: SQLite "database or disk is full" (SQLITE_FULL), PostgreSQL "could not
# extend file ...: No space left on device" or "could not write to file ...".
DATABASE_MESSAGES = ("database or disk is full", "no space left on device", "disk quota exceeded")


class DiskFull(Exception):
    """No space left; the message is the one line a command prints."""


def is_disk_full(exc):
    """True when `exc`, or an exception it was raised from, means the disk (or quota) is full."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in NO_SPACE:
            return True
        if isinstance(exc, DatabaseError) and any(
            message in str(exc).lower() for message in DATABASE_MESSAGES
        ):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
