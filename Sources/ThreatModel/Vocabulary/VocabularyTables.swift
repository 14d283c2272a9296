/// Raw vocabulary tables, parsed once by `Vocabulary`; pipe-separated, one entry per line.
package enum VocabularyTables {
    /// ISO 3166-1 alpha-2 code|English short name|short label (max 9 chars)|STIX region-ov sub-region id|alternative names separated by ';' (may be empty)
    package static let countries = """
    AD|Andorra|Andorra|southern-europe|
    AE|United Arab Emirates|UAE|western-asia|UAE;U.A.E.;Emirates
    AF|Afghanistan|Afghan.|southern-asia|
    AG|Antigua and Barbuda|Antigua|caribbean|
    AI|Anguilla|Anguilla|caribbean|
    AL|Albania|Albania|southern-europe|
    AM|Armenia|Armenia|western-asia|
    AO|Angola|Angola|middle-africa|
    AQ|Antarctica|Antarctic|antarctica|
    AR|Argentina|Argentina|south-america|
    AS|American Samoa|Am. Samoa|polynesia|
    AT|Austria|Austria|western-europe|
    AU|Australia|Australia|australia-new-zealand|
    AW|Aruba|Aruba|caribbean|
    AX|Aland Islands|Aland|northern-europe|Åland Islands
    AZ|Azerbaijan|Azerbaij.|western-asia|
    BA|Bosnia and Herzegovina|Bosnia|southern-europe|
    BB|Barbados|Barbados|caribbean|
    BD|Bangladesh|Banglad.|southern-asia|
    BE|Belgium|Belgium|western-europe|
    BF|Burkina Faso|Burkina|western-africa|
    BG|Bulgaria|Bulgaria|eastern-europe|
    BH|Bahrain|Bahrain|western-asia|
    BI|Burundi|Burundi|eastern-africa|
    BJ|Benin|Benin|western-africa|
    BL|Saint Barthelemy|St Barth|caribbean|Saint Barthélemy
    BM|Bermuda|Bermuda|northern-america|
    BN|Brunei|Brunei|south-eastern-asia|Brunei Darussalam
    BO|Bolivia|Bolivia|south-america|Bolivia (Plurinational State of);Plurinational State of Bolivia
    BQ|Bonaire, Sint Eustatius and Saba|Bonaire|caribbean|Bonaire, Saint Eustatius and Saba;Caribbean Netherlands
    BR|Brazil|Brazil|south-america|
    BS|Bahamas|Bahamas|caribbean|The Bahamas
    BT|Bhutan|Bhutan|southern-asia|
    BV|Bouvet Island|Bouvet|south-america|
    BW|Botswana|Botswana|southern-africa|
    BY|Belarus|Belarus|eastern-europe|
    BZ|Belize|Belize|central-america|
    CA|Canada|Canada|northern-america|
    CC|Cocos (Keeling) Islands|Cocos|australia-new-zealand|Cocos Islands;Keeling Islands
    CD|DR Congo|DR Congo|middle-africa|Democratic Republic of the Congo;Congo (Democratic Republic of the);DRC;Congo-Kinshasa;Zaire
    CF|Central African Republic|CAR|middle-africa|
    CG|Congo|Congo|middle-africa|Republic of the Congo;Congo-Brazzaville;Congo Republic
    CH|Switzerland|Switz.|western-europe|
    CI|Ivory Coast|Ivory Cst|western-africa|Côte d'Ivoire;Côte d’Ivoire;Cote d'Ivoire
    CK|Cook Islands|Cook Isl.|polynesia|
    CL|Chile|Chile|south-america|
    CM|Cameroon|Cameroon|middle-africa|
    CN|China|China|eastern-asia|People's Republic of China;PRC;Mainland China
    CO|Colombia|Colombia|south-america|
    CR|Costa Rica|Costa R.|central-america|
    CU|Cuba|Cuba|caribbean|
    CV|Cabo Verde|Cabo V.|western-africa|Cape Verde
    CW|Curacao|Curacao|caribbean|Curaçao
    CX|Christmas Island|Christmas|australia-new-zealand|
    CY|Cyprus|Cyprus|western-asia|
    CZ|Czechia|Czechia|eastern-europe|Czech Republic
    DE|Germany|Germany|western-europe|Federal Republic of Germany
    DJ|Djibouti|Djibouti|eastern-africa|
    DK|Denmark|Denmark|northern-europe|
    DM|Dominica|Dominica|caribbean|
    DO|Dominican Republic|Dom. Rep.|caribbean|
    DZ|Algeria|Algeria|northern-africa|
    EC|Ecuador|Ecuador|south-america|
    EE|Estonia|Estonia|northern-europe|
    EG|Egypt|Egypt|northern-africa|
    EH|Western Sahara|W. Sahara|northern-africa|
    ER|Eritrea|Eritrea|eastern-africa|
    ES|Spain|Spain|southern-europe|
    ET|Ethiopia|Ethiopia|eastern-africa|
    FI|Finland|Finland|northern-europe|
    FJ|Fiji|Fiji|melanesia|
    FK|Falkland Islands|Falklands|south-america|Falkland Islands (Malvinas);Malvinas
    FM|Micronesia|Micrones.|micronesia|Federated States of Micronesia;Micronesia (Federated States of)
    FO|Faroe Islands|Faroes|northern-europe|
    FR|France|France|western-europe|
    GA|Gabon|Gabon|middle-africa|
    GB|United Kingdom|UK|northern-europe|United Kingdom of Great Britain and Northern Ireland;UK;U.K.;Great Britain;Britain;England;Scotland;Wales;Northern Ireland
    GD|Grenada|Grenada|caribbean|
    GE|Georgia|Georgia|western-asia|
    GF|French Guiana|F. Guiana|south-america|
    GG|Guernsey|Guernsey|northern-europe|
    GH|Ghana|Ghana|western-africa|
    GI|Gibraltar|Gibraltar|southern-europe|
    GL|Greenland|Greenland|northern-america|
    GM|Gambia|Gambia|western-africa|The Gambia
    GN|Guinea|Guinea|western-africa|
    GP|Guadeloupe|Guadel.|caribbean|
    GQ|Equatorial Guinea|Eq.Guinea|middle-africa|
    GR|Greece|Greece|southern-europe|
    GS|South Georgia and the South Sandwich Islands|S.Georgia|south-america|
    GT|Guatemala|Guatemala|central-america|
    GU|Guam|Guam|micronesia|
    GW|Guinea-Bissau|G.-Bissau|western-africa|
    GY|Guyana|Guyana|south-america|
    HK|Hong Kong|Hong Kong|eastern-asia|Hong Kong SAR;Hong Kong, China;China, Hong Kong Special Administrative Region
    HM|Heard Island and McDonald Islands|Heard I.|australia-new-zealand|
    HN|Honduras|Honduras|central-america|
    HR|Croatia|Croatia|southern-europe|
    HT|Haiti|Haiti|caribbean|
    HU|Hungary|Hungary|eastern-europe|
    ID|Indonesia|Indonesia|south-eastern-asia|
    IE|Ireland|Ireland|northern-europe|
    IL|Israel|Israel|western-asia|
    IM|Isle of Man|I. of Man|northern-europe|
    IN|India|India|southern-asia|
    IO|British Indian Ocean Territory|BIOT|eastern-africa|BIOT;Chagos Islands
    IQ|Iraq|Iraq|western-asia|
    IR|Iran|Iran|southern-asia|Iran (Islamic Republic of);Islamic Republic of Iran;Iran, Islamic Republic of;Persia
    IS|Iceland|Iceland|northern-europe|
    IT|Italy|Italy|southern-europe|
    JE|Jersey|Jersey|northern-europe|
    JM|Jamaica|Jamaica|caribbean|
    JO|Jordan|Jordan|western-asia|
    JP|Japan|Japan|eastern-asia|
    KE|Kenya|Kenya|eastern-africa|
    KG|Kyrgyzstan|Kyrgyz.|central-asia|
    KH|Cambodia|Cambodia|south-eastern-asia|
    KI|Kiribati|Kiribati|micronesia|
    KM|Comoros|Comoros|eastern-africa|
    KN|Saint Kitts and Nevis|St Kitts|caribbean|
    KP|North Korea|N. Korea|eastern-asia|Korea (Democratic People's Republic of);Democratic People's Republic of Korea;Korea, Democratic People's Republic of;DPRK;D.P.R.K.;Korea, North
    KR|South Korea|S. Korea|eastern-asia|Korea (Republic of);Republic of Korea;Korea, Republic of;ROK;Korea, South
    KW|Kuwait|Kuwait|western-asia|
    KY|Cayman Islands|Cayman|caribbean|
    KZ|Kazakhstan|Kazakh.|central-asia|
    LA|Laos|Laos|south-eastern-asia|Lao People's Democratic Republic;Lao PDR
    LB|Lebanon|Lebanon|western-asia|Lebonon
    LC|Saint Lucia|St Lucia|caribbean|
    LI|Liechtenstein|Liecht.|western-europe|
    LK|Sri Lanka|Sri Lanka|southern-asia|
    LR|Liberia|Liberia|western-africa|
    LS|Lesotho|Lesotho|southern-africa|
    LT|Lithuania|Lithuania|northern-europe|
    LU|Luxembourg|Luxembrg|western-europe|
    LV|Latvia|Latvia|northern-europe|
    LY|Libya|Libya|northern-africa|Libyan Arab Jamahiriya
    MA|Morocco|Morocco|northern-africa|
    MC|Monaco|Monaco|western-europe|
    MD|Moldova|Moldova|eastern-europe|Republic of Moldova;Moldova, Republic of
    ME|Montenegro|Monteneg.|southern-europe|
    MF|Saint Martin|St Martin|caribbean|Saint Martin (French part);Saint-Martin
    MG|Madagascar|Madagasc.|eastern-africa|
    MH|Marshall Islands|Marshall|micronesia|
    MK|North Macedonia|N. Maced.|southern-europe|Macedonia;Republic of North Macedonia;The former Yugoslav Republic of Macedonia;FYROM
    ML|Mali|Mali|western-africa|
    MM|Myanmar|Myanmar|south-eastern-asia|Burma
    MN|Mongolia|Mongolia|eastern-asia|
    MO|Macao|Macao|eastern-asia|Macau;Macao SAR;China, Macao Special Administrative Region
    MP|Northern Mariana Islands|N.Mariana|micronesia|
    MQ|Martinique|Martiniq.|caribbean|
    MR|Mauritania|Mauritan.|western-africa|
    MS|Montserrat|Montserr.|caribbean|
    MT|Malta|Malta|southern-europe|
    MU|Mauritius|Mauritius|eastern-africa|
    MV|Maldives|Maldives|southern-asia|
    MW|Malawi|Malawi|eastern-africa|
    MX|Mexico|Mexico|central-america|
    MY|Malaysia|Malaysia|south-eastern-asia|
    MZ|Mozambique|Mozambiq.|eastern-africa|
    NA|Namibia|Namibia|southern-africa|
    NC|New Caledonia|New Cal.|melanesia|
    NE|Niger|Niger|western-africa|
    NF|Norfolk Island|Norfolk|australia-new-zealand|
    NG|Nigeria|Nigeria|western-africa|
    NI|Nicaragua|Nicaragua|central-america|
    NL|Netherlands|Netherl.|western-europe|The Netherlands;Holland;Kingdom of the Netherlands
    NO|Norway|Norway|northern-europe|
    NP|Nepal|Nepal|southern-asia|
    NR|Nauru|Nauru|micronesia|
    NU|Niue|Niue|polynesia|
    NZ|New Zealand|NZ|australia-new-zealand|
    OM|Oman|Oman|western-asia|
    PA|Panama|Panama|central-america|
    PE|Peru|Peru|south-america|
    PF|French Polynesia|Fr. Polyn|polynesia|
    PG|Papua New Guinea|PNG|melanesia|
    PH|Philippines|Philipp.|south-eastern-asia|The Philippines
    PK|Pakistan|Pakistan|southern-asia|
    PL|Poland|Poland|eastern-europe|
    PM|Saint Pierre and Miquelon|St Pierre|northern-america|
    PN|Pitcairn|Pitcairn|polynesia|Pitcairn Islands
    PR|Puerto Rico|Puerto R.|caribbean|
    PS|Palestine|Palestine|western-asia|State of Palestine;Palestine, State of;Palestinian Territory;Palestinian Territories;Occupied Palestinian Territory;Gaza;Gaza Strip;West Bank
    PT|Portugal|Portugal|southern-europe|
    PW|Palau|Palau|micronesia|
    PY|Paraguay|Paraguay|south-america|
    QA|Qatar|Qatar|western-asia|
    RE|Reunion|Reunion|eastern-africa|Réunion
    RO|Romania|Romania|eastern-europe|
    RS|Serbia|Serbia|southern-europe|
    RU|Russia|Russia|eastern-europe|Russian Federation
    RW|Rwanda|Rwanda|eastern-africa|
    SA|Saudi Arabia|Saudi|western-asia|Kingdom of Saudi Arabia;KSA
    SB|Solomon Islands|Solomon|melanesia|
    SC|Seychelles|Seychell.|eastern-africa|
    SD|Sudan|Sudan|northern-africa|
    SE|Sweden|Sweden|northern-europe|
    SG|Singapore|Singapore|south-eastern-asia|
    SH|Saint Helena|St Helena|western-africa|Saint Helena, Ascension and Tristan da Cunha
    SI|Slovenia|Slovenia|southern-europe|
    SJ|Svalbard and Jan Mayen|Svalbard|northern-europe|Svalbard and Jan Mayen Islands
    SK|Slovakia|Slovakia|eastern-europe|
    SL|Sierra Leone|Sierra L.|western-africa|
    SM|San Marino|S. Marino|southern-europe|
    SN|Senegal|Senegal|western-africa|
    SO|Somalia|Somalia|eastern-africa|
    SR|Suriname|Suriname|south-america|
    SS|South Sudan|S. Sudan|eastern-africa|
    ST|Sao Tome and Principe|Sao Tome|middle-africa|
    SV|El Salvador|El Salv.|central-america|
    SX|Sint Maarten|S.Maarten|caribbean|Sint Maarten (Dutch part)
    SY|Syria|Syria|western-asia|Syrian Arab Republic
    SZ|Eswatini|Eswatini|southern-africa|Swaziland
    TC|Turks and Caicos Islands|Turks/Cai|caribbean|
    TD|Chad|Chad|middle-africa|
    TF|French Southern Territories|Fr. South|eastern-africa|French Southern and Antarctic Lands
    TG|Togo|Togo|western-africa|
    TH|Thailand|Thailand|south-eastern-asia|
    TJ|Tajikistan|Tajik.|central-asia|
    TK|Tokelau|Tokelau|polynesia|
    TL|Timor-Leste|Timor-L.|south-eastern-asia|Timor Leste;East Timor
    TM|Turkmenistan|Turkmen.|central-asia|
    TN|Tunisia|Tunisia|northern-africa|
    TO|Tonga|Tonga|polynesia|
    TR|Turkey|Turkey|western-asia|Türkiye;Turkiye;Republic of Türkiye
    TT|Trinidad and Tobago|Trinidad|caribbean|
    TV|Tuvalu|Tuvalu|polynesia|
    TW|Taiwan|Taiwan|eastern-asia|Republic of China;ROC;Taiwan, Province of China;Chinese Taipei
    TZ|Tanzania|Tanzania|eastern-africa|United Republic of Tanzania;Tanzania, United Republic of
    UA|Ukraine|Ukraine|eastern-europe|
    UG|Uganda|Uganda|eastern-africa|
    UM|United States Minor Outlying Islands|US Minor|micronesia|U.S. Minor Outlying Islands
    US|United States|US|northern-america|United States of America;USA;U.S.A.;US;U.S.
    UY|Uruguay|Uruguay|south-america|
    UZ|Uzbekistan|Uzbek.|central-asia|
    VA|Vatican City|Vatican|southern-europe|Holy See;Vatican
    VC|Saint Vincent and the Grenadines|St Vinc.|caribbean|
    VE|Venezuela|Venezuela|south-america|Venezuela (Bolivarian Republic of);Bolivarian Republic of Venezuela
    VG|British Virgin Islands|BVI|caribbean|Virgin Islands (British)
    VI|U.S. Virgin Islands|USVI|caribbean|United States Virgin Islands;Virgin Islands (U.S.);US Virgin Islands
    VN|Vietnam|Vietnam|south-eastern-asia|Viet Nam
    VU|Vanuatu|Vanuatu|melanesia|
    WF|Wallis and Futuna|Wallis|polynesia|Wallis and Futuna Islands
    WS|Samoa|Samoa|polynesia|
    XK|Kosovo|Kosovo|southern-europe|
    YE|Yemen|Yemen|western-asia|
    YT|Mayotte|Mayotte|eastern-africa|
    ZA|South Africa|S. Africa|southern-africa|
    ZM|Zambia|Zambia|eastern-africa|
    ZW|Zimbabwe|Zimbabwe|eastern-africa|
    """
    /// STIX region-ov id|display name|short label (max 11 chars)|parent region id or empty
    package static let regions = """
    world|World|World|
    africa|Africa|Africa|world
    eastern-africa|Eastern Africa|E. Africa|africa
    middle-africa|Middle Africa|Mid Africa|africa
    northern-africa|Northern Africa|N. Africa|africa
    southern-africa|Southern Africa|Sthn Africa|africa
    western-africa|Western Africa|W. Africa|africa
    americas|Americas|Americas|world
    caribbean|Caribbean|Caribbean|latin-america-caribbean
    central-america|Central America|C. America|latin-america-caribbean
    latin-america-caribbean|Latin America and the Caribbean|LatAm/Carib|americas
    northern-america|Northern America|N. America|americas
    south-america|South America|S. America|latin-america-caribbean
    asia|Asia|Asia|world
    central-asia|Central Asia|C. Asia|asia
    eastern-asia|Eastern Asia|E. Asia|asia
    southern-asia|Southern Asia|S. Asia|asia
    south-eastern-asia|South-eastern Asia|SE Asia|asia
    western-asia|Western Asia|W. Asia|asia
    europe|Europe|Europe|world
    eastern-europe|Eastern Europe|E. Europe|europe
    northern-europe|Northern Europe|N. Europe|europe
    southern-europe|Southern Europe|S. Europe|europe
    western-europe|Western Europe|W. Europe|europe
    oceania|Oceania|Oceania|world
    antarctica|Antarctica|Antarctica|world
    australia-new-zealand|Australia and New Zealand|Aus/NZ|oceania
    melanesia|Melanesia|Melanesia|oceania
    micronesia|Micronesia|Micronesia|oceania
    polynesia|Polynesia|Polynesia|oceania
    """
    /// sector id|display name|short label (max 14 chars)|parent sector id or empty
    package static let sectors = """
    agriculture|Agriculture|Agriculture|
    aerospace|Aerospace|Aerospace|
    automotive|Automotive|Automotive|
    chemical|Chemical|Chemical|
    commercial|Commercial|Commercial|
    communications|Communications|Communications|
    construction|Construction|Construction|
    defense|Defense|Defense|
    education|Education|Education|
    energy|Energy|Energy|
    entertainment|Entertainment|Entertainment|
    financial-services|Financial services|Financial|
    government|Government|Government|
    government-emergency-services|Emergency services|Emergency svcs|government
    government-local|Local government|Local gov|government
    government-national|National government|National gov|government
    government-public-services|Public services|Public svcs|government
    government-regional|Regional government|Regional gov|government
    healthcare|Healthcare|Healthcare|
    hospitality-leisure|Hospitality and leisure|Hospitality|
    infrastructure|Infrastructure|Infrastructure|
    infrastructure-dams|Dams|Dams|infrastructure
    infrastructure-nuclear|Nuclear|Nuclear|infrastructure
    infrastructure-water|Water|Water|infrastructure
    insurance|Insurance|Insurance|
    manufacturing|Manufacturing|Manufacturing|
    mining|Mining|Mining|
    non-profit|Non-profit|Non-profit|
    pharmaceuticals|Pharmaceuticals|Pharma|
    retail|Retail|Retail|
    technology|Technology|Technology|
    telecommunications|Telecommunications|Telecoms|
    transportation|Transportation|Transport|
    utilities|Utilities|Utilities|
    ai-research|AI research|AI research|technology
    semiconductors|Semiconductors|Semiconductors|technology
    cloud|Cloud|Cloud|technology
    software|Software|Software|technology
    it-services|IT services|IT services|technology
    cryptocurrency|Cryptocurrency|Crypto|financial-services
    diplomacy|Diplomacy|Diplomacy|government
    military|Military|Military|defense
    defense-industrial-base|Defense industrial base|Defense ind.|defense
    oil-gas|Oil and gas|Oil & gas|energy
    aviation|Aviation|Aviation|transportation
    maritime|Maritime|Maritime|transportation
    logistics|Logistics|Logistics|transportation
    rail|Rail|Rail|transportation
    gaming|Gaming and gambling|Gaming|entertainment
    media|Media|Media|
    civil-society|Civil society|Civil society|
    legal|Legal|Legal|
    research|Research|Research|
    other|Other|Other|
    """
    /// spelling as found in data (any case; compared case-insensitively after trimming and collapsing spaces)|sector id
    package static let sectorSynonyms = """
    Agribusiness|agriculture
    Farming|agriculture
    Food|agriculture
    Food and agriculture|agriculture
    Food and beverage|agriculture
    Aerospace and defence|aerospace
    Aerospace and defense|aerospace
    Satellite|aerospace
    Satellite navigation|aerospace
    Satellites|aerospace
    Space|aerospace
    Automobile|automotive
    Automotive industry|automotive
    Car manufacturers|automotive
    Chemical industry|chemical
    Chemicals|chemical
    Advertising|commercial
    Business|commercial
    Businesses|commercial
    Consulting|commercial
    Employment|commercial
    Marketing|commercial
    Private sector|commercial
    Professional services|commercial
    Services|commercial
    Trade|commercial
    Broadcasting|communications
    Communication|communications
    Communication equipment|communications
    Civil engineering|construction
    Defence|defense
    Defense sector|defense
    National security|defense
    Academia|education
    Academia - University|education
    Academic|education
    Higher education|education
    K-12|education
    Schools|education
    Universities|education
    University|education
    Energy Company|energy
    Energy sector|energy
    Power|energy
    Power generation|energy
    Turbine|energy
    Arts|entertainment
    Culture|entertainment
    Film|entertainment
    Music|entertainment
    Sport|entertainment
    Sports|entertainment
    Streaming service|entertainment
    Accounting|financial-services
    Bank|financial-services
    Banking|financial-services
    Banks|financial-services
    Finance|financial-services
    Financial|financial-services
    Financial sector|financial-services
    Financial Services|financial-services
    FinTech|financial-services
    Investment|financial-services
    Payment|financial-services
    Payments|financial-services
    Tax firm|financial-services
    Administration|government
    Government Administration|government
    Government agencies|government
    Government agencies and services|government
    Government Institutions|government
    Government, Administration|government
    Justice|government
    Public sector|government
    Security actors|government
    Emergency services|government-emergency-services
    First responders|government-emergency-services
    Law enforcement|government-emergency-services
    Police|government-emergency-services
    Police - Law enforcement|government-emergency-services
    Local government|government-local
    Municipal|government-local
    Municipalities|government-local
    Central government|government-national
    Federal government|government-national
    Intelligence|government-national
    Intelligence agencies|government-national
    National government|government-national
    Security Service|government-national
    Immigration|government-public-services
    Public services|government-public-services
    Provincial government|government-regional
    Regional government|government-regional
    State government|government-regional
    Health|healthcare
    Health care|healthcare
    Hospitals|healthcare
    Medical|healthcare
    Veterinary|healthcare
    Hospitality|hospitality-leisure
    Hotels|hospitality-leisure
    Leisure|hospitality-leisure
    Restaurant|hospitality-leisure
    Restaurants|hospitality-leisure
    Tourism|hospitality-leisure
    Travel|hospitality-leisure
    Critical infrastructure|infrastructure
    ICS|infrastructure
    Dams|infrastructure-dams
    Nuclear|infrastructure-nuclear
    Nuclear power|infrastructure-nuclear
    Water|infrastructure-water
    Water and wastewater|infrastructure-water
    Water utilities|infrastructure-water
    Critical manufacturing|manufacturing
    Engineering|manufacturing
    Industrial|manufacturing
    Metal|manufacturing
    Steel|manufacturing
    Charitable|non-profit
    Charities|non-profit
    Charity|non-profit
    Development|non-profit
    NGO|non-profit
    NGOs|non-profit
    Non-governmental organisations|non-profit
    Non-governmental organizations|non-profit
    Non-profit organisation|non-profit
    Non-profit organization|non-profit
    Non-profit-making|non-profit
    Nonprofit|non-profit
    Nonprofits|non-profit
    Not-for-profit|non-profit
    Biomedical|pharmaceuticals
    Biotech|pharmaceuticals
    Biotechnology|pharmaceuticals
    Life science|pharmaceuticals
    Life sciences|pharmaceuticals
    Pharma|pharmaceuticals
    Pharmaceutical|pharmaceuticals
    Pharmacy|pharmaceuticals
    E-commerce|retail
    eCommerce|retail
    Online marketplace|retail
    Data Broker|technology
    Electronic|technology
    Electronics|technology
    Electronics Manufacturers|technology
    Hi-tech|technology
    High tech|technology
    High-Tech|technology
    Information technology|technology
    IT|technology
    IT - Hacker|technology
    Security systems|technology
    Tech|technology
    ISP|telecommunications
    IT - ISP|telecommunications
    Telco|telecommunications
    Telecom|telecommunications
    Telecomms|telecommunications
    Telecommunication|telecommunications
    Telecoms|telecommunications
    Transport|transportation
    Transportation systems|transportation
    Electric|utilities
    Electric utilities|utilities
    Electric utility sector|utilities
    Electricity|utilities
    Smart meter|utilities
    Utility|utilities
    AI|ai-research
    AI companies|ai-research
    Artificial intelligence|ai-research
    Machine learning|ai-research
    Semi-conductors|semiconductors
    Semiconductor|semiconductors
    Semiconductor Industry|semiconductors
    Cloud computing|cloud
    Cloud providers|cloud
    Cloud service providers|cloud
    Data centers|cloud
    Data centres|cloud
    Digital infrastructure|cloud
    Hosting|cloud
    Hosting providers|cloud
    Programming|software
    SaaS|software
    Software development|software
    Software vendors|software
    Digital services|it-services
    DNS service provider|it-services
    IT - Security|it-services
    IT services|it-services
    Managed service providers|it-services
    Managed Services Provider|it-services
    MSP|it-services
    MSSP|it-services
    Blockchain|cryptocurrency
    Crypto|cryptocurrency
    Cryptocurrency exchanges|cryptocurrency
    DeFi|cryptocurrency
    Web3|cryptocurrency
    Diplomatic|diplomacy
    Diplomats|diplomacy
    Embassies|diplomacy
    Foreign affairs|diplomacy
    Intergovernmental|diplomacy
    Armed forces|military
    Defence industrial base|defense-industrial-base
    Defence industry|defense-industrial-base
    Defense Contractor|defense-industrial-base
    Defense contractors|defense-industrial-base
    Defense industrial base|defense-industrial-base
    Defense industry|defense-industrial-base
    DIB|defense-industrial-base
    Gas|oil-gas
    Oil|oil-gas
    Oil & gas|oil-gas
    Oil and gas|oil-gas
    Petrochemical|oil-gas
    Petroleum|oil-gas
    Airlines|aviation
    Airports|aviation
    Civil Aviation|aviation
    Ports|maritime
    Shipping|maritime
    Logistic|logistics
    Railway|rail
    Railways|rail
    Casino|gaming
    Casinos|gaming
    Gambling|gaming
    Gambling companies|gaming
    Gambling Websites|gaming
    Game|gaming
    Online gambling|gaming
    Video games|gaming
    Journalism|media
    Journalist|media
    Journalists|media
    Media and Entertainment|media
    News|media
    News - Media|media
    Publishing industry|media
    Social networks|media
    Television broadcast|media
    Video Sharing|media
    Activists|civil-society
    Civil society|civil-society
    Dissident|civil-society
    Dissidents|civil-society
    Human rights|civil-society
    Human rights organizations|civil-society
    Islamic forums|civil-society
    Islamic organisation|civil-society
    Opposition|civil-society
    Political party|civil-society
    Pro-democracy and human rights political organizations|civil-society
    Religious organization|civil-society
    Religious Organizations|civil-society
    Separatists|civil-society
    Law firms|legal
    Lawyers|legal
    Legal services|legal
    Academic research|research
    Covid-19 research organizations|research
    Research - Innovation|research
    Scientific Research|research
    Think tank|research
    Think Tanks|research
    Environment|other
    """
    /// last word of an actor name (any case)|nexus: ISO code, or ecrime, hacktivist, pso (private-sector offensive actor), influence|naming family (crowdstrike or microsoft)
    package static let namingConventions = """
    Panda|CN|crowdstrike
    Bear|RU|crowdstrike
    Chollima|KP|crowdstrike
    Kitten|IR|crowdstrike
    Tiger|IN|crowdstrike
    Leopard|PK|crowdstrike
    Buffalo|VN|crowdstrike
    Crane|KR|crowdstrike
    Ocelot|CO|crowdstrike
    Hawk|SY|crowdstrike
    Saiga|KZ|crowdstrike
    Sphinx|EG|crowdstrike
    Spider|ecrime|crowdstrike
    Jackal|hacktivist|crowdstrike
    Typhoon|CN|microsoft
    Blizzard|RU|microsoft
    Sleet|KP|microsoft
    Sandstorm|IR|microsoft
    Hail|KR|microsoft
    Cyclone|VN|microsoft
    Dust|TR|microsoft
    Rain|LB|microsoft
    Tempest|ecrime|microsoft
    Tsunami|pso|microsoft
    Flood|influence|microsoft
    """
}
