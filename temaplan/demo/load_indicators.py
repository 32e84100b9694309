"""Loading indicator records (`records.IndicatorRow`) with their results and ambitions."""

from __future__ import annotations

from datetime import UTC, datetime

from temaplan.indicators.models import Indicator
from temaplan.indicators.services import observation_record, target_set
from temaplan.plans.models import Plan

from .asker_indicators import ASKER_INDICATORS, SLIDE
from .records import IndicatorRow
from .upsert import upsert

# A fixed time, so loading the demo again records nothing new.
RECORDED = datetime(2022, 5, 1, tzinfo=UTC)
VINTAGE = "mai 2022"


def _definition(row: IndicatorRow) -> dict:
    definition = {
        "name": row.name,
        "unit": row.unit,
        "direction": row.direction,
        "source": row.source,
        "influence": row.influence,
        "report_year_offset": row.report_year_offset,
        "tolerance": row.tolerance,
        "goal_text": row.goal_text,
        "goal_comparator": row.goal_comparator,
        "goal_value": row.goal_value,
        "footnote": row.footnote,
    }
    if row.formula is not None:
        definition["formula"] = row.formula
    if row.kommune_nm is not None:
        definition["kommune_nm"] = row.kommune_nm
    return definition


def asker_indicators_load(plan: Plan) -> None:
    """The five indicators of the slide with every result and ambition on it."""
    for position, row in enumerate(ASKER_INDICATORS):
        indicator = upsert(
            Indicator,
            {"plan": plan, "municipality": plan.municipality, "key": row.key},
            {**_definition(row), "position": position},
        )
        areas = list(plan.focus_areas.filter(number__in=row.focus_areas))
        if set(indicator.focus_areas.all()) != set(areas):
            indicator.focus_areas.set(areas)
        # The overall Kommune-NM rank comes from the stored editions (load_kommune_nm.py), which
        # give the same figures as the slide; the county rank does not (the editions hold
        # six municipalities of Viken, not the whole county), so the slide's figures stay.
        results = {} if row.kommune_nm == "overall" else row.results
        for year, value in results.items():
            observation_record(
                indicator=indicator,
                year=year,
                value=value,
                source_note=SLIDE,
                vintage=VINTAGE,
                now=RECORDED,
            )
        for year, ambition in row.ambitions.items():
            target_set(
                indicator=indicator, year=year, comparator=ambition.comparator, value=ambition.value
            )
