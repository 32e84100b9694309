"""Action periods, actions, studies with their phases, the budget, and the bulk write of
action status and progress by action key."""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from temaplan.actions.models import (
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    StudyPhase,
)
from temaplan.actions.services import EditConflict, action_update_status
from temaplan.api.paging import Paging

from ..auth import municipality_id_of, require_write, token_of
from ..errors import CONFLICT, INVALID_INPUT, ApiError, django_problems, problem
from ..schemas import (
    ActionOut,
    ActionPeriodOut,
    ActionStatusesIn,
    ActionStatusesOut,
    BudgetAllocationOut,
    BudgetFrameOut,
    Id,
    StudyOut,
    Year,
)
from .common import Rows, answers

router = Router(tags=["Tiltak"])

UNKNOWN_ACTION = "Perioden har ikke noe tiltak med nøkkelen «{key}»."
DUPLICATE_ACTION = "Tiltaket «{key}» er allerede med lenger opp (rad {first})."


def _mine(request: HttpRequest, model):
    return model.objects.filter(municipality_id=municipality_id_of(request))


def _in_year(queryset, year: int | None, prefix: str = "period__"):
    if year is None:
        return queryset
    return queryset.filter(
        Q(**{f"{prefix}first_date__lte": date(year, 12, 31)})
        & Q(**{f"{prefix}last_date__gte": date(year, 1, 1)})
    )


def _actions(request: HttpRequest):
    return _mine(request, Action).prefetch_related("strategies")


def _action(action: Action) -> dict:
    return {
        "id": action.pk,
        "period_id": action.period_id,
        "key": action.key,
        "title": action.title,
        "kind": action.kind,
        "focus_area_id": action.focus_area_id,
        "strategy_ids": [s.pk for s in action.strategies.all()],
        "responsible_unit": action.responsible_unit,
        "start_date": action.start_date,
        "due_date": action.due_date,
        "status": action.status,
        "progress": action.progress,
        "weight": action.weight,
        "version": action.version,
    }


@router.get("/action-periods", response=answers(list[ActionPeriodOut]))
@paginate(Paging)
def period_list(request: HttpRequest, plan: Id | None = None, year: Year | None = None):
    periods = _in_year(_mine(request, ActionPeriod), year, prefix="")
    if plan is not None:
        periods = periods.filter(plan_id=plan)
    return periods.order_by("plan_id", "first_date", "id")


@router.get("/actions", response=answers(list[ActionOut]))
@paginate(Paging)
def action_list(request: HttpRequest, period: Id | None = None, year: Year | None = None):
    """Actions; with `year`, those of the periods that include it."""
    actions = _in_year(_actions(request), year)
    if period is not None:
        actions = actions.filter(period_id=period)
    return Rows(actions.order_by("period_id", "key", "id"), _action)


@router.get("/actions/{action_id}", response=answers(ActionOut))
def action_detail(request: HttpRequest, action_id: Id):
    return _action(get_object_or_404(_actions(request), pk=action_id))


def _study(study: Action) -> dict:
    return {
        "id": study.pk,
        "period_id": study.period_id,
        "key": study.key,
        "title": study.title,
        "status": study.status,
        "progress": study.progress,
        "phases": list(study.phases.all()),
    }


@router.get("/studies", response=answers(list[StudyOut]))
@paginate(Paging)
def study_list(request: HttpRequest, year: Year | None = None):
    """The studies (utredninger) with their phases."""
    studies = _in_year(_mine(request, Action).filter(kind=Action.Kind.STUDY), year)
    studies = studies.prefetch_related(
        Prefetch("phases", queryset=StudyPhase.objects.order_by("position", "id"))
    )
    return Rows(studies.order_by("period_id", "key", "id"), _study)


@router.get("/budget/frames", response=answers(list[BudgetFrameOut]))
@paginate(Paging)
def budget_frame_list(request: HttpRequest, plan: Id | None = None, year: Year | None = None):
    frames = _mine(request, BudgetFrame)
    if plan is not None:
        frames = frames.filter(plan_id=plan)
    if year is not None:
        frames = frames.filter(year=year)
    return frames.order_by("plan_id", "year", "kind", "id")


def _allocation(allocation: BudgetAllocation) -> dict:
    return {
        "id": allocation.pk,
        "plan_id": allocation.plan_id,
        "year": allocation.year,
        "action_key": allocation.action.key if allocation.action else None,
        "agreement_id": allocation.agreement_id,
        "label": allocation.label,
        "amount": allocation.amount,
        "spent": allocation.spent,
        "version": allocation.version,
    }


@router.get("/budget/allocations", response=answers(list[BudgetAllocationOut]))
@paginate(Paging)
def budget_allocation_list(request: HttpRequest, plan: Id | None = None, year: Year | None = None):
    allocations = _mine(request, BudgetAllocation).select_related("action")
    if plan is not None:
        allocations = allocations.filter(plan_id=plan)
    if year is not None:
        allocations = allocations.filter(year=year)
    return Rows(allocations.order_by("plan_id", "year", "id"), _allocation)


@router.post(
    "/action-periods/{period_id}/actions/status", response=answers(ActionStatusesOut, write=True)
)
def action_statuses_write(request: HttpRequest, period_id: Id, payload: ActionStatusesIn):
    """Set status and progress of many actions at once, by action key: all or nothing. Each
    row names the version it changes from; a row someone else changed since gives 409."""
    period = get_object_or_404(_mine(request, ActionPeriod), pk=period_id)
    require_write(request)
    actions = {a.key: a for a in _actions(request).filter(period=period)}
    problems: list[dict] = []
    seen: dict = {}
    for n, row in enumerate(payload.rows):
        if row.action not in actions:
            text = UNKNOWN_ACTION.format(key=row.action)
            problems.append(problem(text, row=n, field="action"))
            continue
        first = seen.setdefault(row.action, n)
        if first != n:
            text = DUPLICATE_ACTION.format(key=row.action, first=first)
            problems.append(problem(text, row=n, field="action"))
    if problems:
        raise ApiError(422, INVALID_INPUT, problems)
    user, changed, rows = token_of(request).user, 0, []
    with transaction.atomic():
        for n, row in enumerate(payload.rows):
            action = actions[row.action]
            try:
                updated = action_update_status(
                    action=action,
                    status=row.status,
                    progress=row.progress,
                    comment=row.comment,
                    expected_version=row.version,
                    user=user,
                )
            except EditConflict as exc:
                raise ApiError(409, CONFLICT, [problem(str(exc), row=n, field="version")]) from exc
            except DjangoValidationError as exc:
                raise ApiError(422, INVALID_INPUT, django_problems(exc, row=n)) from exc
            changed += updated.version != action.version
            rows.append(_action(updated))
    return {"changed": changed, "rows": rows}
