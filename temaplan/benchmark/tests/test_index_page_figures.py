"""The figures of the index page (temaplan.benchmark.index_page), the pure part: words for
rank changes, numbers in their unit, and the county and peer views of a small made-up panel.
No database."""

import numpy as np
import pytest

from temaplan.benchmark.index import DEFAULT_SPEC, Panel, compute_index
from temaplan.benchmark.index_intervals import rank_intervals
from temaplan.benchmark.index_moves import gain_one_place, rank_change, ranks_within
from temaplan.benchmark.index_page import (
    NO_VALUE,
    OUT_OF_RANGE,
    change_decimals,
    index_view,
    places,
    signed,
    unit_value,
)

NBSP, MINUS = "\u00a0", "\u2212"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (0, "uendret"),
        (-1, "opp 1 plass"),
        (-12, "opp 12 plasser"),
        (1, "ned 1 plass"),
        (3, "ned 3 plasser"),
    ],
)
def test_a_change_of_rank_is_said_in_words_ranks_counting_down(change, words):
    assert places(change) == words


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0.25, 2, "+0,25"),
        (-1.5, 2, f"{MINUS}1,50"),
        (0.0, 2, "0,00"),
        (1234.5, 1, f"+1{NBSP}234,5"),
    ],
)
def test_a_change_is_signed_the_norwegian_way(value, decimals, text):
    assert signed(value, decimals) == text


@pytest.mark.parametrize(("value", "decimals"), [(0.5, 2), (-0.01, 2), (0.004, 4), (-0.0001, 4)])
def test_a_small_change_gets_enough_decimals_not_to_read_as_zero(value, decimals):
    assert change_decimals(value) == decimals


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("working_age_share", 59.53, f"59,5{NBSP}%"),
        ("job_growth", -2.25, f"{MINUS}2,3{NBSP}%"),
        ("jobs_per_employed_resident", 75.94, "75,9"),
        ("working_age_share", None, "–"),
    ],
)
def test_a_value_is_written_in_its_parameters_unit(key, value, text):
    assert unit_value(key, value) == text


# Six municipalities in two counties (32 and 33), two years, the seven parameters of the
# index: municipality i is better than i + 1 on everything, a little less so in 2022.
CODES = ("3201", "3203", "3205", "3301", "3303", "3305")
NAMES = {"3201": "Bærum", "3203": "Asker", "3205": "Lillestrøm", "3301": "Drammen"}


def made_up_result():
    rng = np.random.default_rng(7)
    base = np.linspace(60, 40, len(CODES))[:, None, None] * np.ones((1, 2, 7))
    noise = rng.normal(0, 0.5, base.shape)
    values = base + noise
    values[0, 1, :] -= 15  # Bærum falls back in 2022
    values[5, 1, 5] = np.nan  # Kommune 3305 lacks job growth in 2022
    panel = Panel(CODES, (2021, 2022), DEFAULT_SPEC.keys, values)
    return compute_index(panel)


def view_of(code="3203", peers=None, year=2022):
    result = made_up_result()
    national = rank_intervals(result, year, draws=200, seed=1)
    peers = (
        {"3301": "Drammen", "3305": "", "0220": "Asker (gammelt nummer)"}
        if peers is None
        else peers
    )
    view = index_view(
        result, national, year=year, code=code, names=NAMES, county="Akershus", peers=peers, seed=1
    )
    return result, view


def test_the_view_gives_the_municipalitys_rank_interval_and_theme_ranks():
    result, view = view_of()
    assert view.own is not None and view.own.own
    assert view.own.rank == result.rank("3203", 2022) == view.own.national
    assert view.own.low <= view.own.rank <= view.own.high
    assert [t.name for t in view.themes] == [t.name for t in DEFAULT_SPEC.themes]
    assert all(t.ranked == 6 for t in view.themes)


def test_the_change_since_last_year_adds_up_and_matches_the_split():
    result, view = view_of()
    split = rank_change(result, "3203", 2021, 2022)
    assert view.change is not None
    assert (view.change.rank_from, view.change.rank_to) == (split.rank_from, split.rank_to)
    assert view.change.change == places(split.own + split.others)
    assert (view.change.own, view.change.others) == (places(split.own), places(split.others))


def test_the_gain_rows_are_the_gain_one_place_figures_in_their_units():
    result, view = view_of(code="3205")
    gains = gain_one_place(result, "3205", 2022)
    assert gains[0].passes is not None
    assert len(view.gains) == 7
    assert view.passes == NAMES.get(gains[0].passes, gains[0].passes)
    for row, gain in zip(view.gains, gains, strict=True):
        assert row.value == unit_value(gain.parameter, gain.value)
        assert row.change.startswith(signed(gain.change, change_decimals(gain.change)))
    assert view.gains[0].change.endswith(" prosentpoeng")
    assert view.gains[-1].change.endswith(" arbeidsplasser per 100 sysselsatte bosatte")


def test_the_county_view_ranks_within_todays_county_with_its_own_intervals():
    result, view = view_of()
    county = ranks_within(result, ["3201", "3203", "3205"], 2022)
    assert [(p.code, p.rank) for p in view.county_places] == sorted(
        county.items(), key=lambda item: item[1]
    )
    for place in view.county_places:
        assert 1 <= place.low <= place.rank <= place.high <= 3
        assert place.national == result.rank(place.code, 2022)
    assert [p.own for p in view.county_places].count(True) == 1


def test_the_peer_view_is_the_peers_and_the_municipality_and_names_the_rest():
    result, view = view_of()
    # 3305 lacks a parameter, not a theme, so it is ranked; 0220 is no municipality today.
    assert {p.code for p in view.peer_places} == {"3203", "3301", "3305"}
    assert sorted(p.rank for p in view.peer_places) == [1, 2, 3]
    assert view.unknown_peers == ("Asker (gammelt nummer) (0220)",)
    assert {p.code for p in view.national_places} == {"3203", "3301", "3305"}
    assert [p.rank for p in view.national_places] == sorted(p.rank for p in view.national_places)


def test_the_first_has_nothing_to_gain_and_no_peers_no_peer_view():
    result, view = view_of(code="3301", peers={})
    best = min(CODES, key=lambda c: result.rank(c, 2022))
    _result, first = view_of(code=best, peers={})
    assert first.first and first.passes is None
    assert all(g.change == "–" for g in first.gains)
    assert view.peer_places == () and len(view.national_places) == 1


def test_a_missing_value_and_an_impossible_share_get_a_note():
    result = made_up_result()
    values = result.panel.values.copy()
    values[3, 1, 1] = np.nan  # Drammen lacks the working-age share in 2022
    values[3, 1, 2] = 99.9  # and its young share is all but full
    panel = Panel(result.panel.codes, result.panel.years, result.panel.parameters, values)
    changed = compute_index(panel)
    national = rank_intervals(changed, 2022, draws=100)
    view = index_view(
        changed, national, year=2022, code="3301", names=NAMES, county="Buskerud", peers={}, seed=1
    )
    notes = {g.parameter: g.note for g in view.gains}
    assert notes[DEFAULT_SPEC.parameters[1].name] == NO_VALUE
    gain = gain_one_place(changed, "3301", 2022)[2]
    assert gain.target is not None and gain.target > 100
    assert notes[DEFAULT_SPEC.parameters[2].name] == OUT_OF_RANGE


def test_a_municipality_missing_a_whole_theme_is_not_ranked_and_gets_no_figures():
    result = made_up_result()
    values = result.panel.values.copy()
    values[1, 1, 0:3] = np.nan  # Asker has no Demografi in 2022
    changed = compute_index(Panel(CODES, (2021, 2022), DEFAULT_SPEC.keys, values))
    national = rank_intervals(changed, 2022, draws=100)
    view = index_view(
        changed,
        national,
        year=2022,
        code="3203",
        names=NAMES,
        county="Akershus",
        peers={"3201": "Bærum"},
        seed=1,
    )
    assert view.own is None and view.gains == () and view.change is None
    assert view.ranked == 5
    assert [p.code for p in view.county_places] == ["3201", "3205"] or {
        p.code for p in view.county_places
    } == {"3201", "3205"}
    assert [p.code for p in view.peer_places] == ["3201"]
