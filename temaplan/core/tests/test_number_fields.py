"""The Norwegian number fields, and the base forms that give every number field of a form them."""

from decimal import Decimal

import pytest
from django import forms

from temaplan.core.forms import CHOOSE, NONE_CHOSEN, NorwegianForm
from temaplan.core.number_fields import (
    NorwegianDecimalField,
    NorwegianFloatField,
    NorwegianIntegerField,
    escape_percent,
)

NBSP = "\u00a0"


class Numbers(NorwegianForm):
    amount = forms.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False)
    change = forms.DecimalField(max_digits=12, decimal_places=2, required=False)
    count = forms.IntegerField(min_value=1, max_value=1_000_000, required=False)
    share = forms.FloatField(required=False)
    percent = forms.IntegerField(
        required=False,
        max_value=100,
        error_messages={"max_value": "Høyst 100 %%.", "invalid": "Skriv et helt tall."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    must = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])


def test_every_number_field_of_a_plain_form_becomes_norwegian_and_the_hidden_one_does_not():
    fields = Numbers().fields
    assert type(fields["amount"]) is NorwegianDecimalField
    assert type(fields["count"]) is NorwegianIntegerField
    assert type(fields["share"]) is NorwegianFloatField
    assert type(fields["version"]) is forms.IntegerField


def test_an_empty_choice_gets_a_norwegian_label():
    fields = Numbers().fields
    assert list(fields["kind"].choices)[0] == ("", NONE_CHOSEN)
    assert list(fields["must"].choices)[0] == ("", CHOOSE)
    assert "---------" not in str(Numbers()["kind"]) + str(Numbers()["must"])


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"amount": "60 000"}, {"amount": Decimal(60000)}),
        ({"amount": f"9{NBSP}600{NBSP}000,50"}, {"amount": Decimal("9600000.50")}),
        ({"change": "\u22125"}, {"change": Decimal(-5)}),
        ({"count": "\u202f1 234"}, {"count": 1234}),
        ({"share": "0,3"}, {"share": 0.3}),
        ({"percent": "100"}, {"percent": 100}),
    ],
)
def test_numbers_typed_the_norwegian_way_are_read(data, expected):
    form = Numbers({**data, "must": "a"})
    assert form.is_valid(), form.errors
    assert {k: v for k, v in form.cleaned_data.items() if k in expected} == expected


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"amount": "-1"}, "amount", "Tallet må være minst 0."),
        ({"count": "0"}, "count", "Tallet må være minst 1."),
        ({"count": "2 000 000"}, "count", f"Tallet kan ikke være større enn 1{NBSP}000{NBSP}000."),
        ({"count": "2,5"}, "count", "«2,5» er ikke et helt tall. Skriv tallet uten desimaler."),
        ({"percent": "101"}, "percent", "Høyst 100 %."),
        ({"percent": "mye"}, "percent", "Skriv et helt tall."),
        ({"percent": "1.500"}, "percent", "«1.500» kan bety både"),
        ({"amount": "abc"}, "amount", "«abc» er ikke et tall."),
        ({"amount": "0,125"}, "amount", "Tallet kan ha høyst 2 desimaler."),
        ({"amount": "12 345 678 901"}, "amount", "Tallet kan ha høyst 10 sifre før kommaet."),
    ],
    ids=[
        "under the minimum",
        "under a minimum of 1",
        "over the maximum, shown grouped",
        "a decimal for a whole number",
        "the form's own message with a percent sign",
        "the form's own message for no number at all",
        "ambiguous, though the form has its own message",
        "no number",
        "too many decimals",
        "too many digits",
    ],
)
def test_bad_numbers_get_a_norwegian_message(data, field, message):
    form = Numbers(data)
    assert not form.is_valid()
    [error] = form.errors[field]
    assert error.startswith(message)


def test_a_field_shows_its_value_the_norwegian_way_in_a_text_input_with_a_number_pad():
    form = Numbers(initial={"amount": Decimal("60000.00"), "change": Decimal("-0.30")})
    amount, change = str(form["amount"]), str(form["change"])
    assert f'value="60{NBSP}000"' in amount and 'type="text"' in amount
    assert 'inputmode="decimal"' in amount
    # A number that may be negative keeps the ordinary keyboard, which has a minus sign.
    assert 'value="-0,3"' in change and "inputmode" not in change
    assert 'inputmode="numeric"' in str(form["count"])


def test_what_was_typed_is_shown_again_as_typed_when_it_is_refused():
    form = Numbers({"amount": "1.234"})
    assert not form.is_valid()
    assert 'value="1.234"' in str(form["amount"])


@pytest.mark.parametrize(
    "message, escaped, formatted",
    [
        ("Mellom 0 og 100 %.", "Mellom 0 og 100 %%.", "Mellom 0 og 100 %."),
        ("Høyst 100 %%.", "Høyst 100 %%.", "Høyst 100 %."),
        ("Minst %(limit_value)s %.", "Minst %(limit_value)s %%.", "Minst 1 %."),
        ("Ingen prosent.", "Ingen prosent.", "Ingen prosent."),
    ],
)
def test_a_model_s_message_is_escaped_for_django_s_percent_formatting(message, escaped, formatted):
    assert escape_percent(message) == escaped
    assert escaped % {"limit_value": 1} == formatted
