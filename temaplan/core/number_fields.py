"""Number form fields that read and show numbers the Norwegian way (temaplan.core.numbers):
«60 000», «1 234,5», «−5» and «0.3» are read, «1.234» is refused as ambiguous, and a stored
60000 is shown as «60 000».

`norwegian_number_field` turns Django's own number fields into these, keeping their label,
limits and messages, and taking the limits a model field sets with Min/MaxValueValidator into
the form, so a value out of range gets the field's message before the model sees it.
VersionedForm and NorwegianForm (temaplan.core.forms) do this to every number field they have.

Limits are checked with their message %-formatted by Django, so a message with a literal
percent sign has it written «%%» (`escape_percent` does that to a model's message).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .numbers import NumberProblem, input_text, parse_number, parse_whole_number

MIN_VALUE = _("Tallet må være minst %(limit_value)s.")
MAX_VALUE = _("Tallet kan ikke være større enn %(limit_value)s.")
NUMBER_MESSAGES: dict[str, Any] = {
    "min_value": MIN_VALUE,
    "max_value": MAX_VALUE,
    "max_digits": _("Tallet kan ha høyst %(max)s sifre."),
    "max_decimal_places": _("Tallet kan ha høyst %(max)s desimaler."),
    "max_whole_digits": _("Tallet kan ha høyst %(max)s sifre før kommaet."),
}
# The message for text that is no number at all, when a field has its own (error_messages key).
NOT_A_NUMBER = "not_a_number"
_LIMITS = (validators.MinValueValidator, validators.MaxValueValidator)
_PERCENT = re.compile(r"%%|%\([a-z_]+\)[sd]|%")
_REPLACED = (*_LIMITS, validators.StepValueValidator, validators.DecimalValidator)


def escape_percent(message: Any) -> str:
    """«100 %» → «100 %%», for a message Django %-formats; «%(limit_value)s» and «%%» stay."""
    return _PERCENT.sub(lambda m: "%%" if m.group(0) == "%" else m.group(0), str(message))


class _NorwegianLimit:
    """A limit whose value the message shows the Norwegian way («1 000 000», «0,5»)."""

    limit_value: Any

    def __call__(self, value: Any) -> None:
        try:
            super().__call__(value)  # type: ignore[misc]
        except ValidationError as error:
            params = {**(error.params or {}), "limit_value": input_text(self.limit_value)}
            raise ValidationError(error.message, code=error.code, params=params) from None


class NorwegianMinValue(_NorwegianLimit, validators.MinValueValidator):
    message = MIN_VALUE


class NorwegianMaxValue(_NorwegianLimit, validators.MaxValueValidator):
    message = MAX_VALUE


class _NorwegianNumber:
    """What the three fields share: a text input that asks phones for a number pad (when the
    number cannot be negative; the pad has no minus sign), Norwegian limits, and the value
    shown «60 000» / «0,3»."""

    min_value: Any
    max_value: Any
    validators: list[Any]
    error_messages: dict[str, Any]
    inputmode = "decimal"

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("widget", forms.TextInput)
        kwargs["localize"] = False
        super().__init__(**kwargs)
        self.validators = [_norwegian_limit(v) for v in self.validators]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs: dict[str, Any] = super().widget_attrs(widget)  # type: ignore[misc]
        if self.min_value is not None and self.min_value >= 0:
            attrs.setdefault("inputmode", self.inputmode)
        return attrs

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return input_text(value)
        return value

    def _read(self, value: str) -> Any:
        raise NotImplementedError

    def to_python(self, value: Any) -> Any:
        if value in forms.Field.empty_values:
            return None
        if isinstance(value, str):
            try:
                return self._read(value)
            except NumberProblem as problem:
                own = self.error_messages.get(NOT_A_NUMBER) if problem.garbled else None
                raise ValidationError(own or problem.message, code="invalid") from None
        return super().to_python(value)  # type: ignore[misc]


def _norwegian_limit(validator: Any) -> Any:
    if type(validator) is validators.MinValueValidator:
        return NorwegianMinValue(validator.limit_value)
    if type(validator) is validators.MaxValueValidator:
        return NorwegianMaxValue(validator.limit_value)
    return validator


class NorwegianDecimalField(_NorwegianNumber, forms.DecimalField):
    default_error_messages = NUMBER_MESSAGES

    def _read(self, value: str) -> Decimal:
        return parse_number(value)


class NorwegianFloatField(_NorwegianNumber, forms.FloatField):
    default_error_messages = NUMBER_MESSAGES

    def _read(self, value: str) -> float:
        return float(parse_number(value))


class NorwegianIntegerField(_NorwegianNumber, forms.IntegerField):
    default_error_messages = NUMBER_MESSAGES
    inputmode = "numeric"

    def _read(self, value: str) -> int:
        return parse_whole_number(value)


NORWEGIAN_FIELDS = (NorwegianDecimalField, NorwegianFloatField, NorwegianIntegerField)


def norwegian_number_field(
    field: forms.Field, model_field: models.Field | None = None
) -> forms.Field:
    """The Norwegian counterpart of a Decimal-, Float- or IntegerField; any other field (a
    hidden one such as `version`, a select) as it is."""
    if isinstance(field, NORWEGIAN_FIELDS) or not isinstance(field, forms.IntegerField):
        return field
    if not isinstance(field.widget, forms.NumberInput | forms.TextInput):
        return field
    kwargs: dict[str, Any] = {}
    kind: type[forms.IntegerField]
    if isinstance(field, forms.DecimalField):
        kind = NorwegianDecimalField
        kwargs |= {"max_digits": field.max_digits, "decimal_places": field.decimal_places}
    elif isinstance(field, forms.FloatField):
        kind = NorwegianFloatField
    else:
        kind = NorwegianIntegerField
    messages = dict(field.error_messages)
    # The reader's messages say what is wrong; a form's own «invalid» is kept for text that is
    # no number at all.
    invalid = messages.pop("invalid", None)
    if invalid is not None and invalid != _django_default(type(field), "invalid"):
        messages[NOT_A_NUMBER] = invalid
    lowest, highest = field.min_value, field.max_value
    for limit in getattr(model_field, "validators", []):
        if isinstance(limit, validators.MinValueValidator):
            if lowest is None or limit.limit_value >= lowest:
                lowest = limit.limit_value
                _take_message(messages, "min_value", limit)
        elif isinstance(limit, validators.MaxValueValidator):
            if highest is None or limit.limit_value <= highest:
                highest = limit.limit_value
                _take_message(messages, "max_value", limit)
    attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("min", "max", "step")}
    return kind(
        required=field.required,
        label=field.label,
        initial=field.initial,
        help_text=field.help_text,
        disabled=field.disabled,
        show_hidden_initial=field.show_hidden_initial,
        label_suffix=field.label_suffix,
        widget=forms.TextInput(attrs=attrs),
        validators=[v for v in field.validators if not isinstance(v, _REPLACED)],
        error_messages=messages,
        min_value=lowest,
        max_value=highest,
        **kwargs,
    )


def _django_default(kind: type[forms.Field], code: str) -> Any:
    for klass in kind.__mro__:
        if code in getattr(klass, "default_error_messages", {}):
            return klass.default_error_messages[code]  # type: ignore[attr-defined]
    return None


def _take_message(messages: dict[str, Any], code: str, limit: validators.BaseValidator) -> None:
    """The model's own message for its limit, unless the form set one."""
    default = type(limit).message
    if limit.message != default and code not in messages:
        messages[code] = escape_percent(limit.message)
