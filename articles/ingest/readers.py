"""From a file on disk to text the parser can read, or a clear reason why not."""

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from articles.ingest.webpage import WebPageError, read_web_page
from articles.text import clean_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_LINE_CHARS = 100_000  # a paragraph longer than this is not article text
MAX_FILE_BYTES = 64 * 1024 * 1024
# A .jsonl line is one record: a story of up to 200,000 characters with its tags, JSON-escaped.
MAX_RECORD_BYTES = 4 * 1024 * 1024


CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than \t \n \f \r


class ReadError(ValueError):
    """The file cannot be ingested; the message says why in one line."""


def decode(data):
    """Bytes to str: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252, else Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("invalid UTF-16 text") from None
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = len(CONTROL_CHARS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise ReadError("binary file (too many control characters), not text")
    return text


CHUNK_BYTES = 1 << 20  # files are read and checked a megabyte at a time


def open_regular(path):
    """Open a regular file for reading, or raise ReadError with the reason."""
    try:
        info = os.stat(path)  # before opening: opening a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ReadError(f"file is {info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return open(path, "rb")  # closed by the caller
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("symbolic link loop") from None
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None


def _encoding(handle):
    """The encoding to try first, from the byte-order mark (the mark itself is skipped)."""
    head = handle.read(3)
    if head.startswith(codecs.BOM_UTF8):
        handle.seek(3)
        return "utf-8"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        handle.seek(0)
        return "utf-16"
    handle.seek(0)
    return "utf-8"


def _decode_stream(handle, encoding, start, max_line):
    """Decode the file from `start` in chunks; check each chunk as it comes. Returns the text."""
    handle.seek(start)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pieces, line_number, line_chars, checked_controls, blank = [], 1, 0, False, True
    while True:
        data = handle.read(CHUNK_BYTES)
        if encoding != "utf-16" and b"\x00" in data:
            raise ReadError("binary file (contains NUL bytes), not text")
        piece = decoder.decode(data, final=not data)
        if not checked_controls and piece:
            sample = piece[:65536]
            if len(CONTROL_CHARS.findall(sample)) > max(8, len(sample) // 100):
                raise ReadError("binary file (too many control characters), not text")
            checked_controls = True
        # The longest line so far, across chunk boundaries, without keeping the lines.
        lines = piece.replace("\r", "\n").split("\n")
        for i, line in enumerate(lines):
            line_chars = line_chars + len(line) if i == 0 else len(line)
            if max_line and line_chars > max_line:
                raise ReadError(
                    f"line {line_number + i} is over {MAX_LINE_CHARS:,} characters long; "
                    f"a paragraph is at most {MAX_LINE_CHARS:,}"
                )
        line_number += len(lines) - 1
        blank = blank and not piece.strip()
        pieces.append(clean_text(piece))  # chunk by chunk: no second copy of the whole text
        if not data:
            break
    if blank:
        raise ReadError("empty file")
    return "".join(pieces)


def read_document(path):
    """Return what a .txt file says (str) or what a .html page holds (a webpage.WebPage).

    The file is streamed: read, decoded and checked a megabyte at a time, so a binary file or an
    over-long line is refused as soon as it shows, without reading the rest, and the raw bytes are
    never held whole. UTF-8 (with or without BOM) or UTF-16 with BOM; a file that is not valid
    UTF-8 is read again as Windows-1252, else Latin-1.
    """
    path = Path(path)
    with open_regular(path) as handle:
        encoding = _encoding(handle)
        start = handle.tell()
        # Minified HTML may be one long line; its paragraphs are checked once it is reduced to text.
        max_line = None if path.suffix.lower() in HTML_SUFFIXES else MAX_LINE_CHARS
        try:
            text = _decode_stream(handle, encoding, start, max_line)
        except UnicodeDecodeError:
            if encoding == "utf-16":
                raise ReadError("invalid UTF-16 text") from None
            try:
                text = _decode_stream(handle, "cp1252", start, max_line)
            except UnicodeDecodeError:
                text = _decode_stream(handle, "latin-1", start, max_line)
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        return _web_page(text)
    if not text.strip():
        raise ReadError("no text in file")
    return text


def _web_page(html):
    """The story of a web page, through trafilatura (webpage.py), or ReadError with the reason."""
    try:
        page = read_web_page(html)
    except WebPageError as exc:
        reason = str(exc)
        if reason.startswith("no article text"):
            reason = f"no text in file ({reason})"  # the same words as for an empty .txt
        raise ReadError(reason) from None
    # A character reference (&#1;, &#xFFFE;) can bring back what cleaning the markup dropped.
    page.paragraphs = [clean_text(p) for p in page.paragraphs]
    for name in ("headline", "deck", "byline", "site_name", "place", "agency"):
        setattr(page, name, clean_text(getattr(page, name)))
    for number, paragraph in enumerate(page.paragraphs, 1):
        if len(paragraph) > MAX_LINE_CHARS:
            raise ReadError(
                f"paragraph {number} is {len(paragraph):,} characters long; "
                f"a paragraph is at most {MAX_LINE_CHARS:,}"
            )
    return page


def read_jsonl_lines(path):
    """Yield (line number, text or ReadError) for each non-blank line of a .jsonl file.

    The file passes open_regular's checks (a FIFO or device is refused before it is opened, a
    file over MAX_FILE_BYTES by its size) and is streamed a line at a time: a line over
    MAX_RECORD_BYTES or not valid UTF-8 is that record's failure, not the file's.
    """
    with open_regular(path) as handle:
        if handle.read(3) != codecs.BOM_UTF8:
            handle.seek(0)
        number = 0
        while line := handle.readline(MAX_RECORD_BYTES + 1):
            number += 1
            if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(CHUNK_BYTES)) and not rest.endswith(b"\n"):
                    pass  # the rest of the over-long line is skipped, never held
                yield number, ReadError(f"line is over {MAX_RECORD_BYTES:,} bytes long")
            elif line.strip():
                try:
                    yield number, line.decode("utf-8")
                except UnicodeDecodeError:
                    yield number, ReadError("not valid UTF-8")
