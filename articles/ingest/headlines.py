"""Headlines derived from a story's lede, and the teaser text shown under them in story lists.

A story without a headline of its own gets one from its first sentence (issue 15). Readers see it
in every list, so it must read as a headline: at most HEADLINE_MAX_WORDS words, cut at a clause
boundary where there is one, and otherwise at a word boundary that leaves no dangling 'the', no
half of a name ('President Xi'), no open quotation and no abbreviation ('chief Dr'), marked '…'.

The list teaser must then not say the same thing twice: when the headline came from the first
sentence, the teaser is the deck or the sentences after it.
"""

import re

from articles.ingest.decks import _ends_sentence
from articles.ingest.lexicon import NAME_PARTICLES, TITLE_WORDS_LOWER, TITLES, words

HEADLINE_MAX_WORDS = 14
# A clause shorter than this is too thin for a headline; look for a longer cut.
HEADLINE_MIN_WORDS = 5
ELLIPSIS = "…"
CJK_PAREN_RE = re.compile(r"\s*[(（][\u3400-\u9fff\uf900-\ufaff\s·]+[)）]")
CLOSING_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
TRAILING_PUNCT = " ,;:—–-"

# Words a headline (or a cut teaser) never ends on.
NO_END_WORDS = words(
    """a an the of and or nor but to in for with on at by from as its their his her our my your
    that which who whom whose this these those into onto over under about after before between
    against during without within among amid across toward towards via per than like including
    near is are was were be been being has have had will would shall should can could may might
    must do does did not no so if while when where whether because although though former late
    new then also such very more most less least some any each every both either neither
    one two three four five six seven eight nine ten"""
)
# Words before which a sentence naturally pauses: a cut there ends a phrase, not a word group.
PHRASE_STARTS = words(
    """for from with in on at by as after before since until during despite amid among
    following including while when where which who that and but or because although though if
    over under across against into through without within near ahead"""
)
ABBREVIATION_RE = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{0,3}\.$")


def _words(text):
    return text.split()


def _quote_depth(tokens):
    """How many quotations are open after tokens (curly quotes nest, a straight one toggles)."""
    depth, straight = 0, False
    for token in tokens:
        for ch in token:
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == '"':
                straight = not straight
    return depth + (1 if straight else 0)


def _core(token):
    return token.strip("“”\"‘’'()[],;:.!?…").lower()


def _can_end(tokens, k):
    """Whether a headline may stop after tokens[k - 1] (with tokens[k] the next word)."""
    last, nxt = tokens[k - 1], tokens[k] if k < len(tokens) else ""
    bare = last.rstrip(TRAILING_PUNCT)
    if not bare or _core(bare) in NO_END_WORDS or _core(bare) in NAME_PARTICLES:
        return False
    if bare.endswith(".") and ABBREVIATION_RE.match(bare.lstrip('“"‘(')):
        return False  # 'chief Dr.', 'the U.S.' cut before its noun
    if _quote_depth(tokens[:k]):
        return False
    next_capital = nxt[:1].isupper() or (nxt[1:2].isupper() and nxt[:1] in '“"‘')
    name_next = next_capital and not last.endswith((",", ";", ":"))
    if name_next and (bare[:1].isupper() or _core(bare) in TITLE_WORDS_LOWER):
        return False  # inside a name ('President Xi | Jinping') or before it ('chief | Dr')
    return bare.strip('“"‘(') not in TITLES or last.endswith((",", ";", ":"))


def first_sentence(text):
    """The first sentence of text, read with the deck splitter's knowledge of abbreviations."""
    tokens = _words(text)
    for i in range(1, len(tokens)):
        if _ends_sentence(tokens[i - 1], tokens[i]) and tokens[i].lstrip('“"‘(')[:1].isupper():
            return " ".join(tokens[:i])
    return " ".join(tokens)


def _clause_cut(tokens):
    """The longest cut at clause punctuation that fits, or None."""
    best = None
    for k in range(HEADLINE_MIN_WORDS, min(len(tokens), HEADLINE_MAX_WORDS) + 1):
        at_clause = tokens[k - 1].endswith((",", ";", ":")) or (
            k < len(tokens) and (tokens[k] in ("—", "–", "-", "--") or tokens[k][:1] == "(")
        )
        if k < len(tokens) and tokens[k][:1] in '“"' and _quote_depth(tokens[:k]) == 0:
            # Before a quotation of three words or more: '... to see the world order “develop
            # in a more fair ...”'. A nickname ('Ana “Nena” Ruiz') is no clause.
            quoted = tokens[k:]
            close = next((n for n, t in enumerate(quoted) if _quote_depth(quoted[: n + 1]) == 0), 0)
            at_clause = at_clause or close >= 2
        if at_clause and k < len(tokens) and _can_end(tokens, k):
            best = k
    return best


def _word_cut(tokens):
    """The best mid-clause cut: the longest that ends before a phrase ('… | since seizing'),
    else the longest allowed at all."""
    allowed = [
        k for k in range(2, min(len(tokens) - 1, HEADLINE_MAX_WORDS) + 1) if _can_end(tokens, k)
    ]
    phrase = [k for k in allowed if k >= HEADLINE_MIN_WORDS and _core(tokens[k]) in PHRASE_STARTS]
    if phrase:
        return phrase[-1]
    return allowed[-1] if allowed else min(len(tokens), HEADLINE_MAX_WORDS)


def derive_headline(text):
    """A headline from the lede: its first sentence, cut when it runs past HEADLINE_MAX_WORDS.

    The cut is at the last clause boundary (',', ';', ':', a dash, a bracket) that fits and leaves
    at least HEADLINE_MIN_WORDS words; else at the best word boundary, and then the headline ends
    with '…' to show it was shortened. A closing full stop is dropped, '?' and '!' are kept.
    """
    sentence = first_sentence(CJK_PAREN_RE.sub("", text))
    tokens = _words(sentence)
    open_end = tokens and not CLOSING_RE.search(tokens[-1])
    if len(tokens) <= HEADLINE_MAX_WORDS and open_end and not _can_end([*tokens, ""], len(tokens)):
        # A cut-off lede ('... a bill on'): drop the dangling words and mark the cut.
        k = _word_cut([*tokens, ""])
        return " ".join(tokens[:k]).rstrip(TRAILING_PUNCT) + ELLIPSIS
    if len(tokens) <= HEADLINE_MAX_WORDS:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    k = _clause_cut(tokens)
    if k is not None:
        return " ".join(tokens[:k]).rstrip(TRAILING_PUNCT)
    k = _word_cut(tokens)
    return " ".join(tokens[:k]).rstrip(TRAILING_PUNCT) + ELLIPSIS


def _normal(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _after_headline(headline, paragraphs):
    """The body text left once the sentence the headline came from is taken away, or None when
    the headline does not come from the body's first sentence."""
    if not paragraphs:
        return None
    first = first_sentence(paragraphs[0])
    stem = _normal(headline.rstrip(ELLIPSIS))
    if not stem or not _normal(CJK_PAREN_RE.sub("", first)).startswith(stem):
        return None
    rest = " ".join(_words(paragraphs[0])[len(_words(first)) :])
    return " ".join([rest, *paragraphs[1:]]).strip()


def _shorten(text, max_words):
    """(text, cut): text cut to max_words at a word it may end on; cut also when text itself
    stops mid-sentence (a cut-off teaser), so that the caller marks it."""
    tokens = _words(text)
    cut = len(tokens) > max_words
    if cut:
        tokens = tokens[: max_words + 1]
        k = max((k for k in range(1, max_words + 1) if _can_end(tokens, k)), default=max_words)
        tokens = tokens[:k]
    elif tokens and not CLOSING_RE.search(tokens[-1]):
        cut = True
        while len(tokens) > 1 and not _can_end([*tokens, ""], len(tokens)):
            tokens.pop()  # a cut-off teaser ending '... waiting at ports in'
    return " ".join(tokens).rstrip(TRAILING_PUNCT), cut


def teaser_text(headline, deck, paragraphs, max_words=40):
    """(text, cut) to show under the headline in a story list.

    When the headline was derived from the body's first sentence, the teaser is the deck, or else
    the sentences after that first one, so the list never repeats the headline word for word.
    Otherwise it is the deck, or else the start of the body. `text` never carries the ellipsis:
    when `cut` is true (shortened here, or the text stops mid-sentence), the caller appends '…'.
    `text` is "" when nothing is left to show.
    """
    if deck:
        return _shorten(deck, max_words)
    rest = _after_headline(headline, paragraphs)
    if rest is None:
        rest = " ".join(paragraphs)
    return _shorten(rest, max_words) if rest.strip() else ("", False)
