"""Forms for the plan and its parts. Each carries the version the editor started from."""

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import VersionedForm, choice_field

from .models import FOCUS_AREA_NUMBER_TAKEN, Ambition, FocusArea, Plan, Premise, Strategy


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
            raise forms.ValidationError(FOCUS_AREA_NUMBER_TAKEN, params={"number": number})
        return number


class StrategyForm(PartForm):
    class Meta:
        model = Strategy
        fields = ["focus_area", "code", "text", "is_example"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "focus_area").queryset = FocusArea.objects.filter(plan=self.plan)
        choice_field(self, "focus_area").empty_label = None


class PremiseForm(PartForm):
    class Meta:
        model = Premise
        fields = ["name", "description", "influence", "importance"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
