#!/usr/bin/env python
"""Peak memory of `manage.py ingest` on one large text file (issue 17, item 5).

    python bench/ingest_limits.py [--mb 50] [--line-words 40] [--every 0]

Writes a file of `--mb` megabytes of ordinary lines (sentences that close with a full stop, so
the parser sees one long story, as a pasted dump would be) to a temporary folder, migrates a
throw-away data directory, runs `manage.py ingest` on the file in a child process and prints its
exit status, its report and its peak resident memory (ru_maxrss of the children). `--every N`
starts a new story (an ALL-CAPS kicker line) every N lines instead, to measure a file of many
stories within the limits. Before the story limit one 50 MB file peaked at about 1 GB; the goal
is under 400 MB.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = (
    "the council met on monday to discuss the harbour budget while ministers argued over "
    "fuel prices and the new railway line that would link the coast to the capital"
)
WORDS = SENTENCE.split()


def write_file(path, megabytes, line_words, every):
    """Write about `megabytes` MB of ordinary lines to `path`."""
    target = megabytes * 1024 * 1024
    written = number = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            words = [WORDS[(number * 7 + i) % len(WORDS)] for i in range(line_words)]
            line = " ".join(words).capitalize() + f" number {number}.\n"
            if every and number % every == 0:
                line = f"REPORT {number}: {line}"
            out.write(line)
            written += len(line)
            number += 1
    return number


def run(*args, env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--line-words", type=int, default=40)
    parser.add_argument("--every", type=int, default=0, help="a new story every N lines")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-ingest-") as folder:
        env = {**os.environ, "NEWSARCHIVE_DATA_DIR": str(Path(folder, "data"))}
        env.pop("DATABASE_URL", None)
        env.pop("SEARCH_URL", None)
        migrated = run("migrate", "-v", "0", env=env)
        if migrated.returncode:
            sys.exit(migrated.stderr)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        path = Path(folder, "big.txt")
        lines = write_file(path, options.mb, options.line_words, options.every)
        start = time.perf_counter()
        result = run("ingest", str(path), env=env)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    every = f", a story every {options.every} lines" if options.every else ""
    print(f"file: {options.mb} MB, {lines:,} lines{every}")
    print(f"exit status: {result.returncode} in {seconds:.1f} s")
    for line in (result.stdout + result.stderr).strip().splitlines()[-4:]:
        print(f"  {line}")
    note = "" if peak > before else " (the migrate step peaked higher; ingest is at most this)"
    print(f"peak RSS of ingest: {peak / 1024:.0f} MB{note}")


if __name__ == "__main__":
    main()
