"""The plan a request may read (or change), for every app whose pages hang under a plan."""

from django.http import HttpRequest

from temaplan.accounts import access

from .models import Plan


def plan_for_user(request: HttpRequest, plan_id: int, *, edit: bool = False) -> Plan:
    return access.get_for_user(
        request, Plan.objects.select_related("municipality"), edit=edit, pk=plan_id
    )
