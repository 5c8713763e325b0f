"""Where a kicker teaser's deck ends and its body begins.

Teasers run the deck (standfirst) straight into the body with no punctuation between them:
'... left at least 19 people dead Chad has deployed two battalions'. The old rule took the first
capitalised word after a lower-case word, which splits inside places ('in Addis | Ababa'), after
titles ('Prime | Minister') and never before a number, an acronym or a surname alone.

This module reads the line as sentences instead. Every word that could open a sentence is a
candidate and is scored on evidence found in the line itself:

- what stands before it: a word a sentence cannot end on (article, preposition, conjunction,
  auxiliary, title) rules it out; a capitalised word means the candidate is probably inside a
  name ('Mashonaland West') unless other evidence says otherwise;
- what it is: a pronoun or determiner ('She', 'The'), a surname the deck already named ('Marsh'),
  a number, an acronym, an opening quotation mark;
- what follows: a verb right after the subject it opens ('Chad has', 'IMF staff said').

A real sentence end ('.', '?', '.”' not after an abbreviation) caps the search: the boundary is
there unless a run-on candidate before it has strong evidence. Only the standard library and the
project's word lists are used, and the work is one pass over at most DECK_MAX_WORDS words.
"""

import re

from articles.ingest.lexicon import (
    DATE_ENDS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_WORDS,
    TITLE_WORDS_LOWER,
    TITLES,
)

WORD_RE = re.compile(r"\S+")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
OPEN_QUOTE_RE = re.compile(r"^[“\"‘']+(?=[A-Z0-9])")
STRIP = "“”\"‘’'()[],;:.!?…"
NICKNAME_RE = re.compile(r"^[“\"‘'][A-Z][^\s]*[”\"’']$")
POSSESSIVE_RE = re.compile(r"[’']s$")

DECK_MIN_WORDS = 3
DECK_MAX_WORDS = 80
# A run-on candidate must reach this score to be taken as the boundary; before a real sentence
# end it must reach the higher one, since the sentence end is itself a boundary.
MIN_SCORE = 0.5
MIN_SCORE_BEFORE_END = 2.0
LONG_DECK_WORDS = 35
MIN_SCORE_LONG_SENTENCE = 1.0


def _w(text):
    return frozenset(text.split())


# Abbreviations that a name or number always follows: they never end a sentence.
TITLE_ABBREVIATIONS = _w(
    """dr mr mrs ms mme mlle messrs gen lt col maj capt cpt sgt cpl adm brig cmdr cdr sen rep gov
    prof rev fr st mt ft no nos hon pres supt insp det amb gen. jan feb mar apr jun jul aug sep sept
    oct nov dec vol art fig vs v approx ca c pp p ch sec"""
)
# Abbreviations that may also close a sentence ('in Washington, D.C.').
END_ABBREVIATIONS = _w("inc ltd co corp plc llc jr sr etc bros am pm a.m p.m")
ABBREVIATION_RE = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")

# Words a sentence does not end on: a capitalised word after them continues the sentence.
NO_END_WORDS = (
    _w(
        """a an the this that these those its his her their our my your whose which who whom what
        of in on at to for from by with into onto over under about after before between against
        during without within among amid across toward towards via per like including near than
        as upon through throughout since until till off beside besides beyond despite except
        inside outside along around behind below beneath above underneath alongside opposite
        and or nor but yet so because although though while whereas if whether unless where when
        is are was were be been being am has have had do does did will would shall should can
        could may might must least most more less nearly almost some roughly approximately only
        just fewer former late new then ex- then- one two three four five six seven eight nine ten
        eleven twelve dozen dozens hundreds thousands millions every each all both any no
        northern southern eastern western central north south east west northeastern northwestern
        southeastern southwestern representative rival candidate opponent ally counterpart
        commander dictator also"""
    )
    | TITLE_WORDS_LOWER
    | NAME_PARTICLES
)
# Words a sentence may end on, though they usually go on ('officials say', 'his rival Rama').
WEAK_END_WORDS = _w("said says say told tells officials official members member party")
# Stop looking for the verb of a candidate sentence at these: a new clause starts there.
CLAUSE_WORDS = _w(
    "where who whom which that when while whose as because although though if to but whereas"
)
# Words that open sentences and never continue a name.
STRONG_OPENERS = _w(
    """He She They It We I The A An This These Those His Her Their Its Our There Some Many Most
    Several Both Each Every All No Other Others Such Few"""
)
COMMON_OPENERS = FUNCTION_WORDS - TITLES - STRONG_OPENERS
VERBS = _w(
    """is are was were has have had will would could can may might must should shall did does do
    said says say told tells won wins met meets took takes made makes kept keeps held holds left
    leaves fell falls rose rises led leads sent sends hit hits cut cuts set sets put puts paid pays
    sold sells built builds brought brings found finds gave gives got gets ran runs saw sees became
    becomes came comes spent spends stood stands lost loses struck strikes drew draws wrote writes
    spoke speaks chose chooses flew flies grew grows knew knows threw shot shoots fought fights
    sought seeks caught catches bought buys began begins went goes broke breaks wants plans faces
    remains remain remained hopes expects insists denies agrees warns urges calls says, said,
    told, won't can't didn't doesn't isn't wasn't aren't weren't hasn't haven't hadn't"""
)
DEMONYM_RE = re.compile(r"(?:an|ese|ish|i|ic|ch)$")
FREE_WORDS = _w(
    """a an the of in on at from for with within near and or by its their his her our some
    one two three four five six seven eight nine ten dozen hundreds thousands both all"""
)
AUXILIARIES = _w("be been being is are was were has have had get got gets")
NOT_VERBS_ED = _w("red bed need speed seed hundred armed breed feed greed shed sled wed bred")


def _core(token):
    """The word without quotes, brackets and trailing punctuation, possessive dropped."""
    return POSSESSIVE_RE.sub("", token.strip(STRIP))


def _is_capitalised(token):
    core = token.strip(STRIP)
    return bool(core) and core[0].isupper()


def _is_verb(token):
    if not token or not token[0].islower():
        return False
    word = token.rstrip(",;:.”’\"'")
    if word in VERBS:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in NOT_VERBS_ED


def _ends_sentence(token, following):
    """Whether token closes a sentence, given the token after it (abbreviations are not ends)."""
    if not SENTENCE_END_RE.search(token):
        return False
    bare = token.rstrip("\"'”’)]").lower()
    if not bare.endswith("."):
        return True  # '?', '!' and '…' are never abbreviations
    stem = bare.strip("“\"‘'(")[:-1]
    if stem in TITLE_ABBREVIATIONS or re.fullmatch(r"[a-z]", stem):
        return False
    if stem in END_ABBREVIATIONS or ABBREVIATION_RE.match(token.strip("“\"‘'()")):
        # 'D.C. The judges', 'D.C. Officials said' end; 'U.S. Trade Representative' does not.
        core = _core(following)
        return core in STRONG_OPENERS or core in COMMON_OPENERS or _plural_noun(core)
    return True


def _opens_sentence(token):
    """A token a sentence may start with: a capital, a digit or a quote before a capital."""
    body = OPEN_QUOTE_RE.sub("", token)
    return bool(body) and (body[0].isupper() or body[0].isdigit())


def named_surnames(tokens):
    """{surname: index of the token after its name} for the multi-word capitalised names in
    tokens ('Helen Marsh' -> 'Marsh'), the same for the name's last two words as a pair, and
    ("seen", word) for every capitalised word, names of places and companies included.

    A body often opens with a surname alone once the deck gave the full name ('Marsh said').
    """
    names, run = {}, []

    def close():
        people = [w for w in run if w not in TITLES and w.lower() not in TITLE_ABBREVIATIONS]
        people = [w for w in people if w not in NAME_PARTICLES and w not in NAME_SUFFIXES]
        if len(people) >= 2 and people[-1] not in ORG_WORDS and people[-1] not in FUNCTION_WORDS:
            names.setdefault(people[-1], position)
            names.setdefault((people[-2], people[-1]), position)
        run.clear()

    for position, token in enumerate(tokens):
        core = _core(token)
        if _is_capitalised(token) and core not in FUNCTION_WORDS and core not in TITLES:
            names.setdefault(("seen", core), position + 1)
        if _is_capitalised(token) or (run and core in NAME_PARTICLES):
            run.append(core)
            tail = token.rstrip("”’\"')]")
            if tail.endswith((",", ";", ":", "!", "?")) or (
                tail.endswith(".") and core.lower() not in TITLE_ABBREVIATIONS and len(core) > 1
            ):
                close()
        else:
            close()
    close()
    return names


def _plural_noun(core):
    """A capitalised common noun in the plural ('Commuters'): it opens sentences, not names."""
    return (
        len(core) > 4 and core.endswith("s") and not core.endswith(("ss", "us", "is", "os", "as"))
    )


def _verb_after(tokens, i):
    """Evidence that tokens[i] opens a clause: a verb soon after the subject it starts.

    Capitalised words, numbers and small linking words (the subject's name, 'Santos, 24,',
    'Residents of seven villages') do not count as distance; other lower-case words do. A
    relative clause set off by commas is skipped ('Habimana, who led the team, said'); any other
    relative or linking word ('where', 'to') ends the search: what follows is another clause.
    """
    skipped, plain_s, j = 0, 0.0, i
    while j + 1 < min(len(tokens), i + 14):
        j += 1
        token = tokens[j]
        if _ends_sentence(tokens[j - 1], token) or tokens[j - 1].endswith((";", ":")):
            break
        core = token.strip(STRIP)
        if core in ("and", "but", "or") and tokens[j - 1].endswith(","):
            break  # "Monetary Fund (IMF), and Finance Minister X told": the verb is another's
        if core in ("he", "she", "they", "we"):
            break  # "told Nation News in Bridgetown she expected": the verb is the pronoun's
        if not core or not core[0].islower() or core in FREE_WORDS:
            continue
        if core in ("who", "which") and tokens[j - 1].endswith(","):
            j = next((k for k in range(j, len(tokens)) if tokens[k].endswith(",")), len(tokens))
            continue
        if core in CLAUSE_WORDS:
            break
        if _is_verb(token):
            return max(plain_s, 3.0 - 0.5 * skipped if skipped <= 4 else 0.5)
        if skipped == 0 and _plural_noun(core) and _is_capitalised(tokens[j - 1]):
            plain_s = 1.0  # 'Edi Rama seeks': a verb in -s, or a plural noun
        skipped += 1
    return plain_s


def _inside_name_evidence(tokens, i, names):
    """Score for a candidate right after a capitalised word, or None when it continues a name.

    Only a word that cannot continue a name opens the sentence there ('London | He', 'Busan |
    Commuters'), or a surname named before, or a subject whose verb follows at once after a deck
    that has its own verb ('near Vukovar | Interior Minister Petra Horvat said').
    """
    prev, cur = _core(tokens[i - 1]), _core(tokens[i])
    if prev in TITLES or prev.lower() in TITLE_ABBREVIATIONS or names.get((prev, cur), i) < i:
        return None  # after a title, or inside a name the deck gave ('Edi | Rama')
    if NICKNAME_RE.match(tokens[i - 1]):
        return None  # 'Jose “Pepe” | Mujica'

    opener = (cur in STRONG_OPENERS and cur not in ("A", "I")) or cur in COMMON_OPENERS
    named = names.get(cur, i) < i or names.get(("seen", cur), i) < i  # 'Monterrey | Kestrel'
    clause = (
        cur not in ORG_WORDS
        and not (cur in TITLES and not tokens[i].endswith(".") and DEMONYM_RE.search(prev))
        # a title's name goes on: "Finance Minister Marcia | Gittens-Holder told"
        and not (i >= 2 and _core(tokens[i - 2]) in TITLES)
        and not (len(prev) >= 2 and prev.isupper())  # and an acronym's: "BNP | Paribas lost"
        and _verb_after(tokens, i) >= 2.5
        and any(_is_verb(t) for t in tokens[1 : i - 1])
    )
    if not (opener or named or clause):
        return None
    # Where the split inside a run is unsure ('San Juan Luma Energy said'), prefer the shorter
    # subject, and a title opening one ('Interior Minister Petra Horvat said').
    run = 1
    while i + run < len(tokens) and run < 6 and _is_capitalised(tokens[i + run]):
        run += 1
    return -1.5 - 0.1 * (run - 1) + (0.5 if cur in TITLES else 0.0)


def _attribution(tokens, i):
    """Whether tokens[i - 1] closes an attribution (', officials say', ', the office said').

    A comma right before the verb closes a parenthesis instead ('Habimana, who led the team,
    said 12 children ...'): the verb's object follows.
    """
    for back in range(2, min(i, 6) + 1):
        token = tokens[i - back]
        if token.endswith(","):
            return back > 2
        if _is_verb(token):
            return False
    return False


def _after_word_evidence(tokens, i):
    """Score for a candidate after a lower-case word, or None when no sentence ends on it."""
    low = _core(tokens[i - 1]).lower()
    cur = _core(tokens[i])
    if low in TITLE_WORDS_LOWER and cur in STRONG_OPENERS and cur not in ("A", "I"):
        return -1.0  # 'a former militia commander | Its lawyers'
    if low in NO_END_WORDS or low.endswith("-"):
        return None
    score = 0.0
    if low in WEAK_END_WORDS:
        score -= 0.0 if _attribution(tokens, i) else 2.0  # 'said 30,000 customers were'
    elif _is_verb(low) and _core(tokens[i - 2]).lower() not in AUXILIARIES:
        score -= 1.0  # 'met Vietnamese officials', 'turned 24'; not 'will be filled'
    if low.endswith("ing") and len(low) > 5:
        score -= 1.0  # 'linking Piraeus', 'including Kenya': a participle before its object
    if i >= 2 and _core(tokens[i - 2]).lower() in ("a", "an", "the"):
        score -= 0.5  # 'a poor Brazilian harvest': the article may still wait for its noun
    return score


def _prev_evidence(tokens, i, names):
    """Score for what stands before the candidate tokens[i], or None when it rules it out."""
    prev = tokens[i - 1]
    if prev.rstrip("”’\"')]").endswith((",", ";", ":", "-")) or prev in ("—", "–", "-", "--"):
        return None
    core = _core(prev)
    if not core or POSSESSIVE_RE.search(prev):
        return None  # "Frankfurt's | DAX": what the possessive owns follows it
    if core[0].isupper() and core not in DATE_ENDS:
        return _inside_name_evidence(tokens, i, names)
    if core[0].isdigit():
        return -1.0
    return _after_word_evidence(tokens, i)


def _org_subject(tokens, i):
    """Whether tokens[i:] open with a capitalised run ending in an organisation word and a verb."""
    j = i
    while j < len(tokens) and _is_capitalised(tokens[j]) and j - i < 6:
        j += 1
    return (
        j > i + 1
        and _core(tokens[j - 1]) in ORG_WORDS
        and _is_verb(tokens[j] if j < len(tokens) else "")
    )


def _candidate_score(tokens, i, names):
    """How strongly the line suggests that a new sentence starts at tokens[i] (None: it cannot)."""
    token = tokens[i]
    if not _opens_sentence(token):
        return None
    score = _prev_evidence(tokens, i, names)
    if score is None:
        return None
    cur = _core(token)
    if cur in STRONG_OPENERS:
        score += 3.0
    elif cur in COMMON_OPENERS or _plural_noun(cur):
        score += 1.0  # 'Officials', 'Commuters', 'Delegates' open sentences
    if names.get(cur, i) < i:
        score += 4.0  # 'Marsh said' after 'Helen Marsh'
    elif names.get(("seen", cur), i) < i:
        score += 1.5  # 'Kestrel said' after 'Kestrel Robotics Inc.', 'Yemen's' after 'in Yemen'
    else:
        run = []
        for later in tokens[i : i + 6]:
            if not _is_capitalised(later):
                break
            run.append(_core(later))
        if any(names.get(w, i) < i for w in run):
            score += 2.0  # the deck's 'Prime Minister Edi Rama' named again
    if cur[:1].isdigit():
        score += 1.0
    if _org_subject(tokens, i):
        score += 1.0  # 'Luma Energy said': an organisation as the subject
    if OPEN_QUOTE_RE.match(token):
        score += 2.0
    if len(cur) >= 2 and cur.isupper() and cur.isalpha():
        score += 0.5
    if not any(_is_verb(t) for t in tokens[1 : i - 1]):
        score -= 0.5  # a deck has a verb of its own, though a headline-like one may hide it
    return score + _verb_after(tokens, i)


def _cut(text, matches, i):
    return text[: matches[i - 1].end()].strip(), text[matches[i].start() :].strip()


def split_deck(text):
    """Split a kicker line's text into (deck, body start); ("", text) when there is no boundary.

    The deck ends at the first real sentence end ('?', '.', '.”', but not after 'Dr.' or 'U.S.')
    unless a run-on boundary before it scores at least MIN_SCORE_BEFORE_END; with no sentence end
    in reach, the best run-on boundary scoring at least MIN_SCORE is taken.
    """
    matches = list(WORD_RE.finditer(text))
    tokens = [m.group() for m in matches]
    limit = min(len(tokens), DECK_MAX_WORDS)
    names = named_surnames(tokens[:limit])
    best, best_score = None, MIN_SCORE - 1e-9
    for i in range(1, limit):
        if i >= 2 and _opens_sentence(tokens[i]) and _ends_sentence(tokens[i - 1], tokens[i]):
            # A first sentence far longer than a deck is likelier two run together.
            needed = MIN_SCORE_BEFORE_END if i <= LONG_DECK_WORDS else MIN_SCORE_LONG_SENTENCE
            if best is not None and best_score >= needed:
                break
            return _cut(text, matches, i)
        if i < DECK_MIN_WORDS:
            continue
        score = _candidate_score(tokens, i, names)
        if score is not None and score > best_score:
            best, best_score = i, score
    if best is None:
        return "", text
    return _cut(text, matches, best)
