"""The forms of the report pages: a new draft for a year, the freeze and the publishing (the
version the editor saw), and a new version with its reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import NorwegianForm
from temaplan.core.text_limits import SENTENCES
from temaplan.plans.models import Plan

YEAR_REQUIRED = _("Velg året rapporten gjelder.")
YEAR_UNKNOWN = _("Velg et av årene i listen.")
VERSION_MISSING = _("Siden var for gammel. Last den inn på nytt og prøv igjen.")
REASON_REQUIRED = _("Skriv hvorfor rapporten skal erstattes.")
REASON_TOO_LONG = _("Begrunnelsen kan være høyst %(limit_value)d tegn (den har %(show_value)d).")


class ReportCreateForm(NorwegianForm):
    year = forms.TypedChoiceField(
        label=_("År"),
        coerce=int,
        help_text=_("Dataåret rapporten gjelder, for eksempel 2021."),
        error_messages={"required": YEAR_REQUIRED, "invalid_choice": YEAR_UNKNOWN},
    )

    def __init__(self, *args, plan: Plan, last_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        years = range(plan.first_year, min(plan.last_year, last_year) + 1)
        self.fields["year"].choices = [("", _("Velg …")), *((y, str(y)) for y in reversed(years))]  # type: ignore[attr-defined]


class VersionForm(NorwegianForm):
    """The version of the report the editor saw, so a change meanwhile is not run over."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data is not None and data.get("version") is None:
            raise forms.ValidationError(VERSION_MISSING)
        return data

    def expected_version(self) -> int:
        return int(self.cleaned_data["version"])


class SupersedeForm(VersionForm):
    reason = forms.CharField(
        label=_("Begrunnelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=SENTENCES,
        help_text=_(
            "Hvorfor rapporten skal erstattes av en ny versjon, for eksempel «SSB har "
            "revidert tallene for 2020»."
        ),
        error_messages={"required": REASON_REQUIRED, "max_length": REASON_TOO_LONG},
    )
