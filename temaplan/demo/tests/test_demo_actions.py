"""Asker's action list 2022/23 in the demo, as the seed plan describes it; loading it again
changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.core import serializers
from django.db.models import Sum

from temaplan.actions.models import (
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    DialogueMeeting,
    PartnerAgreement,
    PoliticalCase,
)
from temaplan.demo.load_actions import asker_actions_load

STUDY_PHASES = {
    "Campus Bærekraft / sirkulærøkonomi": ["Fase 1", "Fase 2", "Fase 3"],
    "«Invester i Asker»-funksjon": ["Fase 1", "Fase 2 og 3"],
    "Næringsutviklingsfond (særskilt satsing, blant annet Asker syd)": ["Fase 1", "Fase 2 og 3"],
    "Omdømmebygging (bo, besøke, drive næring)": ["Fase 1", "Fase 2 og 3"],
}


def counts() -> dict[str, int]:
    """Rows in every model of the actions app (history included) and every M2M table."""
    result = {}
    for model in apps.get_app_config("actions").get_models():
        result[model._meta.label] = model._default_manager.count()
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            assert through is not None
            result[through._meta.label] = through._default_manager.count()
    return result


@pytest.fixture
def period(asker_plan):
    asker_actions_load(asker_plan)
    asker_actions_load(asker_plan)
    return ActionPeriod.objects.get(plan=asker_plan, name="2022/23")


def test_the_period_is_2022_23(period, asker_plan):
    assert (period.first_date, period.last_date) == (date(2022, 1, 1), date(2023, 12, 31))
    assert period.municipality == asker_plan.municipality


def test_ten_prioritised_actions_are_anchored_in_the_executive_committee(period):
    top = period.actions.filter(priority__isnull=False).order_by("priority")
    assert [a.priority for a in top] == list(range(1, 11))
    assert {(a.anchored_body, a.anchored_on) for a in top} == {("Formannskapet", date(2022, 1, 11))}
    assert not period.actions.filter(priority__isnull=True).exclude(anchored_body="").exists()
    studies = top.filter(kind=Action.Kind.STUDY)
    assert set(studies.values_list("title", flat=True)) == set(STUDY_PHASES)
    assert period.actions.filter(kind=Action.Kind.STUDY).count() == 4


def test_each_study_has_its_phases_and_a_political_case(period):
    for study in period.actions.filter(kind=Action.Kind.STUDY):
        assert [p.name for p in study.phases.order_by("position")] == STUDY_PHASES[study.title]
        first = study.phases.get(position=0)
        assert first.planned_start.year == 2022 and first.planned_end.year in (2022, 2023)
        assert all(2023 <= p.planned_end.year <= 2025 for p in study.phases.filter(position__gt=0))
        cases = study.political_cases.all()
        assert cases.exists()
        assert cases.filter(after_phase=first, body="Kommunestyret").exists()


def test_one_case_has_slipped_and_the_others_are_decided(period):
    cases = PoliticalCase.objects.filter(study__period=period)
    pending = cases.filter(outcome=PoliticalCase.Outcome.PENDING)
    assert pending.count() >= 1
    assert all(c.planned_date < date(2026, 1, 1) and c.decided_on is None for c in pending)
    decided = cases.exclude(outcome=PoliticalCase.Outcome.PENDING)
    assert decided.count() >= 3
    assert all(c.decided_on and c.decision_text.startswith("Eksempel:") for c in decided)


def test_about_thirty_time_bound_actions_over_all_focus_areas_and_some_drivers(period, asker_plan):
    time_bound = period.actions.exclude(kind=Action.Kind.DRIVER)
    assert 28 <= time_bound.count() <= 32
    assert set(time_bound.values_list("focus_area__number", flat=True)) == set(range(1, 9))
    assert period.actions.filter(kind=Action.Kind.DRIVER).count() >= 3
    assert not period.actions.filter(is_example=False).exists()
    statuses = set(time_bound.values_list("status", flat=True))
    assert statuses == set(Action.Status.values)
    assert time_bound.filter(status=Action.Status.CANCELLED).count() == 1
    assert time_bound.filter(progress__isnull=True).exists()
    for action in time_bound.exclude(kind=Action.Kind.STUDY):
        assert period.first_date <= action.start_date <= action.due_date <= period.last_date
    assert all(a.strategies.exists() for a in period.actions.all())
    assert not period.actions.exclude(strategies__plan=asker_plan).exists()


def test_three_partner_agreements_linked_to_actions(period, asker_plan):
    agreements = PartnerAgreement.objects.filter(plan=asker_plan)
    assert agreements.count() == 3
    assert all(a.is_example and a.start_date.year == 2022 for a in agreements)
    assert all(a.actions.exists() and a.yearly_amount > 0 for a in agreements)
    assert agreements.filter(end_date=date(2026, 12, 31)).exists()


def test_the_budget_frames(period, asker_plan):
    frames = BudgetFrame.objects.filter(plan=asker_plan)
    decided = frames.filter(kind=BudgetFrame.Kind.DECIDED)
    assert sorted(decided.values_list("year", flat=True)) == [2022, 2023]
    assert {(f.amount, f.fte) for f in decided} == {(Decimal(9_600_000), Decimal(2))}
    assert {f.decision_reference for f in decided} == {"Kommunestyrevedtak (budsjett 2022)"}
    proposed = frames.filter(kind=BudgetFrame.Kind.PROPOSED)
    assert sorted(proposed.values_list("year", flat=True)) == [2023, 2024, 2025, 2026]
    assert {f.amount for f in proposed} == {Decimal(10_600_000)}
    assert {f.decision_reference for f in proposed} == {"Forslag i HP 2023–2026 (+1 mill. kr)"}


def test_allocations_stay_within_the_decided_frame(period, asker_plan):
    for frame in BudgetFrame.objects.filter(plan=asker_plan, kind=BudgetFrame.Kind.DECIDED):
        rows = BudgetAllocation.objects.filter(plan=asker_plan, year=frame.year)
        assert rows.aggregate(total=Sum("amount"))["total"] <= frame.amount
        assert rows.filter(label="Lønn 2 årsverk", amount=frame.fte_cost).exists()
        assert rows.filter(action__kind=Action.Kind.STUDY).count() == 4
        assert rows.filter(agreement__isnull=False).count() == 3
        assert all(0 <= r.spent <= r.amount for r in rows)


def test_dialogue_meetings_2019_to_2021(period, asker_plan):
    meetings = DialogueMeeting.objects.filter(plan=asker_plan)
    assert {m.date.year for m in meetings} == {2019, 2020, 2021}
    for meeting in meetings:
        assert meeting.topics.startswith("Eksempel:")
        assert all(line.startswith("Eksempel:") for line in meeting.participants.splitlines())
        assert meeting.focus_areas.exists() and meeting.follow_up_actions.exists()


def rows() -> str:
    """Every row of the actions app, to see that a second load also changes no values."""
    models = apps.get_app_config("actions").get_models()
    return "\n".join(
        serializers.serialize("json", m._default_manager.order_by("pk")) for m in models
    )


def test_loading_twice_creates_no_duplicates(asker_plan):
    asker_actions_load(asker_plan)
    before, before_rows = counts(), rows()
    assert before["actions.Action"] >= 30
    assert before["actions.PartnerAgreement_actions"] > 0
    asker_actions_load(asker_plan)
    assert counts() == before
    assert rows() == before_rows
