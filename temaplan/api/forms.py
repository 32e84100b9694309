from django import forms

from temaplan.core.forms import NorwegianForm

from .tokens import DEFAULT_LIFETIME, LIFETIMES

NAME_REQUIRED = "Gi nøkkelen et navn, for eksempel «Datavarehus»."


class TokenForm(NorwegianForm):
    name = forms.CharField(
        label="Navn",
        max_length=100,
        help_text="Hva nøkkelen brukes til.",
        error_messages={"required": NAME_REQUIRED},
    )
    days = forms.TypedChoiceField(
        label="Gyldig i",
        choices=list(LIFETIMES.items()),
        coerce=int,
        initial=DEFAULT_LIFETIME,
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(NAME_REQUIRED)
        return name
