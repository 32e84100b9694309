"""Every view, three personas plus an anonymous visitor.

The editor of Asker may do everything; the read-only member of Asker reads but gets 403 on
every write; the editor of Bærum gets 404 on every Asker object; anonymous visitors are sent
to the login page.
"""

import pytest
from django.urls import reverse

from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy
from temaplan.testing.personas import (
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_read_only,
    assert_sent_to_login,
    call,
    endpoint_id,
    url_names,
)


def part(plan, kind, model_attr):
    return getattr(plan, model_attr).order_by("position").first().pk


def focus_area_data(plan):
    return {"number": 99, "name": "Nytt område", "influence": 3, "importance": 3, "version": 1}


ENDPOINTS = [
    Endpoint(
        "municipality",
        "get",
        False,
        lambda p: reverse("plans:municipality", args=[p.municipality.number]),
    ),
    Endpoint(
        "plan_create",
        "get",
        True,
        lambda p: reverse("plans:plan_create", args=[p.municipality.number]),
    ),
    Endpoint(
        "plan_create",
        "post",
        True,
        lambda p: reverse("plans:plan_create", args=[p.municipality.number]),
        lambda p: {"name": "Ny plan", "first_year": 2025, "last_year": 2030, "status": "draft"},
    ),
    Endpoint("plan_detail", "get", False, lambda p: reverse("plans:plan_detail", args=[p.pk])),
    Endpoint("plan_edit", "get", True, lambda p: reverse("plans:plan_edit", args=[p.pk])),
    Endpoint(
        "plan_edit",
        "post",
        True,
        lambda p: reverse("plans:plan_edit", args=[p.pk]),
        lambda p: {
            "name": "Endret",
            "first_year": 2020,
            "last_year": 2032,
            "status": "adopted",
            "version": p.version,
        },
    ),
    Endpoint("plan_delete", "get", True, lambda p: reverse("plans:plan_delete", args=[p.pk])),
    Endpoint("plan_delete", "post", True, lambda p: reverse("plans:plan_delete", args=[p.pk])),
    Endpoint(
        "section", "get", False, lambda p: reverse("plans:section", args=[p.pk, "focus-areas"])
    ),
    Endpoint("matrix_svg", "get", False, lambda p: reverse("plans:matrix_svg", args=[p.pk])),
    Endpoint("plan_history", "get", False, lambda p: reverse("plans:plan_history", args=[p.pk])),
    Endpoint(
        "part_create",
        "get",
        True,
        lambda p: reverse("plans:part_create", args=[p.pk, "innsatsomrader"]),
    ),
    Endpoint(
        "part_create",
        "post",
        True,
        lambda p: reverse("plans:part_create", args=[p.pk, "innsatsomrader"]),
        focus_area_data,
    ),
    Endpoint(
        "part_edit",
        "get",
        True,
        lambda p: reverse(
            "plans:part_edit", args=[p.pk, "ambisjoner", part(p, "ambisjoner", "ambitions")]
        ),
    ),
    Endpoint(
        "part_edit",
        "post",
        True,
        lambda p: reverse(
            "plans:part_edit", args=[p.pk, "ambisjoner", part(p, "ambisjoner", "ambitions")]
        ),
        lambda p: {"text": "Endret ambisjon", "version": 1},
    ),
    Endpoint(
        "part_delete",
        "post",
        True,
        lambda p: reverse(
            "plans:part_delete", args=[p.pk, "premisser", part(p, "premisser", "premises")]
        ),
    ),
    Endpoint(
        "part_move",
        "post",
        True,
        lambda p: reverse(
            "plans:part_move", args=[p.pk, "strategier", part(p, "strategier", "strategies"), "ned"]
        ),
    ),
]


def snapshot():
    """Every plan and plan part as stored: what a refused request must leave as it was."""
    return (
        list(Plan.objects.order_by("pk").values_list("pk", "name", "status", "version")),
        *(
            list(model.objects.order_by("pk").values_list("pk", "plan_id", "position", "version"))
            for model in (Ambition, FocusArea, Strategy, Premise)
        ),
        list(FocusArea.objects.order_by("pk").values_list("pk", "name", "influence")),
        list(Ambition.objects.order_by("pk").values_list("pk", "text")),
    )


def test_the_table_covers_every_view_of_the_plans_app():
    assert url_names("plans") == {endpoint.name for endpoint in ENDPOINTS}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_of_another_municipality_gets_404_on_every_asker_object(
    outsider, asker_plan, endpoint
):
    before = snapshot()
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_read_only_member_reads_but_gets_403_on_every_write(reader, asker_plan, endpoint):
    before = snapshot()
    assert_read_only(call(reader, endpoint, asker_plan), endpoint)
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    assert_allowed(call(editor, endpoint, asker_plan))


def test_the_read_only_member_sees_no_edit_buttons(reader, asker_plan):
    page = reader.get(reverse("plans:plan_detail", args=[asker_plan.pk])).content.decode()
    assert "Rediger" not in page
    assert "Legg til" not in page


def test_the_editor_sees_edit_buttons(editor, asker_plan):
    page = editor.get(reverse("plans:plan_detail", args=[asker_plan.pk])).content.decode()
    assert "Rediger planen" in page
    assert "Legg til strategi" in page


def test_home_lists_only_the_users_own_municipalities(outsider, editor, asker_plan, baerum_plan):
    asker, baerum = asker_plan.municipality, baerum_plan.municipality
    outsider_home = outsider.get(reverse("web:home")).content.decode()
    assert baerum.name in outsider_home and baerum_plan.name in outsider_home
    assert asker.name not in outsider_home and asker_plan.name not in outsider_home
    editor_home = editor.get(reverse("web:home")).content.decode()
    assert asker.name in editor_home and asker_plan.name in editor_home
    assert baerum.name not in editor_home and baerum_plan.name not in editor_home


def test_home_leads_straight_to_indicators_action_plan_and_statistics(editor, asker_plan):
    home = editor.get(reverse("web:home")).content.decode()
    for url in (
        reverse("indicators:table", args=[asker_plan.pk]),
        reverse("actions:list", args=[asker_plan.pk]),
        reverse("ssb:sync_page", args=["3203"]),
    ):
        assert f'href="{url}"' in home


def test_anonymous_visitors_of_home_are_sent_to_login(anonymous):
    response = anonymous.get(reverse("web:home"))
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
