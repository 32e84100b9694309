"""The action workbook: export, import by key, idempotency and the round trip."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl

from temaplan.actions import excel
from temaplan.actions.excel import ACTIONS, workbook_bytes
from temaplan.actions.importing import action_workbook_import
from temaplan.actions.models import Action, ActionStatusChange
from temaplan.core.workbook import DATE_FORMAT
from temaplan.testing.workbooks import actions_snapshot as snapshot
from temaplan.testing.workbooks import cells, copy_row, delete_rows, edited, put

from .workbook_fixtures import (  # noqa: F401 (fixtures)
    exported_fixture,
    new_period,
    period_fixture,
    user_fixture,
)

KEY, TITLE, KIND, STATUS = excel.KEY, excel.TITLE, excel.KIND, excel.STATUS
PROGRESS, WEIGHT, START, DUE = excel.PROGRESS, excel.WEIGHT, excel.START, excel.DUE
FOCUS_AREA, STRATEGIES = excel.FOCUS_AREA, excel.STRATEGIES


def counts(summary) -> tuple[int, int, int]:
    return summary.created, summary.updated, summary.unchanged


def action(period, key: str) -> Action:
    return Action.objects.get(period=period, key=key)


# Export -------------------------------------------------------------------------------------


def test_the_export_has_the_actions_sheet_and_a_guide(exported):
    book = openpyxl.load_workbook(io.BytesIO(exported))
    assert book.sheetnames == ["Tiltak", "Veiledning"]
    ws = book[ACTIONS]
    assert [cell.value for cell in ws[1]] == [column.header for column in excel.COLUMNS]
    assert [cell.value for cell in ws[1]][:3] == ["Nøkkel", "Tittel", "Beskrivelse"]
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert book["Veiledning"].protection.sheet


def test_the_export_writes_labels_numbers_and_dates_as_excel_does(exported):
    book = openpyxl.load_workbook(io.BytesIO(exported))
    ws = book[ACTIONS]
    rows = {
        row[0].value: {c.header: cell for c, cell in zip(excel.COLUMNS, row, strict=True)}
        for row in ws
    }
    campus = rows["a01-campus"]
    assert campus[KIND].value == "utredning"
    assert campus[STATUS].value == "pågår"
    assert campus[FOCUS_AREA].value == 2
    assert campus[STRATEGIES].value == "1.3, 2.1"  # in the plan's order
    assert campus[START].value == datetime(2022, 1, 1)
    assert campus[START].number_format == DATE_FORMAT
    assert campus[PROGRESS].value == 40
    assert campus[WEIGHT].value == 2.5
    assert campus[excel.ANCHORED_CASE].value == "3/22"
    driver = rows["p01-bedriftsbesok"]
    assert driver[PROGRESS].value is None  # not reported, which is not 0
    assert rows["a02-forstelinje"][PROGRESS].value == 0
    assert driver[WEIGHT].value == 1
    assert driver[START].value is None
    assert driver[excel.DESCRIPTION].value is None  # empty text is an empty cell
    assert [row[0] for row in cells(exported)[ACTIONS][1:]] == [
        "a01-campus",
        "a02-forstelinje",
        "a03-kartlegging",
        "p01-bedriftsbesok",  # without a priority: last
    ]


def test_the_export_is_the_same_bytes_for_the_same_actions(period, exported):
    assert workbook_bytes(period) == exported


def test_an_empty_period_exports_the_headers_only(asker_plan):
    data = workbook_bytes(new_period(asker_plan))
    assert cells(data)[ACTIONS] == [tuple(column.header for column in excel.COLUMNS)]


# Import -------------------------------------------------------------------------------------


def test_export_import_export_round_trips_into_a_new_period(asker_plan, period, exported, user):
    empty = new_period(asker_plan, "Excel tom periode")
    summary = action_workbook_import(period=empty, data=exported, user=user)
    assert counts(summary) == (4, 0, 0)
    assert str(summary) == "Tiltak: 4 nye, 0 endret, 0 uendret."
    assert cells(workbook_bytes(empty)) == cells(exported)
    copied = action(empty, "a01-campus")
    assert sorted(s.code for s in copied.strategies.all()) == ["1.3", "2.1"]
    assert copied.weight == Decimal("2.5")
    assert copied.municipality_id == asker_plan.municipality_id
    logged = ActionStatusChange.objects.get(action=copied)
    assert (logged.status, logged.progress, logged.changed_by) == ("in_progress", 40, user)
    assert Action.objects.filter(period=period).count() == 4  # the source is untouched


def test_importing_the_same_file_again_changes_nothing(period, exported, user):
    before = snapshot()
    summary = action_workbook_import(period=period, data=exported, user=user)
    assert counts(summary) == (0, 0, 4)
    assert not summary.changed
    assert snapshot() == before  # no versions, history rows or status changes


def test_a_changed_row_is_updated_once_and_its_progress_logged(period, exported, user):
    campus = action(period, "a01-campus")
    data = edited(exported, put(ACTIONS, 2, TITLE, "Campus Asker"), put(ACTIONS, 2, PROGRESS, 60))
    summary = action_workbook_import(period=period, data=data, user=user)
    assert counts(summary) == (0, 1, 3)
    updated = action(period, "a01-campus")
    assert (updated.title, updated.progress) == ("Campus Asker", 60)
    assert updated.version == campus.version + 1
    assert updated.history.count() == 2
    latest = ActionStatusChange.objects.filter(action=updated).order_by("-pk").first()
    assert (latest.status, latest.progress, latest.changed_by) == ("in_progress", 60, user)

    before = snapshot()
    assert counts(action_workbook_import(period=period, data=data, user=user)) == (0, 0, 4)
    assert snapshot() == before


def test_a_change_that_leaves_status_and_progress_logs_no_status_change(period, exported):
    logged = ActionStatusChange.objects.count()
    data = edited(exported, put(ACTIONS, 3, excel.PARTNERS, "Asker Næringsråd"))
    assert counts(action_workbook_import(period=period, data=data)) == (0, 1, 3)
    assert action(period, "a02-forstelinje").partners == "Asker Næringsråd"
    assert ActionStatusChange.objects.count() == logged


def test_strategies_and_focus_area_are_updated(period, exported):
    data = edited(exported, put(ACTIONS, 3, STRATEGIES, "2.2; 2.3"), put(ACTIONS, 3, FOCUS_AREA, 3))
    assert counts(action_workbook_import(period=period, data=data)) == (0, 1, 3)
    changed = action(period, "a02-forstelinje")
    assert sorted(s.code for s in changed.strategies.all()) == ["2.2", "2.3"]
    assert changed.focus_area.number == 3


def test_empty_optional_cells_set_the_defaults(period, exported):
    empty = [KIND, FOCUS_AREA, STRATEGIES, START, DUE, STATUS, PROGRESS, WEIGHT, excel.PRIORITY]
    data = edited(exported, *(put(ACTIONS, 2, header, None) for header in empty))
    action_workbook_import(period=period, data=data)
    cleared = action(period, "a01-campus")
    assert (cleared.kind, cleared.status, cleared.weight) == ("time_bound", "planned", 1)
    assert cleared.progress is cleared.priority is cleared.focus_area is cleared.start_date is None
    assert not cleared.strategies.exists()
    assert cleared.title == "Campus for bærekraftig næringsutvikling"  # what was filled stays


def test_codes_numbers_and_dates_written_as_text_are_accepted(period, exported):
    data = edited(
        exported,
        put(ACTIONS, 4, KIND, "STUDY"),
        put(ACTIONS, 4, STATUS, "in_progress"),
        put(ACTIONS, 4, PROGRESS, "70"),
        put(ACTIONS, 4, WEIGHT, "1,25"),
        put(ACTIONS, 4, START, "11.01.2022"),
        put(ACTIONS, 4, DUE, "2022-01-11"),
        put(ACTIONS, 4, STRATEGIES, 1.2),  # typed as a number in Excel
    )
    action_workbook_import(period=period, data=data)
    changed = action(period, "a03-kartlegging")
    assert (changed.kind, changed.status, changed.progress) == ("study", "in_progress", 70)
    assert changed.weight == Decimal("1.25")
    assert changed.start_date == changed.due_date == date(2022, 1, 11)
    assert [s.code for s in changed.strategies.all()] == ["1.2"]


def test_new_keys_are_created_and_rows_left_out_are_kept(period, exported, user):
    data = edited(
        exported,
        delete_rows(ACTIONS, 4, 2),  # a03 and p01 are left out
        copy_row(ACTIONS, 3),
        put(ACTIONS, 4, KEY, "a04-ny"),
        put(ACTIONS, 4, TITLE, "Et nytt tiltak"),
    )
    summary = action_workbook_import(period=period, data=data, user=user)
    assert counts(summary) == (1, 0, 2)
    keys = set(Action.objects.filter(period=period).values_list("key", flat=True))
    assert keys == {
        "a01-campus",
        "a02-forstelinje",
        "a03-kartlegging",
        "p01-bedriftsbesok",
        "a04-ny",
    }


def test_an_import_touches_only_its_own_period(asker_plan, period, exported):
    other = new_period(asker_plan, "Excel annen periode")
    action_workbook_import(period=other, data=exported)
    data = edited(exported, put(ACTIONS, 2, TITLE, "Bare i den andre perioden"))
    assert counts(action_workbook_import(period=other, data=data)) == (0, 1, 3)
    assert action(period, "a01-campus").title == "Campus for bærekraftig næringsutvikling"
    assert action(other, "a01-campus").title == "Bare i den andre perioden"
