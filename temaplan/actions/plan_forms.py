"""Forms for the parts of the action plan that hang on the plan itself: action periods,
budget frames and budget allocations. Each carries the version the editor started from.

The rules of a single row (dates in order, amounts not negative, the year within the plan,
exactly one of action, agreement and post) are the model's `clean`; the rules across rows
(a name or a year and kind already taken in the plan) are here, where the plan is known.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import VersionedForm, choice_field
from temaplan.plans.models import Plan

from .models import (
    FRAME_TAKEN,
    PERIOD_NAME_TAKEN,
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    PartnerAgreement,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanItemForm(VersionedForm):
    """A form for a row that belongs to a plan; a new row is given the plan and municipality
    before it is validated, so the model's own checks know the plan."""

    def __init__(self, *args, plan: Plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.plan = plan
            self.instance.municipality_id = plan.municipality_id
        if "year" in self.fields:
            year = self.fields["year"]
            year.widget.attrs.update(min=plan.first_year, max=plan.last_year)
            if self.instance.pk is None:
                this_year = timezone.localdate().year
                year.initial = min(max(this_year, plan.first_year), plan.last_year)

    def others(self, model):
        """The plan's other rows of this kind (the row being edited left out)."""
        return model._default_manager.filter(plan=self.plan).exclude(pk=self.instance.pk)


class PeriodForm(PlanItemForm):
    class Meta:
        model = ActionPeriod
        fields = ["name", "first_date", "last_date"]
        labels = {"first_date": _("Første dag"), "last_date": _("Siste dag")}
        widgets = {"first_date": DATE, "last_date": DATE}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.others(ActionPeriod).filter(name__iexact=name).exists():
            raise forms.ValidationError(PERIOD_NAME_TAKEN, params={"name": name})
        return name


class FrameForm(PlanItemForm):
    class Meta:
        model = BudgetFrame
        fields = ["year", "kind", "amount", "fte", "fte_cost", "decision_reference"]
        help_texts = {
            "amount": _("Hele rammen i kroner, kostnaden for årsverkene medregnet."),
            "fte_cost": _("Vises ved siden av rammen; den trekkes ikke fra rammen."),
            "decision_reference": _("For eksempel «Kommunestyrevedtak (budsjett 2025)»."),
        }

    def clean(self):
        super().clean()
        year, kind = self.cleaned_data.get("year"), self.cleaned_data.get("kind")
        if year and kind and self.others(BudgetFrame).filter(year=year, kind=kind).exists():
            self.add_error("year", forms.ValidationError(FRAME_TAKEN[kind], params={"year": year}))
        return self.cleaned_data


class AllocationForm(PlanItemForm):
    class Meta:
        model = BudgetAllocation
        fields = ["year", "action", "agreement", "label", "amount", "spent"]
        labels = {"action": _("Tiltak"), "agreement": _("Partnerskapsavtale")}
        help_texts = {
            "label": _(
                "Bare når tildelingen ikke gjelder et tiltak eller en avtale, for eksempel "
                "«Lønn 2 årsverk». Velg ett tiltak, én avtale eller skriv én post."
            ),
            "spent": _("Det som er brukt av tildelingen så langt i året."),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        action = choice_field(self, "action")
        action.queryset = Action.objects.filter(period__plan=plan).order_by(
            "period__first_date", "title"
        )
        action.empty_label = _("Velg tiltak")
        agreement = choice_field(self, "agreement")
        agreement.queryset = PartnerAgreement.objects.filter(plan=plan).order_by("partner")
        agreement.empty_label = _("Velg avtale")
