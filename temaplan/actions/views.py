"""Action plan pages: the list with filters, the action page, in-place status changes,
the focus-area page, the roadmap, the budget, the partner register and dialogue meetings."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods

from temaplan.accounts import access
from temaplan.core.charts import render_svg
from temaplan.core.editing import save_or_status, saved_or_status
from temaplan.core.fragments import fragment_key
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.core.workbook_http import workbook_upload_page, xlsx_response
from temaplan.plans.access import plan_for_user

from . import excel, services
from .budget import budget_totals
from .budget_chart import budget_spec
from .forms import ActionFilterForm, ActionForm, StatusForm
from .importing import action_workbook_import
from .models import Action, ActionPeriod
from .pages import (
    action_flags,
    agreement_warning,
    plan_budget,
    progress_rollup,
    roadmap_rows,
    roadmap_window,
)
from .queries import action_with_history, filter_actions, plan_actions
from .roadmap_chart import roadmap_spec, roadmap_table

HTMX_INVALID = 422


_plan = plan_for_user


def _action(request: HtmxHttpRequest, action_id: int, *, edit: bool = False) -> Action:
    return access.get_for_user(
        request, action_with_history(Action.objects.all()), edit=edit, pk=action_id
    )


@require_GET
def action_list(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    today = timezone.localdate()
    form = ActionFilterForm(request.GET or None, plan=plan)
    filters = form.cleaned_data if form.is_valid() else {}
    actions = list(filter_actions(plan_actions(plan), filters, today=today))
    filtered = any(filters.values())
    can_edit = access.can_edit(request, plan.municipality_id)
    periods = list(plan.action_periods.all())
    has_actions = plan_actions(plan).exists() if filtered else bool(actions)
    # What the page shows: the rows, the filter's choices and values, and today (for «forfalt»).
    shown = fragment_key(
        "action-list",
        can_edit,
        today,
        has_actions,
        sorted(request.GET.lists()),
        plan,
        periods,
        list(plan.focus_areas.all()),  # the filter's choices
        actions,
    )
    return render(
        request,
        "actions/action_list.html",
        {
            "plan": plan,
            "form": form,
            "actions": actions,
            # Computed only when the page is rendered, not when it comes from the cache.
            "rollup": SimpleLazyObject(lambda: progress_rollup(actions)),
            "today": today,
            "can_edit": can_edit,
            "periods": periods,
            "filtered": filtered,
            "has_actions": has_actions,
            "page_fragment": shown,
        },
    )


def _action_page(request, action: Action, *, status=200, section=None, **extra) -> HttpResponse:
    context = {
        "plan": action.period.plan,
        "action": action,
        "flags": action_flags(action, today=timezone.localdate()),
        "can_edit": access.can_edit(request, action.municipality_id),
        "status_form": extra.pop("status_form", None)
        or StatusForm(
            initial={
                "status": action.status,
                "progress": action.progress,
                "version": action.version,
            }
        ),
        **extra,
    }
    template = "actions/action_detail.html"
    if section and request.htmx:
        template += f"#{section}"
    return render(request, template, context, status=status)


@require_GET
def action_detail(request: HtmxHttpRequest, action_id: int) -> HttpResponse:
    return _action_page(request, _action(request, action_id))


@require_http_methods(["GET", "POST"])
def action_status(request: HtmxHttpRequest, action_id: int) -> HttpResponse:
    """Editors change status and progress in place (htmx): the answer is the status section."""
    action = _action(request, action_id, edit=True)
    form = StatusForm(
        request.POST or None,
        initial={
            "status": action.status,
            "progress": action.progress,
            "version": action.version,
        },
    )
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.action_update_status(
                action=action,
                status=f.cleaned_data["status"],
                progress=f.cleaned_data["progress"],
                comment=f.cleaned_data["comment"],
                expected_version=f.cleaned_data["version"],
                user=request.user,
            ),
        )
        if refused is None:
            if not request.htmx:
                return redirect("actions:detail", action_id=action.pk)
            return _action_page(request, _action(request, action_id), section="status")
        status = refused
    return _action_page(
        request, action, status=status, section="status", status_form=form, editing_status=True
    )


@require_http_methods(["GET", "POST"])
def action_create(request: HtmxHttpRequest, period_id: int) -> HttpResponse:
    period = access.get_for_user(
        request, ActionPeriod.objects.select_related("plan"), edit=True, pk=period_id
    )
    form = ActionForm(request.POST or None, period=period)
    status = 200
    if request.method == "POST":
        action, refused = saved_or_status(
            form,
            lambda f: services.action_create(period=period, data=f.changes(), user=request.user),
        )
        if action is not None:
            messages.success(request, f"Tiltaket «{action.title}» er opprettet.")
            return redirect("actions:detail", action_id=action.pk)
        status = refused or HTMX_INVALID
    return render(
        request,
        "actions/action_form.html",
        {"plan": period.plan, "period": period, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def action_edit(request: HtmxHttpRequest, action_id: int) -> HttpResponse:
    action = _action(request, action_id, edit=True)
    form = ActionForm(request.POST or None, period=action.period, instance=action)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.action_update(
                action=action,
                changes=f.changes(),
                expected_version=f.expected_version(),
                user=request.user,
            ),
        )
        if refused is None:
            return redirect("actions:detail", action_id=action.pk)
        status = refused
    return render(
        request,
        "actions/action_form.html",
        {"plan": action.period.plan, "period": action.period, "form": form, "action": action},
        status=status,
    )


@require_GET
def focus_area_detail(request: HtmxHttpRequest, plan_id: int, number: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    area = plan.focus_areas.prefetch_related("strategies").filter(number=number).first()
    if area is None:
        raise Http404("Fant ikke innsatsområdet.")
    actions = list(plan_actions(plan).filter(focus_area=area))
    return render(
        request,
        "actions/focus_area_detail.html",
        {"plan": plan, "area": area, "actions": actions, "rollup": progress_rollup(actions)},
    )


@require_GET
def roadmap(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    today = timezone.localdate()
    studies = list(
        plan_actions(plan)
        .filter(kind=Action.Kind.STUDY)
        .prefetch_related("phases", "political_cases")
    )
    rows = roadmap_rows(studies, today=today)
    start, end = roadmap_window(rows, today=today)
    shown = [(study, study.phases.all(), study.political_cases.all()) for study in studies]
    return render(
        request,
        "actions/roadmap.html",
        {
            "plan": plan,
            # Today decides the window and which phases are late.
            "page_fragment": fragment_key("roadmap", today, plan, shown),
            "rows": SimpleLazyObject(lambda: roadmap_table(rows)),
            "chart_svg": lambda: render_svg(
                roadmap_spec(rows, today=today, start=start, end=end), title_id="roadmap-title"
            ),
            "has_rows": bool(rows),
        },
    )


@require_GET
def budget(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    frames = list(plan.budget_frames.all())
    allocations = list(plan.budget_allocations.select_related("action", "agreement"))
    # Summed only when the page is rendered, not when it comes from the cache.
    summed = functools.cache(lambda: plan_budget(frames, allocations))
    can_edit = access.can_edit(request, plan.municipality_id)
    shown = [(a, a.action, a.agreement) for a in allocations]
    return render(
        request,
        "actions/budget.html",
        {
            "plan": plan,
            "page_fragment": fragment_key("budget", can_edit, plan, frames, shown),
            "years": SimpleLazyObject(summed),
            "totals": SimpleLazyObject(lambda: budget_totals(summed())),
            "chart_svg": lambda: render_svg(budget_spec(summed()), title_id="budget-title"),
            "can_edit": can_edit,
            "has_allocations": bool(allocations),
        },
    )


@require_GET
def partners(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    today = timezone.localdate()
    agreements = list(plan.partner_agreements.prefetch_related("actions"))
    for agreement in agreements:
        # Shown beside the agreement; a page-only attribute, not a field.
        agreement.warning = agreement_warning(agreement, today=today)  # type: ignore[attr-defined]
    return render(
        request,
        "actions/partners.html",
        {
            "plan": plan,
            "agreements": agreements,
            "can_edit": access.can_edit(request, plan.municipality_id),
        },
    )


@require_GET
def dialogue(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    meetings = plan.dialogue_meetings.prefetch_related("focus_areas", "follow_up_actions")
    return render(
        request,
        "actions/dialogue.html",
        {
            "plan": plan,
            "meetings": meetings,
            "can_edit": access.can_edit(request, plan.municipality_id),
        },
    )


@require_GET
def excel_export(request: HtmxHttpRequest, period_id: int) -> HttpResponse:
    period = access.get_for_user(request, ActionPeriod.objects.select_related("plan"), pk=period_id)
    return xlsx_response(
        excel.workbook_bytes(period), f"tiltak-{period.name.replace('/', '-')}.xlsx"
    )


@require_http_methods(["GET", "POST"])
def excel_import(request: HtmxHttpRequest, period_id: int) -> HttpResponse:
    period = access.get_for_user(
        request, ActionPeriod.objects.select_related("plan"), edit=True, pk=period_id
    )
    return workbook_upload_page(
        request,
        lambda data: action_workbook_import(period=period, data=data, user=request.user),
        done_url=reverse("actions:list", args=[period.plan_id]),
        template="actions/excel_import.html",
        context={"plan": period.plan, "period": period},
    )
