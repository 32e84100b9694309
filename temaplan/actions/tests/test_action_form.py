"""The action form's strategies: one fieldset per focus area in the plan's order, each checkbox
named by its strategy's full text while long texts are shortened on screen, and the ticked
ones kept when a save is refused."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from temaplan.actions.strategy_picker import shorten_at_word

from .test_pages import an_action, new_action, period


class FormOutline(HTMLParser):
    """The fieldsets (legend text and their checkboxes) and each checkbox's accessible name
    as a screen reader gets it from its label: the label's text without aria-hidden parts."""

    def __init__(self) -> None:
        super().__init__()
        self.fieldsets: list[dict] = []  # {"legend": str, "checkboxes": [id, ...]}, nested flat
        self.open: list[dict] = []
        self.checked: set[str] = set()
        self.names: dict[str, str] = {}
        self._legend: dict | None = None
        self._label: str | None = None
        self._hidden_depth = 0
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        self._depth += 1
        if self._hidden_depth:
            self._hidden_depth += 1
        elif attr.get("aria-hidden") == "true":
            self._hidden_depth = 1
        if tag == "fieldset":
            self.open.append({"legend": "", "checkboxes": []})
            self.fieldsets.append(self.open[-1])
        elif tag == "legend":
            self._legend = self.open[-1]
        elif tag == "label" and attr.get("for"):
            self._label = attr["for"]
            self.names[self._label] = ""
        elif tag == "input" and attr.get("type") == "checkbox":
            for fieldset in self.open:
                fieldset["checkboxes"].append(attr["id"])
            if "checked" in attr:
                self.checked.add(attr["id"])
        if tag == "input" and self._hidden_depth:
            self._hidden_depth -= 1  # a void element: no end tag comes

    def handle_endtag(self, tag):
        if self._hidden_depth:
            self._hidden_depth -= 1
        if tag == "fieldset":
            self.open.pop()
        elif tag == "legend":
            self._legend = None
        elif tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._legend is not None:
            self._legend["legend"] += data
        if self._label is not None:
            if not self._hidden_depth:
                self.names[self._label] += data


def outline(html: str) -> FormOutline:
    parsed = FormOutline()
    parsed.feed(html)
    return parsed


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "text, limit, short",
    [
        ("Kort tekst.", 70, "Kort tekst."),
        (
            "Bruke kommunens innkjøp til å utvikle lokale leverandører",
            30,
            "Bruke kommunens innkjøp til å…",
        ),
        ("Bruke kommunens innkjøp, og mer", 25, "Bruke kommunens innkjøp…"),
        ("Ord  med   mange    mellomrom", 70, "Ord med mange mellomrom"),
        ("Eksakt ti", 9, "Eksakt ti"),
        ("Etablereogdriveinkubatorer", 10, "Etablereo…"),
    ],
)
def test_a_long_text_is_shortened_after_a_whole_word(text, limit, short):
    assert shorten_at_word(text, limit) == short
    assert len(shorten_at_word(text, limit)) <= limit


def strategy_fieldsets(page: FormOutline) -> list[dict]:
    """The focus areas' fieldsets: those inside the «Strategier» fieldset."""
    outer = next(f for f in page.fieldsets if squeeze(f["legend"]) == "Strategier")
    return [
        f
        for f in page.fieldsets
        if f is not outer and set(f["checkboxes"]) <= set(outer["checkboxes"]) and f["checkboxes"]
    ]


def test_every_focus_area_is_a_fieldset_with_its_name_as_legend_in_the_plan_s_order(
    editor, asker_plan
):
    html = editor.get(reverse("actions:create", args=[period(asker_plan).pk])).content.decode()
    groups = strategy_fieldsets(outline(html))
    areas = list(asker_plan.focus_areas.all())
    assert [squeeze(g["legend"]) for g in groups] == [str(area) for area in areas]
    for group, area in zip(groups, areas, strict=True):
        assert len(group["checkboxes"]) == area.strategies.count()
    assert sum(len(g["checkboxes"]) for g in groups) == 43


def test_every_strategy_checkbox_is_named_by_its_full_text_and_long_ones_are_shortened_on_screen(
    editor, asker_plan
):
    html = editor.get(reverse("actions:create", args=[period(asker_plan).pk])).content.decode()
    page = outline(html)
    boxes = [box for group in strategy_fieldsets(page) for box in group["checkboxes"]]
    full = [
        f"{s.code} {s.text}"
        for s in asker_plan.strategies.order_by(
            "focus_area__position", "focus_area__number", "position", "code"
        )
    ]
    assert [squeeze(page.names[box]) for box in boxes] == full
    shortened = [text for text in full if len(text) > 70]
    assert shortened, "the demo has strategies longer than one line"
    for text in shortened:
        assert f'<span aria-hidden="true">{shorten_at_word(text)}</span>' in html
        assert f'title="{text}"' in html
    assert "Søk i strategier" in html


def test_the_ticked_strategies_stay_ticked_when_a_save_is_refused(editor, asker_plan):
    picked = list(asker_plan.strategies.order_by("?")[:3])
    data = {
        **new_action(asker_plan),
        "strategies": [s.pk for s in picked],
        "start_date": "2023-05-01",
        "due_date": "2023-01-01",
    }
    response = editor.post(reverse("actions:create", args=[period(asker_plan).pk]), data)
    assert response.status_code == 422
    page = outline(response.content.decode())
    ticked = {squeeze(page.names[box]) for box in page.checked}
    assert ticked == {f"{s.code} {s.text}" for s in picked}
    areas = {s.focus_area for s in picked}
    legends = [squeeze(g["legend"]) for g in strategy_fieldsets(page)]
    for area in areas:
        count = sum(1 for s in picked if s.focus_area == area)
        assert f"{area} {count} valgt" in legends


def test_an_edited_action_shows_its_own_strategies_ticked(editor, asker_plan):
    action = an_action(asker_plan)
    action.strategies.set(asker_plan.strategies.all()[:2])
    page = outline(editor.get(reverse("actions:edit", args=[action.pk])).content.decode())
    assert {squeeze(page.names[box]) for box in page.checked} == {
        f"{s.code} {s.text}" for s in action.strategies.all()
    }
