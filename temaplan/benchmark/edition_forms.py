"""Forms for the Kommune-NM editions: an edition, a theme (with its parameters' names) and a
ranking (overall rank, score, one field per theme and per parameter of the edition). The checks
that need the stored editions are the services'; their messages come back on these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from temaplan.core.forms import VersionedForm, norwegian_fields

from . import ranking_services
from .models import Edition, Parameter, Ranking, Theme

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PARAMETERS_HELP = _("Parameternavnene slik NHO publiserer dem, ett per linje. Tom: ingen er kjent.")


class EditionForm(VersionedForm):
    class Meta:
        model = Edition
        fields = ["year", "data_year", "published_on", "municipalities_ranked", "source", "note"]
        widgets = {"published_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["data_year"].required = False
        self.fields["published_on"].required = False
        self.fields["data_year"].help_text = _("Tom: året før utgaven.")
        self.fields["published_on"].help_text = _(
            "Fylkene og kommunenumrene gjelder slik de var denne dagen. Tom: 1. juni i utgaveåret."
        )


class ThemeForm(VersionedForm):
    parameters = forms.CharField(
        label=_("Parametere"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=PARAMETERS_HELP,
        max_length=5000,
    )

    class Meta:
        model = Theme
        fields = ["name", "key", "parameters"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["key"].help_text = _(
            "Fast nøkkel: små bokstaver a–z, tall og bindestrek. Tom: lages av navnet."
        )
        if self.instance.pk:
            names = self.instance.parameters.order_by("position").values_list("name", flat=True)
            self.fields["parameters"].initial = "\n".join(names)

    def clean_key(self) -> str:
        return self.cleaned_data.get("key") or ""

    def parameter_names(self) -> list[str]:
        lines = (self.cleaned_data.get("parameters") or "").splitlines()
        return [" ".join(line.split()) for line in lines if line.strip()]

    def changes(self) -> dict[str, Any]:
        changes = {k: v for k, v in super().changes().items() if k != "parameters"}
        if not changes.get("key"):
            changes.pop("key", None)
        return changes


class RankingForm(VersionedForm):
    """A ranking with a field per theme of the edition (rank) and per parameter (value)."""

    class Meta:
        model = Ranking
        fields = ["data_year", "code", "name", "rank", "score"]

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        years = range(
            edition.data_year, edition.data_year - ranking_services.MAX_RESTATED_GAP - 1, -1
        )
        self.fields["data_year"] = forms.TypedChoiceField(
            label=_("Dataår"),
            coerce=int,
            choices=[
                (
                    year,
                    _("%(year)s (slik først publisert)") % {"year": year}
                    if year == edition.data_year
                    else _("%(year)s (gjengitt i denne utgaven)") % {"year": year},
                )
                for year in years
            ],
            initial=self.instance.data_year if self.instance.pk else edition.data_year,
        )
        self.fields["code"].help_text = _(
            "Slik det var i utgaven, for eksempel 3025 for Asker i 2021."
        )
        self.themes = list(edition.themes.all())
        self.parameters = list(
            Parameter.objects.filter(theme__edition=edition).select_related("theme")
        )
        ranked = edition.municipalities_ranked
        stored_ranks: dict[str, int] = {}
        stored_values: dict[tuple[str, str], Any] = {}
        if self.instance.pk:
            for theme_rank in self.instance.theme_ranks.select_related("theme"):
                stored_ranks[theme_rank.theme.key] = theme_rank.rank
            for value in self.instance.parameter_values.select_related("parameter__theme"):
                stored_values[value.parameter.theme.key, value.parameter.key] = value.value
        for theme in self.themes:
            self.fields[ranking_services.theme_field(theme.key)] = forms.IntegerField(
                label=_("Plassering i %(theme)s") % {"theme": theme.name},
                required=False,
                min_value=1,
                max_value=ranked,
                initial=stored_ranks.get(theme.key),
            )
        for parameter in self.parameters:
            key = (parameter.theme.key, parameter.key)
            self.fields[ranking_services.parameter_field(*key)] = forms.DecimalField(
                label=f"{parameter.theme.name}: {parameter.name}",
                required=False,
                max_digits=12,
                decimal_places=4,
                initial=stored_values.get(key),
            )
        norwegian_fields(self)

    def ranking_data(self) -> ranking_services.RankingData:
        data = self.cleaned_data
        ranks = {
            theme.key: data[ranking_services.theme_field(theme.key)]
            for theme in self.themes
            if data.get(ranking_services.theme_field(theme.key)) is not None
        }
        values = {
            (p.theme.key, p.key): data[ranking_services.parameter_field(p.theme.key, p.key)]
            for p in self.parameters
            if data.get(ranking_services.parameter_field(p.theme.key, p.key)) is not None
        }
        return ranking_services.RankingData(
            data_year=data["data_year"],
            code=data["code"].strip(),
            name=data["name"],
            rank=data["rank"],
            score=data.get("score"),
            theme_ranks=ranks,
            parameter_values=values,
        )
