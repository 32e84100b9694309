"""The kinds of plan parts that editors add, edit, reorder and delete on the plan page.

One table instead of four copies of the same views: each kind names its model, its form,
the URL segment it lives under and the section of the plan page that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import register_converter

from .forms import AmbitionForm, FocusAreaForm, PartForm, PremiseForm, StrategyForm
from .models import Ambition, FocusArea, Premise, Strategy


@dataclass(frozen=True)
class PartKind:
    slug: str
    model: type[Ambition] | type[FocusArea] | type[Strategy] | type[Premise]
    form: type[PartForm]
    section: str
    label: str


KINDS = {
    kind.slug: kind
    for kind in [
        PartKind("ambisjoner", Ambition, AmbitionForm, "ambitions", "ambisjon"),
        PartKind("innsatsomrader", FocusArea, FocusAreaForm, "focus-areas", "innsatsområde"),
        PartKind("strategier", Strategy, StrategyForm, "focus-areas", "strategi"),
        PartKind("premisser", Premise, PremiseForm, "premises", "premiss"),
    ]
}
SECTIONS = ("details", "ambitions", "focus-areas", "premises", "matrix")


class KindConverter:
    regex = "|".join(KINDS)

    def to_python(self, value: str) -> PartKind:
        return KINDS[value]

    def to_url(self, value: PartKind | str) -> str:
        return value if isinstance(value, str) else value.slug


class SectionConverter:
    regex = "|".join(SECTIONS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KindConverter, "kind")
register_converter(SectionConverter, "section")
