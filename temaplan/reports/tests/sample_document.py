"""A hand-made report document: Asker's result for 2020, every figure as on the 2022 slide.

The renderers' tests and benchmark use it (no database): five indicators with «41,7 %»,
«−101 %», Kommune-NM rank 11 and county rank 4, the Kommune-NM edition 2021 with Asker and
five peers and its story, the 2022/23 action plan with its top list, the four studies with
phases and political cases, the 9,6 mill. kr frame, partners, dialogue meetings and the
evaluation's sentences; and the plan's ambitions a)–e), its eight focus areas (placed as the
demo places them) and two premises (reference/seed-plan.md). `scaled_document(10)` is the
same document with ten times the indicators and actions, for the benchmark's linearity check.
"""

from __future__ import annotations

import copy
from typing import Any

from temaplan.reports.document import (
    SCHEMA_VERSION,
    ActionEntry,
    CaseEntry,
    Document,
    EvaluationSentence,
    IndicatorEntry,
    KommuneNm,
    PhaseEntry,
    PlanFocusArea,
    PlanPremise,
    PlanSection,
    SeriesPoint,
    Standing,
    StudyEntry,
)

S = "\u00a0"  # the no-break space the shown figures carry («41,7 %»)
M = "\u2212"  # the minus sign («−101 %»)
YEARS = range(2017, 2025)
STATUS_LABELS = {
    "green": "Nådd",
    "amber": "Nesten",
    "red": "Ikke nådd",
    "no_data": "Ingen data",
    "not_due": "Ikke målt ennå",
}


def _series(
    shown: dict[int, tuple[str, str]], targets: dict[int, str], statuses: dict[int, str]
) -> list[SeriesPoint]:
    return [
        SeriesPoint(
            year=year,
            value=shown[year][0] if year in shown else None,
            shown=shown[year][1] if year in shown else "–",
            target=targets.get(year, ""),
            status=statuses.get(year, "not_due" if year > 2020 else "no_data"),
        )
        for year in YEARS
    ]


def _indicator(
    key: str,
    name: str,
    *,
    unit: str,
    direction: str,
    source: str,
    computed_as: str,
    results: dict[int, tuple[str, str]],
    targets: dict[int, str],
    statuses: dict[int, str],
    reason: str,
    footnote: str = "",
    comment: str = "",
    provisional: bool = False,
    revised_from: list[str] | None = None,
    source_note: str = "",
    vintage: str = "",
) -> IndicatorEntry:
    value, shown = results.get(2020, (None, "–"))
    previous_value, previous_shown = results.get(2019, (None, "–"))
    status = statuses.get(2020, "no_data")
    return IndicatorEntry(
        key=key,
        name=name,
        unit=unit,
        direction=direction,
        source=source,
        computed_as=computed_as,
        value=value,
        shown=shown,
        target=targets.get(2020, ""),
        status=status,
        status_label=STATUS_LABELS[status],
        reason=reason,
        provisional=provisional,
        revised_from=revised_from or [],
        source_note=source_note,
        vintage=vintage,
        previous_value=previous_value,
        previous_shown=previous_shown,
        comment=comment,
        footnote=footnote,
        series=_series(results, targets, statuses),
    )


def _pct(value: str) -> tuple[str, str]:
    shown = value.replace(".", ",").replace("-", M)
    return value, f"{shown}{S}%"


INDICATORS = [
    _indicator(
        "nho-kommune-nm-rang",
        "Være blant topp 10 på samlet plassering i NHOs Kommune-NM",
        unit="rank",
        direction="lower",
        source="NHO",
        computed_as="",
        results={2017: ("12", "12"), 2018: ("12", "12"), 2019: ("13", "13"), 2020: ("11", "11")},
        targets={
            2020: "12 eller bedre",
            2021: "12 eller bedre",
            2022: "12 eller bedre",
            2023: "11 eller bedre",
            2024: "10 eller bedre",
        },
        statuses={2017: "green", 2018: "green", 2019: "amber", 2020: "green"},
        reason="Plass 11 er bedre enn ambisjonen om plass 12 eller bedre.",
        source_note="NHO Kommune-NM 2021 (tall for 2020)",
        vintage="NHO Kommune-NM 2021",
    ),
    _indicator(
        "nho-rang-i-fylket",
        "Være blant topp 3 i Viken på samlet plassering i NHOs Kommune-NM",
        unit="rank",
        direction="lower",
        source="NHO",
        computed_as="Plassering blant kommunene i Viken, regnet fra de nasjonale plasseringene",
        results={2017: ("5", "5"), 2018: ("5", "5"), 2019: ("5", "5"), 2020: ("4", "4")},
        targets={
            2020: "4 eller bedre",
            2021: "4 eller bedre",
            2022: "3 eller bedre",
            2023: "3 eller bedre",
            2024: "3 eller bedre",
        },
        statuses={2017: "amber", 2018: "amber", 2019: "amber", 2020: "green"},
        reason="Plass 4 i Viken når ambisjonen om plass 4 eller bedre.",
        comment="Lier er en sterk konkurrent om 3. plassen i Viken.",
        source_note="NHO Kommune-NM 2021 (tall for 2020)",
        vintage="NHO Kommune-NM 2021",
    ),
    _indicator(
        "arbeidsplassvekst-av-befolkningsvekst",
        "Prosentvis vekst i arbeidsplasser av befolkningsveksten",
        unit="ratio",
        direction="higher",
        source="SSB",
        computed_as="Endring i sysselsatte etter arbeidssted delt på endring i folketallet",
        results={2017: _pct("54"), 2018: _pct("130"), 2019: _pct("47"), 2020: _pct("-101")},
        targets={year: f"over 50{S}%" for year in range(2020, 2025)},
        statuses={2017: "green", 2018: "green", 2019: "amber", 2020: "red"},
        reason=f"{M}101{S}% er 151 prosentpoeng fra ambisjonen over 50{S}%.",
        footnote=(
            f"Asker mistet 480 arbeidsplasser i 2020 ({M}1,3{S}%). "
            f"Bærum mistet 771 arbeidsplasser i 2020 ({M}1,0{S}%)."
        ),
        source_note="SSB tabell 11618 og 07459",
        vintage="SSB 11618 publisert 2021-06-15",
    ),
    _indicator(
        "andel-sysselsatt-i-egen-kommune",
        "Andelen av innbyggerne som er sysselsatt i egen kommune skal øke år for år",
        unit="percent",
        direction="higher",
        source="SSB",
        computed_as="Sysselsatte som bor og arbeider i Asker delt på sysselsatte som bor i Asker",
        results={
            2017: _pct("41.9"),
            2018: _pct("42.3"),
            2019: _pct("41.4"),
            2020: _pct("41.7"),
        },
        targets={
            2020: "høyere enn året før",
            2021: f"minst 41,4{S}%",
            2022: f"minst 42,0{S}%",
            2023: f"minst 42,5{S}%",
            2024: f"minst 43,0{S}%",
        },
        statuses={2017: "green", 2018: "green", 2019: "red", 2020: "green"},
        reason=f"41,7{S}% er høyere enn 41,4{S}% året før.",
        footnote="Andelen kortreiste økte selv om det i 2020 ble færre sysselsatte.",
        provisional=True,
        source_note="SSB tabell 03321 (pendling)",
        vintage="SSB 03321 publisert 2021-06-15",
    ),
    _indicator(
        "omdisponert-dyrket-mark",
        "Nasjonalt jordvernmål: begrense omdisponering av dyrket mark (dekar)",
        unit="decares",
        direction="lower",
        source="SSB",
        computed_as="",
        results={2017: ("23", f"23{S}daa"), 2018: ("260", f"260{S}daa"), 2019: ("90", f"90{S}daa")},
        targets={year: f"høyst 15{S}daa" for year in range(2020, 2025)},
        statuses={2017: "amber", 2018: "red", 2019: "red", 2020: "no_data"},
        reason="Ingen verdi for 2020.",
        footnote="Tallet for 2020 var ikke tilgjengelig i mai 2022; jordvernmålet følges opp "
        "senere.",
        revised_from=[f"92{S}daa"],
        source_note="SSB tabell 12660 (KOSTRA)",
        vintage="SSB 12660 publisert 2021-03-15",
    ),
]

THEMES = [
    {"key": "naeringsliv", "name": "Næringsliv"},
    {"key": "arbeidsmarked", "name": "Arbeidsmarked"},
    {"key": "demografi", "name": "Demografi"},
    {"key": "kompetanse", "name": "Kompetanse"},
    {"key": "kommuneokonomi", "name": "Kommuneøkonomi"},
]


def _standing(
    code: str, name: str, rank: int, previous: int, county: str, themes: tuple[int, ...]
) -> Standing:
    return Standing(
        code=code,
        name=name,
        rank=rank,
        previous_rank=previous,
        county=county,
        previous_county="",
        theme_ranks={theme["key"]: value for theme, value in zip(THEMES, themes, strict=True)},
    )


OWN = _standing(
    "3025", "Asker", 11, 13, "4. av de 6 kommunene i Viken vi har tall for", (6, 56, 98, 54, 11)
)
OWN["previous_county"] = "6. av de 6 kommunene i Viken vi har tall for"
PEERS = [
    _standing("3024", "Bærum", 1, 3, "1. i Viken", (1, 5, 89, 3, 2)),
    _standing("3006", "Kongsberg", 8, 6, "2. i Viken", (23, 39, 100, 1, 43)),
    _standing("3049", "Lier", 10, 10, "3. i Viken", (3, 45, 45, 167, 20)),
    _standing("3033", "Ullensaker", 12, 9, "5. i Viken", (8, 187, 2, 279, 8)),
    _standing("3021", "Ås", 14, 12, "6. i Viken", (189, 35, 33, 10, 14)),
]
STORY: list[tuple[str, str, dict[str, Any]]] = [
    (
        "moved",
        "Asker gikk fra 6. til 4. plass i Viken, til tross for tilbakeslag på noen indikatorer.",
        {"from": 6, "to": 4},
    ),
    ("rival", "Lier er en sterk konkurrent om 3. plassen i Viken.", {"rival": "Lier"}),
    ("weakest", "Demografi er Askers akilleshæl: plass 98 av 356.", {"rank": 98}),
]


def _action(
    key: str,
    title: str,
    kind: str,
    focus: str,
    status: str,
    progress: int | None,
    due: str | None,
    priority: int | None,
) -> ActionEntry:
    kinds = {"study": "utredning", "time_bound": "tidsbestemt tiltak"}
    labels = {
        "planned": "planlagt",
        "in_progress": "pågår",
        "done": "ferdig",
        "delayed": "forsinket",
        "cancelled": "avlyst",
    }
    return ActionEntry(
        key=key,
        title=title,
        kind=kind,
        kind_label=kinds.get(kind, "generelt pådrivertiltak"),
        focus_area=focus,
        status=status,
        status_label=labels[status],
        progress=progress,
        due_date=due,
        priority=priority,
        anchored="Formannskapet 11. januar 2022" if priority else "",
    )


F1, F2, F4 = (
    "1 Eksisterende næringer",
    "2 Gründerskap og innovasjonsmiljøer",
    "4 Opplevelsesnæringer",
)
F5, F6, F7, F8 = (
    "5 Nye næringer",
    "6 Grønn konkurransekraft",
    "7 Samarbeid og nettverk",
    ("8 Omdømme og synlighet"),
)
ACTIONS = [
    _action("a01-campus-baerekraft", "Campus Bærekraft / sirkulærøkonomi", "study", F6,
            "in_progress", 10, "2025-12-31", 1),
    _action("a02-invester-i-asker", "«Invester i Asker»-funksjon", "study", F5, "in_progress",
            5, "2025-06-30", 2),
    _action("a03-naeringsutviklingsfond",
            "Næringsutviklingsfond (særskilt satsing, blant annet Asker syd)", "study", F5,
            "planned", 0, "2025-12-31", 3),
    _action("a04-omdommebygging", "Omdømmebygging (bo, besøke, drive næring)", "study", F8,
            "in_progress", 15, "2025-06-30", 4),
    _action("a05-partneravtaler", "Inngå tre partnerskapsavtaler med eksterne kompetansemiljøer",
            "time_bound", F7, "done", 100, "2022-06-30", 5),
    _action("a06-bedriftsbesok-20-storste", "Bedriftsbesøk hos de 20 største virksomhetene",
            "time_bound", F1, "in_progress", 35, "2023-12-31", 6),
    _action("a07-forstelinje-grundere", "Førstelinjetjeneste for gründere med veiledning og kurs",
            "time_bound", F2, "in_progress", 40, "2022-12-31", 7),
    _action("a08-strategi-opplevelsesnaering",
            "Strategi for opplevelsesnæringen basert på kystkultur, historie og reiseliv",
            "time_bound", F4, "delayed", 20, "2023-06-30", 8),
    _action("a09-kartlegging-naeringsarealer",
            "Kartlegging av næringsarealer som kan fortettes eller transformeres", "time_bound",
            F1, "in_progress", 30, "2023-06-30", 9),
    _action("a10-servicekultur",
            "Servicekultur: kursrekke for saksbehandlere som møter næringslivet", "time_bound",
            F8, "in_progress", 40, "2023-12-31", 10),
    _action("a11-kontaktperson-storre-virksomheter",
            "Fast kontaktperson i kommunen for større virksomheter", "time_bound", F1, "done",
            100, "2022-03-31", None),
    _action("a14-inkubator-asker-syd", "Støtte til kontorfellesskap og inkubator i Asker syd",
            "time_bound", F2, "in_progress", 50, "2023-06-30", None),
    _action("a20-lokal-mat-kommunale-kjokken", "Mer lokal mat i kommunens egne kjøkken",
            "time_bound", "3 Landbruk", "cancelled", None, None, None),
    _action("a25-klimakrav-anskaffelser", "Klima- og miljøkrav i kommunens anskaffelser",
            "time_bound", F6, "done", 100, "2022-04-30", None),
]  # fmt: skip


def _phase(name: str, start: str, end: str, actual: str | None, status: str, note: str):
    return PhaseEntry(
        name=name,
        planned_start=start,
        planned_end=end,
        actual_start=actual,
        actual_end=None,
        status=status,
        note=note,
    )


def _case(after: str, planned: str) -> CaseEntry:
    return CaseEntry(
        after_phase=after,
        body="Kommunestyret",
        planned_date=planned,
        decided_on=None,
        case_number="",
        outcome="pending",
    )


STUDIES = [
    StudyEntry(
        key="a01-campus-baerekraft",
        title="Campus Bærekraft / sirkulærøkonomi",
        flag="",
        phases=[
            _phase("Fase 1", "2022-03-01", "2022-12-31", "2022-03-15", "in_progress", ""),
            _phase("Fase 2", "2023-03-01", "2024-06-30", None, "planned", ""),
            _phase("Fase 3", "2024-11-01", "2025-12-31", None, "planned", ""),
        ],
        cases=[_case("Fase 1", "2023-02-14"), _case("Fase 2", "2024-10-15")],
    ),
    StudyEntry(
        key="a02-invester-i-asker",
        title="«Invester i Asker»-funksjon",
        flag="",
        phases=[
            _phase(
                "Fase 1",
                "2022-04-01",
                "2023-03-31",
                "2022-05-01",
                "in_progress",
                "startet en måned etter planen",
            ),
            _phase("Fase 2 og 3", "2023-08-15", "2025-06-30", None, "planned", ""),
        ],
        cases=[_case("Fase 1", "2023-06-13")],
    ),  # fmt: skip
    StudyEntry(
        key="a03-naeringsutviklingsfond",
        title="Næringsutviklingsfond (særskilt satsing, blant annet Asker syd)",
        flag="",
        phases=[
            _phase("Fase 1", "2022-06-01", "2023-06-30", None, "planned", ""),
            _phase("Fase 2 og 3", "2024-01-01", "2025-12-31", None, "planned", ""),
        ],
        cases=[_case("Fase 1", "2023-10-17")],
    ),
    StudyEntry(
        key="a04-omdommebygging",
        title="Omdømmebygging (bo, besøke, drive næring)",
        flag="",
        phases=[
            _phase("Fase 1", "2022-03-01", "2022-12-31", "2022-03-01", "in_progress", ""),
            _phase("Fase 2 og 3", "2023-04-01", "2025-06-30", None, "planned", ""),
        ],
        cases=[_case("Fase 1", "2023-03-21")],
    ),
]


def _sentence(section: str, key: str, text: str, **figures: Any) -> EvaluationSentence:
    return EvaluationSentence(section=section, key=key, text=text, figures=figures, edited=False)


EVALUATION = [
    _sentence(
        "summary",
        "",
        "3 av 5 indikatorer når ambisjonen for 2020; jordvernmålet kan først vurderes når "
        "tallene for 2020 foreligger.",
        reached=3,
        total=5,
    ),
    _sentence(
        "summary",
        "position",
        "Vi ligger godt an mot ambisjonen på næringsindikatorene, men posisjonen er ikke "
        "stabil: mange faktorer påvirker den relative plasseringen.",
    ),
    _sentence(
        "indicator",
        "nho-kommune-nm-rang",
        "Asker er på plass 11 i Kommune-NM, to plasser bedre enn året før.",
        rank=11,
        previous=13,
    ),
    _sentence(
        "indicator",
        "nho-rang-i-fylket",
        "Asker er nummer 4 i Viken og når ambisjonen for 2020.",
        rank=4,
    ),
    _sentence(
        "indicator",
        "arbeidsplassvekst-av-befolkningsvekst",
        f"Veksten i arbeidsplasser var {M}101{S}% av befolkningsveksten: Asker mistet 480 "
        "arbeidsplasser mens folketallet økte med 474.",
        value="-101",
    ),
    _sentence(
        "indicator",
        "andel-sysselsatt-i-egen-kommune",
        f"Andelen som jobber i egen kommune økte fra 41,4{S}% til 41,7{S}% (foreløpig tall).",
        value="41.7",
        previous="41.4",
    ),
    _sentence(
        "indicator",
        "omdisponert-dyrket-mark",
        "Jordvernmålet kan først vurderes når tallene for 2020 foreligger.",
    ),
    _sentence(
        "focus_area",
        "1",
        "Eksisterende næringer: 1 av 4 tiltak er ferdig, ingen er forsinket.",
        done=1,
        actions=4,
    ),
    _sentence(
        "kommune_nm",
        "",
        "Asker gikk fram fra plass 13 til 11 og fra 6. til 4. plass i Viken.",
        rank=11,
        previous=13,
    ),
    _sentence(
        "budget",
        "",
        f"Rammen på 9,6{S}mill.{S}kr er fordelt; økonomiplanen foreslår å øke den med "
        f"1{S}mill.{S}kr til 10,6{S}mill.{S}kr.",
        decided="9600000",
        proposed="10600000",
    ),
]


SCALE = {1: "lav", 2: "nokså lav", 3: "middels", 4: "nokså høy", 5: "høy"}
# The political ambitions a)–e) from the merger of «nye Asker», as the plan states them.
AMBITIONS = [
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


def _area(number: int, name: str, influence: int, importance: int, strategies: int):
    return PlanFocusArea(
        number=str(number),
        name=name,
        influence=influence,
        influence_label=f"{influence} ({SCALE[influence]})",
        importance=importance,
        importance_label=f"{importance} ({SCALE[importance]})",
        strategies=strategies,
        placement_is_example=True,  # the slide's positions were lost in extraction
    )


def _premise(letter: str, name: str, influence: int, importance: int) -> PlanPremise:
    return PlanPremise(
        letter=letter,
        name=name,
        influence=influence,
        influence_label=f"{influence} ({SCALE[influence]})",
        importance=importance,
        importance_label=f"{importance} ({SCALE[importance]})",
    )


# The eight focus areas with the demo's placements and strategy counts (43 in all).
PLAN = PlanSection(
    ambitions=AMBITIONS,
    focus_areas=[
        _area(1, "Eksisterende næringer", 3, 5, 7),
        _area(2, "Gründerskap og innovasjonsmiljøer", 4, 4, 6),
        _area(3, "Landbruk", 2, 2, 4),
        _area(4, "Opplevelsesnæringer", 3, 3, 5),
        _area(5, "Nye næringer", 4, 3, 6),
        _area(6, "Grønn konkurransekraft", 2, 4, 5),
        _area(7, "Samarbeid og nettverk", 5, 3, 5),
        _area(8, "Omdømme og synlighet", 5, 4, 5),
    ],
    premises=[
        _premise("a", "Infrastruktur og samferdsel", 1, 5),
        _premise("b", "Arealer og arealbestemmelser", 2, 5),
    ],
)


def sample_document() -> Document:
    """A fresh copy of the sample, to change freely in a test."""
    return copy.deepcopy(
        Document(
            meta={
                "schema_version": SCHEMA_VERSION,
                "title": "Resultatrapport 2020",
                "year": 2020,
                "municipality_number": "3025",
                "municipality_name": "Asker kommune",
                "plan_name": "Temaplan næring 2020–2032",
                "plan_period": "2020–2032",
                "built_at": "2022-05-10T12:00:00+02:00",
                "vintages": [
                    "NHO Kommune-NM 2021",
                    "SSB 03321 publisert 2021-06-15",
                    "SSB 11618 publisert 2021-06-15",
                    "SSB 12660 publisert 2021-03-15",
                ],
            },
            plan=PLAN,
            indicators=INDICATORS,
            kommune_nm=KommuneNm(
                **{
                    "edition": 2021,
                    "data_year": 2020,
                    "ranked": 356,
                    "source": "NHO Kommune-NM 2021",
                    "themes": THEMES,
                    "own": OWN,
                    "peers": PEERS,
                    "story": [
                        {"key": key, "text": text, "figures": figures, "edited": False}
                        for key, text, figures in STORY
                    ],
                    "index": {
                        "label": "Temaplans egen indeks",
                        "year": 2020,
                        "rank": 12,
                        "low": 9,
                        "high": 16,
                        "ranked": 356,
                    },
                }
            ),
            action_plan={
                "period": "2022/23",
                "percent": "42.5",
                "shown": f"42,5{S}%",
                "method": "Gjennomsnitt av framdriften i tiltakene, vektet; avlyste tiltak "
                "er holdt utenfor.",
                "actions": ACTIONS,
                "focus_areas": [
                    {
                        "number": "1",
                        "name": "Eksisterende næringer",
                        "actions": 4,
                        "done": 1,
                        "late": 0,
                        "cancelled": 0,
                        "percent": "41.25",
                        "shown": f"41,3{S}%",
                    },
                    {
                        "number": "2",
                        "name": "Gründerskap og innovasjonsmiljøer",
                        "actions": 2,
                        "done": 0,
                        "late": 0,
                        "cancelled": 0,
                        "percent": "45",
                        "shown": f"45,0{S}%",
                    },
                    {
                        "number": "3",
                        "name": "Landbruk",
                        "actions": 1,
                        "done": 0,
                        "late": 0,
                        "cancelled": 1,
                        "percent": None,
                        "shown": "–",
                    },
                    {
                        "number": "4",
                        "name": "Opplevelsesnæringer",
                        "actions": 1,
                        "done": 0,
                        "late": 1,
                        "cancelled": 0,
                        "percent": "20",
                        "shown": f"20,0{S}%",
                    },
                ],  # fmt: skip
                "top_list": [a["key"] for a in ACTIONS if a["priority"]],
            },
            studies=STUDIES,
            budget=[
                {
                    "year": 2022,
                    "decided": "9600000",
                    "decided_shown": f"9,6{S}mill.{S}kr",
                    "decision": "Kommunestyrevedtak (budsjett 2022)",
                    "proposed": None,
                    "proposed_shown": "–",
                    "fte": "2",
                    "allocated": "9600000",
                    "allocated_shown": f"9,6{S}mill.{S}kr",
                    "spent": "3150000",
                    "spent_shown": f"3,2{S}mill.{S}kr",
                    "warning": "",
                },
                {
                    "year": 2023,
                    "decided": "9600000",
                    "decided_shown": f"9,6{S}mill.{S}kr",
                    "decision": "Kommunestyrevedtak (budsjett 2022)",
                    "proposed": "10600000",
                    "proposed_shown": f"10,6{S}mill.{S}kr",
                    "fte": "2",
                    "allocated": "8100000",
                    "allocated_shown": f"8,1{S}mill.{S}kr",
                    "spent": "0",
                    "spent_shown": f"0{S}mill.{S}kr",
                    "warning": "",
                },
            ],
            partners=[
                {
                    "partner": "Kunnskapspark Vestbredden AS",
                    "purpose": "Prosjektledelse i campus-utredningen og førstelinjetjeneste "
                    "for gründere",
                    "start_date": "2022-03-01",
                    "end_date": "2026-12-31",
                    "yearly_amount": "1200000",
                    "yearly_shown": f"1,2{S}mill.{S}kr",
                    "contact": "Kari Nordmann",
                    "expiry_warning": "",
                },
                {
                    "partner": "Sirkulærklyngen Oslofjord vest",
                    "purpose": "Nettverk for sirkulære forretningsmodeller",
                    "start_date": "2022-03-01",
                    "end_date": "2025-12-31",
                    "yearly_amount": "600000",
                    "yearly_shown": f"0,6{S}mill.{S}kr",
                    "contact": "",
                    "expiry_warning": "",
                },
                {
                    "partner": "Innovasjonsselskapet Fjordporten AS",
                    "purpose": "Gjennomføringskraft i utredningene og inkubator i Asker syd",
                    "start_date": "2022-04-01",
                    "end_date": "2027-03-31",
                    "yearly_amount": "900000",
                    "yearly_shown": f"0,9{S}mill.{S}kr",
                    "contact": "Ola Nordmann",
                    "expiry_warning": "",
                },
            ],
            meetings=[
                {
                    "date": "2020-09-15",
                    "organisation": "Landbruksnæringen i Asker",
                    "participants": "Lars Berg, bonde og leder i lokallaget\nIngrid Dahl, "
                    "landbruksrådgiver i kommunen",
                    "topics": "Jordvern, tilleggsnæringer på gårdene og lokal mat.",
                },
                {
                    "date": "2020-11-10",
                    "organisation": "Asker Næringsforening",
                    "participants": "Kari Nordmann, styreleder\nPer Hansen, næringssjef",
                    "topics": "Koronasituasjonen og behovet for raske svar i byggesaker.",
                },
            ],
            evaluation=EVALUATION,
        )
    )


def scaled_document(factor: int) -> Document:
    """The sample with `factor` times the indicators and actions (keys and names numbered),
    the rest as it is: the benchmark's large plan."""
    document = sample_document()
    indicators, actions = [], []
    for copy_number in range(1, factor + 1):
        for entry in sample_document()["indicators"]:
            entry["key"] += f"-{copy_number}"
            entry["name"] += f" ({copy_number})"
            indicators.append(entry)
        for action in sample_document()["action_plan"]["actions"]:
            action["key"] += f"-{copy_number}"
            actions.append(action)
    document["indicators"] = indicators
    document["action_plan"]["actions"] = actions
    document["action_plan"]["top_list"] = [
        key + "-1" for key in document["action_plan"]["top_list"]
    ]
    return document
