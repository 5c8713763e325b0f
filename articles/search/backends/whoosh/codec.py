"""The one door to Whoosh's private parts: its segments, storage and Whoosh 3 postings codec.

The fast paths (postings decoded a block at a time with numpy, field lengths and sortable columns
read as whole files, facet files named after segments), and the repairs (checking that segment
files read whole, numbering a rebuilt index above the one it replaces), need attributes Whoosh
does not publish. They are read here and nowhere else, and only on a Whoosh version these readers
were checked against: another version fails at import with a message naming it, instead of
returning wrong numbers later.
"""

import bisect
import os

import numpy as np
import whoosh

# Versions whose private codec these readers were checked against (whoosh-reloaded 2.7.5 is
# pinned in requirements.txt; the 2.7 series shares one codec).
VERIFIED = ((2, 7),)


def check_version(version):
    """Raise ImportError unless `version` (a tuple) is one whose private codec is known here."""
    if tuple(version[:2]) not in VERIFIED:
        shown = ".".join(str(part) for part in version)
        known = ", ".join(".".join(map(str, v)) + ".x" for v in VERIFIED)
        raise ImportError(
            f"the archive's Whoosh backend reads Whoosh's private codec and was verified with "
            f"Whoosh {known}, not Whoosh {shown}; install the version in requirements.txt"
        )


check_version(whoosh.__version__)

from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, _lenfield  # noqa: E402 - after the check
from whoosh.index import _DEF_INDEX_NAME, TOC  # noqa: E402
from whoosh.scoring import BM25F  # noqa: E402

# --- segments and storage --------------------------------------------------------------------


def segment_id(leaf):
    """The id of the segment a leaf reader reads, or None when it is not a Whoosh 3 segment."""
    segment = getattr(leaf, "_segment", None)
    return None if segment is None else segment.segment_id()


def segment_version(leaf):
    """'<segment id>:<deleted count>': a segment only ever gains deletions, so this names what a
    leaf reader sees; None when it is not a Whoosh 3 segment."""
    segment = getattr(leaf, "_segment", None)
    return None if segment is None else f"{segment.segment_id()}:{segment.deleted_count()}"


def storage_folder(leaf):
    """The folder of the file storage a leaf reader reads, or None (in-memory storage)."""
    storage = getattr(leaf, "_storage", None)
    return getattr(storage, "folder", None) or None


# --- generations (tables of contents) ---------------------------------------------------------


def latest_generation(folder, indexname=None):
    """The highest generation among the tables of contents in `folder`, -1 when there is none (or
    `folder` is not a folder): a rebuilt index is numbered above it, so that readers comparing
    generations see that it changed. `indexname` defaults to Whoosh's (haystack's)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return -1
    pattern = TOC._pattern(indexname or _DEF_INDEX_NAME)
    return max((int(m.group(1)) for m in map(pattern.match, names) if m), default=-1)


def toc_path(folder, indexname, generation):
    """The table of contents file of one generation."""
    return os.path.join(folder, TOC._filename(indexname, generation))


def start_empty_generation(storage, schema, indexname, generation):
    """Write an empty index's table of contents numbered `generation` (Whoosh always starts at
    0); the next commit is numbered above it."""
    TOC(schema, [], generation).write(storage, indexname)


# --- checking a segment's files ----------------------------------------------------------------


def segment_damage(leaf, deep=False):
    """What cannot be read in one segment's terms and postings files: messages, [] when sound.

    Opening a segment reads neither file whole, so a postings file cut short goes unnoticed until a
    search reaches a term whose postings were cut off, and then fails every time. Here every term
    record is parsed, and each postings list's extent (its offset and length, kept in the terms
    file) must lie inside the postings file: a truncation cuts off at least the last one. `deep`
    also decodes every postings block, which finds bytes overwritten inside the file too (about
    ten times slower).
    """
    segment, terms = getattr(leaf, "_segment", None), getattr(leaf, "_terms", None)
    if segment is None or terms is None:
        return []
    name = segment.make_filename(W3Codec.POSTS_EXT)
    try:
        size = leaf._storage.file_length(name)
        for (field, btext), info in terms.items():
            if info.is_inlined():
                continue
            offset, length = info.extent()
            end = offset + (
                length[0] if isinstance(length, tuple) else length
            )  # 2.7 unpacks a tuple
            if end > size:
                return [f"{name} is cut short: {field} postings end at byte {end}, it has {size}"]
            if deep:
                _decode_blocks(terms.matcher(field, btext, leaf.schema[field].format))
    except Exception as exc:  # noqa: BLE001 - whatever the damage raises, it is a finding
        return [f"segment {segment.segment_id()}: {type(exc).__name__}: {exc}".splitlines()[0]]
    return []


def _decode_blocks(matcher):
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        matcher._next_block()


def _read_whole(leaf, name, dtype):
    with leaf._storage.open_file(name) as handle:
        return np.frombuffer(handle.read(), dtype=dtype)


def length_bytes(leaf, field):
    """One segment's byte-encoded lengths of `field`, one per document."""
    name = W3Codec.column_filename(leaf._segment, _lenfield(field))
    if not leaf._storage.file_exists(name):
        return np.zeros(0, dtype=np.uint8)
    return _read_whole(leaf, name, np.uint8)[: leaf.doc_count_all()].copy()


def column_values(leaf, field):
    """One segment's values of a sortable field (uint64), or None when it has none."""
    if not leaf.has_column(field):
        return None
    reader = leaf.column_reader(field, translate=False)
    n = leaf.doc_count_all()
    name = W3Codec.column_filename(leaf._segment, field)
    if n and leaf._storage.file_length(name) == 8 * n:  # fixed-width, big-endian: read it whole
        raw = _read_whole(leaf, name, ">u8")
        if raw[0] == reader[0] and raw[-1] == reader[n - 1]:
            return raw.astype(np.uint64)
    return np.array([reader[d] for d in range(n)], dtype=np.uint64)


def uses_plain_bm25f(weighting):
    """Whether a searcher scores with Whoosh's default BM25F (no per-field B), which the array
    evaluator reproduces."""
    return type(weighting) is BM25F and not weighting._field_B


# --- postings ---------------------------------------------------------------------------------


def term_matcher(leaf, field, btext):
    """The segment's own postings matcher for a term: deleted documents included (the callers
    drop them with their own live masks). Raises whoosh.reading.TermNotFound."""
    return leaf._terms.matcher(field, btext, leaf.schema[field].format)


def postings(leaf, field, btext):
    """(segment-local ids, weights) of every posting of a term present in the segment."""
    matcher = term_matcher(leaf, field, btext)
    if isinstance(matcher, W3LeafMatcher):
        ids, weights = [], []
        while matcher.is_active():  # a block (up to 128 postings) at a time
            block_ids, block_weights = _block_arrays(matcher)
            ids.append(block_ids)
            weights.append(block_weights)
            matcher._next_block()
        return np.concatenate(ids), np.concatenate(weights)
    # A short postings list stored inline in the term record.
    pairs = [(matcher.id(), matcher.weight()) for _ in _each(matcher)]
    return (
        np.array([i for i, _ in pairs], dtype=np.int64),
        np.array([w for _, w in pairs], dtype=np.float64),
    )


def _block_arrays(matcher):
    """The current block of a Whoosh 3 postings matcher as (ids, weights) arrays, decoded with
    numpy (Whoosh decodes the id deltas and weights one posting at a time)."""
    if matcher._data is None:
        matcher._read_data()
    raw_ids, raw_weights = matcher._data[0], matcher._data[1]
    ids = np.array(raw_ids, dtype=np.int64)
    if not matcher._byteids:
        ids = np.cumsum(ids)  # stored as differences
    if raw_weights is None:
        weights = np.ones(len(ids))
    elif isinstance(raw_weights, float):
        weights = np.full(len(ids), raw_weights)
    else:
        weights = np.array(raw_weights, dtype=np.float64)
    return ids, weights


def values_at(matcher, docnums):
    """{docnum: encoded value (word positions)} for those of the sorted `docnums` in a term's
    postings. A Whoosh 3 matcher is read a block at a time: blocks without a wanted document are
    passed by their header, the others are decoded once and searched with numpy."""
    if not isinstance(matcher, W3LeafMatcher):  # a short list stored in the term record
        wanted = set(docnums)
        found = {matcher.id(): matcher.value() for _ in _each(matcher)}
        return {docnum: value for docnum, value in found.items() if docnum in wanted}
    found = {}
    i, n = 0, len(docnums)
    while i < n and matcher.is_active():
        last = matcher.block_max_id()
        if docnums[i] > last:
            matcher._next_block()
            continue
        j = bisect.bisect_right(docnums, last, i)
        ids, _ = _block_arrays(matcher)
        matcher._read_values()
        wanted = np.array(docnums[i:j], dtype=np.int64)
        at = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
        for docnum, k in zip(docnums[i:j], at.tolist()):
            if ids[k] == docnum:
                found[docnum] = matcher._values[k]
        i = j
        matcher._next_block()
    return found


def _each(matcher):
    while matcher.is_active():
        yield
        matcher.next()
