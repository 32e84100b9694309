"""Helpers shared by the indicator page tests: the demo's indicators, form data, a snapshot."""

from temaplan.indicators.models import Indicator, Observation, Target

HTMX = {"HTTP_HX_REQUEST": "true"}


def indicator(plan, key="nho-kommune-nm-rang") -> Indicator:
    return plan.indicators.get(key=key)


def definition(**overrides):
    data = {
        "key": "ny-indikator",
        "name": "Antall nyetableringer",
        "unit": "count",
        "direction": "higher",
        "source": "own",
        "influence": "medium",
        "report_year_offset": 0,
        "tolerance": "0",
        "version": 1,
    }
    return {**data, **overrides}


def year_form(**overrides):
    return {"value": "10", "comparator": "rank_at_most", "target_value": "10", **overrides}


def snapshot():
    return (
        list(Indicator.objects.order_by("pk").values_list("pk", "name", "version")),
        list(Observation.objects.order_by("pk").values_list("pk", "value", "version")),
        list(Target.objects.order_by("pk").values_list("pk", "comparator", "value")),
    )
