"""A bad action workbook is refused with every problem named by sheet, row and column, in
Norwegian, and the database is left exactly as it was.

Each case starts from the export of a period with four actions (see `make_actions`) and breaks
it. Rows of the export (header = 1): 2 a01-campus, 3 a02-forstelinje, 4 a03-kartlegging,
5 p01-bedriftsbesok.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from temaplan.actions import excel
from temaplan.actions.excel import (
    ACTIONS,
    DUE_BEFORE_START,
    NOT_A_DATE,
    OVER,
    TOO_MANY_DECIMALS,
    UNDER,
    UNKNOWN_STRATEGY,
    import_workbook,
    workbook_bytes,
)
from temaplan.actions.models import Action, ActionPeriod, ActionStatusChange
from temaplan.actions.services import action_create
from temaplan.indicators.excel import (
    BAD_KEY,
    COLUMN_MISSING,
    COLUMN_TWICE,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FORMULA,
    FORMULA_TEXT,
    MAX_FILE_BYTES,
    NOT_A_NUMBER,
    NOT_A_WHOLE_NUMBER,
    NOT_XLSX,
    PERCENT_FORMAT,
    REQUIRED,
    SHEET_EMPTY,
    SHEET_MISSING,
    TOO_LONG,
    UNKNOWN_CHOICE,
    ImportError_,
    ImportRejected,
)
from temaplan.indicators.importing import DUPLICATE_KEY, UNKNOWN_FOCUS_AREA
from temaplan.indicators.tests.test_excel_import_errors import (
    E,
    copy_row,
    delete_column,
    edited,
    put,
    remove,
    rename,
    zipped,
)
from temaplan.plans.models import FocusArea, Strategy

# Helpers (test_excel.py uses them too) ------------------------------------------------------

KEY, TITLE, KIND, STATUS = excel.KEY, excel.TITLE, excel.KIND, excel.STATUS
PROGRESS, WEIGHT, PRIORITY = excel.PROGRESS, excel.WEIGHT, excel.PRIORITY
START, DUE, FOCUS_AREA, STRATEGIES = excel.START, excel.DUE, excel.FOCUS_AREA, excel.STRATEGIES


def snapshot() -> str:
    """Every action row, its status history, its strategies and its history count, as text."""
    return "\n".join(
        str(list(queryset))
        for queryset in (
            Action.objects.order_by("pk").values(),
            ActionStatusChange.objects.order_by("pk").values(),
            Action.strategies.through.objects.order_by("pk").values_list(
                "action_id", "strategy_id"
            ),
            [Action.history.count()],
        )
    )


def new_period(plan, name: str = "Excel 2030/31") -> ActionPeriod:
    return ActionPeriod.objects.create(
        municipality_id=plan.municipality_id,
        plan=plan,
        name=name,
        first_date=date(2030, 1, 1),
        last_date=date(2031, 12, 31),
    )


def make_actions(period: ActionPeriod, user=None) -> None:
    """Four actions that between them fill every column, and leave most of them empty."""
    areas = {area.number: area for area in FocusArea.objects.filter(plan=period.plan)}
    strategies = {s.code: s for s in Strategy.objects.filter(plan=period.plan)}
    rows = [
        {
            "key": "a01-campus",
            "title": "Campus for bærekraftig næringsutvikling",
            "description": "Utrede et campus.\nSammen med næringslivet.",
            "kind": Action.Kind.STUDY,
            "focus_area": areas[2],
            "strategies": [strategies["2.1"], strategies["1.3"]],
            "responsible_unit": "Næring og samfunnsutvikling",
            "responsible_person": "Kari Nordmann",
            "partners": "Universitetet, NHO",
            "start_date": date(2022, 1, 1),
            "due_date": date(2023, 6, 30),
            "status": Action.Status.IN_PROGRESS,
            "progress": 40,
            "weight": Decimal("2.5"),
            "priority": 1,
            "anchored_body": "Formannskapet",
            "anchored_on": date(2022, 1, 11),
            "anchored_case": "3/22",
        },
        {
            "key": "a02-forstelinje",
            "title": "Førstelinje for gründere",
            "focus_area": areas[2],
            "strategies": [strategies["2.2"]],
            "start_date": date(2022, 3, 1),
            "progress": 0,
            "priority": 2,
        },
        {
            "key": "a03-kartlegging",
            "title": "Kartlegge næringsarealer",
            "focus_area": areas[1],
            "due_date": date(2022, 12, 31),
            "status": Action.Status.DONE,
            "progress": 100,
            "weight": Decimal("0.75"),
            "priority": 3,
        },
        {
            "key": "p01-bedriftsbesok",
            "title": "Faste bedriftsbesøk",
            "kind": Action.Kind.DRIVER,
        },
    ]
    for data in rows:
        action_create(period=period, data=data, user=user)


# Named apart from the fixtures, so test_excel.py can import them without shadowing.
@pytest.fixture(name="period")
def period_fixture(asker_plan) -> ActionPeriod:
    """A new, empty period of the demo's Asker plan."""
    return new_period(asker_plan)


@pytest.fixture(name="exported")
def exported_fixture(period) -> bytes:
    """The workbook of `period` after make_actions."""
    make_actions(period)
    return workbook_bytes(period)


@pytest.fixture(name="user")
def user_fixture(demo):
    return get_user_model().objects.get(username="asker-redaktor")


def new_workbook(*sheets: str) -> bytes:
    book = openpyxl.Workbook()
    if sheets:
        book.remove(book.active)
    for name in sheets:
        book.create_sheet(name)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def headers_only() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = ACTIONS
    book.active.append([column.header for column in excel.COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def allowed(choices) -> str:
    return ", ".join(f"«{label}»" for _, label in choices)


# The cases ----------------------------------------------------------------------------------

CELL_CASES = [
    pytest.param(
        [remove(ACTIONS)],
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Veiledning»"))],
        id="the sheet is missing",
    ),
    pytest.param(
        [rename(ACTIONS, "Tiltaksliste")],
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Tiltaksliste», «Veiledning»"))],
        id="the sheet has the wrong name",
    ),
    pytest.param(
        [delete_column(ACTIONS, TITLE)],
        [E(ACTIONS, 1, TITLE, COLUMN_MISSING)],
        id="a column is missing",
    ),
    pytest.param(
        [put(ACTIONS, 1, excel.PARTNERS, "status")],
        [E(ACTIONS, 1, STATUS, COLUMN_TWICE), E(ACTIONS, 1, excel.PARTNERS, COLUMN_MISSING)],
        id="a column header appears twice",
    ),
    pytest.param(
        [put(ACTIONS, 3, PROGRESS, "halvveis")],
        [E(ACTIONS, 3, PROGRESS, NOT_A_NUMBER.format(text="halvveis"))],
        id="text in a number cell",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, 140)],
        [E(ACTIONS, 4, PROGRESS, OVER.format(value=140, limit=100))],
        id="progress over 100",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, "-5")],
        [E(ACTIONS, 4, PROGRESS, UNDER.format(value=-5, limit=0))],
        id="progress below 0",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, "50,5")],
        [E(ACTIONS, 4, PROGRESS, NOT_A_WHOLE_NUMBER.format(text="50,5"))],
        id="progress that is not a whole number",
    ),
    pytest.param(
        [put(ACTIONS, 2, PROGRESS, 0.4, number_format="0%")],
        [E(ACTIONS, 2, PROGRESS, PERCENT_FORMAT.format(raw="0,4"))],
        id="progress formatted as percent in Excel",
    ),
    pytest.param(
        [put(ACTIONS, 2, STATUS, "på vent")],
        [
            E(
                ACTIONS,
                2,
                STATUS,
                UNKNOWN_CHOICE.format(text="på vent", allowed=allowed(Action.Status.choices)),
            )
        ],
        id="an unknown status",
    ),
    pytest.param(
        [put(ACTIONS, 2, KIND, "prosjekt")],
        [
            E(
                ACTIONS,
                2,
                KIND,
                UNKNOWN_CHOICE.format(text="prosjekt", allowed=allowed(Action.Kind.choices)),
            )
        ],
        id="an unknown type",
    ),
    pytest.param(
        [put(ACTIONS, 3, FOCUS_AREA, 99)],
        [E(ACTIONS, 3, FOCUS_AREA, UNKNOWN_FOCUS_AREA.format(numbers="99"))],
        id="an unknown focus-area number",
    ),
    pytest.param(
        [put(ACTIONS, 3, FOCUS_AREA, "to")],
        [E(ACTIONS, 3, FOCUS_AREA, NOT_A_NUMBER.format(text="to"))],
        id="a focus area that is not a number",
    ),
    pytest.param(
        [put(ACTIONS, 2, STRATEGIES, "2.1, 9.9; 9.8")],
        [E(ACTIONS, 2, STRATEGIES, UNKNOWN_STRATEGY.format(codes="9.9, 9.8"))],
        id="a strategy code the plan does not have",
    ),
    pytest.param(
        [put(ACTIONS, 2, DUE, datetime(2021, 12, 31))],
        [
            E(
                ACTIONS,
                2,
                DUE,
                DUE_BEFORE_START.format(due="31.12.2021", start="01.01.2022"),
            )
        ],
        id="a due date before the start date",
    ),
    pytest.param(
        [copy_row(ACTIONS, 3)],
        [E(ACTIONS, 6, KEY, DUPLICATE_KEY.format(key="a02-forstelinje", first=3))],
        id="the same key twice",
    ),
    pytest.param(
        [put(ACTIONS, 2, PROGRESS, "=20*2")],
        [E(ACTIONS, 2, PROGRESS, FORMULA)],
        id="a formula in a number cell",
    ),
    pytest.param(
        [put(ACTIONS, 2, TITLE, '="Campus"')],
        [E(ACTIONS, 2, TITLE, FORMULA_TEXT)],
        id="a formula in a text cell",
    ),
    pytest.param(
        [put(ACTIONS, 2, START, "=TODAY()")],
        [E(ACTIONS, 2, START, FORMULA_TEXT)],
        id="a formula in a date cell",
    ),
    pytest.param(
        [put(ACTIONS, 3, KEY, None)],
        [E(ACTIONS, 3, KEY, REQUIRED)],
        id="an action without key",
    ),
    pytest.param(
        [put(ACTIONS, 3, TITLE, "  ")],
        [E(ACTIONS, 3, TITLE, REQUIRED)],
        id="an action without title",
    ),
    pytest.param(
        [put(ACTIONS, 3, KEY, "a02 førstelinje")],
        [E(ACTIONS, 3, KEY, BAD_KEY.format(text="a02 førstelinje"))],
        id="a key that is not a key",
    ),
    pytest.param(
        [put(ACTIONS, 3, START, "snart")],
        [E(ACTIONS, 3, START, NOT_A_DATE.format(text="snart"))],
        id="a date cell with text that is not a date",
    ),
    pytest.param(
        [put(ACTIONS, 3, excel.ANCHORED_ON, "31.02.2022")],
        [E(ACTIONS, 3, excel.ANCHORED_ON, NOT_A_DATE.format(text="31.02.2022"))],
        id="a date that does not exist",
    ),
    pytest.param(
        [put(ACTIONS, 3, DUE, 44572, number_format="General")],
        [E(ACTIONS, 3, DUE, NOT_A_DATE.format(text="44572"))],
        id="a date cell holding a plain number",
    ),
    pytest.param(
        [put(ACTIONS, 3, excel.UNIT, "x" * 201)],
        [E(ACTIONS, 3, excel.UNIT, TOO_LONG.format(length=201, limit=200))],
        id="a text longer than the field",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, -1)],
        [E(ACTIONS, 3, WEIGHT, UNDER.format(value="-1", limit=0))],
        id="a negative weight",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, 1.125)],
        [E(ACTIONS, 3, WEIGHT, TOO_MANY_DECIMALS.format(text="1,125"))],
        id="a weight with more than two decimals",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, 10_000)],
        [E(ACTIONS, 3, WEIGHT, OVER.format(value="10000", limit="9999,99"))],
        id="a weight too large to store",
    ),
    pytest.param(
        [put(ACTIONS, 3, PRIORITY, 0)],
        [E(ACTIONS, 3, PRIORITY, UNDER.format(value=0, limit=1))],
        id="a priority below 1",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), CELL_CASES)
def test_a_bad_workbook_is_refused_with_where_and_why_and_changes_nothing(
    period, exported, edits, expected
):
    data = edited(exported, *edits)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(period=period, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before


FILE_CASES = [
    pytest.param(b"", [E(None, None, None, FILE_EMPTY)], id="an empty file"),
    pytest.param(
        "Nøkkel;Tittel\na01-campus;Campus\n".encode(),
        [E(None, None, None, NOT_XLSX)],
        id="a csv file",
    ),
    pytest.param(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
        [E(None, None, None, NOT_XLSX)],
        id="a pdf file",
    ),
    pytest.param(
        zipped("word/document.xml", "<w:document/>"),
        [E(None, None, None, NOT_XLSX)],
        id="a zip file that is not a workbook",
    ),
    pytest.param(
        b"PK\x03\x04" + bytes(MAX_FILE_BYTES),
        [E(None, None, None, FILE_TOO_LARGE)],
        id="a file over 10 MB",
    ),
    pytest.param(
        new_workbook(),
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Sheet»"))],
        id="a new workbook without the sheet",
    ),
    pytest.param(
        new_workbook(ACTIONS),
        [E(ACTIONS, None, None, SHEET_EMPTY)],
        id="a sheet without a header row",
    ),
]


@pytest.mark.parametrize(("data", "expected"), FILE_CASES)
def test_a_file_that_is_no_action_workbook_is_refused_and_changes_nothing(period, data, expected):
    make_actions(period)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(period=period, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before


def test_a_file_over_10_mb_is_refused_before_it_is_read(period, monkeypatch):
    def must_not_be_called(*args, **kwargs):
        raise AssertionError("read before the size was checked")

    monkeypatch.setattr(excel, "load_workbook", must_not_be_called)
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(period=period, data=bytes(MAX_FILE_BYTES + 1))
    assert rejected.value.errors == [E(None, None, None, FILE_TOO_LARGE)]


def test_a_sheet_with_headers_and_no_rows_is_imported_as_nothing(period):
    make_actions(period)
    before = snapshot()
    summary = import_workbook(period=period, data=headers_only())
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 0)
    assert snapshot() == before


def test_every_problem_is_reported_not_just_the_first(period, exported):
    data = edited(
        exported,
        put(ACTIONS, 2, STATUS, "på vent"),
        put(ACTIONS, 2, PROGRESS, 140),
        put(ACTIONS, 3, START, "snart"),
        put(ACTIONS, 4, STRATEGIES, "9.9"),
        put(ACTIONS, 5, TITLE, None),
    )
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(period=period, data=data)
    assert [(e.sheet, e.row, e.column) for e in rejected.value.errors] == [
        (ACTIONS, 2, STATUS),
        (ACTIONS, 2, PROGRESS),
        (ACTIONS, 3, START),
        (ACTIONS, 4, STRATEGIES),
        (ACTIONS, 5, TITLE),
    ]
    assert snapshot() == before


def test_good_rows_beside_a_bad_one_are_not_saved_either(period, exported):
    data = edited(
        exported,
        put(ACTIONS, 2, TITLE, "Ny tittel"),  # a real change
        put(ACTIONS, 2, PROGRESS, 60),  # and one that would log a status change
        copy_row(ACTIONS, 5),
        put(ACTIONS, 6, KEY, "p02-ny"),  # a new action
        put(ACTIONS, 4, PROGRESS, 140),
    )
    before = snapshot()
    with pytest.raises(ImportRejected):
        import_workbook(period=period, data=data)
    assert snapshot() == before


def test_an_error_reads_as_sheet_row_column_and_message():
    error = ImportError_(ACTIONS, 4, PROGRESS, OVER.format(value=140, limit=100))
    assert str(error) == "Ark «Tiltak», rad 4, kolonne «Framdrift (%)»: 140 er over 100"
    error = ImportError_(
        ACTIONS, 2, DUE, DUE_BEFORE_START.format(due="31.12.2021", start="01.01.2022")
    )
    assert (
        str(error)
        == "Ark «Tiltak», rad 2, kolonne «Frist»: fristen 31.12.2021 er før start 01.01.2022"
    )
