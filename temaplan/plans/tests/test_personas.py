"""Every view, three personas plus an anonymous visitor.

The editor of Asker may do everything; the read-only member of Asker reads but gets 403 on
every write; the editor of Bærum gets 404 on every Asker object; anonymous visitors are sent
to the login page.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import get_resolver, reverse

from temaplan.plans.models import FocusArea


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    writes: bool
    url: Callable  # (plan) -> url
    data: Callable = lambda plan: {}


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


def call(client, endpoint, plan):
    method = getattr(client, endpoint.method)
    if endpoint.method == "post":
        return method(endpoint.url(plan), endpoint.data(plan))
    return method(endpoint.url(plan))


def ids(endpoint):
    return f"{endpoint.method.upper()} {endpoint.name}"


def test_the_table_covers_every_view_of_the_plans_app():
    names = {
        pattern.name
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "namespace", None) == "plans"
        for pattern in pattern.url_patterns
    }
    assert names == {endpoint.name for endpoint in ENDPOINTS}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    response = call(anonymous, endpoint, asker_plan)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_editor_of_another_municipality_gets_404_on_every_asker_object(
    outsider, asker_plan, endpoint
):
    counts_before = FocusArea.objects.count(), asker_plan.ambitions.count()
    assert call(outsider, endpoint, asker_plan).status_code == 404
    assert (FocusArea.objects.count(), asker_plan.ambitions.count()) == counts_before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_read_only_member_reads_but_gets_403_on_every_write(reader, asker_plan, endpoint):
    response = call(reader, endpoint, asker_plan)
    if endpoint.writes:
        assert response.status_code == 403
        asker_plan.refresh_from_db()
        assert asker_plan.name == "Temaplan næring 2020–2032"
        assert asker_plan.focus_areas.count() == 8
        assert asker_plan.premises.count() == 2
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    response = call(editor, endpoint, asker_plan)
    assert response.status_code in (200, 302), response.content[:500]


def test_the_read_only_member_sees_no_edit_buttons(reader, asker_plan):
    page = reader.get(reverse("plans:plan_detail", args=[asker_plan.pk])).content.decode()
    assert "Rediger" not in page
    assert "Legg til" not in page


def test_the_editor_sees_edit_buttons(editor, asker_plan):
    page = editor.get(reverse("plans:plan_detail", args=[asker_plan.pk])).content.decode()
    assert "Rediger planen" in page
    assert "Legg til strategi" in page


def test_home_lists_only_the_users_own_municipalities(outsider, editor):
    outsider_home = outsider.get(reverse("web:home")).content.decode()
    assert "Bærum" in outsider_home and "Temaplan næring 2020–2032" not in outsider_home
    editor_home = editor.get(reverse("web:home")).content.decode()
    assert "Temaplan næring 2020–2032" in editor_home and "Næringsplan for Bærum" not in editor_home


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
