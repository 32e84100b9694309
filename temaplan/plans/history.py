"""The change history of a plan and its parts: who changed what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist

from temaplan.core.formatting import number_as_stored

from .models import Ambition, FocusArea, Plan, Premise, Strategy

ACTIONS = {"+": "opprettet", "~": "endret", "-": "slettet"}


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    action: str
    what: str
    kind: str
    changes: list[tuple[str, str, str]]  # field label, old value, new value


def _label(model, field_name: str) -> str:
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except Exception:  # a field since removed from the model
        return field_name


def _shown(model, field_name: str, value) -> str:
    """A stored value as the user knows it: a choice's label, not its code («Vedtatt», not
    «adopted»); a related row's name, not its id; «ja»/«nei»; 0,3; 11.01.2022; «–» for none."""
    if value is None or value == "":
        return "–"
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else "(slettet)"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, Decimal):
        return number_as_stored(value)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def plan_history_entries(plan: Plan, *, limit: int = 100) -> list[HistoryEntry]:
    sources = [
        (Plan, Plan.history.filter(id=plan.pk)),
        (Ambition, Ambition.history.filter(plan_id=plan.pk)),
        (FocusArea, FocusArea.history.filter(plan_id=plan.pk)),
        (Strategy, Strategy.history.filter(plan_id=plan.pk)),
        (Premise, Premise.history.filter(plan_id=plan.pk)),
    ]
    records = []
    for model, queryset in sources:
        for record in queryset.select_related("history_user").order_by("-history_date")[:limit]:
            records.append((model, record))
    records.sort(key=lambda pair: pair[1].history_date, reverse=True)
    entries = []
    for model, record in records[:limit]:
        changes = []
        if record.history_type == "~" and record.prev_record is not None:
            delta = record.diff_against(record.prev_record, excluded_fields=["version", "position"])
            changes = [
                (
                    _label(model, change.field),
                    _shown(model, change.field, change.old),
                    _shown(model, change.field, change.new),
                )
                for change in delta.changes
            ]
            if not changes:
                continue  # only the order or version moved; not worth a line
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else "system",
                action=ACTIONS.get(record.history_type, record.history_type),
                what=str(record.instance),
                kind=str(model._meta.verbose_name),
                changes=changes,
            )
        )
    return entries
