"""The indicator page's chart: Norwegian numbers on its axes, an empty state instead of an empty
frame, and no projection printed when it is too uncertain."""

import re
from decimal import Decimal

from django.urls import reverse

from temaplan.indicators.models import Observation, Target
from temaplan.indicators.tests.support import indicator

FARMLAND = "omdisponert-dyrket-mark"
NBSP = "\u00a0"


def chart_of(page: str) -> str:
    match = re.search(r'<svg role="img" aria-labelledby="chart-title".*?</svg>', page, re.S)
    assert match, "no chart on the page"
    return match.group(0)


def test_a_chart_in_the_thousands_writes_2_500_with_a_space_not_a_comma(reader, asker_plan):
    farmland = indicator(asker_plan, FARMLAND)
    for year, value in {2017: 2300, 2018: 2450, 2019: 2650, 2020: 2500}.items():
        Observation.objects.filter(indicator=farmland, year=year).update(value=Decimal(value))
    page = reader.get(reverse("indicators:detail", args=[farmland.pk])).content.decode()
    labels = re.findall(r">([^<]+)</text>", chart_of(page))
    assert f"2{NBSP}500" in labels
    assert not [label for label in labels if re.fullmatch(r"−?\d{1,3}(,\d{3})+", label)]
    assert "2017" in labels  # years are not grouped


def test_an_indicator_without_values_shows_an_empty_state_not_an_empty_frame(
    editor, reader, asker_plan
):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    assert share.formula  # computed from SSB
    Observation.objects.filter(indicator=share).delete()
    Target.objects.filter(indicator=share).delete()
    url = reverse("indicators:detail", args=[share.pk])
    page = reader.get(url).content.decode()
    assert "Ingen resultater eller ambisjoner ennå." in page
    assert 'aria-labelledby="chart-title"' not in page and "<svg" not in page
    assert "For få resultater" not in page and "Hent tall fra SSB" not in page
    # The editor is told what to do next; the indicator has a formula, so SSB is offered.
    page = editor.get(url).content.decode()
    assert "Legg inn resultater og ambisjoner år for år" in page
    assert reverse("ssb:sync_page", args=[asker_plan.municipality.number]) in page


def test_an_indicator_entered_by_hand_does_not_offer_ssb(editor, asker_plan):
    farmland = indicator(asker_plan, FARMLAND)
    assert not farmland.formula
    Observation.objects.filter(indicator=farmland).delete()
    Target.objects.filter(indicator=farmland).delete()
    page = editor.get(reverse("indicators:detail", args=[farmland.pk])).content.decode()
    assert "Legg inn resultater og ambisjoner år for år" in page
    assert "Hent tall fra SSB" not in page


def test_an_indicator_with_ambitions_only_still_draws_them(reader, asker_plan):
    farmland = indicator(asker_plan, FARMLAND)
    Observation.objects.filter(indicator=farmland).delete()
    assert farmland.targets.exists()
    page = reader.get(reverse("indicators:detail", args=[farmland.pk])).content.decode()
    assert "Ambisjon" in chart_of(page)
    assert "Ingen resultater eller ambisjoner ennå." not in page


def test_a_projection_too_uncertain_is_marked_so_and_not_drawn(reader, asker_plan):
    # The demo's farmland: 23, 260, 90 decares; its band would be six times its value.
    farmland = indicator(asker_plan, FARMLAND)
    page = reader.get(reverse("indicators:detail", args=[farmland.pk])).content.decode()
    assert "For usikker til å anslå" in page
    assert "Framskrivning av trenden" not in page and "Grått felt" not in page
    assert "Framskrivning" not in re.findall(r">([^<]+)</text>", chart_of(page))


def test_a_projection_certain_enough_is_printed_and_drawn(reader, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    page = reader.get(reverse("indicators:detail", args=[share.pk])).content.decode()
    assert "Framskrivning av trenden 2017–2020" in page and "Grått felt" in page
    assert "Framskrivning" in re.findall(r">([^<]+)</text>", chart_of(page))


def test_a_rank_axis_counts_in_whole_places(reader, asker_plan):
    county = indicator(asker_plan, "nho-rang-i-fylket")
    page = reader.get(reverse("indicators:detail", args=[county.pk])).content.decode()
    labels = re.findall(r">([^<]+)</text>", chart_of(page))
    assert {"2", "3", "4", "5"} <= set(labels)
    assert not [label for label in labels if "," in label or "." in label]
