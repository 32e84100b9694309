"""A study's phases and political cases: create, edit and delete, from the action page of an
action whose kind is a study (any other action answers 404 with the reason). Thin: fetch
through the access helpers, call a service, render."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import INVALID, save_or_status, saved_or_status

from . import study_services as services
from .item_pages import delete_page, form_page
from .models import Action, PoliticalCase, StudyPhase
from .study_forms import CaseForm, PhaseForm

SECTION = "faser"  # the id of the phases and cases on the action page


def _study(request: HttpRequest, action_id: int) -> Action:
    action = access.get_for_user(
        request, Action.objects.select_related("period__plan"), edit=True, pk=action_id
    )
    if action.kind != Action.Kind.STUDY:
        raise Http404(services.NOT_A_STUDY_MESSAGE.format(title=action.title))
    return action


def _row(request: HttpRequest, model, pk: int):
    return access.get_for_user(
        request, model.objects.select_related("study__period__plan"), edit=True, pk=pk
    )


def _study_url(study: Action) -> str:
    return reverse("actions:detail", args=[study.pk]) + f"#{SECTION}"


def _back(request: HttpRequest, study: Action, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(_study_url(study))


def _page(request, *, study: Action, form, heading: str, status: int) -> HttpResponse:
    return form_page(
        request,
        plan=study.period.plan,
        form=form,
        heading=heading,
        cancel_url=_study_url(study),
        status=status,
    )


def _create(request, action_id: int, form_class, create: Callable, heading: str, saved: str):
    study = _study(request, action_id)
    form = form_class(request.POST or None, study=study)
    status = 200
    if request.method == "POST":
        try:
            row, refused = saved_or_status(form, lambda f: create(study=study, data=f.changes()))
        except services.NotAStudy as not_a_study:
            raise Http404(str(not_a_study)) from not_a_study
        if row is not None:
            return _back(request, study, saved.format(row=row))
        status = refused or INVALID
    return _page(
        request, study=study, form=form, heading=f"{heading}: {study.title}", status=status
    )


def _edit(request, row, form_class, update: Callable, heading: str, saved: str) -> HttpResponse:
    study = row.study
    form = form_class(request.POST or None, study=study, instance=row)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form, lambda f: update(row, changes=f.changes(), expected_version=f.expected_version())
        )
        if refused is None:
            return _back(request, study, saved)
        status = refused
    return _page(request, study=study, form=form, heading=heading, status=status)


@require_http_methods(["GET", "POST"])
def phase_create(request: HttpRequest, action_id: int) -> HttpResponse:
    return _create(
        request,
        action_id,
        PhaseForm,
        services.phase_create,
        "Ny fase",
        "Fasen «{row.name}» er lagret.",
    )


@require_http_methods(["GET", "POST"])
def phase_edit(request: HttpRequest, phase_id: int) -> HttpResponse:
    phase = _row(request, StudyPhase, phase_id)
    return _edit(
        request,
        phase,
        PhaseForm,
        lambda row, **kw: services.phase_update(phase=row, **kw),
        f"Rediger fasen {phase.name} ({phase.study.title})",
        "Fasen er lagret.",
    )


@require_http_methods(["GET", "POST"])
def phase_delete(request: HttpRequest, phase_id: int) -> HttpResponse:
    phase = _row(request, StudyPhase, phase_id)
    if request.method == "POST":
        services.phase_delete(phase=phase)
        return _back(request, phase.study, f"Fasen «{phase.name}» er slettet.")
    cases = phase.cases_after.count()
    after = f" {cases} politiske saker lagt etter fasen blir stående, uten fase." if cases else ""
    return delete_page(
        request,
        plan=phase.study.period.plan,
        heading=f"Slette fasen {phase.name}?",
        text=f"Fasen «{phase.name}» i «{phase.study.title}» slettes.{after} "
        "Endringsloggen beholdes.",
        button="Slett fasen",
        cancel_url=_study_url(phase.study),
    )


@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest, action_id: int) -> HttpResponse:
    return _create(
        request,
        action_id,
        CaseForm,
        services.case_create,
        "Ny politisk sak",
        "Saken til {row.body} er lagret.",
    )


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _row(request, PoliticalCase, case_id)
    return _edit(
        request,
        case,
        CaseForm,
        lambda row, **kw: services.case_update(case=row, **kw),
        f"Rediger saken til {case.body} {case.planned_date:%d.%m.%Y}",
        "Saken er lagret.",
    )


@require_http_methods(["GET", "POST"])
def case_delete(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _row(request, PoliticalCase, case_id)
    what = f"saken til {case.body} {case.planned_date:%d.%m.%Y}"
    if request.method == "POST":
        services.case_delete(case=case)
        return _back(request, case.study, f"Slettet: {what}.")
    return delete_page(
        request,
        plan=case.study.period.plan,
        heading=f"Slette {what}?",
        text=f"Den politiske saken i «{case.study.title}» slettes. Endringsloggen beholdes.",
        button="Slett saken",
        cancel_url=_study_url(case.study),
    )
