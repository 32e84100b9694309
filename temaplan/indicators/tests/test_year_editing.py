"""Entering a year's result and ambition: in place, revisions, bad input, edit conflicts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.indicators.models import ObservationRevision
from temaplan.indicators.tests.support import HTMX, indicator, snapshot, year_form
from temaplan.testing.personas import second_editor


def test_an_editor_enters_a_result_and_an_ambition_in_place(editor, asker_plan):
    nho = indicator(asker_plan)
    url = reverse("indicators:year_edit", args=[nho.pk, 2021])
    opened = editor.get(url, **HTMX)
    assert opened.content.decode().lstrip().startswith('<section id="years"')
    response = editor.post(
        url, year_form(value="9", target_value="12", comment="Fin framgang"), **HTMX
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rangert 9, ambisjon 12 eller bedre: grønn." in body and "Fin framgang" in body
    assert nho.observations.get(year=2021).value == 9


def test_a_revised_value_keeps_the_old_one_and_the_page_says_revidert(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    url = reverse("indicators:year_edit", args=[share.pk, 2020])
    data = {"value": "41,8", "comparator": ""}
    assert editor.post(url, data).status_code == 302
    revision = ObservationRevision.objects.get(observation__indicator=share, observation__year=2020)
    assert revision.value == Decimal("41.7")
    page = editor.get(reverse("indicators:detail", args=[share.pk])).content.decode()
    assert "revidert, tidligere 41,7" in page and "41,8" in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"value": "fire"}, "value", "«fire» er ikke et tall."),
        ({"value": "0"}, "value", "En plassering er et helt tall fra 1 og oppover."),
        ({"value": "2,5"}, "value", "En plassering er et helt tall fra 1 og oppover."),
        (
            {"comparator": "at_least", "target_value": ""},
            "target_value",
            "Ambisjonen trenger en verdi.",
        ),
        (
            {"comparator": "between", "target_value": "5", "target_high": "3"},
            "target_high",
            "Øvre grense kan ikke være lavere enn nedre.",
        ),
    ],
)
def test_bad_year_input_gets_a_norwegian_message_and_changes_nothing(
    editor, asker_plan, data, field, message
):
    nho = indicator(asker_plan)
    before = snapshot()
    url = reverse("indicators:year_edit", args=[nho.pk, 2020])
    response = editor.post(url, {"value": "11", "comparator": "", **data}, **HTMX)
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert snapshot() == before


def test_a_percent_share_over_100_is_refused(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    url = reverse("indicators:year_edit", args=[share.pk, 2021])
    response = editor.post(url, {"value": "141,7"})
    assert response.status_code == 422
    assert "mellom 0 og 100" in response.content.decode()


def test_two_editors_saving_the_same_year_do_not_overwrite_each_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    nho = indicator(asker_plan)
    url = reverse("indicators:year_edit", args=[nho.pk, 2020])
    token = editor.get(url).context["form"]["version"].value()
    assert other.get(url).context["form"]["version"].value() == token

    first = {"value": "10", "comparator": "", "version": token}
    second = {"value": "14", "comparator": "", "version": token}
    assert editor.post(url, first).status_code == 302
    response = other.post(url, second, **HTMX)
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    assert nho.observations.get(year=2020).value == 10


def test_the_year_form_shows_stored_whole_numbers_without_an_exponent(editor, asker_plan):
    nho = indicator(asker_plan)
    nho.observations.filter(year=2020).update(value=Decimal("10.0000"))
    assert nho.targets.get(year=2024).value == Decimal("10.0000")
    result = editor.get(reverse("indicators:year_edit", args=[nho.pk, 2020])).content.decode()
    ambition = editor.get(reverse("indicators:year_edit", args=[nho.pk, 2024])).content.decode()
    assert 'name="value" value="10"' in result
    assert 'name="target_value" value="10"' in ambition


FARMLAND = "omdisponert-dyrket-mark"
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("typed", ["60 000", f"60{NBSP}000", f"60{NNBSP}000", "60000"])
def test_an_ambition_typed_with_spaces_between_thousands_is_saved(editor, asker_plan, typed):
    farmland = indicator(asker_plan, FARMLAND)
    url = reverse("indicators:year_edit", args=[farmland.pk, 2030])
    data = {"value": "", "comparator": "at_most", "target_value": typed}
    assert editor.post(url, data).status_code == 302
    assert farmland.targets.get(year=2030).value == 60000
    shown = editor.get(url).content.decode()
    assert f'name="target_value" value="60{NBSP}000"' in shown


def test_a_result_with_a_minus_sign_a_comma_and_grouped_thousands_is_saved(editor, asker_plan):
    growth = indicator(asker_plan, "arbeidsplassvekst-av-befolkningsvekst")
    url = reverse("indicators:year_edit", args=[growth.pk, 2021])
    assert editor.post(url, {"value": "\u22121 234,5", "comparator": ""}).status_code == 302
    assert growth.observations.get(year=2021).value == Decimal("-1234.5")


@pytest.mark.parametrize(
    "typed, message",
    [
        (
            "1.234",
            f"«1.234» kan bety både 1{NBSP}234 og 1,234. Skriv 1{NBSP}234 for et helt tall eller "
            "1,234 med komma for et desimaltall.",
        ),
        ("1 23", "har mellomrom på feil sted"),
        ("1,234.5", "har både komma og punktum"),
    ],
    ids=["ambiguous dot", "bad grouping", "English"],
)
def test_an_ambiguous_ambition_gets_the_message_and_saves_nothing(
    editor, asker_plan, typed, message
):
    farmland = indicator(asker_plan, FARMLAND)
    before = snapshot()
    url = reverse("indicators:year_edit", args=[farmland.pk, 2030])
    data = {"value": "", "comparator": "at_most", "target_value": typed}
    response = editor.post(url, data, **HTMX)
    assert response.status_code == 422
    [error] = response.context["form"].errors["target_value"]
    assert message in error
    assert snapshot() == before
