"""The rank-interval chart of Temaplans egen indeks: a spec built without Django (best at the
top, rank 1 at the left, the own municipality told by shape and weight, not colour alone),
rendered once to SVG."""

import subprocess
import sys

import pytest

from temaplan.benchmark.index_charts import AXIS_TITLE, _ticks, interval_label, rank_interval_spec
from temaplan.benchmark.index_page import Place

PLACES = [
    Place("3201", "Bærum", 97, 66, 168, 97, False),
    Place("3203", "Asker", 218, 194, 257, 218, True),
    Place("3209", "Ullensaker", 11, 9, 104, 11, False),
]


def test_the_rows_are_ordered_best_first_with_their_interval_and_label():
    spec = rank_interval_spec(PLACES, ranked=357)
    rows = [(v["name"], v["rank"], v["low"], v["high"], v["own"]) for v in spec["data"]["values"]]
    assert rows == [
        ("Ullensaker", 11, 9, 104, False),
        ("Bærum", 97, 66, 168, False),
        ("Asker", 218, 194, 257, True),
    ]
    assert [v["label"] for v in spec["data"]["values"]][-1] == "218. (194.–257.)"
    rule, point, _text = spec["layer"]
    assert rule["encoding"]["y"]["sort"] == ["Ullensaker", "Bærum", "Asker"]  # best at the top
    assert rule["encoding"]["x"]["field"] == "low" and rule["encoding"]["x2"]["field"] == "high"


def test_rank_one_is_at_the_left_and_the_axis_says_so():
    x = rank_interval_spec(PLACES, ranked=357)["layer"][1]["encoding"]["x"]
    assert x["scale"]["domain"] == [1, 357]
    assert "reverse" not in x["scale"]
    assert x["axis"]["title"] == AXIS_TITLE.format(ranked=357)
    assert "1 = best" in x["axis"]["title"]


def test_the_own_municipality_is_not_told_by_colour_alone():
    point = rank_interval_spec(PLACES, ranked=357)["layer"][1]["encoding"]
    assert point["shape"]["condition"] == {"test": "datum.own", "value": "diamond"}
    weight = point["y"]["axis"]["labelFontWeight"]
    assert weight["condition"]["value"] == "bold" and '"Asker"' in weight["condition"]["test"]


@pytest.mark.parametrize(
    ("ranked", "ticks"),
    [
        (3, [1, 2, 3]),
        (21, [1, 10, 20, 21]),
        (100, [1, 25, 50, 75, 100]),
        (357, [1, 50, 100, 150, 200, 250, 300, 350, 357]),
    ],
)
def test_the_rank_axis_has_round_ticks_from_1_to_the_number_ranked(ranked, ticks):
    assert _ticks(ranked) == ticks


def test_a_label_gives_the_rank_and_the_interval():
    assert interval_label(PLACES[0]) == "97. (66.–168.)"


def test_the_chart_renders_with_its_labels(settings):
    from temaplan.core.charts import render_svg

    svg = render_svg(rank_interval_spec(PLACES, ranked=357), title_id="index-chart")
    assert svg.startswith('<svg role="img" aria-labelledby="index-chart"')
    for text in ["Ullensaker", "Asker", "218. (194.–257.)", "1 = best", "357"]:
        assert text in svg


def test_the_chart_and_page_figures_modules_do_not_import_django():
    code = (
        "import sys\n"
        "import temaplan.benchmark.index_charts, temaplan.benchmark.index_page\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
