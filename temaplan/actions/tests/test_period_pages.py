"""Action periods in the browser: personas for every view, bad input refused on the field,
a period with actions kept, edit conflicts, change history, and the list's empty states."""

from datetime import date

import pytest
from django.urls import reverse

from temaplan.actions.models import Action, ActionPeriod
from temaplan.actions.plan_services import PERIOD_NOT_EMPTY_MESSAGE
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.plans.models import Plan
from temaplan.testing.personas import (
    EDITOR,
    Endpoint,
    persona_tests,
    second_editor,
)

NO_MATCH = "Ingen tiltak passer filteret."
NO_PERIOD = "Planen har ingen handlingsperiode ennå."


def demo_period(plan) -> ActionPeriod:
    return plan.action_periods.get(name="2022/23")


def empty_period(plan) -> ActionPeriod:
    period, _ = ActionPeriod.objects.get_or_create(
        plan=plan,
        municipality=plan.municipality,
        name="Tom periode",
        defaults={"first_date": date(2030, 1, 1), "last_date": date(2030, 12, 31)},
    )
    return period


def new_period(plan) -> dict:
    return {"name": "2030/31", "first_date": "2030-01-01", "last_date": "2031-06-30"}


def edited_period(plan) -> dict:
    period = demo_period(plan)
    return {
        "name": period.name,
        "first_date": period.first_date.isoformat(),
        "last_date": "2023-12-31",
        "version": period.version,
    }


PERIOD_ENDPOINTS = [
    Endpoint("period_create", "get", True, lambda p: reverse("actions:period_create", args=[p.pk])),
    Endpoint(
        "period_create",
        "post",
        True,
        lambda p: reverse("actions:period_create", args=[p.pk]),
        new_period,
    ),
    Endpoint(
        "period_edit",
        "get",
        True,
        lambda p: reverse("actions:period_edit", args=[demo_period(p).pk]),
    ),
    Endpoint(
        "period_edit",
        "post",
        True,
        lambda p: reverse("actions:period_edit", args=[demo_period(p).pk]),
        edited_period,
    ),
    Endpoint(
        "period_delete",
        "get",
        True,
        lambda p: reverse("actions:period_delete", args=[demo_period(p).pk]),
    ),
    Endpoint(
        "period_delete",
        "post",
        True,
        lambda p: reverse("actions:period_delete", args=[empty_period(p).pk]),
    ),
]


def snapshot():
    return list(
        ActionPeriod.objects.order_by("pk").values_list("pk", "name", "last_date", "version")
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(PERIOD_ENDPOINTS, snapshot)


def test_an_editor_creates_a_period_and_it_is_listed_with_a_button_for_its_actions(
    editor, asker_plan
):
    response = editor.post(
        reverse("actions:period_create", args=[asker_plan.pk]), new_period(asker_plan)
    )
    assert response.status_code == 302
    period = asker_plan.action_periods.get(name="2030/31")
    assert (period.municipality_id, period.last_date) == (
        asker_plan.municipality_id,
        date(2031, 6, 30),
    )
    page = editor.get(response["Location"]).content.decode()
    assert "Handlingsperioden «2030/31» er opprettet." in page
    assert reverse("actions:create", args=[period.pk]) in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {"first_date": "2031-01-01", "last_date": "2030-01-01"},
            "last_date",
            "Perioden kan ikke slutte før den begynner.",
        ),
        (
            {"name": "2022/23"},
            "name",
            "Planen har allerede en handlingsperiode som heter «2022/23».",
        ),
        ({"name": ""}, "name", "Navn må fylles ut."),
        ({"first_date": "i fjor"}, "first_date", "Oppgi en gyldig dato."),
    ],
)
def test_bad_period_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:period_create", args=[asker_plan.pk]), {**new_period(asker_plan), **data}
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_period_with_actions_is_not_deleted_and_the_editor_is_told_why(editor, asker_plan):
    period = demo_period(asker_plan)
    count = period.actions.count()
    url = reverse("actions:period_delete", args=[period.pk])
    reason = PERIOD_NOT_EMPTY_MESSAGE.format(name=period.name, count=count)
    question = editor.get(url).content.decode()
    assert reason in question and "Slett perioden" not in question
    before = (snapshot(), Action.objects.count())
    response = editor.post(url)
    assert response.status_code == 409
    assert reason in response.content.decode()
    assert (snapshot(), Action.objects.count()) == before


def test_an_empty_period_is_deleted(editor, asker_plan):
    period = empty_period(asker_plan)
    response = editor.post(reverse("actions:period_delete", args=[period.pk]))
    assert response.status_code == 302
    assert not ActionPeriod.objects.filter(pk=period.pk).exists()


def test_two_editors_changing_the_same_period_do_not_overwrite_each_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    period = demo_period(asker_plan)
    url = reverse("actions:period_edit", args=[period.pk])
    mine = edited_period(asker_plan)
    assert editor.post(url, mine).status_code == 302
    response = other.post(url, {**mine, "last_date": "2024-06-30"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    period.refresh_from_db()
    assert period.last_date == date(2023, 12, 31)


def test_a_period_change_is_kept_in_the_change_history_with_who_made_it(editor, asker_plan):
    period = demo_period(asker_plan)
    before = period.history.count()
    editor.post(reverse("actions:period_edit", args=[period.pk]), edited_period(asker_plan))
    assert period.history.count() == before + 1
    assert period.history.first().history_user.username == EDITOR


def test_the_baerum_editor_starts_the_action_plan_with_a_period_and_an_action(
    outsider, baerum_plan
):
    assert not baerum_plan.action_periods.exists()
    list_url = reverse("actions:list", args=[baerum_plan.pk])
    page = outsider.get(list_url).content.decode()
    assert NO_PERIOD in page and "Ny handlingsperiode" in page and NO_MATCH not in page
    response = outsider.post(
        reverse("actions:period_create", args=[baerum_plan.pk]),
        {"name": "2025/26", "first_date": "2025-01-01", "last_date": "2026-12-31"},
    )
    assert response.status_code == 302
    period = baerum_plan.action_periods.get()
    page = outsider.get(list_url).content.decode()
    assert NO_PERIOD not in page and NO_MATCH not in page
    assert "Ingen tiltak er lagt inn ennå." in page
    assert reverse("actions:create", args=[period.pk]) in page
    assert reverse("actions:period_edit", args=[period.pk]) in page
    assert reverse("actions:period_delete", args=[period.pk]) in page


def baerum_period(plan) -> ActionPeriod:
    return ActionPeriod.objects.create(
        plan=plan,
        municipality=plan.municipality,
        name="2025/26",
        first_date=date(2025, 1, 1),
        last_date=date(2026, 12, 31),
    )


@pytest.mark.parametrize("view", ["period_edit", "period_delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_asker_editor_gets_404_on_a_baerum_period(editor, baerum_plan, view, method):
    period = baerum_period(baerum_plan)
    url = reverse(f"actions:{view}", args=[period.pk])
    response = getattr(editor, method)(url, {"name": "Kapret", "version": period.version})
    assert response.status_code == 404
    period.refresh_from_db()
    assert period.name == "2025/26"


def test_the_asker_editor_cannot_create_a_period_in_the_baerum_plan(editor, baerum_plan):
    url = reverse("actions:period_create", args=[baerum_plan.pk])
    assert editor.post(url, new_period(baerum_plan)).status_code == 404
    assert not baerum_plan.action_periods.exists()


def empty_plan(asker_plan) -> Plan:
    return Plan.objects.create(
        municipality=asker_plan.municipality, name="Tom plan", first_year=2025, last_year=2030
    )


def test_a_reader_of_a_plan_without_periods_is_told_so_without_a_button(reader, asker_plan):
    page = reader.get(reverse("actions:list", args=[empty_plan(asker_plan).pk])).content.decode()
    assert NO_PERIOD in page and NO_MATCH not in page
    assert "Ny handlingsperiode" not in page and "0 tiltak" not in page


def test_a_filter_without_a_match_says_so(reader, asker_plan):
    url = reverse("actions:list", args=[asker_plan.pk])
    page = reader.get(url, {"ansvarlig": "finnes ikke"}).content.decode()
    assert NO_MATCH in page
    assert NO_MATCH not in reader.get(url).content.decode()


def test_every_field_of_the_period_form_has_a_label(editor, asker_plan):
    page = editor.get(reverse("actions:period_create", args=[asker_plan.pk])).content.decode()
    for name in ("name", "first_date", "last_date"):
        assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page
    assert 'type="date"' in page
