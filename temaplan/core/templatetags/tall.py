"""Template filters for Norwegian number formats: {{ value|tall }}, {{ value|prosent }}."""

from django import template

from temaplan.core import formatting

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
