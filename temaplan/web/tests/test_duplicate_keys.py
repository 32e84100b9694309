"""Two saves of the same new key at the same moment (a double click, two editors): the second
gets the form's own Norwegian message on the field and a 422, never a 500, and nothing of it
is saved.

The race is made deterministic: the other editor's save is slipped in at the two moments
where it used to break the save, right after this form's own check (the model's check in the
service then refused it with an exception nobody caught) and right after the model's check
(the database's unique constraint then refused it). Run them on PostgreSQL too:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from temaplan.actions import plan_services
from temaplan.actions import services as actions
from temaplan.actions.forms import ActionForm
from temaplan.actions.models import (
    ACTION_KEY_TAKEN,
    PERIOD_NAME_TAKEN,
    Action,
    ActionPeriod,
)
from temaplan.actions.plan_forms import PeriodForm
from temaplan.indicators import services as indicators
from temaplan.indicators.forms import IndicatorForm
from temaplan.indicators.models import INDICATOR_KEY_TAKEN, Indicator
from temaplan.indicators.tests.support import definition
from temaplan.plans.forms import FocusAreaForm
from temaplan.plans.models import FOCUS_AREA_NUMBER_TAKEN, FocusArea
from temaplan.plans.services import part_create
from temaplan.testing.database import changed_models, stored_rows


def demo_period(plan) -> ActionPeriod:
    return plan.action_periods.get(name="2022/23")


def another_action(plan) -> Action:
    return Action.objects.filter(period=demo_period(plan)).order_by("pk")[1]


@dataclass(frozen=True)
class Race:
    name: str
    form: type[forms.BaseForm]
    model: type[models.Model]
    url: Callable
    data: Callable
    field: str
    message: str
    other_save: Callable  # (the form of this request) -> the other editor's save of the same


RACES = [
    Race(
        "new action",
        ActionForm,
        Action,
        lambda p: reverse("actions:create", args=[demo_period(p).pk]),
        lambda p: (
            {"key": "ny-test", "title": "Nytt tiltak", "kind": "time_bound", "weight": "1"}
            | {"status": "planned", "version": ""}
        ),
        "key",
        str(ACTION_KEY_TAKEN) % {"key": "ny-test"},
        lambda form: actions.action_create(period=form.period, data=form.changes()),
    ),
    Race(
        "new indicator",
        IndicatorForm,
        Indicator,
        lambda p: reverse("indicators:create", args=[p.pk]),
        lambda p: definition(),
        "key",
        str(INDICATOR_KEY_TAKEN) % {"key": "ny-indikator"},
        lambda form: indicators.indicator_create(plan=form.plan, data=form.changes()),
    ),
    Race(
        "new focus area",
        FocusAreaForm,
        FocusArea,
        lambda p: reverse("plans:part_create", args=[p.pk, "innsatsomrader"]),
        lambda p: {"number": 99, "name": "Nytt område", "influence": 3, "importance": 3},
        "number",
        str(FOCUS_AREA_NUMBER_TAKEN) % {"number": 99},
        lambda form: part_create(plan=form.plan, model=FocusArea, data=form.changes()),
    ),
    Race(
        "new action period",
        PeriodForm,
        ActionPeriod,
        lambda p: reverse("actions:period_create", args=[p.pk]),
        lambda p: {"name": "2030/31", "first_date": "2030-01-01", "last_date": "2031-06-30"},
        "name",
        str(PERIOD_NAME_TAKEN) % {"name": "2030/31"},
        lambda form: plan_services.period_create(plan=form.plan, data=form.changes()),
    ),
    Race(
        "action given another's new key",
        ActionForm,
        Action,
        lambda p: reverse("actions:edit", args=[demo_period(p).actions.order_by("pk")[0].pk]),
        lambda p: {
            "key": "samme-nye-nokkel",
            "title": "Endret tittel",
            "kind": "time_bound",
            "status": "planned",
            "weight": "1",
            "version": demo_period(p).actions.order_by("pk")[0].version,
        },
        "key",
        str(ACTION_KEY_TAKEN) % {"key": "samme-nye-nokkel"},
        lambda form: actions.action_update(
            action=(other := another_action(form.period.plan)),
            changes={"key": "samme-nye-nokkel"},
            expected_version=other.version,
        ),
    ),
]
MOMENTS = ["before the model's check", "after the model's check"]


class OtherEditor:
    """Saves the same key right after this request's form passed its check (outside anything
    this request's save holds open, as another editor's request would), and reads the
    database right after. «After the model's check»: the model's own check in the service
    does not see that save yet, as when it ran a moment before the other commit, so the
    database's constraint is what refuses this save."""

    def __init__(self, race: Race, moment: str):
        self.race, self.moment = race, moment
        self.saving = False
        self.rows_after: dict | None = None

    def form_checked(self, form) -> None:
        if self.rows_after is None:
            self.saving = True
            self.race.other_save(form)
            self.saving = False
            self.rows_after = stored_rows()

    def sees_the_other_save(self) -> bool:
        return self.saving or self.rows_after is None or self.moment == MOMENTS[0]


def slipped_in(other: OtherEditor):
    """The patches that let the other editor save at that moment."""
    race = other.race
    is_valid, full_clean = race.form.is_valid, race.model.full_clean

    def checked_form(form):
        valid = is_valid(form)
        if valid:
            other.form_checked(form)
        return valid

    def checked_model(record, *args, **kwargs):
        if not other.sees_the_other_save():
            kwargs |= {"validate_unique": False, "validate_constraints": False}
        full_clean(record, *args, **kwargs)

    return (
        mock.patch.object(race.form, "is_valid", autospec=True, side_effect=checked_form),
        mock.patch.object(race.model, "full_clean", autospec=True, side_effect=checked_model),
    )


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("race", RACES, ids=lambda race: race.name)
def test_the_second_of_two_saves_of_a_key_gets_the_form_s_message_and_saves_nothing(
    editor, asker_plan, race, moment
):
    other = OtherEditor(race, moment)
    url, data = race.url(asker_plan), race.data(asker_plan)
    form_patch, model_patch = slipped_in(other)
    with form_patch, model_patch:
        response = editor.post(url, data)
    assert other.rows_after, "the other editor's save never happened"
    assert response.status_code == 422
    assert response.context["form"].errors[race.field] == [race.message]
    after = stored_rows()
    assert after == other.rows_after, changed_models(other.rows_after, after)


def test_creating_the_same_action_twice_refuses_the_second_on_the_key(asker_plan):
    period = demo_period(asker_plan)
    data = {"key": "dobbel", "title": "Dobbeltklikk"}
    actions.action_create(period=period, data=dict(data))
    before = stored_rows()
    with pytest.raises(ValidationError) as refused:
        actions.action_create(period=period, data=dict(data))
    assert refused.value.message_dict == {"key": [str(ACTION_KEY_TAKEN) % {"key": "dobbel"}]}
    assert stored_rows() == before
