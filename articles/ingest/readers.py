"""From a file on disk to text the parser can read, or a clear reason why not."""
import codecs
import re
from pathlib import Path

from ..sanitize import html_to_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_LINE_CHARS = 100_000  # a paragraph longer than this is not article text
MAX_FILE_BYTES = 64 * 1024 * 1024


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


def read_text(path):
    """Text of a .txt or .html file, ready for the parser."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ReadError("empty file")
    text = decode(data)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE_CHARS:
            raise ReadError(f"line {number} is {len(line):,} characters long; a paragraph is at most {MAX_LINE_CHARS:,}")
    if not text.strip():
        raise ReadError("no text in file")
    return text
