"""Organisations (issue 18): found by their names, defined acronyms and the well-known list;
generic references, people and places never; editors' decisions applied."""

import pytest

from articles.ingest.extraction import KnownEntities, extract
from articles.ingest.extraction.organisation_book import OrganisationBook
from articles.ingest.store import known_entities
from articles.models import Organisation, RejectedName, TagState
from tests.factories import make_article, tag


def orgs(text, known=None):
    return {o.name: o for o in extract(text, known).organisations}


def test_a_defined_acronym_is_an_alias_and_resolves_later_uses():
    found = orgs(
        "The forum is part of efforts by the Chinese Communist Party (CCP) to lead. Critics "
        "say CCP officials wrote the plan."
    )
    ccp = found["Chinese Communist Party"]
    assert "CCP" in ccp.aliases
    assert len(ccp.spans) == 3  # the name, the bracketed acronym and the later "CCP"
    assert ccp.kind == "party" and ccp.country == "CN"


def test_an_acronym_the_story_defines_beats_the_shipped_one():
    # The shipped list knows IOC as the Olympic committee; this story defines it otherwise.
    found = orgs(
        "Refiners led by Indian Oil Corp (IOC) raised prices. IOC said demand was strong, and "
        "IOC shares rose."
    )
    assert "International Olympic Committee" not in found
    assert len(found["Indian Oil Corp"].spans) == 4


def test_names_built_on_organisation_words():
    found = orgs(
        "Rama's Socialist Party won, according to the Albanian Central Election Commission. "
        "He studied at the University of Zambia."
    )
    assert {"Socialist Party", "Albanian Central Election Commission", "University of Zambia"} <= (
        found.keys()
    )
    assert found["Albanian Central Election Commission"].country == "AL"


def test_a_ministry_of_several_fields_is_one_name():
    found = orgs(
        "The Department of Trade, Industry and Competition (DTIC) approved the deal, and the "
        "Ministry of Climate, Energy and Environment agreed. The Ministry of Defence, France "
        "and Germany signed."
    )
    dtic = found["Department of Trade, Industry and Competition"]
    assert dtic.aliases == ["DTIC"]
    assert "Ministry of Climate, Energy and Environment" in found
    assert "Ministry of Defence" in found  # France and Germany are places, not fields


def test_a_party_named_by_its_members_after_the():
    found = orgs(
        "The Liberals lost three seats to the Conservatives. Fellow Democrats cheered, House "
        "Republicans left, and Conservatives say taxes are too high."
    )
    assert {name: o.kind for name, o in found.items()} == {
        "Liberals": "party",
        "Conservatives": "party",
    }


def test_firms_listed_after_a_plural_noun_or_its_examples():
    found = extract(
        "Velmar rose 5%, and rivals Ostrava Platinum, Kelbrisk and Hallam rose in sympathy. "
        "Exporters such as Tarnova and Brisk fell, as did lenders including Ostbank and "
        "Vossbank. His rivals Jan Vos and Marta Lind met."
    )
    names = {o.name for o in found.organisations}
    assert {"Ostrava Platinum", "Kelbrisk", "Hallam", "Tarnova", "Brisk"} <= names
    assert {"Ostbank", "Vossbank"} <= names
    assert [p.name for p in found.people] == ["Jan Vos", "Marta Lind"]


def test_firms_a_plural_noun_says_it_includes():
    found = orgs("Activist groups include Tarnova Watch and Brisklund, and firms included Ostbank.")
    assert {"Tarnova Watch", "Brisklund", "Ostbank"} <= set(found)


def test_a_team_named_by_a_plural_noun_in_a_results_table_is_no_person():
    text = (
        "Results:\nHome | Score | Away\nGolden Herons | 0-2 | Kelbrisk United\n"
        "Jan Vos scored twice as Hallam won 2-1."
    )
    found = extract(text)
    assert "Golden Herons" in {o.name for o in found.organisations}
    assert [p.name for p in found.people] == ["Jan Vos"]


def test_a_metal_or_a_haulage_trade_ends_a_companys_name():
    found = orgs("Molopo Manganese said output rose, Sigma Lithium fell and Kestrel Haulage shut.")
    assert {"Molopo Manganese", "Sigma Lithium", "Kestrel Haulage"} <= found.keys()
    assert orgs("Lithium prices fell.") == {}


def test_generic_references_are_not_tagged():
    text = (
        "The party said the commission would meet. The Party has ruled since 1949, and "
        "Parliament met on Monday. The Commission declined to comment."
    )
    assert orgs(text) == {}


def test_a_policy_with_an_acronym_is_not_an_organisation():
    text = "Xi launched the Global Security Initiative (GSI) in 2022. The GSI is a policy."
    assert orgs(text) == {}


def test_well_known_acronyms_need_no_definition():
    found = orgs("NATO and the EU met the IMF, and WHO experts flew in. Who will pay?")
    assert {"North Atlantic Treaty Organization", "European Union"} <= found.keys()
    assert {"International Monetary Fund", "World Health Organization"} <= found.keys()
    assert len(found["World Health Organization"].spans) == 1  # "Who will pay?" is a question


def test_an_organisation_is_never_a_country_or_a_person():
    found = extract("Albania said the European Union would help the United States.")
    assert {o.name for o in found.organisations} == {"European Union"}
    assert {c.code for c in found.countries} == {"AL", "US"}
    # A listed one-word organisation that is a person's surname in the story is the person's.
    known = KnownEntities(organisations=OrganisationBook.compile([("Ford", ["Ford Motor"])]))
    found = extract("Gerald Ford spoke in Michigan. Ford said he would stay.", known)
    assert found.organisations == []
    assert "Gerald Ford" in {p.name for p in found.people}


def test_a_name_beside_an_organisation_noun():
    found = orgs(
        "Moncada, the candidate of the governing Libre party, lost. Local authorities used the "
        "arena of football club Sheriff Tiraspol. Hyundai Engineering & Construction built it."
    )
    assert {"Libre", "Sheriff Tiraspol", "Hyundai Engineering & Construction"} <= found.keys()


def test_buildings_and_projects_are_not_organisations():
    found = orgs(
        "Lai spoke outside the Presidential Office Building. Hoshino Metals Corporation will "
        "fund the Tsagaan Del Project."
    )
    assert set(found) == {"Hoshino Metals Corporation"}


def test_editors_book_and_rejected_names():
    book = OrganisationBook.compile([("Pakhtakor", ["PFK"])])
    known = KnownEntities(organisations=book, rejected_organisations=frozenset({"socialist party"}))
    found = orgs("Pakhtakor beat PFK Neftchi. The Socialist Party won.", known)
    assert set(found) == {"Pakhtakor"}
    assert "NATO" not in {o.name for o in extract("NATO met.", known).organisations}


@pytest.mark.django_db
def test_shipped_list_is_seeded_and_editors_change_it():
    nato = Organisation.objects.get(name="North Atlantic Treaty Organization")
    assert nato.well_known and "NATO" in nato.aliases and nato.kind == "international"
    assert "North Atlantic Treaty Organization" in orgs("NATO met.", known_entities())
    nato.well_known = False
    nato.save()
    assert orgs("NATO met.", known_entities()) == {}


@pytest.mark.django_db
def test_every_shipped_organisation_is_in_the_database_after_migrating():
    from articles.ingest.extraction.organisation_book import SHIPPED

    rows = dict(Organisation.objects.filter(well_known=True).values_list("name", "aliases"))
    assert {entry.name for entry in SHIPPED} <= rows.keys()
    assert {"Fed", "U.S. Federal Reserve"} <= set(rows["Federal Reserve"])  # added by 0012
    known = known_entities()
    assert {"Standard & Poor's", "Federal Reserve", "U.S. Department of Agriculture"} <= orgs(
        "S&P kept its rating after the Fed held rates, the USDA said.", known
    ).keys()


def _older_archive(migration_name, own, trimmed=None, deleted=None):
    """A data migration that grows the shipped list, and an archive migrated before it: none of
    its organisations, an editor's own row for one of them (`own`: name, slug, aliases), a row
    it adds aliases to cut back (`trimmed`: name, aliases), and an organisation of an earlier
    migration that an editor deleted. Returns the migration module."""
    import importlib

    migration = importlib.import_module(f"articles.migrations.{migration_name}")
    Organisation.objects.filter(name__in=migration.ADDED).delete()
    name, slug, aliases = own
    Organisation.objects.create(name=name, slug=slug, aliases=aliases)
    if trimmed:
        row = Organisation.objects.get(name=trimmed[0])
        row.aliases = trimmed[1]
        row.save()
    if deleted:
        Organisation.objects.filter(name=deleted).delete()
    return migration


def _assert_grown(migration, deleted):
    """Every organisation the migration names is there; the one an editor deleted is not."""
    assert not Organisation.objects.filter(name=deleted).exists()
    assert Organisation.objects.filter(name__in=migration.ADDED).count() == len(migration.ADDED)


@pytest.mark.django_db
def test_migration_0012_adds_the_new_organisations_to_an_older_archive():
    from django.apps import apps

    # No USDA yet, an editor's own Bank of Japan, the Fed without its short name.
    migration = _older_archive(
        "0012_more_well_known_organisations",
        own=("Bank of Japan", "boj", ["Nichigin"]),
        trimmed=("Federal Reserve", ["Federal Reserve Board"]),
        deleted="Europol",
    )

    migration.add_organisations(apps, None)

    assert Organisation.objects.get(name="U.S. Department of Agriculture").well_known
    boj = Organisation.objects.get(name="Bank of Japan")
    assert boj.slug == "boj" and boj.well_known and set(boj.aliases) == {"Nichigin", "BOJ", "BoJ"}
    fed_aliases = set(Organisation.objects.get(name="Federal Reserve").aliases)
    assert fed_aliases == {"Federal Reserve Board", "Fed", "U.S. Federal Reserve"}
    _assert_grown(migration, deleted="Europol")
    assert not Organisation.objects.filter(name="Europol").exists()


@pytest.mark.django_db
def test_migration_0018_gives_the_fijian_drua_its_name_as_an_alias_and_keeps_the_row():
    import importlib

    from django.apps import apps

    row = Organisation.objects.get(name="Fiji Drua")
    row.aliases, slug = ["Drua"], row.slug  # an archive migrated before 0018
    row.save()
    importlib.import_module("articles.migrations.0018_fijian_drua").add_aliases(apps, None)
    row.refresh_from_db()
    assert set(row.aliases) == {"Drua", "Fijian Drua"} and row.slug == slug
    found = orgs("Lautoka Seafoods sponsors the Fijian Drua rugby team.", known_entities())
    assert "Fijian Drua" in found["Fiji Drua"].aliases


@pytest.mark.django_db
def test_confirmed_organisations_are_recognised_and_rejected_ones_never_proposed():
    pak = Organisation.objects.create(name="Pakhtakor Tashkent", aliases=["Pakhtakor"])
    tag(make_article(), pak, state=TagState.CONFIRMED)
    assert "Pakhtakor Tashkent" in orgs("Pakhtakor won again.", known_entities())
    RejectedName.objects.create(kind=RejectedName.Kind.ORGANISATION, name="Socialist Party")
    assert "Socialist Party" not in orgs("The Socialist Party won.", known_entities())


def test_a_legal_form_keeps_its_period_and_a_place_opening_a_name_stays():
    found = orgs(
        "Tarvik Software Corp. said on Monday that the New York Cotton Exchange would list "
        "its shares, as Halden Marine Co and Ostra Bygg AB did last year. The exchange "
        "also lists Brevik Foods Inc.\nIt opened in 1870."
    )
    assert {
        "Tarvik Software Corp.",
        "New York Cotton Exchange",
        "Halden Marine Co",
        "Ostra Bygg AB",
        "Brevik Foods Inc",  # at a line's end the period closes the sentence
    } <= found.keys()
    assert "York Cotton Exchange" not in found


def test_a_legal_form_alone_is_not_an_organisation():
    assert orgs("The Co said it was a SA thing, and AB testing went on.") == {}


def test_congress_and_the_senate_are_named_alone_the_commission_is_not():
    found = orgs(
        "The Senate voted on Tuesday, and Congress will debate the bill. The Commission said "
        "nothing, and the Party stayed silent."
    )
    assert set(found) == {"Senate", "Congress"}


def test_one_everyday_word_before_and_joins_the_name():
    found = orgs(
        "The Weather and Oceans Council met the Truth and Justice Commission. Mbeki and "
        "National Assembly members met later."
    )
    assert {"Weather and Oceans Council", "Truth and Justice Commission"} <= found.keys()
    assert "National Assembly" in found and not any(n.startswith("Mbeki") for n in found)


def test_nouns_before_and_after_a_name_make_it_an_organisation():
    found = orgs(
        "Brokers said shares of Kordelia were in demand, and Tessaly Brand shares fell. The "
        "daily Corriere Lontano and Velkor news agency both reported that retailers Mondaro, "
        "Pellow and Gristan would merge, as consultancy Orvenza Strategy had said."
    )
    assert {
        "Kordelia",
        "Tessaly Brand",
        "Corriere Lontano",
        "Velkor",
        "Mondaro",
        "Pellow",
        "Gristan",
        "Orvenza Strategy",
    } <= found.keys()
    assert found["Velkor"].kind == "media" and found["Mondaro"].kind == "company"


def test_a_share_price_moving_names_a_firm_an_index_or_an_everyday_word_does_not():
    found = orgs(
        "Ostermark Bryggeri fell 2.5 percent and Calvani gained 300 lira to 8,600. The Nikkei "
        "fell 1.2 percent and Sterling rose 0.4 percent. Steel shares slipped 3 percent."
    )
    assert set(found) == {"Ostermark Bryggeri", "Calvani"}
    assert found["Calvani"].kind == "company"


def test_an_acronym_that_speaks_is_an_organisation_initials_and_abbreviations_are_not():
    found = orgs(
        "The KFTA said on Monday that exports rose, GMT said nothing, and a spokesman told "
        "VRTN that J.K. said little. Opposition AIDS said otherwise."
    )
    assert set(found) == {"KFTA", "VRTN"}


def test_the_white_house_is_an_organisation_when_it_speaks_a_place_otherwise():
    assert "White House" in orgs("The White House said the talks would go on.")
    assert orgs("The two leaders signed the declaration at the White House last year.") == {}


def test_a_dateline_credit_is_not_a_mention():
    found = orgs("Aug 14 (Reuters) - The World Health Organization declared an emergency.")
    assert set(found) == {"World Health Organization"}


def test_an_organisation_word_inside_a_countrys_official_name_is_a_place():
    assert orgs("The Republic of the Union of Myanmar has been in turmoil since 2021.") == {}


def test_community_and_centres_are_organisation_words():
    found = orgs(
        "Leaders of the Tasman Community met officials of the Asia Centres for Flood "
        "Research on Monday."
    )
    assert {"Tasman Community", "Asia Centres for Flood Research"} <= found.keys()


def test_a_press_digests_papers_are_the_lines_of_capitals_before_its_stories():
    text = (
        "PRESS DIGEST - Freedonia - May 3.\nThese are the leading stories in the press.\n"
        "DAILY VOICE\n- The Finance Minister resigned.\nFREEDONIA\n- Rains expected.\n"
        "FRONT PAGE\n- Prices rise.\nKURIER ZORYA\n- Talks resume.\n"
    )
    found = orgs(text)
    assert {"DAILY VOICE", "KURIER ZORYA"} <= found.keys()
    assert "FRONT PAGE" not in found and found["KURIER ZORYA"].kind == "media"
    assert "KURIER ZORYA" not in orgs(text.replace("PRESS DIGEST", "NEWS"))


def test_a_press_digests_papers_may_follow_a_line_of_dashes():
    text = (
        "PRESS DIGEST - Freedonia newspapers - May 3.\nThe main stories in the press:\n---\n"
        "DAILY VOICE\nThe Finance Minister resigned after a vote.\n---\nKURIER ZORYA\n"
        "Talks resume on Monday.\n---\nZAMBIA\nRains are expected.\n"
    )
    found = orgs(text)
    assert {"DAILY VOICE", "KURIER ZORYA"} <= found.keys() and "ZAMBIA" not in found
    assert found["DAILY VOICE"].kind == "media"


def test_a_plus_after_a_listed_acronym_belongs_to_it():
    found = orgs("OPEC+ on Thursday delayed its output increase, OPEC delegates said.")
    assert found["OPEC+"].spans and "Organization of the Petroleum Exporting Countries" in found


def test_legislatures_and_news_agencies_of_the_shipped_list():
    found = orgs(
        "The Duma passed the law, Interfax reported, and the Knesset debated it, Yonhap said."
    )
    assert {"State Duma", "Interfax", "Knesset", "Yonhap"} <= found.keys()


def test_listed_companies_are_organisations_never_people():
    text = (
        "London office of U.S. bankers Morgan Stanley are moving to Dublin. Deutsche Bank AG "
        "said Siemens would follow. The Airbus A310 landed at Stansted. Next year looks good. "
        "Nestlé and CoStar, spelt as no word is, agreed; so did Orion and Indus."
    )
    found = extract(text)
    names = {o.name: o for o in found.organisations}
    assert {"Morgan Stanley", "Deutsche Bank AG", "Siemens", "Nestlé", "CoStar"} <= names.keys()
    assert names["Siemens"].kind == "company"
    assert "Deutsche Bank" in names["Deutsche Bank AG"].aliases  # one row, whichever form
    assert "Airbus" not in names  # a product: "Airbus A310", "Boeing 707"
    assert "Next" not in names  # a one-word listed name that is also a word is left out
    assert "Orion" not in names and "Indus" not in names  # however rare the word
    assert found.people == []


def test_a_listed_company_opening_a_longer_name_is_left_to_that_name():
    assert "HSBC" not in orgs("The loan was arranged by HSBC Markets, a banker said.")
    # A rejected listed company is never proposed.
    known = KnownEntities(rejected_organisations=frozenset({"siemens"}))
    assert "Siemens" not in orgs("Siemens said profit rose.", known)


def test_a_rare_acronym_in_running_text_is_an_organisation():
    found = orgs("Output at PDVSA fell again, and the FDLR rebels moved north.")
    assert {"PDVSA", "FDLR"} <= found.keys()
    # Everyday acronyms, currencies, indices and Roman numerals are not; nor is one the story
    # defines as something else, nor a word of a line of capitals.
    assert orgs("GDP and LNG exports rose; the CZK fell and the DAX index gained.") == {}
    assert orgs("Banks expect the cash reserve ratio (CRR) to fall. The CRR is 12 percent.") == {}
    assert orgs("Pope Pius XII wrote.") == {}
    assert orgs("PDVSA OUTPUT FALLS AGAIN\nOutput fell on Monday.") == {}


def test_where_an_analyst_works_and_a_firms_unit_are_organisations():
    found = orgs(
        "Profit will rise, said Ann Berg, an analyst at Kessler Brothers. Halvorsen Marine "
        "analyst Tom Reid agreed, and the Fjordline unit was sold."
    )
    assert {"Kessler Brothers", "Halvorsen Marine", "Fjordline"} <= found.keys()
    assert found["Kessler Brothers"].kind == "company"


def test_teams_in_results_and_fixtures_are_organisations_national_sides_are_countries():
    found = orgs(
        "Played Friday: Canberra 30 Auckland 6\nCannes 0 Werder Bremen 2\n"
        "Bastia 4 2 2 0 4 1 8\nFixtures: Fulham v Carlisle\nIreland 2 Fiji 1"
    )
    assert {"Canberra", "Auckland", "Cannes", "Werder Bremen", "Bastia", "Fulham", "Carlisle"} <= (
        found.keys()
    )
    assert not {"Ireland", "Fiji"} & found.keys()
    # Tables of figures, products and dates are not results.
    assert orgs("Net Income 821 512 565 301\nThe Airbus 310 landed.\nTORONTO 1996-08-22") == {}
    # Clubs named by everyday words: a club word, or one score and never written in lower case.
    found = orgs("Results: Stoke 2 Bristol City 1 Reading 0 Port Vale 3")
    assert {"Stoke", "Bristol City", "Reading", "Port Vale"} <= found.keys()
    assert orgs("Played 3 Won 2 Lost 1") == {}
    assert orgs("Reading 2 Swindon 1\nFans were reading about it.").keys() == {"Swindon"}


def test_where_a_name_ends_and_begins():
    found = orgs(
        "Bank of New Zealand cut rates, the Timber Industry Council said. Fresno-based Lotus "
        "Bloom Inc. and the Marin County Sheriff's Office disagreed. McDonald's Corporation "
        "and the anti-Lima Andean Workers Union spoke to the Union for Justice and Renewal in "
        "Peru (UJRP) and the Council of Europe and NATO."
    )
    assert {
        "Bank of New Zealand",  # a place after "of" that opens with "New"
        "Timber Industry Council",  # words before the organisation word belong to it
        "Lotus Bloom Inc.",  # not the "-based" place before it
        "Marin County Sheriff's Office",  # an office-holder's possessive
        "McDonald's Corporation",  # a listed company's possessive
        "Andean Workers Union",  # not what it is against
        "Union for Justice and Renewal in Peru",  # the acronym spells the place in
        "Council of Europe",
    } <= found.keys()
    assert "NATO" in found["North Atlantic Treaty Organization"].aliases
    found = orgs(
        "He told Reuters Television and Radio Free Lanka that New Scientist magazine was "
        "wrong. Moody's said so too."
    )
    # an agency and "New" open names; a medium opens a broadcaster's; a listed "'s" name
    assert {"Reuters Television", "Radio Free Lanka", "New Scientist", "Moody's"} <= found.keys()
    assert orgs("John Moody's house burned. Radio Monday.") == {}
    # The shipped list makes a rating agency's forms one organisation.
    found = orgs("Moody's Investors Service cut it. Moody's Ratings said so, as Moody's did.")
    assert found.keys() == {"Moody's"} and len(found["Moody's"].spans) == 3
    # A place after "in" stays out when the acronym does not spell it; so does a politician's
    # possessive.
    found = orgs("The Socialist Party in Albania (SP) won. Clinton's Democratic Party lost.")
    assert {"Socialist Party", "Democratic Party"} <= found.keys()
    assert not {"Socialist Party in Albania", "Clinton's Democratic Party"} & found.keys()
    # A body named by its subject after "on"; an adjective "General" opens a name; a listed
    # company before "and" is a name of its own.
    found = orgs(
        "The Commission on Human Rights, the Ostravian Authority on Development and the General "
        "Administration of Customs met lenders Standard Chartered and Kelder Merchant Bank."
    )
    assert {
        "Commission on Human Rights",
        "Ostravian Authority on Development",
        "General Administration of Customs",
        "Standard Chartered",
        "Kelder Merchant Bank",
    } == found.keys()
    assert orgs("The Commission on Monday said so, and the Council on Friday agreed.") == {}


def test_a_name_holding_a_word_only_bodies_names_hold_is_an_organisation():
    text = (
        "Ferrovie dello Stato Italiane bid, Juntos por el Cambio lost, observers from Agir "
        "Ensemble pour les Droits de l'Homme watched, and the Ostravian Daily Courier reported."
    )
    found = extract(text)
    assert {o.name for o in found.organisations} == {
        "Ferrovie dello Stato Italiane",
        "Juntos por el Cambio",
        "Agir Ensemble pour les Droits de l'Homme",
        "Ostravian Daily Courier",
    }
    assert not found.people
    # "Daily" takes the word after it only where that word ends the run.
    assert "China Daily" in orgs("China Daily Editor Jan Vos said so.")


def test_a_persons_name_again_is_the_persons():
    assert orgs("Jean-Marie Le Pen spoke. The Le Pen party said no.") == {}


def test_a_club_named_by_its_people_after_it():
    found = extract(
        "The Harwick Rovers striker scored twice, and Juventus coach Marcello Lippi smiled. "
        "Our Davis Cup captain watched."
    )
    assert {o.name for o in found.organisations} >= {"Harwick Rovers", "Juventus"}
    assert "Davis Cup" not in {o.name for o in found.organisations}  # an event, not a club
    assert [p.name for p in found.people] == ["Marcello Lippi"]
    # ... wherever else the story names it, with no cue there
    found = extract(
        "Substitute Jan Vos won it for Kariobangi Sharks in the 84th minute. Kariobangi Sharks "
        "coach Ana Ruiz was pleased."
    )
    assert {p.name for p in found.people} == {"Jan Vos", "Ana Ruiz"}
    assert {o.name for o in found.organisations} == {"Kariobangi Sharks"}


def test_a_name_its_bracketed_acronym_spells_is_an_organisation():
    found = orgs(
        "Talks with the Vanguard for the Liberation of Ostravia (VLO) stalled, and the VLO "
        "walked out. Analysts at Kelderman Metals Research (KMR) were unsurprised."
    )
    vlo = found["Vanguard for the Liberation of Ostravia"]
    assert vlo.aliases == ["VLO"] and len(vlo.spans) == 3
    assert "VLO" not in found  # the later use joins the name, not an organisation of its own
    assert "Kelderman Metals Research" in found
    # Concepts are written in dictionary words, policies end with a policy's word, and initials
    # that do not spell the acronym define nothing.
    assert orgs("Cattle with Bovine Spongiform Encephalopathy (BSE) were culled.") == {}
    assert orgs("Its Optimised Deprival Value (ODV) rose by Ostravian rules.") == {}
    assert orgs("Ostravia joined the Kelderman Trade Initiative (KTI) in May.") == {}
    assert orgs("The bank backs Ostravian Export Credits (XYZ) abroad.") == {}


def test_a_bracketed_name_after_an_acronym_is_what_it_stands_for():
    found = orgs(
        "The VLO (Vanguard for the Liberation of Ostravia) walked out, and later the VLO came "
        "back. The KKO (Ostravian Workers' Party) denied it."
    )
    vlo = found["Vanguard for the Liberation of Ostravia"]
    assert vlo.aliases == ["VLO"] and len(vlo.spans) == 3
    assert "VLO" not in found
    # A name another rule found needs no spelling: the acronym is in the party's own language.
    assert found["Ostravian Workers' Party"].aliases == ["KKO"]
    # Dictionary words spell a concept, and a bracket holding more than a name defines nothing.
    assert orgs("Its GDP (Gross Domestic Product) rose.") == {}
    found = orgs("The KKO (which the Ostravian Workers' Party backs) left.")
    assert found["Ostravian Workers' Party"].aliases == []


def test_a_groups_possessive_opens_a_body_never_a_person():
    text = "Talks stalled (Kelderman Miners' Party) as the Ostrava Growers’ Association watched."
    assert {"Kelderman Miners' Party", "Ostrava Growers’ Association"} <= orgs(text).keys()
    assert extract(text).people == []
    # A surname's possessive is a person's.
    assert [p.name for p in extract("Marta Jones' Party colleagues backed her.").people] == [
        "Marta Jones"
    ]


def test_one_of_a_kind_of_firm_says_the_name_is_a_firm():
    text = (
        "Kelderman Haulage, one of the largest independent road hauliers in the north, said "
        "jobs were at risk. Jan Vos, one of the founders of the party, left."
    )
    found = extract(text)
    assert [(o.name, o.kind) for o in found.organisations] == [("Kelderman Haulage", "company")]
    assert [p.name for p in found.people] == ["Jan Vos"]


def test_a_firms_analyst_or_partner_after_its_name_says_it_is_a_firm():
    text = (
        "Marta Lind, the Velmar Brask partner who led the team, said so. A Hallam Brisk "
        "analyst agreed, and Jan Vos, a Velmar Brask economist, did too."
    )
    found = extract(text)
    assert {o.name for o in found.organisations} == {"Velmar Brask", "Hallam Brisk"}
    assert [p.name for p in found.people] == ["Marta Lind", "Jan Vos"]
    # A person's partner is no firm's.
    assert orgs("Jan Vos and his partner went home.") == {}


def test_an_apposition_says_what_a_name_is():
    text = (
        "Ostrakor, the Ostravian state copper company, said on Monday that Kelderman Vos, a "
        "Dutch brokerage, and Velmira, Ostrava's biggest daily, had been told."
    )
    found = orgs(text)
    assert found["Ostrakor"].kind == "company" and found["Kelderman Vos"].kind == "company"
    assert found["Velmira"].kind == "media"
    assert not extract(text).people
    # A person's apposition, and a speaker after a comma, are not: "the head of the bank",
    # "Jan Vos, the official news agency said".
    assert orgs("Jan Vos, the head of the bank, said so. Marta Lind, the bank's economist.") == {}
    # A manager of money is a firm; a store's manager is a person.
    found = extract("Ostrakor is owned by Velmar Brask, a pension fund manager that bought it.")
    assert found.organisations[-1].name == "Velmar Brask" and not found.people
    assert orgs("Jan Vos, a store manager at the mall, said so.") == {}
    said = extract("Talks with Jan Vos ended, the official news agency said.")
    assert [p.name for p in said.people] == ["Jan Vos"] and not said.organisations


def test_a_ticker_or_a_chief_executive_says_a_name_is_a_company():
    text = (
        "Shares of Velmora Labs (NASDAQ: VLMR) jumped. Orders at Ostrakor (OSTK.PR) rose, and "
        "Velmar Brask's chief executive Jan Vos said Renmark's board agreed."
    )
    found = orgs(text)
    assert {"Velmora Labs", "Ostrakor", "Velmar Brask", "Renmark"} == found.keys()
    assert all(o.kind == "company" for o in found.values())
    assert [p.name for p in extract(text).people] == ["Jan Vos"]
    # A country's abbreviation in brackets is no ticker: "Jan Vos (U.S)" is a player's country.
    assert orgs("Marta Lind (Sweden) beat Jan Vos (U.S) 6-3 6-4.") == {}


def test_what_only_a_firm_has_or_does_says_a_name_is_one():
    text = (
        "Marta Lind, chief executive of Velmar Brask, said workers at Ostrakor struck. Renmark, "
        "which makes radars, agreed. A Kelvano spokeswoman said Dastrel employees were safe. "
        "Tarvik Chief Executive Jan Vos and Orvena CEO Ana Ruiz met."
    )
    found = orgs(text)
    expected = {"Velmar Brask", "Ostrakor", "Renmark", "Kelvano", "Dastrel", "Tarvik", "Orvena"}
    assert expected == found.keys()
    assert {p.name for p in extract(text).people} == {"Marta Lind", "Jan Vos", "Ana Ruiz"}
    found = extract("Hallam Foods, Ltd. agreed, said Velmar Research, Inc's analyst Jan Vos.")
    assert {o.name for o in found.organisations} == {"Hallam Foods", "Velmar Research"}
    assert [p.name for p in found.people] == ["Jan Vos"]
    assert orgs("Jan Vos, Co-founder of Tarvik, said so.") == {}
    found = extract("Tarvik agreed to buy Pampa Velo. Pampa Velo's two slaughterhouses will help.")
    assert "Pampa Velo" in {o.name for o in found.organisations} and not found.people
    # A person's spokesman, a place that "handles" cargo and a former officer are not.
    assert orgs("Jan Vos left. A Vos spokesman said Mombasa, which handles cargo, was shut.") == {}
    assert orgs("Former Chief Executive Jan Vos said so.") == {}


def test_a_country_and_an_industry_word_name_a_company():
    text = "Laos Zinc signed a deal with Malawi Power, and Fijian Oil bought Mongolian Copper."
    found = orgs(text)
    assert {"Laos Zinc", "Malawi Power", "Fijian Oil", "Mongolian Copper"} == found.keys()
    assert all(o.kind == "company" for o in found.values()) and not extract(text).people
    # In lower case the words are the goods; a country alone, or with other words, is no firm.
    assert orgs("Indian oil imports fell as Kenya Highlands farmers and Kenya waited.") == {}


def test_a_noun_and_a_comma_before_a_name_or_a_venture_after_it_say_what_it_is():
    text = (
        "The court ruled that his party, Avanza Ostra, had missed the deadline. The plant will "
        "be run by Vanta Cells, a joint venture between two groups, and Orvel Dredging, a unit "
        "of Ostrakor, will build it for the farmers' cooperative Kuapa Velmo."
    )
    found = orgs(text)
    assert {"Avanza Ostra", "Vanta Cells", "Orvel Dredging", "Kuapa Velmo"} <= found.keys()
    assert found["Avanza Ostra"].kind == "party" and not extract(text).people
    # A person after a comma, and "a group of" people, are not.
    assert [p.name for p in extract("Asked about the party, Jan Vos said no.").people] == [
        "Jan Vos"
    ]
    assert orgs("They camped near Ostrava, a group of boy scouts said.") == {}


def test_the_sides_of_a_match_report_are_teams():
    text = (
        "Ostrava City Stars drew 0-0 with Kelvano Homeboyz, Tarvik beat Orvena 3-0, and "
        "Nijmeh of Lebanon lost 2-1 to Velmar Wanderers."
    )
    found = orgs(text)
    assert {
        "Ostrava City Stars",
        "Kelvano Homeboyz",
        "Tarvik",
        "Orvena",
        "Nijmeh",
        "Velmar Wanderers",
    } == found.keys()
    assert not extract(text).people
    # Set scores name tennis players, and a lone surname in a result is a player's.
    found = extract("Jan Vos beat Marta Lind 6-3 6-4. Later Higgins beat Vos 10-7.")
    assert {p.name for p in found.people} == {"Jan Vos", "Marta Lind"}
    assert not found.organisations


def test_a_firms_trailing_word_ends_its_name():
    text = (
        "Velmo Holding, Tarvik Chemical, Orvel Technics, Kelder Defence, Ostra Platinum and "
        "Vosk Capital bid."
    )
    expected = {"Velmo Holding", "Tarvik Chemical", "Orvel Technics", "Kelder Defence"}
    assert expected | {"Ostra Platinum", "Vosk Capital"} == orgs(text).keys()
    assert not extract(text).people
    # "Capital" ends a firm's name only where it ends the run, and never accounting's.
    assert orgs("In the Federal Capital Territory, Working Capital was $5 million.") == {}
    # A portfolio before a title is no firm.
    found = extract("Ostravian Defence Minister Jan Vos met Defense Secretary Ana Ruiz.")
    assert not found.organisations and len(found.people) == 2


def test_analysts_opening_a_sentence_say_where_they_work():
    assert "Bernstein" in orgs("The deal closed. Analysts at Bernstein said it was cheap.")


def test_a_newspaper_title_keeps_its_the():
    found = orgs(
        "The Kelderman Herald said on Monday that cover prices rose at The Sun and The "
        "Times. Ostrava's mayor told The Globe and Mail he was pleased; the Kelderman Herald "
        "disagreed."
    )
    assert {"The Kelderman Herald", "The Sun", "The Times", "The Globe and Mail"} <= found.keys()
    herald = found["The Kelderman Herald"]
    assert herald.aliases[0] == "Kelderman Herald" and herald.kind == "media"
    assert len(herald.spans) == 2  # "the Kelderman Herald" in lower case is the same paper
    # A one-word title needs its capital "The" in mid-sentence; otherwise the word is a word.
    assert orgs("The Sun rose over the hills. People read the Times.") == {}


def test_a_legal_form_before_a_name_opens_a_company():
    found = orgs("The retailer PT Sumber Kelapa Jaya said sales rose; OAO Severtal's chief agreed.")
    assert {"PT Sumber Kelapa Jaya", "OAO Severtal"} <= found.keys()
    assert found["PT Sumber Kelapa Jaya"].kind == "company"
    assert not {p.name for p in extract("Analysts said PT Sumber Kelapa Jaya would grow.").people}


def test_parties_named_without_an_organisation_word_come_from_the_shipped_list():
    found = orgs(
        "Likud lost two seats in the poll while Yesh Atid and Shas gained. In Berlin the CDU "
        "and the Greens talked, and Pheu Thai left the coalition in Bangkok."
    )
    assert {
        "Likud",
        "Yesh Atid",
        "Shas",
        "Christian Democratic Union",
        "Green Party",
        "Pheu Thai",
    } <= found.keys()


def test_a_party_named_by_a_common_word_is_tagged_only_where_it_stands_for_the_party():
    assert "Labour Party" in orgs("Labour leader Chris Hipkins said the plan had failed.")
    assert "Labour Party" in orgs("The vote went to Labour, and Labour MP Jane Doe won.")
    not_the_party = (
        "Labour costs rose. Traders left before the Labor Day weekend, the Minister of Labour "
        "said, and Labour Minister Sam Roe met the Public Service, Labour and Social Welfare "
        "Minister."
    )
    assert "Labour Party" not in orgs(not_the_party)
    assert "Labor Party" not in orgs(not_the_party)
    # at a sentence's start it is the party when the story also names it mid-sentence
    assert "Green Party" in orgs("Greens rose in the poll. Voters backed the Greens again.")
    assert "Green Party" not in orgs("Greens prices rose at the market.")


@pytest.mark.django_db
def test_migration_0013_adds_the_parties_and_companies_to_an_older_archive():
    from django.apps import apps

    # Before the parties were shipped: an editor's own Likud; Fatah (an 0011 party) deleted.
    migration = _older_archive(
        "0013_parties_and_companies",
        own=("Likud", "likud-party", ["Likud Bloc"]),
        deleted="Fatah",
    )

    migration.add_parties_and_companies(apps, None)

    bjp = Organisation.objects.get(name="Bharatiya Janata Party")
    assert bjp.well_known and bjp.kind == "party" and bjp.country.code == "IN"
    assert "BJP" in bjp.aliases
    aramco = Organisation.objects.get(name="Saudi Aramco")
    assert aramco.kind == "company" and aramco.country.code == "SA" and "Aramco" in aramco.aliases
    likud = Organisation.objects.get(name="Likud")
    assert likud.slug == "likud-party" and likud.well_known
    assert set(likud.aliases) == {"Likud Bloc", "Likud Party"}
    _assert_grown(migration, deleted="Fatah")


@pytest.mark.django_db
def test_migration_0014_adds_media_sport_and_institutions_to_an_older_archive():
    from django.apps import apps

    # An editor's own Le Monde, Macquarie without its short name, Europol (0011) deleted.
    migration = _older_archive(
        "0014_media_sport_and_institutions",
        own=("Le Monde", "le-monde-paris", ["Monde"]),
        trimmed=("Macquarie Group", ["Macquarie Bank"]),
        deleted="Europol",
    )

    migration.add_media_sport_and_institutions(apps, None)

    caixin = Organisation.objects.get(name="Caixin")
    assert caixin.well_known and caixin.kind == "media" and caixin.country.code == "CN"
    blacks = Organisation.objects.get(name="All Blacks")
    assert blacks.kind == "other" and blacks.country.code == "NZ"
    monde = Organisation.objects.get(name="Le Monde")
    assert monde.slug == "le-monde-paris" and monde.well_known and monde.aliases == ["Monde"]
    assert set(Organisation.objects.get(name="Macquarie Group").aliases) == {
        "Macquarie Bank",
        "Macquarie",
    }
    _assert_grown(migration, deleted="Europol")


def test_media_sport_and_institutions_are_known_by_the_names_copy_uses():
    found = orgs(
        "Le Monde and Caixin reported that the All Blacks beat the Wallabies. Analysts at "
        "Jefferies agreed, the Sejm voted, and Gavi will fund it, Folha said."
    )
    assert {"Le Monde", "Caixin", "All Blacks", "Wallabies", "Jefferies Financial Group"} <= (
        found.keys()
    )
    assert {"Sejm", "Gavi", "Folha de S.Paulo"} <= found.keys()


def test_a_known_name_ending_or_opening_a_longer_name_is_the_longer_names():
    # The San Antonio Spurs are not Tottenham, the Estadio BBVA is a stadium, and Al Ahly Pharos
    # is a broker, not the club.
    text = (
        "The San Antonio Spurs won at the Estadio BBVA, and analysts at Al Ahly Pharos said so. "
        "Kenyan side Gor Mahia and Scottish Labour did too."
    )
    found = orgs(text)
    assert not {"Tottenham Hotspur", "Banco Bilbao Vizcaya Argentaria", "Al Ahly"} & found.keys()
    assert {"Gor Mahia", "Labour Party"} <= found.keys()


def test_well_known_companies_come_from_the_shipped_list_and_yield_to_longer_names():
    found = orgs(
        "Rio Tinto and BHP rose, Shell said, and Petrobras signed with Huawei and Saudi Aramco."
    )
    assert {"Rio Tinto", "BHP", "Shell", "Petrobras", "Huawei", "Saudi Aramco"} <= found.keys()
    # A one-word name opening a longer one is the longer name's; an everyday word that is also
    # a surname ("Shell") is still read as a word at a sentence's start.
    found = orgs("Talks with Hyundai Engineering & Construction went on. Shell shock hit traders.")
    assert found.keys() == {"Hyundai Engineering & Construction"}
    # A title after a one-word name leaves it the name's.
    assert "Taliban" in orgs("Taliban Foreign Minister Amir Khan Muttaqi spoke.")


def test_company_words_of_other_languages_and_trades_and_a_results_tables_rows():
    text = (
        "Grupo Velmar and Compañía de Minas Ostra rose. Tarvik Research said Orvel Shipbuilding, "
        "Kelder Construction and Sana Kliniken agreed. Velo Civil, the Ostravian state police, "
        "arrested two.\nLobi Rovers | 1-0 | Kano Pillars | Makurdi"
    )
    found = extract(text)
    assert {o.name for o in found.organisations} == {
        "Grupo Velmar",
        "Compañía de Minas Ostra",
        "Tarvik Research",
        "Orvel Shipbuilding",
        "Kelder Construction",
        "Sana Kliniken",
        "Velo Civil",
        "Lobi Rovers",
        "Kano Pillars",
    }
    assert not found.people


def test_first_opens_a_company_name_but_not_a_league_or_a_title():
    found = orgs(
        "The branch is a unit of First Harbour Bancorp. Shares of Lindqvist Trading Corp fell. "
        "Later, First Coastal National Bank of Oregon said it would appeal. First Division "
        "side Ashgrove Rovers lost, and First Minister Elin Rhys spoke."
    )
    assert {"First Harbour Bancorp", "First Coastal National Bank of Oregon"} <= set(found)
    assert found["First Harbour Bancorp"].kind == "company"
    assert not any(name.startswith(("Harbour", "Coastal", "First Division")) for name in found)
    assert not any("Minister" in name for name in found)


@pytest.mark.django_db
def test_migration_0015_adds_investment_banks_and_brokers_to_an_older_archive():
    from django.apps import apps

    # An editor's own Merrill Lynch with a short name of theirs, Europol (0011) deleted.
    migration = _older_archive(
        "0015_investment_banks_and_brokers",
        own=("Merrill Lynch", "merrill", ["Merrill"]),
        deleted="Europol",
    )

    migration.add_investment_banks_and_brokers(apps, None)

    barings = Organisation.objects.get(name="Barings")
    assert barings.well_known and barings.kind == "company" and barings.country.code == "GB"
    assert "ING Barings" in barings.aliases
    merrill = Organisation.objects.get(name="Merrill Lynch")
    assert merrill.slug == "merrill" and merrill.well_known
    assert set(merrill.aliases) == {"Merrill", "Merrill Lynch & Co"}
    _assert_grown(migration, deleted="Europol")


def test_banks_named_for_their_founders_are_organisations_not_people():
    text = (
        "Analysts at Dean Witter and Hoare Govett agreed, said Ruth Okafor of Merrill Lynch. "
        "Lead Underwriter Bear Stearns priced the issue."
    )
    result = extract(text)
    assert {p.name for p in result.people} == {"Ruth Okafor"}
    assert {"Dean Witter", "Hoare Govett", "Merrill Lynch", "Bear Stearns"} <= {
        o.name for o in result.organisations
    }


def test_acronyms_spoken_as_words_are_known_in_title_case():
    # House styles such as the Guardian's and the BBC's write "Nato", "Opec", "Unicef".
    found = orgs("Nato allies met as Opec cut output, and Unicef warned. Care workers struck.")
    assert {
        "North Atlantic Treaty Organization",
        "Organization of the Petroleum Exporting Countries",
        "UNICEF",
    } == found.keys()
    assert orgs("Isis Morgan, a nurse, spoke.") == {}  # a given name, not the group


def test_a_title_before_of_the_leaves_the_whole_name():
    # The title's complement is the name from its first word: "National", "Federal", "Central".
    assert "National Election Commission" in orgs(
        "Enn Markvart, Chairman of the National Election Commission, said members voted."
    )
    assert "Federal Bureau of Investigation" in orgs(
        "He is Director of the Federal Bureau of Investigation and spoke."
    )


def test_a_weekday_after_a_name_is_not_part_of_it():
    found = orgs("The Securities and Exchange Commission Wednesday approved the rule.")
    assert "Securities and Exchange Commission" in found
    assert not any("Wednesday" in name for name in found)


def test_and_after_a_persons_name_does_not_join_an_organisation_to_it():
    result = extract("Nelson Mandela and African National Congress leaders met in Pretoria.")
    assert {p.name for p in result.people} == {"Nelson Mandela"}
    assert {o.name for o in result.organisations} == {"African National Congress"}
    assert "Marks & Spencer" in orgs("Marks & Spencer said sales rose.")


def test_a_paper_whose_listed_name_holds_the_the_gets_it_once():
    assert set(orgs("The New York Times reported the deal.")) == {"The New York Times"}
    found = orgs("He told The Guardian and the Financial Times. The Guardian said so.")
    assert set(found) == {"The Guardian", "Financial Times"}
    assert len(found["The Guardian"].spans) == 2


def test_and_between_two_whole_names_does_not_make_one():
    found = orgs(
        "Amnesty International and Human Rights Watch accused the army. The University of "
        "Cape Town and Stellenbosch University signed, as did the Bank of England and "
        "Deutsche Bank."
    )
    assert {
        "Amnesty International",
        "Human Rights Watch",
        "University of Cape Town",
        "Stellenbosch University",
        "Bank of England",
        "Deutsche Bank",
    } <= set(found)
    # A portfolio of several fields stays one name.
    assert "Department of Health and Human Services" in orgs(
        "The Department of Health and Human Services said so."
    )


@pytest.mark.django_db
def test_migration_0016_adds_companies_and_brands_to_an_older_archive():
    from django.apps import apps

    # An editor's own Google with a slug of theirs, Europol (0011) deleted.
    migration = _older_archive(
        "0016_companies_and_brands", own=("Google", "google-inc", ["Google Inc"]), deleted="Europol"
    )

    migration.add_companies_and_brands(apps, None)

    toyota = Organisation.objects.get(name="Toyota")
    assert toyota.well_known and toyota.kind == "company" and toyota.country.code == "JP"
    assert "Toyota Motor Corp" in toyota.aliases
    google = Organisation.objects.get(name="Google")
    assert google.slug == "google-inc" and google.well_known
    assert set(google.aliases) == {"Google Inc", "Google LLC"}
    _assert_grown(migration, deleted="Europol")


def test_companies_news_names_bare_are_known():
    found = orgs(
        "Regulators fined Google and Facebook, and Toyota recalled cars. Rail operators Amtrak "
        "and SNCF ordered trains; shoppers moved to Aldi and Lidl."
    )
    assert {"Google", "Facebook", "Toyota", "Amtrak", "SNCF", "Aldi", "Lidl"} <= set(found)
    # A listed name that is also a word or a unit is not tagged where it is that.
    assert orgs("The engine makes 300 hp, or 300 HP, at full power.") == {}
    assert "Ford" not in orgs("Prime Minister Doug Ford spoke. Ford said the plan was final.")


def test_a_listed_company_named_twice_is_one_organisation():
    found = orgs("Microsoft Corp said profit rose. Microsoft shares gained 2 percent.")
    assert list(found) == ["Microsoft Corp"]
    assert len(found["Microsoft Corp"].spans) == 2
    # A known acronym with its name in brackets stays one organisation, with every use.
    found = orgs("A ceasefire with the KDP (Kurdistan Democratic Party) began. The KDP agreed.")
    assert len(found) == 1
    assert len(next(iter(found.values())).spans) == 3


def test_a_name_joined_by_a_particle_is_not_a_compound_adjective():
    found = orgs("He was a member of the religious Jamaat-i-Islami party until 1990.")
    assert found.keys() == {"Jamaat-i-Islami"}
    assert found["Jamaat-i-Islami"].kind == "party"
    # a compound adjective still describes the name after it
    assert orgs("The Tokyo-based Velmora Holdings said so.").keys() == {"Velmora Holdings"}


def test_press_opening_a_title_is_not_a_paper():
    text = '"We have plans," said White House Press Secretary Mara Quill on Monday.'
    assert not any("Press" in name for name in orgs(text))
    assert [p.name for p in extract(text).people] == ["Mara Quill"]


def test_a_journal_named_before_its_noun_is_media():
    found = orgs("The group wrote in the Velmarck medical journal that the link was weak.")
    assert found.keys() == {"Velmarck"}
    assert found["Velmarck"].kind == "media"


def test_fighters_named_after_their_group_but_not_after_a_people_or_a_creed():
    found = orgs("Fighting spread as Kravosti rebels and Ostrava Bir Dak guerrillas advanced.")
    assert found.keys() == {"Kravosti", "Ostrava Bir Dak"}
    assert {o.kind for o in found.values()} == {"armed_group"}
    text = "Moslem militants, Basque rebels, Tuareg fighters and Karen rebels were blamed."
    assert orgs(text) == {}


def test_a_body_named_for_its_aim_keeps_its_to():
    text = "The Committee to Protect Journalists and Amnesty International condemned it."
    assert orgs(text).keys() == {"Committee to Protect Journalists", "Amnesty International"}
    found = orgs("The Velmar Council to Restore Wetlands met. The Commission to Brussels wrote.")
    assert "Velmar Council to Restore Wetlands" in found
    assert not any("Brussels" in name for name in found)


def test_and_for_a_known_names_ampersand():
    found = orgs("Procter and Gamble rose, while Marks and Spencer fell. Clinton and Gore met.")
    assert found.keys() == {"Procter and Gamble", "Marks and Spencer"}
    assert "Procter & Gamble" in found["Procter and Gamble"].aliases


def test_a_one_word_masthead_opening_a_sentence_before_a_verb_of_reporting():
    found = orgs("The Sun reported that he would resign. The Times said he would not.")
    assert found.keys() == {"The Sun", "The Times"}
    assert orgs("The Sun rose over the hills. The Times were hard. The Star of Bethlehem.") == {}


def test_a_firms_partners_after_and_end_its_name_and_make_no_person():
    text = "Arthur Yates and Co said profit rose. Shares of A.G. Edwards & Sons fell."
    found = extract(text)
    assert {o.name for o in found.organisations} == {"Arthur Yates and Co", "A.G. Edwards & Sons"}
    assert found.people == []


def test_a_known_name_and_a_country_name_its_unit_there():
    found = orgs(
        "Toyota Australia said sales fell, while Microsoft India and Greenpeace Germany grew."
    )
    assert found.keys() == {"Toyota Australia", "Microsoft India", "Greenpeace Germany"}
    assert found["Microsoft India"].kind == "company"
    # two subjects, not one unit
    assert "Reuters Germany" not in orgs("The minister told Reuters Germany would not pay.")


def test_an_undefined_acronym_spelled_by_a_named_organisations_initials_is_its_alias():
    text = (
        "Deficit viable - VCB.\nTALLIN 1996-08-22\n"
        "The Velmar Central Bank said on Thursday the deficit was viable. VCB staff agreed."
    )
    (bank,) = extract(text).organisations
    assert bank.name == "Velmar Central Bank"
    assert "VCB" in bank.aliases
    assert sorted(text[s:e] for s, e in bank.spans) == ["VCB", "VCB", "Velmar Central Bank"]


def test_an_acronym_two_named_organisations_spell_or_a_line_of_capitals_holds_is_left():
    shared = "The Velmar Central Bank and the Vos Coal Board met. VCB staff said nothing."
    assert all("VCB" not in o.aliases for o in extract(shared).organisations)
    caps = "VELMAR VCB PROFIT RISES\nThe Velmar Central Bank said profit rose."
    (bank,) = extract(caps).organisations
    assert bank.aliases == [] and len(bank.spans) == 1


def test_a_rejected_acronym_is_not_made_a_named_organisations_alias():
    text = "The Velmar Central Bank said the deficit was viable. VCB staff agreed."
    known = KnownEntities(rejected_organisations=frozenset({"vcb"}))
    assert {o.name: o.aliases for o in extract(text, known).organisations} == {
        "Velmar Central Bank": []
    }


def test_a_short_name_opening_one_longer_name_is_its_alias():
    text = (
        "Kalvoria sold a stake in the urea producer Velmont Fertilisers. A Velmont spokeswoman "
        "said the plant is idle. Shares of Orvana Steel and Orvana Motors fell; an Orvana "
        "spokesman said so. Deutsche Bank Securities and Deutsche Bank agreed."
    )
    found = orgs(text)
    velmont = found["Velmont Fertilisers"]
    assert "Velmont" not in found and "Velmont" in velmont.aliases
    assert [text[s:e] for s, e in velmont.spans] == ["Velmont Fertilisers", "Velmont"]
    assert {"Orvana Steel", "Orvana Motors", "Deutsche Bank Securities", "Deutsche Bank"} <= set(
        found
    )  # two longer names, or a name with its own organisation word: each its own


def test_a_rejected_short_name_does_not_take_the_longer_name_with_it():
    text = "Velmont Fertilisers cut output. A Velmont spokeswoman said the plant is idle."
    known = KnownEntities(rejected_organisations=frozenset({"velmont"}))
    assert {o.name: o.aliases for o in extract(text, known).organisations} == {
        "Velmont Fertilisers": []
    }


def test_a_legal_form_after_a_comma_is_inside_the_mention():
    text = "BioVest Research, Inc. said on Monday it would buy a stake."
    (firm,) = extract(text).organisations
    assert firm.name == "BioVest Research"
    assert [text[s:e] for s, e in firm.spans] == ["BioVest Research, Inc."]


def test_a_partners_tail_with_its_legal_form_joins_the_firm():
    found = orgs("Shares were placed by Morgan Stanley and Co Inc on Friday.")
    assert set(found) == {"Morgan Stanley and Co Inc"}


def test_a_word_before_a_kind_noun_and_a_name_describes_that_name():
    found = orgs(
        "Banking group Velmar Holdings traded ex-dividend. He told the Bengali newspaper "
        "Dainik Khobor that talks were held."
    )
    assert set(found) == {"Velmar Holdings", "Dainik Khobor"}


def test_a_body_before_its_staff_and_a_name_is_still_named():
    # "analyst" is someone working for the body before it, not a kind of body
    assert "Lehman" in orgs("Lehman analyst Blake Bath started coverage on Monday.")
    # a title or a day after the noun names no second body
    assert "Likud" in orgs("The Likud party Chairman spoke, and the Hamas group Sunday said.")


def test_a_long_reuters_code_after_a_name_makes_a_company():
    assert "Vikram Solar" in orgs("Vikram Solar (VIKRAMSOLR.NS) jumped 8.4% on Tuesday.")


def test_fighters_named_after_a_group_of_a_people():
    # the people a group is "of" does not make its name a people's
    found = orgs("Talks stalled with the Freedom Tigers of Moslem Mindanao rebels in the hills.")
    assert set(found) == {"Freedom Tigers of Moslem Mindanao"}
    assert orgs("Karen National rebels clashed with the army near the border.") == {}


def test_a_plural_kind_noun_opens_a_list_of_names():
    text = "The index covers three listed companies: Velmont Tiles, Orbano and Castrell."
    found = extract(text)
    assert {o.name for o in found.organisations} == {"Velmont Tiles", "Orbano", "Castrell"}
    assert found.people == []
    assert set(orgs("The route is flown by two airlines, Aerocondor and Lansavia.")) == {
        "Aerocondor",
        "Lansavia",
    }


def test_a_plural_noun_before_a_comma_and_one_name_opens_no_list():
    found = extract("Among the banks, Velmont Tiles said on Monday that rates would rise.")
    assert found.organisations == []
    # a list of people after "parties" stays people
    text = "Leaders of both parties, Tom Haddow and Mary Brisk, met on Monday."
    assert {p.name for p in extract(text).people} == {"Tom Haddow", "Mary Brisk"}


def test_a_trades_word_after_a_name_makes_a_company():
    text = (
        "Orvend Communications and Halden Asset Managers said on Monday that Kestrel Breweries "
        "and Marlow Data Sciences would merge."
    )
    found = orgs(text)
    assert set(found) == {
        "Orvend Communications",
        "Halden Asset Managers",
        "Kestrel Breweries",
        "Marlow Data Sciences",
    }
    assert {o.kind for o in found.values()} == {"company"}


def test_a_places_name_before_a_mastheads_word_is_a_paper():
    text = (
        "The Toronto Star said the report, carried by the Boston Globe and the Manila "
        "Chronicle, was false, the Vancouver Sun reported."
    )
    found = orgs(text)
    assert set(found) == {"The Toronto Star", "Boston Globe", "Manila Chronicle", "Vancouver Sun"}
    assert {o.kind for o in found.values()} == {"media"}
    # not a person's name, a sports team or a masthead's word before another name
    assert orgs("Lucy Star and the Akron Stars met the Chronicle Books editor.") == {}


def test_a_closing_legal_form_ends_the_name_before_where_the_firm_is_from():
    found = orgs("Shares in Velmora Labs Inc of the United States rose; Arden Ltd of Leeds fell.")
    assert set(found) == {"Velmora Labs Inc", "Arden Ltd"}
    # "Co" and "Corp" keep their complement: the place is part of the name
    assert set(orgs("Talks with the Aluminum Co of America stalled.")) == {"Aluminum Co of America"}


def test_a_title_in_print_may_be_an_everyday_word():
    found = orgs("The interview ran in Vogue magazine, and the Punch newspaper quoted it.")
    assert set(found) == {"Vogue", "Punch"}
    assert {o.kind for o in found.values()} == {"media"}
    # not at a sentence's start, nor before a broadcaster's noun ("State television")
    assert orgs("Business newspapers were sold out. State television showed the crowd.") == {}


def test_a_kind_noun_before_an_everyday_word_names_it():
    found = orgs("Engineering concern Stork rose, and the miner Anchor said talks went well.")
    assert set(found) == {"Stork", "Anchor"}
    # before a noun after it, an everyday word stays a word: "Copper shares"
    assert orgs("Traders said Copper shares and Rubber stock were weak.") == {}


def test_a_name_of_everyday_words_spelled_by_its_acronym_is_a_body_when_it_speaks():
    found = orgs("The Open Rivers Project (ORP) said on Monday the dam should not be built.")
    assert set(found) == {"Open Rivers Project"}
    assert "ORP" in found["Open Rivers Project"].aliases
    # or where its acronym speaks later in the story
    found = orgs("Granite Harbour Economics (GHE) cut its forecast. GHE warned of more.")
    assert set(found) == {"Granite Harbour Economics"}
    # a concept or a policy written so never speaks
    text = (
        "The Consumer Price Index (CPI) rose 0.2 percent, and the Open Rivers Project (ORP) "
        "will cost $4 million."
    )
    assert orgs(text) == {}


def test_dotted_legal_forms_chambers_and_associations_make_names():
    found = orgs(
        "Shares in Velmont S.A. rose after the Chamber of Commerce and the Allied Tea "
        "Associations of Kenya backed the plan."
    )
    assert {"Velmont S.A.", "Chamber of Commerce", "Allied Tea Associations of Kenya"} <= set(found)
    assert found["Velmont S.A."].kind == "company"
    assert orgs("The Chamber met on Monday.") == {}  # a head alone is generic


def test_a_firms_closing_word_ends_its_name_before_where_it_is():
    found = orgs("The startup raised money from Orbano Venture Partners of Menlo Park, California.")
    assert set(found) == {"Orbano Venture Partners"}
    # "Co" keeps its complement: a name of its own
    assert "Aluminum Co of America" in orgs("Shares of Aluminum Co of America rose.")


def test_a_kind_noun_called_or_named_names_what_follows():
    found = extract(
        "They formed a new party called Vanua Vou. The consortium, named Orbano Link, said "
        "talks went well. A man named Jan Brask and a ship called Ocean Star arrived."
    )
    assert {o.name for o in found.organisations} == {"Vanua Vou", "Orbano Link"}
    assert [p.name for p in found.people] == ["Jan Brask"]


def test_a_riders_team_after_their_country_in_results():
    text = (
        "Stage results:\n1. Jan Vossberg (Italy) Velmora 2 hours 35 minutes 29 seconds\n"
        "2. Rolf Brask (Denmark) Orbano Cycling all same time\n3. Ana Lind (Sweden) 4:02.1\n"
        "4. Kai Tarnov (Finland) Toyota Celica 2:09\n"
    )
    found = extract(text)
    assert {o.name for o in found.organisations} == {"Velmora", "Orbano Cycling"}
    assert {p.name for p in found.people} >= {"Jan Vossberg", "Rolf Brask", "Ana Lind"}


def test_more_trades_end_a_firms_name_but_not_a_programme_or_a_cluster():
    found = orgs(
        "Torvik Avionics said on Monday that Brennan Student Transit and Qilu Microelectronics "
        "had signed. The plant stands in the Nasser Automotive Cluster, under the International "
        "Aviation Safety programme."
    )
    assert set(found) == {"Torvik Avionics", "Brennan Student Transit", "Qilu Microelectronics"}


def test_cartels_municipalities_and_treasuries_are_bodies():
    found = orgs(
        "The Sonora Cartel fought the Jalisco New Generation Cartel. The Izmir Metropolitan "
        "Municipality and the National Treasury paid. Officials at the Treasury and Finance "
        "Ministry agreed. Treasury yields rose; the Army and Air Force held a drill."
    )
    assert set(found) == {
        "Sonora Cartel",
        "Jalisco New Generation Cartel",
        "Izmir Metropolitan Municipality",
        "National Treasury",
        "Treasury and Finance Ministry",
        "Air Force",
    }
    assert found["Sonora Cartel"].kind == "armed_group"


def test_legal_forms_of_other_countries_close_a_firms_name():
    found = orgs(
        "The cable maker Nordvind Kabel A/S won the order. Police searched Distribuidora Serra "
        "Verde Ltda and Autos del Pacífico SA de CV. Talis Kft and Brenner KGaA declined to "
        "comment; Orrin Partners LLP advised them."
    )
    assert set(found) == {
        "Nordvind Kabel A/S",
        "Distribuidora Serra Verde Ltda",
        "Autos del Pacífico SA de CV",
        "Talis Kft",
        "Brenner KGaA",
        "Orrin Partners LLP",
    }
    assert {o.kind for o in found.values()} == {"company"}
    assert not extract("Verde Ltda signed.").people


def test_a_listed_companys_name_ends_before_and():
    found = orgs("Shares of Tokyo Electron and Screen Holdings rose on Monday.")
    assert {"Tokyo Electron", "Screen Holdings"} <= set(found)
    assert "Tokyo Electron and Screen Holdings" not in found


def test_competitions_and_market_indices_are_no_bodies():
    found = orgs(
        "Al Ahly lead the Egyptian Premier League and play in the CAF Champions League. The Arab "
        "League and the Awami League met. Chip shares lifted the KOSPI to a 0.9% gain."
    )
    assert {"Arab League", "Awami League", "Al Ahly"} <= set(found)
    assert not {"Egyptian Premier League", "CAF Champions League", "KOSPI"} & set(found)


@pytest.mark.django_db
def test_migration_0017_adds_clubs_companies_and_bodies_to_an_older_archive():
    from django.apps import apps

    # An editor's own Alstom with a slug of theirs, Europol (0011) deleted.
    migration = _older_archive(
        "0017_clubs_companies_and_bodies",
        own=("Alstom", "alstom-sa", ["Alstom SA"]),
        deleted="Europol",
    )

    migration.add_clubs_companies_and_bodies(apps, None)

    nhs = Organisation.objects.get(name="National Health Service")
    assert nhs.well_known and nhs.kind == "government" and nhs.country.code == "GB"
    assert nhs.aliases == ["NHS"]
    alstom = Organisation.objects.get(name="Alstom")
    assert alstom.slug == "alstom-sa" and alstom.well_known and alstom.aliases == ["Alstom SA"]
    _assert_grown(migration, deleted="Europol")


def test_clubs_and_companies_news_names_bare_are_known():
    found = orgs(
        "Trabzonspor beat Bali United in a friendly. The trains are built by Alstom, and the NHS "
        "buys the turbines from Vestas, the CSIRO said."
    )
    assert {"Trabzonspor", "Bali United", "Alstom", "National Health Service", "Vestas"} <= set(
        found
    )
    assert "CSIRO" in found
    # A league is a competition, not on the list: "Liga MX" is no body.
    assert "Liga MX" not in orgs("Tigres lead Liga MX after a win on Sunday.")


def test_a_hyphened_description_before_a_known_name_is_no_part_of_it():
    found = extract(
        "Third-placed Beşiktaş host Trabzonspor. Goma is held by the Rwanda-backed M23 rebels."
    )
    assert {"Beşiktaş", "Trabzonspor", "M23"} <= {o.name for o in found.organisations}
    assert found.people == []
    # a ranking before a full name still leaves the person
    assert [p.name for p in extract("Third-seeded Wayne Ferreira won.").people] == [
        "Wayne Ferreira"
    ]


def test_a_local_station_and_a_directorate_general_keep_their_whole_names():
    found = orgs(
        "The strike was reported by BBC Radio Leeds and ABC Radio Melbourne; Radio New Zealand "
        "followed. The Directorate General of Trade Remedies opened a probe."
    )
    assert {
        "BBC Radio Leeds",
        "ABC Radio Melbourne",
        "Radio New Zealand",
        "Directorate General of Trade Remedies",
    } == set(found)


def test_a_countrys_red_cross_is_its_national_society():
    found = orgs(
        "The Peruvian Red Cross sent teams and the Turkish Red Crescent set up tents, the Red "
        "Cross said. Lagos Red Cross staff helped."
    )
    assert set(found) == {"Peruvian Red Cross", "Turkish Red Crescent", "Red Cross"}
    assert found["Peruvian Red Cross"].country == "PE"


def test_a_field_or_an_industry_before_a_country_names_a_body_or_a_company():
    found = orgs(
        "Health Canada approved the vaccine. Police Scotland made two arrests, Cricket Australia "
        "fined the captain and Power New Zealand said profit rose."
    )
    assert found["Health Canada"].kind == "government"
    assert found["Police Scotland"].kind == "government"
    assert found["Cricket Australia"].kind == "other"
    assert found["Power New Zealand"].kind == "company"
    # The country's name, whole and alone after the field: not a demonym, nor a longer run.
    assert not orgs("The Gas Russian row deepened. Tennis Canada Open tickets sold out.")


def test_a_class_noun_opening_a_sentence_names_the_firm_after_it():
    text = (
        "Consultancy Integralia, which tracks political violence, counted 37 attacks. "
        "Rival LATAM Airlines added flights."
    )
    result = extract(text)
    assert {o.name for o in result.organisations} >= {"Integralia", "LATAM Airlines"}
    assert not result.people
    # a name that opens with such a word elsewhere stays whole; a rival may be a person
    assert "Bank Leumi" in orgs("Bank Leumi said profit rose.")
    assert [p.name for p in extract("Rival Rory McIlroy shot 68.").people] == ["Rory McIlroy"]


def test_trades_abroad_and_founding_brothers_end_a_firms_name_never_a_persons():
    text = (
        "Tanaka Kogyo said on Tuesday it would close a plant. Workers at Sadia Fashions and "
        "Kessler Dynamics walked out, and coffee exporter Moreno Hermanos cut prices."
    )
    result = extract(text)
    assert {"Tanaka Kogyo", "Sadia Fashions", "Kessler Dynamics", "Moreno Hermanos"} <= {
        o.name for o in result.organisations
    }
    assert not result.people


def test_more_words_beside_a_name_say_it_is_a_firm_or_a_body():
    text = (
        "Nurses struck at Velden Klinikum, the region's largest teaching and research hospital, "
        "and at clinics of private operators Halmer and Astrino. A poll by Orvana found 40 "
        "percent support. The auction house Brevard said demand was strong. The contract went "
        "to a consortium of Hassan Allam and Orascom Construction."
    )
    result = extract(text)
    names = {o.name for o in result.organisations}
    assert {"Velden Klinikum", "Halmer", "Astrino", "Orvana", "Brevard", "Hassan Allam"} <= names
    assert not result.people
    # a person is a hospital's porter, never the hospital
    assert [p.name for p in extract("Mary Jones, a hospital porter, said.").people] == [
        "Mary Jones"
    ]


def test_the_crowns_possessive_opens_a_name_and_a_lone_head_is_generic():
    found = orgs(
        "The King's Fund, a health think tank, and Queen's University said costs rose. The "
        "Fund, a charity, agreed. The Times newspaper said so."
    )
    assert set(found) == {"King's Fund", "Queen's University", "The Times"}


def test_a_royal_or_a_general_opening_a_bodys_name_is_part_of_it():
    found = orgs(
        "Scientists at Queen Halima University of Applied Sciences said the reef was bleaching. "
        "Kalvoria's General Customs Directorate said it seized the cargo. Attorney General "
        "Justice Department officials declined to comment."
    )
    assert "Queen Halima University of Applied Sciences" in found
    assert "General Customs Directorate" in found
    assert "Justice Department" in found  # a title before another is a title still


def test_two_words_of_one_kind_joined_by_and_qualify_the_organisation_word_after_them():
    found = orgs(
        "The Radio and Television Supreme Council fined the channel. Kalvoria Radio and "
        "Television Corporation will appeal, and Fox News and News Corp declined to comment."
    )
    assert "Radio and Television Supreme Council" in found
    assert "Kalvoria Radio and Television Corporation" in found
    assert {"Fox News", "News Corp"} <= set(found)  # one word on both sides: two names


def test_refining_and_a_turkish_bank_end_a_firms_name():
    found = orgs(
        "A fire hit the Kestrel Refining plant on Monday. Loans from Halkara Bankası and "
        "Denizli Bankası were frozen."
    )
    assert {"Kestrel Refining", "Halkara Bankası", "Denizli Bankası"} <= set(found)


def test_a_prosecution_service_and_an_exchange_named_in_arabic_or_italian():
    found = orgs(
        "The Supreme State Security Prosecution renewed his detention, and the Prosecution "
        "said so. Boursa Kuwait and Borsa Italiana halted trading."
    )
    assert found["Supreme State Security Prosecution"].kind == "government"
    assert {"Boursa Kuwait", "Borsa Italiana"} <= set(found)
    assert "Prosecution" not in found  # its word alone is generic


def test_a_nouns_of_before_a_name_does_not_join_the_name_after_and():
    found = orgs(
        "Shares of Deutsche Bank and Bank Kestrel fell. The Governor of the Central Bank and "
        "Finance Ministry officials met staff of the Department of Latin American and "
        "Caribbean Affairs."
    )
    assert {"Deutsche Bank", "Bank Kestrel", "Finance Ministry"} <= set(found)
    assert "Department of Latin American and Caribbean Affairs" in found


def test_offices_named_for_a_title_bodies_abroad_stations_and_regional_governments():
    found = orgs(
        "The Office of the Superintendent of Financial Institutions (OSFI) asked insurers to "
        "test. OSFI said Universidad de Chile and Institut Pasteur researchers agreed, he told "
        "Citi FM. The Kurdistan Regional Government said so; MultiChoice, the pay-TV group, did "
        "not. The British Government and the Government were silent."
    )
    assert set(found) == {
        "Office of the Superintendent of Financial Institutions",
        "Universidad de Chile",
        "Institut Pasteur",
        "Citi FM",
        "Kurdistan Regional Government",
        "MultiChoice",
    }
    assert found["Office of the Superintendent of Financial Institutions"].aliases == ["OSFI"]
    assert found["Citi FM"].kind == "media"
    assert found["Kurdistan Regional Government"].kind == "government"


def test_a_name_inside_an_organisations_is_no_person_and_a_leader_after_of_no_part_of_it():
    result = extract(
        "The case was brought by the Council of Atacameño Peoples. The Kurdistan Democratic "
        "Party of Masoud Barzani came first."
    )
    assert {"Council of Atacameño Peoples", "Kurdistan Democratic Party"} <= {
        o.name for o in result.organisations
    }
    assert [p.name for p in result.people] == ["Masoud Barzani"]
    # named outside the organisation's name too, the person stays
    result = extract("Nelson Mandela spoke. The Nelson Mandela Foundation agreed.")
    assert [p.name for p in result.people] == ["Nelson Mandela"]


def test_a_firm_of_partners_keeps_a_surname_its_founder_shares():
    result = extract(
        "The regulator fined London brokerage Pellow & Strand on Monday. Co-founder Ruth Strand "
        "said the firm accepted the findings. Strand stepped down in March."
    )
    assert [o.name for o in result.organisations] == ["Pellow & Strand"]
    person = result.people[0]
    assert person.name == "Ruth Strand" and len(person.spans) == 2  # "Strand stepped down"


def test_names_listed_before_one_plural_noun_are_each_of_its_kind():
    found = orgs(
        "The Kavra and Teldor Workers unions called a strike. The Asahi, Mainichi and Dolvik "
        "newspapers led with it, and the Norvik and Halden banks lent more."
    )
    assert {"Kavra", "Teldor Workers", "Dolvik", "Norvik", "Halden"} <= set(found)
    assert found["Halden"].kind == "company"
    # a name straight before the plural is a list's last, never a person's possessions
    assert "Murdoch" not in orgs("The Murdoch newspapers backed him.")


def test_an_apposition_names_an_everyday_word_but_not_a_sentences_adverb():
    found = orgs(
        "Steadfast, the country's largest property and casualty insurer, sent adjusters. "
        "Ultimately, the bank, which lent the money, lost. Again, the company, which is based "
        "here, lost."
    )
    assert set(found) == {"Steadfast"}
    assert found["Steadfast"].kind == "company"


def test_a_maker_of_a_product_before_a_name_is_a_firm_but_a_film_maker_a_person():
    result = extract(
        "Daewoo bought 30 percent of Polish television maker Warta. Shares in shoe maker Dorian "
        "Walsh rose, and the toy makers Tavel and Brinko fell. Film maker Ken Loach and policy "
        "maker Anna Berg spoke."
    )
    found = {o.name: o for o in result.organisations}
    assert {"Warta", "Dorian Walsh", "Tavel", "Brinko"} <= set(found)
    assert found["Warta"].kind == "company"
    assert [p.name for p in result.people] == ["Ken Loach", "Anna Berg"]


def test_names_listed_with_a_firm_are_firms_but_people_places_and_words_are_not():
    found = orgs(
        "Korvane Mills and Interloop, which makes socks, shut units. Buyers will be joined by "
        "Velmar, Pampa, Kestro and Pluspetrol, which makes pipes, and by Nike and Maria."
    )
    assert {"Korvane Mills", "Velmar", "Pampa", "Kestro", "Pluspetrol"} <= set(found)
    assert found["Korvane Mills"].kind == "company" and found["Velmar"].kind == "company"
    assert "Maria" not in found  # a given name alone
    found = orgs(
        "Shares in Interloop rose, and Brazil grew. Ruth Ames and Interloop agreed, as did "
        "Interloop and Lagos."
    )
    assert set(found) == {"Interloop"}
    # "the" and a defined acronym may stand between a list's names
    found = orgs("The Socialist Party (PS), Livrea, the Verdant Bloc and the Communists voted no.")
    assert {"Livrea", "Verdant Bloc"} <= set(found) and found["Livrea"].kind == "party"


def test_an_apposition_may_say_who_set_up_led_or_backs_the_body():
    found = orgs(
        "Ceervo, the electric carmaker set up by the fund, was late. Velmora, the bank led by "
        "Anna Berg, and Norvik, a charity founded in 1990, agreed."
    )
    assert {"Ceervo", "Velmora", "Norvik"} <= set(found)
    assert found["Norvik"].kind == "ngo"


def test_a_firm_named_for_its_partners_keeps_its_commas():
    found = orgs(
        "Analysts at Keefe, Bruyette & Woods said the bank was cheap. He chaired Harrow, "
        "Quill, Denning & Co until 1992. In Lagos, Smith & Nephew said sales rose. He left "
        "Galt, Ferris and Co in May, said Miles Kan of Ostrow & Quist."
    )
    assert {
        "Keefe, Bruyette & Woods",
        "Harrow, Quill, Denning & Co",
        "Smith & Nephew",
        "Galt, Ferris and Co",
        "Ostrow & Quist",  # after a person "of" it
    } <= set(found)
    assert found["Keefe, Bruyette & Woods"].kind == "company"


def test_a_body_for_several_fields_keeps_them_all_but_a_list_of_names_stays_apart():
    found = orgs(
        "The Commission for Conciliation, Mediation and Arbitration said talks failed. The "
        "Institute for Fiscal Studies, Oxfam and Save the Children agreed."
    )
    assert {
        "Commission for Conciliation, Mediation and Arbitration",
        "Institute for Fiscal Studies",
        "Oxfam",
    } <= set(found)


def test_a_body_named_for_what_it_fights_keeps_against_in_capitals():
    found = orgs(
        "The Investigating Directorate Against Corruption (IDAC) charged him. A complaint by the "
        "Commission against Google was heard."
    )
    assert found["Investigating Directorate Against Corruption"].aliases == ["IDAC"]
    assert "Commission against Google" not in found


def test_a_two_letter_listed_company_is_known_but_not_as_a_unit_after_a_number():
    found = orgs("Britain's BP is developing the Kirkuk fields, and HP cut jobs.")
    assert {"BP", "HP"} <= set(found) and found["BP"].kind == "company"
    assert "BP" not in orgs("The notes pay 5 BP over Libor; BD and CF were quiet.")


def test_a_name_straight_after_a_places_based_or_listed_is_a_firm():
    result = extract(
        "Its venture with Singapore-based Tan Kah Marine was on track, and Hong Kong-listed "
        "Korvane Holdings rose. London-based Sarah Jones wrote it for the Cyprus-based Arabic "
        "monthly Velu."
    )
    found = {o.name: o for o in result.organisations}
    assert {"Tan Kah Marine", "Korvane Holdings"} <= set(found)
    assert found["Tan Kah Marine"].kind == "company" and "Arabic" not in found
    assert [p.name for p in result.people] == ["Sarah Jones"]


def test_commodity_trades_end_a_firms_name_never_a_persons():
    result = extract(
        "Daniel Cement said on Tuesday it would close a kiln, and Thomas Plantations and Marang "
        "Rubber cut wages."
    )
    assert {"Daniel Cement", "Thomas Plantations", "Marang Rubber"} <= {
        o.name for o in result.organisations
    }
    assert not result.people


def test_names_after_a_plural_of_firms_and_including_are_firms_in_both_phases():
    result = extract(
        "Trading houses including Louis Dreyfus and Sucafina slowed purchases. Ratings "
        "agencies such as Velden Ratings agreed."
    )
    assert {"Louis Dreyfus", "Sucafina", "Velden Ratings"} <= {o.name for o in result.organisations}
    assert not result.people
    # people stay people after plurals of people
    assert [p.name for p in extract("Investors including Louis Dreyfus agreed.").people] == [
        "Louis Dreyfus"
    ]


def test_what_a_broker_does_associations_institutes_and_suppliers_name_bodies_and_firms():
    found = orgs(
        "Analysts at Kestrel Securities said the deal bought time, while VNDirex cut its target "
        "price for the shares. A lawyer for the consumer association Conadecus spoke, and "
        "domestic suppliers such as Bombardier and Orvane gained."
    )
    assert {"VNDirex", "Conadecus", "Bombardier", "Orvane"} <= set(found)
    assert found["VNDirex"].kind == "company" and found["Orvane"].kind == "company"


def test_a_firm_or_an_institute_after_a_name_says_what_it_is():
    found = orgs(
        "Two engineers working for the Aerostan firm were freed. The poll was conducted by the "
        "Midgam research institute."
    )
    assert {"Aerostan", "Midgam"} <= set(found) and found["Aerostan"].kind == "company"


def test_a_country_ending_a_bodys_run_is_part_of_its_name():
    found = orgs(
        "The Securities Commission Malaysia fined the firm, and Korvane Steel UK cut jobs. He "
        "called Deutsche Bank Germany's biggest lender."
    )
    assert {"Securities Commission Malaysia", "Korvane Steel UK", "Deutsche Bank"} <= set(found)


def test_an_ordinal_numbers_a_body_but_not_a_sentence():
    found = orgs(
        "The First Environmental Court ruled on Monday. First, the Commission said no; the "
        "Second Circuit Court of Appeals agreed."
    )
    assert {"First Environmental Court", "Second Circuit Court of Appeals"} <= set(found)
    assert "Commission" not in found and "First" not in found


def test_forums_guilds_and_consortiums_are_bodies_and_writers_open_a_guilds_name():
    found = orgs(
        "The Garment Workers Unity Forum called a strike, and the Writers Guild of America "
        "backed it. The Forum said no more."
    )
    assert {"Garment Workers Unity Forum", "Writers Guild of America"} <= set(found)
    assert "Forum" not in found


def test_and_between_two_whole_names_joins_nothing():
    found = orgs(
        "Vietnamese steelmakers Hoa Phat and Formosa Ha Tinh Steel signed the deal, the "
        "Securities and Exchange Commission said."
    )
    assert {"Hoa Phat", "Formosa Ha Tinh Steel", "Securities and Exchange Commission"} <= set(found)


def test_a_maker_of_a_product_in_apposition_is_a_firm_and_things_listed_with_it_are_not():
    found = orgs(
        "It will supply Dhruva's electric SUVs and Velocette, the scooter maker that became a "
        "unit of Dhruva. Kestro, Poland's biggest television maker, agreed; Loach, the film "
        "maker, did not."
    )
    assert {"Velocette", "Kestro"} <= set(found)
    assert "SUVs" not in found and "Loach" not in found


def test_a_firms_officer_and_their_name_after_it_say_firm():
    result = extract(
        "The merger was the only way, said Azulia chief executive John Rodgers. German chief "
        "executive Anna Berg agreed."
    )
    assert [o.name for o in result.organisations] == ["Azulia"]
    assert [p.name for p in result.people] == ["John Rodgers", "Anna Berg"]


def test_a_speaker_the_story_calls_it_is_an_organisation_but_a_persons_it_is_not():
    result = extract(
        "OSAKA, May 2 - Tazuhara Kikosha said on Monday it would shut its Nagoya press shop. "
        "Torvald Hagen said it was too early to judge. Greaves said it would take a year, "
        "after Sir Peter Greaves visited. Energy said it had no comment. Oluwaseun Adeyemi "
        "said it would take time. Vorlamts said it plans to issue 9 million shares."
    )
    assert {o.name for o in result.organisations} == {"Tazuhara Kikosha", "Vorlamts"}
    people = {p.name for p in result.people}
    assert people == {"Torvald Hagen", "Peter Greaves", "Oluwaseun Adeyemi"}
    assert "Velmor Brask" in orgs(
        "Velmor Brask said in a note to clients that it expected margins to narrow."
    )


def test_a_firms_trade_before_a_list_names_every_firm_on_it():
    result = extract(
        "Listed builders Morgan Dlamini Holdings and Ravel Kotze, which did not bid, gained. "
        "Private operators Ilanga and Sebenza Vukani run the mines. Software developers Ana "
        "Ruiz and Tomas Berg wrote the app."
    )
    assert {"Ravel Kotze", "Sebenza Vukani"} <= {o.name for o in result.organisations}
    people = {p.name for p in result.people}
    assert {"Ana Ruiz", "Tomas Berg"} <= people
    assert not {"Ravel Kotze", "Sebenza Vukani"} & people


def test_an_everyday_word_and_a_public_bodys_name_are_one_name_but_a_persons_is_not():
    found = orgs(
        "The bloc's Peace and Security Council meets today. President Bush and Senate "
        "Republicans met, and Hope and Justice Party members walked out."
    )
    assert "Peace and Security Council" in found and "Security Council" not in found
    assert "Hope and Justice Party" in found
    assert not any(name.startswith("Bush") for name in found)


def test_a_consortium_forum_or_institute_on_a_subject_keeps_it():
    found = orgs(
        "A study by the Valdor University Consortium on Housing Research found rents rose, "
        "and the Institute on Taxation agreed."
    )
    assert "Valdor University Consortium on Housing Research" in found
    assert "Housing Research" not in found
    assert "Institute on Taxation" in found


def test_a_deal_a_short_form_then_an_apposition_and_what_a_body_runs_name_organisations():
    found = orgs(
        "Boeing completed its takeover of Orvane AeroWorks in May. Umweltbund Nord (UBN), the "
        "campaign group that sued first, welcomed it. Members of the Halberger Bund, which "
        "represents junior doctors, walked out. Kestrel Quay Terminals, which runs the main "
        "container terminal at Apapa, said yards were full. The Nile, which runs through Cairo, "
        "fell."
    )
    assert {"Orvane AeroWorks", "Umweltbund Nord", "Halberger Bund", "Kestrel Quay Terminals"} <= (
        set(found)
    )
    assert "Members of the Halberger Bund" not in found and "Nile" not in found


def test_contractors_brokers_builders_and_terminals_end_a_firms_name():
    found = orgs(
        "The plan was drawn up with Nubian Contractors and Rift Tea Brokers, while Marlow "
        "Builders and Ofori Terminals bid."
    )
    assert {"Nubian Contractors", "Rift Tea Brokers", "Marlow Builders", "Ofori Terminals"} <= (
        set(found)
    )


def test_partners_named_before_and_and_which_are_one_firm_but_people_listed_are_not():
    result = extract(
        "said Ana Vos, a portfolio manager at Halloran, Beckett and Pryce, which manages $2 "
        "billion. The winners were Smith, Jones and Brown, who each got a medal."
    )
    assert [o.name for o in result.organisations] == ["Halloran, Beckett and Pryce"]


def test_coffee_ends_a_firms_name_but_a_given_name_that_is_a_crop_opens_a_persons():
    result = extract("Okello Coffee cut its forecast, said Tea Lindqvist, who farms near Meru.")
    assert [o.name for o in result.organisations] == ["Okello Coffee"]
    assert [p.name for p in result.people] == ["Tea Lindqvist"]


def test_a_surname_a_firms_noun_apposition_or_ticker_names_is_the_familys_firm():
    result = extract(
        "Peruvian miller Valdivieso (VALD.LM) agreed on Monday to buy a rival. Founded in 1958 "
        "by Tomás Valdivieso, it is run by his grandson Ramiro Valdivieso, who said the deal "
        "was sound. Valdivieso said it would close in June. Orellana, Peru's biggest bakery "
        "chain, welcomed it; Lucía Orellana Paz, its chair, said Orellana would keep its staff."
        " Rival Valdivieso stayed quiet."
    )
    found = {o.name: o for o in result.organisations}
    assert {"Valdivieso", "Orellana"} <= set(found)
    people = {p.name: p for p in result.people}
    assert {"Tomás Valdivieso", "Ramiro Valdivieso", "Lucía Orellana Paz"} <= set(people)
    # the firm's mentions are the firm's, not the family's
    firm_spans = {span for org in found.values() for span in org.spans}
    assert not firm_spans & {span for p in people.values() for span in p.spans}


def test_a_general_staff_a_premiers_firm_a_refinery_and_ratings_end_names_but_titles_stay():
    result = extract(
        "The General Staff of the Armed Forces of Moldova said drones fell, and White House "
        "Chief of Staff Dana Pell agreed. Rivals Premier Solarworks rose; Premier Li Qiang spoke. "
        "Fuel comes from the Okonjo Petroleum Refinery, and Kestrel Ratings cut its outlook."
    )
    found = {o.name for o in result.organisations}
    assert {
        "General Staff of the Armed Forces of Moldova",
        "Okonjo Petroleum Refinery",
        "Kestrel Ratings",
    } <= found
    assert "Staff" not in found and "Okonjo Petroleum" not in found
    assert {"Dana Pell", "Li Qiang"} <= {p.name for p in result.people}


def test_fields_after_an_adjective_go_on_but_listed_firms_are_no_fields():
    found = orgs(
        "Researchers at the Institute of Demographic, Social and Economic Research said so. "
        "The Ministry of Defence, Goldman Sachs and Morgan Stanley met."
    )
    assert "Institute of Demographic, Social and Economic Research" in found
    assert {"Ministry of Defence", "Morgan Stanley"} <= set(found)
    assert not any("Goldman" in name and "Ministry" in name for name in found)


def test_a_chamber_named_by_its_party_a_trailing_weekday_and_a_lone_opening_word_name_nothing():
    found = orgs(
        "Unknown group kidnaps two aid workers. Critics praised the president for vetoing the "
        "Republican Congress bill. USDA Thursday forecast higher exports. The Indian National "
        "Congress and Sheffield Wednesday were named. Intact, the country's largest insurer, "
        "paid out."
    )
    assert "Unknown" not in found and "Republican Congress" not in found
    assert not any(name.endswith("Thursday") for name in found)
    assert {"Indian National Congress", "Intact"} <= set(found)


def test_a_firm_before_and_after_a_comma_list_is_one_of_the_list():
    found = orgs("Wheat came from Cargill, Mitsui, Continental and Louis Dreyfus Corp last week.")
    assert "Louis Dreyfus Corp" in found
    assert not any(name.startswith("Continental and") for name in found)


def test_exchanges_trades_and_owned_firms_from_a_nordic_and_latin_brief():
    found = orgs(
        "OSLO - Skarvik Rederi shares rose 4% on Oslo Børs after it ordered ships from "
        "Chinese-owned Haixing Nickel. STOCKHOLM - Battery maker Voltcell filed for "
        "reorganisation. MILAN - Lariana Credit listed on Borsa Italiana, and Pampa Valores "
        "traded on Bolsas y Mercados Argentinos. Greenpeace Africa and Ombra Labs objected. "
        "Several Labour MPs from the city have urged ministers to intervene."
    )
    assert {
        "Oslo Børs",
        "Haixing Nickel",
        "Voltcell",
        "Lariana Credit",
        "Borsa Italiana",
        "Pampa Valores",
        "Bolsas y Mercados Argentinos",
        "Greenpeace Africa",
        "Ombra Labs",
        "Labour Party",
    } <= set(found)


def test_an_occupation_opening_a_sentence_is_a_role_and_a_cape_is_a_place():
    result = extract(
        "Forecaster Rosalind Dizon said the storm would turn. Informateur Willemijn Dekker met "
        "the leaders. Walker Jane Smith won. Ships sail around the Cape of Good Hope."
    )
    people = {p.name: p for p in result.people}
    assert {"Rosalind Dizon", "Willemijn Dekker"} <= set(people)
    assert people["Rosalind Dizon"].role == "Forecaster"
    assert "Good Hope" not in people


def test_unions_teams_papers_abroad_and_a_portfolio_chain_end_names_where_they_should():
    result = extract(
        "The Federation of Borneo Timber Workers' Unions called a strike, and a group it calls "
        "Kestrel Team claimed the attack. A spokesman told Prensa Veraz that it was so. Ships "
        "wait for the Joint War Committee of the London insurance market to act. The Insurance "
        "and Private Pension Regulation and Supervision Agency said claims rose. The operator of "
        "the Grand Sable gas field, Tarsis Holt, declined to comment."
    )
    found = {o.name for o in result.organisations}
    assert {
        "Federation of Borneo Timber Workers' Unions",
        "Kestrel Team",
        "Prensa Veraz",
        "Joint War Committee",
        "Insurance and Private Pension Regulation and Supervision Agency",
    } <= found
    people = {p.name for p in result.people}
    assert "Grand Sable" not in people and "Sable" not in people
    assert "Tarsis Holt" in people


def test_an_exchange_groups_market_in_a_city_is_named_whole_but_a_firm_in_a_city_is_not():
    found = orgs("Shares in Minhota rose on Euronext Lisbon. Google Paris staff walked out.")
    assert "Euronext Lisbon" in found
    assert "Google Paris" not in found


def test_a_name_that_posts_a_profit_or_a_loss_is_a_firm_but_a_given_names_is_a_persons():
    result = extract(
        "Kolvane posted year attributable profit of 176 million rand. Tazuhara Medical reported "
        "a first-half loss. John Marsh reported a loss on the trade, and Chiamaka Eze reported "
        "a loss of income."
    )
    assert {"Kolvane", "Tazuhara Medical"} <= {o.name for o in result.organisations}
    assert {p.name for p in result.people} == {"John Marsh", "Chiamaka Eze"}


def test_a_trades_singular_names_a_firm_without_a_given_name_and_grounds_and_leagues_no_person():
    result = extract(
        "The work went to a venture of local builder Cahaya Dredging and port operator Keruk. "
        "Builder John Marsh objected, and local contractor Oluwaseun Adeyemi was paid late. "
        "Sekhukhune won at Moses Mabhida through two goals, which lifted them to third in the "
        "Betway Premiership. Retailers Tesco and Sainsbury objected."
    )
    assert {"Cahaya Dredging", "Keruk", "Tesco"} <= {o.name for o in result.organisations}
    assert {p.name for p in result.people} == {"John Marsh", "Oluwaseun Adeyemi"}


def test_a_venture_to_be_called_a_champion_beaten_and_a_club_bankrolled_are_organisations():
    result = extract(
        "The joint venture, to be called Lintang Sakti Cobalt and owned 51% by Halim Sakti, will "
        "open in May. Cong An Ha Noi beat defending champions Song Lam Nghe An 2-0 on Sunday. "
        "Elsewhere, Hoang Anh Gia Lai, the Pleiku club bankrolled by a farming group, lost. John "
        "Smith, the club captain, scored."
    )
    found = {o.name for o in result.organisations}
    assert {"Lintang Sakti Cobalt", "Song Lam Nghe An", "Hoang Anh Gia Lai"} <= found
    assert {p.name for p in result.people} == {"Halim Sakti", "John Smith"}


def test_a_title_in_quotes_with_its_noun_before_or_after_is_the_papers():
    found = orgs(
        'Police seized copies of the popular "Janapath" newspaper. He told trade journal '
        '"Builder Weekly" that it was so. She said "Hello" daily.'
    )
    assert {"Janapath", "Builder Weekly"} <= set(found)
    assert "Hello" not in found


def test_a_head_inside_an_events_title_names_no_organisation():
    found = orgs(
        "Gor Mahia were knocked out of the CAF Confederation Cup by Simba. Film-makers met at "
        "the Africa International Film Festival in Lagos. The Asian Football Confederation said."
    )
    assert "Asian Football Confederation" in found
    assert not {"CAF Confederation", "Africa International"} & set(found)


def test_a_number_inside_a_name_is_kept_but_scores_and_years_after_names_are_not():
    found = orgs(
        "Most independents were backed by Climate 200, the fundraising group. Kim Lee, a steward "
        "for Teamsters Local 700, the union that represents drivers, spoke. The poll was "
        "broadcast by Channel 12 News. Arsenal 2 Chelsea 1. The Euro 2024 group stage ended."
    )
    assert {"Climate 200", "Teamsters Local 700", "Channel 12 News"} <= set(found)
    assert not {"Arsenal 2", "Chelsea 1", "Euro 2024"} & set(found)


def test_a_coalition_partner_an_institutes_branch_and_a_body_opener_after_the_name_bodies():
    found = orgs(
        "ACT, National's coalition partner, said Labour had learned nothing. Samples went to "
        "the Institut Pasteur de Dakar, and The Universidad de Chile joined. Reuters de Dakar "
        "is no branch. John Smith, her business partner, said no."
    )
    assert {"ACT", "Institut Pasteur de Dakar", "Universidad de Chile"} <= set(found)
    assert not {"John Smith", "Reuters de Dakar"} & set(found)


def test_new_trades_a_partys_member_a_station_and_a_numeral_after_words_say_no_person():
    result = extract(
        "Oman backed the developer Saffron Renewables. The affair hit Kestrel Therapeutics, a "
        "biotechnology company spun out of a laboratory. Milica Jovanovic, a Srpska Lista "
        "councillor, spoke, and a Republican lawmaker objected. The Houthis' Al Masirah "
        "television said no. She appeared on the Oprah Winfrey television show. The recall was "
        "classified as Class II. Oprah Winfrey said so."
    )
    found = {o.name: o.kind for o in result.organisations}
    assert {"Saffron Renewables", "Kestrel Therapeutics", "Srpska Lista", "Al Masirah"} <= set(
        found
    )
    assert found["Srpska Lista"] == "party" and found["Al Masirah"] == "media"
    assert not {"Republican", "Oprah Winfrey"} & set(found)
    assert {p.name for p in result.people} == {"Milica Jovanovic", "Oprah Winfrey"}


def test_a_trade_word_inside_a_longer_name_leaves_the_kind_to_its_last_word():
    found = {
        o.name: o.kind
        for o in extract(
            "The Ontario Securities Commission sued. The rival Jalisco New Generation Cartel "
            "(CJNG) fought back. The Ministry of Construction said."
        ).organisations
    }
    assert found["Ontario Securities Commission"] == "government"
    assert found["Ministry of Construction"] == "government"
    assert found["Jalisco New Generation Cartel"] == "armed_group"


def test_a_trades_word_in_spanish_opens_a_firms_name_and_no_persons():
    result = extract(
        "Port delays hit the miner Minera Cordillera Azul and Frutera Los Robles, said Ana "
        "Villalobos. He worked for the sugar company Central Azucarera del Norte."
    )
    found = {o.name for o in result.organisations}
    assert {"Frutera Los Robles", "Central Azucarera del Norte"} <= found
    assert {p.name for p in result.people} == {"Ana Villalobos"}


def test_a_ministrys_fields_may_hold_a_holidays_word_and_a_point_is_a_place():
    result = extract(
        "The limit was set by the Ministry of Health, Labour and Welfare. The Ministry of "
        "Defence, Monday and Tuesday were busy. Police seized a boat off Portland Point."
    )
    found = {o.name for o in result.organisations}
    assert "Ministry of Health, Labour and Welfare" in found
    assert "Labour Party" not in found and "Ministry of Defence" in found
    assert not result.people


def test_a_plural_noun_opening_a_sentence_joins_no_names_and_opens_no_persons_name():
    result = extract("Rivals Qantas and Etihad Airways announced smaller orders on Monday.")
    found = {o.name for o in result.organisations}
    assert "Etihad Airways" in found
    assert not any(" and " in name for name in found)
    assert not result.people


def test_news_sites_outlets_railways_regulators_products_and_advisers_name_bodies_and_firms():
    found = orgs(
        "The news site Vesti24 reported a fourth bidder. Three reporters from the investigative "
        "outlet Zerkalo were jailed. The state railway Zheldor diverted grain. The court said the "
        "Canada Energy Regulator had erred. Fraser Forest Products shut a mill, said Ana Ruiz of "
        "Coral Capital Advisers."
    )
    assert {
        "Vesti24",
        "Zerkalo",
        "Zheldor",
        "Canada Energy Regulator",
        "Fraser Forest Products",
        "Coral Capital Advisers",
    } <= set(found)
    assert "Ana Ruiz" not in found


def test_a_chamber_in_apposition_is_a_public_body():
    result = extract(
        "The law passed the Hurulu Sabha, Latvia's parliament, on Friday. Inga Ozola, a member "
        "of the Sejmas, the lower house of parliament, objected. Ivan Petrov, a member of "
        "parliament, agreed."
    )
    found = {o.name: o.kind for o in result.organisations}
    assert found.get("Hurulu Sabha") == "government" and found.get("Sejmas") == "government"
    assert {p.name for p in result.people} == {"Inga Ozola", "Ivan Petrov"}


def test_a_firm_that_speaks_as_it_may_end_on_a_word_that_is_also_a_surname():
    result = extract(
        "Brakvik Salmon said it had cut output by a fifth. Mette Olsen said it had been a hard "
        "year."
    )
    assert "Brakvik Salmon" in {o.name for o in result.organisations}
    assert {p.name for p in result.people} == {"Mette Olsen"}


def test_a_firms_customers_savers_losses_and_failure_name_it_and_no_person():
    result = extract(
        "Customers of Drakensberg Mutual queued on Monday. Losses at Brakvik Salmon widened. "
        "The liquidation of Kopano Holdings began, and depositors at Lakeshore Thrift were "
        "paid. Marine Le Pen spoke."
    )
    found = {o.name for o in result.organisations}
    assert {"Drakensberg Mutual", "Brakvik Salmon", "Lakeshore Thrift"} <= found
    assert {p.name for p in result.people} == {"Marine Le Pen"}


def test_a_creed_alone_before_a_kind_noun_describes_it_and_names_nothing():
    found = orgs(
        "The Lebanese Forces, the largest Christian bloc, backed the bill. A Sunni party and a "
        "Kurd group objected. The Christian Democratic Union agreed."
    )
    assert "Christian Democratic Union" in found
    assert not {"Christian", "Sunni", "Kurd"} & set(found)


def test_incorporated_and_limited_spelled_out_end_a_firms_name_and_no_persons():
    result = extract(
        "Churchill Downs Incorporated said betting had set a record. Shares in Velmar Brask "
        "Limited rose. Limited supplies reached the port."
    )
    found = {o.name: o.kind for o in result.organisations}
    assert found == {"Churchill Downs Incorporated": "company", "Velmar Brask Limited": "company"}
    assert not result.people


def test_a_firms_officer_named_after_a_name_makes_it_a_firm_not_a_person():
    result = extract(
        '"We intend to change that," Adebayo Cole chief executive Ifeoma Nwachukwu told Reuters.'
    )
    assert {p.name for p in result.people} == {"Ifeoma Nwachukwu"}
    assert "Adebayo Cole" in {o.name for o in result.organisations}


def test_a_firm_that_speaks_as_it_may_open_on_a_founders_name_and_end_on_a_plain_word():
    result = extract(
        "Ochsner Health said it had moved 48 patients from its hospital. Mette Olsen said it "
        "had been a hard day."
    )
    assert {o.name for o in result.organisations} == {"Ochsner Health"}
    assert {p.name for p in result.people} == {"Mette Olsen"}


def test_a_network_a_start_up_and_an_airline_name_organisations():
    result = extract(
        "The rights were bought by the television network Unitel. The Finnish start-up Kaivos "
        "Nordic recovered lithium. LATAM Airlines Peru, Sky Airline and JetSMART will fly them."
    )
    found = {o.name: o.kind for o in result.organisations}
    assert found["Unitel"] == "other"
    assert found["Kaivos Nordic"] == found["Sky Airline"] == found["JetSMART"] == "company"
    assert not result.people


def test_schools_cooperatives_unions_and_superintendencies_in_spanish_and_portuguese():
    found = orgs(
        "Scientists at the Escuela Politécnica Nacional said the glacier shrank. The Cooperativa "
        "Agrícola de Nhamatanda and the União Nacional de Camponeses asked for aid. The National "
        "Superintendency of Higher University Education opened a probe."
    )
    assert set(found) == {
        "Escuela Politécnica Nacional",
        "Cooperativa Agrícola de Nhamatanda",
        "União Nacional de Camponeses",
        "National Superintendency of Higher University Education",
    }


def test_an_office_named_for_its_holders_title_keeps_the_whole_title():
    found = orgs(
        "Prosecutors at the Attorney General's Office found the cocaine. The Ombudsman's Office "
        "said talks failed. The Prosecutor General's Office opened a case."
    )
    assert set(found) == {
        "Attorney General's Office",
        "Ombudsman's Office",
        "Prosecutor General's Office",
    }


def test_a_game_reserve_and_a_petroleum_reserve_are_no_bodies_but_the_federal_reserve_is():
    found = orgs(
        "Families were moved out of the Central Kalahari Game Reserve. Oil from the Strategic "
        "Petroleum Reserve was sold. The Federal Reserve held rates."
    )
    assert set(found) == {"Federal Reserve"}


def test_a_processor_or_a_refiner_in_apposition_is_a_firm_and_no_person():
    result = extract(
        "Caju Sofala, a Beira-based cashew processor that exports kernels, said it would wait. "
        "Kivu Oils, the country's only refiner, agreed."
    )
    assert {o.name: o.kind for o in result.organisations} == {
        "Caju Sofala": "company",
        "Kivu Oils": "company",
    }
    assert not result.people


def test_a_known_name_opening_in_lower_case_is_found_where_no_run_holds_it():
    found = orgs("Fighters of al-Qaeda attacked a base. The uMkhonto weSizwe party objected.")
    assert {"al-Qaeda", "uMkhonto weSizwe"} <= set(found)
    known = KnownEntities(organisations=OrganisationBook.compile([("easyJet", [])]))
    assert set(orgs("Flights on easyJet were cancelled; the easyJetter app crashed.", known)) == {
        "easyJet"
    }


def test_a_cooperative_ends_a_name_but_alone_names_nothing():
    found = orgs(
        "The Albay Electric Cooperative (ALECO) cut power. ALECO said it would restore it. A "
        "cooperative nearby agreed, and the Cooperative said so."
    )
    assert set(found) == {"Albay Electric Cooperative"}
    assert found["Albay Electric Cooperative"].aliases == ["ALECO"]


def test_a_group_calling_itself_a_name_gives_that_name():
    result = extract(
        "A militant group calling itself the Niger Delta Avengers claimed the attack. A man "
        "calling himself John Okafor was held."
    )
    assert "Niger Delta Avengers" in {o.name for o in result.organisations}
    assert {p.name for p in result.people} == {"John Okafor"}


def test_the_arabic_article_before_a_name_found_is_part_of_it_on_every_mention():
    text = (
        "The official al-Akhbar newspaper said the al-Aqsa Martyrs Brigades claimed it. Later "
        "the al-Aqsa Martyrs Brigades denied it."
    )
    found = orgs(text)
    assert set(found) == {"al-Akhbar", "al-Aqsa Martyrs Brigades"}
    brigades = found["al-Aqsa Martyrs Brigades"]
    assert [text[s:e] for s, e in brigades.spans] == ["al-Aqsa Martyrs Brigades"] * 2


@pytest.mark.django_db
def test_migration_0019_adds_historical_bodies_and_calls_the_commonwealth_by_its_short_name():
    from django.apps import apps

    # An archive migrated before 0019: no Khmer Rouge, the Commonwealth without its short name.
    migration = _older_archive(
        "0019_historical_bodies_and_the_commonwealth",
        own=("Trans World Airlines", "twa", ["TWA"]),
        trimmed=("Commonwealth of Nations", []),
        deleted="Europol",
    )

    migration.add_bodies(apps, None)

    assert Organisation.objects.get(name="Khmer Rouge").kind == "armed_group"
    assert Organisation.objects.get(name="Trans World Airlines").slug == "twa"
    assert Organisation.objects.get(name="Commonwealth of Nations").aliases == ["Commonwealth"]
    _assert_grown(migration, deleted="Europol")
    found = orgs(
        "Khmer Rouge guerrillas attacked. Nigeria was suspended from the Commonwealth. The "
        "Commonwealth Games opened.",
        known_entities(),
    )
    assert set(found) == {"Khmer Rouge", "Commonwealth of Nations"}


def test_a_government_or_an_institute_in_apposition_is_a_body_but_a_venture_between_stays_one():
    found = orgs(
        "The licence was issued by Naalakkersuisut, the Greenlandic government, and backed by "
        "the Goethe-Institut, the German cultural institute. Mining is dominated by Debswana, "
        "a joint venture between the government and De Beers."
    )
    assert found["Naalakkersuisut"].kind == "government"
    assert found["Goethe-Institut"].kind == "other"
    assert found["Debswana"].kind == "company"


def test_a_spokesperson_named_after_a_coined_name_makes_it_a_body_but_not_after_a_surname():
    result = extract(
        '"It was ash on the ground," Icelandair spokesperson Birta Ragnarsdottir said. Trump '
        "spokeswoman Karoline Leavitt said so."
    )
    assert {o.name for o in result.organisations} == {"Icelandair"}
    assert {p.name for p in result.people} == {"Birta Ragnarsdottir", "Karoline Leavitt"}


def test_how_a_firm_is_owned_or_traded_before_its_name_says_firm():
    result = extract(
        "The privately owned FlyNamibia carries most passengers. The state-owned Kalvora took "
        "over, and the publicly listed Orvana fell."
    )
    assert {o.name: o.kind for o in result.organisations} == dict.fromkeys(
        ("FlyNamibia", "Kalvora", "Orvana"), "company"
    )
    assert not result.people


def test_a_body_opener_after_a_persons_of_opens_the_bodys_name():
    result = extract(
        "Glaciologist Dr Marcelo Andino of the Escuela Politécnica Nacional said so. Professor "
        "Ana Ruiz of the Universidad de Chile agreed."
    )
    assert {o.name for o in result.organisations} == {
        "Escuela Politécnica Nacional",
        "Universidad de Chile",
    }
    assert {p.name for p in result.people} == {"Marcelo Andino", "Ana Ruiz"}


def test_a_lower_case_known_name_opening_a_longer_one_is_the_longer_and_defines_its_acronym():
    found = orgs(
        "The ANC lost a ward to the uMkhonto weSizwe Party (MK) on Wednesday. MK said it won, "
        "and uMkhonto weSizwe celebrated."
    )
    party = found["uMkhonto weSizwe Party"]
    assert party.kind == "party" and "MK" in party.aliases
    assert len(party.spans) == 4 and "MK" not in found and "uMkhonto weSizwe" not in found
