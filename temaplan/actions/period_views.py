"""Action periods: create, edit and delete (only an empty one). Thin: fetch through the
access helpers, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import CONFLICT, INVALID, save_or_status, saved_or_status
from temaplan.plans.access import plan_for_user

from . import plan_services as services
from .item_pages import delete_page, form_page
from .models import ActionPeriod
from .plan_forms import PeriodForm


def _period(request: HttpRequest, period_id: int) -> ActionPeriod:
    return access.get_for_user(
        request, ActionPeriod.objects.select_related("plan"), edit=True, pk=period_id
    )


def _list_url(plan_id: int) -> str:
    return reverse("actions:list", args=[plan_id])


@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = PeriodForm(request.POST or None, plan=plan)
    status = 200
    if request.method == "POST":
        period, refused = saved_or_status(
            form, lambda f: services.period_create(plan=plan, data=f.changes())
        )
        if period is not None:
            messages.success(request, f"Handlingsperioden «{period.name}» er opprettet.")
            return redirect("actions:list", plan_id=plan.pk)
        status = refused or INVALID
    return form_page(
        request,
        plan=plan,
        form=form,
        heading="Ny handlingsperiode",
        cancel_url=_list_url(plan.pk),
        nav="list",
        status=status,
    )


@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, period_id: int) -> HttpResponse:
    period = _period(request, period_id)
    form = PeriodForm(request.POST or None, plan=period.plan, instance=period)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.period_update(
                period=period, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            messages.success(request, "Handlingsperioden er lagret.")
            return redirect("actions:list", plan_id=period.plan_id)
        status = refused
    return form_page(
        request,
        plan=period.plan,
        form=form,
        heading=f"Rediger handlingsperioden {period.name}",
        cancel_url=_list_url(period.plan_id),
        nav="list",
        status=status,
    )


@require_http_methods(["GET", "POST"])
def period_delete(request: HttpRequest, period_id: int) -> HttpResponse:
    period = _period(request, period_id)
    refusal, status = services.period_refusal(period), 200
    if request.method == "POST" and not refusal:
        try:
            services.period_delete(period=period)
        except services.PeriodNotEmpty as refused:
            refusal = str(refused)
        else:
            messages.success(request, f"Handlingsperioden «{period.name}» er slettet.")
            return redirect("actions:list", plan_id=period.plan_id)
    if request.method == "POST":
        status = CONFLICT
    return delete_page(
        request,
        plan=period.plan,
        heading=(
            f"Handlingsperioden {period.name} kan ikke slettes"
            if refusal
            else f"Slette handlingsperioden {period.name}?"
        ),
        text=f"Perioden «{period.name}» har ingen tiltak og slettes. Endringsloggen beholdes.",
        button="Slett perioden",
        cancel_url=_list_url(period.plan_id),
        nav="list",
        refusal=refusal,
        status=status,
    )
