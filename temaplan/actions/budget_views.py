"""Budget frames and allocations: create, edit (spent to date too) and delete. Thin: fetch
through the access helpers, call a service, render. An allocation above the year's frame is
saved and the year's warning shown, as on the budget page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import INVALID, save_or_status, saved_or_status
from temaplan.plans.access import plan_for_user
from temaplan.plans.models import Plan

from . import plan_services as services
from .budget import kroner
from .item_pages import delete_page, form_page
from .models import BudgetAllocation, BudgetFrame
from .pages import plan_budget
from .plan_forms import AllocationForm, FrameForm

NAV = "budget"


def _budget_url(plan_id: int) -> str:
    return reverse("actions:budget", args=[plan_id])


def _initial(request: HttpRequest, *names: str) -> dict[str, str]:
    """Fields filled in from the link that opened the form («Ny tildeling for 2024»)."""
    return {name: request.GET[name] for name in names if request.GET.get(name)}


def _frame(request: HttpRequest, frame_id: int) -> BudgetFrame:
    return access.get_for_user(
        request, BudgetFrame.objects.select_related("plan"), edit=True, pk=frame_id
    )


def _allocation(request: HttpRequest, allocation_id: int) -> BudgetAllocation:
    return access.get_for_user(
        request,
        BudgetAllocation.objects.select_related("plan", "action", "agreement"),
        edit=True,
        pk=allocation_id,
    )


def _saved(request: HttpRequest, plan: Plan, year: int, text: str) -> HttpResponse:
    """Back to the budget, with the year's warning (allocated above the frame, …) if any."""
    messages.success(request, text)
    warning = year_warning(plan, year)
    if warning:
        messages.warning(request, warning)
    return redirect("actions:budget", plan_id=plan.pk)


def year_warning(plan: Plan, year: int) -> str | None:
    years = plan_budget(
        plan.budget_frames.filter(year=year),
        plan.budget_allocations.filter(year=year).select_related("action", "agreement"),
    )
    return years[0].warning if years else None


def _save_page(request, *, plan, form, heading: str, status: int) -> HttpResponse:
    return form_page(
        request,
        plan=plan,
        form=form,
        heading=heading,
        cancel_url=_budget_url(plan.pk),
        nav=NAV,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def frame_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = FrameForm(request.POST or None, plan=plan, initial=_initial(request, "year", "kind"))
    status = 200
    if request.method == "POST":
        frame, refused = saved_or_status(
            form, lambda f: services.frame_create(plan=plan, data=f.changes())
        )
        if frame is not None:
            return _saved(request, plan, frame.year, f"Rammen for {frame.year} er lagret.")
        status = refused or INVALID
    return _save_page(request, plan=plan, form=form, heading="Ny budsjettramme", status=status)


@require_http_methods(["GET", "POST"])
def frame_edit(request: HttpRequest, frame_id: int) -> HttpResponse:
    frame = _frame(request, frame_id)
    form = FrameForm(request.POST or None, plan=frame.plan, instance=frame)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.frame_update(
                frame=frame, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            year = form.cleaned_data["year"]
            return _saved(request, frame.plan, year, f"Rammen for {year} er lagret.")
        status = refused
    heading = f"Rediger {frame.get_kind_display()} for {frame.year}"
    return _save_page(request, plan=frame.plan, form=form, heading=heading, status=status)


@require_http_methods(["GET", "POST"])
def frame_delete(request: HttpRequest, frame_id: int) -> HttpResponse:
    frame = _frame(request, frame_id)
    what = f"{frame.get_kind_display()} for {frame.year}"
    if request.method == "POST":
        services.frame_delete(frame=frame)
        return _saved(request, frame.plan, frame.year, f"Slettet: {what}.")
    return delete_page(
        request,
        plan=frame.plan,
        heading=f"Slette {what}?",
        text=f"Rammen på {kroner(frame.amount)} slettes. Tildelingene for {frame.year} "
        "blir stående. Endringsloggen beholdes.",
        button="Slett rammen",
        cancel_url=_budget_url(frame.plan_id),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def allocation_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = AllocationForm(
        request.POST or None, plan=plan, initial=_initial(request, "year", "action", "agreement")
    )
    status = 200
    if request.method == "POST":
        allocation, refused = saved_or_status(
            form, lambda f: services.allocation_create(plan=plan, data=f.changes())
        )
        if allocation is not None:
            text = f"Tildelingen «{allocation}» er lagret."
            return _saved(request, plan, allocation.year, text)
        status = refused or INVALID
    return _save_page(request, plan=plan, form=form, heading="Ny tildeling", status=status)


@require_http_methods(["GET", "POST"])
def allocation_edit(request: HttpRequest, allocation_id: int) -> HttpResponse:
    allocation = _allocation(request, allocation_id)
    form = AllocationForm(request.POST or None, plan=allocation.plan, instance=allocation)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.allocation_update(
                allocation=allocation, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            year = form.cleaned_data["year"]
            return _saved(request, allocation.plan, year, "Tildelingen er lagret.")
        status = refused
    heading = f"Rediger tildelingen «{allocation}» ({allocation.year})"
    return _save_page(request, plan=allocation.plan, form=form, heading=heading, status=status)


@require_http_methods(["GET", "POST"])
def allocation_delete(request: HttpRequest, allocation_id: int) -> HttpResponse:
    allocation = _allocation(request, allocation_id)
    what = f"«{allocation}» ({allocation.year})"
    if request.method == "POST":
        services.allocation_delete(allocation=allocation)
        return _saved(request, allocation.plan, allocation.year, f"Tildelingen {what} er slettet.")
    return delete_page(
        request,
        plan=allocation.plan,
        heading=f"Slette tildelingen {what}?",
        text=f"Tildelingen på {kroner(allocation.amount)} (brukt {kroner(allocation.spent)}) "
        "slettes. Endringsloggen beholdes.",
        button="Slett tildelingen",
        cancel_url=_budget_url(allocation.plan_id),
        nav=NAV,
    )
