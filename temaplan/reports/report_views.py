"""The report pages of a plan: the list by year with every version, a draft as a live preview
of the whole report, a frozen report as it was frozen (never live data) with its files and
what has changed since, and the workflow's buttons. Thin: fetch through the access helpers,
call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from temaplan.accounts import access
from temaplan.core.editing import CONFLICT, INVALID, errors_added
from temaplan.core.versioning import EditConflict
from temaplan.plans.access import plan_for_user
from temaplan.plans.models import Plan

from . import services
from .changes import changes_since
from .models import Report, ReportFile
from .report_forms import ReportCreateForm, SupersedeForm, VersionForm
from .snapshot import snapshot_build

REPORT_NOT_FOUND = "Fant ikke resultatrapporten."
FILE_NOT_FOUND = "Rapporten har ingen fil av den typen."
CREATED = (
    "Utkastet til {title} er laget. Se over forhåndsvisningen, og lås rapporten når tallene "
    "er klare."
)
FROZEN = "{title} er låst. Filene er laget og endres ikke mer."
PUBLISHED = "{title} er publisert."
SUPERSEDED = (
    "Versjon {number} av {title} er laget som utkast. Den erstatter versjon {old} når den låses."
)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def _report(request: HttpRequest, plan_id: int, report_id: int, *, edit: bool = False) -> Report:
    plan = plan_for_user(request, plan_id, edit=edit)
    report = (
        Report.objects.filter(plan=plan, pk=report_id)
        .select_related("frozen_by", "published_by", "supersedes")
        .first()
    )
    if report is None:
        raise Http404(REPORT_NOT_FOUND)
    report.plan = plan
    return report


def _detail_url(report: Report) -> str:
    return reverse("reports:detail", args=[report.plan_id, report.pk])


def _years(plan: Plan) -> list[tuple[int, list[Report]]]:
    reports = list(
        Report.objects.filter(plan=plan)
        .select_related("frozen_by", "published_by", "supersedes")
        .order_by("-year", "-number")
    )
    years: dict[int, list[Report]] = {}
    for report in reports:
        years.setdefault(report.year, []).append(report)
    return list(years.items())


@require_GET
def report_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id)
    can_edit = access.can_edit(request, plan.municipality_id)
    form = ReportCreateForm(plan=plan, last_year=timezone.localdate().year) if can_edit else None
    return render(
        request,
        "reports/report_list.html",
        {"plan": plan, "years": _years(plan), "can_edit": can_edit, "form": form},
    )


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = ReportCreateForm(request.POST or None, plan=plan, last_year=timezone.localdate().year)
    status = 200
    if request.method == "POST":
        status = INVALID
        if form.is_valid():
            try:
                report = services.report_draft_create(
                    plan=plan, year=form.cleaned_data["year"], user=request.user
                )
            except ValidationError as refused:
                errors_added(form, refused)
            else:
                messages.success(request, CREATED.format(title=report.title))
                return redirect(_detail_url(report))
    return render(
        request,
        "reports/report_form.html",
        {
            "plan": plan,
            "form": form,
            "heading": "Ny resultatrapport",
            "button": "Lag utkast",
            "cancel_url": reverse("reports:list", args=[plan.pk]),
        },
        status=status,
    )


def _detail_page(
    request: HttpRequest, report: Report, *, status: int = 200, **forms
) -> HttpResponse:
    can_edit = access.can_edit(request, report.municipality_id)
    context = {
        "plan": report.plan,
        "report": report,
        "can_edit": can_edit,
        "versions": list(
            Report.objects.filter(plan=report.plan, year=report.year)
            .select_related("frozen_by", "published_by")
            .order_by("-number")
        ),
        "freeze_form": forms.get("freeze_form") or VersionForm(initial={"version": report.version}),
        "publish_form": forms.get("publish_form")
        or VersionForm(initial={"version": report.version}),
        "supersede_form": forms.get("supersede_form")
        or SupersedeForm(initial={"version": report.version}),
        # Why a freeze or a publishing was refused, above everything (its button may be gone).
        "refusals": [str(e) for form in forms.values() for e in form.non_field_errors()],
    }
    if report.is_frozen:
        live = snapshot_build(plan=report.plan, year=report.year)
        context["document"] = report.document
        context["changes"] = changes_since(report.document, live)  # type: ignore[arg-type]
        context["files"] = list(
            ReportFile.objects.filter(report=report).only("kind", "sha256", "created_at", "report")
        )
        context["newer"] = Report.objects.filter(supersedes=report).first()
    else:
        # Only an editor's plain look stores the evaluation anew: a reader's look and the page
        # behind a refused request write nothing.
        refresh = can_edit and request.method == "GET"
        context["document"] = services.report_preview(report, refresh=refresh)
    return render(request, "reports/report_detail.html", context, status=status)


@require_GET
def report_detail(request: HttpRequest, plan_id: int, report_id: int) -> HttpResponse:
    return _detail_page(request, _report(request, plan_id, report_id))


def _refused(form, error: Exception) -> int:
    if isinstance(error, EditConflict):
        form.add_error(None, str(error))
        return CONFLICT
    errors_added(form, error)  # type: ignore[arg-type]
    return INVALID


@require_POST
def report_freeze(request: HttpRequest, plan_id: int, report_id: int) -> HttpResponse:
    report = _report(request, plan_id, report_id, edit=True)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, report, status=INVALID, freeze_form=form)
    try:
        frozen = services.report_freeze(
            report=report, user=request.user, expected_version=form.expected_version()
        )
    except (ValidationError, EditConflict) as error:
        status = _refused(form, error)
        return _detail_page(
            request, _report(request, plan_id, report_id), status=status, freeze_form=form
        )
    messages.success(request, FROZEN.format(title=frozen.title))
    return redirect(_detail_url(frozen))


@require_POST
def report_publish(request: HttpRequest, plan_id: int, report_id: int) -> HttpResponse:
    report = _report(request, plan_id, report_id, edit=True)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, report, status=INVALID, publish_form=form)
    try:
        published = services.report_publish(
            report=report, user=request.user, expected_version=form.expected_version()
        )
    except (ValidationError, EditConflict) as error:
        status = _refused(form, error)
        return _detail_page(
            request, _report(request, plan_id, report_id), status=status, publish_form=form
        )
    messages.success(request, PUBLISHED.format(title=published.title))
    return redirect(_detail_url(published))


@require_http_methods(["GET", "POST"])
def report_supersede(request: HttpRequest, plan_id: int, report_id: int) -> HttpResponse:
    report = _report(request, plan_id, report_id, edit=True)
    form = SupersedeForm(request.POST or None, initial={"version": report.version})
    status = 200
    if request.method == "POST":
        status = INVALID
        if form.is_valid():
            try:
                draft = services.report_supersede(
                    report=report,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.expected_version(),
                )
            except (ValidationError, EditConflict) as error:
                status = _refused(form, error)
            else:
                messages.success(
                    request,
                    SUPERSEDED.format(number=draft.number, title=draft.title, old=report.number),
                )
                return redirect(_detail_url(draft))
    return render(
        request,
        "reports/report_form.html",
        {
            "plan": report.plan,
            "report": report,
            "form": form,
            "heading": f"Ny versjon av {report.title}",
            "button": "Lag ny versjon",
            "cancel_url": _detail_url(report),
        },
        status=status,
    )


@require_GET
def report_download(request: HttpRequest, plan_id: int, report_id: int, kind: str) -> HttpResponse:
    report = _report(request, plan_id, report_id)
    stored = ReportFile.objects.filter(report=report, kind=kind).first()
    if kind not in CONTENT_TYPES or stored is None:
        raise Http404(FILE_NOT_FOUND)
    response = HttpResponse(bytes(stored.content), content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{services.file_name(report, kind)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
