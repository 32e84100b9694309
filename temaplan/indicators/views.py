"""Indicator pages: the table as on the slide, one page per indicator, in-place editing."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from temaplan.accounts import access
from temaplan.core.charts import render_svg
from temaplan.core.editing import save_or_status, saved_or_status
from temaplan.core.formatting import without_trailing_zeros
from temaplan.core.fragments import fragment_key
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.core.workbook_http import workbook_upload_page, xlsx_response
from temaplan.plans.access import plan_for_user
from temaplan.plans.models import Plan
from temaplan.plans.services import part_delete

from . import excel, services
from .charts import indicator_chart_spec
from .forecast import project
from .forms import IndicatorForm, YearForm
from .importing import indicator_workbook_import
from .models import Indicator
from .queries import indicators_with_data, plan_indicators
from .services import year_token
from .status import Direction, Unit
from .table import build_row, build_table, table_years
from .validation import year_problem

HTMX_INVALID = 422


_plan = plan_for_user


def _indicator(request: HtmxHttpRequest, indicator_id: int, *, edit: bool = False) -> Indicator:
    queryset = indicators_with_data(Indicator.objects.select_related("plan__municipality"))
    return access.get_for_user(request, queryset, edit=edit, pk=indicator_id)


def current_year() -> int:
    return timezone.localdate().year


@require_GET
def indicator_table(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    indicators = plan_indicators(plan)
    year, can_edit = current_year(), access.can_edit(request, plan.municipality_id)
    context = {
        "plan": plan,
        # Built only when the table is rendered, not when it comes from the cache.
        "table": SimpleLazyObject(lambda: build_table(indicators, current_year=year)),
        "can_edit": can_edit,
        "page_fragment": _table_key(plan, indicators, year=year, can_edit=can_edit),
    }
    return render(request, "indicators/indicator_table.html", context)


def _table_key(plan: Plan, indicators: list[Indicator], *, year: int, can_edit: bool) -> str:
    """Every row the table shows: the indicators with their targets, results (and the results
    they replaced), comments and focus areas; and the year, which decides what is «nå»."""
    return fragment_key(
        "indicator-table",
        can_edit,
        year,
        plan,
        plan.municipality,
        [
            (
                indicator,
                indicator.targets.all(),
                [(o, o.revisions.all()) for o in indicator.observations.all()],
                indicator.comments.all(),
                indicator.focus_areas.all(),
            )
            for indicator in indicators
        ],
    )


def _indicator_page(request, indicator: Indicator, *, status=200, section=None, **extra):
    year_now = current_year()
    plan = indicator.plan
    known = table_years([indicator])
    # Every year of the plan can be filled in, and the baseline years before it that have data.
    years = sorted(set(known) | set(range(min(known + [plan.first_year]), plan.last_year + 1)))
    row = build_row(indicator, years, current_year=year_now)
    unit, direction = Unit(indicator.unit), Direction(indicator.direction)
    observed = {o.year: float(o.value) for o in indicator.observations.all()}
    targets = {t.year: t.rule for t in indicator.targets.all()}
    last_observed = max(observed, default=year_now)
    # Project to the years the plan has ambitions for; without any, three years ahead.
    future = [y for y in sorted(targets) if y > last_observed] or [
        last_observed + step for step in (1, 2, 3)
    ]
    forecast = project(observed, future, targets=targets, unit=unit, direction=direction)
    chart = indicator_chart_spec(indicator, row, forecast)
    context = {
        "plan": indicator.plan,
        "indicator": indicator,
        "row": row,
        "forecast": forecast,
        "can_edit": access.can_edit(request, indicator.municipality_id),
        "has_chart": chart is not None,
        "chart_svg": lambda: render_svg(chart, title_id="chart-title") if chart else "",
        **extra,
    }
    template = "indicators/indicator_detail.html"
    if section and request.htmx:
        template += f"#{section}"
    return render(request, template, context, status=status)


@require_GET
def indicator_detail(request: HtmxHttpRequest, indicator_id: int) -> HttpResponse:
    return _indicator_page(request, _indicator(request, indicator_id))


@require_http_methods(["GET", "POST"])
def indicator_create(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, edit=True)
    form = IndicatorForm(request.POST or None, plan=plan)
    status = 200
    if request.method == "POST":
        indicator, refused = saved_or_status(
            form, lambda f: services.indicator_create(plan=plan, data=f.changes())
        )
        if indicator is not None:
            messages.success(request, f"Indikatoren «{indicator.name}» er opprettet.")
            return redirect("indicators:detail", indicator_id=indicator.pk)
        status = refused or HTMX_INVALID
    return render(
        request, "indicators/indicator_form.html", {"plan": plan, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HtmxHttpRequest, indicator_id: int) -> HttpResponse:
    indicator = _indicator(request, indicator_id, edit=True)
    form = IndicatorForm(request.POST or None, plan=indicator.plan, instance=indicator)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.indicator_update(
                indicator=indicator, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            return redirect("indicators:detail", indicator_id=indicator.pk)
        status = refused
    return render(
        request,
        "indicators/indicator_form.html",
        {"plan": indicator.plan, "form": form, "indicator": indicator},
        status=status,
    )


@require_POST
def indicator_delete(request: HtmxHttpRequest, indicator_id: int) -> HttpResponse:
    indicator = _indicator(request, indicator_id, edit=True)
    plan_id = indicator.plan_id
    part_delete(part=indicator)
    messages.success(request, f"Indikatoren «{indicator.name}» er slettet.")
    return redirect("indicators:table", plan_id=plan_id)


def _shown(value: Decimal | None) -> Decimal | None:
    return None if value is None else without_trailing_zeros(value)


def _year_initial(indicator: Indicator, year: int) -> dict:
    observation = next((o for o in indicator.observations.all() if o.year == year), None)
    target = next((t for t in indicator.targets.all() if t.year == year), None)
    comment = next((c for c in indicator.comments.all() if c.year == year), None)
    initial: dict[str, object] = {"version": year_token(observation, target, comment)}
    if observation:
        initial |= {
            "value": without_trailing_zeros(observation.value),
            "provisional": observation.provisional,
            "source_note": observation.source_note,
        }
    if target:
        initial |= {
            "comparator": target.comparator,
            "target_value": _shown(target.value),
            "target_high": _shown(target.high),
        }
    if comment:
        initial["comment"] = comment.text
    return initial


@require_http_methods(["GET", "POST"])
def year_edit(request: HtmxHttpRequest, indicator_id: int, year: int) -> HttpResponse:
    indicator = _indicator(request, indicator_id, edit=True)
    plan = indicator.plan
    if year_problem(year, plan.first_year, plan.last_year):
        raise Http404("Året er utenfor planen.")
    initial = _year_initial(indicator, year)
    form = YearForm(request.POST or None, initial=initial, unit=Unit(indicator.unit))
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.indicator_year_save(
                indicator=indicator,
                year=year,
                data=f.cleaned_data,
                expected_token=f.cleaned_data["version"] or initial["version"],
                user=request.user,
            ),
        )
        if refused is None:
            if not request.htmx:
                return redirect("indicators:detail", indicator_id=indicator.pk)
            return _indicator_page(request, _indicator(request, indicator_id), section="years")
        status = refused
    return _indicator_page(
        request, indicator, status=status, section="years", editing_year=year, form=form
    )


@require_GET
def excel_export(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    filename = f"indikatorer-{plan.municipality.number}-{plan.pk}.xlsx"
    return xlsx_response(excel.workbook_bytes(plan), filename)


@require_http_methods(["GET", "POST"])
def excel_import(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    """Upload a workbook: all or nothing, every error listed by sheet, row and column."""
    plan = _plan(request, plan_id, edit=True)
    return workbook_upload_page(
        request,
        lambda data: indicator_workbook_import(plan=plan, data=data, user=request.user),
        done_url=reverse("indicators:table", args=[plan.pk]),
        template="indicators/excel_import.html",
        context={"plan": plan},
    )
