"""An action's key: made from the title when left blank, spelt out when typed in Norwegian."""

import pytest
from django.urls import reverse

from temaplan.actions.models import Action

from .test_pages import new_action, period


def _create(client, plan, **fields):
    url = reverse("actions:create", args=[period(plan).pk])
    return client.post(url, {**new_action(plan), **fields})


@pytest.mark.parametrize(
    "typed, title, key",
    [
        ("", "Utredning av næringsarealer på Fornebu", "utredning-av-naeringsarealer-pa-fornebu"),
        ("pådriver-kunnskap", "Pådriver", "padriver-kunnskap"),
        ("  Øst Vest ", "Tittel", "ost-vest"),
    ],
)
def test_the_key_is_made_from_the_title_or_spelt_out_from_what_was_typed(
    editor, asker_plan, typed, title, key
):
    response = _create(editor, asker_plan, key=typed, title=title)
    assert response.status_code == 302
    assert Action.objects.filter(period=period(asker_plan), key=key, title=title).exists()


def test_a_blank_key_whose_title_key_is_taken_gets_the_next_number(editor, asker_plan):
    for _ in range(2):
        assert _create(editor, asker_plan, key="", title="Samme tittel").status_code == 302
    keys = set(
        period(asker_plan).actions.filter(title="Samme tittel").values_list("key", flat=True)
    )
    assert keys == {"samme-tittel", "samme-tittel-2"}


def test_a_typed_key_without_letters_or_digits_is_refused_on_the_field(editor, asker_plan):
    before = Action.objects.count()
    response = _create(editor, asker_plan, key="«»")
    assert response.status_code == 422
    assert response.context["form"].errors["key"] == [
        "Nøkkelen må ha minst én bokstav eller ett tall."
    ]
    assert Action.objects.count() == before


def test_a_typed_key_that_is_taken_is_refused_in_norwegian(editor, asker_plan):
    taken = period(asker_plan).actions.first().key
    before = Action.objects.count()
    response = _create(editor, asker_plan, key=taken)
    assert response.status_code == 422
    assert response.context["form"].errors["key"] == [
        f"Perioden har allerede et tiltak med nøkkelen «{taken}»."
    ]
    assert Action.objects.count() == before
