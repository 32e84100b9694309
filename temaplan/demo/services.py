"""Loading the embedded demo. Running it again changes nothing that is already as it should be."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models, transaction

from temaplan.accounts.models import Membership, Municipality
from temaplan.indicators.models import Indicator
from temaplan.indicators.services import observation_record, target_set
from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy

from . import asker as data
from .asker_actions import asker_actions_load
from .asker_indicators import ASKER_INDICATORS, FOCUS_AREAS_BY_KEY, SLIDE


def upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]):
    """Create the row, or update only the fields that differ (no save, no history, if none)."""
    values = {field: value for field, value in values.items() if field not in lookup}
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        row = model(**lookup, **values)
        row.full_clean()
        row.save()
        return row
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    if changed:
        for field in changed:
            setattr(row, field, values[field])
        row.full_clean()
        row.save()
    return row


def _load_plan(municipality, plan_values, ambitions, focus_areas, premises) -> Plan:
    plan = upsert(Plan, {"municipality": municipality, "name": plan_values["name"]}, plan_values)
    owned = {"plan": plan, "municipality": municipality}
    for position, text in enumerate(ambitions):
        upsert(Ambition, {**owned, "position": position}, {"text": text})
    for position, (number, name, description, influence, importance, strategies) in enumerate(
        focus_areas
    ):
        area = upsert(
            FocusArea,
            {**owned, "number": number},
            {
                "name": name,
                "description": description,
                "influence": influence,
                "importance": importance,
                "placement_is_example": True,
                "position": position,
            },
        )
        for index, text in enumerate(strategies):
            upsert(
                Strategy,
                {**owned, "code": f"{number}.{index + 1}"},
                {
                    "focus_area": area,
                    "text": text,
                    "is_example": True,
                    "position": index,
                },
            )
    for position, (name, description, influence, importance) in enumerate(premises):
        upsert(
            Premise,
            {**owned, "position": position},
            {
                "name": name,
                "description": description,
                "influence": influence,
                "importance": importance,
            },
        )
    return plan


def demo_users_load(*, password: str) -> list[str]:
    User = get_user_model()
    usernames = []
    for username, number, role, first_name, last_name in data.DEMO_USERS:
        user = User.objects.filter(username=username).first() or User(username=username)
        names = {"first_name": first_name, "last_name": last_name}
        if user.pk is None or any(getattr(user, k) != v for k, v in names.items()):
            for field, value in names.items():
                setattr(user, field, value)
            user.save()
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        municipality = Municipality.objects.get(number=number)
        upsert(Membership, {"user": user, "municipality": municipality}, {"role": role})
        usernames.append(username)
    return usernames


@transaction.atomic
def demo_load(*, password: str) -> dict[str, Plan]:
    """Asker (3203) with its plan, Bærum (3201) with a small one, and the three demo users."""
    asker = upsert(Municipality, {"number": data.ASKER["number"]}, data.ASKER)
    baerum = upsert(Municipality, {"number": data.BAERUM["number"]}, data.BAERUM)
    plans = {
        "asker": _load_plan(
            asker,
            data.ASKER_PLAN,
            data.ASKER_AMBITIONS,
            data.ASKER_FOCUS_AREAS,
            data.ASKER_PREMISES,
        ),
        "baerum": _load_plan(
            baerum,
            data.BAERUM_PLAN,
            data.BAERUM_AMBITIONS,
            data.BAERUM_FOCUS_AREAS,
            data.BAERUM_PREMISES,
        ),
    }
    asker_indicators_load(plans["asker"])
    asker_actions_load(plans["asker"])
    demo_users_load(password=password)
    return plans


def asker_indicators_load(plan: Plan) -> None:
    """The five indicators of the slide with every result and ambition on it."""
    from datetime import datetime

    # A fixed time, so loading the demo again records nothing new.
    recorded = datetime(2022, 5, 1, tzinfo=UTC)
    for position, spec in enumerate(ASKER_INDICATORS):
        definition = {k: v for k, v in spec.items() if k not in {"results", "ambitions", "key"}}
        indicator = upsert(
            Indicator,
            {"plan": plan, "municipality": plan.municipality, "key": spec["key"]},
            {**definition, "position": position},
        )
        areas = list(plan.focus_areas.filter(number__in=FOCUS_AREAS_BY_KEY[spec["key"]]))
        if set(indicator.focus_areas.all()) != set(areas):
            indicator.focus_areas.set(areas)
        for year, value in spec["results"].items():
            observation_record(
                indicator=indicator,
                year=year,
                value=value,
                source_note=SLIDE,
                vintage="mai 2022",
                now=recorded,
            )
        for year, (comparator, value) in spec["ambitions"].items():
            target_set(indicator=indicator, year=year, comparator=comparator, value=value)
