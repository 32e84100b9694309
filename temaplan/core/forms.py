"""The forms every editing form builds on. Both read and show numbers the Norwegian way
(temaplan.core.number_fields) and give an empty choice a Norwegian label, never «---------».
VersionedForm also carries the version the editor started from and names the field in
«… må fylles ut.»."""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from .number_fields import norwegian_number_field

# What an empty choice says, instead of Django's «---------».
CHOOSE = _("Velg …")
NONE_CHOSEN = _("Ingen")
DJANGO_EMPTY_LABEL = "---------"


def norwegian_fields(form: forms.BaseForm) -> None:
    """Every number field of the form made Norwegian, every empty choice given a label."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    for name, field in list(form.fields.items()):
        field = form.fields[name] = norwegian_number_field(field, _model_field(model, name))
        _label_empty_choice(field)


def _model_field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label_empty_choice(field: forms.Field) -> None:
    empty = CHOOSE if field.required else NONE_CHOSEN
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_EMPTY_LABEL:
            field.empty_label = empty
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)  # type: ignore[arg-type]
        if ("", DJANGO_EMPTY_LABEL) in choices:
            field.choices = [
                (value, empty if (value, label) == ("", DJANGO_EMPTY_LABEL) else label)
                for value, label in choices
            ]


class NorwegianForm(forms.Form):
    """A plain form (not tied to a model) with Norwegian numbers and empty choices."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        norwegian_fields(self)


class VersionedForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        norwegian_fields(self)
        for field in self.fields.values():
            # "Navn må fylles ut." names the field, which Django's generic text does not.
            field.error_messages["required"] = _("%(label)s må fylles ut.") % {
                "label": str(field.label).capitalize()
            }

    def changes(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A form's model choice field by name, to narrow its choices to the plan's own rows."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField), name
    return field
