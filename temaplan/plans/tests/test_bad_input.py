"""Bad input gets a clear Norwegian message on the field, and nothing is saved."""

import pytest
from django.urls import reverse

from temaplan.plans.models import FocusArea, Plan

HTMX = {"HTTP_HX_REQUEST": "true"}
AMBIGUOUS = (
    "«1.000» kan bety både 1\u00a0000 og 1,000. Skriv 1\u00a0000 for et helt tall eller 1,000 med "
    "komma for et desimaltall."
)


def focus_area_form(**overrides):
    data = {"number": 9, "name": "Havnæringer", "description": "", "influence": 3, "importance": 3}
    return {**data, **overrides}


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"influence": 9}, "influence", "Velg et tall fra 1 (lav) til 5 (høy)."),
        ({"importance": 0}, "importance", "Velg et tall fra 1 (lav) til 5 (høy)."),
        ({"name": ""}, "name", "Navn må fylles ut."),
        ({"number": 1}, "number", "Planen har allerede et innsatsområde med nummer 1."),
        ({"influence": "mye"}, "influence", "«mye» er ikke et tall."),
        (
            {"influence": "2,5"},
            "influence",
            "«2,5» er ikke et helt tall. Skriv tallet uten desimaler.",
        ),
        ({"number": "1.000"}, "number", AMBIGUOUS),
    ],
    ids=[
        "influence 9",
        "importance 0",
        "empty name",
        "number taken",
        "text for a number",
        "a decimal for a whole number",
        "an ambiguous dot",
    ],
)
def test_a_bad_new_focus_area_is_refused_with_a_message_on_the_field(
    editor, asker_plan, overrides, field, message
):
    before = FocusArea.objects.count()
    url = reverse("plans:part_create", args=[asker_plan.pk, "innsatsomrader"])
    response = editor.post(url, focus_area_form(**overrides), **HTMX)
    assert response.status_code == 422
    form = response.context["form"]
    assert form.errors[field] == [message]
    assert message in response.content.decode()
    assert FocusArea.objects.count() == before


def test_a_bad_edit_of_a_focus_area_changes_nothing(editor, asker_plan):
    area = asker_plan.focus_areas.get(number=3)
    url = reverse("plans:part_edit", args=[asker_plan.pk, "innsatsomrader", area.pk])
    data = focus_area_form(number=3, name="", influence=9, version=area.version)
    response = editor.post(url, data)
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"name", "influence"}
    refreshed = FocusArea.objects.get(pk=area.pk)
    assert (refreshed.name, refreshed.influence, refreshed.version) == (
        area.name,
        area.influence,
        area.version,
    )


def plan_form(**overrides):
    data = {"name": "Næringsplan", "first_year": 2024, "last_year": 2036, "status": "draft"}
    return {**data, **overrides}


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"first_year": 2030, "last_year": 2025},
            "last_year",
            "Siste år kan ikke være før første år.",
        ),
        ({"name": ""}, "name", "Navn må fylles ut."),
        ({"first_year": 1850}, "first_year", "Året må være mellom 2000 og 2100."),
        ({"document_url": "ikke en lenke"}, "document_url", "Oppgi en gyldig nettadresse."),
        (
            {"status": "tull"},
            "status",
            "Velg et gyldig valg. tull er ikke et av de tilgjengelige valgene.",
        ),
    ],
    ids=["last year before first", "empty name", "year 1850", "bad link", "unknown status"],
)
def test_a_bad_new_plan_is_refused_with_a_message_on_the_field(
    editor, asker_plan, overrides, field, message
):
    before = Plan.objects.count()
    url = reverse("plans:plan_create", args=["3203"])
    response = editor.post(url, plan_form(**overrides))
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert Plan.objects.count() == before


def test_editing_a_plan_so_its_last_year_is_before_its_first_changes_nothing(editor, asker_plan):
    url = reverse("plans:plan_edit", args=[asker_plan.pk])
    data = plan_form(name="Nytt navn", first_year=2032, last_year=2020, version=asker_plan.version)
    response = editor.post(url, data, **HTMX)
    assert response.status_code == 422
    assert "Siste år kan ikke være før første år." in response.content.decode()
    asker_plan.refresh_from_db()
    assert (asker_plan.name, asker_plan.first_year, asker_plan.last_year) == (
        "Temaplan næring 2020–2032",
        2020,
        2032,
    )


def test_a_strategy_cannot_be_placed_in_another_plans_focus_area(editor, asker_plan, baerum_plan):
    foreign_area = baerum_plan.focus_areas.first()
    url = reverse("plans:part_create", args=[asker_plan.pk, "strategier"])
    data = {"focus_area": foreign_area.pk, "code": "9.9", "text": "Lurt inn"}
    response = editor.post(url, data)
    assert response.status_code == 422
    assert "focus_area" in response.context["form"].errors
    assert not asker_plan.strategies.filter(code="9.9").exists()


def test_an_unknown_move_direction_is_not_found(editor, asker_plan):
    premise = asker_plan.premises.first()
    url = reverse("plans:part_move", args=[asker_plan.pk, "premisser", premise.pk, "sidelengs"])
    assert editor.post(url).status_code == 404
