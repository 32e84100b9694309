"""Plan pages. Thin: fetch through the access helpers, call a service, render.

Small edits go through htmx: the response is the affected section of the plan page (a named
partial of the same template). Without htmx the same URLs answer with whole pages and redirects.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from temaplan.accounts import access
from temaplan.core.charts import render_svg
from temaplan.core.editing import save_or_status, saved_or_status
from temaplan.core.fragments import fragment_key
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.core.versioning import record_update

from . import services
from .access import plan_for_user
from .forms import PlanForm
from .history import plan_history_entries
from .matrix import influence_matrix_spec
from .models import Plan
from .parts import PartKind
from .queries import plan_contents

TEMPLATE = "plans/plan_detail.html"
HTMX_INVALID = 422


_plan = plan_for_user


def _render_plan(
    request: HtmxHttpRequest,
    plan: Plan,
    *,
    section: str | None = None,
    status: int = 200,
    **editing: object,
) -> HttpResponse:
    """The plan page, or just one section of it for htmx requests that name a section."""
    contents = plan_contents(plan)
    can_edit = access.can_edit(request, plan.municipality_id)
    context = {
        "plan": plan,
        "contents": contents,
        "can_edit": can_edit,
        # The sections as last rendered for these rows, unless an edit form is open in one.
        "plan_fragments": None if editing else _fragments_key(contents, can_edit),
        # A callable, so fragments that do not show the matrix never render it.
        "matrix_svg": lambda: render_svg(
            influence_matrix_spec(contents.matrix_points()), title_id="matrix-title"
        ),
        **editing,
    }
    template = f"{TEMPLATE}#section-{section}" if section and request.htmx else TEMPLATE
    response = render(request, template, context, status=status)
    if request.htmx and request.method == "POST" and status == 200:
        response["HX-Trigger"] = "plan-changed"
    return response


def _fragments_key(contents, can_edit: bool) -> str:
    plan = contents.plan
    return fragment_key(
        "plan",
        can_edit,
        plan,
        plan.municipality,
        contents.ambitions,
        contents.focus_areas,
        [area.strategies.all() for area in contents.focus_areas],
        contents.premises,
    )


@require_GET
def municipality_detail(request: HtmxHttpRequest, number: str) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number)
    return render(
        request,
        "plans/municipality_detail.html",
        {
            "municipality": municipality,
            "plans": municipality.plans.all(),
            "can_edit": access.can_edit(request, municipality.id),
        },
    )


@require_http_methods(["GET", "POST"])
def plan_create(request: HtmxHttpRequest, number: str) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number, edit=True)
    form = PlanForm(request.POST or None, instance=Plan(municipality=municipality))
    status = 200
    if request.method == "POST":
        plan, refused = saved_or_status(
            form, lambda f: services.plan_create(municipality=municipality, data=f.changes())
        )
        if plan is not None:
            messages.success(request, f"Planen «{plan.name}» er opprettet.")
            return redirect("plans:plan_detail", plan_id=plan.pk)
        status = refused or HTMX_INVALID
    return render(
        request,
        "plans/plan_form.html",
        {"form": form, "municipality": municipality},
        status=status,
    )


@require_GET
def plan_detail(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    return _render_plan(request, _plan(request, plan_id))


@require_GET
def plan_section(request: HtmxHttpRequest, plan_id: int, section: str) -> HttpResponse:
    return _render_plan(request, _plan(request, plan_id), section=section)


@require_http_methods(["GET", "POST"])
def plan_edit(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    form = PlanForm(request.POST or None, instance=plan)
    status = 200
    if request.method == "POST":
        refused = save_or_status(form, lambda f: _record_update(plan, f))
        if refused is None:
            if not request.htmx:
                return redirect("plans:plan_detail", plan_id=plan.pk)
            return _render_plan(request, _plan(request, plan_id), section="details")
        status = refused
    return _render_plan(
        request, plan, section="details", status=status, editing_plan=True, form=form
    )


@require_http_methods(["GET", "POST"])
def plan_delete(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    if request.method == "POST":
        number = plan.municipality.number
        services.plan_delete(plan=plan)
        messages.success(request, f"Planen «{plan.name}» er slettet.")
        return redirect("plans:municipality", number=number)
    return render(request, "plans/plan_confirm_delete.html", {"plan": plan})


@require_GET
def plan_matrix_svg(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    contents = plan_contents(_plan(request, plan_id))
    svg = render_svg(influence_matrix_spec(contents.matrix_points()))
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
def plan_history(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    return render(
        request,
        "plans/plan_history.html",
        {"plan": plan, "entries": plan_history_entries(plan)},
    )


def _part(request: HtmxHttpRequest, plan: Plan, kind: PartKind, pk: int, *, edit: bool):
    return access.get_for_user(
        request, kind.model._default_manager.filter(plan=plan), edit=edit, pk=pk
    )


@require_http_methods(["GET", "POST"])
def part_create(request: HtmxHttpRequest, plan_id: int, kind: PartKind) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    form = kind.form(request.POST or None, plan=plan, initial=request.GET.dict())
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form, lambda f: services.part_create(plan=plan, model=kind.model, data=f.changes())
        )
        if refused is None:
            return _after_part_change(request, plan, kind)
        status = refused
    return _render_plan(
        request,
        plan,
        section=kind.section,
        status=status,
        editing_kind=kind.slug,
        editing_id="new",
        form=form,
    )


@require_http_methods(["GET", "POST"])
def part_edit(request: HtmxHttpRequest, plan_id: int, kind: PartKind, pk: int) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    part = _part(request, plan, kind, pk, edit=True)
    form = kind.form(request.POST or None, plan=plan, instance=part)
    status = 200
    if request.method == "POST":
        refused = save_or_status(form, lambda f: _record_update(part, f))
        if refused is None:
            return _after_part_change(request, plan, kind)
        status = refused
    return _render_plan(
        request,
        plan,
        section=kind.section,
        status=status,
        editing_kind=kind.slug,
        editing_id=part.pk,
        form=form,
    )


@require_POST
def part_delete(request: HtmxHttpRequest, plan_id: int, kind: PartKind, pk: int) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    services.part_delete(part=_part(request, plan, kind, pk, edit=True))
    return _after_part_change(request, plan, kind)


@require_POST
def part_move(
    request: HtmxHttpRequest, plan_id: int, kind: PartKind, pk: int, direction: str
) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    part = _part(request, plan, kind, pk, edit=True)
    if direction not in ("opp", "ned"):
        raise Http404("Ukjent retning.")
    services.part_move(part=part, direction="up" if direction == "opp" else "down")
    return _after_part_change(request, plan, kind)


def _record_update(record, form) -> None:
    record_update(record=record, changes=form.changes(), expected_version=form.expected_version())


def _after_part_change(request: HtmxHttpRequest, plan: Plan, kind: PartKind) -> HttpResponse:
    if request.htmx:
        return _render_plan(request, plan, section=kind.section)
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + f"#{kind.section}")
