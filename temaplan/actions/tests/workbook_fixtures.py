"""The period, actions and export the action workbook tests start from. Import the fixtures
into a test module to use them:

    from .workbook_fixtures import exported_fixture, period_fixture, user_fixture  # noqa: F401

`two_of_each` is for the action plan's workbook (plan_excel.py): the demo's Asker plan with a
second period that has an action key the first has too, and a second agreement with a partner.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from temaplan.actions.excel import workbook_bytes
from temaplan.actions.models import Action, ActionPeriod, PartnerAgreement
from temaplan.actions.services import action_create
from temaplan.plans.models import FocusArea, Strategy


def new_period(plan, name: str = "Excel 2030/31") -> ActionPeriod:
    return ActionPeriod.objects.create(
        municipality_id=plan.municipality_id,
        plan=plan,
        name=name,
        first_date=date(2030, 1, 1),
        last_date=date(2031, 12, 31),
    )


def make_actions(period: ActionPeriod, user=None) -> None:
    """Four actions that between them fill every column, and leave most of them empty."""
    areas = {area.number: area for area in FocusArea.objects.filter(plan=period.plan)}
    strategies = {s.code: s for s in Strategy.objects.filter(plan=period.plan)}
    rows: list[dict[str, Any]] = [
        {
            "key": "a01-campus",
            "title": "Campus for bærekraftig næringsutvikling",
            "description": "Utrede et campus.\nSammen med næringslivet.",
            "kind": Action.Kind.STUDY,
            "focus_area": areas[2],
            "strategies": [strategies["2.1"], strategies["1.3"]],
            "responsible_unit": "Næring og samfunnsutvikling",
            "responsible_person": "Kari Nordmann",
            "partners": "Universitetet, NHO",
            "start_date": date(2022, 1, 1),
            "due_date": date(2023, 6, 30),
            "status": Action.Status.IN_PROGRESS,
            "progress": 40,
            "weight": Decimal("2.5"),
            "priority": 1,
            "anchored_body": "Formannskapet",
            "anchored_on": date(2022, 1, 11),
            "anchored_case": "3/22",
        },
        {
            "key": "a02-forstelinje",
            "title": "Førstelinje for gründere",
            "focus_area": areas[2],
            "strategies": [strategies["2.2"]],
            "start_date": date(2022, 3, 1),
            "progress": 0,
            "priority": 2,
        },
        {
            "key": "a03-kartlegging",
            "title": "Kartlegge næringsarealer",
            "focus_area": areas[1],
            "due_date": date(2022, 12, 31),
            "status": Action.Status.DONE,
            "progress": 100,
            "weight": Decimal("0.75"),
            "priority": 3,
        },
        {
            "key": "p01-bedriftsbesok",
            "title": "Faste bedriftsbesøk",
            "kind": Action.Kind.DRIVER,
        },
    ]
    for data in rows:
        action_create(period=period, data=data, user=user)


# Named apart from the fixtures, so test modules can import them without shadowing.
@pytest.fixture(name="period")
def period_fixture(asker_plan) -> ActionPeriod:
    """A new, empty period of the demo's Asker plan."""
    return new_period(asker_plan)


@pytest.fixture(name="exported")
def exported_fixture(period) -> bytes:
    """The workbook of `period` after make_actions."""
    make_actions(period)
    return workbook_bytes(period)


@pytest.fixture(name="user")
def user_fixture(demo):
    return get_user_model().objects.get(username="asker-redaktor")


@pytest.fixture(name="two_of_each")
def two_of_each_fixture(asker_plan):
    """A second period with an action key the first has too, and a second agreement with
    Fjordporten."""
    later = new_period(asker_plan, "2030/31")
    Action.objects.create(
        municipality_id=asker_plan.municipality_id,
        period=later,
        key="a01-campus-baerekraft",
        title="Campus, fase 2",
    )
    PartnerAgreement.objects.create(
        municipality_id=asker_plan.municipality_id,
        plan=asker_plan,
        partner="Innovasjonsselskapet Fjordporten AS",
        purpose="Ny avtale.",
        start_date=date(2027, 4, 1),
        end_date=date(2029, 3, 31),
    )
    return asker_plan
