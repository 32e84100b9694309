"""Access helpers: every query made for a user goes through these.

A user sees a municipality's rows only through a membership of it. Objects of a municipality
the user is not a member of do not exist for them (404, never 403, so that nothing leaks);
a member without an editing role who tries to write gets 403.
"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest

from .models import ROLES_THAT_EDIT, Membership, Municipality

M = TypeVar("M", bound=models.Model)

READ_ONLY_MESSAGE = "Du har bare lesetilgang i denne kommunen."


def roles_for(request: HttpRequest) -> dict[int, str]:
    """The user's role per municipality id, read once per request."""
    cached = getattr(request, "_temaplan_roles", None)
    if cached is None:
        user = request.user
        if not user.is_authenticated:
            cached = {}
        else:
            cached = dict(
                Membership.objects.filter(user=user).values_list("municipality_id", "role")
            )
        request._temaplan_roles = cached  # type: ignore[attr-defined]
    return cached


def can_edit(request: HttpRequest, municipality_id: int) -> bool:
    return roles_for(request).get(municipality_id) in ROLES_THAT_EDIT


def municipalities_for(request: HttpRequest) -> models.QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=list(roles_for(request)))


def visible(request: HttpRequest, queryset: models.QuerySet[M]) -> models.QuerySet[M]:
    """Narrow a queryset of municipality-owned rows to what the user may read."""
    return queryset.filter(municipality_id__in=list(roles_for(request)))


def get_for_user(
    request: HttpRequest,
    queryset: models.QuerySet[M] | type[M],
    *,
    edit: bool = False,
    **lookup: object,
) -> M:
    """One municipality-owned object the user may read (or, with edit=True, change)."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    try:
        obj = visible(request, queryset).get(**lookup)
    except ObjectDoesNotExist as exc:
        raise Http404("Fant ikke det du ba om.") from exc
    if edit:
        require_edit(request, obj.municipality_id)  # type: ignore[attr-defined]
    return obj


def get_municipality_for_user(request: HttpRequest, number: str, *, edit: bool = False):
    try:
        municipality = municipalities_for(request).get(number=number)
    except Municipality.DoesNotExist as exc:
        raise Http404("Fant ikke kommunen.") from exc
    if edit:
        require_edit(request, municipality.id)
    return municipality


def require_edit(request: HttpRequest, municipality_id: int) -> None:
    if not can_edit(request, municipality_id):
        raise PermissionDenied(READ_ONLY_MESSAGE)
