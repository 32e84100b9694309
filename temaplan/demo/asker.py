"""The embedded demo, built from ../shared/reference/seed-plan.md (Asker's plan presentation, 2022).

What the presentation states is used as it stands. What it does not give (strategy texts,
per-area strategy counts, exact matrix positions) is filled with examples, marked as such in
the data (`is_example`, `placement_is_example`) and labelled «Eksempel» on every page.

Pure data, in the records of `records.py`; `load_plan.py` and `services.py` load it.
"""

from datetime import date

from .records import FocusAreaRow, MunicipalityRow, PlanRow, PremiseRow, UserRow

EXAMPLE = "Eksempel: "

ASKER = MunicipalityRow(number="3203", name="Asker", county_number="32", county_name="Akershus")

ASKER_AMBITIONS = (
    "Den nye kommunen skal være ledende i landet på næringsutvikling.",
    "Næringsutviklingen i den nye kommunen skal baseres på de lokale fortrinn i de ulike "
    "deler av kommunen.",
    "Den nye kommunen skal ha en særskilt satsning på å tiltrekke og støtte opp om gründere/"
    "entreprenører som ønsker å starte bedrift i kommunen.",
    "Næringspolitikken skal bygges opp rundt de etablerte bedrifter samt satsning på "
    "nyetableringer.",
    "Det etableres en strategi for opplevelsesnæringen i den nye kommunen basert på "
    "kystkultur, historie og reiseliv.",
)

# The strategy texts are examples; so are the counts per area, which add up to the plan's 43.
ASKER_FOCUS_AREAS = (
    FocusAreaRow(
        number=1,
        name="Eksisterende næringer",
        description="Unntatt landbruk og opplevelsesnæringer.",
        influence=3,
        importance=5,
        strategies=(
            "Etablere faste bedriftsbesøk og en kontaktperson for større virksomheter.",
            "Gi raske og forutsigbare svar i plan- og byggesaker for næringslivet.",
            "Legge til rette for at bedrifter kan vokse i kommunen framfor å flytte ut.",
            "Styrke samspillet mellom næringsliv og videregående opplæring om kompetansebehov.",
            "Bruke kommunens innkjøp til å utvikle lokale leverandører innenfor regelverket.",
            "Kartlegge næringsarealer som kan fortettes eller transformeres.",
            "Følge opp næringslivets behov i kommunens digitale tjenester.",
        ),
    ),
    FocusAreaRow(
        number=2,
        name="Gründerskap og innovasjonsmiljøer",
        description="",
        influence=4,
        importance=4,
        strategies=(
            "Tilby en tydelig førstelinje for gründere med veiledning og kurs.",
            "Støtte etablering og drift av inkubatorer og kontorfellesskap.",
            "Knytte gründere til mentorer og investorer i regionen.",
            "Gjøre kommunens egne utfordringer tilgjengelige for innovative leverandører.",
            "Synliggjøre gründermiljøene i alle deler av kommunen.",
            "Samarbeide med skoler om entreprenørskap i utdanningen.",
        ),
    ),
    FocusAreaRow(
        number=3,
        name="Landbruk",
        description="",
        influence=2,
        importance=2,
        strategies=(
            "Verne dyrket mark og begrense omdisponering av jordbruksarealer.",
            "Støtte utvikling av tilleggsnæringer på gårdene.",
            "Legge til rette for lokal mat i kommunens egne kjøkken.",
            "Stimulere til samarbeid mellom landbruk og reiseliv.",
        ),
    ),
    FocusAreaRow(
        number=4,
        name="Opplevelsesnæringer",
        description="Reiseliv, kultur, kystkultur og historie.",
        influence=3,
        importance=3,
        strategies=(
            "Utarbeide en strategi for opplevelsesnæringen basert på kystkultur og historie.",
            "Utvikle besøksmål langs kysten i samarbeid med næringen.",
            "Samordne markedsføring av arrangementer og attraksjoner.",
            "Legge til rette for overnatting og servering i distriktene.",
            "Ta vare på kulturminner som grunnlag for verdiskaping.",
        ),
    ),
    FocusAreaRow(
        number=5,
        name="Nye næringer",
        description="",
        influence=4,
        importance=3,
        strategies=(
            "Utrede et næringsutviklingsfond med særlig innsats i Asker syd.",
            "Etablere en «Invester i Asker»-funksjon for å skape og tiltrekke investeringer.",
            "Kartlegge muligheter innenfor havnæringer og ny teknologi.",
            "Tiltrekke kunnskapsbedrifter med attraktive arealer nær kollektivknutepunkt.",
            "Følge opp næringsanalysens anbefalinger om vekstbransjer.",
            "Legge til rette for testarenaer der kommunen kan være pilotkunde.",
        ),
    ),
    FocusAreaRow(
        number=6,
        name="Grønn konkurransekraft",
        description="",
        influence=2,
        importance=4,
        strategies=(
            "Utrede et campus for bærekraft og sirkulærøkonomi.",
            "Ta en nasjonal posisjon innen sirkulærøkonomi innen fem til seks år.",
            "Stille klima- og miljøkrav i kommunens anskaffelser.",
            "Støtte bedrifters omstilling til lavutslippsløsninger.",
            "Legge til rette for gjenbruk av masser og materialer i bygg og anlegg.",
        ),
    ),
    FocusAreaRow(
        number=7,
        name="Samarbeid og nettverk",
        description="",
        influence=5,
        importance=3,
        strategies=(
            "Inngå partnerskapsavtaler med eksterne kompetansemiljøer.",
            "Holde faste dialogmøter med næringsforeningene.",
            "Samarbeide med nabokommuner og fylket om regional næringsutvikling.",
            "Bygge nettverk mellom bedrifter i samme bransje.",
            "Involvere næringslivet tidlig i kommunens planarbeid.",
        ),
    ),
    FocusAreaRow(
        number=8,
        name="Omdømme og synlighet",
        description="Omdømme som sted å bo, besøke og drive næring.",
        influence=5,
        importance=4,
        strategies=(
            "Bygge omdømme målrettet rundt lokale fortrinn, også i nye medier.",
            "Fortelle gode historier om bedrifter i kommunen.",
            "Utvikle en felles merkevare for Asker som næringskommune.",
            "Måle omdømmet jevnlig og bruke resultatene i arbeidet.",
            "Utvikle en servicekultur i hele organisasjonen, særlig der kommunen er myndighet.",
        ),
    ),
)

ASKER_PREMISES = (
    PremiseRow(
        name="Infrastruktur og samferdsel",
        description="Premiss utenfor næringsplanen.",
        influence=1,
        importance=5,
    ),
    PremiseRow(
        name="Arealer og arealbestemmelser",
        description="Premiss utenfor næringsplanen; se arealplanen.",
        influence=2,
        importance=5,
    ),
)

ASKER_PLAN = PlanRow(
    name="Temaplan næring 2020–2032",
    first_year=2020,
    last_year=2032,
    status="adopted",
    adopted_on=None,  # not given in the presentation
    decision_reference="Vedtaksdato og saksnummer er ikke oppgitt i presentasjonen (2022)",
    document_url="",
    ambitions=ASKER_AMBITIONS,
    focus_areas=ASKER_FOCUS_AREAS,
    premises=ASKER_PREMISES,
)

BAERUM = MunicipalityRow(number="3201", name="Bærum", county_number="32", county_name="Akershus")

BAERUM_AMBITIONS = (
    "Eksempel: Bærum skal være en attraktiv kommune for kunnskapsbedrifter.",
    "Eksempel: Næringslivet skal bidra til et lavutslippssamfunn.",
)

BAERUM_FOCUS_AREAS = (
    FocusAreaRow(
        number=1,
        name="Kunnskapsnæringer",
        description="",
        influence=3,
        importance=5,
        strategies=(
            "Samarbeide med forskningsmiljøene på Fornebu.",
            "Tiltrekke hovedkontorer med gode arealer nær bane.",
        ),
    ),
    FocusAreaRow(
        number=2,
        name="Grønn omstilling",
        description="",
        influence=3,
        importance=4,
        strategies=(
            "Støtte bedrifter som tar i bruk sirkulære forretningsmodeller.",
            "Stille miljøkrav i kommunens innkjøp.",
        ),
    ),
    FocusAreaRow(
        number=3,
        name="Levende sentrum",
        description="",
        influence=4,
        importance=3,
        strategies=(
            "Utvikle handel og service i lokalsentrene.",
            "Legge til rette for kultur og arrangementer.",
        ),
    ),
)

BAERUM_PREMISES = (
    PremiseRow(
        name="Regional transport", description="Premiss utenfor planen.", influence=1, importance=4
    ),
)

BAERUM_PLAN = PlanRow(
    name="Eksempel: Næringsplan for Bærum 2021–2030",
    first_year=2021,
    last_year=2030,
    status="draft",
    adopted_on=None,
    decision_reference="",
    document_url="",
    ambitions=BAERUM_AMBITIONS,
    focus_areas=BAERUM_FOCUS_AREAS,
    premises=BAERUM_PREMISES,
)

# Asker's part of the accessibility statement of its published pages (Bærum has none, so the
# portal shows what an empty one looks like). The presentation says nothing about it: the
# unit, the deviation and the evaluator are examples, marked as such; the mailbox is the
# municipality's public one. Reviewed the day the 2020 report was published (load_reports).
ASKER_STATEMENT = {
    "contact_unit": EXAMPLE + "Kommunikasjon og digitalisering",
    "contact_email": "postmottak@asker.kommune.no",
    "contact_phone": "",
    "contact_form_url": "",
    "deviations": EXAMPLE + "Kartet over næringsområdene i plandokumentet er et bilde uten "
    "tekstalternativ; områdene er beskrevet i teksten under det.",
    "evaluated": True,
    "evaluated_on": date(2022, 5, 2),
    "evaluated_by": EXAMPLE + "Kommunikasjon og digitalisering, Asker kommune",
    "reviewed_on": date(2022, 5, 9),
}

# The password comes from the TEMAPLAN_DEMO_PASSWORD setting.
DEMO_USERS = (
    UserRow(
        username="asker-redaktor",
        municipality=ASKER.number,
        role="editor",
        first_name="Asker",
        last_name="redaktør (demo)",
    ),
    UserRow(
        username="asker-leser",
        municipality=ASKER.number,
        role="viewer",
        first_name="Asker",
        last_name="leser (demo)",
    ),
    UserRow(
        username="baerum-redaktor",
        municipality=BAERUM.number,
        role="editor",
        first_name="Bærum",
        last_name="redaktør (demo)",
    ),
)
