"""The report document built from the live data: the demo's 2020 report holds the figures of
the plan presentation's slides, every section is filled, and the choices the builder makes
(which edition, which action period, exact values) are pinned."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from temaplan.actions.models import Action, ActionPeriod, StudyPhase
from temaplan.indicators.models import Indicator
from temaplan.indicators.services import observation_record
from temaplan.plans.models import Ambition, FocusArea, Premise, Strategy
from temaplan.reports.document import canonical_bytes
from temaplan.reports.snapshot import snapshot_build
from temaplan.reports.snapshot_actions import report_period
from temaplan.reports.snapshot_values import exact

NBSP = "\u00a0"
TODAY = date(2022, 5, 1)


def plain(text: str) -> str:
    """Shown text with its no-break spaces as spaces, as the slides print them."""
    return text.replace(NBSP, " ")


@pytest.fixture
def document_2020(asker_plan):
    return snapshot_build(plan=asker_plan, year=2020, today=TODAY)


def indicator(document, key):
    return next(i for i in document["indicators"] if i["key"] == key)


@pytest.mark.parametrize(
    "where, shown",
    [
        (lambda d: indicator(d, "andel-sysselsatt-i-egen-kommune")["shown"], "41,7 %"),
        (lambda d: indicator(d, "arbeidsplassvekst-av-befolkningsvekst")["shown"], "−101 %"),
        (lambda d: d["budget"][0]["decided_shown"], "9,6 mill. kr"),
        (lambda d: indicator(d, "nho-kommune-nm-rang")["shown"], "11"),
        (lambda d: indicator(d, "nho-rang-i-fylket")["shown"], "4"),
        (lambda d: str(d["kommune_nm"]["own"]["rank"]), "11"),
    ],
    ids=["andel", "arbeidsplassvekst", "budsjett", "kommune-nm", "i-fylket", "nm-lysbildet"],
)
def test_the_demo_2020_document_holds_the_slides_figures(document_2020, where, shown):
    assert plain(where(document_2020)) == shown


def test_the_slides_figures_are_in_the_documents_text_as_the_renderers_get_it(document_2020):
    text = plain(canonical_bytes(document_2020).decode())
    for shown in ("41,7 %", "−101 %", "9,6 mill. kr"):
        assert shown in text


@pytest.mark.parametrize(
    "key, value, status, label",
    [
        ("nho-kommune-nm-rang", "11", "green", "Nådd"),
        ("nho-rang-i-fylket", "4", "green", "Nådd"),
        ("arbeidsplassvekst-av-befolkningsvekst", "-101", "red", "Ikke nådd"),
        ("andel-sysselsatt-i-egen-kommune", "41.7", "green", "Nådd"),
        ("omdisponert-dyrket-mark", None, "no_data", "Ingen data"),
    ],
)
def test_each_indicator_has_its_exact_value_status_and_reason(
    document_2020, key, value, status, label
):
    entry = indicator(document_2020, key)
    assert (entry["value"], entry["status"], entry["status_label"]) == (value, status, label)
    assert entry["reason"]
    assert [p["year"] for p in entry["series"]] == list(range(2017, 2025))


def test_an_indicator_measured_against_its_long_term_goal_says_so(document_2020):
    assert plain(indicator(document_2020, "arbeidsplassvekst-av-befolkningsvekst")["target"]) == (
        "over 50 % (langsiktig mål)"
    )


def test_every_section_is_filled_from_the_live_data(document_2020):
    d = document_2020
    assert d["meta"]["title"] == "Resultatrapport 2020"
    assert d["meta"]["municipality_name"] == "Asker"
    assert len(d["indicators"]) == 5
    assert d["kommune_nm"]["edition"] == 2021 and d["kommune_nm"]["data_year"] == 2020
    assert [p["name"] for p in d["kommune_nm"]["peers"]] == [
        "Bærum",
        "Kongsberg",
        "Ullensaker",
        "Lier",
        "Ås",
    ]
    assert d["kommune_nm"]["index"] is None  # the demo's series store is empty
    assert d["action_plan"]["period"] == "2022/23"
    assert len(d["action_plan"]["actions"]) == 35
    assert len(d["action_plan"]["top_list"]) == 10
    assert d["action_plan"]["actions"][0]["anchored"] == "Formannskapet 11. januar 2022"
    assert len(d["studies"]) == 4 and all(s["phases"] for s in d["studies"])
    assert [y["year"] for y in d["budget"]] == [2022, 2023, 2024, 2025, 2026]
    assert len(d["partners"]) == 3
    assert [m["date"] for m in d["meetings"]] == ["2020-09-15"]
    assert d["evaluation"] == []


def test_the_plan_section_has_the_plans_ambitions_and_its_eight_focus_areas(document_2020):
    plan = document_2020["plan"]
    assert len(plan["ambitions"]) == 5
    assert (
        plan["ambitions"][0] == "Den nye kommunen skal være ledende i landet på næringsutvikling."
    )
    assert plan["ambitions"][4].endswith("basert på kystkultur, historie og reiseliv.")
    assert [(a["number"], a["name"]) for a in plan["focus_areas"]][::7] == [
        ("1", "Eksisterende næringer"),
        ("8", "Omdømme og synlighet"),
    ]
    assert len(plan["focus_areas"]) == 8
    assert sum(a["strategies"] for a in plan["focus_areas"]) == 43
    first = plan["focus_areas"][0]
    assert (first["influence"], first["influence_label"]) == (3, "3 (middels)")
    assert (first["importance"], first["importance_label"]) == (5, "5 (høy)")
    assert first["placement_is_example"] is True
    assert [(p["letter"], p["name"]) for p in plan["premises"]] == [
        ("a", "Infrastruktur og samferdsel"),
        ("b", "Arealer og arealbestemmelser"),
    ]


def test_a_plan_without_ambitions_or_focus_areas_has_an_empty_plan_section(asker_plan):
    asker_plan.ambitions.all().delete()
    Premise.objects.filter(plan=asker_plan).delete()
    FocusArea.objects.filter(plan=asker_plan).delete()
    plan = snapshot_build(plan=asker_plan, year=2020)["plan"]
    assert plan == {"ambitions": [], "focus_areas": [], "premises": []}


def test_the_vintages_are_every_vintage_the_figures_carry(document_2020):
    assert document_2020["meta"]["vintages"] == [
        "Kommune-NM 2018",
        "Kommune-NM 2019",
        "Kommune-NM 2020",
        "Kommune-NM 2021",
        "mai 2022",
    ]


def test_kommune_nm_is_the_newest_edition_whose_data_year_is_not_after_the_report(asker_plan):
    assert snapshot_build(plan=asker_plan, year=2019)["kommune_nm"]["edition"] == 2020
    assert snapshot_build(plan=asker_plan, year=2025)["kommune_nm"]["edition"] == 2021


def test_a_plan_without_editions_has_no_kommune_nm(baerum_plan):
    document = snapshot_build(plan=baerum_plan, year=2021)
    assert document["kommune_nm"] is None
    assert document["indicators"] == []


def test_a_revised_result_carries_the_value_it_replaced(asker_plan):
    share = Indicator.objects.get(plan=asker_plan, key="andel-sysselsatt-i-egen-kommune")
    observation_record(indicator=share, year=2020, value=Decimal("41.8"), vintage="SSB 2023")
    entry = indicator(snapshot_build(plan=asker_plan, year=2020), share.key)
    assert plain(entry["shown"]) == "41,8 %"
    assert [plain(v) for v in entry["revised_from"]] == ["41,7 %"]
    assert entry["vintage"] == "SSB 2023"


def queries_of_build(plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        snapshot_build(plan=plan, year=2020)
    return len(queries)


def more_of_everything(plan, count: int) -> None:
    """`count` more indicators with results, and as many more actions, studies among them,
    ambitions, focus areas with a strategy each, and premises."""
    period = plan.action_periods.get()
    municipality = plan.municipality
    for n in range(count):
        Ambition.objects.create(municipality=municipality, plan=plan, text=f"Ambisjon {n}")
        area = FocusArea.objects.create(
            municipality=municipality,
            plan=plan,
            number=100 + n,
            name=f"Ekstra {n}",
            influence=3,
            importance=3,
        )
        Strategy.objects.create(
            municipality=municipality, plan=plan, focus_area=area, code=f"{100 + n}.1", text="S"
        )
        Premise.objects.create(
            municipality=municipality, plan=plan, name=f"Premiss {n}", influence=1, importance=1
        )
        extra = Indicator.objects.create(
            municipality=plan.municipality,
            plan=plan,
            key=f"ekstra-{n}",
            name=f"Ekstra {n}",
            unit="count",
            source="own",
        )
        observation_record(indicator=extra, year=2020, value=Decimal(n))
        action = Action.objects.create(
            municipality=plan.municipality,
            period=period,
            key=f"ekstra-{n}",
            title=f"Ekstra {n}",
            kind=Action.Kind.STUDY,
        )
        StudyPhase.objects.create(
            municipality=plan.municipality,
            study=action,
            name="Fase 1",
            planned_start=date(2022, 1, 1),
            planned_end=date(2022, 6, 30),
        )


def test_the_build_costs_the_same_queries_whatever_the_plans_size(asker_plan):
    queries_of_build(asker_plan)  # what is read once per process (the code history) is read
    before = queries_of_build(asker_plan)
    more_of_everything(asker_plan, 10)
    assert queries_of_build(asker_plan) == before
    assert before <= 40


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        (Decimal("41.7000"), "41.7"),
        (Decimal("-101.0000"), "-101"),
        (Decimal("9600000.00"), "9600000"),
        (Decimal("0.0000"), "0"),
        (Decimal("-0"), "0"),
        (12, "12"),
    ],
)
def test_exact_values_are_written_without_trailing_zeros_or_exponents(value, expected):
    assert exact(value) == expected


def period(name, first, last):
    return SimpleNamespace(name=name, first_date=date(*first), last_date=date(*last))


PERIODS = [
    period("2022/23", (2022, 1, 1), (2023, 12, 31)),
    period("2024/25", (2024, 1, 1), (2025, 12, 31)),
]


@pytest.mark.parametrize(
    "periods, year, expected",
    [
        (PERIODS, 2022, "2022/23"),
        (PERIODS, 2023, "2022/23"),
        (PERIODS, 2024, "2024/25"),
        (PERIODS, 2020, "2022/23"),  # none begun yet: the first
        (PERIODS, 2027, "2024/25"),  # none running: the newest begun
        ([], 2020, None),
    ],
)
def test_the_reports_action_period(periods, year, expected):
    chosen = report_period(periods, year=year)
    assert (chosen.name if chosen else None) == expected


def test_the_action_period_comes_from_the_plan(asker_plan):
    ActionPeriod.objects.create(
        municipality=asker_plan.municipality,
        plan=asker_plan,
        name="2024/25",
        first_date=date(2024, 1, 1),
        last_date=date(2025, 12, 31),
    )
    document = snapshot_build(plan=asker_plan, year=2024)
    assert document["action_plan"]["period"] == "2024/25"
    assert document["action_plan"]["actions"] == []
    assert document["action_plan"]["shown"] == "–"
