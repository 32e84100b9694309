"""The form every editing form builds on: it carries the version the editor started from,
shows and reads decimals the Norwegian way, and names the field in «… må fylles ut.»."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .formatting import without_trailing_zeros


class VersionedForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name, field in self.fields.items():
            if isinstance(field, forms.DecimalField):
                _localize(field)
                if isinstance(self.initial.get(name), Decimal):
                    self.initial[name] = without_trailing_zeros(self.initial[name])
        for field in self.fields.values():
            # "Navn må fylles ut." names the field, which Django's generic text does not.
            field.error_messages["required"] = _("%(label)s må fylles ut.") % {
                "label": str(field.label).capitalize()
            }

    def changes(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0


def _localize(field: forms.DecimalField) -> None:
    """Shown and read the Norwegian way («0,3»; «0.3» is read too). A number input cannot
    show a decimal comma, so it becomes a text input that asks phones for a number pad."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
    field.widget.is_localized = True


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A form's model choice field by name, to narrow its choices to the plan's own rows."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField), name
    return field
