"""Asker's action list for 2022/23 (seed-plan.md, «Tiltaksliste perioden 2022/23»).

What the presentation states is used as it stands: about 30 time-bound actions plus general
driver actions, the top 10 anchored in the executive committee on 11 January 2022 with four
larger studies among them, the phases of those studies and a political case after each
phase 1, three partner agreements, the 9.6 MNOK frame with 2 FTE, the proposal of 10.6 MNOK in
HP 2023–2026, and dialogue meetings in 2019, 2020 and 2021.

Everything else is an example and marked so: `is_example` on actions and agreements, and
«Eksempel:» at the start of texts on rows without such a flag (phases, political cases,
dialogue meetings). That covers titles of the actions other than the four studies, the order
of the top 10, responsible units, dates, statuses, progress, amounts per post, partner names,
phase deliverables, meeting dates and participants.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

from django.db import models

from temaplan.actions.models import (
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    DialogueMeeting,
    PartnerAgreement,
    PoliticalCase,
    StudyPhase,
)
from temaplan.plans.models import Plan

EXAMPLE = "Eksempel: "

PERIOD = {"name": "2022/23", "first_date": date(2022, 1, 1), "last_date": date(2023, 12, 31)}

# The top 10 were anchored in the executive committee (FSK) on 11 January 2022; the case
# number is not given in the presentation, so it is left blank.
ANCHORED = {"anchored_body": "Formannskapet", "anchored_on": date(2022, 1, 11), "anchored_case": ""}
NOT_ANCHORED = {"anchored_body": "", "anchored_on": None, "anchored_case": ""}

NAERING = "Næring og samfunnsutvikling"
PLAN_BYGG = "Plan og bygningsmyndighet"
LANDBRUK = "Landbruk og naturforvaltning"
KULTUR = "Kultur og frivillighet"
INNKJOP = "Innkjøp"
KOMMUNIKASJON = "Kommunikasjon"
EIENDOM = "Eiendom"

TIME_BOUND = Action.Kind.TIME_BOUND
STUDY = Action.Kind.STUDY
DRIVER = Action.Kind.DRIVER

PLANNED = Action.Status.PLANNED
IN_PROGRESS = Action.Status.IN_PROGRESS
DONE = Action.Status.DONE
DELAYED = Action.Status.DELAYED
CANCELLED = Action.Status.CANCELLED


def _action(
    key: str,
    title: str,
    area: int,
    strategies: list[str],
    *,
    kind: str = TIME_BOUND,
    unit: str = NAERING,
    person: str = "",
    partners: str = "",
    start: date | None = None,
    due: date | None = None,
    status: str = PLANNED,
    progress: int | None = None,
    weight: D = D(1),
    priority: int | None = None,
    description: str = "",
) -> dict[str, Any]:
    return {
        "key": key,
        "title": title,
        "area": area,
        "strategies": strategies,
        "kind": kind,
        "responsible_unit": unit,
        "responsible_person": person,
        "partners": partners,
        "start_date": start,
        "due_date": due,
        "status": status,
        "progress": progress,
        "weight": weight,
        "priority": priority,
        "description": description,
    }


# The four studies in the order the presentation numbers them (1–4); their places on the
# top-10 list (here 1–4) are a reading. A study runs beyond the period (the slide's timeline
# goes to 2025), so its due date is the planned end of its last phase.
STUDIES = [
    _action(
        "a01-campus-baerekraft",
        "Campus Bærekraft / sirkulærøkonomi",
        6,
        ["6.1", "6.2"],
        kind=STUDY,
        person="Næringssjef",
        start=date(2022, 3, 1),
        due=date(2025, 12, 31),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=1,
        description=EXAMPLE
        + "Utrede et campus for bærekraft og sirkulærøkonomi i tre faser, med mål om en "
        "nasjonal posisjon på området innen fem til seks år.",
    ),
    _action(
        "a02-invester-i-asker",
        "«Invester i Asker»-funksjon",
        5,
        ["5.2"],
        kind=STUDY,
        start=date(2022, 4, 1),
        due=date(2025, 6, 30),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=2,
        description=EXAMPLE
        + "Utrede en funksjon som skaper og tiltrekker investeringer til kommunen.",
    ),
    _action(
        "a03-naeringsutviklingsfond",
        "Næringsutviklingsfond (særskilt satsing, blant annet Asker syd)",
        5,
        ["5.1"],
        kind=STUDY,
        start=date(2022, 6, 1),
        due=date(2025, 12, 31),
        status=DELAYED,
        progress=35,
        weight=D(2),
        priority=3,
        description=EXAMPLE
        + "Utrede innretning, kapital og styring av et næringsutviklingsfond med særlige "
        "fokusområder, blant annet Asker syd. Saken etter fase 1 er ennå ikke behandlet.",
    ),
    _action(
        "a04-omdommebygging",
        "Omdømmebygging (bo, besøke, drive næring)",
        8,
        ["8.1", "8.3"],
        kind=STUDY,
        unit=KOMMUNIKASJON,
        start=date(2022, 3, 1),
        due=date(2025, 6, 30),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=4,
        description=EXAMPLE
        + "Målrettet omdømmebygging rundt lokale fortrinn som bo-, besøks- og næringskommune, "
        "også i nye medier.",
    ),
]

# The other six of the top 10 (titles and order are examples).
PRIORITISED = [
    _action(
        "a05-partneravtaler",
        "Inngå tre partnerskapsavtaler med eksterne kompetansemiljøer",
        7,
        ["7.1"],
        start=date(2022, 1, 15),
        due=date(2022, 6, 30),
        status=DONE,
        progress=100,
        priority=5,
    ),
    _action(
        "a06-bedriftsbesok-20-storste",
        "Bedriftsbesøk hos de 20 største virksomhetene",
        1,
        ["1.1", "1.3"],
        person="Næringsrådgiver",
        start=date(2022, 2, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=85,
        priority=6,
    ),
    _action(
        "a07-forstelinje-grundere",
        "Førstelinjetjeneste for gründere med veiledning og kurs",
        2,
        ["2.1"],
        partners="Kunnskapspark Vestbredden AS",
        start=date(2022, 2, 1),
        due=date(2022, 12, 31),
        status=DONE,
        progress=100,
        priority=7,
    ),
    _action(
        "a08-strategi-opplevelsesnaering",
        "Strategi for opplevelsesnæringen basert på kystkultur, historie og reiseliv",
        4,
        ["4.1"],
        unit=KULTUR,
        start=date(2022, 4, 1),
        due=date(2023, 6, 30),
        status=DELAYED,
        progress=55,
        priority=8,
    ),
    _action(
        "a09-kartlegging-naeringsarealer",
        "Kartlegging av næringsarealer som kan fortettes eller transformeres",
        1,
        ["1.6"],
        unit=PLAN_BYGG,
        start=date(2022, 3, 1),
        due=date(2023, 3, 31),
        status=DELAYED,
        progress=30,
        priority=9,
    ),
    _action(
        "a10-servicekultur",
        "Servicekultur: kursrekke for saksbehandlere som møter næringslivet",
        8,
        ["8.5", "1.2"],
        unit=PLAN_BYGG,
        start=date(2022, 9, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=40,
        priority=10,
    ),
]

# The rest of the about 30 time-bound actions, spread over the eight focus areas (examples).
OTHER_TIME_BOUND = [
    _action(
        "a11-kontaktperson-storre-virksomheter",
        "Fast kontaktperson i kommunen for større virksomheter",
        1,
        ["1.1"],
        start=date(2022, 1, 15),
        due=date(2022, 6, 30),
        status=DONE,
        progress=100,
    ),
    _action(
        "a12-naeringsfrokost-byggesak",
        "Næringsfrokost om plan- og byggesaker, to ganger i året",
        1,
        ["1.2"],
        unit=PLAN_BYGG,
        start=date(2022, 3, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=60,
    ),
    _action(
        "a13-kompetanseforum-vgs",
        "Kompetanseforum med videregående skoler og næringslivet",
        1,
        ["1.4"],
        start=date(2023, 1, 1),
        due=date(2023, 12, 31),
        status=PLANNED,
        progress=None,
    ),
    _action(
        "a14-inkubator-asker-syd",
        "Støtte til kontorfellesskap og inkubator i Asker syd",
        2,
        ["2.2", "2.5"],
        partners="Innovasjonsselskapet Fjordporten AS",
        start=date(2022, 5, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=50,
    ),
    _action(
        "a15-mentorprogram-grundere",
        "Mentorprogram som knytter gründere til erfarne næringsaktører og investorer",
        2,
        ["2.3"],
        start=date(2022, 8, 15),
        due=date(2023, 6, 30),
        status=IN_PROGRESS,
        progress=None,
    ),
    _action(
        "a16-innovative-anskaffelser",
        "To pilotprosjekter med innovative anskaffelser",
        2,
        ["2.4"],
        unit=INNKJOP,
        start=date(2022, 9, 1),
        due=date(2023, 9, 30),
        status=DELAYED,
        progress=20,
    ),
    _action(
        "a17-entreprenorskap-i-skolen",
        "Elevbedrifter og entreprenørskap i ungdomsskolen",
        2,
        ["2.6"],
        unit="Oppvekst",
        start=date(2022, 8, 15),
        due=date(2023, 6, 15),
        status=DONE,
        progress=100,
    ),
    _action(
        "a18-rapport-omdisponering-jord",
        "Årlig rapport om omdisponering av dyrket mark",
        3,
        ["3.1"],
        unit=LANDBRUK,
        start=date(2022, 1, 1),
        due=date(2023, 3, 31),
        status=DONE,
        progress=100,
    ),
    _action(
        "a19-tilleggsnaeringer-garder",
        "Veiledning om tilleggsnæringer på gårdene",
        3,
        ["3.2", "3.4"],
        unit=LANDBRUK,
        start=date(2022, 4, 1),
        due=date(2023, 10, 31),
        status=IN_PROGRESS,
        progress=40,
    ),
    _action(
        "a20-lokal-mat-kommunale-kjokken",
        "Mer lokal mat i kommunens egne kjøkken",
        3,
        ["3.3"],
        unit=LANDBRUK,
        start=date(2022, 6, 1),
        due=date(2023, 6, 30),
        status=CANCELLED,
        progress=None,
        description=EXAMPLE + "Avlyst: tas inn i neste anbudsrunde for matleveranser i stedet.",
    ),
    _action(
        "a21-besoksmal-kysten",
        "Besøksmål langs kysten i Røyken og Hurum",
        4,
        ["4.2", "4.5"],
        unit=KULTUR,
        start=date(2023, 3, 1),
        due=date(2023, 12, 31),
        status=PLANNED,
        progress=0,
    ),
    _action(
        "a22-arrangementskalender",
        "Felles arrangementskalender for kultur og reiseliv",
        4,
        ["4.3"],
        unit=KULTUR,
        start=date(2022, 3, 1),
        due=date(2022, 10, 31),
        status=DONE,
        progress=100,
    ),
    _action(
        "a23-mulighetsstudie-havnaeringer",
        "Mulighetsstudie for havnæringer og ny teknologi",
        5,
        ["5.3"],
        start=date(2023, 4, 1),
        due=date(2023, 12, 31),
        status=PLANNED,
        progress=None,
    ),
    _action(
        "a24-testarena-pilotkunde",
        "Testarena der kommunen er pilotkunde",
        5,
        ["5.6", "2.4"],
        start=date(2022, 10, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=30,
    ),
    _action(
        "a25-klimakrav-anskaffelser",
        "Klima- og miljøkrav i kommunens anskaffelser",
        6,
        ["6.3"],
        unit=INNKJOP,
        start=date(2022, 1, 15),
        due=date(2022, 12, 31),
        status=DONE,
        progress=100,
    ),
    _action(
        "a26-ombruk-masser-materialer",
        "Ombruk av masser og materialer i kommunale byggeprosjekter",
        6,
        ["6.5"],
        unit=EIENDOM,
        start=date(2022, 6, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=45,
    ),
    _action(
        "a27-kurs-gronn-omstilling",
        "Kurs i grønn omstilling for små og mellomstore bedrifter",
        6,
        ["6.4"],
        partners="Sirkulærklyngen Oslofjord vest",
        start=date(2023, 2, 1),
        due=date(2023, 11, 30),
        status=PLANNED,
        progress=0,
    ),
    _action(
        "a28-dialogmoter-naeringsforeninger",
        "Faste dialogmøter med næringsforeningene, to i året",
        7,
        ["7.2", "7.5"],
        start=date(2022, 1, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=50,
    ),
    _action(
        "a29-regionalt-naeringssamarbeid",
        "Regionalt næringssamarbeid med nabokommunene og fylket",
        7,
        ["7.3"],
        start=date(2022, 2, 1),
        due=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=None,
    ),
    _action(
        "a30-bedriftshistorier",
        "Bedriftshistorier i kommunens kanaler og i nye medier",
        8,
        ["8.2"],
        unit=KOMMUNIKASJON,
        start=date(2022, 4, 1),
        due=date(2023, 12, 31),
        status=DONE,
        progress=100,
    ),
]

# General driver actions: ongoing work without a deadline (examples).
DRIVERS = [
    _action(
        "d01-paadriver-naeringsarealer",
        "Pådriver for ferdig regulerte og egnede næringsarealer",
        1,
        ["1.6"],
        kind=DRIVER,
        unit=PLAN_BYGG,
        status=IN_PROGRESS,
    ),
    _action(
        "d02-paadriver-infrastruktur",
        "Pådriver overfor fylket og staten for infrastruktur og samferdsel",
        7,
        ["7.3"],
        kind=DRIVER,
        status=IN_PROGRESS,
    ),
    _action(
        "d03-naeringsvennlig-saksbehandling",
        "Næringsvennlig saksbehandling der kommunen er myndighet",
        1,
        ["1.2", "8.5"],
        kind=DRIVER,
        unit=PLAN_BYGG,
        status=IN_PROGRESS,
    ),
    _action(
        "d04-nettverk-bedrifter",
        "Nettverk mellom bedrifter og kompetansemiljøer",
        7,
        ["7.4"],
        kind=DRIVER,
        status=IN_PROGRESS,
    ),
    _action(
        "d05-synlighet-nye-medier",
        "Synliggjøre Asker som bo-, besøks- og næringskommune i nye medier",
        8,
        ["8.1"],
        kind=DRIVER,
        unit=KOMMUNIKASJON,
        status=IN_PROGRESS,
    ),
]

ACTIONS = [*STUDIES, *PRIORITISED, *OTHER_TIME_BOUND, *DRIVERS]
PRIORITISED_KEYS = [spec["key"] for spec in [*STUDIES, *PRIORITISED]]

# Phases per study as on the timeline slide: Campus in three phases, the others in phase 1
# and «fase 2 og 3». Phase 1 in 2022–23, later phases 2023–2025; exact dates and the
# deliverables are examples. As seen from late 2026, three studies are finished and the
# business development fund has slipped, which the roadmap shows.
# (study key, [(name, planned start, planned end, actual start, actual end, status,
# deliverable)])
STUDY_PHASES = {
    "a01-campus-baerekraft": [
        (
            "Fase 1",
            date(2022, 3, 1),
            date(2022, 12, 31),
            date(2022, 3, 15),
            date(2023, 1, 31),
            StudyPhase.Status.DONE,
            EXAMPLE + "Forstudie med behovs- og markedsanalyse og forslag til organisering.",
        ),
        (
            "Fase 2",
            date(2023, 3, 1),
            date(2024, 6, 30),
            date(2023, 3, 1),
            date(2024, 8, 31),
            StudyPhase.Status.DONE,
            EXAMPLE + "Konseptutredning: lokalisering, partnere og finansiering.",
        ),
        (
            "Fase 3",
            date(2024, 11, 1),
            date(2025, 12, 31),
            date(2024, 11, 1),
            date(2025, 12, 19),
            StudyPhase.Status.DONE,
            EXAMPLE + "Etablering av campus med partnere og første leietakere.",
        ),
    ],
    "a02-invester-i-asker": [
        (
            "Fase 1",
            date(2022, 4, 1),
            date(2023, 3, 31),
            date(2022, 5, 1),
            date(2023, 4, 30),
            StudyPhase.Status.DONE,
            EXAMPLE + "Kartlegging av investeringsmuligheter og modeller fra andre kommuner.",
        ),
        (
            "Fase 2 og 3",
            date(2023, 8, 15),
            date(2025, 6, 30),
            date(2023, 9, 1),
            date(2025, 6, 20),
            StudyPhase.Status.DONE,
            EXAMPLE + "Pilotdrift av funksjonen og forslag til varig organisering.",
        ),
    ],
    "a03-naeringsutviklingsfond": [
        (
            "Fase 1",
            date(2022, 6, 1),
            date(2023, 6, 30),
            date(2022, 9, 1),
            date(2023, 9, 30),
            StudyPhase.Status.DONE,
            EXAMPLE + "Utredning av fondsmodell, kapitalbehov og vedtekter.",
        ),
        (
            "Fase 2 og 3",
            date(2024, 1, 1),
            date(2025, 12, 31),
            None,
            None,
            StudyPhase.Status.PLANNED,
            EXAMPLE + "Opprettelse av fondet og første tildelingsrunde, blant annet i Asker syd.",
        ),
    ],
    "a04-omdommebygging": [
        (
            "Fase 1",
            date(2022, 3, 1),
            date(2022, 12, 31),
            date(2022, 3, 1),
            date(2022, 12, 15),
            StudyPhase.Status.DONE,
            EXAMPLE + "Omdømmeanalyse og forslag til budskap om lokale fortrinn.",
        ),
        (
            "Fase 2 og 3",
            date(2023, 4, 1),
            date(2025, 6, 30),
            date(2023, 4, 15),
            date(2025, 6, 27),
            StudyPhase.Status.DONE,
            EXAMPLE + "Kampanjer i nye medier og måling av omdømmet.",
        ),
    ],
}

# Political cases to the council after phase 1 of each study. The timeline shows five «SAK»
# marks; the fifth is read here as a case after phase 2 of the campus study. Dates and
# decisions are examples; case numbers are not given and left blank. The fund's case was
# planned for October 2023 and is still not decided, so the demo shows a slipped case.
# (study key, after phase position, planned date, outcome, decided on, decision text)
POLITICAL_CASES = [
    (
        "a01-campus-baerekraft",
        0,
        date(2023, 2, 14),
        PoliticalCase.Outcome.ADOPTED,
        date(2023, 2, 14),
        EXAMPLE + "Kommunestyret slutter seg til forstudien og ber om at fase 2 startes.",
    ),
    (
        "a01-campus-baerekraft",
        1,
        date(2024, 10, 15),
        PoliticalCase.Outcome.ADOPTED,
        date(2024, 10, 15),
        EXAMPLE + "Kommunestyret velger konsept og lokalisering for campus og ber om etablering.",
    ),
    (
        "a02-invester-i-asker",
        0,
        date(2023, 6, 13),
        PoliticalCase.Outcome.ADOPTED,
        date(2023, 6, 13),
        EXAMPLE + "Kommunestyret ber om at «Invester i Asker»-funksjonen prøves ut i fase 2 og 3.",
    ),
    (
        "a03-naeringsutviklingsfond",
        0,
        date(2023, 10, 17),
        PoliticalCase.Outcome.PENDING,
        None,
        "",
    ),
    (
        "a04-omdommebygging",
        0,
        date(2023, 3, 21),
        PoliticalCase.Outcome.ADOPTED,
        date(2023, 3, 21),
        EXAMPLE + "Kommunestyret slutter seg til budskapene og ber om en plan for fase 2 og 3.",
    ),
]

# Three partner agreements with external competence environments, entered from March 2022
# as on the timeline. Partner names, amounts and deliverables are examples. One agreement
# ends on 31 December 2026, so the warning for agreements ending within 90 days shows from
# early October 2026; one has already ended (2025) and one runs into 2027.
PARTNER_AGREEMENTS = [
    {
        "partner": "Kunnskapspark Vestbredden AS",
        "purpose": EXAMPLE + "Prosjektledelse og faglig støtte i utredningen av Campus Bærekraft / "
        "sirkulærøkonomi, og førstelinjetjeneste for gründere.",
        "start_date": date(2022, 3, 1),
        "end_date": date(2026, 12, 31),
        "yearly_amount": D(1_200_000),
        "co_funding": D(300_000),
        "deliverables": EXAMPLE + "Fasevise rapporter for campus-utredningen; gründerkurs "
        "hvert halvår; årlig rapport om aktivitet.",
        "actions": ["a01-campus-baerekraft", "a07-forstelinje-grundere"],
    },
    {
        "partner": "Sirkulærklyngen Oslofjord vest",
        "purpose": EXAMPLE
        + "Nettverk for bedrifter som vil ta i bruk sirkulære forretningsmodeller, og "
        "kompetanse inn i campus-utredningen.",
        "start_date": date(2022, 3, 1),
        "end_date": date(2025, 12, 31),
        "yearly_amount": D(600_000),
        "co_funding": D(600_000),
        "deliverables": EXAMPLE + "Fire nettverkssamlinger i året; kurs i grønn omstilling.",
        "actions": [
            "a01-campus-baerekraft",
            "a26-ombruk-masser-materialer",
            "a27-kurs-gronn-omstilling",
        ],
    },
    {
        "partner": "Innovasjonsselskapet Fjordporten AS",
        "purpose": EXAMPLE
        + "Gjennomføringskraft i utredningene av «Invester i Asker»-funksjonen og "
        "næringsutviklingsfondet, og drift av inkubator i Asker syd.",
        "start_date": date(2022, 4, 1),
        "end_date": date(2027, 3, 31),
        "yearly_amount": D(900_000),
        "co_funding": D(450_000),
        "deliverables": EXAMPLE + "Investorkontakter og saksunderlag til fase 1; "
        "inkubatorplasser for ti gründerbedrifter.",
        "actions": [
            "a02-invester-i-asker",
            "a03-naeringsutviklingsfond",
            "a14-inkubator-asker-syd",
        ],
    },
]

SALARY_LABEL = "Lønn 2 årsverk"
# The cost of the 2 FTE inside the frame is not given in the presentation: 2 000 000 kr is an
# example.
FTE_COST = D(2_000_000)

# (year, kind, amount, fte, fte cost, decision reference)
BUDGET_FRAMES = [
    *(
        (
            year,
            BudgetFrame.Kind.DECIDED,
            D(9_600_000),
            D(2),
            FTE_COST,
            "Kommunestyrevedtak (budsjett 2022)",
        )
        for year in (2022, 2023)
    ),
    *(
        (
            year,
            BudgetFrame.Kind.PROPOSED,
            D(10_600_000),
            D(2),
            FTE_COST,
            "Forslag i HP 2023–2026 (+1 mill. kr)",
        )
        for year in (2023, 2024, 2025, 2026)
    ),
]

# Allocations within the decided frames (all amounts are examples). An allocation goes to
# an action (by key), a partner agreement (by partner) or a post with a label.
# (year, action key, partner, label, amount, spent)
BUDGET_ALLOCATIONS = [
    (2022, None, None, SALARY_LABEL, FTE_COST, FTE_COST),
    (2022, "a01-campus-baerekraft", None, "", D(1_500_000), D(1_350_000)),
    (2022, "a02-invester-i-asker", None, "", D(800_000), D(720_000)),
    (2022, "a03-naeringsutviklingsfond", None, "", D(600_000), D(410_000)),
    (2022, "a04-omdommebygging", None, "", D(900_000), D(880_000)),
    (2022, None, "Kunnskapspark Vestbredden AS", "", D(1_200_000), D(1_000_000)),
    (2022, None, "Sirkulærklyngen Oslofjord vest", "", D(600_000), D(500_000)),
    (2022, None, "Innovasjonsselskapet Fjordporten AS", "", D(900_000), D(675_000)),
    (2023, None, None, SALARY_LABEL, FTE_COST, FTE_COST),
    (2023, "a01-campus-baerekraft", None, "", D(1_800_000), D(1_650_000)),
    (2023, "a02-invester-i-asker", None, "", D(900_000), D(860_000)),
    (2023, "a03-naeringsutviklingsfond", None, "", D(700_000), D(150_000)),
    (2023, "a04-omdommebygging", None, "", D(1_000_000), D(970_000)),
    (2023, None, "Kunnskapspark Vestbredden AS", "", D(1_200_000), D(1_200_000)),
    (2023, None, "Sirkulærklyngen Oslofjord vest", "", D(600_000), D(600_000)),
    (2023, None, "Innovasjonsselskapet Fjordporten AS", "", D(900_000), D(900_000)),
]

# Dialogue meetings with business, 2019–2021 («Dialogmøter i 2019/20/21»). Dates, topics and
# participants are examples; participants only by name and role.
DIALOGUE_MEETINGS = [
    {
        "date": date(2019, 5, 14),
        "organisation": "Asker Næringsforening",
        "participants": "Eksempel: Kari Nordmann, styreleder\n"
        "Eksempel: Ola Nordmann, daglig leder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        "topics": EXAMPLE + "Oppstart av temaplanarbeidet; behov for næringsarealer og raske, "
        "forutsigbare svar i plan- og byggesaker.",
        "focus_areas": [1, 7],
        "actions": ["a09-kartlegging-naeringsarealer", "a12-naeringsfrokost-byggesak"],
    },
    {
        "date": date(2019, 10, 22),
        "organisation": "Næringsforeningene i Røyken og Hurum",
        "participants": "Eksempel: Anne Olsen, styreleder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        "topics": EXAMPLE + "Lokale fortrinn i nye Asker; kystkultur, historie og reiseliv.",
        "focus_areas": [4, 8],
        "actions": ["a08-strategi-opplevelsesnaering", "a21-besoksmal-kysten"],
    },
    {
        "date": date(2020, 9, 15),
        "organisation": "Landbruksnæringen i Asker",
        "participants": "Eksempel: Lars Berg, bonde og leder i lokallaget\n"
        "Eksempel: Ingrid Dahl, landbruksrådgiver i kommunen",
        "topics": EXAMPLE + "Jordvern, tilleggsnæringer på gårdene og lokal mat.",
        "focus_areas": [3],
        "actions": ["a18-rapport-omdisponering-jord", "a19-tilleggsnaeringer-garder"],
    },
    {
        "date": date(2021, 3, 9),
        "organisation": "Gründer- og innovasjonsmiljøene i Asker",
        "participants": "Eksempel: Sara Lie, daglig leder i et kontorfellesskap\n"
        "Eksempel: Jonas Bakke, gründer\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        "topics": EXAMPLE + "Førstelinjetjeneste, inkubatorplasser og tilgang på kapital "
        "(digitalt møte).",
        "focus_areas": [2, 5],
        "actions": [
            "a07-forstelinje-grundere",
            "a14-inkubator-asker-syd",
            "a03-naeringsutviklingsfond",
        ],
    },
    {
        "date": date(2021, 11, 16),
        "organisation": "Asker Næringsforening",
        "participants": "Eksempel: Kari Nordmann, styreleder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        "topics": EXAMPLE + "Innspill til tiltakslisten for 2022/23: campus for sirkulærøkonomi, "
        "investeringer og omdømme.",
        "focus_areas": [1, 6, 7, 8],
        "actions": [
            "a01-campus-baerekraft",
            "a02-invester-i-asker",
            "a04-omdommebygging",
            "a06-bedriftsbesok-20-storste",
        ],
    },
]


def _m2m_set(manager, wanted: list[models.Model]) -> None:
    """Set a many-to-many relation only when it differs, so a second load writes nothing."""
    if set(manager.all()) != set(wanted):
        manager.set(wanted)


def asker_actions_load(plan: Plan) -> None:
    """Asker's action list 2022/23 with studies, cases, agreements, budget and meetings."""
    from .services import upsert

    municipality = plan.municipality
    owned = {"plan": plan, "municipality": municipality}
    period = upsert(ActionPeriod, {**owned, "name": PERIOD["name"]}, PERIOD)

    areas = {area.number: area for area in plan.focus_areas.all()}
    strategies = {strategy.code: strategy for strategy in plan.strategies.all()}
    actions: dict[str, Action] = {}
    for spec in ACTIONS:
        values = {
            k: v for k, v in spec.items() if k not in {"key", "area", "strategies", "priority"}
        }
        prioritised = spec["priority"] is not None
        action = upsert(
            Action,
            {"period": period, "municipality": municipality, "key": spec["key"]},
            {
                **values,
                "focus_area": areas[spec["area"]],
                "priority": spec["priority"],
                **(ANCHORED if prioritised else NOT_ANCHORED),
                "is_example": True,
            },
        )
        _m2m_set(action.strategies, [strategies[code] for code in spec["strategies"]])
        actions[spec["key"]] = action

    phases: dict[tuple[str, int], StudyPhase] = {}
    for key, specs in STUDY_PHASES.items():
        for position, (
            name,
            start,
            end,
            actual_start,
            actual_end,
            status,
            deliverable,
        ) in enumerate(specs):
            phases[key, position] = upsert(
                StudyPhase,
                {"study": actions[key], "municipality": municipality, "position": position},
                {
                    "name": name,
                    "planned_start": start,
                    "planned_end": end,
                    "actual_start": actual_start,
                    "actual_end": actual_end,
                    "status": status,
                    "deliverable": deliverable,
                },
            )

    for key, after, planned, outcome, decided_on, decision_text in POLITICAL_CASES:
        upsert(
            PoliticalCase,
            {
                "study": actions[key],
                "municipality": municipality,
                "after_phase": phases[key, after],
            },
            {
                "body": "Kommunestyret",
                "planned_date": planned,
                "case_number": "",
                "outcome": outcome,
                "decided_on": decided_on,
                "decision_text": decision_text,
            },
        )

    agreements: dict[str, PartnerAgreement] = {}
    for spec in PARTNER_AGREEMENTS:
        values = {k: v for k, v in spec.items() if k != "actions"}
        agreement = upsert(
            PartnerAgreement,
            {**owned, "partner": spec["partner"]},
            {**values, "is_example": True},
        )
        _m2m_set(agreement.actions, [actions[key] for key in spec["actions"]])
        agreements[spec["partner"]] = agreement

    for year, kind, amount, fte, fte_cost, reference in BUDGET_FRAMES:
        upsert(
            BudgetFrame,
            {**owned, "year": year, "kind": kind},
            {"amount": amount, "fte": fte, "fte_cost": fte_cost, "decision_reference": reference},
        )

    for year, action_key, partner, label, amount, spent in BUDGET_ALLOCATIONS:
        upsert(
            BudgetAllocation,
            {
                **owned,
                "year": year,
                "action": actions[action_key] if action_key else None,
                "agreement": agreements[partner] if partner else None,
                "label": label,
            },
            {"amount": amount, "spent": spent},
        )

    for spec in DIALOGUE_MEETINGS:
        meeting = upsert(
            DialogueMeeting,
            {**owned, "date": spec["date"], "organisation": spec["organisation"]},
            {"participants": spec["participants"], "topics": spec["topics"]},
        )
        _m2m_set(meeting.focus_areas, [areas[number] for number in spec["focus_areas"]])
        _m2m_set(meeting.follow_up_actions, [actions[key] for key in spec["actions"]])
