"""Forms for the plan and its parts. Each carries the version the editor started from."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Ambition, FocusArea, Plan, Premise, Strategy


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


def without_trailing_zeros(value: Decimal) -> Decimal:
    """0.3000 -> 0.3 and 10.0000 -> 10 (not 1E+1), for showing a stored value in a form."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


class PlanForm(VersionedForm):
    document_url = forms.URLField(
        label=_("lenke til plandokumentet"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Plan
        fields = [
            "name",
            "first_year",
            "last_year",
            "status",
            "adopted_on",
            "decision_reference",
            "document_url",
        ]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class PartForm(VersionedForm):
    """A form for a plan part; it knows its plan so it can check rules within the plan."""

    def __init__(self, *args, plan: Plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)


class AmbitionForm(PartForm):
    class Meta:
        model = Ambition
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class FocusAreaForm(PartForm):
    class Meta:
        model = FocusArea
        fields = [
            "number",
            "name",
            "description",
            "influence",
            "importance",
            "placement_is_example",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = FocusArea.objects.filter(plan=self.plan, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Planen har allerede et innsatsområde med nummer %(number)s."),
                params={"number": number},
            )
        return number


class StrategyForm(PartForm):
    class Meta:
        model = Strategy
        fields = ["focus_area", "code", "text", "is_example"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = FocusArea.objects.filter(plan=self.plan)
        self.fields["focus_area"].empty_label = None


class PremiseForm(PartForm):
    class Meta:
        model = Premise
        fields = ["name", "description", "influence", "importance"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
