"""The words and patterns that mark organisations: heads of names ("... Party", "... Corp"),
nouns beside a name ("the daily ...", "... shares"), share-price moves, speakers, definitions.

Read by the organisation phase (organisations.py) and, for the cues that say a phrase is a firm
or a paper, by the people phase too (context.names_a_firm): one list for each cue.
"""

import re
from functools import lru_cache

from articles.ingest import gazetteer
from articles.ingest.extraction import name_lists
from articles.ingest.extraction.organisation_book import company_book
from articles.ingest.gazetteer import fold
from articles.ingest.lexicon import (
    DAYS_MONTHS,
    FUNCTION_WORDS,
    LEGAL_FORMS_ABROAD,
    TITLES,
    TRADE_WORDS,
    WIRE_AGENCIES,
    words,
)

# Words that make a capitalised phrase an organisation, with the kind they suggest. A phrase
# ending in a place word ("Presidential Office Building") is a place.
_HEADS = {
    "party": "Party Front Movement Alliance Coalition Caucus",
    "government": """Ministry Department Bureau Agency Office Authority Administration Service
        Services Commission Committee Council Assembly Parliament Congress Senate Court Tribunal
        Police Army Navy Guard Guards Command Corps Directorate Inspectorate Secretariat Reserve
        Municipality Treasury Staff Regulator Superintendency Superintendence Prosecution""",
    "armed_group": "Forces Force Brigade Brigades Battalion Regiment Militia Brotherhood Cartel",
    "company": """Company Corporation Corp Corp. Inc Inc. Incorporated Ltd Ltd. Limited LLC plc
        PLC AG GmbH Group Holdings Airlines Airways Motors Electronics Industries Technologies
        Pharmaceuticals Bank Exchange Metals Mining Resources Petroleum Steel Shipping Logistics
        Telecom Partners
        Co Cos Plc LP NV SA BV AB ASA Oy Oyj SpA Bhd Berhad Tbk Bancorp Securities Associates
        Holding Chemical Chemicals Systems Aerospace Defence Defense Technics Savings Investments
        Ventures Capital Sons S.A. N.V. B.V. A.G. S.p.A. Contractors Brokers Builders Terminals
        Cooperative Co-operative""",
    "media": """Times Post Herald Journal Tribune Gazette Daily Television TV Radio Broadcasting
        Network News Press Newsroom Newsdesk FM""",
    "ngo": """Foundation Fund Trust Society Watch Association Associations Federation Confederation
        Union Unions League Community""",
    "other": """University College School Academy Institute Institution Hospital Center Centre
        Centres Centers Organisation Organization Club FC Church Observatory Board Laboratory
        Laboratories Klinik Kliniken Chamber Forum Guild Syndicate Consortium Collective
        International Team""",
}
HEADS = {word: kind for kind, text in _HEADS.items() for word in text.split()}
HEADS.update(dict.fromkeys(TRADE_WORDS | LEGAL_FORMS_ABROAD, "company"))
# Heads that only make an organisation after a name ("POSCO International", "Ajax FC").
# Legal forms ("Unitog Co", "Peugeot SA", "Volvo AB") and a news desk ("London Newsroom") are
# also only read after a name: alone they are abbreviations or ordinary words.
TRAILING_ONLY = (
    words(
        """International FC Resources Mining Metals Partners Co Cos LP NV SA BV AB ASA Oy Oyj SpA
    Bhd Berhad Tbk Securities Associates Newsroom Newsdesk Holding Chemical Chemicals Systems
    Aerospace Defence Defense Technics Savings Investments Ventures Capital Klinik Kliniken
    Sons S.A. N.V. B.V. A.G. S.p.A. FM Contractors Brokers Builders Terminals Team"""
    )
    | TRADE_WORDS
    | LEGAL_FORMS_ABROAD
)
# An industry's words, which make a company after a country's name and nowhere else: "Korea
# Zinc", "China Mobile", "Kenya Power", "India Cements", "Indian Oil".
INDUSTRY_WORDS = words(
    """Zinc Copper Gold Aluminium Aluminum Coal Oil Gas Energy Power Electric Electricity Water
    Mobile Telecom Telecoms Telecommunications Cable Satellite Post Railways Rail Ports Pipeline
    Cement Cements Chemicals Petrochemical Petrochemicals Fertilizer Fertilizers Fertiliser
    Fertilisers Sugar Textiles Tobacco Foods Breweries Insurance Re Pharma Shipyards Cocoa Air"""
)
# The fields a public body or a sport's governing body is named by before its country's name:
# "Health Canada", "Statistics Canada", "Police Scotland", "Cricket Australia". With the
# industries ("Air Canada", "Coal India", "Power New Zealand"), they make an organisation of a
# run that is nothing but the field and the country. Kinds: the body's, or a company's.
FIELDS_BEFORE_COUNTRY = {
    **dict.fromkeys(INDUSTRY_WORDS - {"Re"}, "company"),
    **dict.fromkeys(
        words(
            """Health Statistics Environment Transport Tourism Police Ambulance Forestry
            Fisheries Heritage Revenue Customs Immigration Elections"""
        ),
        "government",
    ),
    **dict.fromkeys(
        words(
            """Sport Sports Cricket Rugby Football Soccer Netball Athletics Swimming Cycling
            Hockey Tennis Golf Basketball Volleyball Rowing Sailing Boxing Gymnastics"""
        ),
        "other",
    ),
}
# Trailing heads that are also a portfolio's, a place's or a programme's word, so end a company's
# name only when they end the run: "Diehl Defence", "Renaissance Capital", "Cascade Avionics";
# not "Israeli Defence Minister", "Federal Capital Territory", "International Aviation Safety
# program" nor "King Salman Automotive Cluster".
ENDING_ONLY = words(
    """Defence Defense Capital Automotive Aviation Engineering Management Transit Software Leasing
    Robotics Biotech Semiconductor"""
)
# Finance's kinds of capital, which a table capitalises: "Working Capital", "Share Capital".
CAPITAL_TERMS = words("working share venture human equity debt risk paid-in tier")
# Heads that name one body even alone, capitalised: a country's legislature ("Congress passed
# the bill", "the Senate voted"), unlike "the Commission" or "the Party".
NAMES_ALONE = frozenset({"Congress", "Senate"})
# Capitalised words after a head that make the phrase a building or a place.
FACILITY_WORDS = words(
    """Building Buildings Headquarters Compound Tower Towers Hall Square Station Airport Stadium
    Complex Palace Campus Museum Road Street Avenue Bridge Gate Plaza Park Prison Hotel Grounds"""
)
# Words that open a place's name before a sponsor's or a club's: "Estadio BBVA", "Stade Velodrome".
FACILITY_OPENERS = words("Estadio Estádio Stade Stadio Stadion Parque Arena")
# Titles that open a run before the organisation ("Governor of the Central Bank of Nigeria").
PERSON_TITLES = TITLES - words(
    """Party Opposition Junta Military State Supreme Foreign Defence Defense Finance Interior
    Justice Grand Crown Field Private Acting Interim Former Senior Senate"""
)
# A club's people after its name: "Aston Villa player", "Juventus coach Marcello Lippi".
CLUB_NOUNS = words(
    "player striker defender midfielder goalkeeper winger coach manager captain skipper"
)
# A club's coach or player named after it, "Gor Mahia coach Francis Odhiambo": the club is no
# person wherever else the story names it ("won it for Gor Mahia").
CLUB_STAFF_AFTER_RE = re.compile(r" (?:" + "|".join(sorted(CLUB_NOUNS)) + r") [A-Z][a-z]")
# Lower-case nouns that make the capitalised name beside them an organisation: after it ("the
# Libre party", "Interfax news agency", "ZDF television", "Isbank shares"), matched where a run
# ends ...
# A possessive goes before a firm's shares only: "Wakefield's group", "Netanyahu's coalition"
# and "Murdoch's newspaper" are a person's.
# Nouns for a party's elected members, after the party's name ("a Srpska Lista councillor").
MEMBER_NOUNS = words(
    """councillor councillors councilor councilors lawmaker lawmakers legislator legislators MP MPs
    MEP MEPs"""
)
# "television" or "radio" after a name is a station's unless a person's show follows: "Al Masirah
# television", not "the Oprah Winfrey television show".
STATION_NOUN = (
    r"(?:television|radio)(?! (?:show|interview|programme|program|series|appearance|"
    r"address|debate|documentary|presenter|host|star|personality|career|ad|advert)s?\b)"
)
NOUN_AFTER_RE = re.compile(
    r" (?:(?:medical|scientific|science|trade) (?=journal\b))?"  # "the Lancet medical journal"
    r"(party|movement|coalition|alliance|militia|bloc|group|union|newspaper|broadcaster|"
    r"news agency|agency|daily|weekly|magazine|newsletter|journal|shares|stock|"
    + STATION_NOUN
    + r"|"
    r"rebels|guerrillas|militants|fighters|"
    r"shareholders|unit|subsidiary|division|analyst|analysts|economist|strategist|employees|"
    # a party's elected members: "a Srpska Lista councillor" (not "a Republican lawmaker":
    # `beside_noun` reads no everyday word as a party)
     + "|".join(sorted(MEMBER_NOUNS)) + r"|" + "|".join(sorted(CLUB_NOUNS)) + r")\b"
    r"|['’]s? (shares|stock|shareholders)\b"
    # "the Aerostan firm", "the Midgam research institute", "the Invamer polling firm"
    r"| (?:(?:research|polling|consulting|law|investment|accounting|advertising|engineering|"
    r"security|shipping|mining|technology|software) )?(firm|institute)\b(?! of\b)"
)
# Nouns that say what kind of body a name is. With a capitalised word right after one, the noun
# is that next name's ("group ING"), and the run before it describes it ("Banking", "Bengali").
# Not the nouns of people who work for a body ("Lehman analyst Blake Bath", "Arsenal striker").
CLASS_NOUNS = words(
    """party movement coalition alliance militia bloc group union newspaper broadcaster agency
    daily weekly magazine newsletter journal television radio"""
) | {"news agency"}
# ... and before it ("consulting firm Towers Perrin", "the daily El Mundo", "retailers Metro,
# Rewe and Lidl", "shares of Cukurova"), found in one scan of the text. Nouns a person may also
# be named after ("producer", "trader", "developer") are left out.
# Firms of an industry, in the plural: before a firm's name ("exporters Toyota and Sony") and
# as the kind of a list of firms.
INDUSTRY_PLURALS = words(
    """exporters carmakers automakers chipmakers drugmakers steelmakers refiners manufacturers
    brokerages producers"""
)
# A firm's own kind of noun before its name: "the start-up Kaivos Nordic", "the state-owned
# Kalvora" (how it is owned says firm; so does a share's word or a trade's).
FIRM_COMPOUNDS = words(
    """start-up startup state-owned family-owned government-owned foreign-owned employee-owned
    privately-owned"""
)
NOUNS_BEFORE = (
    words(
        """company firm group party club broadcaster newspaper union utility carrier airline lender
    insurer miner conglomerate watchdog regulator charity militia organisation organization agency
    daily weekly magazine tabloid journal retailer chain bank brokerage carmaker automaker
    chipmaker drugmaker steelmaker shipbuilder brewer manufacturer unit subsidiary consortium giant
    television radio companies firms banks lenders insurers carriers airlines retailers newspapers
    dailies broadcasters utilities parties groups brokers bloc consultancy cooperative
    co-operative concern pollster reinsurer distributor association federation institute
    supplier suppliers outlet website railway railroad network networks"""
    )
    | INDUSTRY_PLURALS
    | FIRM_COMPOUNDS
)
# Trades whose plural names firms before their names, never people: "listed builders Wilson Bayly
# Holmes-Ovcon and Stefanutti Stocks", "private operators Helios and Asklepios" (a developer or a
# trader may be a person: "software developers Ana Ruiz and ...").
FIRM_TRADES_BEFORE = words("miners operators builders contractors shippers")
# Their singulars name a firm before a name that opens with no given name: "local builder Cahaya
# Bahari" ("builder John Marsh" may be a tradesman).
FIRM_TRADE_SINGULARS = words("builder contractor operator shipper")
# Plural nouns that name firms before their names only where no person is named: "rivals
# Sibanye and Northam", but "rivals Raila Odinga and ..." (people are found first).
FIRMS_ONLY_BEFORE = (
    words("rivals peers competitors developers traders") | FIRM_TRADES_BEFORE | FIRM_TRADE_SINGULARS
)
# What factories make: a maker of one of these before a name is a firm ("Polish television maker
# Warta", "auto parts maker Nexteer", "toy makers Hasbro and Mattel"). Not what a person makes
# ("film maker", "policy maker", "wine maker", "cheese maker").
PRODUCT_WORDS = words(
    """car auto truck bus tractor motorcycle scooter bicycle chip drug steel aircraft plane jet
    helicopter drone engine phone handset smartphone television TV computer laptop PC software
    toy tyre tire battery vaccine appliance semiconductor equipment machinery machine parts
    component glass paper cement beer cigarette tobacco shoe sportswear clothing apparel garment
    food snack chocolate drinks spirits elevator turbine locomotive train ship satellite robot
    camera printer watch chemicals fertiliser fertilizer paint tile furniture cosmetics solar
    panel sensor display device instrument weapons arms missile ammunition noodle biscuit"""
)
PRODUCT_MAKER_BEFORE_RE = re.compile(
    # the product may open its sentence in capitals: "Battery maker Kraftcell filed ..."
    r"(?<![\w-])(?:[a-z]+-)?(?i:(" + "|".join(sorted(PRODUCT_WORDS)) + r")) (maker|makers) $"
)


def product_maker_before(text, start):
    """The company noun a maker of a product before `start` stands for ("television maker " ->
    "manufacturer", "toy makers " -> "manufacturers"), or None."""
    if not text.endswith("maker ", 0, start) and not text.endswith("makers ", 0, start):
        return None
    m = PRODUCT_MAKER_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    return "manufacturers" if m.group(2) == "makers" else "manufacturer"


# Nouns that say what a firm or a body is, capitalised before its name at a sentence's start,
# where they join its run: "Consultancy Integralia, which tracks ...", "Pollster Curia found".
# None opens a name, unlike "Bank" ("Bank Leumi") or "Union" ("Union Pacific"), and none is said
# of a person ("Rival Rory McIlroy"), unlike the rivals the organisation phase also reads there.
OPENING_CLASS_NOUNS = words(
    """Consultancy Insurer Reinsurer Retailer Brokerage Lender Carmaker Automaker Chipmaker
    Drugmaker Steelmaker Shipbuilder Conglomerate Broadcaster Pollster Regulator Watchdog Airline
    Manufacturer Distributor"""
)
# An apposition that says what the name before it is: "Codelco, the Chilean state copper
# company,", "Telstra, Australia's biggest telecoms carrier,", "Handelsblatt, a business daily,".
# Its last word is the noun, and the clause ends there; the words before it are adjectives
# ("state copper"), never "of" or a possessive after the first ("the head of the bank", "the
# bank's economist" name people). A verb after the noun makes it a speaker ("..., the news
# agency said"), not an apposition. Nouns a person is also called ("broker", "miner", "maker") are
# left out.
APPOSITIVE_KINDS = {
    "party": "party",
    # "ACT, National's coalition partner,"; a person is a business partner
    "coalition partner": "party",
    "militia": "armed_group",
    **dict.fromkeys(words("broadcaster newspaper daily weekly magazine tabloid"), "media"),
    **dict.fromkeys(words("watchdog regulator police government"), "government"),
    # a chamber: "the Jogorku Kenesh, Kyrgyzstan's parliament,", "the Mazhilis, the lower house"
    **dict.fromkeys(("parliament", "legislature", "lower house", "upper house"), "government"),
    **dict.fromkeys(("lower house of parliament", "upper house of parliament"), "government"),
    **dict.fromkeys(words("charity union association federation foundation"), "ngo"),
    "body": "other",  # "the industry body", "the sport's governing body"
    "network": "other",  # "Observatório do Clima, a network of more than 100 organisations"
    **dict.fromkeys(words("group organisation organization agency"), "other"),
    # "Charité, Europe's largest university hospital,": a person is a hospital's porter, never
    # the hospital (the noun must end the apposition)
    **dict.fromkeys(words("hospital university museum pollster club institute"), "other"),
    "think tank": "other",
    **dict.fromkeys(
        words(
            """company firm utility carrier airline lender insurer conglomerate retailer chain
            bank brokerage carmaker automaker chipmaker drugmaker steelmaker shipbuilder brewer
            manufacturer subsidiary consortium consultancy supplier exporter importer monopoly
            distributor operator venture unit cooperative haulier processor refiner meatpacker"""
        ),
        "company",
    ),
    # a manager of money, never "a store manager": "Ahorro Celeste, a pension fund manager,"
    **dict.fromkeys(
        ("fund manager", "asset manager", "investment manager", "wealth manager"),
        "company",
    ),
    # a maker of a product, never "the film maker": "Bombardier, the business jet maker,"
    **{f"{product} maker": "company" for product in PRODUCT_WORDS},
}
# "and" may join two of its words ("the largest property and casualty insurer"); "of" never, nor
# "between" ("a joint venture between the government and De Beers" is a venture).
_APPOSITIVE_WORD = (
    r"(?!(?:of|for|at|in|on|with|to|from|or|who|whose|which|by|between)\b)[a-z][\w-]*"
)
APPOSITIVE_RE = re.compile(
    r", (?:(?:the|a|an) (?:[a-z]+['’]s )?|[A-Z][a-z]+['’]s )"
    rf"(?:(?:{_APPOSITIVE_WORD}|[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?) ){{0,4}}"
    r"(" + "|".join(sorted(APPOSITIVE_KINDS)) + r")"
    r"(?=[,.;)]| (?:which|that|whose|and|owned|based|controlled|run|in|between|with|best|known|"
    r"set up|founded|created|formed|backed|listed|led|headed|chaired|bankrolled|funded|financed|"
    r"sponsored|spun)\b"
    # "of" after a part of a firm only: "a unit of", "a joint venture of", "a subsidiary of";
    # "a group of boy scouts" is no firm. (Look-behinds need one width: seven characters.)
    r"| of\b(?<=unit of|ture of|iary of|work of))"
)


def _plural(noun):
    if noun.endswith("y") and not noun.endswith("ey"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ch", "sh", "s")) else "s")


# Names listed before one plural noun that says what each is: "the CGT and SUD Culture unions",
# "the Verdi and Marburger Bund unions", "the Asahi, Mainichi and Yomiuri newspapers". The match
# runs from a name's end to the noun, over the names after it; group 1 is the noun.
_LISTED_NAME = r"[A-Z][\w'’&.+-]*(?: [A-Z][\w'’&.+-]*){0,3}"
LISTED_PLURALS = {
    _plural(noun): noun
    for noun in words(
        """union newspaper daily broadcaster airline bank lender insurer carmaker automaker
        militia"""
    )
}
_LIST_PLURAL = "|".join(LISTED_PLURALS)
LISTED_BEFORE_PLURAL_RE = re.compile(
    rf"(?:, {_LISTED_NAME})*,? and {_LISTED_NAME} ({_LIST_PLURAL})\b"
)
LAST_LISTED_RE = re.compile(rf" ({_LIST_PLURAL})\b")
_LIST_BEFORE_RE = re.compile(r"[A-Z][\w'’&.+-]*,? and $")


def listed_before_plural(text, start, end):
    """The singular of the plural noun that names the kind of a list of names the run at
    `start`-`end` stands in ("the CGT and SUD Culture unions" -> "union"), or None. A name
    straight before such a noun counts only as the last of a list ("the Murdoch newspapers" are
    a person's)."""
    m = LISTED_BEFORE_PLURAL_RE.match(text, end)
    if m is None:
        m = LAST_LISTED_RE.match(text, end)
        if m is None or not _LIST_BEFORE_RE.search(text, max(0, start - 60), start):
            return None
    return LISTED_PLURALS[m.group(1)]


# The apposition's plural, after "one of": "Kestrel Haulage, one of the largest independent road
# hauliers," -> "haulier". Nouns that are one thing only ("police") have no plural here.
APPOSITIVE_PLURALS = {_plural(noun): noun for noun in APPOSITIVE_KINDS if noun != "police"}
APPOSITIVE_ONE_OF_RE = re.compile(
    r", one of (?:the |its |their |[A-Z][a-z]+['’]s )?"
    rf"(?:(?:{_APPOSITIVE_WORD}|[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?) ){{0,4}}"
    r"(" + "|".join(sorted(APPOSITIVE_PLURALS, key=len, reverse=True)) + r")\b(?! of\b)"
)
# What a firm does, said of the name before it: "Velmar, which makes radars,". A person is
# "who"; a place does none of these.
FIRM_DOES_RE = re.compile(
    r", which (?:makes|produces|sells|supplies|manufactures|builds|operates|employs|exports|"
    r"imports|distributes|designs|markets|is listed|is owned by|is majority-owned|was founded|"
    r"was listed|trades as|represents|owns|controls|manages|publishes|broadcasts|lobbies|"
    # "runs" with its object: "which runs the main terminal", not "which runs through the town"
    r"runs (?:the|a|an|several|most|many|two|three|four|five|\d))\b"
)
# What a broker or a ratings agency does to a firm it covers, said of the name before it:
# "VNDirect cut its target price", "Fitch downgraded the bank".
FIRM_VERB_AFTER_RE = re.compile(
    r" (?:cut|raised|lowered|trimmed|lifted) (?:its|their) (?:target price|price target|"
    r"rating|ratings|recommendation)\b| (?:upgraded|downgraded) (?:the|its|[A-Z])"
)
# A speaker the story calls "it" and whose "it" owns something in the same sentence: "Kawabata
# Seiki said on Tuesday it would close its Osaka plant", or a broker's note: "Velmor Brask said in
# a note to clients that it expected". A person's "said it would" has a dummy "it" as often
# ("Oluwaseun Adeyemi said it would take time"), so a bare "said it would" is not read (only a
# firm's action after it: `FIRM_ACTIONS`), nor are "it is" and "it was", and the name must hold
# no name's word (`speaks_as_it`).
SAID_IT_AFTER_RE = re.compile(
    r" (?:said|says|announced|reported)"
    r"(?: (?:late |early )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"| in an? (?:[a-z-]+ ){0,3}(?:statement|filing|release|report)"
    r"|(?P<note> in an? (?:research |client )?note(?: to (?:clients|investors))?))?"
    r",? (?:that )?it (?:would|will|had|has|expected|expects|planned|plans|could|may|"
    r"might|aims|intends|saw|sees|hoped|hopes|agreed|agrees)\b"
)
_ITS_LATER_RE = re.compile(r"[^.;!?\n]{0,80}?\bits\b")
# What a firm or a party does, straight after "it would", "it plans to" or "it had": "Lamonts
# said it plans to issue 9 million shares", "Stagecoach said it had agreed the deal", "Vox said
# it would table a motion"; never "it would take time".
FIRM_ACTIONS = words(
    """issue sell buy acquire merge close shut open build invest launch hire cut raise seek
    appeal file sign list pay offer supply export import resume suspend halt table order expand
    reduce delist ordered agreed signed bought sold acquired merged filed launched closed opened
    raised hired appealed listed paid offered supplied resumed suspended halted tabled expanded
    reduced delisted"""
)
_FIRM_ACTION_AFTER_RE = re.compile(r"(?: to)? (?:" + "|".join(sorted(FIRM_ACTIONS)) + r")\b")


def said_it_after(text, end):
    """The words after `end` say the name before it speaks as "it" (`SAID_IT_AFTER_RE`): in a
    note to clients, or of what it owns or does as a firm or a party."""
    m = SAID_IT_AFTER_RE.match(text, end)
    return m is not None and bool(
        m.group("note")
        or _FIRM_ACTION_AFTER_RE.match(text, m.end())
        or _ITS_LATER_RE.match(text, m.end())
    )


def speaks_as_it(keys):
    """The folded words of a name that `said_it_after` reads make an organisation's name: not
    everyday words ("Energy said it"), and no given name, surname or initial among them; after
    a first word that is none of these, a surname that is also a dictionary word is the firm's
    trade ("Nordhav Marine said it would", "Brakvik Salmon"). A last word that is a dictionary
    word and no name at all ends no person's name: the words before it may be a founder's
    ("Ochsner Health said it had moved patients")."""
    given, family = name_lists.given_names(), name_lists.surnames(name_lists.ALL_SURNAMES)
    if name_lists.ordinary_words(keys) or any(len(key.rstrip(".")) <= 1 for key in keys):
        return False
    last = keys[-1]
    if (
        len(keys) > 1
        and name_lists.in_dictionary(last)
        and last not in given
        and last not in family
    ):
        return True
    return not any(
        key in given or (key in family and not (k and name_lists.in_dictionary(key)))
        for k, key in enumerate(keys)
    )


# A firm's results, said of the name before it: "Implats posted year attributable profit",
# "Velmar reported a first-half loss". A person has no profit to post.
FIRM_RESULTS_AFTER_RE = re.compile(
    r" (?:posted|reported|booked|recorded) (?:a |an |its |their )?(?:[a-z-]+ ){0,3}"
    r"(?:profit|profits|loss|losses|earnings|revenue|revenues|turnover)\b"
)
# A firm's officer and their name after the firm's: "Azul chief executive John Rodgerson".
FIRM_OFFICER_AFTER_RE = re.compile(
    r" (?:chief executive|chief financial officer|chief operating officer|CEO|CFO|"
    r"managing director) (?:[A-Z][a-z]*\.? )?[A-Z][a-z]"
)
# A legal form after a comma: "BioVest Research, Inc's analyst", "Hallam Foods, Ltd. said".
LEGAL_FORM_AFTER_COMMA_RE = re.compile(r", (?:Inc|Ltd|LLC|Corp|Co|PLC|plc|L\.P|S\.A|N\.V)(?![\w-])")
# A body's spokesperson, after "a" or "an": "a Velmar spokeswoman", "an ICRC spokesman".
# Someone who speaks or works for the name before it, after an article: "a Velmar spokeswoman",
# "a Nomura analyst", "the Bowmans partner who led the team". Only a spokesperson may speak for a
# party or a government; the others work for firms.
STAFF_AFTER_RE = re.compile(
    r" (?:(spokes(?:man|woman|person))|analyst|economist|strategist|partner)\b"
)
ARTICLE_BEFORE = ("a ", "an ", "the ", "A ", "An ", "The ")


def staff_after(text, start, end, first_word):
    """ "spokesperson" or "firm" when a spokesperson or a firm's analyst, economist, strategist
    or partner follows the name at text[start:end] after an article ("a Nomura analyst"), else
    None. `first_word` is the run's first word, an article opening a sentence ("A Nomura ...")."""
    if text[end + 1 : end + 2] not in ("s", "a", "e", "p"):
        return None  # looked at first: most runs have none of these after them
    m = STAFF_AFTER_RE.match(text, end)
    if m is None or not (text.endswith(ARTICLE_BEFORE, 0, start) or first_word in ("A", "An")):
        return None
    return "spokesperson" if m.group(1) else "firm"


# A firm's officers' titles, which follow its name in one run: "Velmar Chief Executive Jan Vos",
# "Ostrakor CEO Marta Lind". Each is a word, or a word and the one after it.
OFFICER_TITLES = {
    "CEO": None,
    "CFO": None,
    "Chairman": None,
    "Chairwoman": None,
    "Chief": words("Executive Financial Operating"),
    "Managing": words("Director"),
}
# A noun and a comma before a name set off by commas: "his party, Avanza Sur, had", "a new
# movement, Vanua Vou, that". Nouns a person is also called are left out, as in apposition.
NOUNS_BEFORE_COMMA = words(
    """party movement coalition alliance bloc militia group company firm union club newspaper
    daily broadcaster agency bank lender insurer airline carrier venture subsidiary unit
    cooperative charity"""
)


def noun_before_comma(text, start, end):
    """The noun before a name set off by commas ("his party, Avanza Sur, had"), or None."""
    if text[start - 2 : start] != ", " or text[end : end + 1] not in (",", "."):
        return None
    i = text.rfind(" ", max(0, start - 30), start - 2)
    word = text[i + 1 : start - 2]
    return word if word in NOUNS_BEFORE_COMMA else None


# Where an analyst works: "an analyst at Paribas", "economist with Nomura".
ANALYST_AT = frozenset(
    f"{who} {at}"
    for who in ("analyst", "analysts", "economist", "economists", "strategist", "strategists")
    for at in ("at", "with", "for")
)
# What a firm has and a person has not, before "of" or "at": "chief executive of Velmar", "a
# unit of Ostrakor", "workers at Renmark".
FIRM_ROLE_PAIRS = frozenset(
    {
        "executive of",
        "chairman of",
        "chairwoman of",
        "CEO of",
        "founder of",
        "co-founder of",
        "owner of",
        "unit of",
        "subsidiary of",
        "division of",
        "shareholders of",
        "shareholders in",
        "employees of",
        "employees at",
        "workers at",
        "staff at",
        "consortium of",  # "a consortium of Hassan Allam, Orascom Construction and Alstom"
        # a firm's customers, savers and lenders, and its failure: "Customers of Drakensberg
        # Mutual", "depositors at Kopano Savings", "the liquidation of Castellan Mutual"
        "customers of",
        "customers at",
        "depositors of",
        "depositors at",
        "depositors in",
        "policyholders of",
        "policyholders at",
        "creditors of",
        "investors in",
        "losses at",
        "liquidation of",
        "liquidators of",
        "insolvency of",
        "administrators of",
        # how it is owned or traded: "the privately owned FlyNamibia", "publicly listed Orvana"
        "privately owned",
        "wholly owned",
        "majority owned",
        "privately held",
        "publicly listed",
        "publicly traded",
    }
)
# A deal whose other side is a firm, never a person: "its takeover of Spirit AeroSystems", "a
# merger with Velmar" (a place taken over is no firm: `is_place` reads it).
DEAL_PAIRS = frozenset({"stake in", "takeover of", "acquisition of", "merger with", "buyout of"})
# A news site before its name: "the news site Tengrinews".
NEWS_SITES = frozenset({"news site", "news website", "news portal"})
NOUN_PAIRS_BEFORE = (
    frozenset(
        {"news agency", "shares of", "shares in", "think tank", "peacekeeping mission"}
        | NEWS_SITES
        | {"auction house", "poll by"}  # "the auction house Artcurial", "a poll by Invamer"
    )
    | DEAL_PAIRS
    | ANALYST_AT
    | FIRM_ROLE_PAIRS
)
# A firm's name before what it issues ("Evelyn Ruhr shares fell"); unlike the nouns above, it
# never follows a person's name, so the people phase reads it as well.
SHARES_AFTER_RE = re.compile(r"['’]?s?\s+(?:shares|stock|stocks|shareholders|bonds)\b")
# A listed company's ticker in brackets after its name: "(NASDAQ: VLMR)", "(Euronext Paris:
# AIR)", a Reuters code "(RHMG.DE)", "(VIKRAMSOLR.NS)" or "(7203.T)" (two to ten characters
# before the dot: "(U.S)" is a country). What the brackets hold names no organisation.
TICKER_BRACKET_RE = re.compile(
    r"\((?:[A-Z][A-Za-z]{1,9}(?: [A-Z][a-z]+)?: ?[A-Z0-9][A-Z0-9.\-]{0,9}"
    r"|[A-Z0-9]{2,10}\.[A-Z]{1,3})\)"
)
# What only a firm has, after its name's possessive: "Renk's chief executive", "Velmora's board".
FIRM_POSSESSIVE_RE = re.compile(
    r"['’]s? (?:chief executive|chief financial officer|CEO|CFO|chairman|chairwoman|board|"
    r"shareholders|subsidiary|headquarters|revenue|revenues|net profit|profits?|earnings|sales|"
    r"share price|market value|"
    # works in the plural: "Pampa Norte's two slaughterhouses", "Velmar's plants"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+) )?(?:plants|factories|"
    r"slaughterhouses|refineries|smelters|mills|mines|stores|outlets|branches))\b"
)
# A share price moving after a name: "Alcatel Alsthom fell 1.7 percent", "Apex Tannery lost
# 22.72 to 597", "Isbank gained 300 lira". Points are left out: indices and teams score them.
STOCK_MOVE_RE = re.compile(
    r"(?:['’]s)?\s+(?:shares\s+)?(?:rose|fell|gained|lost|slipped|climbed|jumped|dropped|eased|"
    r"shed|firmed|slid|rallied|added|tumbled|plunged|surged|soared|dipped|edged\s+(?:up|down))"
    r"\s+(?:a\s+)?(?:[A-Z]{0,2}\$\s*)?(?:[\d,]*\d\.\d+\s+to\s+\d|[\d.,]*\d\s*(?:percent\b|pct\b|"
    r"%|cents?\b|pence\b|p\b|lira\b|yen\b|francs?\b|marks?\b|pesos?\b|rupees?\b|baht\b))"
)
# Stock indices, markets, currencies and kinds of shares, which move as a firm's shares do ("the
# Nikkei fell 1 percent", "Class B shares").
NOT_FIRM_WORDS = words(
    """Index Indices Average Composite Dow Nikkei FTSE Footsie DAX CAC Hang Seng Kospi Sensex
    Bovespa Merval Nasdaq Topix Straits Bourse Sterling Dollar Euro Yen Brent Gold Silver Class
    Series Treasury Government Preferred Ordinary Common"""
)
# What stands between the names of a list ("retailers Metro, Rewe and Lidl").
LIST_GAPS = frozenset({", ", " and ", ", and ", " or "})
PLURAL_NOUNS = (
    words(
        """companies firms banks lenders insurers carriers airlines retailers newspapers dailies
    broadcasters utilities parties groups brokers houses agencies unions funds suppliers"""
    )
    | INDUSTRY_PLURALS
    | FIRMS_ONLY_BEFORE
)
# "exporters such as Toyota and Sony", "lenders, including Absa and Nedbank": a plural noun and
# the words that open its examples, before the first of them.
EXAMPLE_OPENERS = ("such as", "including", "like", "include", "includes", "included")
EXAMPLES_BEFORE_RE = re.compile(r"([A-Za-z][a-z]+),? (?:" + "|".join(EXAMPLE_OPENERS) + r") $")


# More names after one in a list: ", Orbano and Castrell", " and LANSA".
LIST_GOES_ON_RE = re.compile(r"(?:,? and |,? or |, )[A-Z]")


def plural_noun_opening_list(text, start, end):
    """The plural noun before a colon or a comma that opens a list of names with the one at
    `start`: "three listed companies: Velmont Tiles, Orbano and Castrell", "two airlines,
    Aerocondor and LANSA". After a comma another name must follow ("among the banks, Smith
    said" is no list)."""
    gap = text[start - 2 : start]
    if gap not in (", ", ": "):
        return None
    i = text.rfind(" ", max(0, start - 30), start - 2)
    word = text[i + 1 : start - 2]
    if word not in PLURAL_NOUNS:
        return None
    if gap == ", " and not LIST_GOES_ON_RE.match(text, end):
        return None
    return word


# The second or a later name of a list that a firm's plural noun opens: "Stefanutti Stocks" of
# "listed builders Wilson Bayly Holmes-Ovcon and Stefanutti Stocks", "Rewe" of "retailers Metro,
# Rewe and Lidl". Every name before it is capitalised words only.
_FIRMS_LIST_BEFORE_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(w for w in NOUNS_BEFORE | FIRM_TRADES_BEFORE if w.endswith("s")))
    + r") [A-Z][\w'’.&-]*(?:,? (?:and )?[A-Z][\w'’.&-]*){0,7}(?:,| and|, and) $"
)


def firms_listed_before(text, start):
    """The name at `start` goes on a list of firms that a plural noun opened."""
    return text[start - 1 : start] == " " and bool(
        _FIRMS_LIST_BEFORE_RE.search(text, max(0, start - 100), start)
    )


# A kind noun that gives the name after it: "a consortium, called Americast,", "a new party named
# Vanua Vou", "a militant group calling itself the Niger Delta Avengers".
_CALLED_BEFORE_RE = re.compile(
    r"\b([a-z-]+),? (?:(?:to be|will be|would be|is|was|now) )?"
    r"(?:called|named|(?:calling|calls|called) itself(?: the)?) $"
)
# The last words before a name that `kind_noun_calling` reads.
CALLING_WORDS = frozenset(("called", "named", "itself", "the"))


def kind_noun_calling(text, start):
    """The singular organisation noun (`NOUNS_BEFORE`, or an apposition's: "venture") before
    "called" or "named" right before `start`, or None ("a man named ..." names a person): "a new
    party called Vanua Vou", "The joint venture, to be called Lixing Sakti Nickel Indonesia"."""
    m = _CALLED_BEFORE_RE.search(text, max(0, start - 50), start)
    noun = m.group(1) if m else None
    if noun and (noun in NOUNS_BEFORE or noun in APPOSITIVE_KINDS) and not noun.endswith("s"):
        return noun
    return None


# An acronym the story uses as a speaker or a source is an organisation: "USDA said",
# "told NRK", "according to IBCA". People's initials take full stops and are not matched.
SAID_AFTER_RE = re.compile(
    r"(?:['’]s)? (?:said|says|reported|reports|announced|added|estimated|forecast|warned|"
    r"predicted|told|quoted|cited|confirmed|denied|urged)\b"
)
TOLD_BEFORE = ("told ", "according to ", "quoted by ", "reported by ", "cited by ")
# Acronyms that are no organisation even as a sentence's subject: abbreviations, and stock
# markets' indices ("the KOSPI rose").
NOT_ORGANISATION_ACRONYMS = words(
    """AIDS HIV GMT EST EDT CET GDP CEO CFO TV OK AM PM ID PC KOSPI TOPIX TAIEX IBOVESPA MERVAL
    KLCI HSCEI SENSEX NIFTY IPSA COLCAP PSEI"""
)
MEDIA_NOUNS = (
    words(
        """newspaper broadcaster agency daily weekly magazine newsletter television radio tabloid
    journal newspapers dailies broadcasters outlet website"""
    )
    | NEWS_SITES
)
# Fighters named after their group: "M23 rebels", "Mai Mai fighters"; never after a creed or a
# people ("Moslem militants", "Basque rebels").
ARMED_NOUNS = words("rebels guerrillas militants fighters")
NOUN_KINDS = {
    "party": "party",
    **dict.fromkeys(MEMBER_NOUNS, "party"),
    "movement": "party",
    "coalition": "party",
    "alliance": "party",
    "parties": "party",
    "militia": "armed_group",
    **dict.fromkeys(ARMED_NOUNS, "armed_group"),
    "news agency": "media",
    **dict.fromkeys(MEDIA_NOUNS, "media"),
}
COMPANY_NOUNS = (
    words(
        """company firm shares stock shareholders retailer chain bank brokerage carmaker automaker
    chipmaker drugmaker steelmaker shipbuilder brewer manufacturer unit subsidiary consortium giant
    companies firms banks lenders insurers carriers airlines retailers brokers utilities lender
    insurer carrier airline utility miner conglomerate division analyst analysts economist
    strategist employees pollster reinsurer distributor supplier suppliers railway railroad"""
    )
    | INDUSTRY_PLURALS
    | FIRM_COMPOUNDS
    | FIRMS_ONLY_BEFORE
    | {"shares of", "shares in"}
    | DEAL_PAIRS
    | ANALYST_AT
    | FIRM_ROLE_PAIRS
)
# A press digest's paper: a line of capitals before a line opening with a dash, or right after a
# line of dashes that parts one paper's stories from the next ("---\nDAILY NEWS\nBread ...").
_DIGEST_NAME = r"([A-Z][^\n a-z]{1,30}(?: [^\n a-z]{1,30}){0,4})[ \t]*\n"
DIGEST_PAPER_RE = re.compile(
    rf"^{_DIGEST_NAME}(?:[ \t]*\n)?[ \t]*-|(?<=---\n){_DIGEST_NAME}[ \t]*[A-Z]", re.M
)
# What stands after a name to define its short form: "(CCP)", '("Khangai Copper")', "known as".
DEFINED_RE = re.compile(
    r"\s*[(（]\s*[“\"]?([A-Z][\w&.'’\- ]{0,40}?)[”\"]?\s*[)）]"
    r"|,?\s+(?:also\s+|widely\s+|better\s+)?known\s+as\s+(?:the\s+)?([A-Z][\w&\-]+)"
)
# A run that continues after these ("Department of Latin American and Caribbean Affairs",
# "Hyundai Engineering & Construction", "People's Council", "Bolivian Workers' Center",
# "Committee to Protect Journalists").
JOINERS = (" and ", " & ", "'s ", "’s ", "' ", "’ ", " to ")
# A number that is part of a name: "Climate 200, the fundraising group", "Teamsters Local 700,
# the union", "Polska 2050 party", "Channel 12 News". It is read only where an apposition, an
# organisation's noun or a broadcaster's word follows it, so that scores ("Arsenal 2 Chelsea 1"),
# amounts and years after a name stay outside; a broadcaster's word after it joins the name.
NUMBER_IN_NAME_RE = re.compile(
    r" \d{1,4}(?: (?:News|TV)\b"
    r"|(?=, (?:the|a|an|one of) "
    r"| (?:party|movement|coalition|alliance|union|bloc|newspaper|broadcaster|agency|magazine|"
    r"television|radio|shares|stock|shareholders|analysts?|economist|strategist|employees)\b))"
)
# A place's firm: "Singapore-based Tan Kah Marine", "Oslo-listed Velmar", a name straight after
# the compound (a person has a noun between: "London-based artist Jane Vos"). Matched before a
# name (the people phase) and opening a run (the organisation phase).
# "Chinese-owned Huaxing Nickel", "state-controlled"'s capitalised kin: owned and controlled
# are said of firms, never of people.
PLACE_COMPOUND_WORDS = ("based", "listed", "headquartered", "registered", "owned", "controlled")
_PLACE_COMPOUND = (
    r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,2}-(?:" + "|".join(PLACE_COMPOUND_WORDS) + r") "
)
BASED_BEFORE_RE = re.compile(rf"(?<![\w-]){_PLACE_COMPOUND}$")
PLACE_BASED_OPENING_RE = re.compile(_PLACE_COMPOUND)
# Partners' names listed before the last one's "&": a firm's name, commas and all ("Keefe,
# Bruyette & Woods", "Skadden, Arps, Slate, Meagher & Flom", "Goldman, Sachs and Co"), or one-word
# names before "and" and the last, of which the story says "which" ("Bailard, Biehl and Kaiser,
# which manages ..."). Matched where a partner's name ends.
PARTNERS_CHAIN_RE = re.compile(
    r"(?:, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)+,? (?:& [A-Z]|and (?:Co|Company|Sons)\b)"
    r"|(?:, [A-Z][\w'’.-]+)+ and [A-Z][\w'’.-]+, which\b"
)
# A firm's partners after "and" or "&" end its name: "Arthur Yates and Co", "A.G. Edwards &
# Sons", "Kalf, Voorhis & Co".
PARTNERS_TAILS = words("Co Company Sons Partners Associates")
POSSESSIVE_WORDS = words(
    "People Workers Women Farmers Citizens Veterans Children Teachers Journalists Employers"
)
# Offices whose holder's possessive opens a body's name when an organisation word follows
# ("Broward County Sheriff's Office", "the Attorney General's Office", "Mayor's Office"), and
# the crown's ("King's Fund", "Queen's University", "Prince's Trust").
OFFICE_POSSESSIVES = words(
    """Sheriff Attorney General Prosecutor Governor Mayor Coroner Auditor King Queen Prince Princess
    Ombudsman Comptroller Commissioner Solicitor Inspector Registrar Treasurer President"""
)
# Adjectives the function-word list holds that open many organisations' names ("National
# Assembly", "Central Bank", "Public Transport Corporation"): part of the name here.
NAME_ADJECTIVES = words(
    """National Central Federal State Global International Regional Local Western Eastern
    Northern Southern Public Private Joint Foreign Domestic Official Opposition Ruling
    Government Police Supreme Senior Junior Open Free"""
)
# Holidays' words that open names too ("Labor Party", "Independence Party").
NAMING_HOLIDAY_WORDS = words("Labor Labour Independence Victory Memorial")
# What opens a run before a name. An agency's name opens its units' names ("Reuters Television",
# "Xinhua News Agency"), and "New" opens many ("New Scientist", "New Democracy").
LEADING_NOISE = (
    (FUNCTION_WORDS | DAYS_MONTHS)
    - frozenset(HEADS)
    - NAME_ADJECTIVES
    - NAMING_HOLIDAY_WORDS
    - WIRE_AGENCIES
    - {"New"}
)
# Words that make a head's complement a project, a treaty or an event, not part of the name
# ("Hoshino Metals for Tsagaan Del Project").
NOT_NAME_WORDS = words(
    """Project Projects Programme Program Initiative Plan Strategy Treaty Agreement Accord Pact
    Summit Conference Prize Award Awards Cup Games Championship Act Law Bill Declaration"""
)
# The last words of English newspaper titles, whose "The" belongs to the title: "The Times",
# "The Washington Post". One of them alone is a paper only after a "The" written in capitals in
# mid-sentence ("sales at The Sun and The Times").
MASTHEAD_WORDS = words(
    """Times Post Herald Journal Tribune Gazette Sun Statesman Guardian Telegraph Independent
    Observer Mirror Express Economist Globe Mail Chronicle Inquirer Star Courier Monitor
    Examiner Hindu Scotsman Sentinel Dispatch Enquirer"""
)
COMPANY_ABBREVIATIONS = words("Corp Inc Ltd Co Bros Cie")
# Legal forms that close a company's name: what follows "of" is where the firm is from
# ("Oakley Inc of the United States"). Not "Co" nor "Corp" ("Aluminum Co of America").
CLOSING_LEGAL_FORMS = LEGAL_FORMS_ABROAD | words(
    """Inc Inc. Ltd Ltd. LLC LLP plc PLC Plc AG GmbH SA NV BV Oyj SpA Bhd Tbk
    S.A. N.V. B.V. A.G. S.p.A."""
)
NOT_ORGANISATIONS = frozenset({"soviet union", "white house"})
# Buildings that stand for a government when they speak ("the White House said"), and are places
# otherwise ("signed at the White House").
SEATS_OF_POWER = frozenset({"white house", "downing street", "elysee", "blue house"})
# Words that name clubs after a town's name: "Manchester City", "Port Vale".
CLUB_WORDS = words(
    """City United Town County Rovers Athletic Wanderers Albion Vale Forest Rangers Celtic
    Hotspur Villa Palace Argyle Orient Dynamo Sporting Real Racing"""
)
# A results table's headings, which stand before figures as teams do: "Played 3 Won 2".
TABLE_HEADINGS = words(
    """Played Won Lost Drawn Draws Tied Wins Losses Points Pts Goals Games Matches Total For
    Against Home Away Pos Position Rank"""
)
# A score in results: one to three digits, never a date, a price, a decimal or a time. Read by the
# organisation phase (teams) and by the scan (a city before a score is no country's evidence).
SCORE = r"\d{1,3}(?![\d.,:/-]?\d)"


# A match's score, never part of a date ("1996-08-22"): looked for in the whole text once, and
# then near a run, before the three expressions after it, which most runs would fail. It opens
# on the digit and looks behind it after (no digit or "-" before it), so that a search jumps
# from digit to digit: opening on the look-behind made it try every character, three times
# slower.
_MATCH_SCORE_RE = re.compile(r"\d(?<![\d-]\d)\d?-\d{1,2}(?![\d-])")


@lru_cache(maxsize=1)  # one text at a time: its runs ask in turn
def _has_match_scores(text):
    return _MATCH_SCORE_RE.search(text) is not None


# A match's result before a name: "drew 0-0 with", "lost 2-1 to", "a 3-1 win over".
MATCH_SCORE_BEFORE_RE = re.compile(
    r"\b\d{1,2}-\d{1,2} (?:with|to|against|over|win over|defeat to|draw with|victory over) $"
)
# A match report's sides: a result's verb and one score ("beat Shabana 3-0", "Nairobi City Stars
# drew 0-0"); two or more set scores are a tennis player's ("beat Vos 6-3 6-4").
MATCH_VERB_BEFORE_RE = re.compile(
    r"\b(?:beat|beating|defeated|defeating|thrashed|edged|hammered|drew with|lost to|losing to)"
    # "beat defending champions Thép Xanh Nam Định 2-0"
    r" (?:(?:defending |reigning )?(?:champions|leaders|hosts|visitors|rivals|neighbours) )?$"
)
PIPE_SCORE_AFTER_RE = re.compile(r" ?\| \d{1,2}-\d{1,2} \|")
PIPE_SCORE_BEFORE_RE = re.compile(r"\| \d{1,2}-\d{1,2} \| $")
ONE_SCORE_AFTER_RE = re.compile(r" \d{1,2}-\d{1,2}(?![\d-])(?!,? \d{1,2}-\d)")
MATCH_VERB_AFTER_RE = re.compile(
    r" (?:drew|beat|lost|won|edged|thrashed|hammered)(?: [^\d.\n]{0,30}?)? \d{1,2}-\d{1,2}(?![\d-])"
    r"(?!,? \d{1,2}-\d)"
)


def in_match_report(text, start, end):
    """The run is a side in a match report's sentence: after a result's verb and before its
    score, or before the verb and the score, or after "drew 0-0 with"."""
    if not _has_match_scores(text) or not _MATCH_SCORE_RE.search(
        text, max(0, start - 30), end + 50
    ):
        return False
    if MATCH_SCORE_BEFORE_RE.search(text, max(0, start - 30), start):
        return True
    if PIPE_SCORE_AFTER_RE.match(text, end) or PIPE_SCORE_BEFORE_RE.search(
        text, max(0, start - 12), start
    ):
        return True  # a results table's row: "Lobi Stars | 1-0 | Nasarawa United |"
    if MATCH_VERB_BEFORE_RE.search(text, max(0, start - 20), start):
        return bool(ONE_SCORE_AFTER_RE.match(text, end))
    return bool(MATCH_VERB_AFTER_RE.match(text, end))


# A ranked rider or driver and their country before the run, their time or the line's end after
# it: "3. Lance Armstrong (U.S.) Motorola 4", "7. Damon Hill (Britain) Williams 1:55.281".
RANKED_WITH_COUNTRY_BEFORE_RE = re.compile(
    r"(?:^|\n)[ \t]*\d{1,3}\.?[ \t]+[A-Z][^\n(]{2,40}\(([A-Z][\w. ]{1,20})\)[ \t]+$"
)
TIME_OR_LINE_END_AFTER_RE = re.compile(r"[ \t]+(?:\d|all same time|same time)|[ \t]*(?:\n|$)")


def team_after_country(text, start, end):
    """The run at start..end is a rider's or a driver's team in a ranked results line, after
    their country in brackets: "3. Lance Armstrong (U.S.) Motorola 4"."""
    if text[start - 2 : start] != ") ":
        return False  # first, as nearly every run has no bracket right before it
    m = RANKED_WITH_COUNTRY_BEFORE_RE.search(text, max(0, start - 80), start)
    if m is None or not TIME_OR_LINE_END_AFTER_RE.match(text, end):
        return False
    gaz = gazetteer.load()
    maker, space, _model = text[start:end].partition(" ")
    if space and fold(maker) in company_book().firsts and fold(maker) not in gaz.lookup:
        return False  # "(Finland) Toyota Celica 2:09": a rally driver's car, a maker's model
    return isinstance(gaz.lookup.get(fold(m.group(1))), str)
