"""«Excel for handlingsplanen»: who may download and upload the action plan's workbook, and
what an editor sees when a file is imported or refused."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from temaplan.actions import plan_excel as excel
from temaplan.actions.models import ActionPeriod, BudgetAllocation, BudgetFrame, PartnerAgreement
from temaplan.actions.plan_excel import AGREEMENTS, ALLOCATIONS, BUDGET, PERIODS, workbook_bytes
from temaplan.core.workbook_http import NO_FILE_CHOSEN, XLSX
from temaplan.testing.personas import (
    OUTSIDER,
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_read_only,
    assert_sent_to_login,
    call,
    endpoint_id,
)
from temaplan.testing.workbooks import action_plan_snapshot as snapshot
from temaplan.testing.workbooks import edited, put


def page(plan) -> str:
    return reverse("actions:plan_excel", args=[plan.pk])


def export(plan) -> str:
    return reverse("actions:plan_excel_export", args=[plan.pk])


def upload(data: bytes, name: str = "handlingsplan.xlsx") -> dict:
    return {"file": SimpleUploadedFile(name, data, content_type=XLSX)}


PLAN_EXCEL_ENDPOINTS = [
    Endpoint("plan_excel", "get", False, page),
    Endpoint("plan_excel", "post", True, page, lambda p: upload(workbook_bytes(p))),
    Endpoint("plan_excel_export", "get", False, export),
]


@pytest.mark.parametrize("endpoint", PLAN_EXCEL_ENDPOINTS, ids=endpoint_id)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@pytest.mark.parametrize("endpoint", PLAN_EXCEL_ENDPOINTS, ids=endpoint_id)
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, endpoint):
    before = snapshot()
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", PLAN_EXCEL_ENDPOINTS, ids=endpoint_id)
def test_the_read_only_member_downloads_but_gets_403_on_upload(reader, asker_plan, endpoint):
    before = snapshot()
    assert_read_only(call(reader, endpoint, asker_plan), endpoint)
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", PLAN_EXCEL_ENDPOINTS, ids=endpoint_id)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    assert_allowed(call(editor, endpoint, asker_plan))


# The page -----------------------------------------------------------------------------------


def test_the_download_is_the_plans_workbook_as_an_attachment(reader, asker_plan):
    response = reader.get(export(asker_plan))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        f'attachment; filename="handlingsplan-3203-{asker_plan.pk}.xlsx"'
    )
    assert response.content == workbook_bytes(asker_plan)


def test_the_reader_sees_the_downloads_and_no_upload_form(reader, asker_plan):
    html = reader.get(page(asker_plan)).content.decode()
    period = ActionPeriod.objects.get(plan=asker_plan)
    assert export(asker_plan) in html
    assert reverse("actions:excel_export", args=[period.pk]) in html
    assert 'type="file"' not in html
    assert reverse("actions:excel_import", args=[period.pk]) not in html
    assert "Du har bare lesetilgang" in html


def test_the_action_plan_menu_links_to_the_page_and_marks_it_current(editor, asker_plan):
    assert (
        page(asker_plan)
        in editor.get(reverse("actions:list", args=[asker_plan.pk])).content.decode()
    )
    html = editor.get(page(asker_plan)).content.decode()
    assert f'<a href="{page(asker_plan)}" aria-current="page">Excel</a>' in html


def test_a_plan_without_periods_says_what_to_do_next(outsider, baerum_plan):
    html = outsider.get(page(baerum_plan)).content.decode()
    assert "Handlingsplanen har ingen perioder ennå." in html
    assert "Skriv en periode på arket «Perioder»" in html


def test_an_unchanged_upload_says_so_and_changes_nothing(editor, asker_plan):
    before = snapshot()
    response = editor.post(page(asker_plan), upload(workbook_bytes(asker_plan)), follow=True)
    assert response.redirect_chain == [(page(asker_plan), 302)]
    assert "Importert fra «handlingsplan.xlsx»: Perioder: 0 nye, 0 endret, 1 uendret." in (
        response.content.decode()
    )
    assert snapshot() == before


def test_a_bad_upload_lists_every_error_in_norwegian_and_saves_nothing(editor, asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(PERIODS, 2, excel.LAST, datetime(2021, 1, 1)),
        put(BUDGET, 2, excel.FRAME, -1),
    )
    before = snapshot()
    response = editor.post(page(asker_plan), upload(data))
    assert response.status_code == 422
    html = response.content.decode()
    assert "Ingenting er lagret: filen har 2 feil." in html
    assert "Ark «Perioder», rad 2, kolonne «Til»: til-datoen 01.01.2021 er før fra-datoen" in html
    assert "Ark «Budsjett», rad 2, kolonne «Ramme (kr)»: -1 er under 0" in html
    assert snapshot() == before


def test_posting_without_a_file_asks_for_one(editor, asker_plan):
    response = editor.post(page(asker_plan))
    assert response.status_code == 422
    assert NO_FILE_CHOSEN in response.content.decode()


# Bærum, which has no action plan yet --------------------------------------------------------


def test_the_baerum_editor_uploads_a_period_a_frame_an_agreement_and_an_allocation(
    outsider, baerum_plan
):
    data = edited(
        workbook_bytes(baerum_plan),
        put(PERIODS, 2, excel.NAME, "2025/26"),
        put(PERIODS, 2, excel.FIRST, "01.01.2025"),
        put(PERIODS, 2, excel.LAST, "31.12.2026"),
        put(BUDGET, 2, excel.YEAR, 2025),
        put(BUDGET, 2, excel.KIND, "vedtatt ramme"),
        put(BUDGET, 2, excel.FRAME, "4 500 000"),
        put(BUDGET, 2, excel.FTE, "1,5"),
        put(AGREEMENTS, 2, excel.PARTNER, "Bærum Næringsråd"),
        put(AGREEMENTS, 2, excel.START, datetime(2025, 2, 1)),
        put(AGREEMENTS, 2, excel.END, datetime(2026, 12, 31)),
        put(AGREEMENTS, 2, excel.PURPOSE, "Nettverk og kurs for gründere."),
        put(AGREEMENTS, 2, excel.YEARLY, 400_000),
        put(ALLOCATIONS, 2, excel.YEAR, 2025),
        put(ALLOCATIONS, 2, excel.PARTNER, "Bærum Næringsråd"),
        put(ALLOCATIONS, 2, excel.ALLOCATED, 400_000),
        put(ALLOCATIONS, 2, excel.SPENT, 100_000),
    )
    response = outsider.post(page(baerum_plan), upload(data))
    assert response.status_code == 302
    municipality = baerum_plan.municipality_id
    period = ActionPeriod.objects.get(plan=baerum_plan)
    frame = BudgetFrame.objects.get(plan=baerum_plan)
    agreement = PartnerAgreement.objects.get(plan=baerum_plan)
    allocation = BudgetAllocation.objects.get(plan=baerum_plan)
    assert {r.municipality_id for r in (period, frame, agreement, allocation)} == {municipality}
    assert (period.name, str(frame.amount), str(frame.fte)) == ("2025/26", "4500000.00", "1.50")
    assert (allocation.agreement, allocation.year) == (agreement, 2025)
    assert agreement.history.get().history_user.username == OUTSIDER
    # The budget and partner pages show what the file made.
    budget = outsider.get(reverse("actions:budget", args=[baerum_plan.pk])).content.decode()
    assert "Bærum Næringsråd" in budget
    partners = outsider.get(reverse("actions:partners", args=[baerum_plan.pk])).content.decode()
    assert "Nettverk og kurs for gründere." in partners
    # Exported and uploaded again, the file changes nothing.
    before = snapshot()
    again = outsider.post(page(baerum_plan), upload(workbook_bytes(baerum_plan)), follow=True)
    assert "Perioder: 0 nye, 0 endret, 1 uendret." in again.content.decode()
    assert snapshot() == before
