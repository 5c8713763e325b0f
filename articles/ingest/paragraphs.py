"""Plain text to one paragraph per line, whatever paragraph convention the file uses.

The parser reads the seed format: one paragraph per line. Text typed or saved elsewhere is often
hard-wrapped at 60-80 characters, with paragraphs marked by blank lines, by an indented first
line, or both, sometimes with CRLF or CR line ends, "blank" lines of spaces, or the trailing
spaces of format=flowed mail. `logical_lines` decides the convention per file from evidence and
rejoins wrapped lines; a file in the seed format comes back line for line, unchanged.

Evidence for wrapping, per pair of consecutive non-blank lines (L, N):

- soft break: L ends mid-sentence (no closing punctuation), N opens in lower case, or L ends in
  the space of format=flowed;
- hard break: L closes a sentence, N opens in capitals, and N's first word would have fitted on
  L, so a wrapping editor would not have broken there.

A file is wrapped only when its longest line is at most WRAP_MAX_WIDTH characters, at least two
pairs look soft and more look soft than hard. The seed's lines are long and vary in length, and a
line there that ends without punctuation is a headline or a cut-off teaser: those files never
pass the width test, so their lines are never joined.

Hyphens: a line that ends in a hyphen after a letter is joined to the next without a space and
the hyphen is kept ("state-" + "backed" = "state-backed"). News text is wrapped at spaces, so a
hyphen at a line end is a real one; removing it would turn "well-known" into "wellknown" and no
word list here can tell the two apart.
"""

import re
from dataclasses import dataclass

WRAP_MIN_WIDTH = 20  # narrower lines are lists or titles, not wrapped prose
WRAP_MAX_WIDTH = 110  # the longest line of a hard-wrapped file; seed paragraphs run far longer
MIN_SOFT_PAIRS = 2
HEADER_RE = re.compile(r"^(headline|date|source|url)\s*:", re.IGNORECASE)
CLOSING_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»)\]]$")
INDENT_RE = re.compile(r"^[ \t]*")
FIT_SLACK = 2  # a word that fits with this much room to spare shows a deliberate break


def split_lines(text: str) -> list[str]:
    """Lines as the parser splits them: CRLF, CR and LF all end a line, nothing else does."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _header_end(lines):
    """Index of the blank line closing a header block at the top, or 0 when there is none."""
    i = 0
    while i < len(lines) and HEADER_RE.match(lines[i].strip()):
        i += 1
    if i and i < len(lines) and not lines[i].strip():
        return i
    return 0


@dataclass
class _Line:
    text: str  # without indentation or trailing whitespace
    indent: int  # columns, a tab counting as four
    flowed: bool  # ended in a space (format=flowed soft break)
    blank_before: bool
    number: int = 0  # its index among the lines it was read from


def _body_lines(lines):
    """The non-blank lines with their layout; a line of spaces counts as blank."""
    out, blank = [], False
    for number, raw in enumerate(lines):
        if not raw.strip():
            blank = True
            continue
        lead = INDENT_RE.match(raw).group()
        indent = len(lead.replace("\t", "    "))
        out.append(_Line(raw.strip(), indent, raw.endswith((" ", "\t")), blank, number))
        blank = False
    return out


def _first_word(line):
    return line.text.split(" ", 1)[0]


def _fits(prev, nxt, width):
    """Would N's first word have fitted at the end of L within the file's width?"""
    return prev.indent + len(prev.text) + 1 + len(_first_word(nxt)) <= width - FIT_SLACK


def _votes(body, width):
    """(soft, hard) counts over consecutive non-blank pairs that have no blank line between."""
    soft = hard = 0
    for prev, nxt in zip(body, body[1:]):
        if nxt.blank_before:
            continue
        opens_lower = nxt.text[:1].islower()
        if prev.flowed or opens_lower or not CLOSING_RE.search(prev.text):
            soft += 1
        elif _fits(prev, nxt, width):
            hard += 1
    return soft, hard


def is_wrapped(body_lines: list[str]) -> bool:
    """True when the lines (no header) are hard-wrapped prose, not one paragraph per line."""
    body = _body_lines(body_lines)
    if len(body) < 3:
        return False
    width = max(line.indent + len(line.text) for line in body)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    soft, hard = _votes(body, width)
    return soft >= MIN_SOFT_PAIRS and soft > hard


def _base_indent(body):
    """The indentation most lines share; a first line indented past it opens a paragraph."""
    counts = {}
    for line in body:
        counts[line.indent] = counts.get(line.indent, 0) + 1
    return max(counts, key=lambda indent: (counts[indent], -indent))


def _breaks_before(prev, nxt, layout):
    """Does a new paragraph start at `nxt`? layout: (base indent, width, separators used, flowed,
    the test of a line that stands alone)."""
    base, width, separated, flowed, alone = layout
    if nxt.blank_before or nxt.indent > base or alone(prev.text) or alone(nxt.text):
        return True
    if flowed:
        return not prev.flowed
    if separated:
        return False  # the file marks its paragraphs; inside one, every break is soft
    return bool(CLOSING_RE.search(prev.text)) and _fits(prev, nxt, width)


def _join(parts):
    """Rejoin wrapped pieces; a line-end hyphen after a letter is kept and not spaced."""
    text = parts[0]
    for part in parts[1:]:
        if re.search(r"[^\W\d_]-$", text) and part[:1].isalpha():
            text += part
        else:
            text += " " + part
    return text


def rejoin(body_lines: list[str]) -> list[str]:
    """Wrapped lines (without a header) to one string per paragraph."""
    return [text for text, _ in _rejoin_numbered(body_lines)]


def _rejoin_numbered(body_lines, alone=lambda text: False):
    """rejoin(), each paragraph with the indexes of the lines it was joined from; a line for
    which `alone(text)` is true (a photo credit) is never joined to another."""
    body = _body_lines(body_lines)
    if not body:
        return []
    base = _base_indent(body)
    width = max(line.indent + len(line.text) for line in body)
    # A blank after a title or byline line alone does not show how paragraphs are marked.
    separated = any(line.blank_before or line.indent > base for line in body[2:])
    pairs = list(zip(body, body[1:]))
    flowed = sum(prev.flowed for prev, _ in pairs) * 2 >= len(pairs) > 0
    layout = (base, width, separated, flowed, alone)
    paragraphs, current = [], [body[0]]
    for prev, nxt in pairs:
        if _breaks_before(prev, nxt, layout):
            paragraphs.append(current)
            current = []
        current.append(nxt)
    paragraphs.append(current)
    return [(_join([line.text for line in p]), [line.number for line in p]) for p in paragraphs]


def logical_lines(text: str) -> list[str]:
    """One string per paragraph, in the seed format the parser reads.

    A file already one paragraph per line comes back exactly as `split_lines` gives it, blank
    lines and spacing included. A hard-wrapped file comes back as its header lines unchanged (if
    it opens with a `Headline:`/`Date:`/`Source:`/`URL:` block), one blank line, then one
    stripped string per paragraph with no blank lines. A short title or byline line followed by
    a blank line, or before an indented paragraph, stays a line of its own.
    """
    return [text for text, _ in logical_lines_numbered(text)]


def logical_lines_numbered(text: str, alone=lambda text: False) -> list[tuple[str, list[int]]]:
    """logical_lines(), each with the indexes of the physical lines it was read from; a line for
    which `alone(text)` is true stays a paragraph of its own."""
    lines = split_lines(text)
    end = _header_end(lines)
    body = lines[end:]
    if not is_wrapped(body):
        return [(line, [number]) for number, line in enumerate(lines)]
    header = [(line.rstrip(), [number]) for number, line in enumerate(lines[:end])]
    paragraphs = [
        (text, [n + end for n in numbers]) for text, numbers in _rejoin_numbered(body, alone)
    ]
    return [*header, ("", [])] + paragraphs if header else paragraphs
