"""Writes to partner agreements and dialogue meetings. Views call these; updates go through
`record_update`, which refuses the second of two simultaneous saves. The links to actions and
focus areas are set after the row itself, in the same transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from temaplan.core.versioning import record_update
from temaplan.plans.models import Plan

from .models import DialogueMeeting, PartnerAgreement

AGREEMENT_LINKS = ("actions",)
MEETING_LINKS = ("focus_areas", "follow_up_actions")
AGREEMENT_HAS_ALLOCATIONS_MESSAGE = (
    "Avtalen med «{partner}» har {count} tildelinger i budsjettet og kan ikke slettes: "
    "tildelingene ville blitt slettet med den. Slett eller endre tildelingene først."
)


class AgreementHasAllocations(Exception):
    """An agreement with budget allocations is not deleted: the allocations would go with it."""


def _split(data: dict[str, Any], links: tuple[str, ...]) -> tuple[dict, dict]:
    fields = {k: v for k, v in data.items() if k not in links}
    return fields, {k: data[k] for k in links if k in data}


def _create(model, *, plan: Plan, data: dict[str, Any], links: tuple[str, ...]):
    fields, linked = _split(data, links)
    with transaction.atomic():
        row = model(plan=plan, municipality_id=plan.municipality_id, **fields)
        row.full_clean()
        row.save()
        for name, values in linked.items():
            getattr(row, name).set(values)
    return row


def _update(row, *, changes: dict[str, Any], expected_version: int, links: tuple[str, ...]):
    fields, linked = _split(changes, links)
    with transaction.atomic():
        updated = record_update(record=row, changes=fields, expected_version=expected_version)
        for name, values in linked.items():
            getattr(updated, name).set(values)
    return updated


def agreement_create(*, plan: Plan, data: dict[str, Any]) -> PartnerAgreement:
    return _create(PartnerAgreement, plan=plan, data=data, links=AGREEMENT_LINKS)


def agreement_update(
    *, agreement: PartnerAgreement, changes: dict[str, Any], expected_version: int
) -> PartnerAgreement:
    return _update(
        agreement, changes=changes, expected_version=expected_version, links=AGREEMENT_LINKS
    )


def agreement_refusal(agreement: PartnerAgreement) -> str:
    """Why the agreement cannot be deleted, or "" when it can."""
    count = agreement.allocations.count()
    if not count:
        return ""
    return AGREEMENT_HAS_ALLOCATIONS_MESSAGE.format(partner=agreement.partner, count=count)


def agreement_delete(*, agreement: PartnerAgreement) -> None:
    """Delete an agreement without allocations; one with is refused (AgreementHasAllocations)."""
    with transaction.atomic():
        locked = PartnerAgreement.objects.select_for_update().get(pk=agreement.pk)
        refusal = agreement_refusal(locked)
        if refusal:
            raise AgreementHasAllocations(refusal)
        locked.delete()


def meeting_create(*, plan: Plan, data: dict[str, Any]) -> DialogueMeeting:
    return _create(DialogueMeeting, plan=plan, data=data, links=MEETING_LINKS)


def meeting_update(
    *, meeting: DialogueMeeting, changes: dict[str, Any], expected_version: int
) -> DialogueMeeting:
    return _update(meeting, changes=changes, expected_version=expected_version, links=MEETING_LINKS)


def meeting_delete(*, meeting: DialogueMeeting) -> None:
    meeting.delete()
