"""«Excel for handlingsplanen»: the page for a plan's workbooks. Everyone who may read the plan
downloads the workbook of its periods, budget and partner agreements (plan_excel.py) and each
period's action workbook; editors upload the plan's workbook here (all or nothing)."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from temaplan.accounts import access
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.core.workbook_http import workbook_upload_page, xlsx_response
from temaplan.plans.access import plan_for_user

from . import plan_excel
from .plan_importing import plan_workbook_import


@require_GET
def plan_excel_export(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id)
    filename = f"handlingsplan-{plan.municipality.number}-{plan.pk}.xlsx"
    return xlsx_response(plan_excel.workbook_bytes(plan), filename)


@require_http_methods(["GET", "POST"])
def plan_excel_page(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    """The downloads (GET, for readers too) and the upload of the plan's workbook (POST,
    editors only)."""
    plan = plan_for_user(request, plan_id, edit=request.method == "POST")
    return workbook_upload_page(
        request,
        lambda data: plan_workbook_import(plan=plan, data=data, user=request.user),
        done_url=reverse("actions:plan_excel", args=[plan.pk]),
        template="actions/plan_excel.html",
        context={
            "plan": plan,
            "periods": list(plan.action_periods.all()),
            "can_edit": access.can_edit(request, plan.municipality_id),
        },
    )
