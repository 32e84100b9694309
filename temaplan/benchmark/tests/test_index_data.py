"""Temaplans egen indeks from the shared SSB data, synced through the fake SSB server for
every municipality valid today (skips, like the other SSB data tests, when the shared folder
is absent)."""

import copy
from datetime import date

import numpy as np
import pytest

from temaplan.benchmark.index import UNRANKED, gain_one_place, rank_change, rank_intervals
from temaplan.benchmark.index_data import (
    IndexDataMissing,
    index_compute,
    index_series_fetch,
    index_series_store,
    index_sources,
)

TODAY = date(2026, 11, 28)
YEARS = [2018, 2019, 2020, 2021, 2022]  # 11618 and 03321 cover 2017–2022; growth looks back
ASKER = "3203"


_FETCHED = {}  # the fetch (no writes) is the slow part: made once for this module's tests


@pytest.fixture
def synced(db, pxweb_client, klass_client):
    """The index's series for all 357 municipalities, stored in this test's transaction."""
    if "fetched" not in _FETCHED:
        _FETCHED["fetched"] = index_series_fetch(
            today=TODAY, pxweb=pxweb_client, klass=klass_client
        )
    return index_series_store(copy.deepcopy(_FETCHED["fetched"]))


def test_every_municipality_valid_today_gets_a_rank_and_asker_an_interval(synced):
    assert len(synced.municipalities) == 357
    result = index_compute(years=YEARS)
    assert len(result.panel.codes) == 357
    for year in YEARS:
        ranks = result.ranks[:, result.panel.year_at(year)]
        # The shared extract of 11618 has Rindal (5061 from 2019) under its old code 1567,
        # all zeros, in 2019: no Arbeidsmarked for it that year, so no rank.
        unranked = {result.panel.codes[i] for i in np.flatnonzero(ranks == UNRANKED)}
        assert unranked == ({"5061"} if year == 2019 else set())
        ranked = len(result.panel.codes) - len(unranked)
        assert sorted(r for r in ranks.tolist() if r) == list(range(1, ranked + 1))  # no ties
    low, nominal, high = rank_intervals(result, 2022, draws=1000).of(ASKER)
    assert 1 <= low <= nominal <= high <= 357
    gains = gain_one_place(result, ASKER, 2022)
    assert [g.parameter for g in gains] == list(result.panel.parameters)
    assert all(g.change is not None for g in gains) or nominal == 1
    split = rank_change(result, ASKER, 2021, 2022)
    assert split.own + split.others == split.change


def test_the_index_reads_askers_figures_summed_over_the_merger(synced):
    result = index_compute(years=[2020])
    values = dict(
        zip(
            result.panel.parameters,
            result.panel.values[result.panel.code_at(ASKER), 0],
            strict=True,
        )
    )
    # Share working in Asker, as the plan has it for 2020.
    assert values["share_working_in_home_municipality"] == pytest.approx(41.7, abs=0.1)
    assert 0 < values["young_share_of_working_age"] < 100
    assert 50 < values["working_age_share"] < 70
    codes, _years, parameters = np.nonzero(np.isnan(result.panel.values))
    missing = {
        (result.panel.codes[c], result.panel.parameters[p])
        for c, p in zip(codes, parameters, strict=True)
    }
    assert missing == {("5061", "job_growth")}  # from Rindal's zeros of 2019, see above


def test_a_year_without_data_is_refused_in_norwegian(synced):
    with pytest.raises(IndexDataMissing, match="har ikke tall for 2023"):
        index_compute(years=[2022, 2023])


def test_the_index_reads_the_age_groups_of_07459():
    assert {"population_20_39", "population_20_66", "population_1_january"} <= set(index_sources())
