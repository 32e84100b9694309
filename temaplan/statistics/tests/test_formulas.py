"""The indicator formulas, pure and table-driven; and the two checks against Asker's slide."""

import pytest

from temaplan.statistics.formulas import (
    FORMULAS,
    FormulaSettingError,
    compute,
    employment_rate_by_workplace,
    farmland_converted,
    input_sources,
    job_growth_share_of_population_growth,
    population_growth_3y,
    share_working_in_home_municipality,
)


@pytest.mark.parametrize(
    "jobs, population, year, expected, flags",
    [
        ({2019: 1000, 2020: 1100}, {2020: 5000, 2021: 5200}, 2020, 50.0, ()),
        ({2019: 1000, 2020: 900}, {2020: 5000, 2021: 5200}, 2020, -50.0, ()),
        ({2019: 1000, 2020: 1010}, {2020: 5000, 2021: 5020}, 2020, 50.0, ("ustabil",)),
        ({2019: 1000, 2020: 1010}, {2020: 5000, 2021: 4990}, 2020, -100.0, ("ustabil",)),
        (
            {2019: 1000, 2020: 1010},
            {2020: 5000, 2021: 5000},
            2020,
            None,
            ("ustabil", "ingen befolkningsvekst"),
        ),
        ({2020: 1100}, {2020: 5000, 2021: 5200}, 2020, None, ("mangler data",)),
        ({2019: 1000, 2020: 1100}, {2020: 5000}, 2020, None, ("mangler data",)),
    ],
    ids=[
        "growth",
        "loss",
        "small growth",
        "population falls",
        "no growth",
        "no jobs before",
        "no population after",
    ],
)
def test_job_growth_is_a_share_of_population_growth(jobs, population, year, expected, flags):
    result = job_growth_share_of_population_growth(
        jobs_by_workplace=jobs, population_1_january=population, year=year
    )
    assert result.value == (pytest.approx(expected) if expected is not None else None)
    assert result.flags == flags


def test_the_slides_minus_480_jobs_give_minus_101_percent_for_asker_2020(ssb_data):
    """Real population (1 January, today's Asker 3203) from the harmonised SSB file."""
    import csv

    population = {}
    with open(ssb_data / "population_b2024" / "population_total_b2024_2005_2026.csv") as f:
        for row in csv.DictReader(f):
            if row["location_code"] == "municip_nor3203":
                population[int(row["calyear"])] = float(row["pop_jan1_n"])
    assert population[2021] - population[2020] == 474
    jobs = {2019: 10_000.0, 2020: 10_000.0 - 480}
    result = job_growth_share_of_population_growth(
        jobs_by_workplace=jobs, population_1_january=population, year=2020
    )
    assert round(result.value) == -101
    assert result.inputs == {"jobs_change": -480.0, "population_change": 474.0}


@pytest.mark.parametrize(
    "here, employed, expected",
    [
        ({2020: 419}, {2020: 1000}, 41.9),
        ({2020: 0}, {2020: 10}, 0.0),
        ({2020: 5}, {2020: 0}, None),
        ({}, {2020: 10}, None),
    ],
)
def test_the_share_working_at_home_divides_the_diagonal_by_employed_residents(
    here, employed, expected
):
    result = share_working_in_home_municipality(
        living_and_working_here=here, employed_residents=employed, year=2020
    )
    assert result.value == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    "formula, kwargs, expected",
    [
        (
            employment_rate_by_workplace,
            {"jobs_by_workplace": {2020: 36699}, "population_15_74": {2020: 69653}},
            52.688,
        ),
        (population_growth_3y, {"population_1_january": {2017: 100, 2020: 103}}, 3.0),
        (population_growth_3y, {"population_1_january": {2020: 103}}, None),
        (farmland_converted, {"decares_converted": {2020: 15.0}}, 15.0),
        (farmland_converted, {"decares_converted": {}}, None),
    ],
)
def test_the_other_formulas(formula, kwargs, expected):
    result = formula(**kwargs, year=2020)
    assert result.value == (pytest.approx(expected, abs=1e-3) if expected is not None else None)


def test_every_formula_has_its_documented_key():
    assert set(FORMULAS) == {
        "job_growth_share_of_population_growth",
        "share_working_in_home_municipality",
        "employment_rate_by_workplace",
        "population_growth_3y",
        "farmland_converted",
    }


def test_compute_runs_a_formula_over_years_by_name():
    values = compute(
        "population_growth_3y",
        {"population_1_january": {2017: 100, 2018: 100, 2020: 110}},
        [2020, 2021],
    )
    assert [v.value for v in values] == [pytest.approx(10.0), None]


def test_formulas_are_documented_in_docs():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "docs" / "formulas.md").read_text()
    for key in FORMULAS:
        assert f"`{key}`" in text


@pytest.mark.parametrize(
    "key, options, expected",
    [
        (
            "share_working_in_home_municipality",
            {},
            {
                "living_and_working_here": "living_and_working_here",
                "employed_residents": "employed_residents",
            },
        ),
        (
            "share_working_in_home_municipality",
            {"denominator": "employed_by_residence"},
            {
                "living_and_working_here": "living_and_working_here",
                "employed_residents": "employed_residents",
            },
        ),
        (
            "share_working_in_home_municipality",
            {"denominator": "row_total"},
            {
                "living_and_working_here": "living_and_working_here",
                "employed_residents": "employed_residents_in_03321",
            },
        ),
        ("population_growth_3y", None, {"population_1_january": "population_1_january"}),
    ],
)
def test_a_formula_setting_chooses_which_stored_series_an_input_reads(key, options, expected):
    assert input_sources(key, options) == expected


@pytest.mark.parametrize(
    "key, options, message",
    [
        (
            "share_working_in_home_municipality",
            {"denominator": "tull"},
            "«tull» er ikke et gyldig valg for «Nevner» i «Andel sysselsatte bosatte som jobber "
            "i egen kommune». Velg «employed_by_residence» eller «row_total».",
        ),
        (
            "share_working_in_home_municipality",
            {"denominator": 3},
            "«3» er ikke et gyldig valg for «Nevner»",
        ),
        (
            "share_working_in_home_municipality",
            {"farge": "rød"},
            "har ingen innstilling «farge» (den har «denominator»).",
        ),
        (
            "population_growth_3y",
            {"denominator": "row_total"},
            "Formelen «Befolkningsvekst siste tre år» har ingen innstilling «denominator».",
        ),
    ],
)
def test_a_setting_the_formula_does_not_have_is_refused_in_norwegian(key, options, message):
    with pytest.raises(FormulaSettingError) as raised:
        input_sources(key, options)
    assert message in str(raised.value)


def test_every_setting_s_replacements_name_inputs_and_known_sources():
    from temaplan.statistics.sources import SOURCES

    for formula in FORMULAS.values():
        for setting in formula.settings.values():
            assert setting.default in setting.choices
            for choice in setting.choices.values():
                assert set(choice.replaces) <= set(formula.inputs)
                assert set(choice.replaces.values()) <= set(SOURCES)


@pytest.mark.parametrize(
    "key, options, expected",
    [
        (
            "share_working_in_home_municipality",
            {},
            "Andel sysselsatte bosatte som jobber i egen kommune "
            "(nevner: sysselsatte etter bosted (11618))",
        ),
        (
            "share_working_in_home_municipality",
            {"denominator": "row_total"},
            "Andel sysselsatte bosatte som jobber i egen kommune "
            "(nevner: radsummen i 03321 (alle arbeidssteder))",
        ),
        (
            "share_working_in_home_municipality",
            {"denominator": "tull"},
            "Andel sysselsatte bosatte som jobber i egen kommune (nevner: ukjent valg «tull»)",
        ),
        ("population_growth_3y", {}, "Befolkningsvekst siste tre år"),
    ],
)
def test_a_formula_is_described_with_every_setting_spelled_out(key, options, expected):
    from temaplan.statistics.formulas import describe

    assert describe(key, options) == expected


# -- the formulas of Temaplans egen indeks (docs/index.md) --------------------------------------


@pytest.mark.parametrize(
    "key, inputs, expected",
    [
        (
            "employment_rate_of_residents",
            {"employed_residents": {2020: 700}, "population_15_74": {2020: 1000}},
            70.0,
        ),
        ("employment_rate_of_residents", {"employed_residents": {2020: 700}}, None),
        (
            "jobs_per_employed_resident",
            {"jobs_by_workplace": {2020: 750}, "employed_residents": {2020: 1000}},
            75.0,
        ),
        (
            "jobs_per_employed_resident",
            {"jobs_by_workplace": {2020: 750}, "employed_residents": {2020: 0}},
            None,
        ),
        ("job_growth", {"jobs_by_workplace": {2019: 800, 2020: 820}}, 2.5),
        ("job_growth", {"jobs_by_workplace": {2019: 800, 2020: 780}}, -2.5),
        ("job_growth", {"jobs_by_workplace": {2019: 0, 2020: 833}}, None),  # Rindal's zeros
        (
            "working_age_share",
            {"population_20_66": {2020: 600}, "population_1_january": {2020: 1000}},
            60.0,
        ),
        (
            "young_share_of_working_age",
            {"population_20_39": {2020: 240}, "population_20_66": {2020: 600}},
            40.0,
        ),
        ("young_share_of_working_age", {"population_20_66": {2020: 600}}, None),
    ],
)
def test_the_index_formulas(key, inputs, expected):
    [result] = compute(key, inputs, [2020])
    assert result.value == (pytest.approx(expected) if expected is not None else None)
    assert ("mangler data" in result.flags) == (expected is None)


def test_the_index_formulas_are_documented_in_docs():
    from pathlib import Path

    from temaplan.statistics.formulas import INDEX_FORMULAS

    docs = Path(__file__).resolve().parents[3] / "docs"
    for key in INDEX_FORMULAS:
        assert f"`{key}`" in (docs / "index.md").read_text()
        assert f"`{key}`" in (docs / "formulas.md").read_text()
