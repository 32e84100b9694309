"""The form a municipality fills in its part of the accessibility statement with. The rules
between the fields are the service's (statement_services.py); their messages come back on
these fields."""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import VersionedForm

from .models import NOT_A_WEB_ADDRESS, AccessibilityStatement
from .statement_services import FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NOT_AN_EMAIL = _("Skriv en gyldig e-postadresse, for eksempel postmottak@kommunen.no.")
NOT_A_DATE = _("Skriv datoen som 03.12.2026 eller 2026-12-03.")


class StatementForm(VersionedForm):
    # Declared here for «https://» in front of an address typed without it.
    contact_form_url = forms.URLField(
        label=capfirst(AccessibilityStatement._meta.get_field("contact_form_url").verbose_name),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": NOT_A_WEB_ADDRESS},
        help_text=AccessibilityStatement._meta.get_field("contact_form_url").help_text,
    )

    class Meta:
        model = AccessibilityStatement
        fields = list(FIELDS)
        widgets = {
            "deviations": forms.Textarea(attrs={"rows": 5}),
            "evaluated_on": DATE,
            "reviewed_on": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["contact_email"].error_messages["invalid"] = NOT_AN_EMAIL
        fields["contact_email"].widget.attrs["autocomplete"] = "email"
        fields["contact_phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        for name in ("evaluated_on", "reviewed_on"):
            fields[name].error_messages["invalid"] = NOT_A_DATE
