"""A deterministic generator of synthetic wire stories, for the benchmarks and the tests.

400-700 words each, a Zipf-distributed vocabulary, realistic people (with titles) and countries,
dates over 20 years. The same seed always gives the same corpus.

    python -m tests.corpus OUT_DIR --count 1000 [--seed 7]
"""

import argparse
import datetime as dt
import random
import string
from itertools import accumulate
from pathlib import Path

FIRST = [
    "Maria",
    "Jose",
    "Ahmed",
    "Li",
    "Wei",
    "Anna",
    "Pedro",
    "Fatima",
    "Ivan",
    "Olga",
    "Kwame",
    "Amina",
    "Hiroshi",
    "Yuki",
    "Carlos",
    "Elena",
    "Omar",
    "Sara",
    "David",
    "Grace",
    "Samuel",
    "Nadia",
    "Tomas",
    "Leila",
    "Arjun",
    "Priya",
    "Jorge",
    "Ana",
    "Mehmet",
    "Aylin",
    "Kofi",
    "Ngozi",
]
LAST = [
    "Garcia",
    "Chen",
    "Okafor",
    "Petrov",
    "Kim",
    "Tanaka",
    "Silva",
    "Haddad",
    "Novak",
    "Mensah",
    "Rossi",
    "Kowalski",
    "Nguyen",
    "Sato",
    "Ortiz",
    "Ibrahim",
    "Mwangi",
    "Fischer",
    "Larsen",
    "Costa",
    "Yilmaz",
    "Das",
    "Singh",
    "Moreno",
    "Dubois",
    "Popescu",
    "Horvat",
    "Abebe",
    "Osei",
]
TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Finance Minister",
    "opposition leader",
    "General",
    "Senator",
    "Governor",
    "central bank chief",
]
COUNTRIES = [
    "Kenya",
    "Brazil",
    "Japan",
    "Germany",
    "Nigeria",
    "India",
    "Mexico",
    "France",
    "Indonesia",
    "Egypt",
    "Turkey",
    "Vietnam",
    "Argentina",
    "Poland",
    "Ukraine",
    "Canada",
    "Australia",
    "Pakistan",
    "Colombia",
    "Chile",
    "Ghana",
    "Peru",
    "Thailand",
]
DEMONYMS = [
    "Kenyan",
    "Brazilian",
    "Japanese",
    "German",
    "Nigerian",
    "Indian",
    "Mexican",
    "French",
    "Indonesian",
    "Egyptian",
    "Turkish",
    "Vietnamese",
    "Argentine",
    "Polish",
    "Ukrainian",
    "Canadian",
    "Australian",
    "Pakistani",
    "Colombian",
    "Chilean",
]
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "for",
    "with",
    "that",
    "by",
    "was",
    "is",
    "at",
    "from",
    "as",
    "it",
    "has",
    "government",
    "officials",
    "talks",
    "new",
    "would",
    "week",
    "year",
    "report",
    "minister",
    "people",
    "police",
    "election",
    "vote",
    "economy",
    "trade",
    "security",
    "court",
    "protest",
    "border",
    "agreement",
    "parliament",
    "party",
    "budget",
    "prices",
    "oil",
    "water",
    "health",
    "school",
]


def vocabulary(rng, size=20000):
    words = set()
    while len(words) < size:
        n = rng.choice((3, 4, 5, 5, 6, 6, 7, 8, 9, 10))
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(n)))
    return COMMON + sorted(words)


def zipf_weights(n, s=1.07):
    return [1 / (rank**s) for rank in range(1, n + 1)]


class Generator:
    def __init__(self, seed=7):
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        self.cum_weights = list(
            accumulate(zipf_weights(len(self.vocab)))
        )  # summed once, not per call
        self.people = [f"{first} {last}" for first in FIRST for last in LAST]
        self.start = dt.date(2005, 1, 1)

    def words(self, n):
        return self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n)

    def sentence(self, people, countries):
        rng = self.rng
        body = self.words(rng.randint(8, 22))
        roll = rng.random()
        if roll < 0.25:
            person = rng.choice(people)
            lead = (
                f"{rng.choice(DEMONYMS)} {rng.choice(TITLES)} {person}"
                if rng.random() < 0.4
                else person
            )
            body = [lead, "said"] + body
        elif roll < 0.45:
            body += ["in", rng.choice(countries)]
        elif roll < 0.55:
            body = (
                [person.split()[-1] for person in [rng.choice(people)]]
                + ["told", "reporters"]
                + body
            )
        text = " ".join(body)
        return text[0].upper() + text[1:] + "."

    def story(self, i):
        rng = self.rng
        people = rng.sample(self.people, rng.randint(1, 4))
        countries = rng.sample(COUNTRIES, rng.randint(1, 3))
        target = rng.randint(400, 700)
        paragraphs, words = [], 0
        while words < target:
            paragraph = " ".join(self.sentence(people, countries) for _ in range(rng.randint(2, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        published = self.start + dt.timedelta(days=rng.randint(0, 365 * 20))
        headline = f"{people[0]} {' '.join(self.words(rng.randint(4, 8)))} in {countries[0]}"
        header = f"Headline: {headline}\nDate: {published.isoformat()}\nSource: Synthetic Wire\n\n"
        return header + "\n".join(paragraphs) + "\n"


def write_corpus(out_dir, count, seed=7, per_folder=1000):
    out_dir = Path(out_dir)
    generator = Generator(seed)
    for i in range(count):
        folder = out_dir / f"{i // per_folder:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:07d}.txt").write_text(generator.story(i), encoding="utf-8")
    return out_dir


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.out_dir, args.count, args.seed)
    print(f"{args.count} stories written to {args.out_dir}")


if __name__ == "__main__":
    main()
