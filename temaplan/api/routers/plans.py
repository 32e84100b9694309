"""The token's municipality, its plans, focus areas and strategies."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from temaplan.accounts.models import Municipality
from temaplan.api.paging import Paging
from temaplan.plans.models import FocusArea, Plan, Strategy

from ..auth import municipality_id_of
from ..schemas import FocusAreaOut, Id, MunicipalityOut, PlanOut, StrategyOut, Year
from .common import answers

router = Router(tags=["Planer"])


def _municipality(request: HttpRequest, municipality: Municipality) -> dict:
    return {
        "number": municipality.number,
        "name": municipality.name,
        "county_number": municipality.county_number,
        "county_name": municipality.county_name,
        "role": request.api_role,  # type: ignore[attr-defined]
    }


@router.get("/municipalities", response=answers(list[MunicipalityOut]))
@paginate(Paging)
def municipality_list(request: HttpRequest):
    """The token's municipality: a token belongs to one."""
    return [
        _municipality(request, m)
        for m in Municipality.objects.filter(id=municipality_id_of(request))
    ]


@router.get("/municipalities/{number}", response=answers(MunicipalityOut))
def municipality_detail(request: HttpRequest, number: str):
    municipality = get_object_or_404(Municipality, id=municipality_id_of(request), number=number)
    return _municipality(request, municipality)


def plans_of(request: HttpRequest, year: int | None = None):
    plans = Plan.objects.filter(municipality_id=municipality_id_of(request))
    if year is not None:
        plans = plans.filter(first_year__lte=year, last_year__gte=year)
    return plans


@router.get("/plans", response=answers(list[PlanOut]))
@paginate(Paging)
def plan_list(request: HttpRequest, year: Year | None = None):
    """The plans; with `year`, those whose period includes it."""
    return plans_of(request, year).order_by("-first_year", "id")


@router.get("/plans/{plan_id}", response=answers(PlanOut))
def plan_detail(request: HttpRequest, plan_id: Id):
    return get_object_or_404(plans_of(request), pk=plan_id)


@router.get("/focus-areas", response=answers(list[FocusAreaOut]))
@paginate(Paging)
def focus_area_list(request: HttpRequest, plan: Id | None = None):
    areas = FocusArea.objects.filter(municipality_id=municipality_id_of(request))
    if plan is not None:
        areas = areas.filter(plan_id=plan)
    return areas.order_by("plan_id", "number", "id")


@router.get("/strategies", response=answers(list[StrategyOut]))
@paginate(Paging)
def strategy_list(request: HttpRequest, plan: Id | None = None):
    strategies = Strategy.objects.filter(municipality_id=municipality_id_of(request))
    if plan is not None:
        strategies = strategies.filter(plan_id=plan)
    return strategies.order_by("plan_id", "position", "id")
