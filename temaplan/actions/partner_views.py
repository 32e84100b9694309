"""Partner agreements: create, edit and delete (not one the budget still allocates money to),
from the partner register. Thin: fetch through the access helpers, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import CONFLICT, INVALID, save_or_status, saved_or_status
from temaplan.plans.access import plan_for_user

from . import partner_services as services
from .item_pages import delete_page, form_page
from .models import PartnerAgreement
from .partner_forms import AgreementForm

NAV = "partners"


def _agreement(request: HttpRequest, agreement_id: int) -> PartnerAgreement:
    return access.get_for_user(
        request, PartnerAgreement.objects.select_related("plan"), edit=True, pk=agreement_id
    )


def _register_url(plan_id: int) -> str:
    return reverse("actions:partners", args=[plan_id])


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = AgreementForm(request.POST or None, plan=plan)
    status = 200
    if request.method == "POST":
        agreement, refused = saved_or_status(
            form, lambda f: services.agreement_create(plan=plan, data=f.changes())
        )
        if agreement is not None:
            messages.success(request, f"Avtalen med «{agreement.partner}» er lagret.")
            return redirect("actions:partners", plan_id=plan.pk)
        status = refused or INVALID
    return form_page(
        request,
        plan=plan,
        form=form,
        heading="Ny partnerskapsavtale",
        cancel_url=_register_url(plan.pk),
        nav=NAV,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = _agreement(request, agreement_id)
    form = AgreementForm(request.POST or None, plan=agreement.plan, instance=agreement)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.agreement_update(
                agreement=agreement, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            messages.success(request, "Avtalen er lagret.")
            return redirect("actions:partners", plan_id=agreement.plan_id)
        status = refused
    return form_page(
        request,
        plan=agreement.plan,
        form=form,
        heading=f"Rediger avtalen med {agreement.partner}",
        cancel_url=_register_url(agreement.plan_id),
        nav=NAV,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def agreement_delete(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = _agreement(request, agreement_id)
    refusal, status = services.agreement_refusal(agreement), 200
    if request.method == "POST" and not refusal:
        try:
            services.agreement_delete(agreement=agreement)
        except services.AgreementHasAllocations as refused:
            refusal = str(refused)
        else:
            messages.success(request, f"Avtalen med «{agreement.partner}» er slettet.")
            return redirect("actions:partners", plan_id=agreement.plan_id)
    if request.method == "POST":
        status = CONFLICT
    return delete_page(
        request,
        plan=agreement.plan,
        heading=(
            f"Avtalen med {agreement.partner} kan ikke slettes"
            if refusal
            else f"Slette avtalen med {agreement.partner}?"
        ),
        text=f"Avtalen med «{agreement.partner}» ({agreement.start_date:%d.%m.%Y}–"
        f"{agreement.end_date:%d.%m.%Y}) slettes. Tiltakene blir stående. "
        "Endringsloggen beholdes.",
        button="Slett avtalen",
        cancel_url=_register_url(agreement.plan_id),
        nav=NAV,
        refusal=refusal,
        status=status,
    )
