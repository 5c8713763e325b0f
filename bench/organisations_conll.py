#!/usr/bin/env python
"""Organisations on CoNLL-2003 (issue 18): ORG spans, scored with the rule people are (issue 16).

Per document, the gold names are the texts of its ORG spans and the system's are the texts of
the spans the extractor tagged as organisations (every mention, so "CCP" and "Chinese Communist
Party" are two names on both sides); both are reduced to canonical names (`conll.canonical`: a
name whose words all sit in a longer one merges into it) and compared strictly (equal) and
leniently (same last word), one to one (`conll.score_people`). News and sports documents are
counted apart: the sports desk's ORG spans are mostly clubs named after their cities.

    python bench/organisations_conll.py [--split train] [--errors N] [--conll-dir DIR]

The data is read in place from the cached wheel (see bench/conll.py) and never written to the
repository. Develop on train only; --errors prints nothing for valid and test.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest.extraction import extract  # noqa: E402
from bench import conll  # noqa: E402


def system_names(doc, extraction):
    return [doc.text[s:e] for org in extraction.organisations for s, e in org.spans]


def run(split, cache_dir=None, errors=0):
    docs = conll.load(split, cache_dir)
    results, rate = conll.timed_extract(extract, docs)
    totals = {(g, m): [0, 0, 0] for g in conll.GROUPS for m in ("strict", "lenient")}
    misses = []
    for doc, result in zip(docs, results):
        gold, system = doc.names("ORG"), system_names(doc, result)
        strict, lenient = conll.score_people(gold, system)
        for group in ("sports" if doc.sport else "news", "all"):
            for match, counts in (("strict", strict), ("lenient", lenient)):
                totals[group, match] = [a + b for a, b in zip(totals[group, match], counts)]
        if errors and not doc.sport:
            g, s = conll.canonical(gold), conll.canonical(system)
            misses += [(doc, "false", n) for n in sorted(s - g)]
            misses += [(doc, "missed", n) for n in sorted(g - s)]
    sports = sum(d.sport for d in docs)
    print(f"CoNLL-2003 {split}: {len(docs)} documents ({len(docs) - sports} news, {sports} sports)")
    print(f"{'ORG':<8}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>6}{'fn':>6}")
    for (group, match), (tp, fp, fn) in totals.items():
        p, r, f = conll.prf(tp, fp, fn)
        print(f"{group:<8}{match:<9}{p:7.3f}{r:7.3f}{f:7.3f}{tp:7d}{fp:6d}{fn:6d}")
    print(f"speed: {rate:,.0f} documents/s, extract() alone, CPU time on one core")
    if errors:
        conll.print_errors(misses, errors, split, label="news ORG")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=conll.SPLITS, default="train")
    parser.add_argument("--conll-dir", help=f"wheel cache (default {conll.DEFAULT_DIR})")
    parser.add_argument("--errors", type=int, default=0, metavar="N")
    args = parser.parse_args()
    run(args.split, args.conll_dir, args.errors)


if __name__ == "__main__":
    main()
