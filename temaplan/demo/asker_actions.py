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

Pure data, in the records of `records.py`; `load_actions.py` loads it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from temaplan.actions.models import Action, BudgetFrame, PoliticalCase, StudyPhase

from .records import (
    ActionRow,
    AnchoringRow,
    BudgetAllocationRow,
    BudgetFrameRow,
    DialogueMeetingRow,
    PartnerAgreementRow,
    PeriodRow,
    PoliticalCaseRow,
    StudyPhaseRow,
)

EXAMPLE = "Eksempel: "

PERIOD = PeriodRow(name="2022/23", first_date=date(2022, 1, 1), last_date=date(2023, 12, 31))

# The top 10 (the actions with a `priority`) were anchored in the executive committee (FSK)
# on 11 January 2022; the case number is not given in the presentation, so it is left blank.
ANCHORED = AnchoringRow(body="Formannskapet", on=date(2022, 1, 11), case="")

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


# The four studies in the order the presentation numbers them (1–4); their places on the
# top-10 list (here 1–4) are a reading. A study runs beyond the period (the slide's timeline
# goes to 2025), so its due date is the planned end of its last phase.
STUDIES = (
    ActionRow(
        key="a01-campus-baerekraft",
        title="Campus Bærekraft / sirkulærøkonomi",
        focus_area=6,
        strategies=("6.1", "6.2"),
        kind=STUDY,
        responsible_unit=NAERING,
        responsible_person="Næringssjef",
        start_date=date(2022, 3, 1),
        due_date=date(2025, 12, 31),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=1,
        description=EXAMPLE
        + "Utrede et campus for bærekraft og sirkulærøkonomi i tre faser, med mål om en "
        "nasjonal posisjon på området innen fem til seks år.",
    ),
    ActionRow(
        key="a02-invester-i-asker",
        title="«Invester i Asker»-funksjon",
        focus_area=5,
        strategies=("5.2",),
        kind=STUDY,
        responsible_unit=NAERING,
        start_date=date(2022, 4, 1),
        due_date=date(2025, 6, 30),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=2,
        description=EXAMPLE
        + "Utrede en funksjon som skaper og tiltrekker investeringer til kommunen.",
    ),
    ActionRow(
        key="a03-naeringsutviklingsfond",
        title="Næringsutviklingsfond (særskilt satsing, blant annet Asker syd)",
        focus_area=5,
        strategies=("5.1",),
        kind=STUDY,
        responsible_unit=NAERING,
        start_date=date(2022, 6, 1),
        due_date=date(2025, 12, 31),
        status=DELAYED,
        progress=35,
        weight=D(2),
        priority=3,
        description=EXAMPLE
        + "Utrede innretning, kapital og styring av et næringsutviklingsfond med særlige "
        "fokusområder, blant annet Asker syd. Saken etter fase 1 er ennå ikke behandlet.",
    ),
    ActionRow(
        key="a04-omdommebygging",
        title="Omdømmebygging (bo, besøke, drive næring)",
        focus_area=8,
        strategies=("8.1", "8.3"),
        kind=STUDY,
        responsible_unit=KOMMUNIKASJON,
        start_date=date(2022, 3, 1),
        due_date=date(2025, 6, 30),
        status=DONE,
        progress=100,
        weight=D(2),
        priority=4,
        description=EXAMPLE
        + "Målrettet omdømmebygging rundt lokale fortrinn som bo-, besøks- og næringskommune, "
        "også i nye medier.",
    ),
)

# The other six of the top 10 (titles and order are examples).
PRIORITISED = (
    ActionRow(
        key="a05-partneravtaler",
        title="Inngå tre partnerskapsavtaler med eksterne kompetansemiljøer",
        focus_area=7,
        strategies=("7.1",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 1, 15),
        due_date=date(2022, 6, 30),
        status=DONE,
        progress=100,
        priority=5,
    ),
    ActionRow(
        key="a06-bedriftsbesok-20-storste",
        title="Bedriftsbesøk hos de 20 største virksomhetene",
        focus_area=1,
        strategies=("1.1", "1.3"),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        responsible_person="Næringsrådgiver",
        start_date=date(2022, 2, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=85,
        priority=6,
    ),
    ActionRow(
        key="a07-forstelinje-grundere",
        title="Førstelinjetjeneste for gründere med veiledning og kurs",
        focus_area=2,
        strategies=("2.1",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        partners="Kunnskapspark Vestbredden AS",
        start_date=date(2022, 2, 1),
        due_date=date(2022, 12, 31),
        status=DONE,
        progress=100,
        priority=7,
    ),
    ActionRow(
        key="a08-strategi-opplevelsesnaering",
        title="Strategi for opplevelsesnæringen basert på kystkultur, historie og reiseliv",
        focus_area=4,
        strategies=("4.1",),
        kind=TIME_BOUND,
        responsible_unit=KULTUR,
        start_date=date(2022, 4, 1),
        due_date=date(2023, 6, 30),
        status=DELAYED,
        progress=55,
        priority=8,
    ),
    ActionRow(
        key="a09-kartlegging-naeringsarealer",
        title="Kartlegging av næringsarealer som kan fortettes eller transformeres",
        focus_area=1,
        strategies=("1.6",),
        kind=TIME_BOUND,
        responsible_unit=PLAN_BYGG,
        start_date=date(2022, 3, 1),
        due_date=date(2023, 3, 31),
        status=DELAYED,
        progress=30,
        priority=9,
    ),
    ActionRow(
        key="a10-servicekultur",
        title="Servicekultur: kursrekke for saksbehandlere som møter næringslivet",
        focus_area=8,
        strategies=("8.5", "1.2"),
        kind=TIME_BOUND,
        responsible_unit=PLAN_BYGG,
        start_date=date(2022, 9, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=40,
        priority=10,
    ),
)

# The rest of the about 30 time-bound actions, spread over the eight focus areas (examples).
OTHER_TIME_BOUND = (
    ActionRow(
        key="a11-kontaktperson-storre-virksomheter",
        title="Fast kontaktperson i kommunen for større virksomheter",
        focus_area=1,
        strategies=("1.1",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 1, 15),
        due_date=date(2022, 6, 30),
        status=DONE,
        progress=100,
    ),
    ActionRow(
        key="a12-naeringsfrokost-byggesak",
        title="Næringsfrokost om plan- og byggesaker, to ganger i året",
        focus_area=1,
        strategies=("1.2",),
        kind=TIME_BOUND,
        responsible_unit=PLAN_BYGG,
        start_date=date(2022, 3, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=60,
    ),
    ActionRow(
        key="a13-kompetanseforum-vgs",
        title="Kompetanseforum med videregående skoler og næringslivet",
        focus_area=1,
        strategies=("1.4",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2023, 1, 1),
        due_date=date(2023, 12, 31),
        status=PLANNED,
        progress=None,
    ),
    ActionRow(
        key="a14-inkubator-asker-syd",
        title="Støtte til kontorfellesskap og inkubator i Asker syd",
        focus_area=2,
        strategies=("2.2", "2.5"),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        partners="Innovasjonsselskapet Fjordporten AS",
        start_date=date(2022, 5, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=50,
    ),
    ActionRow(
        key="a15-mentorprogram-grundere",
        title="Mentorprogram som knytter gründere til erfarne næringsaktører og investorer",
        focus_area=2,
        strategies=("2.3",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 8, 15),
        due_date=date(2023, 6, 30),
        status=IN_PROGRESS,
        progress=None,
    ),
    ActionRow(
        key="a16-innovative-anskaffelser",
        title="To pilotprosjekter med innovative anskaffelser",
        focus_area=2,
        strategies=("2.4",),
        kind=TIME_BOUND,
        responsible_unit=INNKJOP,
        start_date=date(2022, 9, 1),
        due_date=date(2023, 9, 30),
        status=DELAYED,
        progress=20,
    ),
    ActionRow(
        key="a17-entreprenorskap-i-skolen",
        title="Elevbedrifter og entreprenørskap i ungdomsskolen",
        focus_area=2,
        strategies=("2.6",),
        kind=TIME_BOUND,
        responsible_unit="Oppvekst",
        start_date=date(2022, 8, 15),
        due_date=date(2023, 6, 15),
        status=DONE,
        progress=100,
    ),
    ActionRow(
        key="a18-rapport-omdisponering-jord",
        title="Årlig rapport om omdisponering av dyrket mark",
        focus_area=3,
        strategies=("3.1",),
        kind=TIME_BOUND,
        responsible_unit=LANDBRUK,
        start_date=date(2022, 1, 1),
        due_date=date(2023, 3, 31),
        status=DONE,
        progress=100,
    ),
    ActionRow(
        key="a19-tilleggsnaeringer-garder",
        title="Veiledning om tilleggsnæringer på gårdene",
        focus_area=3,
        strategies=("3.2", "3.4"),
        kind=TIME_BOUND,
        responsible_unit=LANDBRUK,
        start_date=date(2022, 4, 1),
        due_date=date(2023, 10, 31),
        status=IN_PROGRESS,
        progress=40,
    ),
    ActionRow(
        key="a20-lokal-mat-kommunale-kjokken",
        title="Mer lokal mat i kommunens egne kjøkken",
        focus_area=3,
        strategies=("3.3",),
        kind=TIME_BOUND,
        responsible_unit=LANDBRUK,
        start_date=date(2022, 6, 1),
        due_date=date(2023, 6, 30),
        status=CANCELLED,
        progress=None,
        description=EXAMPLE + "Avlyst: tas inn i neste anbudsrunde for matleveranser i stedet.",
    ),
    ActionRow(
        key="a21-besoksmal-kysten",
        title="Besøksmål langs kysten i Røyken og Hurum",
        focus_area=4,
        strategies=("4.2", "4.5"),
        kind=TIME_BOUND,
        responsible_unit=KULTUR,
        start_date=date(2023, 3, 1),
        due_date=date(2023, 12, 31),
        status=PLANNED,
        progress=0,
    ),
    ActionRow(
        key="a22-arrangementskalender",
        title="Felles arrangementskalender for kultur og reiseliv",
        focus_area=4,
        strategies=("4.3",),
        kind=TIME_BOUND,
        responsible_unit=KULTUR,
        start_date=date(2022, 3, 1),
        due_date=date(2022, 10, 31),
        status=DONE,
        progress=100,
    ),
    ActionRow(
        key="a23-mulighetsstudie-havnaeringer",
        title="Mulighetsstudie for havnæringer og ny teknologi",
        focus_area=5,
        strategies=("5.3",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2023, 4, 1),
        due_date=date(2023, 12, 31),
        status=PLANNED,
        progress=None,
    ),
    ActionRow(
        key="a24-testarena-pilotkunde",
        title="Testarena der kommunen er pilotkunde",
        focus_area=5,
        strategies=("5.6", "2.4"),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 10, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=30,
    ),
    ActionRow(
        key="a25-klimakrav-anskaffelser",
        title="Klima- og miljøkrav i kommunens anskaffelser",
        focus_area=6,
        strategies=("6.3",),
        kind=TIME_BOUND,
        responsible_unit=INNKJOP,
        start_date=date(2022, 1, 15),
        due_date=date(2022, 12, 31),
        status=DONE,
        progress=100,
    ),
    ActionRow(
        key="a26-ombruk-masser-materialer",
        title="Ombruk av masser og materialer i kommunale byggeprosjekter",
        focus_area=6,
        strategies=("6.5",),
        kind=TIME_BOUND,
        responsible_unit=EIENDOM,
        start_date=date(2022, 6, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=45,
    ),
    ActionRow(
        key="a27-kurs-gronn-omstilling",
        title="Kurs i grønn omstilling for små og mellomstore bedrifter",
        focus_area=6,
        strategies=("6.4",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        partners="Sirkulærklyngen Oslofjord vest",
        start_date=date(2023, 2, 1),
        due_date=date(2023, 11, 30),
        status=PLANNED,
        progress=0,
    ),
    ActionRow(
        key="a28-dialogmoter-naeringsforeninger",
        title="Faste dialogmøter med næringsforeningene, to i året",
        focus_area=7,
        strategies=("7.2", "7.5"),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 1, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=50,
    ),
    ActionRow(
        key="a29-regionalt-naeringssamarbeid",
        title="Regionalt næringssamarbeid med nabokommunene og fylket",
        focus_area=7,
        strategies=("7.3",),
        kind=TIME_BOUND,
        responsible_unit=NAERING,
        start_date=date(2022, 2, 1),
        due_date=date(2023, 12, 31),
        status=IN_PROGRESS,
        progress=None,
    ),
    ActionRow(
        key="a30-bedriftshistorier",
        title="Bedriftshistorier i kommunens kanaler og i nye medier",
        focus_area=8,
        strategies=("8.2",),
        kind=TIME_BOUND,
        responsible_unit=KOMMUNIKASJON,
        start_date=date(2022, 4, 1),
        due_date=date(2023, 12, 31),
        status=DONE,
        progress=100,
    ),
)

# General driver actions: ongoing work without a deadline (examples).
DRIVERS = (
    ActionRow(
        key="d01-paadriver-naeringsarealer",
        title="Pådriver for ferdig regulerte og egnede næringsarealer",
        focus_area=1,
        strategies=("1.6",),
        kind=DRIVER,
        responsible_unit=PLAN_BYGG,
        status=IN_PROGRESS,
    ),
    ActionRow(
        key="d02-paadriver-infrastruktur",
        title="Pådriver overfor fylket og staten for infrastruktur og samferdsel",
        focus_area=7,
        strategies=("7.3",),
        kind=DRIVER,
        responsible_unit=NAERING,
        status=IN_PROGRESS,
    ),
    ActionRow(
        key="d03-naeringsvennlig-saksbehandling",
        title="Næringsvennlig saksbehandling der kommunen er myndighet",
        focus_area=1,
        strategies=("1.2", "8.5"),
        kind=DRIVER,
        responsible_unit=PLAN_BYGG,
        status=IN_PROGRESS,
    ),
    ActionRow(
        key="d04-nettverk-bedrifter",
        title="Nettverk mellom bedrifter og kompetansemiljøer",
        focus_area=7,
        strategies=("7.4",),
        kind=DRIVER,
        responsible_unit=NAERING,
        status=IN_PROGRESS,
    ),
    ActionRow(
        key="d05-synlighet-nye-medier",
        title="Synliggjøre Asker som bo-, besøks- og næringskommune i nye medier",
        focus_area=8,
        strategies=("8.1",),
        kind=DRIVER,
        responsible_unit=KOMMUNIKASJON,
        status=IN_PROGRESS,
    ),
)

ACTIONS = (*STUDIES, *PRIORITISED, *OTHER_TIME_BOUND, *DRIVERS)
PRIORITISED_KEYS = [action.key for action in [*STUDIES, *PRIORITISED]]

# Phases per study as on the timeline slide: Campus in three phases, the others in phase 1
# and «fase 2 og 3». Phase 1 in 2022–23, later phases 2023–2025; exact dates and the
# deliverables are examples. As seen from late 2026, three studies are finished and the
# business development fund has slipped, which the roadmap shows. By study key; a phase's
# position (from 0) is its place here.
STUDY_PHASES = {
    "a01-campus-baerekraft": (
        StudyPhaseRow(
            name="Fase 1",
            planned_start=date(2022, 3, 1),
            planned_end=date(2022, 12, 31),
            actual_start=date(2022, 3, 15),
            actual_end=date(2023, 1, 31),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE
            + "Forstudie med behovs- og markedsanalyse og forslag til organisering.",
        ),
        StudyPhaseRow(
            name="Fase 2",
            planned_start=date(2023, 3, 1),
            planned_end=date(2024, 6, 30),
            actual_start=date(2023, 3, 1),
            actual_end=date(2024, 8, 31),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Konseptutredning: lokalisering, partnere og finansiering.",
        ),
        StudyPhaseRow(
            name="Fase 3",
            planned_start=date(2024, 11, 1),
            planned_end=date(2025, 12, 31),
            actual_start=date(2024, 11, 1),
            actual_end=date(2025, 12, 19),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Etablering av campus med partnere og første leietakere.",
        ),
    ),
    "a02-invester-i-asker": (
        StudyPhaseRow(
            name="Fase 1",
            planned_start=date(2022, 4, 1),
            planned_end=date(2023, 3, 31),
            actual_start=date(2022, 5, 1),
            actual_end=date(2023, 4, 30),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE
            + "Kartlegging av investeringsmuligheter og modeller fra andre kommuner.",
        ),
        StudyPhaseRow(
            name="Fase 2 og 3",
            planned_start=date(2023, 8, 15),
            planned_end=date(2025, 6, 30),
            actual_start=date(2023, 9, 1),
            actual_end=date(2025, 6, 20),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Pilotdrift av funksjonen og forslag til varig organisering.",
        ),
    ),
    "a03-naeringsutviklingsfond": (
        StudyPhaseRow(
            name="Fase 1",
            planned_start=date(2022, 6, 1),
            planned_end=date(2023, 6, 30),
            actual_start=date(2022, 9, 1),
            actual_end=date(2023, 9, 30),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Utredning av fondsmodell, kapitalbehov og vedtekter.",
        ),
        StudyPhaseRow(
            name="Fase 2 og 3",
            planned_start=date(2024, 1, 1),
            planned_end=date(2025, 12, 31),
            actual_start=None,
            actual_end=None,
            status=StudyPhase.Status.PLANNED,
            deliverable=EXAMPLE
            + "Opprettelse av fondet og første tildelingsrunde, blant annet i Asker syd.",
        ),
    ),
    "a04-omdommebygging": (
        StudyPhaseRow(
            name="Fase 1",
            planned_start=date(2022, 3, 1),
            planned_end=date(2022, 12, 31),
            actual_start=date(2022, 3, 1),
            actual_end=date(2022, 12, 15),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Omdømmeanalyse og forslag til budskap om lokale fortrinn.",
        ),
        StudyPhaseRow(
            name="Fase 2 og 3",
            planned_start=date(2023, 4, 1),
            planned_end=date(2025, 6, 30),
            actual_start=date(2023, 4, 15),
            actual_end=date(2025, 6, 27),
            status=StudyPhase.Status.DONE,
            deliverable=EXAMPLE + "Kampanjer i nye medier og måling av omdømmet.",
        ),
    ),
}

# Political cases to the council after phase 1 of each study. The timeline shows five «SAK»
# marks; the fifth is read here as a case after phase 2 of the campus study. Dates and
# decisions are examples; case numbers are not given and left blank. The fund's case was
# planned for October 2023 and is still not decided, so the demo shows a slipped case.
POLITICAL_CASES = (
    PoliticalCaseRow(
        study="a01-campus-baerekraft",
        after_phase=0,
        planned_date=date(2023, 2, 14),
        outcome=PoliticalCase.Outcome.ADOPTED,
        decided_on=date(2023, 2, 14),
        decision_text=EXAMPLE
        + "Kommunestyret slutter seg til forstudien og ber om at fase 2 startes.",
    ),
    PoliticalCaseRow(
        study="a01-campus-baerekraft",
        after_phase=1,
        planned_date=date(2024, 10, 15),
        outcome=PoliticalCase.Outcome.ADOPTED,
        decided_on=date(2024, 10, 15),
        decision_text=EXAMPLE
        + "Kommunestyret velger konsept og lokalisering for campus og ber om etablering.",
    ),
    PoliticalCaseRow(
        study="a02-invester-i-asker",
        after_phase=0,
        planned_date=date(2023, 6, 13),
        outcome=PoliticalCase.Outcome.ADOPTED,
        decided_on=date(2023, 6, 13),
        decision_text=EXAMPLE
        + "Kommunestyret ber om at «Invester i Asker»-funksjonen prøves ut i fase 2 og 3.",
    ),
    PoliticalCaseRow(
        study="a03-naeringsutviklingsfond",
        after_phase=0,
        planned_date=date(2023, 10, 17),
        outcome=PoliticalCase.Outcome.PENDING,
        decided_on=None,
        decision_text="",
    ),
    PoliticalCaseRow(
        study="a04-omdommebygging",
        after_phase=0,
        planned_date=date(2023, 3, 21),
        outcome=PoliticalCase.Outcome.ADOPTED,
        decided_on=date(2023, 3, 21),
        decision_text=EXAMPLE
        + "Kommunestyret slutter seg til budskapene og ber om en plan for fase 2 og 3.",
    ),
)

# Three partner agreements with external competence environments, entered from March 2022
# as on the timeline. Partner names, amounts and deliverables are examples. One agreement
# ends on 31 December 2026, so the warning for agreements ending within 90 days shows from
# early October 2026; one has already ended (2025) and one runs into 2027.
PARTNER_AGREEMENTS = (
    PartnerAgreementRow(
        partner="Kunnskapspark Vestbredden AS",
        purpose=EXAMPLE + "Prosjektledelse og faglig støtte i utredningen av Campus Bærekraft / "
        "sirkulærøkonomi, og førstelinjetjeneste for gründere.",
        start_date=date(2022, 3, 1),
        end_date=date(2026, 12, 31),
        yearly_amount=D(1_200_000),
        co_funding=D(300_000),
        deliverables=EXAMPLE + "Fasevise rapporter for campus-utredningen; gründerkurs "
        "hvert halvår; årlig rapport om aktivitet.",
        actions=("a01-campus-baerekraft", "a07-forstelinje-grundere"),
    ),
    PartnerAgreementRow(
        partner="Sirkulærklyngen Oslofjord vest",
        purpose=EXAMPLE
        + "Nettverk for bedrifter som vil ta i bruk sirkulære forretningsmodeller, og "
        "kompetanse inn i campus-utredningen.",
        start_date=date(2022, 3, 1),
        end_date=date(2025, 12, 31),
        yearly_amount=D(600_000),
        co_funding=D(600_000),
        deliverables=EXAMPLE + "Fire nettverkssamlinger i året; kurs i grønn omstilling.",
        actions=(
            "a01-campus-baerekraft",
            "a26-ombruk-masser-materialer",
            "a27-kurs-gronn-omstilling",
        ),
    ),
    PartnerAgreementRow(
        partner="Innovasjonsselskapet Fjordporten AS",
        purpose=EXAMPLE + "Gjennomføringskraft i utredningene av «Invester i Asker»-funksjonen og "
        "næringsutviklingsfondet, og drift av inkubator i Asker syd.",
        start_date=date(2022, 4, 1),
        end_date=date(2027, 3, 31),
        yearly_amount=D(900_000),
        co_funding=D(450_000),
        deliverables=EXAMPLE + "Investorkontakter og saksunderlag til fase 1; "
        "inkubatorplasser for ti gründerbedrifter.",
        actions=("a02-invester-i-asker", "a03-naeringsutviklingsfond", "a14-inkubator-asker-syd"),
    ),
)

SALARY_LABEL = "Lønn 2 årsverk"
# The cost of the 2 FTE inside the frame is not given in the presentation: 2 000 000 kr is an
# example.
FTE_COST = D(2_000_000)

BUDGET_FRAMES = (
    *(
        BudgetFrameRow(
            year=year,
            kind=BudgetFrame.Kind.DECIDED,
            amount=D(9_600_000),
            fte=D(2),
            fte_cost=FTE_COST,
            decision_reference="Kommunestyrevedtak (budsjett 2022)",
        )
        for year in (2022, 2023)
    ),
    *(
        BudgetFrameRow(
            year=year,
            kind=BudgetFrame.Kind.PROPOSED,
            amount=D(10_600_000),
            fte=D(2),
            fte_cost=FTE_COST,
            decision_reference="Forslag i HP 2023–2026 (+1 mill. kr)",
        )
        for year in (2023, 2024, 2025, 2026)
    ),
)

# Allocations within the decided frames (all amounts are examples). An allocation goes to
# an action (by key), a partner agreement (by partner) or a post with a label.
BUDGET_ALLOCATIONS = (
    BudgetAllocationRow(year=2022, label=SALARY_LABEL, amount=FTE_COST, spent=FTE_COST),
    BudgetAllocationRow(
        year=2022, action="a01-campus-baerekraft", amount=D(1_500_000), spent=D(1_350_000)
    ),
    BudgetAllocationRow(
        year=2022, action="a02-invester-i-asker", amount=D(800_000), spent=D(720_000)
    ),
    BudgetAllocationRow(
        year=2022, action="a03-naeringsutviklingsfond", amount=D(600_000), spent=D(410_000)
    ),
    BudgetAllocationRow(
        year=2022, action="a04-omdommebygging", amount=D(900_000), spent=D(880_000)
    ),
    BudgetAllocationRow(
        year=2022, agreement="Kunnskapspark Vestbredden AS", amount=D(1_200_000), spent=D(1_000_000)
    ),
    BudgetAllocationRow(
        year=2022, agreement="Sirkulærklyngen Oslofjord vest", amount=D(600_000), spent=D(500_000)
    ),
    BudgetAllocationRow(
        year=2022,
        agreement="Innovasjonsselskapet Fjordporten AS",
        amount=D(900_000),
        spent=D(675_000),
    ),
    BudgetAllocationRow(year=2023, label=SALARY_LABEL, amount=FTE_COST, spent=FTE_COST),
    BudgetAllocationRow(
        year=2023, action="a01-campus-baerekraft", amount=D(1_800_000), spent=D(1_650_000)
    ),
    BudgetAllocationRow(
        year=2023, action="a02-invester-i-asker", amount=D(900_000), spent=D(860_000)
    ),
    BudgetAllocationRow(
        year=2023, action="a03-naeringsutviklingsfond", amount=D(700_000), spent=D(150_000)
    ),
    BudgetAllocationRow(
        year=2023, action="a04-omdommebygging", amount=D(1_000_000), spent=D(970_000)
    ),
    BudgetAllocationRow(
        year=2023, agreement="Kunnskapspark Vestbredden AS", amount=D(1_200_000), spent=D(1_200_000)
    ),
    BudgetAllocationRow(
        year=2023, agreement="Sirkulærklyngen Oslofjord vest", amount=D(600_000), spent=D(600_000)
    ),
    BudgetAllocationRow(
        year=2023,
        agreement="Innovasjonsselskapet Fjordporten AS",
        amount=D(900_000),
        spent=D(900_000),
    ),
)

# Dialogue meetings with business, 2019–2021 («Dialogmøter i 2019/20/21»). Dates, topics and
# participants are examples; participants only by name and role.
DIALOGUE_MEETINGS = (
    DialogueMeetingRow(
        date=date(2019, 5, 14),
        organisation="Asker Næringsforening",
        participants="Eksempel: Kari Nordmann, styreleder\n"
        "Eksempel: Ola Nordmann, daglig leder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        topics=EXAMPLE + "Oppstart av temaplanarbeidet; behov for næringsarealer og raske, "
        "forutsigbare svar i plan- og byggesaker.",
        focus_areas=(1, 7),
        actions=("a09-kartlegging-naeringsarealer", "a12-naeringsfrokost-byggesak"),
    ),
    DialogueMeetingRow(
        date=date(2019, 10, 22),
        organisation="Næringsforeningene i Røyken og Hurum",
        participants="Eksempel: Anne Olsen, styreleder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        topics=EXAMPLE + "Lokale fortrinn i nye Asker; kystkultur, historie og reiseliv.",
        focus_areas=(4, 8),
        actions=("a08-strategi-opplevelsesnaering", "a21-besoksmal-kysten"),
    ),
    DialogueMeetingRow(
        date=date(2020, 9, 15),
        organisation="Landbruksnæringen i Asker",
        participants="Eksempel: Lars Berg, bonde og leder i lokallaget\n"
        "Eksempel: Ingrid Dahl, landbruksrådgiver i kommunen",
        topics=EXAMPLE + "Jordvern, tilleggsnæringer på gårdene og lokal mat.",
        focus_areas=(3,),
        actions=("a18-rapport-omdisponering-jord", "a19-tilleggsnaeringer-garder"),
    ),
    DialogueMeetingRow(
        date=date(2021, 3, 9),
        organisation="Gründer- og innovasjonsmiljøene i Asker",
        participants="Eksempel: Sara Lie, daglig leder i et kontorfellesskap\n"
        "Eksempel: Jonas Bakke, gründer\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        topics=EXAMPLE + "Førstelinjetjeneste, inkubatorplasser og tilgang på kapital "
        "(digitalt møte).",
        focus_areas=(2, 5),
        actions=(
            "a07-forstelinje-grundere",
            "a14-inkubator-asker-syd",
            "a03-naeringsutviklingsfond",
        ),
    ),
    DialogueMeetingRow(
        date=date(2021, 11, 16),
        organisation="Asker Næringsforening",
        participants="Eksempel: Kari Nordmann, styreleder\n"
        "Eksempel: Per Hansen, næringssjef i kommunen",
        topics=EXAMPLE + "Innspill til tiltakslisten for 2022/23: campus for sirkulærøkonomi, "
        "investeringer og omdømme.",
        focus_areas=(1, 6, 7, 8),
        actions=(
            "a01-campus-baerekraft",
            "a02-invester-i-asker",
            "a04-omdommebygging",
            "a06-bedriftsbesok-20-storste",
        ),
    ),
)
