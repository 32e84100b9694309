"""Forms for a study's phases and political cases. Each carries the version the editor started
from. A phase's dates in order is the model's `clean`; a case's «after phase» is one of this
study's own phases, and a decided case says when it was decided (so the roadmap can tell)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import VersionedForm, choice_field

from .models import Action, PoliticalCase, StudyPhase
from .plan_forms import DATE

DECIDED_WITHOUT_DATE = _("Oppgi datoen saken ble behandlet, når den er vedtatt eller avvist.")
DECIDED_OUTCOMES = (PoliticalCase.Outcome.ADOPTED, PoliticalCase.Outcome.REJECTED)


def _phase_name(phase: StudyPhase) -> str:
    return phase.name  # the study is known from the page; its title would only repeat


class StudyItemForm(VersionedForm):
    """A form for a row of a study; a new row is given the study and municipality before it is
    validated, so the model's own checks know them."""

    def __init__(self, *args, study: Action, **kwargs):
        self.study = study
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.study = study
            self.instance.municipality_id = study.municipality_id


class PhaseForm(StudyItemForm):
    class Meta:
        model = StudyPhase
        fields = [
            "name",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "status",
            "deliverable",
        ]
        labels = {"name": _("Navn på fasen")}
        help_texts = {
            "name": _("For eksempel «Fase 1: forstudie»."),
            "actual_end": _("Tom så lenge fasen ikke er ferdig."),
        }
        widgets = {
            "planned_start": DATE,
            "planned_end": DATE,
            "actual_start": DATE,
            "actual_end": DATE,
        }


class CaseForm(StudyItemForm):
    class Meta:
        model = PoliticalCase
        fields = [
            "body",
            "after_phase",
            "planned_date",
            "case_number",
            "outcome",
            "decided_on",
            "decision_text",
        ]
        labels = {"decided_on": _("Behandlet dato")}
        help_texts = {"after_phase": _("Fasen saken legges fram etter.")}
        widgets = {
            "planned_date": DATE,
            "decided_on": DATE,
            "decision_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, study: Action, **kwargs):
        super().__init__(*args, study=study, **kwargs)
        after = choice_field(self, "after_phase")
        after.queryset = StudyPhase.objects.filter(study=study).order_by(
            "position", "planned_start"
        )
        after.label_from_instance = _phase_name  # type: ignore[method-assign,assignment]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("outcome") in DECIDED_OUTCOMES and not data.get("decided_on"):
            if "decided_on" not in self.errors:
                self.add_error("decided_on", DECIDED_WITHOUT_DATE)
        return data
