"""Deck/body boundaries of kicker teasers (issue 15): sentences are read, not capitals.

Every example here was written for this file; none comes from tests/data/parsing.
"""

from pathlib import Path

import pytest

from articles.ingest import parse
from articles.ingest.decks import named_surnames, split_deck

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# (line after the kicker, expected deck). The body is the rest of the line.
CASES = [
    # The body opens with a surname the deck already named.
    (
        "Gov. Maria Okafor signed a bill in Lagos to fund free school meals for two million "
        "pupils Okafor said the scheme would start in September.",
        "Gov. Maria Okafor signed a bill in Lagos to fund free school meals for two million pupils",
    ),
    # ... also right after a capitalised place ('Santa Cruz | Reyes').
    (
        "Gen. Tomas Reyes took command of the army's northern division at a ceremony in Santa "
        "Cruz Reyes, 52, replaces an officer who retired in March.",
        "Gen. Tomas Reyes took command of the army's northern division at a ceremony in Santa Cruz",
    ),
    # A country.
    (
        "Negotiators in Geneva reached a draft deal on fishing subsidies after talks ran past "
        "midnight Norway said it would sign once the text was translated.",
        "Negotiators in Geneva reached a draft deal on fishing subsidies after talks ran past "
        "midnight",
    ),
    # A country in the possessive.
    (
        "Oil prices climbed for a third day as traders weighed supply cuts by major producers "
        "Saudi Arabia's energy ministry said output would stay at current levels.",
        "Oil prices climbed for a third day as traders weighed supply cuts by major producers",
    ),
    # A quotation.
    (
        "Dock workers at the port of Mombasa ended a four-day strike over unpaid overtime "
        "“Nobody wanted this to drag on,” a union official said.",
        "Dock workers at the port of Mombasa ended a four-day strike over unpaid overtime",
    ),
    # A number.
    (
        "A landslide buried part of a mountain road in northern Peru after a week of heavy rain "
        "14 people are still missing, the fire service said.",
        "A landslide buried part of a mountain road in northern Peru after a week of heavy rain",
    ),
    # An acronym.
    (
        "Finance ministers from the euro zone backed a plan to pool emergency gas purchases NATO "
        "allies are expected to discuss energy security next week.",
        "Finance ministers from the euro zone backed a plan to pool emergency gas purchases",
    ),
    # A pronoun, after an abbreviation in the deck.
    (
        "The U.S. Senate approved a stopgap budget hours before a shutdown deadline It now goes "
        "to the House, where a vote is expected on Friday.",
        "The U.S. Senate approved a stopgap budget hours before a shutdown deadline",
    ),
    # A pronoun right after a capitalised place.
    (
        "Opposition leader Dr. Kwame Asante was detained at Accra airport on his return from "
        "London He was released without charge after six hours.",
        "Opposition leader Dr. Kwame Asante was detained at Accra airport on his return from "
        "London",
    ),
    # A title and a name, after a deck holding 'No. 10'.
    (
        "Protesters marched on No. 10 Downing Street demanding an inquiry into the housing crisis "
        "Prime Minister Ellen Carter said she would meet campaigners next week.",
        "Protesters marched on No. 10 Downing Street demanding an inquiry into the housing crisis",
    ),
    # A title and a name right after a capitalised place.
    (
        "Flood water along the Danube forced the evacuation of three villages near Vukovar "
        "Interior Minister Petra Horvat said the army would help build barriers.",
        "Flood water along the Danube forced the evacuation of three villages near Vukovar",
    ),
    # A capitalised common word, after a multi-word place in the deck.
    (
        "Residents of Port Moresby queued for water after a main pipe burst near the city's power "
        "station Police said repairs would take at least three days.",
        "Residents of Port Moresby queued for water after a main pipe burst near the city's power "
        "station",
    ),
    # A plural common noun right after a capitalised place.
    (
        "Ferry crews went on strike over rosters on the routes linking Piraeus and Crete "
        "Travellers waited for hours at the port on Saturday.",
        "Ferry crews went on strike over rosters on the routes linking Piraeus and Crete",
    ),
    # A determiner after a deck with a number and a closing quotation.
    (
        "About 2,500 runners took part in the first marathon held in Kigali since 2019 The "
        "winner, a 19-year-old student, finished in just over two hours and ten minutes.",
        "About 2,500 runners took part in the first marathon held in Kigali since 2019",
    ),
    (
        "Fans called the decision to move the final to a smaller stadium “a slap in the face” "
        "Tickets sold out within an hour of going on sale.",
        "Fans called the decision to move the final to a smaller stadium “a slap in the face”",
    ),
    # Decks that are whole sentences: the boundary is the sentence end.
    (
        "Will the central bank cut rates again? Economists polled last week expect a "
        "quarter-point reduction on Thursday.",
        "Will the central bank cut rates again?",
    ),
    (
        "Heavy snow closed the main pass between the two valleys for a third day. Drivers were "
        "told to wait in the nearest town.",
        "Heavy snow closed the main pass between the two valleys for a third day.",
    ),
    (
        "A retired nurse won the city's poetry prize for a collection she called “letters to the "
        "dead.” The judges praised its plain language.",
        "A retired nurse won the city's poetry prize for a collection she called “letters to the "
        "dead.”",
    ),
    # ... even when the sentence ends with an abbreviation.
    (
        "Lawmakers approved a new transit budget for Washington, D.C. The plan adds 40 buses to "
        "the city's fleet.",
        "Lawmakers approved a new transit budget for Washington, D.C.",
    ),
    # Abbreviations and initials inside the deck never end it.
    (
        "Sen. Alan Brooks and Rep. Nadia Youssef introduced a bill to cap insulin prices at $35 a "
        "month Brooks told reporters the measure had support from both parties.",
        "Sen. Alan Brooks and Rep. Nadia Youssef introduced a bill to cap insulin prices at $35 a "
        "month",
    ),
    (
        "The eruption began at 4 a.m. local time and sent ash over two villages Residents were "
        "told to stay indoors until the wind changed.",
        "The eruption began at 4 a.m. local time and sent ash over two villages",
    ),
    (
        "Novelist J. R. Okonkwo won the Caine Prize for a story about a night bus in Enugu "
        "Okonkwo, 31, dedicated the award to her mother.",
        "Novelist J. R. Okonkwo won the Caine Prize for a story about a night bus in Enugu",
    ),
    (
        "Capt. Lena Ivers of the St. Helena coast guard was praised for rescuing a yacht crew "
        "off Jamestown Ivers said the sea had been the roughest she could remember.",
        "Capt. Lena Ivers of the St. Helena coast guard was praised for rescuing a yacht crew off "
        "Jamestown",
    ),
    # Acronyms and titles in the deck; an acronym opening the body.
    (
        "Leaders of the SADC bloc agreed to extend their troop mission in Mozambique's Cabo "
        "Delgado province by a year The mission has cost more than $40 million so far.",
        "Leaders of the SADC bloc agreed to extend their troop mission in Mozambique's Cabo "
        "Delgado province by a year",
    ),
    # A lower-case title before a determiner still ends the deck.
    (
        "Judges in The Hague ordered the release of a former militia commander Its lawyers said "
        "he would return home within days.",
        "Judges in The Hague ordered the release of a former militia commander",
    ),
    # A country in the possessive right after a capitalised place.
    (
        "A Russian-made helicopter carrying aid workers crashed in bad weather near Bamiyan "
        "Afghanistan's Taliban government said all nine people on board were killed.",
        "A Russian-made helicopter carrying aid workers crashed in bad weather near Bamiyan",
    ),
    # An acronym and a title opening the body after a weekday.
    (
        "The European Central Bank left interest rates unchanged on Thursday ECB President Lucia "
        "Ferri said inflation was still too high.",
        "The European Central Bank left interest rates unchanged on Thursday",
    ),
    # A surname after a two-word place, before a relative clause holding a number.
    (
        "Kenyan runner Faith Chebet broke the world record over 5,000 metres in Eugene, Oregon "
        "Chebet, who turned 24 last week, finished in 13 minutes 58 seconds.",
        "Kenyan runner Faith Chebet broke the world record over 5,000 metres in Eugene, Oregon",
    ),
    # An organisation after a two-word place: the shorter subject wins.
    (
        "Engineers restored power to most of Puerto Rico after a fire at a substation in San Juan "
        "Luma Energy said 30,000 customers were still without electricity.",
        "Engineers restored power to most of Puerto Rico after a fire at a substation in San Juan",
    ),
    # After 'rose' a number is the object; after ', the office said' the sentence has ended.
    (
        "Prices of cooking oil rose 12 percent in a month, the statistics office said Households "
        "in rural areas were hit hardest.",
        "Prices of cooking oil rose 12 percent in a month, the statistics office said",
    ),
    (
        "The Philippines accused China of ramming a supply boat near the Second Thomas Shoal "
        "Beijing said the Philippine vessel had entered its waters illegally.",
        "The Philippines accused China of ramming a supply boat near the Second Thomas Shoal",
    ),
    # A company the deck named, alone after a place.
    (
        "Shares in Harbin Optics Ltd. slid after the lens maker said it would shut its factory in "
        "Penang Harbin blamed weak demand from phone makers.",
        "Shares in Harbin Optics Ltd. slid after the lens maker said it would shut its factory in "
        "Penang",
    ),
    # A country the deck named, in the possessive, right after a full name.
    (
        "A court in Somalia freed the aid worker's driver along with former mayor Abdi Warsame "
        "Somalia's justice ministry and the regional police will review the other cases.",
        "A court in Somalia freed the aid worker's driver along with former mayor Abdi Warsame",
    ),
    # An end abbreviation followed by a plural common noun.
    (
        "Bus drivers staged a one-day walkout over pay across Washington, D.C. Commuters crowded "
        "onto trains and bicycles.",
        "Bus drivers staged a one-day walkout over pay across Washington, D.C.",
    ),
    # A title abbreviation after a place; the verb comes after a relative clause.
    (
        "Doctors from three countries opened a burns unit at the main hospital in Maputo Dr. "
        "Ana Cossa, who trained in Lisbon, said 30 nurses would staff it by the end of the year.",
        "Doctors from three countries opened a burns unit at the main hospital in Maputo",
    ),
    # A long first sentence is likelier a deck and a body run together.
    (
        "Fishermen in southern Chile were told to keep their boats in port after an algal bloom "
        "turned the water red Residents of four coastal towns within 20 km of the bay were asked "
        "not to eat shellfish, and the health ministry said it would test samples every day "
        "until the bloom had cleared from the whole of the gulf.",
        "Fishermen in southern Chile were told to keep their boats in port after an algal bloom "
        "turned the water red",
    ),
]


@pytest.mark.parametrize("text, deck", CASES)
def test_deck_ends_where_the_next_sentence_starts(text, deck):
    got_deck, body = split_deck(text)
    assert got_deck == deck
    assert body == text[len(deck) :].strip()


@pytest.mark.parametrize(
    "text",
    [
        # One sentence cut off before it ends: there is no deck.
        "Ministers from 20 countries met in Nairobi to discuss a regional plan for",
        # Capitals inside one sentence are not boundaries.
        "Union members in Addis Ababa, where Prime Minister Daniel Bekele spoke, backed the",
        "Villagers near Lake Victoria asked the Ministry of Water for help after the",
        # A holiday's first word opening a party's name, a title's name, a verb after ", and"
        # and after a pronoun, a possessive and an acronym are no boundaries.
        "Fitch upgraded Jamaica on Tuesday, citing surpluses under a plan backed by the World "
        "Bank, and Finance Minister Nadia Blackwood-Reid told the Gleaner in Kingston she "
        "expected others to follow, while the opposition People's Labour Party (PLP) called the "
        "move a gift to bondholders and the Independence Party said",
        "Customs officers in Mombasa seized 40 containers of ivory on Friday, saying traffickers "
        "who ship through the region's Indian Ocean terminals had",
        "Investors sold bank shares across Europe after the ruling, and BNP Paribas lost most as",
        "",
    ],
)
def test_no_boundary_leaves_the_text_as_body(text):
    assert split_deck(text) == ("", text)


def test_a_name_is_not_split_between_its_words():
    deck, body = split_deck(
        "Chilean President Ana Rojas opened a lithium plant in the Atacama desert, and Ana "
        "Rojas told workers the plant would double exports She also met union leaders."
    )
    assert body.startswith("She also met")


def test_named_surnames_take_the_last_word_of_each_full_name():
    line = "U.S. envoy Helen Marsh met Rey Santos Jr. and Lt. Col. Ivo Kral in Port"
    tokens = line.split(" ")
    names = named_surnames(tokens)
    assert {"Marsh", "Santos", "Kral"} <= set(names)
    assert "Port" not in names


def _seed_and_parse_test_lines():
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            kicked = parse.kicker_of(" ".join(raw.split()))
            if kicked:
                lines.append(kicked[1])
    return lines + [
        "The minister met Vietnamese officials in Hanoi to discuss rice exports and the talks "
        "ended early Farmers said",
        "Regional stock markets fell sharply after the central bank raised rates again Traders in "
        "Jakarta said the move had caught many off guard, and the rupiah slid to its weakest "
        "level since",
        "A consortium is close to buying the island's main harbour, officials say Negotiators met "
        "in Suva on Monday to settle the final terms of a lease that would run for",
    ]


# The decks the seed's kicker lines and the earlier parser tests had before split_deck read
# sentences (the earlier capital-letter rule gave these too): they must not change.
EARLIER_DECKS = [
    "The leader of an opposition alliance made allegations of electoral irregularities and "
    "called for a protest in Tirana as European leaders are to meet",
    "Albanian Prime Minister Edi Rama says only he could secure EU membership, but challenges "
    "remain in dealing with corruption and a brain drain",
    "Jose Mujica earned the moniker ‘world’s poorest president’ for giving away much of his "
    "salary and living a simple life on his farm, with his wife and dog",
    "The minister met Vietnamese officials in Hanoi to discuss rice exports and the talks ended "
    "early",
    "Regional stock markets fell sharply after the central bank raised rates again",
    "A consortium is close to buying the island's main harbour, officials say",
]


def test_seed_and_existing_cases_split_exactly_as_before():
    lines = _seed_and_parse_test_lines()
    assert [split_deck(text)[0] for text in lines] == EARLIER_DECKS
    for text in lines:
        deck, body = split_deck(text)
        assert f"{deck} {body}" == text
