"""The action plan's workbook (periods, budget, allocations, partner agreements): export, the
round trip on the demo plan, updates by natural key, and text that must stay text."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from temaplan.actions import plan_excel as excel
from temaplan.actions.models import (
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    PartnerAgreement,
)
from temaplan.actions.plan_excel import (
    AGREEMENTS,
    ALLOCATIONS,
    BUDGET,
    PERIODS,
    workbook_bytes,
)
from temaplan.actions.plan_importing import plan_workbook_import
from temaplan.testing.personas import EDITOR
from temaplan.testing.workbooks import action_plan_snapshot as snapshot
from temaplan.testing.workbooks import cells, copy_row, data_types, delete_rows, edited, put

from .test_excel_text import FORMULA_LIKE
from .workbook_fixtures import two_of_each_fixture  # noqa: F401 (a fixture)

# Rows of the Asker export (header = 1). Budsjett: 2 2022 vedtatt, 3 2023 vedtatt, 4 2023
# forslag. Partnerskap: 2 Fjordporten, 3 Kunnskapspark, 4 Sirkulærklyngen. Tildelinger, per
# year: the salary post, the three agreements, then the four actions (rows 2–9 for 2022).
FJORDPORTEN = "Innovasjonsselskapet Fjordporten AS"


def counts(summary) -> dict[str, tuple[int, int, int]]:
    return {name: (c.created, c.updated, c.unchanged) for name, c in summary.sheets.items()}


def editor_user():
    return get_user_model().objects.get(username=EDITOR)


def rows_of(data: bytes, sheet: str) -> list[tuple]:
    return cells(data)[sheet][1:]


# Export -------------------------------------------------------------------------------------


def test_the_export_has_the_four_sheets_and_a_guide(asker_plan):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(asker_plan)))
    assert book.sheetnames == ["Perioder", "Budsjett", "Tildelinger", "Partnerskap", "Veiledning"]
    for sheet in excel.SHEETS:
        assert [cell.value for cell in book[sheet][1]] == [c.header for c in excel.COLUMNS[sheet]]
        assert book[sheet].freeze_panes == "A2"
    assert book["Veiledning"].protection.sheet


def test_the_export_writes_the_demo_plan_with_labels_numbers_and_dates(asker_plan):
    data = workbook_bytes(asker_plan)
    assert rows_of(data, PERIODS) == [("2022/23", datetime(2022, 1, 1), datetime(2023, 12, 31))]
    budget = rows_of(data, BUDGET)
    assert budget[0] == (2022, "vedtatt ramme", 9_600_000, 2, 2_000_000, budget[0][5])
    assert [row[:2] for row in budget[1:3]] == [
        (2023, "vedtatt ramme"),
        (2023, "forslag i økonomiplan"),
    ]
    allocations = rows_of(data, ALLOCATIONS)
    assert allocations[0] == (2022, None, None, None, None, "Lønn 2 årsverk", 2_000_000, 2_000_000)
    assert allocations[1][:5] == (2022, None, None, FJORDPORTEN, datetime(2022, 4, 1))
    assert allocations[4][:3] == (2022, "2022/23", "a01-campus-baerekraft")
    agreement = rows_of(data, AGREEMENTS)[0]
    assert agreement[:3] == (FJORDPORTEN, datetime(2022, 4, 1), datetime(2027, 3, 31))
    assert (
        agreement[7] == "a02-invester-i-asker, a03-naeringsutviklingsfond, a14-inkubator-asker-syd"
    )


def test_the_same_plan_gives_the_same_bytes(asker_plan):
    assert workbook_bytes(asker_plan) == workbook_bytes(asker_plan)


def test_a_plan_without_an_action_plan_exports_the_headers_only(baerum_plan):
    assert {sheet: rows_of(workbook_bytes(baerum_plan), sheet) for sheet in excel.SHEETS} == {
        sheet: [] for sheet in excel.SHEETS
    }


# The round trip and updates -----------------------------------------------------------------


def test_importing_the_unchanged_export_of_the_demo_plan_changes_nothing(asker_plan):
    data = workbook_bytes(asker_plan)
    before = snapshot()
    summary = plan_workbook_import(plan=asker_plan, data=data, user=editor_user())
    assert counts(summary) == {
        PERIODS: (0, 0, 1),
        BUDGET: (0, 0, 6),
        ALLOCATIONS: (0, 0, 16),
        AGREEMENTS: (0, 0, 3),
    }
    assert not summary.changed
    assert snapshot() == before  # no versions, history rows or links
    assert workbook_bytes(asker_plan) == data


def test_a_changed_frame_gets_a_new_version_and_a_history_row_that_names_the_editor(asker_plan):
    frame = BudgetFrame.objects.get(plan=asker_plan, year=2022, kind="decided")
    data = edited(workbook_bytes(asker_plan), put(BUDGET, 2, excel.FRAME, "9 800 000"))
    summary = plan_workbook_import(plan=asker_plan, data=data, user=editor_user())
    assert counts(summary)[BUDGET] == (0, 1, 5)
    updated = BudgetFrame.objects.get(pk=frame.pk)
    assert (updated.amount, updated.version) == (Decimal(9_800_000), frame.version + 1)
    latest = updated.history.latest()
    assert (latest.history_type, latest.history_user.username) == ("~", EDITOR)


def test_changed_actions_of_an_agreement_alone_give_a_new_version(asker_plan):
    agreement = PartnerAgreement.objects.get(plan=asker_plan, partner=FJORDPORTEN)
    history = agreement.history.count()
    data = edited(
        workbook_bytes(asker_plan), put(AGREEMENTS, 2, excel.ACTIONS, "a02-invester-i-asker")
    )
    summary = plan_workbook_import(plan=asker_plan, data=data)
    assert counts(summary)[AGREEMENTS] == (0, 1, 2)
    updated = PartnerAgreement.objects.get(pk=agreement.pk)
    assert [a.key for a in updated.actions.all()] == ["a02-invester-i-asker"]
    assert updated.version == agreement.version + 1
    assert updated.history.count() == history + 1


def test_spent_to_date_is_updated_on_the_allocation_found_by_year_and_action(asker_plan):
    data = edited(workbook_bytes(asker_plan), put(ALLOCATIONS, 6, excel.SPENT, 1_400_000))
    plan_workbook_import(plan=asker_plan, data=data)
    allocation = BudgetAllocation.objects.get(
        plan=asker_plan, year=2022, action__key="a01-campus-baerekraft"
    )
    assert (allocation.spent, allocation.version) == (Decimal(1_400_000), 2)


def test_rows_missing_from_the_file_are_left_as_they_are(asker_plan):
    data = edited(workbook_bytes(asker_plan), delete_rows(ALLOCATIONS, 2, 15))
    before = snapshot()
    summary = plan_workbook_import(plan=asker_plan, data=data)
    assert counts(summary)[ALLOCATIONS] == (0, 0, 1)
    assert snapshot() == before


def test_a_changed_natural_key_is_a_new_row_beside_the_old_one(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        copy_row(PERIODS, 2),
        put(PERIODS, 3, excel.NAME, "2024/25"),
        put(PERIODS, 3, excel.FIRST, "01.01.2024"),
        put(PERIODS, 3, excel.LAST, "2025-12-31"),
        put(BUDGET, 2, excel.KIND, "Forslag"),  # the short form, any case
    )
    summary = plan_workbook_import(plan=asker_plan, data=data)
    assert (counts(summary)[PERIODS], counts(summary)[BUDGET]) == ((1, 0, 1), (1, 0, 5))
    new = ActionPeriod.objects.get(plan=asker_plan, name="2024/25")
    assert (new.first_date, new.last_date, new.version) == (date(2024, 1, 1), date(2025, 12, 31), 1)
    assert new.municipality_id == asker_plan.municipality_id
    assert BudgetFrame.objects.filter(plan=asker_plan, year=2022).count() == 2


def test_an_action_key_in_two_periods_is_written_with_its_period_and_round_trips(two_of_each):
    data = workbook_bytes(two_of_each)
    agreements = {row[0]: row for row in rows_of(data, AGREEMENTS)}
    assert agreements["Kunnskapspark Vestbredden AS"][7] == (
        "a01-campus-baerekraft (2022/23), a07-forstelinje-grundere"
    )
    before = snapshot()
    assert not plan_workbook_import(plan=two_of_each, data=data).changed
    assert snapshot() == before


# Text that a spreadsheet would run ------------------------------------------------------------


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_text_that_begins_like_a_formula_is_exported_as_text_and_round_trips(asker_plan, text):
    PartnerAgreement.objects.filter(plan=asker_plan, partner=FJORDPORTEN).update(
        partner=text, purpose=text, deliverables=text
    )
    BudgetFrame.objects.filter(plan=asker_plan, year=2022).update(decision_reference=text)
    BudgetAllocation.objects.filter(plan=asker_plan, year=2022, label__gt="").update(label=text)
    ActionPeriod.objects.filter(plan=asker_plan).update(name=text)
    data = workbook_bytes(asker_plan)
    found = {}
    for sheet in excel.SHEETS:
        types = data_types(data, sheet)
        places = [
            (number, column)
            for number, row in enumerate(cells(data)[sheet])
            for column, value in enumerate(row)
            if value == text
        ]
        assert all(types[number][column] == "s" for number, column in places)
        found[sheet] = len(places)
    # Allocations: the salary post, the period of 8 actions and the partner of 2 agreements.
    assert found == {PERIODS: 1, BUDGET: 1, ALLOCATIONS: 11, AGREEMENTS: 3}
    before = snapshot()
    assert not plan_workbook_import(plan=asker_plan, data=data).changed
    assert snapshot() == before


def test_a_vertical_tab_in_a_purpose_exports_as_a_line_break_and_then_round_trips(asker_plan):
    PartnerAgreement.objects.filter(partner=FJORDPORTEN).update(purpose="Første\x0bandre\x01")
    data = workbook_bytes(asker_plan)
    assert rows_of(data, AGREEMENTS)[0][3] == "Første\nandre"
    plan_workbook_import(plan=asker_plan, data=data)
    assert PartnerAgreement.objects.get(partner=FJORDPORTEN).purpose == "Første\nandre"
    assert cells(workbook_bytes(asker_plan)) == cells(data)


# The contact person -------------------------------------------------------------------------


def test_the_contact_person_goes_out_and_back_in(asker_plan):
    PartnerAgreement.objects.filter(plan=asker_plan, partner=FJORDPORTEN).update(
        contact="Kari Nordmann, daglig leder"
    )
    data = workbook_bytes(asker_plan)
    header = cells(data)[AGREEMENTS][0]
    column = header.index(excel.CONTACT)
    assert rows_of(data, AGREEMENTS)[0][column] == "Kari Nordmann, daglig leder"
    changed = edited(data, put(AGREEMENTS, 2, excel.CONTACT, "Ola Nordmann"))
    summary = plan_workbook_import(plan=asker_plan, data=changed, user=editor_user())
    assert counts(summary)[AGREEMENTS] == (0, 1, 2)
    agreement = PartnerAgreement.objects.get(plan=asker_plan, partner=FJORDPORTEN)
    assert agreement.contact == "Ola Nordmann"
    assert agreement.history.latest().contact == "Ola Nordmann"


def test_a_file_without_the_contact_column_keeps_the_contacts(asker_plan):
    PartnerAgreement.objects.filter(plan=asker_plan, partner=FJORDPORTEN).update(
        contact="Kari Nordmann"
    )
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(asker_plan)))
    sheet = book[AGREEMENTS]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_cols(headers.index(excel.CONTACT) + 1)
    older = io.BytesIO()
    book.save(older)
    before = snapshot()
    summary = plan_workbook_import(plan=asker_plan, data=older.getvalue())
    assert not summary.changed
    assert snapshot() == before
    assert PartnerAgreement.objects.get(partner=FJORDPORTEN).contact == "Kari Nordmann"
