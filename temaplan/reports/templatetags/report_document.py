"""Template filters for the report document's own values: its dates are ISO strings."""

from __future__ import annotations

from datetime import date, datetime

from django import template

from temaplan.core import dates

register = template.Library()


@register.filter
def iso_dato(value: str | None) -> str:
    """«2022-01-11» → «11.01.2022»; nothing → «–»."""
    if not value:
        return "–"
    try:
        return f"{date.fromisoformat(str(value)[:10]):%d.%m.%Y}"
    except ValueError:
        return str(value)


@register.filter
def iso_tidspunkt(value: str | None) -> str:
    """An ISO moment in local time: «1. mai 2022 kl. 02.00»."""
    if not value:
        return "–"
    from django.utils import timezone

    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return dates.date_and_time(moment)


@register.filter
def by_key(items, key: str):
    """The item of a list of dicts whose «key» is `key` (the top list names actions by key)."""
    for item in items or ():
        if item.get("key") == key:
            return item
    return None
