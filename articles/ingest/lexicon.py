"""Word lists the extractor uses to tell names from everything else that is capitalised.

They describe English news writing in general (titles, organisation words, function words),
never particular stories.
"""


def words(text):
    return frozenset(text.split())


# Titles and ranks that stand before a name. Multi-word titles are matched token by token.
TITLES = words(
    """President Vice Prime Minister Ministers Premier Chancellor Deputy Secretary General Senior
    Lieutenant Major Colonel Captain Commander Admiral Marshal Field Brigadier Sergeant Corporal
    Private Officer Chief Justice Judge King Queen Prince Princess Crown Emperor Empress Sheikh
    Sheik Emir Sultan Pope Cardinal Archbishop Bishop Reverend Rev Father Rabbi Imam Ayatollah
    Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Senator Representative Congressman
    Congresswoman Governor Gov Mayor Ambassador Envoy Speaker Chairman Chairwoman Chairperson Chair
    Director Spokesman Spokeswoman Spokesperson Leader Head Commissioner Councillor Councilor
    Legislator Lawmaker MP PM Acting Interim Former Foreign Defence Defense Finance Interior Justice
    State Supreme Attorney Solicitor Auditor Inspector Superintendent Constable Detective Agent
    Ayatollah Mullah Grand Crown Coach Manager Captain CEO Founder Chief Executive President-elect
    Premier-elect Opposition Party Junta Military Secretary-General Under-Secretary Undersecretary
    Minister-President Taoiseach Chancellor-elect Monsignor Patriarch Lama Dalai Deputy-Governor
    Director-General Co-leader Co-chair Ratu Tui Chief-of-Staff Mufti Grand-Duke Duke Duchess Count
    Baron Registrar Datuk Dato Datin Tun Seri Administrator Alhaji Alhaja Hajiya Rector Kgosi"""
)
# The titles of courtesy, which name a person by the surname alone ("Mr Jordan", "Dr Oman",
# "Ms Israel"): a country's or a city's name after one is a surname, never the place. Not
# "Miss", which also crowns a country's beauty queen ("Miss Poland").
COURTESY_TITLES = words("Mr Mrs Ms Mx Dr Prof Professor Sir Dame")
# Titles written short, with a full stop, before a name ("Massachusetts Gov. William Weld"); none
# is a surname, so one closing a run before ". Name" is the title, not a name's last word.
ABBREVIATED_TITLES = words(
    "Gov Rep Reps Sen Sens Gen Lt Col Sgt Capt Cmdr Adm Cpl Pte Brig Insp Supt Det Dr Mr Mrs Ms "
    "Prof Rev"
)
# Occupations, ranks and nationality nouns that stand before a name like a title ("Economist
# Alonso Cervera", "Midfielder Paulo Sousa", "Col Suvit Maenmuan", "Dutchman Richard Wisinga").
# Kept apart from TITLES, which the deck and headline readers use, since these are ordinary nouns.
ROLE_NOUNS = words(
    """Doctor Journalist Reporter Correspondent Editor Columnist Writer Novelist Author Poet
    Playwright Historian Philosopher Scientist Researcher Economist Analyst Strategist Broker
    Trader Dealer Banker Accountant Lawyer Prosecutor Barrister Attorney Notary Actor Actress
    Singer Musician Composer Conductor Painter Sculptor Artist Photographer Filmmaker Producer
    Designer Architect Engineer Businessman Businesswoman Entrepreneur Industrialist Tycoon
    Diplomat Negotiator Mediator Activist Campaigner Dissident Lobbyist Unionist Priest Pastor
    Nun Monk Sister Sisters Brother Deacon Canon Vicar Chaplain Missionary Cleric Nurse Surgeon
    Physician Pathologist Veteran Rookie Teenager Schoolboy Schoolgirl Student Pilot Astronaut
    Col Gen Lt Sgt Capt Cmdr Adm Cpl Pte Brig Rep Reps Sens Insp Supt Det
    Midfielder Striker Forward Defender Goalkeeper Keeper Winger Fullback Full-back Left-back
    Right-back Centre-back Sweeper Playmaker Substitute Trainer Skipper Batsman Batter Bowler
    Spinner Paceman Opener Wicketkeeper All-rounder Pitcher Reliever Catcher Outfielder Infielder
    Shortstop Slugger Quarterback Linebacker Jockey Rider Driver Cyclist Sprinter Swimmer
    Golfer Boxer Wrestler Champion Challenger Titleholder Holder Seed Qualifier Lock Flanker
    Prop Hooker Fly-half Scrum-half Wing Englishman Englishwoman Frenchman
    Frenchwoman Dutchman Dutchwoman Irishman Irishwoman Scotsman Scotswoman Welshman Welshwoman
    Briton Scot Pole Finn Swede Dane Turk Spaniard Kiwi Aussie Argentine Filipino Filipina
    Yorker Islamist Moderate Hardliner Nationalist Royalist Loyalist Separatist Rebel Rival
    Warlord Strongman Commander-in-chief Chief-of-staff Organiser Organizer Curator Coordinator"""
)
# Leading parts of hyphenated rankings before a name ("Third-seeded Wayne Ferreira",
# "Fourth-placed Leicestershire", "Top-ranked ...").
RANKING_SUFFIXES = ("-seeded", "-seed", "-placed", "-ranked")
# Lower-case forms of the titles, for roles written in lower case ("former president Jose ...").
TITLE_WORDS_LOWER = frozenset(t.lower() for t in TITLES) | words(
    """minister president premier chancellor leader chief general secretary spokesman spokeswoman
    spokesperson envoy ambassador king queen prince princess mayor governor senator lawmaker
    legislator director chairman chairwoman head commander dictator pope official adviser advisor
    chief-of-staff coach founder executive ceo tycoon activist dissident journalist author
    prosecutor judge lawyer"""
)
# Words that may stand in a title between "of" and the name ("Minister of Public Security").
PORTFOLIO_WORDS = words(
    """Public Security Foreign Affairs Defence Defense National Home Interior Internal External
    Finance Economy Economic Economics Trade Industry Commerce Health Education Justice Labour Labor
    Agriculture Energy Environment Culture Transport Transportation Information Digital Development
    State Homeland Veterans Treasury Welfare Social Science Technology Immigration Communications
    Mainland Overseas Relations Planning Investment Housing Tourism Sports Youth Women Family Water
    Resources Natural Mines Mineral Minerals Mining Business Enterprise Oil Petroleum Fisheries
    Forestry Land Rural Urban Regional Infrastructure Works Emergency Management Reform Revenue
    Budget Cabinet Council General Staff
    Armed Forces Army Navy Air Force Police Intelligence Commerce Industry Religious Indigenous
    Peoples Gender Equality Human Rights Climate Change Ecology Cooperation Integration European
    International Strategic Services Affairs Policy Legal Secretariat Office Ministry Department
    Bureau Administration and the for of Foreign-Affairs Security-Affairs"""
)
# Words that make a capitalised phrase an organisation, event, document or place, never a person.
# Words that open a company's name in Spanish, Portuguese, French or Italian, and no person's:
# "Compañía de Minas Buenaventura", "Grupo Bimbo", "Banca Monte dei Paschi"; a stock exchange's
# ("Borsa Italiana", "Bolsas y Mercados Argentinos"); a trade's ("Frutera Los Quillayes",
# "Central Azucarera del Este", "Naviera Ultranav"), none of them a given name or a surname.
COMPANY_OPENERS = words(
    """Banco Banca Grupo Groupe Gruppo Compañía Compania Companhia Compagnie Empresa Empresas
    Sociedad Société Societe Società Industrias Indústrias Construtora Constructora Borsa Bolsa
    Bolsas
    Frutera Minera Mineras Mineração Azucarera Pesquera Naviera Aseguradora Agroexportadora
    Exportadora Importadora Distribuidora Comercializadora Inmobiliaria Cervecería Cervejaria
    Petrolera Siderúrgica Financiera Embotelladora Farmacéutica Laboratorios Editora Alimentos
    Servicios Inversora Arrocera Cementera Vinícola Lechera"""
)
# Words that open a university's, an institute's, a foundation's, a museum's or a newspaper's
# name in other languages, and no person's: "Universidad de Chile", "Institut Pasteur", "Fundação
# Getulio Vargas", "Musée d'Orsay", "Prensa Libre", "Gazeta Wyborcza", and an exchange's
# ("Boursa Kuwait", "Borsa Italiana", "Bourse de Casablanca").
BODY_OPENERS = words(
    """Universidad Universidade Université Universität Università Universiteit Uniwersytet
    Instituto Institut Istituto Fundación Fundação Fondation Fondazione Stiftung Museo Musée
    Museu Prensa Diario Jornal Gazeta Gazzetta Corriere Escuela Escola École Cooperativa
    Sindicato Confederación Confederação Federación Federação Asociación Associação União
    Cinemateca Biblioteca Superintendencia Superintendência Boursa Borsa Bourse"""
)
# Trades that end a company's name and only end it: "Anglo Platinum", "Hanwha Shipbuilding",
# "Kestrel Haulage", "Sigma Lithium", "Beacon Refining"; in Japanese ("Kawabata Kogyo",
# "Sumitomo Kagaku"), German ("Salzgitter Werke") and Turkish ("Ziraat Bankası") too, the
# brothers who founded a firm ("Moreno Hermanos"), and the commodities a firm grows or makes
# ("Dangote Cement", "Sime Darby Plantations"; not "Energy", "Oil" or "Gas", which end
# ministers' portfolios and markets: "Saudi Energy Minister", "Natural Gas"). None is a given
# name or a common surname: a name with one of them is never a person's.
TRADE_WORDS = words(
    """Platinum Materials Shipyard Shipbuilding Construction Builders Maritime Research Energies
    Enerji Sekuritas Lithium Manganese Cobalt Uranium Graphite Haulage Freight Markets Managers
    Communications Enterprises Breweries Brewery Textiles Tannery Cables Realty Properties Foods
    Sciences Studios Publishing Avionics Microelectronics Semiconductor Semiconductors Software
    Robotics Biotech Automotive Engineering Transit Management Distillers Bottlers Beverages
    Minerals Leasing Aviation Tankers Dynamics Fashions Garments Apparels Knitwear
    Kogyo Sangyo Denki Denko Seisakusho Kensetsu Seiyaku Tekko Kaiun Kisen Shoken Sekiyu
    Unyu Tsushin Shokuhin Boseki Kagaku Jidosha Zosen Kinzoku Kasei
    Werke Chemie Elektronik Versicherung Versicherungen Brauerei Logistik Immobilien
    Hermanos Irmãos Frères Fratelli
    Cement Sugar Tobacco Plantations Telecoms Fertilizers Fertilisers Dairy Seafood Poultry Pharma
    Cocoa Rubber Timber Coffee Refinery Refineries Ratings Ammonia Labs Credit Valores Børs
    Renewables Therapeutics Networks Midstream Generation Products Advisers Advisors Mutual
    Biologics Solar Transport Agri Sondagens Airline Refining Bankası"""
)
# Legal forms that close a company's name under other countries' laws: those of cleanco's list
# of legal terms (the field's, by country) that are no English word, given name or other
# abbreviation ("Stg" is sterling, "Cpt" a captain, "SAS" an airline): "Serra Verde Ltda",
# "Nordvind Kabel A/S", "Talis Kft", "Brenner KGaA", "Orrin Partners LLP".
LEGAL_FORMS_ABROAD = words(
    """Ltda LTDA Lda Kft Zrt Nyrt KGaA ApS A/S K/S I/S P/S SARL Sarl S.A.R.L. EURL SASU SRL Srl
    S.R.L. BVBA VZW VOF SPRL SICAV SAE SAOC SAOG UAB TOV Pte PLLC LLLP L.L.C. L.L.P. P.L.C. LLP"""
)
ORG_WORDS = (
    COMPANY_OPENERS
    | BODY_OPENERS
    | LEGAL_FORMS_ABROAD
    | TRADE_WORDS
    | words(
        """Party Parties Communist Socialist Democratic Democrats Republican Republicans Labour
    Liberal Conservative Conservatives Green Greens Front Movement Alliance Coalition Union Unions
    League Association Federation Confederation Committee Commission Council Assembly Parliament
    Congress Senate House Chamber Cabinet Government Ministry Department Bureau Agency Office
    Authority Administration Service Services Force Forces Army Navy Guard Guards Police Command
    Corps Brigade Battalion Regiment Militia Court Tribunal Bank Fund Foundation Institute
    Institution University College School Academy Hospital Clinic Centre Center Museum Library
    Church Temple Mosque Cathedral Company Corporation Corp Inc Ltd Group Holdings Airlines Airways
    Motors Electronics Energy Oil Gas Petroleum Telecom Systems Technologies Industries Partners
    Capital Holding Chemical Chemicals Aerospace Defence Defense Technics Savings Investments
    Ventures Klinik Kliniken Lig Liga Ligue Times Post News Herald Journal Daily Tribune Gazette
    Review Press Television TV Radio Network Agency Broadcasting Initiative Programme Program Plan
    Project Strategy Treaty Accord Accords Agreement Pact Declaration Convention Charter Protocol
    Act Constitution Summit Forum Conference Games Olympics Olympic Cup Championship Championships
    League Premiership Prize Prix Slam Slams Award Awards Festival Expo Week Day Year Island Islands
    Strait Straits Sea Ocean Gulf Bay River Lake Mountain Mountains Mount Valley Desert Peninsula
    Point Heights Lagoon Atoll Isthmus Boulevard Esplanade Promenade Parkway Volcano
    Province Provinces Region Prefecture County District State States City Town Village Square
    Street Road Avenue Bridge Port Airport Station Palace Hall Tower Stadium Park Harbour Harbor
    Canal Coast Basin Plateau Delta Highway Corridor Zone Base Camp Prison Embassy Consulate Mission
    Organisation Organization Nations Secretariat Register Exchange Market Index Reserve Revolution
    War Wars Crisis Spring Uprising Operation Doctrine Thought Dynasty Empire Kingdom Republic
    Federation Emirate Caliphate Weibo Twitter Facebook Instagram TikTok YouTube Telegram WhatsApp
    Google Microsoft Apple Amazon Meta Club FC United Rovers Athletic Society Trust Council Board
    Panel Network Watch International Amnesty Oxfam Red Cross Crescent Brotherhood Taliban Hamas
    Hezbollah Houthis Houthi Junta Interpol Europol NATO Observatory Mall Hotel Resort Building
    Centre Complex Institute Lab Laboratories Laboratory Pharmaceuticals Pharma Motors Motor Steel
    Mining Shipping Logistics Dam Plant Mine Refinery Pipeline Co Co. Corp. plc PLC LLC Ltd. Inc. AG
    GmbH Berhad Bhd Sachs Hurricane Cyclone Typhoon Storm Tropical Tempest Newsroom Newsdesk Desk
    Plc Oy Oyj AB ASA SA S.A. NV N.V. BV B.V. SpA S.p.A. Tbk Assn Assoc Stores Brothers Securities
    Investments Insurance Assurance Bancorp Bancshares Financial Pictures Studios Records
    Publications Publishing Airways Railways Semiconductor Semiconductors Microsystems Software
    Pharmaceutical Chemicals Cement Textiles Mills Restaurants Apparel Jewellers Foods Breweries
    Brewery Motors Automotive Aviation Aerospace Telecommunications Communications Electric Power
    Utilities Resources Minerals Metals Petroleum Exploration Realty Properties Estates Trust Trusts
    Churches Sciences Carnival Concerto Suite Reef Junction Unit Receipts"""
    )
)
# Words that close a company's name ("Sierra Semiconductor Corp", "Salomon Brothers Inc"): the
# words before one name the firm wherever else the story writes them alone.
# Legal forms written before a company's name: Indonesia's "PT", Russia's "OAO", "ZAO", "RAO".
LEGAL_FORMS_BEFORE = words("PT OAO ZAO PAO RAO OOO JSC PJSC OJSC CJSC")
COMPANY_WORDS = LEGAL_FORMS_ABROAD | words(
    """Inc Corp Co Cos Ltd Plc PLC plc LLC LLP SA AG NV Oy Oyj AB ASA SpA BV GmbH Bhd Berhad Tbk
    Group Holdings Holding Securities Brothers Bank Capital Partners Associates Stores Pictures
    Airlines Airways Motors Industries Corporation Company Limited Incorporated Bancorp"""
)
# Wire agencies: they open a story's credit line ("Reuters -", "By AFP"), not a person's name.
WIRE_AGENCIES = words("Reuters AP AFP Bloomberg Xinhua Kyodo Yonhap CNA")
# Capitalised words that begin sentences or clauses and are never part of a name.
FUNCTION_WORDS = WIRE_AGENCIES | words(
    """The A An This That These Those It Its He She They We I You His Her Their Our My Your Him Them
    There Here Who Whom Whose Which What When Where Why How If Whether Though Although Because As
    At By For From In Into Of On Onto To With Without Within About Above Across After Against Along
    Amid Among Around Before Behind Below Beneath Beside Between Beyond But And Or Nor Yet So
    Despite During Except Inside Like Near Off Outside Over Past Per Since Through Throughout Toward
    Towards Under Until Unlike Up Upon Via While Also Still Now Then Later Earlier Last Next First
    Second Third Some Many Most Several Both Each Every All Any No Not Neither Either Other Another
    Such Only Even Just However Meanwhile Moreover Furthermore Instead Nevertheless Nonetheless
    Indeed Meanwhile Separately Overall Previously Currently Recently Already Finally Yesterday
    Today Tomorrow Tonight Speaking According Asked Asking Following Including Regarding Citing
    Reporting Additional Reporting Editing Writing Mr Mrs Ms Dr Sources Officials Police Analysts
    Critics Residents Witnesses Authorities Supporters Protesters Experts Observers Voters Lawmakers
    Government Opposition Ruling State Federal National Local Regional Global International
    Western Eastern Northern Southern Central Former Acting Deputy Vice Interim Senior Junior
    Breaking Update Updated Exclusive Analysis Opinion Editorial Photo Photos Video Staff Writer
    Writers Correspondent Contributor Edited
    Once Twice Over Nearly Almost About Around More Less Few Much Other Others Together Already
    Yes No Oh Well Please Thanks Dear Hello Open Public Private Joint Foreign Domestic Official
    Unofficial Federal Chief Should Would Could Must Might Shall Did Does Do Has Have Had Is Are
    Was Were Again Elsewhere Thus Hence Likewise Otherwise Therefore Besides Afterwards Anyway"""
)
# A weekday never ends an organisation's name: "the Securities and Exchange Commission Wednesday".
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# (Auxiliaries that are also given names stay out: "Will", "May", "Can".)
# (Only the abbreviations that are never name parts: "Jan", "Jun", "Sun" and "Thu" are names.)
DAYS_MONTHS = WEEKDAYS | words(
    """January February March April June July August September October November December Christmas
    Easter Ramadan Eid Diwali Hanukkah Passover Lunar New Year Thanksgiving Halloween Independence
    Memorial Labor Labour Victory Day Spring Summer Autumn Winter Fall Feb Apr Aug Sept Oct Nov
    Dec Tues Thurs"""
)
# Words that end a date ("on Monday", "at Easter", "on Labour Day"). A holiday's first word is
# not one: it names fields and opens names too ("Ministry of Health, Labour and Welfare", "the
# Democratic Labour Party", "the Independence Party"), and its "Day" ends the date.
DATE_ENDS = DAYS_MONTHS - words("Labor Labour Independence Memorial Victory Lunar New")
# Lower-case particles inside names (Lula da Silva, Ursula von der Leyen, Mohammed bin Salman).
NAME_PARTICLES = words(
    """da de do dos das di del della dal dalla dei degli van von vom zu der den ter la le los las
    dela bin bint ibn al el abu ben y e du des wa anak af"""
)
# Lower-case words inside the names of bodies, never of people: "Unión por la Patria", "Agir
# Ensemble pour les Droits de l'Homme", "Ferrovie dello Stato Italiane".
BODY_PARTICLES = words("por para pour les dello delle")
NAME_SUFFIXES = words("Jr Jr. Sr Sr. II III IV")
# Ordinary words often capitalised inside names of institutions, events and things; a candidate
# made only of these (or of words built like them) is not a person's name.
COMMON_CAPITALISED = frozenset(
    w.lower()
    for w in words(
        """Research Space Control Disease Benchmark Budget Community Economic Development
        Legislative Executive Judicial Constitutional Supreme Federal Support Security Sunrise Field
        Basin Project Sunrise Crude Brent Power Energy Climate Trade Market Stock Index Bond Growth
        Peace Freedom Justice Liberty Unity Hope Victory Future Progress Reform Renewal Change
        Action Solidarity Global World Earth Ocean Blue Green Red White Black Golden Silver Royal
        Imperial Civil Civic National People People's Popular Democratic Republican Liberal
        Socialist Workers Labour Independent United Union Joint Allied Pacific Atlantic Arctic
        Digital Smart Open Free New Old Great Grand Supreme High Higher Low Middle Human Natural
        Public Private Special Strategic Emergency Rapid Response Relief Rescue Recovery Budget
        Responsibility Finance Fiscal Monetary Central Mission Operation Task Force Team Board Panel
        Council Office Court Treaty Summit"""
    )
)
# Words that make a phrase a document, an institution or a place only when they close it
# ("Finance Bill", "Woodlands Nursing Home", "Prince William Sound"), since they also open names
# ("Bill Clinton") or are ordinary words.
ORG_FINAL_WORDS = words(
    "Bill Law Code Act Acts Rule Rules Order Decree Home Rate Sound Abbey Priory Monastery Maru"
    " Area Zone"
)
# Religions, creeds and peoples as adjectives: a phrase holding one is a group, never a person
# ("Roman Catholic missionaries", "Christian Maronite Patriarch", "Tamil Tiger rebels").
CREED_WORDS = words(
    """Catholic Catholics Protestant Protestants Anglican Evangelical Lutheran Methodist Baptist
    Presbyterian Orthodox Maronite Coptic Muslim Muslims Moslem Moslems Islamic Jewish Jews Hindu
    Hindus Buddhist Buddhists Sikh Sikhs Sunni Sunnis Shiite Shiites Shi'ite Shi'ites Alawite Druze
    Kurdish Kurds Kurd Tamil Tamils Basque Basques Pashtun Tutsi Hutu Chechen Chechens Tuareg
    Tuaregs Uighur Uighurs Uyghur Uyghurs Rohingya Baloch Oromo Amhara Fulani Tigrayan Berber
    Berbers Bedouin"""
)
# Articles of other languages that open names of newspapers, parties and places, not people.
FOREIGN_ARTICLES = words("El La Le Les Los Las Il Lo Der Die Das Den De Het Te Ta")
# Words that open place names ("North Kivu", "Puerto Princesa", "Kuala Lumpur"), never a person's.
PLACE_PREFIXES = words(
    """North South East West Northern Southern Eastern Western Upper Lower Central Greater Inner
    Outer Puerto Porto Port Pointe Punta San Santa Santo São Sao Saint St Sainte Ciudad Villa
    Fort Mount Lake Cape Bahía Bahia Rio Río Nueva Nuevo Novo Nova Bandar Kota Kuala Ras Wadi
    Tel Kafr Bir"""
)
# "near Debre Berhan", "the province of ...": what stands before a place, not a person.
PLACE_WORDS_BEFORE = words("near outside toward towards")
# Things named after a lower-case noun ("the ferry Trident Seven"): not people, not organisations.
THING_NOUNS_BEFORE = words(
    """ship vessel tanker ferry freighter dredger trawler tug barge paper network station team
    horse colt filly mare gelding stallion drillship rig yacht submarine frigate warship
    destroyer icebreaker"""
)
# Prefixes of ships' names: "the MV Ocean Dawn", "HMS Argyll" (not "SS Lazio" nor "MS Society").
VESSEL_PREFIXES = words("MV FV RV HMS USS HMAS HMCS")
PLACE_NOUNS_BEFORE_OF = words(
    """city town village province region district state capital port island county settlement
    suburb municipality commune hamlet township neighbourhood neighborhood cape gulf bay"""
)
# Endings of ordinary English words ("Development", "Security"), rare at the end of a name.
WORD_SUFFIXES = tuple(
    """tion sion ment ity ive ance ence ship ness ical ism ogy ics ative ure ary ory ous able ible
    ing ist ists ers ies ful less ward wards""".split()  # noqa: SIM905 (reads like the lists above)
)
# Lower-case words that may open or stand inside a role written before a name ("former defence
# minister", "then-army chief").
ROLE_MODIFIERS = words(
    """former late acting deputy vice then ex prime foreign defence defense senior top chief
    opposition army military interim outgoing incoming newly elected veteran"""
)
