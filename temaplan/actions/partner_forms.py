"""Forms for the plan's work with business: partner agreements and dialogue meetings. Each
carries the version the editor started from, and offers only the plan's own actions and focus
areas.

A single row's rules (an agreement does not end before it starts, amounts are not negative)
are the model's `clean`; the rule across rows (one agreement per partner and first day, the
key the plan's Excel file finds it by) is here, where the plan is known.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import choice_field
from temaplan.plans.models import FocusArea, Plan

from .models import Action, DialogueMeeting, PartnerAgreement
from .plan_forms import DATE, PlanItemForm

AGREEMENT_TAKEN = _("Planen har allerede en avtale med «%(partner)s» som gjelder fra %(start)s.")


def plan_actions_field(form: forms.BaseForm, name: str, plan: Plan) -> None:
    """The plan's own actions as checkboxes, by period and title."""
    field = choice_field(form, name)
    field.queryset = (
        Action.objects.filter(period__plan=plan)
        .select_related("period")
        .order_by("period__first_date", "title")
    )
    several_periods = plan.action_periods.count() > 1
    label = _title_and_period if several_periods else _title
    field.label_from_instance = label  # type: ignore[method-assign,assignment]


def _title(action: Action) -> str:
    return action.title


def _title_and_period(action: Action) -> str:
    return f"{action.title} ({action.period.name})"


class AgreementForm(PlanItemForm):
    class Meta:
        model = PartnerAgreement
        fields = [
            "partner",
            "contact",
            "purpose",
            "start_date",
            "end_date",
            "yearly_amount",
            "co_funding",
            "deliverables",
            "actions",
        ]
        labels = {
            "start_date": _("Gjelder fra"),
            "end_date": _("Gjelder til"),
            "actions": _("Tiltak avtalen gjelder"),
        }
        help_texts = {
            "yearly_amount": _("Kommunens beløp per år, i kroner."),
            "co_funding": _("Partnerens egen innsats per år, i kroner."),
            "end_date": _("Fra 90 dager før denne datoen varsles det at avtalen må fornyes."),
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
            "start_date": DATE,
            "end_date": DATE,
            "actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        plan_actions_field(self, "actions", plan)

    def clean(self):
        super().clean()
        partner, start = self.cleaned_data.get("partner"), self.cleaned_data.get("start_date")
        if partner and start:
            taken = self.others(PartnerAgreement).filter(partner__iexact=partner.strip())
            if taken.filter(start_date=start).exists():
                self.add_error(
                    "start_date",
                    forms.ValidationError(
                        AGREEMENT_TAKEN,
                        params={"partner": partner.strip(), "start": f"{start:%d.%m.%Y}"},
                    ),
                )
        return self.cleaned_data


class MeetingForm(PlanItemForm):
    class Meta:
        model = DialogueMeeting
        fields = [
            "date",
            "organisation",
            "participants",
            "topics",
            "focus_areas",
            "follow_up_actions",
        ]
        labels = {"date": _("Møtedato"), "topics": _("Tema")}
        help_texts = {"follow_up_actions": _("Tiltakene som følger opp det møtet tok opp.")}
        widgets = {
            "date": DATE,
            "participants": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.Textarea(attrs={"rows": 3}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "follow_up_actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        choice_field(self, "focus_areas").queryset = FocusArea.objects.filter(plan=plan)
        plan_actions_field(self, "follow_up_actions", plan)
