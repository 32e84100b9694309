"""The form an editor rewrites one sentence of the evaluation with, and the reset's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import NorwegianForm
from temaplan.core.text_limits import PARAGRAPHS

TEXT_REQUIRED = _("Teksten må fylles ut.")


class VersionField(forms.CharField):
    """The version the editor started from. Anything but a number reads as 0, which no stored
    row has, so the save is refused as an edit conflict, with its message, never silently."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        text = str(value or "").strip()
        return int(text) if text.isdigit() and len(text) < 10 else 0


class EvaluationTextForm(NorwegianForm):
    text = forms.CharField(
        label=_("Tekst"),
        max_length=PARAGRAPHS,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": TEXT_REQUIRED},
        help_text=_(
            "Tall du skriver, sjekkes mot tallene setningen bygger på før rapporten låses."
        ),
    )
    version = VersionField()


class EvaluationResetForm(NorwegianForm):
    version = VersionField()
