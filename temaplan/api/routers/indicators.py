"""Indicators with their targets and results (value and status per year), observations, and
the bulk write of observations by stable key (indicator key + year)."""

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router
from ninja.pagination import paginate

from temaplan.api.paging import Paging
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.indicators.models import Indicator, Observation
from temaplan.indicators.queries import indicators_with_data
from temaplan.indicators.services import observation_record
from temaplan.indicators.status import Unit
from temaplan.indicators.table import build_row
from temaplan.indicators.validation import value_problem, year_problem
from temaplan.plans.models import Plan

from ..auth import municipality_id_of, require_write, token_of
from ..errors import CONFLICT, INVALID_INPUT, ApiError, django_problems, problem
from ..schemas import Id, IndicatorOut, ObservationOut, ObservationsIn, ObservationsOut, Year
from .common import Rows, answers

router = Router(tags=["Indikatorer"])

UNKNOWN_INDICATOR = "Planen har ingen indikator med nøkkelen «{key}»."
DUPLICATE_ROW = "Indikatoren «{key}» har allerede en verdi for {year} lenger opp (rad {first})."
TOO_MANY_DIGITS = "Verdien har for mange sifre: høyst 12 før og 4 etter komma."
LARGEST = Decimal(10) ** 12
STEP = Decimal("0.0001")


def _indicator(indicator: Indicator, year: int | None) -> dict:
    years = [year] if year is not None else sorted({o.year for o in indicator.observations.all()})
    row = build_row(indicator, years, current_year=timezone.localdate().year)
    return {
        "id": indicator.pk,
        "plan_id": indicator.plan_id,
        "key": indicator.key,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "source": indicator.source,
        "focus_area_ids": [area.pk for area in indicator.focus_areas.all()],
        "targets": [t for t in indicator.targets.all() if year is None or t.year == year],
        "results": [
            {
                "year": cell.year,
                "value": cell.value,
                "provisional": cell.provisional,
                "status": str(cell.evaluation.status),
                "reason": cell.evaluation.reason,
            }
            for cell in row.cells
        ],
        "version": indicator.version,
    }


def _indicators(request: HttpRequest):
    return Indicator.objects.filter(municipality_id=municipality_id_of(request))


@router.get("/indicators", response=answers(list[IndicatorOut]))
@paginate(Paging)
def indicator_list(request: HttpRequest, plan: Id | None = None, year: Year | None = None):
    """Indicators with targets and results; with `year`, that year's target and result only."""
    indicators = _indicators(request)
    if plan is not None:
        indicators = indicators.filter(plan_id=plan)
    shown = indicators_with_data(indicators).order_by("plan_id", "position", "id")
    return Rows(shown, lambda indicator: _indicator(indicator, year))


@router.get("/indicators/{indicator_id}", response=answers(IndicatorOut))
def indicator_detail(request: HttpRequest, indicator_id: Id, year: Year | None = None):
    indicator = get_object_or_404(indicators_with_data(_indicators(request)), pk=indicator_id)
    return _indicator(indicator, year)


def _observation(observation: Observation, key: str) -> dict:
    return {
        "indicator_key": key,
        "year": observation.year,
        "value": observation.value,
        "provisional": observation.provisional,
        "source_note": observation.source_note,
        "vintage": observation.vintage,
        "recorded_at": observation.recorded_at,
        "version": observation.version,
    }


@router.get("/plans/{plan_id}/observations", response=answers(list[ObservationOut]))
@paginate(Paging)
def observation_list(
    request: HttpRequest, plan_id: Id, indicator: str | None = None, year: Year | None = None
):
    """A plan's stored values, by indicator key and year."""
    plan = get_object_or_404(Plan, pk=plan_id, municipality_id=municipality_id_of(request))
    observations = Observation.objects.filter(indicator__plan=plan).select_related("indicator")
    if indicator is not None:
        observations = observations.filter(indicator__key=indicator)
    if year is not None:
        observations = observations.filter(year=year)
    observations = observations.order_by("indicator__position", "indicator_id", "year")
    return Rows(observations, lambda o: _observation(o, o.indicator.key))


def _value_problem(value: Decimal, unit: Unit) -> str | None:
    if problem_text := value_problem(value, unit):
        return problem_text
    if abs(value) >= LARGEST or value != value.quantize(STEP):
        return TOO_MANY_DIGITS
    return None


@router.post("/plans/{plan_id}/observations", response=answers(ObservationsOut, write=True))
def observations_write(request: HttpRequest, plan_id: Id, payload: ObservationsIn):
    """Store many values at once, by indicator key and year: all or nothing. A row with
    `version` changes the stored value only if it is still at that version (409 otherwise);
    a row without one adds a value or replaces the stored one (kept as a revision)."""
    plan = get_object_or_404(Plan, pk=plan_id, municipality_id=municipality_id_of(request))
    require_write(request)
    indicators = {i.key: i for i in Indicator.objects.filter(plan=plan)}
    problems: list[dict] = []
    seen: dict = {}
    for n, row in enumerate(payload.rows):
        indicator = indicators.get(row.indicator)
        if indicator is None:
            key = row.indicator
            problems.append(problem(UNKNOWN_INDICATOR.format(key=key), row=n, field="indicator"))
            continue
        first = seen.setdefault((row.indicator, row.year), n)
        if first != n:
            text = DUPLICATE_ROW.format(key=row.indicator, year=row.year, first=first)
            problems.append(problem(text, row=n, field="year"))
        if year_text := year_problem(row.year, plan.first_year, plan.last_year):
            problems.append(problem(year_text, row=n, field="year"))
        if value_text := _value_problem(row.value, Unit(indicator.unit)):
            problems.append(problem(value_text, row=n, field="value"))
    if problems:
        raise ApiError(422, INVALID_INPUT, problems)
    user, now = token_of(request).user, timezone.now()
    counts = {"created": 0, "revised": 0, "updated": 0, "unchanged": 0}
    stored = []
    with transaction.atomic():
        current = {
            (o.indicator_id, o.year): o.version
            for o in Observation.objects.select_for_update()
            .filter(indicator__plan=plan)
            .only("indicator_id", "year", "version")
        }
        for n, row in enumerate(payload.rows):
            indicator = indicators[row.indicator]
            version = current.get((indicator.pk, row.year))
            if row.version is not None and version != row.version:
                raise ApiError(
                    409, CONFLICT, [problem(EDIT_CONFLICT_MESSAGE, row=n, field="version")]
                )
            try:
                observation, what = observation_record(
                    indicator=indicator,
                    year=row.year,
                    value=row.value,
                    provisional=row.provisional,
                    source_note=row.source_note,
                    vintage=row.vintage,
                    user=user,
                    now=now,
                )
            except DjangoValidationError as exc:
                raise ApiError(422, INVALID_INPUT, django_problems(exc, row=n)) from exc
            counts[what] += 1
            stored.append(_observation(observation, indicator.key))
    return {**counts, "rows": stored}
