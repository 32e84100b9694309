"""Forms for actions: the whole action, the in-place status change, and the list filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import NorwegianForm, VersionedForm, choice_field
from temaplan.core.keys import free_key, key_from_text
from temaplan.core.text_limits import SENTENCES
from temaplan.plans.models import FocusArea, Strategy

from .models import ACTION_KEY_TAKEN, Action, ActionPeriod
from .strategy_picker import GroupedStrategyCheckboxes, StrategyChoiceField


class ActionForm(VersionedForm):
    # Plain text, not the model's slug field, so «pådriver» is spelt out instead of refused;
    # left blank, the key is made from the title. The model still checks what is saved.
    key = forms.CharField(
        label=_("Nøkkel"),
        max_length=60,
        required=False,
        help_text=_("Fast nøkkel for Excel-import. Står feltet tomt, lages nøkkelen av tittelen."),
    )

    class Meta:
        model = Action
        fields = [
            "key",
            "title",
            "description",
            "kind",
            "focus_area",
            "strategies",
            "responsible_unit",
            "responsible_person",
            "partners",
            "start_date",
            "due_date",
            "status",
            "progress",
            "weight",
            "priority",
            "anchored_body",
            "anchored_on",
            "anchored_case",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "anchored_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "strategies": GroupedStrategyCheckboxes,
        }
        field_classes = {"strategies": StrategyChoiceField}

    def __init__(self, *args, period, **kwargs):
        self.period = period
        super().__init__(*args, **kwargs)
        choice_field(self, "focus_area").queryset = FocusArea.objects.filter(plan_id=period.plan_id)
        strategies = choice_field(self, "strategies")
        # Grouped by focus area in the plan's order (GroupedStrategyCheckboxes relies on it).
        strategies.queryset = (
            Strategy.objects.filter(plan_id=period.plan_id)
            .select_related("focus_area")
            .order_by("focus_area__position", "focus_area__number", "position", "code", "pk")
        )

    def _period_keys(self) -> set[str]:
        others = Action.objects.filter(period=self.period).exclude(pk=self.instance.pk)
        return set(others.values_list("key", flat=True))

    def clean_key(self):
        # Checked before the model's own slug rule, which would refuse «pådriver» in English.
        typed = self.cleaned_data["key"].strip()
        if not typed:
            return ""  # made from the title in clean(), once the title is known
        key = key_from_text(typed)
        if not key:
            raise forms.ValidationError(_("Nøkkelen må ha minst én bokstav eller ett tall."))
        if key in self._period_keys():
            raise forms.ValidationError(ACTION_KEY_TAKEN, params={"key": key})
        return key

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("key") == "" and data.get("title"):
            base = key_from_text(data["title"]) or "tiltak"
            data["key"] = free_key(base, self._period_keys())
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", _("Fristen kan ikke være før starten."))
        return data


class StatusForm(NorwegianForm):
    """Status and progress changed in place from the list or the action page."""

    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    progress = forms.IntegerField(
        label=_("Framdrift (%)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            # These two are %-formatted with the limit, so the sign is written %%.
            "min_value": _("Framdriften er mellom 0 og 100 %%."),
            "max_value": _("Framdriften er mellom 0 og 100 %%."),
            "invalid": _("Framdriften er et helt tall fra 0 til 100."),
        },
    )
    comment = forms.CharField(label=_("Kommentar"), required=False, max_length=SENTENCES)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionFilterForm(NorwegianForm):
    # The choices are the plan's own, set in __init__.
    periode = forms.ModelChoiceField(
        queryset=ActionPeriod.objects.none(),
        required=False,
        label=_("Periode"),
        empty_label=_("alle perioder"),
    )
    innsatsomrade = forms.ModelChoiceField(
        queryset=FocusArea.objects.none(),
        required=False,
        label=_("Innsatsområde"),
        empty_label=_("alle"),
    )
    status = forms.ChoiceField(
        required=False, label=_("Status"), choices=[("", _("alle"))] + list(Action.Status.choices)
    )
    type = forms.ChoiceField(
        required=False, label=_("Type"), choices=[("", _("alle"))] + list(Action.Kind.choices)
    )
    ansvarlig = forms.CharField(required=False, label=_("Ansvarlig"), max_length=100)
    topp = forms.BooleanField(required=False, label=_("Bare prioriteringslisten"))
    forfalt = forms.BooleanField(required=False, label=_("Bare forfalte"))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "periode").queryset = plan.action_periods.all()
        choice_field(self, "innsatsomrade").queryset = plan.focus_areas.all()
