"""Budget frames and allocations in the browser: personas for every view, bad input refused
on the field, an allocation above the frame saved and warned, edit conflicts, Bærum starting
its budget from nothing. The page itself is in test_budget_page.py."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import constants
from django.urls import reverse

from temaplan.actions.models import (
    ALLOCATION_TARGET_MISSING,
    ALLOCATION_TARGET_TWICE,
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
)
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import (
    Endpoint,
    persona_tests,
    second_editor,
    url_of,
)

NBSP = "\u00a0"
NEGATIVE = "Beløpet kan ikke være negativt."


def a_frame(plan) -> BudgetFrame:
    return plan.budget_frames.order_by("year", "kind").first()


def an_allocation(plan) -> BudgetAllocation:
    return plan.budget_allocations.filter(action__isnull=False).order_by("pk").first()


def an_action(plan) -> Action:
    return Action.objects.filter(period__plan=plan).order_by("pk")[0]


def new_frame(plan) -> dict:
    return {"year": "2027", "kind": "decided", "amount": "5000000", "fte": "1", "fte_cost": "0"}


def edited_frame(plan) -> dict:
    frame = a_frame(plan)
    return {
        "year": frame.year,
        "kind": frame.kind,
        "amount": "9700000",
        "fte": "2",
        "fte_cost": "2000000",
        "decision_reference": "Endret",
        "version": frame.version,
    }


def new_allocation(plan) -> dict:
    return {"year": "2022", "label": "Arrangementer", "amount": "100000", "spent": "0"}


def edited_allocation(plan) -> dict:
    allocation = an_allocation(plan)
    return {
        "year": allocation.year,
        "action": allocation.action_id,
        "amount": allocation.amount,
        "spent": "1400000",
        "version": allocation.version,
    }


def url(name, row=None):
    return url_of(f"actions:{name}", row)


BUDGET_ENDPOINTS = [
    Endpoint("frame_create", "get", True, url("frame_create")),
    Endpoint("frame_create", "post", True, url("frame_create"), new_frame),
    Endpoint("frame_edit", "get", True, url("frame_edit", a_frame)),
    Endpoint("frame_edit", "post", True, url("frame_edit", a_frame), edited_frame),
    Endpoint("frame_delete", "get", True, url("frame_delete", a_frame)),
    Endpoint("frame_delete", "post", True, url("frame_delete", a_frame)),
    Endpoint("allocation_create", "get", True, url("allocation_create")),
    Endpoint("allocation_create", "post", True, url("allocation_create"), new_allocation),
    Endpoint("allocation_edit", "get", True, url("allocation_edit", an_allocation)),
    Endpoint(
        "allocation_edit", "post", True, url("allocation_edit", an_allocation), edited_allocation
    ),
    Endpoint("allocation_delete", "get", True, url("allocation_delete", an_allocation)),
    Endpoint("allocation_delete", "post", True, url("allocation_delete", an_allocation)),
]


def snapshot():
    return (
        list(BudgetFrame.objects.order_by("pk").values_list("pk", "amount", "version")),
        list(
            BudgetAllocation.objects.order_by("pk").values_list("pk", "amount", "spent", "version")
        ),
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(BUDGET_ENDPOINTS, snapshot)


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"amount": "-1"}, "amount", NEGATIVE),
        ({"fte_cost": "-100"}, "fte_cost", NEGATIVE),
        ({"fte": "-1"}, "fte", "Årsverkene kan ikke være negative."),
        (
            {"year": "2022", "kind": "decided"},
            "year",
            "Planen har allerede en vedtatt ramme for 2022.",
        ),
        (
            {"year": "2024", "kind": "proposed"},
            "year",
            "Planen har allerede et forslag i økonomiplanen for 2024.",
        ),
        ({"year": "2040"}, "year", "Året må være innenfor planperioden 2020–2032."),
        ({"amount": ""}, "amount", "Ramme (kr) må fylles ut."),
    ],
)
def test_bad_frame_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:frame_create", args=[asker_plan.pk]), {**new_frame(asker_plan), **data}
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_frame_keeps_its_own_year_and_kind_when_edited(editor, asker_plan):
    frame = a_frame(asker_plan)
    response = editor.post(reverse("actions:frame_edit", args=[frame.pk]), edited_frame(asker_plan))
    assert response.status_code == 302
    frame.refresh_from_db()
    assert (frame.amount, frame.decision_reference) == (Decimal(9_700_000), "Endret")


def other_plan_action(baerum_plan) -> Action:
    period = ActionPeriod.objects.create(
        plan=baerum_plan,
        municipality=baerum_plan.municipality,
        name="2025/26",
        first_date=date(2025, 1, 1),
        last_date=date(2026, 12, 31),
    )
    return Action.objects.create(
        municipality=baerum_plan.municipality, period=period, key="b1", title="Bærums tiltak"
    )


@pytest.mark.parametrize(
    "data, errors",
    [
        ({"amount": "-5"}, {"amount": [NEGATIVE]}),
        ({"spent": "-5"}, {"spent": [NEGATIVE]}),
        ({"label": ""}, {"action": [str(ALLOCATION_TARGET_MISSING)]}),
        (
            {"action": "ACTION"},
            {
                "action": [str(ALLOCATION_TARGET_TWICE)],
                "label": [str(ALLOCATION_TARGET_TWICE)],
            },
        ),
        ({"year": "2019"}, {"year": ["Året må være innenfor planperioden 2020–2032."]}),
    ],
)
def test_bad_allocation_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, errors
):
    if data.get("action") == "ACTION":
        data = {**data, "action": an_action(asker_plan).pk}
    before = snapshot()
    response = editor.post(
        reverse("actions:allocation_create", args=[asker_plan.pk]),
        {**new_allocation(asker_plan), **data},
    )
    assert response.status_code == 422
    assert response.context["form"].errors == errors
    for messages in errors.values():
        assert messages[0] in response.content.decode()
    assert snapshot() == before


def test_an_allocation_cannot_go_to_an_action_of_another_plan(editor, asker_plan, baerum_plan):
    stranger = other_plan_action(baerum_plan)
    before = snapshot()
    response = editor.post(
        reverse("actions:allocation_create", args=[asker_plan.pk]),
        {**new_allocation(asker_plan), "label": "", "action": stranger.pk},
    )
    assert response.status_code == 422
    assert "Velg et gyldig valg" in response.context["form"].errors["action"][0]
    assert snapshot() == before


def test_the_allocation_form_offers_only_the_plan_s_own_actions_without_dashes(
    editor, asker_plan, baerum_plan
):
    stranger = other_plan_action(baerum_plan)
    page = editor.get(reverse("actions:allocation_create", args=[asker_plan.pk])).content.decode()
    assert "---------" not in page
    assert "Velg tiltak" in page and "Velg avtale" in page
    assert an_action(asker_plan).title in page and stranger.title not in page
    for name in ("year", "action", "agreement", "label", "amount", "spent"):
        assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page


def test_the_frame_form_has_no_dashes_and_labels_every_field(editor, asker_plan):
    page = editor.get(reverse("actions:frame_create", args=[asker_plan.pk])).content.decode()
    assert "---------" not in page
    for name in ("year", "kind", "amount", "fte", "fte_cost", "decision_reference"):
        assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page


# --- Saved, warned, conflicts ------------------------------------------------------------------


def test_an_allocation_above_the_frame_is_saved_and_warned(editor, asker_plan):
    count = BudgetAllocation.objects.count()
    response = editor.post(
        reverse("actions:allocation_create", args=[asker_plan.pk]),
        {**new_allocation(asker_plan), "amount": "2000000"},
        follow=True,
    )
    assert response.status_code == 200
    assert BudgetAllocation.objects.count() == count + 1
    warnings = [m.message for m in response.context["messages"] if m.level == constants.WARNING]
    assert len(warnings) == 1 and "over den vedtatte rammen på 9,6" in warnings[0]
    assert "Tildelingen «Arrangementer» er lagret." in response.content.decode()


def test_an_allocation_within_the_frame_is_saved_without_warning(editor, asker_plan):
    response = editor.post(
        reverse("actions:allocation_create", args=[asker_plan.pk]),
        new_allocation(asker_plan),
        follow=True,
    )
    assert [m.level for m in response.context["messages"]] == [constants.SUCCESS]


def test_an_editor_updates_what_is_spent_to_date(editor, asker_plan):
    allocation = an_allocation(asker_plan)
    response = editor.post(
        reverse("actions:allocation_edit", args=[allocation.pk]), edited_allocation(asker_plan)
    )
    assert response.status_code == 302
    allocation.refresh_from_db()
    assert allocation.spent == Decimal(1_400_000)
    assert allocation.history.first().spent == Decimal(1_400_000)


@pytest.mark.parametrize(
    "view, row, data, changed",
    [
        ("frame_edit", a_frame, edited_frame, lambda r: r.amount == Decimal(9_700_000)),
        (
            "allocation_edit",
            an_allocation,
            edited_allocation,
            lambda r: r.spent == Decimal(1_400_000),
        ),
    ],
    ids=["frame", "allocation"],
)
def test_two_editors_saving_the_same_budget_row_do_not_overwrite_each_other(
    editor, asker_plan, view, row, data, changed
):
    other = second_editor(asker_plan.municipality)
    target = row(asker_plan)
    mine = data(asker_plan)
    url = reverse(f"actions:{view}", args=[target.pk])
    assert editor.post(url, mine).status_code == 302
    response = other.post(url, {**mine, "amount": "1"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    target.refresh_from_db()
    assert changed(target)


# --- Bærum starts from nothing; Asker's editor is a stranger there -----------------------------


def test_the_baerum_editor_creates_a_frame_and_allocations_in_the_baerum_plan(
    outsider, baerum_plan
):
    budget_url = reverse("actions:budget", args=[baerum_plan.pk])
    page = outsider.get(budget_url).content.decode()
    assert "Ingen budsjettrammer er lagt inn ennå." in page
    assert reverse("actions:frame_create", args=[baerum_plan.pk]) in page
    outsider.post(
        reverse("actions:period_create", args=[baerum_plan.pk]),
        {"name": "2025/26", "first_date": "2025-01-01", "last_date": "2026-12-31"},
    )
    period = baerum_plan.action_periods.get()
    outsider.post(
        reverse("actions:create", args=[period.pk]),
        {
            "key": "b1",
            "title": "Gründerhus",
            "kind": "time_bound",
            "status": "planned",
            "weight": "1",
        },
    )
    action = Action.objects.get(period=period)
    create_frame = reverse("actions:frame_create", args=[baerum_plan.pk])
    for kind, amount in (("decided", "4000000"), ("proposed", "4500000")):
        data = {"year": "2025", "kind": kind, "amount": amount, "fte": "1", "fte_cost": "900000"}
        assert outsider.post(create_frame, data).status_code == 302
    create_allocation = reverse("actions:allocation_create", args=[baerum_plan.pk])
    for data in (
        {"year": "2025", "action": action.pk, "amount": "1500000", "spent": "200000"},
        {"year": "2025", "label": "Lønn 1 årsverk", "amount": "900000", "spent": "0"},
    ):
        assert outsider.post(create_allocation, data).status_code == 302
    assert baerum_plan.budget_frames.count() == 2
    assert baerum_plan.budget_allocations.count() == 2
    assert {a.municipality_id for a in baerum_plan.budget_allocations.all()} == {
        baerum_plan.municipality_id
    }
    page = outsider.get(budget_url).content.decode()
    assert f"4,0{NBSP}mill.{NBSP}kr" in page and "Gründerhus" in page
    assert f"2,4{NBSP}mill.{NBSP}kr" in page  # allocated in 2025


def baerum_rows(plan):
    frame = BudgetFrame.objects.create(
        municipality=plan.municipality, plan=plan, year=2025, amount=Decimal(4_000_000)
    )
    allocation = BudgetAllocation.objects.create(
        municipality=plan.municipality, plan=plan, year=2025, label="Lønn", amount=Decimal(1)
    )
    return {"frame": frame, "allocation": allocation}


@pytest.mark.parametrize(
    "view, row",
    [
        ("frame_edit", "frame"),
        ("frame_delete", "frame"),
        ("allocation_edit", "allocation"),
        ("allocation_delete", "allocation"),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_asker_editor_gets_404_on_baerum_budget_rows(editor, baerum_plan, view, row, method):
    target = baerum_rows(baerum_plan)[row]
    before = snapshot()
    url = reverse(f"actions:{view}", args=[target.pk])
    response = getattr(editor, method)(url, {"amount": "0", "version": target.version})
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("view", ["frame_create", "allocation_create"])
def test_the_asker_editor_cannot_add_to_the_baerum_budget(editor, baerum_plan, view):
    url = reverse(f"actions:{view}", args=[baerum_plan.pk])
    data = {"year": "2025", "kind": "decided", "label": "x", "amount": "1"}
    assert editor.post(url, data).status_code == 404
    assert not baerum_plan.budget_frames.exists()
    assert not baerum_plan.budget_allocations.exists()
