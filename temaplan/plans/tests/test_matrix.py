"""The influence matrix spec: pure, tested without a database."""

import itertools
import math
import re

import pytest

from temaplan.plans.matrix import (
    BUBBLE_AREA,
    FOCUS_AREA,
    GAP,
    PREMISE,
    MatrixPoint,
    influence_matrix_spec,
    legend_counts,
    spread_overlaps,
)

WIDTH = 460
PX = WIDTH / 5  # pixels per step on the 1–5 scale
LARGEST = math.sqrt(BUBBLE_AREA[1] / math.pi)  # the radius of the largest bubble, in px
HALF_STEP = (2 * LARGEST + GAP) / PX / 2


@pytest.mark.parametrize(
    "cells, expected",
    [
        ([(3, 4)], [(3, 4)]),
        ([(3, 4), (2, 4)], [(3, 4), (2, 4)]),
        ([(3, 4), (3, 4)], [(3, 4 + HALF_STEP), (3, 4 - HALF_STEP)]),
        ([(1, 1), (5, 5), (1, 1)], [(1, 1 + HALF_STEP), (5, 5), (1, 1 - HALF_STEP)]),
    ],
    ids=["alone", "different cells", "two share: one above the other", "two of three share"],
)
def test_points_sharing_a_placement_are_set_apart_around_it(cells, expected):
    points = [MatrixPoint(f"{i}. Område", x, y, 1) for i, (x, y) in enumerate(cells, 1)]
    placed = [(x, y) for _point, x, y in spread_overlaps(points, width=WIDTH)]
    assert placed == [pytest.approx(xy, abs=0.001) for xy in expected]


@pytest.mark.parametrize(
    "sharing, within_the_cell", [(2, True), (3, True), (4, True), (5, True), (6, False)]
)
def test_bubbles_sharing_a_placement_do_not_touch_even_at_the_largest_size(
    sharing, within_the_cell
):
    # Identical points too: two areas may even have the same name.
    points = [MatrixPoint("1. Samme", 3, 3, 7) for _ in range(sharing)]
    placed = [(x * PX, y * PX) for _point, x, y in spread_overlaps(points, width=WIDTH)]
    for (x1, y1), (x2, y2) in itertools.combinations(placed, 2):
        assert math.dist((x1, y1), (x2, y2)) >= 2 * LARGEST + GAP - 0.5
    # …and up to five stay within their own cell of the matrix (half a step each way).
    inside = all(abs(x / PX - 3) < 0.5 and abs(y / PX - 3) < 0.5 for x, y in placed)
    assert inside == within_the_cell


def test_the_spec_draws_each_point_where_it_was_set():
    points = [MatrixPoint("1. A", 3, 4, 2), MatrixPoint("2. B", 3, 4, 2)]
    values = influence_matrix_spec(points, width=WIDTH)["data"]["values"]
    assert [(v["x"], v["y"]) for v in values] == [
        (x, y) for _point, x, y in spread_overlaps(points, width=WIDTH)
    ]
    assert [(v["influence"], v["importance"]) for v in values] == [(3, 4), (3, 4)]


def test_the_spec_carries_every_point_with_its_mark_and_full_label():
    points = [
        MatrixPoint("1. Eksisterende næringer", 3, 5, 7),
        MatrixPoint("a) Infrastruktur og samferdsel", 1, 5, 0, PREMISE),
    ]
    spec = influence_matrix_spec(points)
    values = spec["data"]["values"]
    assert [(v["mark"], v["label"], v["kind"]) for v in values] == [
        ("1", "1. Eksisterende næringer", FOCUS_AREA),
        ("a", "a) Infrastruktur og samferdsel", PREMISE),
    ]
    matrix, key = spec["hconcat"]
    layers = matrix["layer"]
    assert layers[0]["encoding"]["size"]["field"] == "strategies"
    assert layers[0]["transform"] == [{"filter": {"field": "kind", "equal": FOCUS_AREA}}]
    assert layers[1]["transform"] == [{"filter": {"field": "kind", "equal": PREMISE}}]
    assert "påvirkning" in layers[0]["encoding"]["x"]["axis"]["title"]
    assert key["encoding"]["text"]["field"] == "label"


def test_the_spec_renders_to_svg_with_a_text_alternative_hook(settings):
    from temaplan.core.charts import render_svg

    spec = influence_matrix_spec([MatrixPoint("1. Landbruk", 2, 2, 4)])
    svg = render_svg(spec, title_id="caption")
    assert svg.startswith('<svg role="img" aria-labelledby="caption"')
    assert "Landbruk" in svg


def svg_texts(svg: str) -> list[str]:
    return re.findall(r">([^<]+)</text>", svg)


def test_the_strategy_legend_counts_in_whole_numbers(settings):
    from temaplan.core.charts import render_svg

    # Few strategies: Vega-Lite's own ticks would be «0.0 0.5 1.0 1.5 2.0».
    points = [MatrixPoint("1. A", 3, 5, 2), MatrixPoint("2. B", 3, 4, 0)]
    texts = svg_texts(render_svg(influence_matrix_spec(points)))
    legend = texts[texts.index("Premiss utenfor planen") + 1 : texts.index("Antall strategier")]
    assert legend == ["0", "1", "2"]
    assert not {"0.5", "0,5", "0.0", "0,0", "1.5", "1,5"} & set(texts)


@pytest.mark.parametrize(
    "most, shown",
    [
        (0, [0]),
        (1, [0, 1]),
        (2, [0, 1, 2]),
        (4, [0, 1, 2, 3, 4]),
        (7, [0, 2, 4, 6]),
        (12, [0, 5, 10]),
    ],
)
def test_the_legend_shows_at_most_five_whole_counts(most, shown):
    assert legend_counts(most) == shown
