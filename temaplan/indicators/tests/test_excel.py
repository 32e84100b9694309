"""The indicator workbook: export, import, idempotency, the round trip and cell reading."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from temaplan.core.workbook import ImportRejected
from temaplan.indicators import excel
from temaplan.indicators.excel import INDICATORS, TARGETS, VALUES, workbook_bytes
from temaplan.indicators.importing import indicator_workbook_import
from temaplan.indicators.models import (
    COMPARATOR_CHOICES,
    DIRECTION_CHOICES,
    UNIT_CHOICES,
    Indicator,
    Observation,
    ObservationRevision,
    Source,
    Target,
)
from temaplan.plans.models import FocusArea
from temaplan.plans.services import part_create, plan_create
from temaplan.testing.workbooks import cells, copy_row, edited, put
from temaplan.testing.workbooks import indicators_snapshot as snapshot


def row_counts(plan) -> tuple[int, int, int]:
    return (
        Indicator.objects.filter(plan=plan).count(),
        Target.objects.filter(indicator__plan=plan).count(),
        Observation.objects.filter(indicator__plan=plan).count(),
    )


def counts(summary) -> dict[str, tuple[int, int, int]]:
    return {name: (c.created, c.updated, c.unchanged) for name, c in summary.sheets.items()}


# Export -------------------------------------------------------------------------------------


def test_the_export_has_three_data_sheets_and_a_guide(asker_plan):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(asker_plan)))
    assert book.sheetnames == ["Indikatorer", "Ambisjoner", "Verdier", "Veiledning"]
    for name in excel.SHEETS:
        ws = book[name]
        assert [cell.value for cell in ws[1]] == [c.header for c in excel.COLUMNS[name]]
        assert all(cell.font.bold for cell in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width == 30
    assert book["Veiledning"].protection.sheet


def test_the_export_holds_every_figure_of_the_plan_as_numbers(asker_plan):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(asker_plan)))
    values = list(book[VALUES].iter_rows(min_row=2))
    assert len(values) == 19  # the farmland figure for 2020 was not on the slide
    assert [c.value for c in values[15]][:4] == [
        "andel-sysselsatt-i-egen-kommune",
        2020,
        41.7,
        "nei",
    ]
    assert [c.value for c in values[11]][:3] == [
        "arbeidsplassvekst-av-befolkningsvekst",
        2020,
        -101,
    ]
    assert {c.data_type for row in values for c in row[1:3]} == {"n"}
    targets = [[c.value for c in row] for row in book[TARGETS].iter_rows(min_row=2)]
    assert targets[0] == ["nho-kommune-nm-rang", 2021, "plass N eller bedre", 12, None]
    assert targets[15] == ["andel-sysselsatt-i-egen-kommune", 2024, "minst", 43, None]
    first = [c.value for c in book[INDICATORS][2]]
    assert first[:10] == [
        "nho-kommune-nm-rang",
        "Være blant topp 10 på samlet plassering i NHOs Kommune-NM",
        None,
        "plassering",
        "lavere er bedre",
        "NHO",
        "lav",
        "1, 8",
        1,
        2,
    ]


def test_exporting_twice_gives_the_same_bytes(asker_plan):
    assert workbook_bytes(asker_plan) == workbook_bytes(asker_plan)


def test_the_module_documents_every_column_and_choice():
    doc = " ".join(excel.__doc__.split())
    for sheet, columns in excel.COLUMNS.items():
        assert f"«{sheet}»" in doc
        for column in columns:
            assert column.header in doc, column.header
    for choices in (UNIT_CHOICES, DIRECTION_CHOICES, COMPARATOR_CHOICES, Source.choices):
        for _code, label in choices:
            assert str(label) in doc, label


# Import -------------------------------------------------------------------------------------


def test_importing_the_plans_own_export_changes_nothing(asker_plan):
    data = workbook_bytes(asker_plan)
    before = snapshot()
    summary = indicator_workbook_import(plan=asker_plan, data=data)
    assert counts(summary) == {
        "Indikatorer": (0, 0, 5),
        "Ambisjoner": (0, 0, 20),
        "Verdier": (0, 0, 19),
    }
    assert not summary.changed
    assert snapshot() == before


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    asker_plan, django_user_model
):
    user = django_user_model.objects.get(username="asker-redaktor")
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, 2, excel.NAME, "Topp 10 i Kommune-NM"),
        put(TARGETS, 2, excel.VALUE, 11),
        put(VALUES, 5, excel.VALUE, 10),
        put(VALUES, 6, excel.SOURCE_NOTE, "NHO Kommune-NM 2018"),
        copy_row(VALUES, 20),
        put(VALUES, 21, excel.YEAR, 2020),
        put(VALUES, 21, excel.VALUE, "12,5"),
        put(VALUES, 21, excel.PROVISIONAL, "ja"),
    )
    first = indicator_workbook_import(plan=asker_plan, data=data, user=user)
    assert counts(first) == {
        "Indikatorer": (0, 1, 4),
        "Ambisjoner": (0, 1, 19),
        "Verdier": (1, 2, 17),
    }
    after_first = snapshot()
    second = indicator_workbook_import(plan=asker_plan, data=data, user=user)
    assert counts(second) == {
        "Indikatorer": (0, 0, 5),
        "Ambisjoner": (0, 0, 20),
        "Verdier": (0, 0, 20),
    }
    assert snapshot() == after_first


def test_an_import_records_through_the_services(asker_plan, django_user_model):
    user = django_user_model.objects.get(username="asker-redaktor")
    indicator = asker_plan.indicators.get(key="nho-kommune-nm-rang")
    version, history = indicator.version, indicator.history.count()
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, 2, excel.FOCUS_AREAS, 8),
        put(TARGETS, 2, excel.VALUE, 11),
        put(VALUES, 5, excel.VALUE, 10),
    )
    indicator_workbook_import(plan=asker_plan, data=data, user=user)
    indicator.refresh_from_db()
    assert indicator.version == version + 1
    assert indicator.history.count() == history + 1
    assert [area.number for area in indicator.focus_areas.all()] == [8]
    assert indicator.targets.get(year=2021).value == 11
    observation = indicator.observations.get(year=2020)
    assert (observation.value, observation.recorded_by) == (10, user)
    revision = ObservationRevision.objects.get(observation=observation)
    assert revision.value == 11


def test_choices_take_codes_and_labels_in_any_case(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, 2, excel.UNIT, "RANK"),
        put(INDICATORS, 2, excel.DIRECTION, "Lavere er bedre"),
        put(INDICATORS, 2, excel.SOURCE, "nho"),
        put(INDICATORS, 2, excel.INFLUENCE, " LOW "),
        put(INDICATORS, 2, excel.GOAL_COMPARATOR, "rank_at_most"),
        put(TARGETS, 14, excel.COMPARATOR, "Minst"),
        put(VALUES, 2, excel.PROVISIONAL, "NEI"),
    )
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=data).changed
    assert snapshot() == before


def test_numbers_may_be_written_as_norwegian_text(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(VALUES, 17, excel.VALUE, "41,7"),
        put(VALUES, 16, excel.VALUE, "41.4"),
        put(VALUES, 13, excel.VALUE, "−101"),
        put(VALUES, 2, excel.YEAR, "2017"),
        put(TARGETS, 2, excel.VALUE, " 12 "),
    )
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=data).changed
    assert snapshot() == before


def test_a_new_indicator_and_its_figures_come_in_from_one_file(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        copy_row(INDICATORS, 6),
        put(INDICATORS, 7, excel.KEY, "nye-bedrifter"),
        put(INDICATORS, 7, excel.NAME, "Nye bedrifter per år"),
        put(INDICATORS, 7, excel.UNIT, "antall"),
        put(INDICATORS, 7, excel.DIRECTION, "høyere er bedre"),
        put(INDICATORS, 7, excel.GOAL_COMPARATOR, "minst"),
        put(INDICATORS, 7, excel.GOAL_VALUE, "1 200"),
        copy_row(VALUES, 2),
        put(VALUES, 21, excel.KEY, "nye-bedrifter"),
        put(VALUES, 21, excel.VALUE, "1 234"),
        copy_row(TARGETS, 2),
        put(TARGETS, 22, excel.KEY, "nye-bedrifter"),
        put(TARGETS, 22, excel.COMPARATOR, "mellom"),
        put(TARGETS, 22, excel.VALUE, 1000),
        put(TARGETS, 22, excel.HIGH, 1500),
    )
    summary = indicator_workbook_import(plan=asker_plan, data=data)
    assert [counts(summary)[sheet][0] for sheet in excel.SHEETS] == [1, 1, 1]
    indicator = asker_plan.indicators.get(key="nye-bedrifter")
    assert (indicator.unit, indicator.goal_value, indicator.position) == ("count", 1200, 5)
    assert indicator.observations.get().value == 1234
    assert (indicator.targets.get().value, indicator.targets.get().high) == (1000, 1500)


def test_the_demo_survives_a_round_trip_into_an_empty_plan(asker_plan):
    exported = workbook_bytes(asker_plan)
    empty = plan_create(
        municipality=asker_plan.municipality,
        data={
            "name": "Kopi",
            "first_year": asker_plan.first_year,
            "last_year": asker_plan.last_year,
        },
    )
    for area in FocusArea.objects.filter(plan=asker_plan):  # indicators point at focus areas
        part_create(
            plan=empty,
            model=FocusArea,
            data={"number": area.number, "name": area.name, "influence": 3, "importance": 3},
        )
    summary = indicator_workbook_import(plan=empty, data=exported)
    assert counts(summary) == {
        "Indikatorer": (5, 0, 0),
        "Ambisjoner": (20, 0, 0),
        "Verdier": (19, 0, 0),
    }
    assert row_counts(empty) == row_counts(asker_plan)
    assert cells(workbook_bytes(empty)) == cells(exported)


# Anything in any cell -----------------------------------------------------------------------

PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))
CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(PRINTABLE, max_size=30),
    st.text(PRINTABLE, min_size=250, max_size=3000),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(
        [
            "=1+1",
            "=SUM(A1:A3)",
            "#N/A",
            "41,7",
            "1 234",
            "−101",
            "ja",
            "nei",
            "plassering",
            "mellom",
            "bedre enn året før",
            "2021",
            "1, 8",
            "nho-kommune-nm-rang",
            "andel-sysselsatt-i-egen-kommune",
            "ny-nøkkel",
            "Ærlig talt ≠ ✓ 日本語 🙂",
        ]
    ),
)
EDITS = st.lists(
    st.tuples(
        st.sampled_from(excel.SHEETS),
        st.integers(min_value=1, max_value=24),
        st.integers(min_value=1, max_value=15),
        CELL_VALUES,
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture
def demo_export(asker_plan) -> bytes:
    """Made once for all the examples of a property test (fixtures are not redone per example)."""
    return workbook_bytes(asker_plan)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_any_cell_content_is_imported_or_refused_with_messages_never_a_crash(
    asker_plan, demo_export, edits
):
    def edit(book):
        for sheet, row, column, value in edits:
            book[sheet].cell(row=row, column=column).value = value

    data = edited(demo_export, edit)
    try:
        indicator_workbook_import(plan=asker_plan, data=data)
    except ImportRejected as rejected:
        assert rejected.errors
        assert all(str(error) for error in rejected.errors)
