"""The influence matrix spec: pure, tested without a database."""

import pytest

from temaplan.plans.matrix import (
    FOCUS_AREA,
    PREMISE,
    SPREAD,
    MatrixPoint,
    influence_matrix_spec,
    spread_overlaps,
)


@pytest.mark.parametrize(
    "cells, expected_ys",
    [
        ([(3, 4)], [4]),
        ([(3, 4), (2, 4)], [4, 4]),
        ([(3, 4), (3, 4)], [4 + SPREAD / 2, 4 - SPREAD / 2]),
        ([(3, 4), (3, 4), (3, 4)], [4 + SPREAD, 4, 4 - SPREAD]),
        ([(1, 1), (5, 5), (1, 1)], [1 + SPREAD / 2, 5, 1 - SPREAD / 2]),
    ],
    ids=["alone", "different cells", "two share", "three share", "two of three share"],
)
def test_points_sharing_a_cell_are_fanned_out_around_it(cells, expected_ys):
    points = [MatrixPoint(f"{i}. Område", x, y, 1) for i, (x, y) in enumerate(cells, 1)]
    ys = [y for _point, y in spread_overlaps(points)]
    assert ys == pytest.approx(expected_ys)


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
