"""The action form's strategy field: the plan's strategies grouped by focus area (one fieldset
each, in the plan's order), long texts shortened at a word boundary on screen while the
checkbox keeps the full text as its accessible name. The search box over it is
temaplan/web/static/web/strategy-filter.js."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms

ELLIPSIS = "…"
# About one line of the form at full width; longer texts are cut at the last whole word.
SHORT_LENGTH = 70


def shorten_at_word(text: str, limit: int = SHORT_LENGTH) -> str:
    """`text` cut after its last whole word within `limit` characters, with «…»; as it is
    when it fits. A single word longer than the limit is cut inside it, since nothing else fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + ELLIPSIS


@dataclass
class StrategyGroup:
    """One focus area's fieldset: its legend and its checkboxes."""

    legend: str
    index: int
    options: list[dict[str, Any]] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return sum(1 for option in self.options if option["selected"])


class StrategyChoiceField(forms.ModelMultipleChoiceField):
    """Each strategy by its code and full text, never Django's str() cut at 60 characters."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.code} {' '.join(obj.text.split())}"


class GroupedStrategyCheckboxes(forms.CheckboxSelectMultiple):
    """The checkboxes in one fieldset per focus area; web/form_fields.html draws the outer
    fieldset with the field's legend, as for every group of checkboxes."""

    template_name = "actions/widgets/strategy_picker.html"

    def groups(self, name: str, value: list[str], attrs: dict | None) -> list[StrategyGroup]:
        groups: dict[int, StrategyGroup] = {}
        for index, (option_value, choice_label) in enumerate(self.choices):
            label = str(choice_label)  # StrategyChoiceField's code and full text
            strategy = option_value.instance  # type: ignore[union-attr]
            area = strategy.focus_area
            group = groups.setdefault(area.pk, StrategyGroup(str(area), len(groups)))
            option = self.create_option(
                name, option_value, label, str(option_value) in value, index, attrs=attrs
            )
            option["short_label"] = shorten_at_word(label)
            group.options.append(option)
        return list(groups.values())

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["groups"] = self.groups(name, context["widget"]["value"], attrs)
        return context
