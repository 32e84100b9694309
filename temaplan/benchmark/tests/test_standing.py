"""Where the demo's six municipalities stand in the 2020 and 2021 editions (from the slide)."""

import pytest

from temaplan.benchmark.feed import own_standing
from temaplan.benchmark.models import Edition
from temaplan.benchmark.standing import RESTATED, edition_standings


@pytest.fixture
def standings(asker_plan):
    editions = Edition.objects.filter(municipality=asker_plan.municipality)
    return {e.year: edition_standings(e, history=None) for e in editions}


def test_asker_is_4th_of_the_six_in_viken_in_2021_and_6th_in_2020(standings, asker_plan):
    asker_2021 = own_standing(standings[2021], asker_plan.municipality)
    asker_2020 = own_standing(standings[2020], asker_plan.municipality)
    assert asker_2021.county.text == "4. av de 6 kommunene i Viken vi har tall for"
    assert asker_2020.county.text == "6. av de 6 kommunene i Viken vi har tall for"


def test_last_year_is_the_edition_s_own_restatement_where_it_has_one(standings):
    baerum = standings[2021]["3024"]
    assert (baerum.rank, baerum.previous_rank, baerum.previous_from) == (1, 3, RESTATED)
    assert standings[2020]["3024"].rank == 2  # as first published in 2020


def test_without_the_code_history_an_old_number_is_not_taken_for_today_s(standings, asker_plan):
    """2019's 0220 Asker is not matched to 2020's 3025 by number; its own line is found by
    name, since renumberings kept the names."""
    asker = standings[2020]["3025"]
    assert (asker.rank, asker.previous_rank, asker.previous_from) == (13, None, None)
    assert own_standing(standings[2019], asker_plan.municipality).code == "0220"


def test_the_theme_ranks_are_those_of_the_slide(standings):
    assert standings[2021]["3025"].theme_ranks == {
        "naeringsliv": 6,
        "arbeidsmarked": 56,
        "demografi": 98,
        "kompetanse": 54,
        "kommuneokonomi": 11,
    }


def test_the_previous_county_rank_is_the_restated_one(standings):
    assert standings[2021]["3025"].previous_county.rank == 6
