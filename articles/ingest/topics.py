"""Topics by keyword rules: the starter taxonomy and the scorer.

Editors change a topic's keywords in the admin (Topic.keywords, one per line, 'word=weight'
for a weight other than 1). The scorer is pure: it takes the rules and a text.
"""

import re
from collections import Counter
from dataclasses import dataclass

# (slug, name, keywords). Keywords match whole words, ignoring case and plural endings.
DEFAULT_TOPICS = [
    (
        "security-policing",
        "Security and policing",
        """police=2
policing=3
law enforcement=3
security cooperation=2
public security=2
counterterrorism=2
terrorism=2
surveillance
security forces
intelligence
officers
security""",
    ),
    (
        "elections",
        "Elections",
        """election=3
elections=3
electoral=3
vote=2
votes
voting=2
voters=2
ballot=2
polls
polling station=2
candidate
campaign
turnout=2
election commission=2
term
parliamentary elections=2
presidential election=2
runoff=2
referendum=2""",
    ),
    (
        "diplomacy",
        "Diplomacy",
        """diplomatic=3
diplomacy=3
diplomat=2
diplomats=2
summit=2
talks=2
negotiations=2
mediation=3
mediators=3
bilateral=3
foreign minister=2
foreign ministry=2
foreign affairs=2
ambassador=2
envoy=2
state visit=3
visit=1
visited=1
counterpart=2
delegation=2
relations=2
recognition=2
recognise=2
recognize=2
agreement
partnership
ties
treaty=2
embassy=2
multilateral=2
united nations=1
alliance""",
    ),
    (
        "conflict-military",
        "Conflict and military",
        """war=2
military=2
troops=2
army
armed forces=2
coup=3
junta=3
rebels=2
rebel=2
militia=2
airstrike=3
shelling=3
ceasefire=3
fighting=2
insurgents=2
soldiers=2
civil war=3
missile=2
drone strike=3
guerrilla=2
invasion=2""",
    ),
    (
        "human-rights",
        "Human rights",
        """human rights=3
rights groups=3
rights group=3
authoritarian=2
repression=2
crackdown=2
political prisoners=3
freedom of speech=2
press freedom=3
torture=3
activists=2
dissidents=2
detention=2
persecution=2
amnesty""",
    ),
    (
        "economy-trade",
        "Economy and trade",
        """economy=3
economic=2
trade=2
tariff=3
tariffs=3
exports=2
imports=2
investment=2
invest=2
inflation=3
gdp=3
growth
market
markets
currency=2
budget
billion
central bank=3
unemployment=2
tourism=2
commercial interests=2""",
    ),
    (
        "obituaries",
        "Obituaries",
        """died=3
death=2
funeral=3
tributes=3
passed away=3
passing=2
mourn=3
mourners=3
condolences=3
obituary=3
aged=1
he was=1
late=1""",
    ),
    (
        "health",
        "Health",
        """health=2
hospital=2
disease=2
outbreak=3
vaccine=3
vaccination=3
virus=2
pandemic=3
epidemic=3
patients=2
doctors=2
medical=2
cholera=3
malaria=3
world health organization=3""",
    ),
    (
        "environment-climate",
        "Environment and climate",
        """climate=3
climate change=3
emissions=3
carbon=2
pollution=3
deforestation=3
biodiversity=3
wildlife=2
global warming=3
renewable=2
environmental=2
conservation=2
drought=2""",
    ),
    (
        "science-technology",
        "Science and technology",
        """technology=2
tech=2
artificial intelligence=3
semiconductor=3
semiconductors=3
chips=2
software=2
satellite=2
space=1
research=1
scientists=2
internet=2
cyber=2
cyberattack=3
digital=1""",
    ),
    (
        "crime-justice",
        "Crime and justice",
        """court=2
trial=2
judge=2
sentenced=3
prison=2
arrested=2
arrest=2
charged=2
prosecutors=2
crime=2
murder=3
fraud=2
smuggling=2
trafficking=2
verdict=3
lawsuit=2
jailed=3
convicted=3""",
    ),
    (
        "disasters",
        "Disasters and accidents",
        """earthquake=3
flood=3
floods=3
flooding=3
typhoon=3
hurricane=3
cyclone=3
landslide=3
wildfire=3
tsunami=3
disaster=2
rescue=2
evacuated=2
death toll=3
crash=2
explosion=2
victims""",
    ),
    (
        "migration",
        "Migration",
        """migrants=3
migrant=3
migration=3
refugees=3
refugee=3
asylum=3
border=1
deportation=3
deported=3
displaced=2
immigration=3
brain drain=2""",
    ),
    (
        "energy",
        "Energy",
        """energy=2
oil=2
gas=2
electricity=2
power plant=3
nuclear power=3
pipeline=2
coal=2
solar=2
fuel=2
opec=3
renewables=2
grid=2""",
    ),
    (
        "corruption",
        "Corruption",
        """corruption=3
bribery=3
bribe=3
embezzlement=3
graft=3
kickbacks=3
anti-corruption=3
money laundering=3
irregularities=2
fraud=1""",
    ),
    (
        "politics-government",
        "Politics and government",
        """parliament=2
opposition=2
cabinet=2
lawmakers=2
coalition=2
legislation=2
ruling party=2
politician=2
reshuffle=3
impeachment=3
no-confidence=3
resign=2
resignation=2
constitution=2
constitutional=2
government=0.5
party=0.5""",
    ),
    (
        "culture-sport",
        "Culture and sport",
        """football=3
olympics=3
olympic=3
tournament=3
championship=3
match=1
athletes=2
film=2
festival=2
music=2
museum=2
artist=2
art=1
culture=2
cultural=1
heritage=2
world cup=3""",
    ),
]

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
# Stripped from both ends of whitespace-separated words: str.split() and str.strip() are several
# times faster than a regular expression or str.translate over the whole text.
WORD_EDGE_PUNCTUATION = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»—–…·'"
MIN_SCORE = 4.0  # a topic needs this much weighted evidence...
MIN_KEYWORDS = 2  # ...from at least this many different keywords
MAX_TOPICS = 3
RELATIVE_CUTOFF = 0.35  # and at least this share of the best topic's score
PER_KEYWORD_CAP = 3  # repeats of one keyword stop counting after this


def parse_keywords(text):
    """'coup=3' lines -> [('coup', 3.0)]; blank lines and '#' comments are ignored."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        phrase, _, weight = line.partition("=")
        try:
            value = float(weight) if weight.strip() else 1.0
        except ValueError:
            value = 1.0
        phrase = " ".join(WORD_RE.findall(phrase))
        if phrase:
            rules.append((phrase, value))
    return rules


def _variants(word):
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


@dataclass(frozen=True)
class TopicRules:
    """Keyword rules compiled for fast scoring: one dict for words, one regex for phrases."""

    words: dict  # word form -> [(slug, keyword, weight)]
    phrases: dict  # first word -> [(phrase, slug, weight)]

    @classmethod
    def compile(cls, topics):
        """topics: iterable of (slug, keywords text)."""
        words, phrases = {}, {}
        for slug, text in topics:
            for phrase, weight in parse_keywords(text):
                if " " in phrase:
                    phrases.setdefault(phrase.split()[0], []).append((phrase, slug, weight))
                else:
                    for form in _variants(phrase):
                        words.setdefault(form, []).append((slug, phrase, weight))
        return cls(words, phrases)

    def score(self, lower_text, counts=None):
        """[(slug, score)] for the topics the text is about, best first."""
        if counts is None:
            counts = Counter(w.strip(WORD_EDGE_PUNCTUATION) for w in lower_text.split())
        hits = Counter()
        for word in counts.keys() & self.words.keys():
            n = counts[word]
            for key in self.words[word]:
                hits[key] += n
        # Phrases are counted only when their first word occurs at all.
        for first in counts.keys() & self.phrases.keys():
            for phrase, slug, weight in self.phrases[first]:
                n = lower_text.count(phrase)
                if n:
                    hits[(slug, phrase, weight)] += n
        scores, distinct = Counter(), Counter()
        for (slug, _keyword, weight), n in hits.items():
            scores[slug] += weight * min(n, PER_KEYWORD_CAP)
            distinct[slug] += 1
        ranked = [
            (slug, s)
            for slug, s in scores.most_common()
            if s >= MIN_SCORE and distinct[slug] >= MIN_KEYWORDS
        ]
        if not ranked:
            return []
        best = ranked[0][1]
        return [
            (slug, round(s, 2)) for slug, s in ranked[:MAX_TOPICS] if s >= best * RELATIVE_CUTOFF
        ]


DEFAULT_RULES = TopicRules.compile((slug, keywords) for slug, _name, keywords in DEFAULT_TOPICS)
