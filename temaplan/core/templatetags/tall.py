"""Template filters for Norwegian number formats: {{ value|tall }}, {{ value|prosent }}."""

from django import template

from temaplan.core import dates, formatting

register = template.Library()


@register.filter
def tall(value, decimals=0):
    return formatting.number(value, int(decimals))


@register.filter
def prosent(value, decimals=1):
    return formatting.percent(value, int(decimals))


@register.filter
def mill_kr(value, decimals=1):
    return formatting.million_kroner(value, int(decimals))


@register.filter
def bokstav(index):
    """0 → a, 1 → b: the letters of the plan's ambitions and premises."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[int(index) % 26]


@register.filter
def tidspunkt(value):
    """A moment in local time: «3. desember 2026 kl. 06.15»."""
    from django.utils import timezone

    if value is not None and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dates.date_and_time(value)
