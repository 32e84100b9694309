"""The save step every editing view shares: validate, save through a service, and answer a
refused save the same way everywhere (422 for bad input, 409 when someone else saved first).

A refused save because someone else saved first also puts on the form what differs between
their saved version and the editor's own (`form.conflict_rows`, shown by
web/templates/web/edit_conflict.html), so nobody has to redo a change from memory."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .numbers import input_text
from .versioning import EditConflict

INVALID = 422
CONFLICT = 409
EMPTY = "–"


F = TypeVar("F", bound=forms.BaseForm)
R = TypeVar("R")


class ConflictRow(NamedTuple):
    """One field that differs: its label, the value someone else saved, and the editor's."""

    label: str
    theirs: str
    yours: str


def save_or_status(form: F, save: Callable[[F], object]) -> int | None:
    """None when saved; otherwise the status to answer with, the reason already on the form."""
    return saved_or_status(form, save)[1]


def saved_or_status(form: F, save: Callable[[F], R]) -> tuple[R | None, int | None]:
    """What `save` returned (a new row) and None; or None and the status to answer with, the
    reason already on the form. A service may refuse with a ValidationError too (a key someone
    else took a moment ago): its messages go on the form's fields, and the answer is 422."""
    if not form.is_valid():
        return None, INVALID
    try:
        return save(form), None
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        stored = conflict.current or _stored_instance(form)
        # Read by web/form_fields.html; a page-only attribute of the refused form.
        form.conflict_rows = conflict_rows(form, stored) if stored else []  # type: ignore[attr-defined]
        return None, CONFLICT
    except ValidationError as refused:
        errors_added(form, refused)
        return None, INVALID


def errors_added(form: forms.BaseForm, error: ValidationError) -> None:
    """The errors on the form: each on its field when the form has it, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def conflict_rows(form: forms.BaseForm, stored: models.Model) -> list[ConflictRow]:
    """The form's fields whose saved value (in `stored`) differs from what the editor sent,
    each shown as the page shows it: labels, not codes; dates and numbers the Norwegian way."""
    rows = []
    for name, field in form.fields.items():
        if field.widget.is_hidden or name not in form.cleaned_data:
            continue
        model_field = _model_field(stored, name)
        if model_field is None:
            continue  # a form-only field, such as the status change's comment
        theirs = display_value(field, _stored_value(stored, model_field, field))
        yours = display_value(field, form.cleaned_data[name])
        if theirs != yours:
            rows.append(ConflictRow(str(field.label), theirs, yours))
    return rows


def display_value(field: forms.Field, value: Any) -> str:
    """A value of `field` as a reader sees it."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        shown = [field.label_from_instance(obj) for obj in value or ()]
        return ", ".join(shown) if shown else EMPTY
    if isinstance(field, forms.ModelChoiceField):
        return field.label_from_instance(value) if value is not None else EMPTY
    if isinstance(field, forms.BooleanField):
        return _("Ja") if value else _("Nei")
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(field, forms.ChoiceField):
        return _choice_label(field.choices, value)  # type: ignore[arg-type]
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        return input_text(value)
    return " ".join(str(value).split())


def _choice_label(choices: Iterable[tuple[Any, Any]], value: Any) -> str:
    for key, label in choices:
        if isinstance(label, (list, tuple)):  # a group of choices
            found = _choice_label(label, value)
            if found != str(value):
                return found
        elif str(key) == str(value):
            return str(label)
    return str(value)


def _model_field(stored: models.Model, name: str) -> models.Field | None:
    try:
        field = stored._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _stored_value(stored: models.Model, field: models.Field, form_field: forms.Field) -> Any:
    if field.many_to_many:
        chosen = getattr(stored, field.name).values_list("pk", flat=True)
        if isinstance(form_field, forms.ModelMultipleChoiceField):
            # In the form's order, so the same choices read the same on both sides.
            return form_field.queryset.filter(pk__in=list(chosen))  # type: ignore[union-attr]
        return list(getattr(stored, field.name).all())
    return getattr(stored, field.name)


def _stored_instance(form: forms.BaseForm) -> models.Model | None:
    """For a model form: the row as it is saved now (None when it was deleted)."""
    instance = getattr(form, "instance", None)
    if instance is None or instance.pk is None:
        return None
    return type(instance)._default_manager.filter(pk=instance.pk).first()
