"""The embedded demo, built from ../shared/reference/seed-plan.md (Asker's plan presentation, 2022).

What the presentation states is used as it stands. What it does not give (strategy texts,
per-area strategy counts, exact matrix positions) is filled with examples, marked as such in
the data (`is_example`, `placement_is_example`) and labelled «Eksempel» on every page.
"""

EXAMPLE = "Eksempel: "

ASKER = {"number": "3203", "name": "Asker", "county_number": "32", "county_name": "Akershus"}

ASKER_PLAN = {
    "name": "Temaplan næring 2020–2032",
    "first_year": 2020,
    "last_year": 2032,
    "status": "adopted",
    "adopted_on": None,  # not given in the presentation
    "decision_reference": "Vedtaksdato og saksnummer er ikke oppgitt i presentasjonen (2022)",
    "document_url": "",
}

ASKER_AMBITIONS = [
    "Den nye kommunen skal være ledende i landet på næringsutvikling.",
    "Næringsutviklingen i den nye kommunen skal baseres på de lokale fortrinn i de ulike "
    "deler av kommunen.",
    "Den nye kommunen skal ha en særskilt satsning på å tiltrekke og støtte opp om gründere/"
    "entreprenører som ønsker å starte bedrift i kommunen.",
    "Næringspolitikken skal bygges opp rundt de etablerte bedrifter samt satsning på "
    "nyetableringer.",
    "Det etableres en strategi for opplevelsesnæringen i den nye kommunen basert på "
    "kystkultur, historie og reiseliv.",
]

# (number, name, description, influence, importance, example strategy texts)
# Counts per area are examples that add up to the plan's 43 strategies.
ASKER_FOCUS_AREAS = [
    (
        1,
        "Eksisterende næringer",
        "Unntatt landbruk og opplevelsesnæringer.",
        3,
        5,
        [
            "Etablere faste bedriftsbesøk og en kontaktperson for større virksomheter.",
            "Gi raske og forutsigbare svar i plan- og byggesaker for næringslivet.",
            "Legge til rette for at bedrifter kan vokse i kommunen framfor å flytte ut.",
            "Styrke samspillet mellom næringsliv og videregående opplæring om kompetansebehov.",
            "Bruke kommunens innkjøp til å utvikle lokale leverandører innenfor regelverket.",
            "Kartlegge næringsarealer som kan fortettes eller transformeres.",
            "Følge opp næringslivets behov i kommunens digitale tjenester.",
        ],
    ),
    (
        2,
        "Gründerskap og innovasjonsmiljøer",
        "",
        4,
        4,
        [
            "Tilby en tydelig førstelinje for gründere med veiledning og kurs.",
            "Støtte etablering og drift av inkubatorer og kontorfellesskap.",
            "Knytte gründere til mentorer og investorer i regionen.",
            "Gjøre kommunens egne utfordringer tilgjengelige for innovative leverandører.",
            "Synliggjøre gründermiljøene i alle deler av kommunen.",
            "Samarbeide med skoler om entreprenørskap i utdanningen.",
        ],
    ),
    (
        3,
        "Landbruk",
        "",
        2,
        2,
        [
            "Verne dyrket mark og begrense omdisponering av jordbruksarealer.",
            "Støtte utvikling av tilleggsnæringer på gårdene.",
            "Legge til rette for lokal mat i kommunens egne kjøkken.",
            "Stimulere til samarbeid mellom landbruk og reiseliv.",
        ],
    ),
    (
        4,
        "Opplevelsesnæringer",
        "Reiseliv, kultur, kystkultur og historie.",
        3,
        3,
        [
            "Utarbeide en strategi for opplevelsesnæringen basert på kystkultur og historie.",
            "Utvikle besøksmål langs kysten i samarbeid med næringen.",
            "Samordne markedsføring av arrangementer og attraksjoner.",
            "Legge til rette for overnatting og servering i distriktene.",
            "Ta vare på kulturminner som grunnlag for verdiskaping.",
        ],
    ),
    (
        5,
        "Nye næringer",
        "",
        4,
        3,
        [
            "Utrede et næringsutviklingsfond med særlig innsats i Asker syd.",
            "Etablere en «Invester i Asker»-funksjon for å skape og tiltrekke investeringer.",
            "Kartlegge muligheter innenfor havnæringer og ny teknologi.",
            "Tiltrekke kunnskapsbedrifter med attraktive arealer nær kollektivknutepunkt.",
            "Følge opp næringsanalysens anbefalinger om vekstbransjer.",
            "Legge til rette for testarenaer der kommunen kan være pilotkunde.",
        ],
    ),
    (
        6,
        "Grønn konkurransekraft",
        "",
        2,
        4,
        [
            "Utrede et campus for bærekraft og sirkulærøkonomi.",
            "Ta en nasjonal posisjon innen sirkulærøkonomi innen fem til seks år.",
            "Stille klima- og miljøkrav i kommunens anskaffelser.",
            "Støtte bedrifters omstilling til lavutslippsløsninger.",
            "Legge til rette for gjenbruk av masser og materialer i bygg og anlegg.",
        ],
    ),
    (
        7,
        "Samarbeid og nettverk",
        "",
        5,
        3,
        [
            "Inngå partnerskapsavtaler med eksterne kompetansemiljøer.",
            "Holde faste dialogmøter med næringsforeningene.",
            "Samarbeide med nabokommuner og fylket om regional næringsutvikling.",
            "Bygge nettverk mellom bedrifter i samme bransje.",
            "Involvere næringslivet tidlig i kommunens planarbeid.",
        ],
    ),
    (
        8,
        "Omdømme og synlighet",
        "Omdømme som sted å bo, besøke og drive næring.",
        5,
        4,
        [
            "Bygge omdømme målrettet rundt lokale fortrinn, også i nye medier.",
            "Fortelle gode historier om bedrifter i kommunen.",
            "Utvikle en felles merkevare for Asker som næringskommune.",
            "Måle omdømmet jevnlig og bruke resultatene i arbeidet.",
            "Utvikle en servicekultur i hele organisasjonen, særlig der kommunen er myndighet.",
        ],
    ),
]

ASKER_PREMISES = [
    ("Infrastruktur og samferdsel", "Premiss utenfor næringsplanen.", 1, 5),
    ("Arealer og arealbestemmelser", "Premiss utenfor næringsplanen; se arealplanen.", 2, 5),
]

BAERUM = {"number": "3201", "name": "Bærum", "county_number": "32", "county_name": "Akershus"}

BAERUM_PLAN = {
    "name": "Eksempel: Næringsplan for Bærum 2021–2030",
    "first_year": 2021,
    "last_year": 2030,
    "status": "draft",
    "adopted_on": None,
    "decision_reference": "",
    "document_url": "",
}

BAERUM_AMBITIONS = [
    "Eksempel: Bærum skal være en attraktiv kommune for kunnskapsbedrifter.",
    "Eksempel: Næringslivet skal bidra til et lavutslippssamfunn.",
]

BAERUM_FOCUS_AREAS = [
    (
        1,
        "Kunnskapsnæringer",
        "",
        3,
        5,
        [
            "Samarbeide med forskningsmiljøene på Fornebu.",
            "Tiltrekke hovedkontorer med gode arealer nær bane.",
        ],
    ),
    (
        2,
        "Grønn omstilling",
        "",
        3,
        4,
        [
            "Støtte bedrifter som tar i bruk sirkulære forretningsmodeller.",
            "Stille miljøkrav i kommunens innkjøp.",
        ],
    ),
    (
        3,
        "Levende sentrum",
        "",
        4,
        3,
        [
            "Utvikle handel og service i lokalsentrene.",
            "Legge til rette for kultur og arrangementer.",
        ],
    ),
]

BAERUM_PREMISES = [("Regional transport", "Premiss utenfor planen.", 1, 4)]

# username, municipality number, role, full name
DEMO_USERS = [
    ("asker-redaktor", "3203", "editor", "Asker", "redaktør (demo)"),
    ("asker-leser", "3203", "viewer", "Asker", "leser (demo)"),
    ("baerum-redaktor", "3201", "editor", "Bærum", "redaktør (demo)"),
]
