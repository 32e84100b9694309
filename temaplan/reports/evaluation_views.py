"""Editing the result evaluation of a draft report, sentence by sentence, in place (htmx).

The section (reports/evaluation_section.html) is part of the draft report page; these views
answer its htmx requests with its named partials («section», «sentence»), and a browser
without htmx with the evaluation's own page. Reading needs membership of the municipality
(another municipality's report is 404); writing needs an editing role (403 otherwise).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from temaplan.accounts import access
from temaplan.core.editing import save_or_status
from temaplan.core.htmx import HtmxHttpRequest

from . import evaluation_services as services
from .evaluation_forms import EvaluationResetForm, EvaluationTextForm
from .models import EvaluationText, Report
from .templatetags.report_evaluation import item_of

PAGE = "reports/evaluation_page.html"
SECTION = "reports/evaluation_section.html"
FROZEN = 409


def _report(request: HtmxHttpRequest, report_id: int) -> Report:
    return access.get_for_user(
        request, Report.objects.select_related("plan", "municipality"), pk=report_id
    )


def _text(request: HtmxHttpRequest, text_id: int, *, edit: bool = False) -> EvaluationText:
    return access.get_for_user(
        request,
        EvaluationText.objects.select_related("report__plan", "report__municipality"),
        edit=edit,
        pk=text_id,
    )


def _text_form(row: EvaluationText, data=None) -> EvaluationTextForm:
    return EvaluationTextForm(
        data,
        initial={"text": row.text, "version": row.version},
        auto_id=f"id_%s_{row.pk}",
    )


def _section(request: HtmxHttpRequest, report: Report, *, status: int = 200, **extra):
    """The section for htmx, the evaluation's page otherwise."""
    context = {
        "report": report,
        "plan": report.plan,
        "can_edit": access.can_edit(request, report.municipality_id),
        **extra,
    }
    template = f"{SECTION}#section" if request.htmx else PAGE
    return render(request, template, context, status=status)


@require_GET
def evaluation_page(request: HtmxHttpRequest, report_id: int) -> HttpResponse:
    return _section(request, _report(request, report_id))


@require_GET
def evaluation_text(request: HtmxHttpRequest, text_id: int) -> HttpResponse:
    """One sentence as shown (after «Avbryt»); without htmx, the page."""
    row = _text(request, text_id)
    if not request.htmx:
        return _section(request, row.report)
    context = {
        "report": row.report,
        "can_edit": access.can_edit(request, row.municipality_id),
        "item": item_of(row),
    }
    return render(request, f"{SECTION}#sentence", context)


@require_http_methods(["GET", "POST"])
def evaluation_text_edit(request: HtmxHttpRequest, text_id: int) -> HttpResponse:
    row = _text(request, text_id, edit=True)
    report = row.report
    if request.method == "GET":
        if report.is_frozen:  # nothing to edit: the sentence, with why
            why = {"refused_id": row.pk, "refusals": [services.FROZEN_MESSAGE]}
            if not request.htmx:
                return _section(request, report, status=FROZEN, **why)
            context = {"report": report, "can_edit": True, "item": item_of(row), **why}
            return render(request, f"{SECTION}#sentence", context, status=FROZEN)
        form = _text_form(row)
        if not request.htmx:
            return _section(request, report, editing_id=row.pk, form=form)
        context = {
            "report": report,
            "can_edit": True,
            "item": item_of(row),
            "editing_id": row.pk,
            "form": form,
        }
        return render(request, f"{SECTION}#sentence", context)
    form = _text_form(row, request.POST)
    refused = save_or_status(
        form,
        lambda f: services.evaluation_text_edit(
            text_row=row,
            text=f.cleaned_data["text"],
            expected_version=f.cleaned_data["version"],
            user=request.user,
        ),
    )
    if refused is not None:
        return _section(request, report, status=refused, editing_id=row.pk, form=form)
    if not request.htmx:
        return redirect(reverse("reports:evaluation", args=[report.pk]) + f"#evaluering-{row.pk}")
    return _section(request, report)


@require_POST
def evaluation_text_reset(request: HtmxHttpRequest, text_id: int) -> HttpResponse:
    """Back to the generated text; a sentence no longer generated is removed."""
    row = _text(request, text_id, edit=True)
    report = row.report
    form = EvaluationResetForm(request.POST)
    refused = save_or_status(
        form,
        lambda f: services.evaluation_text_reset(
            text_row=row, expected_version=f.cleaned_data["version"], user=request.user
        ),
    )
    if refused is not None:
        return _section(
            request, report, status=refused, refused_id=row.pk, refusals=form.non_field_errors()
        )
    if not request.htmx:
        return redirect("reports:evaluation", report_id=report.pk)
    return _section(request, report)
