"""An action's numbers (weight, priority, progress) typed the Norwegian way, in the whole form and
in the status change in place; ambiguous or out-of-range input saves nothing."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from temaplan.actions.models import Action

HTMX = {"HTTP_HX_REQUEST": "true"}
NBSP, NNBSP = "\u00a0", "\u202f"
AMBIGUOUS = (
    f"«1.234» kan bety både 1{NBSP}234 og 1,234. Skriv 1{NBSP}234 for et helt tall eller 1,234 "
    "med komma for et desimaltall."
)


def an_action(plan) -> Action:
    action = Action.objects.filter(period__plan=plan, key__startswith="a05").first()
    assert action is not None
    return action


def edited(action: Action, **overrides) -> dict:
    data = {
        "key": action.key,
        "title": action.title,
        "kind": action.kind,
        "status": action.status,
        "weight": "1",
        "version": action.version,
    }
    return {**data, **overrides}


def stored(action: Action) -> tuple:
    action.refresh_from_db()
    return (action.weight, action.priority, action.progress, action.version)


@pytest.mark.parametrize(
    "field, typed, expected",
    [
        ("weight", f"1{NNBSP}234,5", Decimal("1234.5")),
        ("weight", "0.3", Decimal("0.3")),
        ("priority", f"12{NBSP}000", 12000),
        ("progress", "40", 40),
    ],
)
def test_an_action_s_numbers_typed_the_norwegian_way_are_saved(
    editor, asker_plan, field, typed, expected
):
    action = an_action(asker_plan)
    url = reverse("actions:edit", args=[action.pk])
    assert editor.post(url, edited(action, **{field: typed})).status_code == 302
    action.refresh_from_db()
    assert getattr(action, field) == expected


def test_the_form_shows_a_large_number_with_a_space_between_thousands(editor, asker_plan):
    action = an_action(asker_plan)
    Action.objects.filter(pk=action.pk).update(weight=Decimal("1234.50"), priority=12000)
    page = editor.get(reverse("actions:edit", args=[action.pk])).content.decode()
    assert 'name="weight" value="1234,5"' in page
    assert f'name="priority" value="12{NBSP}000"' in page and 'inputmode="numeric"' in page
    assert 'type="number"' not in page


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("weight", "1.234", AMBIGUOUS),
        ("priority", "1.234", AMBIGUOUS),
        ("priority", "2,5", "«2,5» er ikke et helt tall. Skriv tallet uten desimaler."),
        ("priority", "0", "Plassen er 1 eller høyere."),
        ("weight", "-1", "Vekten kan ikke være negativ."),
        ("weight", "1,2,3", "«1,2,3» har mer enn ett komma."),
        ("weight", "60 000", "Tallet kan ha høyst 4 sifre før kommaet."),
        ("weight", "0,125", "Tallet kan ha høyst 2 desimaler."),
        ("progress", "101", "Framdriften er mellom 0 og 100 %."),
        ("progress", "32768", "Framdriften er mellom 0 og 100 %."),
        ("progress", "1_000", "«1_000» er ikke et tall."),
        ("progress", "-1", "Tallet må være minst 0."),
    ],
)
def test_bad_numbers_in_the_action_form_get_a_message_and_save_nothing(
    editor, asker_plan, field, typed, message
):
    action = an_action(asker_plan)
    before = stored(action)
    url = reverse("actions:edit", args=[action.pk])
    response = editor.post(url, edited(action, **{field: typed}), **HTMX)
    assert response.status_code == 422
    [error] = response.context["form"].errors[field]
    assert error.startswith(message)
    assert stored(action) == before


@pytest.mark.parametrize(
    "typed, message",
    [
        ("1.234", AMBIGUOUS),
        ("4 0", "«4 0» har mellomrom på feil sted."),
        ("40 %", "Skriv bare tallet, uten «%»."),
    ],
)
def test_an_unreadable_progress_in_place_gets_the_message_and_saves_nothing(
    editor, asker_plan, typed, message
):
    action = an_action(asker_plan)
    before = stored(action)
    url = reverse("actions:status", args=[action.pk])
    data = {"status": "in_progress", "progress": typed, "version": action.version}
    response = editor.post(url, data, **HTMX)
    assert response.status_code == 422
    [error] = response.context["form"].errors["progress"]
    assert error.startswith(message)
    assert stored(action) == before


def test_the_model_s_own_limit_on_progress_gives_its_message(asker_plan):
    # What the admin and every save through full_clean see: Django %-formats the message with
    # the limit, and a bare «%» in it used to make that raise instead.
    action = an_action(asker_plan)
    action.progress = 101
    with pytest.raises(ValidationError) as refused:
        action.clean_fields()
    assert refused.value.message_dict == {"progress": ["Framdriften er mellom 0 og 100 %."]}
