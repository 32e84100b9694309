"""Forms for indicator definitions and for one year of an indicator (result, ambition, comment)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import NorwegianForm, choice_field
from temaplan.core.text_limits import SENTENCES
from temaplan.plans.forms import PartForm
from temaplan.plans.models import FocusArea
from temaplan.statistics.formulas import FORMULAS

from .models import COMPARATOR_CHOICES, INDICATOR_KEY_TAKEN, Indicator
from .status import Comparator, Unit
from .validation import value_problem

NEEDS_VALUE = {c for c in Comparator if c != Comparator.BETTER_THAN_PREVIOUS}
# Each formula setting (statistics.formulas.Setting) is a field named for its formula and name.
SETTING_FIELD = "formula_setting__{formula}__{name}"


class IndicatorForm(PartForm):
    class Meta:
        model = Indicator
        fields = [
            "key",
            "name",
            "description",
            "unit",
            "direction",
            "source",
            "influence",
            "focus_areas",
            "report_year_offset",
            "tolerance",
            "goal_text",
            "goal_comparator",
            "goal_value",
            "footnote",
            "formula",
            "kommune_nm",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "footnote": forms.Textarea(attrs={"rows": 2}),
            "focus_areas": forms.CheckboxSelectMultiple,
        }
        # The model's help text points developers to docs/formulas.md; the user reads this.
        help_texts = {
            "formula": _(
                "Temaplan beregner indikatoren fra SSBs tabeller med formelen. Ingen: "
                "resultatene legges inn for hånd eller importeres."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "focus_areas").queryset = FocusArea.objects.filter(plan=self.plan)
        for key, formula in FORMULAS.items():
            chosen = self.instance.formula_options if self.instance.formula == key else {}
            for name, setting in formula.settings.items():
                self.fields[SETTING_FIELD.format(formula=key, name=name)] = forms.ChoiceField(
                    label=f"{setting.label} ({formula.name.lower()})",
                    choices=[(value, choice.label) for value, choice in setting.choices.items()],
                    initial=(chosen or {}).get(name, setting.default),
                    required=False,
                    help_text=_("Brukes bare når indikatoren beregnes med denne formelen."),
                    error_messages={
                        "invalid_choice": _("«%(value)s» er ikke et av valgene for nevneren.")
                    },
                )

    def _setting_fields(self):
        for key, formula in FORMULAS.items():
            for name, setting in formula.settings.items():
                yield key, name, setting, SETTING_FIELD.format(formula=key, name=name)

    def changes(self) -> dict:
        fields = {field for *_rest, field in self._setting_fields()}
        return {k: v for k, v in super().changes().items() if k not in fields}

    def clean_key(self):
        key = self.cleaned_data["key"]
        taken = Indicator.objects.filter(plan=self.plan, key=key).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(INDICATOR_KEY_TAKEN, params={"key": key})
        return key

    def clean(self):
        super().clean()
        data = self.cleaned_data
        comparator = data.get("goal_comparator")
        if comparator == Comparator.BETWEEN:
            self.add_error(
                "goal_comparator",
                _("Et langsiktig mål kan ikke være «mellom»; bruk årlige ambisjoner."),
            )
        elif comparator in NEEDS_VALUE and "goal_value" in data and data["goal_value"] is None:
            self.add_error("goal_value", _("Det langsiktige målet trenger en verdi."))
        elif not comparator and data.get("goal_value") is not None:
            self.add_error("goal_comparator", _("Velg hvordan verdien skal sammenlignes."))
        # Only the chosen formula's settings are kept, and only those that differ from the
        # default, so an indicator saved without touching them keeps `{}`.
        data["formula_options"] = {
            name: data[field]
            for key, name, setting, field in self._setting_fields()
            if key == data.get("formula") and data.get(field) not in ("", None, setting.default)
        }
        return data


class YearForm(NorwegianForm):
    """Result, ambition and comment of one indicator in one year, edited together in place."""

    value = forms.DecimalField(label=_("Resultat"), required=False, max_digits=16, decimal_places=4)
    provisional = forms.BooleanField(label=_("Foreløpig tall"), required=False)
    source_note = forms.CharField(label=_("Kildemerknad"), required=False, max_length=300)
    comparator = forms.ChoiceField(
        label=_("Ambisjon"),
        required=False,
        choices=[("", _("ingen ambisjon")), *COMPARATOR_CHOICES],
    )
    target_value = forms.DecimalField(
        label=_("Ambisjonens verdi"), required=False, max_digits=16, decimal_places=4
    )
    target_high = forms.DecimalField(
        label=_("Øvre grense (for «mellom»)"), required=False, max_digits=16, decimal_places=4
    )
    comment = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=SENTENCES,  # YearComment.text's limit
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # The versions of the year's result, ambition and comment as the editor opened them.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, unit: Unit, **kwargs):
        self.unit = unit
        super().__init__(*args, **kwargs)

    def clean_value(self) -> Decimal | None:
        value = self.cleaned_data["value"]
        if value is not None and (problem := value_problem(value, self.unit)):
            raise forms.ValidationError(problem)
        return value

    def clean(self):
        super().clean()
        data = self.cleaned_data
        comparator = data.get("comparator")
        # A value that could not be read has its message already; «trenger en verdi» would
        # contradict it.
        if comparator in NEEDS_VALUE and "target_value" in data and data["target_value"] is None:
            self.add_error("target_value", _("Ambisjonen trenger en verdi."))
        if comparator == Comparator.BETWEEN:
            low, high = data.get("target_value"), data.get("target_high")
            if "target_high" not in data:
                pass  # its own message says why it could not be read
            elif high is None:
                self.add_error("target_high", _("«Mellom» trenger en øvre grense."))
            elif low is not None and high < low:
                self.add_error("target_high", _("Øvre grense kan ikke være lavere enn nedre."))
        return data
