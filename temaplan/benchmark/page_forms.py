"""Forms of the benchmarking page: the edition chooser, a new peer, a story sentence."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import NorwegianForm, VersionedForm
from temaplan.plans.models import Plan

from .models import Peer, StorySentence
from .peer_services import PEER_NOT_FOUR_DIGITS, peer_code_problem

CHOOSE_EDITION = _("Velg en av utgavene i listen.")
VERSION_MISSING = _("Siden manglet versjonen av setningen. Last inn siden på nytt og prøv igjen.")


class EditionChooser(NorwegianForm):
    utgave = forms.TypedChoiceField(
        label=_("Utgave"), coerce=int, error_messages={"invalid_choice": CHOOSE_EDITION}
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["utgave"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(year, f"Kommune-NM {year}") for year in sorted(years, reverse=True)]


class PeerForm(VersionedForm):
    """A new peer by today's municipality number and its name."""

    def __init__(self, *args, plan: Plan, history=None, **kwargs):
        self.plan = plan
        self.history = history
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "size": 6}
        )
        self.fields["code"].help_text = _("Dagens nummer, for eksempel 3312 for Lier.")
        self.fields["code"].error_messages["max_length"] = PEER_NOT_FOUR_DIGITS

    class Meta:
        model = Peer
        fields = ["code", "name"]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        problem = peer_code_problem(plan=self.plan, code=code, history=self.history)
        if problem:
            raise forms.ValidationError(problem)
        return code

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name

    def validate_unique(self) -> None:
        """Taken numbers are named by clean_code; the database refuses a double click."""


class SentenceForm(VersionedForm):
    class Meta:
        model = StorySentence
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An unsaved sentence is at version 1, as it will be when stored (story_services).
        self.fields["version"].initial = self.instance.version

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0


class VersionForm(NorwegianForm):
    """Take the generated text, or keep the edited one: only the version the editor saw."""

    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, error_messages={"required": VERSION_MISSING}
    )

    def clean_version(self) -> int:
        return self.cleaned_data["version"]

    def expected_version(self) -> int:
        return self.cleaned_data["version"]
