"""The benchmarking charts: specs built without Django, rank 1 at the top, a text for each."""

from temaplan.benchmark.charts import (
    Profile,
    Series,
    rank_series_spec,
    rank_series_text,
    theme_profile_spec,
    theme_profile_text,
)

EDITIONS = [2018, 2019, 2020, 2021]
SERIES = [
    Series("Asker", {2018: 12, 2019: 12, 2020: 13, 2021: 11}, own=True),
    Series("Bærum", {2020: 2, 2021: 1}),
    Series("Lier", {}),
]
THEMES = [("naeringsliv", "Næringsliv"), ("demografi", "Demografi")]
PROFILE = [
    Profile("Asker", {"naeringsliv": 6, "demografi": 98}, own=True),
    Profile("Ullensaker", {"naeringsliv": 8, "demografi": 2}),
]


def y_axis(spec):
    return spec["layer"][0]["encoding"]["y"]


def test_the_rank_series_has_rank_1_at_the_top_and_a_point_per_edition_ranked():
    spec = rank_series_spec(SERIES, EDITIONS)
    assert y_axis(spec)["scale"]["reverse"] is True
    assert y_axis(spec)["scale"]["domain"] == [1, 13]
    assert [(v["kommune"], v["utgave"], v["plass"]) for v in spec["data"]["values"]] == [
        ("Asker", "2018", 12),
        ("Asker", "2019", 12),
        ("Asker", "2020", 13),
        ("Asker", "2021", 11),
        ("Bærum", "2020", 2),
        ("Bærum", "2021", 1),
    ]
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Asker", "Bærum", "Lier"]
    shapes = spec["layer"][1]["encoding"]["shape"]["scale"]["range"]
    assert len(set(shapes)) == 3  # told apart by shape as well as by colour


def test_the_rank_series_is_told_in_words():
    assert rank_series_text(SERIES, EDITIONS) == (
        "Plassering i Kommune-NM per utgave, 1 er best. Asker: 12 (2018), 12 (2019), "
        "13 (2020), 11 (2021); Bærum: 2 (2020), 1 (2021); Lier: ingen plassering."
    )


def test_the_theme_profile_has_the_themes_in_the_edition_s_order():
    spec = theme_profile_spec(PROFILE, THEMES)
    assert y_axis(spec)["scale"]["reverse"] is True
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["Næringsliv", "Demografi"]
    assert [v["plass"] for v in spec["data"]["values"]] == [6, 98, 8, 2]


def test_the_theme_profile_is_told_in_words():
    assert theme_profile_text(PROFILE, THEMES, 2021) == (
        "Plassering på hvert tema i Kommune-NM 2021, 1 er best. Asker: Næringsliv 6, "
        "Demografi 98; Ullensaker: Næringsliv 8, Demografi 2."
    )


def test_the_charts_render_with_their_labels():
    from temaplan.core.charts import render_svg

    series = render_svg(rank_series_spec(SERIES, EDITIONS), title_id="series-title")
    profile = render_svg(theme_profile_spec(PROFILE, THEMES), title_id="profile-title")
    for text in ["Plassering (1 er best, øverst)", "Utgave", "2021", "Asker", "Bærum"]:
        assert text in series
    for text in ["Tema", "Næringsliv", "Demografi", "Ullensaker"]:
        assert text in profile
    assert 'aria-labelledby="series-title"' in series
